// Property tests for the CSV reader and writer (src/domain/csv.ts) and the byte decoding that
// sits in front of them; and the rule that every CSV we write is safe to open in Excel.
// Extends tests/domain/csv.test.ts (fixed examples) with arbitrary cells, both delimiters and
// arbitrary text in every encoding we read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROFILE_COLUMNS } from '../../src/domain/batch';
import { processCsv } from '../../src/domain/batch-file';
import { CsvError, CsvReader, decodeCsvBytes, detectDelimiter, isBlankRecord, neutraliseCell, NotTextError, parseCsv, writeCsv, type Delimiter } from '../../src/domain/csv';
import { buildIntake, intakeToCsv } from '../../src/wizard/intake-export';
import { content } from '../helpers';
import { flemishAnswersArb, outOfRegionAnswersArb, scriptArb } from './arbitraries';

const c = content();
/** What Excel would run as a formula: = + - @ (or a tab/CR) first, unless the cell is a plain number ("-12,5"). */
const PLAIN_NUMBER = /^[+-]?(\d+([.,]\d+)*|[.,]\d+)$/;
const isDangerous = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !PLAIN_NUMBER.test(cell);
const delimiterArb = fc.constantFrom<Delimiter>(',', ';', '\t');
/** The cells exactly as written in the file (CsvReader, no ' taken off): what a spreadsheet sees. */
const rawCells = (text: string, d: Delimiter) => {
  const r = new CsvReader(d);
  return [...r.push(text), ...r.end()].filter((x) => !isBlankRecord(x.cells)).map((x) => x.cells);
};

/** Cells full of what makes CSV hard: quotes, both delimiters, CR, LF, CRLF, spaces, formula starters, and any code point. */
const cellArb = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom('"', ',', ';', '\r', '\n', ' ', 'a', 'é', '=', '+', '-', '@', '\t', "'", '|', '€'), maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom('', '""', '"', '=1+2', '=HYPERLINK("http://x","y")', '@SUM(A1)', '-2+3', '+32 2 123 45 67', '\t=1', '\r=1', 'a\r\nb', '-') },
  { weight: 1, arbitrary: scriptArb },
);
/** A byte order mark at the very start of the file is read as one, not as text: keep it out of the first cell. */
const noLeadingBom = (rows: string[][]) => rows.map((r, i) => (i === 0 ? [r[0]!.replace(/^\uFEFF+/, ''), ...r.slice(1)] : r));
/** Rows with a cell that is not blank (a blank row, or one of only delimiters, is skipped by the reader). */
const rowsArb = fc.array(fc.array(cellArb, { minLength: 2, maxLength: 6 }), { maxLength: 8 }).map(noLeadingBom).map((rows) => rows.filter((r) => !isBlankRecord(r)));

describe('CSV writer and reader (property)', () => {
  it('round trip of any cells: parseCsv(writeCsv(rows)) gives every cell back as it was, formula-like ones too', () => {
    fc.assert(
      fc.property(rowsArb, delimiterArb, (rows, d) => {
        const text = writeCsv(rows, d);
        expect(parseCsv(text, d)).toEqual(rows);
        // ... while in the file itself no cell starts a formula.
        for (const cell of rawCells(text, d).flat()) expect(isDangerous(cell), cell).toBe(false);
      }),
      { numRuns: 1_000 },
    );
  });

  it('the header decides the delimiter: a written file is read back with the delimiter it was written with', () => {
    // A header with more of its own delimiter than of the other (unquoted), as every file we write has.
    const header = fc.array(fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9 ]{0,10}$/), { minLength: 2, maxLength: 8 });
    fc.assert(
      fc.property(header, rowsArb, delimiterArb, (h, rows, d) => {
        expect(detectDelimiter(writeCsv([h, ...rows], d))).toBe(d);
      }),
    );
  });

  it('parseCsv never throws anything but CsvError, on any text: only an unclosed quote, on a line of the text; text without quotes is split on line breaks and the delimiter', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('"', ',', ';', '\r', '\n', 'a', ' ', '\uFEFF'), maxLength: 60 }), delimiterArb, (text, d) => {
        let rows: string[][];
        try {
          rows = parseCsv(text, d);
        } catch (e) {
          expect(e).toBeInstanceOf(CsvError);
          seen.add('error');
          expect(text).toContain('"');
          const { line } = e as CsvError;
          expect(line).toBeGreaterThanOrEqual(1);
          expect(line).toBeLessThanOrEqual((text.match(/\r|\n/g)?.length ?? 0) + 1);
          return;
        }
        if (text.includes('"')) return;
        seen.add('no quotes');
        // No quotes: one row per line (a final line break ends the last row; blank rows are skipped), cells split on the delimiter.
        const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
        if (lines.at(-1) === '') lines.pop();
        expect(rows).toEqual(lines.map((l) => l.split(d)).filter((r) => !isBlankRecord(r)));
      }),
      { numRuns: 1_000 },
    );
    expect([...seen].sort()).toEqual(['error', 'no quotes']);
  });

  it('neutraliseCell: changes exactly the formula-like cells (and cells of quotes before one), by one leading apostrophe', () => {
    fc.assert(
      fc.property(cellArb, (cell) => {
        const out = neutraliseCell(cell);
        if (isDangerous(cell.replace(/^'+/, '')) && /^'*[=+\-@\t\r]/.test(cell)) expect(out).toBe(`'${cell}`);
        else expect(out).toBe(cell);
      }),
    );
  });
});

describe('every CSV we write is safe in a spreadsheet (property)', () => {
  it('batch output (CLI and browser): no cell of any row starts a formula, whatever the input columns hold', () => {
    const row = fc.record({ client: cellArb, staff: fc.oneof(cellArb, fc.constantFrom('12', '-3', '=1', '4,5')), nace: fc.oneof(cellArb, fc.constantFrom('25.62', '=25', '@25')), needs: fc.oneof(cellArb, fc.constant('training')) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 5 }), delimiterArb, (rows, d) => {
        // The input file is the user's, formulas and all: every cell quoted, nothing neutralised.
        const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
        const input = [['client', 'region', 'staff', 'nace', 'needs'], ...rows.map((r) => [r.client, 'flanders', r.staff, r.nace, r.needs])]
          .map((r) => r.map(quote).join(d)).join('\r\n');
        // A NUL byte makes it binary data, refused (tested in tests/domain/batch-kinds.test.ts).
        fc.pre(!input.includes('\u0000'));
        // Every cell is quoted, so the file always reads (no CsvError to excuse).
        const r = processCsv(new TextEncoder().encode(input), c, 'en');
        expect(r.ok).toBe(true);
        const out = r.ok ? r.result.csv : '';
        const raw = rawCells(out, detectDelimiter(out));
        for (const cell of raw.flat()) expect(isDangerous(cell), cell).toBe(false);
        expect(raw[0]!.slice(0, 5)).toEqual(['client', 'region', 'staff', 'nace', 'needs']);
      }),
      { numRuns: 300 },
    );
  });

  it('an exported intake row: notes and names with formulas or markup are neutralised, every cell', () => {
    fc.assert(
      fc.property(fc.oneof(flemishAnswersArb, outOfRegionAnswersArb), fc.oneof(cellArb, fc.constant('=cmd|" /C calc"!A0')), delimiterArb, (answers, notes, d) => {
        const intake = buildIntake(answers, notes, c, 'nl');
        expect(intake).not.toBeNull();
        const text = intakeToCsv(intake!, d);
        const [header, row, ...rest] = parseCsv(text, d);
        expect(rest).toEqual([]);
        expect(header).toEqual([...PROFILE_COLUMNS, 'sizeClass', 'segment', 'techClass', 'outOfRegion', 'recommendations', 'error', 'mode', 'notes', 'contentVersion', 'exportedAt']);
        // Read back as typed; in the file itself, neutralised.
        expect(row![header!.indexOf('notes')]).toBe(notes);
        const raw = rawCells(text, d)[1]!;
        expect(raw[header!.indexOf('notes')]).toBe(neutraliseCell(notes));
        for (const cell of raw) expect(isDangerous(cell), cell).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('decodeCsvBytes (property)', () => {
  /** Text as a user's file holds it: any well-formed string (lone surrogates cannot be encoded). */
  const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
  // NUL is refused (binary data), so it is no text here.
  const textArb = fc.string({ unit: 'binary', maxLength: 200 }).filter((s) => wellFormed(s) && !s.includes('\u0000'));
  const utf8 = (s: string) => new TextEncoder().encode(s);
  const BOM = [0xef, 0xbb, 0xbf];

  it('UTF-8 with a BOM: any text comes back exactly, the BOM removed', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect(decodeCsvBytes(Uint8Array.from([...BOM, ...utf8(text)]))).toEqual({ text, encoding: 'utf-8' });
      }),
      { numRuns: 500 },
    );
  });

  it('UTF-8 without a BOM: any text comes back exactly (text that itself starts with U+FEFF excepted: that is a BOM)', () => {
    fc.assert(
      fc.property(textArb.filter((s) => !s.startsWith('\uFEFF')), (text) => {
        expect(decodeCsvBytes(utf8(text))).toEqual({ text, encoding: 'utf-8' });
      }),
      { numRuns: 500 },
    );
  });

  // Windows-1252 bytes 0x80-0x9F are not Latin-1 (they hold €, ‚, ƒ, ‘, ’, “, ”, –, —, ...): the text is built from the bytes' meaning.
  const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
  const cp1252Char = (b: number) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b));
  const latin1Byte = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff }), fc.constantFrom(0x0a, 0x0d, 0x09, 0x3b, 0x2c, 0x22));
  const isUtf8 = (bytes: Uint8Array) => { try { new TextDecoder('utf-8', { fatal: true }).decode(bytes); return true; } catch { return false; } };
  /** Whether a valid UTF-8 sequence of 2-4 bytes ("Ã©" = C3 A9) occurs anywhere: such bytes are read as UTF-8, line by line. */
  const hasUtf8Sequence = (bytes: Uint8Array) => [...bytes].some((b, i) => b >= 0xc2 && [2, 3, 4].some((n) => i + n <= bytes.length && isUtf8(bytes.subarray(i, i + n))));
  /** FF FE / FE FF / EF BB BF at the start are byte order marks; "Ã©"-like pairs are valid UTF-8: both ambiguous by nature. */
  const unambiguous = (bytes: Uint8Array) => !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff)
    && !(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) && !isUtf8(bytes) && !hasUtf8Sequence(bytes);

  it('Windows-1252 bytes of Latin-1 text (é, è, ç, ë, ß, ...) decode to that text whenever they are not also valid UTF-8', () => {
    fc.assert(
      fc.property(fc.array(latin1Byte, { minLength: 1, maxLength: 200 }), (list) => {
        const bytes = Uint8Array.from(list);
        fc.pre(unambiguous(bytes));
        expect(decodeCsvBytes(bytes)).toEqual({ text: String.fromCharCode(...list), encoding: 'windows-1252' });
      }),
      { numRuns: 500 },
    );
  });

  it('real Windows-1252 words (Liège, Société Générale, façade, Zoë) are read as Windows-1252', () => {
    for (const text of ['region;naam\r\nwallonia;Liège', 'Société Générale;façade', 'Brasserie Dupré', 'Ærø; naïve; Zoë']) {
      expect(decodeCsvBytes(Uint8Array.from([...text].map((ch) => ch.charCodeAt(0))))).toEqual({ text, encoding: 'windows-1252' });
    }
  });

  it('known limitation: Latin-1 text that is also valid UTF-8 ("Ã©") is read as UTF-8 ("é"), also within a Windows-1252 line', () => {
    expect(decodeCsvBytes(Uint8Array.from([0xc3, 0xa9]))).toEqual({ text: 'é', encoding: 'utf-8' });
    expect(decodeCsvBytes(Uint8Array.from([0xe9, 0x20, 0xc3, 0xa9]))).toEqual({ text: 'é é', encoding: 'windows-1252' });
  });

  // Node's own TextDecoder('windows-1252') reads 0x80-0x9F as C1 controls since Node 20.18.3 / 22.13
  // (nodejs/node#56542, #60888); csv.ts maps them itself, so the CLI reads "5€" or "‘t Hoekske" like the browser.
  it('Windows-1252 bytes 0x80-0x9F (€ ‘ ’ “ ” – — …) decode to their characters, in Node as in the browser', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(latin1Byte, fc.integer({ min: 0x80, max: 0x9f })), { minLength: 1, maxLength: 200 }), (list) => {
        const bytes = Uint8Array.from(list);
        fc.pre(unambiguous(bytes));
        expect(decodeCsvBytes(bytes)).toEqual({ text: list.map(cp1252Char).join(''), encoding: 'windows-1252' });
      }),
      { numRuns: 300 },
    );
    for (const text of ['prijs: 5€', 'Bakkerij ‘t Hoekske', 'Jan – Piet', '“Ja”…']) {
      const bytes = Uint8Array.from([...text].map((ch) => (CP1252_HIGH.includes(ch) ? 0x80 + CP1252_HIGH.indexOf(ch) : ch.charCodeAt(0))));
      expect(decodeCsvBytes(bytes)).toEqual({ text, encoding: 'windows-1252' });
    }
  });

  it('UTF-16 with a BOM (little and big endian): any text comes back exactly', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const le = new Uint8Array(2 + text.length * 2);
        const be = new Uint8Array(2 + text.length * 2);
        le.set([0xff, 0xfe]);
        be.set([0xfe, 0xff]);
        for (let i = 0; i < text.length; i++) {
          const u = text.charCodeAt(i);
          le[2 + 2 * i] = u & 0xff; le[3 + 2 * i] = u >> 8;
          be[2 + 2 * i] = u >> 8; be[3 + 2 * i] = u & 0xff;
        }
        expect(decodeCsvBytes(le)).toEqual({ text, encoding: 'utf-16le' });
        expect(decodeCsvBytes(be)).toEqual({ text, encoding: 'utf-16be' });
      }),
      { numRuns: 300 },
    );
  });

  it('on any bytes: throws only NotTextError, only for a NUL byte; else names what it read, and bytes without UTF-8 sequences are Windows-1252, one character a byte', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 500 }), textArb.map(utf8)), (bytes) => {
        let r: ReturnType<typeof decodeCsvBytes>;
        try {
          r = decodeCsvBytes(bytes);
        } catch (e) {
          expect(e).toBeInstanceOf(NotTextError);
          expect(bytes).toContain(0);
          seen.add('NUL');
          return;
        }
        seen.add(r.encoding);
        if (bytes[0] === 0xff && bytes[1] === 0xfe) expect(r.encoding).toBe('utf-16le');
        else if (bytes[0] === 0xfe && bytes[1] === 0xff) expect(r.encoding).toBe('utf-16be');
        else if (r.encoding.startsWith('utf-16')) expect(bytes).toContain(0);
        else if (isUtf8(bytes)) expect(r).toEqual({ text: new TextDecoder('utf-8').decode(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes), encoding: 'utf-8' });
        else if (!hasUtf8Sequence(bytes) && unambiguous(bytes)) expect(r).toEqual({ text: [...bytes].map(cp1252Char).join(''), encoding: 'windows-1252' });
      }),
      { numRuns: 1_000 },
    );
    expect(seen).toContain('utf-8');
    expect(seen).toContain('windows-1252');
    expect(seen).toContain('NUL');
  });
});
