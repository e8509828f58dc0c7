// CSV reading and writing (RFC 4180 quoting), shared by the CLI and the browser batch.

/** The cell separators we read and write. */
export type Delimiter = ',' | ';';

/**
 * Belgian Excel writes ";", most other tools ",": the header line decides (more semicolons than
 * commas outside quotes: ";", else ","). Never throws.
 */
export function detectDelimiter(text: string): Delimiter {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return semicolons > commas ? ';' : ',';
}

/** A file that is not readable CSV; `line` is the (1-based) text line where the problem starts. */
export class CsvError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
    this.name = 'CsvError';
  }
}

/**
 * Parses CSV text into rows of cells, quoting as in RFC 4180 ("" inside quotes is a quote; a quote
 * opens a quoted cell only at its start); a leading BOM is dropped, lines end in CRLF, LF or CR, blank
 * lines are skipped. Cells are not trimmed. Throws CsvError on an unterminated quote.
 */
export function parseCsv(text: string, delimiter: Delimiter): string[][] {
  const s = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 1;
  const n = s.length;
  const newlinesIn = (from: number, to: number) => {
    let count = 0;
    for (let k = s.indexOf('\n', from); k !== -1 && k < to; k = s.indexOf('\n', k + 1)) count++;
    return count;
  };
  // Runs of plain characters are copied as slices, not one by one: a 600 kB file reads in milliseconds.
  for (let i = 0; i < n;) {
    if (quoted) {
      const q = s.indexOf('"', i);
      const end = q === -1 ? n : q;
      line += newlinesIn(i, end);
      cell += s.slice(i, end);
      if (q === -1) break;
      if (s[q + 1] === '"') { cell += '"'; i = q + 2; } else { quoted = false; i = q + 1; }
      continue;
    }
    const ch = s[i]!;
    if (ch === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
      i++;
    } else if (ch === delimiter) {
      row.push(cell); cell = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      i += ch === '\r' && s[i + 1] === '\n' ? 2 : 1;
      row.push(cell); cell = '';
      rows.push(row); row = [];
      line++;
    } else {
      let j = i + 1;
      while (j < n) {
        const c = s[j];
        if (c === delimiter || c === '\n' || c === '\r' || c === '"') break;
        j++;
      }
      cell += s.slice(i, j);
      i = j;
    }
  }
  if (quoted) throw new CsvError(quoteLine, `a quoted cell starting on line ${quoteLine} is never closed`);
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  // Blank lines (a single empty cell) carry no row.
  return rows.filter((r) => !(r.length === 1 && r[0]!.trim() === ''));
}

/**
 * Cells starting with = + - @ (or a tab/CR) could run as a formula in a spreadsheet (CSV injection,
 * as OWASP describes it): prefix them with a quote '. Other values unchanged; never throws.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Writes rows as CSV text (RFC 4180): every cell neutralised (neutraliseCell), quoted when it holds a
 * quote, ",", ";" or a line break; lines end in CRLF, the last one too. Never throws.
 */
export function writeCsv(rows: string[][], delimiter: Delimiter): string {
  return rows
    .map((r) => r.map((raw) => {
      const v = neutraliseCell(raw);
      return /[",;\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    }).join(delimiter))
    .join('\r\n') + '\r\n';
}

/** The largest CSV we read (the CLI and the browser batch): about 50,000 rows of a typical profile. */
export const MAX_CSV_BYTES = 10 * 1024 * 1024;

/** Whether decoded text is really binary data (an image, a spreadsheet file): refused by the CLI and the browser alike. */
export function looksBinary(text: string): boolean {
  const head = text.slice(0, 65_536);
  // NUL never occurs in a CSV; other C0 controls (except tab, CR, LF) hardly ever.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
  const controls = head.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g)?.length ?? 0;
  return head.includes('\u0000') || controls > head.length / 100;
}

/**
 * Text of a CSV file as Excel and other tools write it: UTF-8 with or without BOM, or, when the
 * bytes are not valid UTF-8, Windows-1252 (older Excel on Windows). UTF-16 (with BOM) is read too.
 * Any BOM is dropped from `text`. Never throws (every byte sequence decodes as Windows-1252).
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be' } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}

// Windows-1252 is Latin-1 but for 0x80-0x9F (€, curly quotes, dashes...). Node's TextDecoder treats
// those as control characters, so they are mapped here; the browser and the CLI then read alike.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}
