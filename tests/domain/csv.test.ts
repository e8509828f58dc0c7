// CSV reading/writing (src/domain/csv.ts) and the batch rules shared by the CLI and the browser
// (src/domain/batch.ts): Belgian Excel files in, the same file with result columns out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROFILE_COLUMNS, readHeader, RESULT_COLUMNS, rowToProfileInput } from '../../src/domain/batch';
import { CsvError, detectDelimiter, neutraliseCell, parseCsv, writeCsv, type Delimiter } from '../../src/domain/csv';
import { validateProfile } from '../../src/domain/profile';
import { refer } from '../../src/domain/refer';
import { content, referCsvText } from '../helpers';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

describe('detectDelimiter', () => {
  it.each([
    ['region,staff,nace\nflanders,12,25.62', ','],
    ['region;staff;nace\r\nflanders;12,5;25.62', ';'],
    ['\uFEFFregion;staff;nace\r\n', ';'],
    // Only the header line decides: decimal commas in the data do not count.
    ['region;staff;turnoverEur\nflanders;1,5;2,5\n', ';'],
    ['region,staff\n"a;b;c;d",1\n', ','],
    // A delimiter inside a quoted header cell does not count.
    ['"name; firm",region,staff\n', ','],
    ['"a,b,c,d";region;staff\n', ';'],
    // Nothing to go on: the comma.
    ['region\nflanders\n', ','],
    ['', ','],
    // Excel's "Unicode text" (tab), and Excel's sep= first line, which wins.
    ['region\tstaff\tnace\nflanders\t3\t25\n', '\t'],
    ['sep=,\r\nregion;staff;nace\r\n', ','],
    ['SEP=;\nregion,staff\n', ';'],
    // The first record, not the first text line: a quoted header cell with a line break.
    ['"firm\nname";region;staff\n', ';'],
  ])('%j -> %s', (text, d) => expect(detectDelimiter(text)).toBe(d));
});

describe('parseCsv', () => {
  it('splits rows and cells, keeping empty cells', () => {
    expect(parseCsv('a,b,c\n1,,3\n', ',')).toEqual([['a', 'b', 'c'], ['1', '', '3']]);
    expect(parseCsv('a;b;\n1;;', ';')).toEqual([['a', 'b', ''], ['1', '', '']]);
    // A row of only delimiters (Excel's ";;;") is blank: skipped.
    expect(parseCsv('a;b;\n;;\n ; ;\n', ';')).toEqual([['a', 'b', '']]);
  });

  it('handles CRLF, CR and a missing final newline alike', () => {
    const rows = [['a', 'b'], ['1', '2']];
    expect(parseCsv('a,b\r\n1,2\r\n', ',')).toEqual(rows);
    expect(parseCsv('a,b\r1,2', ',')).toEqual(rows);
    expect(parseCsv('a,b\n1,2', ',')).toEqual(rows);
  });

  it('reads quoted cells with the delimiter, quotes and newlines inside', () => {
    const text = 'name;note\r\n"Vandamme; metaal";"zegt ""dag""\r\ntweede regel"\r\n';
    expect(parseCsv(text, ';')).toEqual([['name', 'note'], ['Vandamme; metaal', 'zegt "dag"\r\ntweede regel']]);
  });

  it('the other delimiter is just text', () => {
    expect(parseCsv('a;b\n1,5;2,5\n', ';')).toEqual([['a', 'b'], ['1,5', '2,5']]);
    expect(parseCsv('a,b\n1;5,2\n', ',')).toEqual([['a', 'b'], ['1;5', '2']]);
  });

  it('strips a byte order mark and skips blank lines', () => {
    expect(parseCsv('\uFEFFregion,staff\n\nflanders,3\n\n', ',')).toEqual([['region', 'staff'], ['flanders', '3']]);
  });

  it('throws CsvError on a quote that is never closed', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n', ',')).toThrow(CsvError);
    expect(() => parseCsv('a,b\n1,2\n"', ',')).toThrow(CsvError);
  });

  // Known bug (see the report): the message names the line where the text ENDS ("starting before
  // line 4"), not the line where the quote was opened, so in a long file it points nowhere useful.
  it('the error names the line where the unclosed quote starts', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `flanders,${i}`).join('\n');
    expect(() => parseCsv(`region,staff\nflanders,"open\n${rows}\n`, ',')).toThrow(/line 2\b/);
  });
});

describe('neutraliseCell', () => {
  it.each(['=1+1', '+32 2 123 45 67', '-5 apples', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x","y")', "'=already", '-'])(
    'prefixes %j so a spreadsheet does not run it', (v) => expect(neutraliseCell(v)).toBe(`'${v}`),
  );
  // Plain numbers, negative or with a decimal comma, are no formula: they come back byte for byte.
  it.each(['', 'flanders', '25.62', '12,5', '1-2', 'a=b', '-5', '-12,5', '+3', '-1.800.000', "'quoted"])('leaves %j alone', (v) => expect(neutraliseCell(v)).toBe(v));
});

describe('writeCsv', () => {
  it('quotes only where needed, escapes quotes, ends every line with CRLF', () => {
    expect(writeCsv([['a', 'b'], ['1', '2']], ',')).toBe('a,b\r\n1,2\r\n');
    expect(writeCsv([['x;y', 'say "hi"', 'two\nlines', 'a,b']], ';')).toBe('"x;y";"say ""hi""";"two\nlines";"a,b"\r\n');
  });

  it('neutralises formula cells, also inside quotes', () => {
    expect(writeCsv([['=1+1', '=HYPERLINK("x")']], ',')).toBe(`'=1+1,"'=HYPERLINK(""x"")"\r\n`);
  });

  // Any cell, formula-like ones too: the writer's ' is taken off again by the reader.
  const anyCell = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', ',', ';', '\t', '"', '\n', '\r', 'é', '|', '=', '-', '+', '@', "'") });
  const rowsArb = fc.array(fc.array(anyCell, { minLength: 1, maxLength: 5 }), { maxLength: 6 })
    .filter((rows) => rows.every((r) => r.some((c) => c.trim() !== '')));

  it.each([',', ';', '\t'] as Delimiter[])('parseCsv reads back what writeCsv wrote (%j)', (d) => {
    fc.assert(fc.property(rowsArb, (rows) => {
      expect(parseCsv(writeCsv(rows, d), d)).toEqual(rows);
    }), { numRuns: 500 });
  });
});

/** A header read (readHeader) from its cells. */
const headerOf = (cells: string[]) => {
  const r = readHeader(cells, content());
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r.header;
};
/** rowToProfileInput's profile input for `cells` under a header (Belgian notation unless given). */
const toInput = (cells: string[], names: string[], notation: 'be' | 'en' | undefined = 'be') => rowToProfileInput(headerOf(names), cells, content(), 'en', notation).input;

describe('rowToProfileInput', () => {
  const header = [...PROFILE_COLUMNS, 'client'];
  const row = (cells: Partial<Record<(typeof header)[number], string>>) => header.map((h) => cells[h] ?? '');
  const rowToProfileInputOf = (names: string[], cells: string[]) => toInput(cells, names);

  it('reads numbers the Belgian way (decimal comma, thousands dots)', () => {
    expect(rowToProfileInputOf(header, row({ staff: '12,5', turnoverEur: '1.800.000', balanceSheetEur: '900.000,50' }))).toMatchObject({
      staff: 12.5, turnoverEur: 1_800_000, balanceSheetEur: 900_000.5,
    });
    expect(rowToProfileInputOf(header, row({ staff: '12.5', turnoverEur: '1800000' }))).toMatchObject({ staff: 12.5, turnoverEur: 1_800_000 });
  });

  it('keeps an unreadable number as text, so validation can name it', () => {
    expect(rowToProfileInputOf(header, row({ staff: 'veel' })).staff).toBe('veel');
  });

  it.each([
    ['true', true], ['yes', true], ['ja', true], ['1', true], ['JA', true], ['Yes', true],
    ['false', false], ['no', false], ['nee', false], ['0', false], ['NEE', false], ['False', false],
  ])('reads ownedByLargeGroup %j as %s', (cell, value) => {
    expect(rowToProfileInputOf(header, row({ ownedByLargeGroup: cell })).ownedByLargeGroup).toBe(value);
  });

  it('keeps an unreadable yes/no as text', () => {
    expect(rowToProfileInputOf(header, row({ ownedByLargeGroup: 'misschien' })).ownedByLargeGroup).toBe('misschien');
  });

  it('splits lists on | and trims them; innovation keys become true', () => {
    const p = rowToProfileInputOf(header, row({ needs: 'training | advice|', triggers: 'skills-gap', innovation: 'newGoods| inHouseRnd' }));
    expect(p.needs).toEqual(['training', 'advice']);
    expect(p.triggers).toEqual(['skills-gap']);
    expect(p.innovation).toEqual({ newGoods: true, inHouseRnd: true });
  });

  it('omits empty cells (an empty innovation cell means no innovation answers)', () => {
    const p = rowToProfileInputOf(header, row({ region: 'flanders', staff: '3', nace: '25', needs: 'training', province: '  ' }));
    expect(p).toEqual({ region: 'flanders', staff: 3, nace: '25', needs: ['training'], innovation: {} });
  });

  it('ignores columns that are not profile fields, and reads a short row as far as it goes', () => {
    expect(rowToProfileInputOf(header, row({ region: 'wallonia', client: 'ACME' }))).not.toHaveProperty('client');
    expect(rowToProfileInputOf(['region', 'staff', 'nace'], ['brussels'])).toEqual({ region: 'brussels' });
  });

  it('a row from a CSV validates to the same profile as the equivalent JSON', () => {
    const input = rowToProfileInputOf(header, row({
      region: 'flanders', province: 'west-vlaanderen', staff: '14', turnoverEur: '1.800.000', balanceSheetEur: '900.000',
      ownedByLargeGroup: 'nee', nace: '2562', innovation: 'newGoods', needs: 'practical-problem|advice', triggers: 'quality-complaints',
    }));
    expect(validateProfile(input, content())).toEqual(validateProfile({
      region: 'flanders', province: 'west-vlaanderen', staff: 14, turnoverEur: 1_800_000, balanceSheetEur: 900_000,
      ownedByLargeGroup: false, nace: '25.62', innovation: { newGoods: true }, needs: ['practical-problem', 'advice'], triggers: ['quality-complaints'],
    }, content()));
  });
});

/** An output row: any input column, and always the result columns. */
type OutRow = Record<string, string> & Record<(typeof RESULT_COLUMNS)[number], string>;

describe('the batch path (processCsv): input columns plus result columns', () => {
  /** Parses the output CSV into header + rows of objects keyed by column. */
  function readOutput(out: string, d: Delimiter) {
    const [header, ...rows] = parseCsv(out, d);
    return { header: header!, rows: rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])) as OutRow) };
  }

  /** What the JSON path (validate + refer) says for the same row. */
  function expectedFor(headerCells: string[], cells: string[]) {
    const v = validateProfile(toInput(cells, headerCells), content(), 'en');
    if (!v.ok) return null;
    const r = refer(v.profile, content(), 'en');
    return { sizeClass: r.sizeClass, segment: r.segment, techClass: r.techClass, outOfRegion: String(r.outOfRegion), recommendations: r.recommendations.map((x) => x.channel).join('|'), error: '' };
  }

  it('comma file: the input columns plus the result columns, one row per input row, same order, same answers as JSON', () => {
    const text = fixture('profiles-comma.csv');
    const batch = referCsvText(text, { lang: 'en', notation: 'be' });
    expect(batch.delimiter).toBe(',');
    expect(batch.unused).toEqual([{ column: 'client' }]);
    const out = batch.csv;
    expect(detectDelimiter(out)).toBe(',');
    const [inHeader, ...inRows] = parseCsv(text, ',');
    const { header, rows } = readOutput(out, ',');
    expect(header).toEqual([...inHeader!, ...RESULT_COLUMNS]);
    expect(rows).toHaveLength(inRows.length);
    inRows.forEach((cells, i) => {
      inHeader!.forEach((h, j) => expect(rows[i]![h]).toBe(cells[j]));
      const expected = expectedFor(inHeader!, cells);
      expect(expected).not.toBeNull();
      expect(rows[i]).toMatchObject(expected!);
    });
    expect(rows.map((r) => r.client)).toEqual(['Metaalwerken Vandamme', 'Groot, Bedrijf NV', 'Brussels Soft']);
    expect(rows[2]!.outOfRegion).toBe('true');
    expect(rows[1]!.recommendations.split('|')).not.toContain('kmo-portefeuille');
  });

  it('Belgian Excel file (BOM, CRLF, ;, decimal comma, quoted cell with ; and a newline): same delimiter out', () => {
    const text = fixture('profiles-semicolon.csv');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const batch = referCsvText(text, 'en');
    expect(batch.delimiter).toBe(';');
    const out = batch.csv;
    const [inHeader, ...inRows] = parseCsv(text, ';');
    expect(inHeader![0]).toBe('klant'); // the BOM is not part of the first column name
    expect(out.split('\r\n')[0]).toBe([...inHeader!, ...RESULT_COLUMNS].join(';'));
    const { rows } = readOutput(out, ';');
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.klant)).toEqual(['Bakkerij Peeters', 'Vandamme; metaal\r\n(tweede vestiging)', 'Liege Tech']);
    expect(rows.map((r) => r.error)).toEqual(['', '', '']);
    expect(rows.map((r) => r.sizeClass)).toEqual(['micro', 'small', 'small']);
    expect(rows.map((r) => r.outOfRegion)).toEqual(['false', 'false', 'true']);
    inRows.forEach((cells, i) => expect(rows[i]).toMatchObject(expectedFor(inHeader!, cells)!));
    expect(rows[2]!.recommendations.split('|')[0]).toBe(content().meta.frontDoors.wallonia);
  });

  it('a bad row fills the error column (naming the field) and leaves the others answered', () => {
    const batch = referCsvText(fixture('profiles-bad-row.csv'), 'en');
    const { rows } = readOutput(batch.csv, ';');
    expect(rows).toHaveLength(3);
    expect(rows[1]!.error.startsWith('nace: ')).toBe(true);
    expect(rows[1]!.error).toContain('"ab"');
    for (const col of RESULT_COLUMNS.filter((c) => c !== 'error')) expect(rows[1]![col]).toBe('');
    for (const i of [0, 2]) {
      expect(rows[i]!.error).toBe('');
      expect(rows[i]!.recommendations).not.toBe('');
    }
    expect(batch.rows.map((r) => r.error === undefined)).toEqual([true, false, true]);
  });

  it('the error column is written in the requested language', () => {
    const nl = readOutput(referCsvText(fixture('profiles-bad-row.csv'), 'nl').csv, ';').rows[1]!.error;
    const en = readOutput(referCsvText(fixture('profiles-bad-row.csv'), 'en').csv, ';').rows[1]!.error;
    expect(nl).toContain('nace');
    expect(nl).not.toBe(en);
  });

  it('running the output through again gives the same output (result columns are replaced, not added)', () => {
    for (const name of ['profiles-comma.csv', 'profiles-semicolon.csv', 'profiles-bad-row.csv']) {
      const once = referCsvText(fixture(name), { lang: 'en', notation: 'be' }).csv;
      const twice = referCsvText(once, { lang: 'en', notation: 'be' }).csv;
      expect(twice).toBe(once);
    }
  });

  it('a row with a missing region is answered with an error, not dropped', () => {
    const { rows } = readOutput(referCsvText('region,staff,nace,needs\n,3,25,training\nflanders,3,25,training\n').csv, ',');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.error.startsWith('region')).toBe(true);
    expect(rows[1]!.error).toBe('');
  });

  it('a header without rows gives a header without rows', () => {
    expect(referCsvText('region;staff;nace;needs\r\n').csv).toBe(`${['region', 'staff', 'nace', 'needs', ...RESULT_COLUMNS].join(';')}\r\n`);
  });

  it('formula-like input cells are neutralised in the output', () => {
    const out = referCsvText('client,region,staff,nace,needs\n=cmd|calc,flanders,3,25,training\n').csv;
    expect(out.split('\r\n')[1]!.startsWith("'=cmd|calc,")).toBe(true);
  });
});
