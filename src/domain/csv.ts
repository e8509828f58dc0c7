// CSV reading and writing, shared by the CLI and the browser batch, a chunk at a time so files of
// any size stream through in constant memory.
//
// Own code, not a library (papaparse and csv-parse were weighed, see README "Batch files"): the
// decoder reads every line in its own encoding (a file that mixes UTF-8 and Windows-1252 lines, as
// files pasted together from two Excel versions do); papaparse decodes a browser File in one
// encoding itself, and neither reports the file line where a record starts, which every message
// here names. The CSV grammar itself is RFC 4180.

/** The cell separators we read and write: Belgian Excel writes ";", most tools ",", Excel's "Unicode text" a tab. */
export type Delimiter = ',' | ';' | '\t';

/** The longest record read (characters): longer is refused, so a stray quote or a file without line breaks never fills the memory. */
export const MAX_RECORD_CHARS = 1_048_576;

/** Why the text is not readable CSV; `line` is the (1-based) file line where the problem starts. */
export type CsvProblemKind = 'unclosed-quote' | 'stray-quote' | 'record-too-long';

/** A file that is not readable CSV at `line` (1-based). */
export class CsvError extends Error {
  constructor(readonly line: number, message: string, readonly kind: CsvProblemKind = 'unclosed-quote') {
    super(message);
    this.name = 'CsvError';
  }
}

/** One record: its cells (not trimmed) and the file line it starts on (1-based, counting the `sep=` line and blank lines). */
export interface CsvRecord {
  cells: string[];
  line: number;
}

const countBreaks = (s: string) => {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  for (let i = s.indexOf('\r'); i >= 0; i = s.indexOf('\r', i + 1)) if (s[i + 1] !== '\n') n++;
  return n;
};

/**
 * The delimiter of a header record: the one of ";", "," and tab found most often outside quotes
 * in the first record (which may span lines when a quoted cell holds a line break); "," when none.
 */
function delimiterOf(firstRecord: string): Delimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of firstRecord) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  const best = (['\t', ';', ','] as const).reduce((a, b) => (counts[b] > counts[a] ? b : a));
  return counts[best] > 0 ? best : ',';
}

/** Where the first record ends (index after its line break), quotes respected, or -1 when the text has no complete record yet. */
function firstRecordEnd(s: string): number {
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) return ch === '\r' && s[i + 1] === '\n' ? i + 2 : i + 1;
  }
  return -1;
}

/**
 * Reads CSV text pushed in chunks (RFC 4180: "" inside quotes is a quote; a quote opens a quoted
 * cell only at its start; lines end in CRLF, LF or CR). The delimiter is taken from Excel's
 * `sep=;` first line when there is one, else from the first record (delimiterOf). A leading BOM is
 * dropped; cells are not trimmed; blank lines yield records of one empty cell (the caller skips
 * them; line numbers count them). Errors (CsvError): a quoted cell never closed, text after a
 * closing quote, a record longer than MAX_RECORD_CHARS.
 */
export class CsvReader {
  /** The delimiter, once known (after the first record). */
  delimiter: Delimiter | null;
  /** Whether the file started with Excel's `sep=` line. */
  sepLine = false;
  private buf = '';
  private line = 1;
  private started = false;

  constructor(delimiter?: Delimiter) {
    this.delimiter = delimiter ?? null;
  }

  /** Adds text; returns the records completed by it. */
  push(text: string): CsvRecord[] {
    this.buf += text;
    return this.drain(false);
  }

  /** The end of the text: returns the last records. */
  end(): CsvRecord[] {
    return this.drain(true);
  }

  private drain(final: boolean): CsvRecord[] {
    if (!this.started) {
      if (this.buf.length < 8 && !final) return [];
      this.buf = this.buf.replace(/^\uFEFF/, '');
      const sep = /^sep=([,;\t|])[ \t]*(\r\n|\n|\r|$)/i.exec(this.buf);
      if (sep) {
        if (!sep[2] && !final) return [];
        if (sep[1] !== '|') this.delimiter = sep[1] as Delimiter;
        this.sepLine = true;
        this.buf = this.buf.slice(sep[0].length);
        this.line++;
      }
      this.started = true;
    }
    if (this.delimiter === null) {
      const end = firstRecordEnd(this.buf);
      if (end < 0 && !final) {
        if (this.buf.length > MAX_RECORD_CHARS) throw new CsvError(this.line, `the record on line ${this.line} is longer than ${MAX_RECORD_CHARS} characters`, 'record-too-long');
        return [];
      }
      this.delimiter = delimiterOf(end < 0 ? this.buf : this.buf.slice(0, end));
    }
    const records: CsvRecord[] = [];
    const s = this.buf;
    let pos = 0;
    for (;;) {
      if (pos >= s.length) break;
      const r = this.scanRecord(s, pos, final);
      if (r === null) break;
      records.push({ cells: r.cells, line: this.line });
      this.line += 1 + r.breaks;
      pos = r.end;
    }
    this.buf = s.slice(pos);
    if (this.buf.length > MAX_RECORD_CHARS) throw new CsvError(this.line, `the record on line ${this.line} is longer than ${MAX_RECORD_CHARS} characters`, 'record-too-long');
    return records;
  }

  /** One record from `start`: its cells, the index after its line break, the line breaks inside quoted cells; null when incomplete. */
  private scanRecord(s: string, start: number, final: boolean): { cells: string[]; end: number; breaks: number } | null {
    const delim = this.delimiter!;
    const cells: string[] = [];
    let breaks = 0;
    let i = start;
    for (;;) {
      if (s.charCodeAt(i) === 34 /* " */) {
        let j = i + 1;
        let cell = '';
        for (;;) {
          const q = s.indexOf('"', j);
          if (q < 0 || (q === s.length - 1 && !final)) {
            if (!final) return null;
            throw new CsvError(this.line + breaks, `a quoted cell starting on line ${this.line + breaks} is never closed`, 'unclosed-quote');
          }
          if (s[q + 1] === '"') {
            cell += s.slice(j, q + 1);
            j = q + 2;
            continue;
          }
          cell += s.slice(j, q);
          i = q + 1;
          break;
        }
        if (i - start > MAX_RECORD_CHARS) throw new CsvError(this.line, `the record on line ${this.line} is longer than ${MAX_RECORD_CHARS} characters`, 'record-too-long');
        const startLine = this.line + breaks;
        breaks += countBreaks(cell);
        cells.push(cell);
        const next = s[i];
        if (next === delim) { i++; continue; }
        if (next === '\n') return { cells, end: i + 1, breaks };
        if (next === '\r') {
          if (i + 1 >= s.length && !final) return null;
          return { cells, end: s[i + 1] === '\n' ? i + 2 : i + 1, breaks };
        }
        if (next === undefined) {
          if (!final) return null;
          return { cells, end: i, breaks };
        }
        // Text after the closing quote: a quote that swallowed line breaks is a stray opening quote
        // (the rest of the file would vanish into one cell): refused. Otherwise the text is kept in
        // the cell, as Excel does ("klik")" -> klik)).
        if (/[\r\n]/.test(cell)) throw new CsvError(startLine, `a quoted cell on line ${startLine} is followed by text after its closing quote: a quote inside a cell must be doubled ("")`, 'stray-quote');
        let k = i;
        for (; k < s.length; k++) {
          const c = s.charCodeAt(k);
          if (c === 10 || c === 13 || s[k] === delim) break;
        }
        if (k >= s.length && !final) return null;
        cells[cells.length - 1] = cell + s.slice(i, k);
        i = k;
        const after = s[i];
        if (after === delim) { i++; continue; }
        if (after === undefined) return { cells, end: i, breaks };
        if (after === '\r' && i + 1 >= s.length && !final) return null;
        return { cells, end: after === '\r' && s[i + 1] === '\n' ? i + 2 : i + 1, breaks };
      }
      let k = i;
      let code = 0;
      for (; k < s.length; k++) {
        code = s.charCodeAt(k);
        if (code === 10 || code === 13 || s[k] === delim) break;
      }
      if (k >= s.length) {
        if (!final) return null;
        cells.push(s.slice(i, k));
        return { cells, end: k, breaks };
      }
      cells.push(s.slice(i, k));
      if (k - start > MAX_RECORD_CHARS) throw new CsvError(this.line, `the record on line ${this.line} is longer than ${MAX_RECORD_CHARS} characters`, 'record-too-long');
      if (code === 10) return { cells, end: k + 1, breaks };
      if (code === 13) {
        if (k + 1 >= s.length && !final) return null;
        return { cells, end: s[k + 1] === '\n' ? k + 2 : k + 1, breaks };
      }
      i = k + 1;
      if (i >= s.length) {
        if (!final) return null;
        cells.push('');
        return { cells, end: i, breaks };
      }
    }
  }
}

/**
 * The delimiter a CSV text uses: `sep=` first line, else the most frequent of ";", "," and tab
 * outside quotes in its first record; "," when none. Never throws.
 */
export function detectDelimiter(text: string): Delimiter {
  const reader = new CsvReader();
  try {
    reader.push(text.slice(0, MAX_RECORD_CHARS));
    reader.end();
  } catch {
    // The delimiter is known before a record fails.
  }
  return reader.delimiter ?? ',';
}

/** Whether a record holds nothing but blanks and delimiters (a blank line, or Excel's ";;;;" rows). */
export const isBlankRecord = (cells: string[]) => cells.every((c) => c.trim() === '');

/**
 * Parses a whole CSV text into rows of cells (CsvReader with `delimiter`, or the detected one); records
 * that are blank (isBlankRecord) are skipped. Throws CsvError.
 */
export function parseCsv(text: string, delimiter?: Delimiter): string[][] {
  const reader = new CsvReader(delimiter);
  return [...reader.push(text), ...reader.end()].filter((r) => !isBlankRecord(r.cells)).map((r) => r.cells.map(unneutraliseCell));
}

// A number Excel shows as a number, not a formula: "-12,5", "+3", "-1.800.000".
const PLAIN_NUMBER = /^[+-]?(\d+([.,]\d+)*|[.,]\d+)$/;
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * A cell Excel would evaluate as a formula (CSV injection, as OWASP describes it: starting with
 * = + - @, a tab or CR) gets a leading quote '; a plain number ("-12,5") does not. Cells that
 * already start with quotes before such a character get one more, so unneutraliseCell gives back
 * exactly the original: every string round-trips. Never throws.
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** The inverse of neutraliseCell (what the reader applies to every cell): one leading ' dropped before a formula start. */
export function unneutraliseCell(value: string): string {
  return value.charCodeAt(0) === 39 && FORMULA_START.test(value.slice(1)) && !PLAIN_NUMBER.test(value.slice(1)) ? value.slice(1) : value;
}

/**
 * One row as CSV (RFC 4180), ending in CRLF: every cell neutralised, quoted when it holds a quote,
 * the delimiter or a line break; other cells exactly as they are ("-12,5" in a ";" file). A
 * `header` row also quotes cells holding any of ",", ";" and tab, so the delimiter is detected
 * again when the file is read back.
 */
export function writeCsvRow(row: readonly string[], delimiter: Delimiter, header = false): string {
  let out = '';
  for (let i = 0; i < row.length; i++) {
    const v = neutraliseCell(row[i]!);
    if (i) out += delimiter;
    const quote = v.includes('"') || v.includes('\n') || v.includes('\r') || v.includes(delimiter) || (header && /[,;\t]/.test(v));
    out += quote ? `"${v.replace(/"/g, '""')}"` : v;
  }
  return `${out}\r\n`;
}

/** Writes rows as CSV text (writeCsvRow each, the first as a header): lines end in CRLF, the last one too. Never throws. */
export function writeCsv(rows: string[][], delimiter: Delimiter): string {
  return rows.map((r, i) => writeCsvRow(r, delimiter, i === 0)).join('');
}

// ---------------------------------------------------------------------------------------------
// Bytes to text, a chunk at a time.

/** The encoding a file was read in; `mixed` when some lines were UTF-8 and others Windows-1252. */
export type Encoding = 'utf-8' | 'windows-1252' | 'mixed' | 'utf-16le' | 'utf-16be';

/** Bytes that are no text (an image, an .xlsx, a NUL anywhere): `line` is the file line of the first such byte. */
export class NotTextError extends Error {
  constructor(readonly line: number) {
    super(`binary data (a NUL byte) on line ${line}`);
    this.name = 'NotTextError';
  }
}

// Windows-1252 is Latin-1 but for 0x80-0x9F (€, curly quotes, dashes...). Node's TextDecoder treats
// those as control characters, so they are mapped here; the browser and the CLI then read alike.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Length of a valid UTF-8 sequence of 2-4 bytes at `i`, or 0. */
function utf8SequenceAt(b: Uint8Array, i: number): number {
  const c = b[i]!;
  const cont = (k: number) => i + k < b.length && (b[i + k]! & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    if (!cont(1) || !cont(2)) return 0;
    const c1 = b[i + 1]!;
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f)) return 0;
    return 3;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const c1 = b[i + 1]!;
    if ((c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return 0;
    return 4;
  }
  return 0;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

/**
 * One line that is not valid UTF-8: every valid UTF-8 sequence is read as UTF-8 (the "é" of a
 * UTF-8 name), every other byte as Windows-1252 (the "é" of an old Excel export). A Windows-1252
 * text practically never holds a valid UTF-8 sequence ("Ã©"), so each character comes out as written.
 */
function decodeMixedLine(b: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      let j = i + 1;
      while (j < b.length && b[j]! < 0x80) j++;
      out += String.fromCharCode(...b.subarray(i, j));
      i = j;
      continue;
    }
    const n = utf8SequenceAt(b, i);
    if (n) {
      out += utf8Lenient.decode(b.subarray(i, i + n));
      i += n;
    } else {
      out += c <= 0x9f ? CP1252_HIGH[c - 0x80] : String.fromCharCode(c);
      i++;
    }
  }
  return out;
}

const concat = (a: Uint8Array, b: Uint8Array) => {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

/**
 * Decodes a file's bytes pushed in chunks as Excel and other tools write them: UTF-16 with a BOM
 * (Excel's "Unicode text", or without BOM when every other byte is NUL), else each line on its
 * own: UTF-8 (with or without BOM) when it is valid UTF-8, else decodeMixedLine (Windows-1252, as
 * older Excel writes). One bad byte thus changes one character, never the whole file. A NUL byte
 * anywhere (not UTF-16) throws NotTextError naming its line.
 */
export class ByteDecoder {
  /** The encoding seen so far (final after end()). */
  encoding: Encoding = 'utf-8';
  /** The first line read as Windows-1252 (1-based), if any. */
  firstWindows1252Line: number | null = null;
  private sawUtf8 = false;
  private sawCp1252 = false;
  private carry: Uint8Array = new Uint8Array(0);
  private utf16: TextDecoder | null = null;
  private started = false;
  private line = 1;

  /** Adds bytes; returns the text they complete. */
  push(bytes: Uint8Array): string {
    return this.run(bytes, false);
  }

  /** The end of the file: returns the last text. */
  end(): string {
    return this.run(new Uint8Array(0), true);
  }

  private run(bytes: Uint8Array, final: boolean): string {
    let b = concat(this.carry, bytes);
    this.carry = new Uint8Array(0);
    if (!this.started) {
      if (b.length < 4 && !final) {
        this.carry = b;
        return '';
      }
      this.started = true;
      if (b[0] === 0xff && b[1] === 0xfe) { this.encoding = 'utf-16le'; b = b.subarray(2); }
      else if (b[0] === 0xfe && b[1] === 0xff) { this.encoding = 'utf-16be'; b = b.subarray(2); }
      else if (b.length >= 4 && b[0] !== 0 && b[1] === 0 && b[2] !== 0 && b[3] === 0) this.encoding = 'utf-16le';
      else if (b.length >= 4 && b[0] === 0 && b[1] !== 0 && b[2] === 0 && b[3] !== 0) this.encoding = 'utf-16be';
      else if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
      if (this.encoding === 'utf-16le' || this.encoding === 'utf-16be') this.utf16 = new TextDecoder(this.encoding);
    }
    if (this.utf16) {
      const text = this.utf16.decode(b, { stream: !final });
      const nul = text.indexOf('\u0000');
      if (nul >= 0) throw new NotTextError(this.line + countBreaks(text.slice(0, nul)));
      this.line += countBreaks(text);
      return text;
    }
    // Decode up to the last line break; the rest waits for the next chunk (a character may be cut).
    let cut = b.length;
    if (!final) {
      cut = -1;
      for (let i = b.length - 1; i >= 0; i--) if (b[i] === 10 || b[i] === 13) { cut = i + 1; break; }
      if (cut < 0) {
        // A line longer than the record cap is refused by the CSV reader; hand over what is whole.
        if (b.length < 4 * MAX_RECORD_CHARS) {
          this.carry = b;
          return '';
        }
        cut = b.length - 4;
        while (cut > 0 && (b[cut]! & 0xc0) === 0x80) cut--;
      }
      this.carry = b.slice(cut);
    }
    return this.decodeLines(b.subarray(0, cut));
  }

  private decodeLines(b: Uint8Array): string {
    const nul = b.indexOf(0);
    if (nul >= 0) {
      let line = this.line;
      for (let i = b.indexOf(10); i >= 0 && i < nul; i = b.indexOf(10, i + 1)) line++;
      throw new NotTextError(line);
    }
    let text: string | null;
    try {
      text = utf8.decode(b);
    } catch {
      text = null;
    }
    let lines = 0;
    for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) lines++;
    if (text !== null) {
      if (!this.sawUtf8 && b.some((x) => x >= 0x80)) this.sawUtf8 = true;
      this.line += lines;
      this.update();
      return text;
    }
    // Line by line: each in its own encoding.
    let out = '';
    let from = 0;
    while (from < b.length) {
      let to = b.indexOf(10, from);
      to = to < 0 ? b.length : to + 1;
      const part = b.subarray(from, to);
      let decoded: string;
      try {
        decoded = utf8.decode(part);
        if (!this.sawUtf8 && part.some((x) => x >= 0x80)) this.sawUtf8 = true;
      } catch {
        decoded = decodeMixedLine(part);
        this.sawCp1252 = true;
        this.firstWindows1252Line ??= this.line;
      }
      out += decoded;
      if (to <= b.length && b[to - 1] === 10) this.line++;
      from = to;
    }
    this.update();
    return out;
  }

  private update() {
    this.encoding = this.sawCp1252 ? (this.sawUtf8 ? 'mixed' : 'windows-1252') : 'utf-8';
  }
}

/**
 * Text of a whole file (ByteDecoder): the text (BOM dropped) and its encoding. Throws NotTextError
 * on a NUL byte.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const d = new ByteDecoder();
  const text = d.push(bytes) + d.end();
  return { text: text.replace(/^\uFEFF/, ''), encoding: d.encoding };
}
