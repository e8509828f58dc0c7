// Files as people make them (issue 14): every kind of problem with its own small input, through the
// batch path the CLI and the batch page share (CsvBatchStream via processCsv). The CLI side of the
// same kinds is in tests/cli/refer-kinds.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchKey, RESULT_COLUMNS } from '../../src/domain/batch';
import { CsvBatchStream, type BatchResult } from '../../src/domain/batch-file';
import { parseCsv, writeCsv, type Delimiter } from '../../src/domain/csv';
import { formatPlainNumber, readNumber } from '../../src/domain/numbers';
import { content, csvProblem, referCsvText } from '../helpers';

const HEAD = 'name;region;province;staff;turnoverEur;nace;innovation;needs';
const ROW = 'Bakkerij A;flanders;antwerpen;6;650000;10.71;newProductionMethods;training';
/** The output as rows of cells keyed by column. */
const out = (r: BatchResult) => {
  const [header, ...rows] = parseCsv(r.csv, r.delimiter);
  return rows.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ''])));
};
const utf16le = (s: string) => Uint8Array.from([0xff, 0xfe, ...[...s].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]);
const latin1 = (s: string) => Uint8Array.from([...s].map((ch) => ch.charCodeAt(0)));
const utf8 = (s: string) => new TextEncoder().encode(s);
const join = (...parts: Uint8Array[]) => {
  const o = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { o.set(p, at); at += p.length; }
  return o;
};

describe('structure', () => {
  it("Excel's sep=; and sep=, first line: the delimiter it names, the line not a header", () => {
    const r = referCsvText(`sep=;\r\n${HEAD}\r\n${ROW}\r\n`);
    expect(r.delimiter).toBe(';');
    expect(r.answered).toBe(1);
    expect(r.rows[0]!.line).toBe(3);
    // sep=, even though the header has more semicolons inside quotes.
    const c = referCsvText('sep=,\n"a;b;c",region,staff,nace,needs\nx,flanders,3,25.62,training\n');
    expect(c.delimiter).toBe(',');
    expect(c.answered).toBe(1);
  });

  it('rows of only delimiters (and blank lines) are skipped, never counted, never shifting line numbers', () => {
    const r = referCsvText(`${HEAD}\r\n;;;;;;;\r\n\r\n${ROW}\r\n ; ;;;;;;\r\n${ROW.replace('A', 'B')}\r\n`);
    expect(r.rows.map((x) => [x.name, x.line])).toEqual([['Bakkerij A', 4], ['Bakkerij B', 6]]);
    expect(out(r)).toHaveLength(2);
  });

  it("tab-separated UTF-16 (Excel's Unicode text), with and without BOM", () => {
    const text = `${HEAD.replace(/;/g, '\t')}\r\n${ROW.replace(/;/g, '\t').replace('Bakkerij', 'Bakkerij Müller')}\r\n`;
    const r = referCsvText(utf16le(text));
    expect(r.delimiter).toBe('\t');
    expect(r.encoding).toBe('utf-16le');
    expect(r.rows[0]!.name).toBe('Bakkerij Müller A');
    expect(r.answered).toBe(1);
    expect(referCsvText(utf16le(text).subarray(2)).answered).toBe(1);
  });

  it('a line break inside a quoted header cell; the delimiter from the first record, quotes respected', () => {
    const r = referCsvText('"firm\r\nname, legal";region;staff;nace;needs\r\nA, B & C;flanders;3;25.62;training\r\n');
    expect(r.delimiter).toBe(';');
    expect(r.answered).toBe(1);
    expect(r.rows[0]!.line).toBe(3);
    expect(r.csv.split('\r\n').slice(0, 2).join('\r\n')).toBe('"firm\r\nname, legal";region;staff;nace;needs;sizeClass;segment;techClass;outOfRegion;recommendations;error');
  });
});

describe('header', () => {
  it('names matched case-insensitively and trimmed', () => {
    const r = referCsvText(`Name; REGION ;Province;Staff;TurnoverEur;NACE;Innovation;Needs\r\n${ROW}\r\n`);
    expect(r.answered).toBe(1);
    expect(r.unused).toEqual([{ column: 'Name' }]);
  });

  it.each([
    ['naam;regio;provincie;personeel;omzet;nace-bel;innovatie;noden', 'Dutch'],
    ["nom;région;province;personnel;chiffre d'affaires;code NACE;innovations;besoins", 'French'],
    ['Bedrijfsnaam;Gewest;Prov;Aantal werknemers;Jaaromzet;NACE;Innovatie;Behoeften', 'Dutch, other words'],
  ])('%s (%s)', (header) => {
    const r = referCsvText(`${header}\r\n${ROW}\r\n`);
    expect(r.failed, JSON.stringify(r.rows)).toBe(0);
    expect(r.answered).toBe(1);
  });

  it('balanstotaal and total du bilan are the balance-sheet total', () => {
    const r = referCsvText('regio;personeel;omzet;balanstotaal;nace;noden\r\nflanders;60;8.000.000;100.000.000;25.62;advice\r\n');
    // 100 M balance and 8 M turnover with 60 staff: medium (turnover under 50 M is enough).
    expect(r.rows[0]!.sizeClass).toBe('medium');
  });

  it('an unknown column is named with a suggestion when it is close to a profile column', () => {
    const r = referCsvText('name;regoin;staff;nace;needs;tunrover;remarks\r\nA;flanders;3;25.62;training;5;x\r\n');
    expect(r.unused).toEqual([{ column: 'name' }, { column: 'regoin', suggestion: 'region' }, { column: 'tunrover', suggestion: 'turnoverEur' }, { column: 'remarks' }]);
  });

  it('a profile column named twice is refused, naming both', () => {
    expect(csvProblem('region;staff;personeel;nace;needs\r\n')).toEqual({ kind: 'duplicate-column', field: 'staff', columns: ['staff', 'personeel'] });
    expect(csvProblem('Region;region\r\n')).toEqual({ kind: 'duplicate-column', field: 'region', columns: ['Region', 'region'] });
  });

  it('columns the engine does not use are written back by position: two with the same name both survive', () => {
    const r = referCsvText('note;region;note;staff;nace;needs\r\none;flanders;two;3;25.62;training\r\n');
    const lines = r.csv.split('\r\n');
    expect(lines[0]).toBe(`note;region;note;staff;nace;needs;${RESULT_COLUMNS.join(';')}`);
    expect(lines[1]!.startsWith('one;flanders;two;3;25.62;training;')).toBe(true);
  });
});

describe('values', () => {
  it('ids matched case-insensitively and in nl/fr', () => {
    const r = referCsvText([
      'region;province;staff;nace;needs;triggers',
      'Vlaanderen;Antwerpen;3;25.62;Opleiding;',
      'Flandre;Anvers;3;25.62;formation|conseil;',
      'FLANDERS;West-Vlaanderen;3;25.62;TRAINING;Skills-Gap',
      'vlaanderen;Flandre occidentale;3;25.62;advies;digitalisering',
      'Bruxelles;;3;25.62;advice;',
      'Wallonie;;3;25.62;advice;',
    ].join('\r\n'));
    expect(r.failed, JSON.stringify(r.rows.map((x) => x.error))).toBe(0);
    expect(r.rows.map((x) => x.outOfRegion)).toEqual([false, false, false, false, true, true]);
  });

  it("Excel's localised booleans: WAAR/ONWAAR, VRAI/FAUX, TRUE/FALSE", () => {
    const rows = ['WAAR', 'ONWAAR', 'VRAI', 'FAUX', 'TRUE', 'False', 'ja', 'non'].map((b) => `flanders;300;60000000;${b};25.62;advice`);
    const r = referCsvText(['region;staff;turnoverEur;ownedByLargeGroup;nace;needs', ...rows].join('\r\n'));
    expect(r.failed).toBe(0);
  });

  it('lists by |, or by , ; / where that cannot be misread', () => {
    const r = referCsvText([
      'region;staff;nace;innovation;needs',
      'flanders;12;25.62;newGoods, productInHouse;training, advice',
      'flanders;12;25.62;newGoods/productInHouse;training/advice',
      'flanders;12;25.62;newGoods|productInHouse;training|advice',
      'flanders;12;25.62;newGoods;"training; advice"',
    ].join('\r\n'));
    expect(r.failed).toBe(0);
    const first = r.rows[0]!;
    for (const row of r.rows) expect(row.segment).toBe(first.segment);
    // A piece that is no id: the cell is not split, and the error names it as written.
    const bad = referCsvText('region;staff;nace;needs\r\nflanders;3;25.62;training, world peace\r\n');
    expect(bad.rows[0]!.error).toContain('"training, world peace"');
  });

  it.each([
    ['€ 1.800.000,-', 1_800_000], ['1,8 mln', 1_800_000], ['1,8E+06', 1_800_000], ['1.8E+06', 1_800_000], ['EUR 2 miljoen', 2_000_000],
    ['1 800 000', 1_800_000], ['1.800.000,50', 1_800_000.5], ['€1,800,000', 1_800_000], ['1.8m', 1_800_000], ['750k', 750_000],
  ])('money as Belgians and Excel write it: %j', (cell, value) => {
    expect(readNumber(cell, 'be').ok || readNumber(cell, 'en').ok).toBe(true);
    expect(readNumber(cell)).toEqual({ ok: true, value });
  });

  it('NACE codes a spreadsheet turned into numbers: 25,62 and 1.11 are read as 25.62 and 01.11', () => {
    const r = referCsvText('region;staff;nace;needs\r\nflanders;3;25,62;advice\r\nflanders;3;1.11;advice\r\nflanders;3;25.62;advice\r\n');
    expect(r.failed).toBe(0);
    expect(r.rows[0]!.techClass).toBe(r.rows[2]!.techClass);
  });
});

describe('text', () => {
  it('a file mixing UTF-8 and Windows-1252 lines: each line decoded in its own encoding', () => {
    const bytes = join(utf8('name;region;staff;nace;needs\r\nSociété A;flanders;3;25.62;training\r\n'), latin1('Société B;flanders;3;25.62;training\r\n'), utf8('Café C;flanders;3;25.62;training\r\n'));
    const r = referCsvText(bytes);
    expect(r.encoding).toBe('mixed');
    expect(r.rows.map((x) => x.name)).toEqual(['Société A', 'Société B', 'Café C']);
    expect(r.csv).toContain('Société B;');
    expect(r.csv).not.toContain('Ã');
  });

  it('one invalid byte in a UTF-8 file changes that character only, never the whole file', () => {
    const bytes = join(utf8('name;region;staff;nace;needs\r\nSociété A;flanders;3;25.62;training\r\nS'), Uint8Array.of(0xe9), utf8('ociété "B";flanders;3;25.62;training\r\n'));
    const r = referCsvText(bytes);
    expect(r.rows.map((x) => x.name)).toEqual(['Société A', 'Séociété "B"']);
  });

  it('Windows-1252 only: € and curly quotes', () => {
    const r = referCsvText(Uint8Array.from([...latin1('name;region;staff;turnoverEur;nace;needs\r\n'), 0x93, ...latin1('Li'), 0xe8, ...latin1('ge'), 0x94, ...latin1(';wallonia;3;'), 0x80, ...latin1(' 5;25.62;training\r\n')]));
    expect(r.encoding).toBe('windows-1252');
    expect(r.rows[0]!.name).toBe('“Liège”');
    expect(r.failed).toBe(0);
  });

  it('a NUL byte anywhere, not only at the start, is refused naming its line', () => {
    const lines = Array.from({ length: 5000 }, () => 'flanders;3;25.62;training').join('\n');
    expect(csvProblem(join(utf8(`region;staff;nace;needs\n${lines}\n`), Uint8Array.of(0), utf8('\n')))).toEqual({ kind: 'not-text', line: 5002 });
  });
});

describe('robustness', () => {
  it('a stray opening quote never swallows the rest of the file: refused, naming its line', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `Firm ${i};flanders;3;25.62;training`).join('\r\n');
    expect(csvProblem(`name;region;staff;nace;needs\r\n"Acme;flanders;3;25.62;training\r\n${rows}\r\n`)).toEqual({ kind: 'unclosed-quote', line: 2 });
    // ... also when a later quote closes it: the text after the closing quote gives it away.
    expect(csvProblem(`name;region;staff;nace;needs\r\n"Acme;flanders;3;25.62;training\r\n${rows}\r\n"Bakkerij ""Zon""";flanders;3;25.62;training\r\n`)).toEqual({ kind: 'stray-quote', line: 2 });
  });

  it('cells beyond the header are kept and reported, never dropped', () => {
    const r = referCsvText('name;region;staff;nace;needs\r\nA;flanders;3;25.62;training;extra 1;extra 2\r\nB;flanders;3;25.62;training;;\r\n');
    expect(r.rows[0]!.error).toContain('"extra 1", "extra 2"');
    expect(r.csv.split('\r\n')[1]!.endsWith(';extra 1;extra 2')).toBe(true);
    // Empty cells beyond the header (Excel's trailing ;;) carry nothing: no error.
    expect(r.rows[1]!.error).toBeUndefined();
  });

  it('a number whose reading depends on the notation is refused with both readings, unless the notation is given', () => {
    const file = 'region,staff,nace,needs\r\nflanders,"1,250",25.62,training\r\n';
    const r = referCsvText(file, 'en');
    expect(r.rows[0]!.error).toContain('1.25');
    expect(r.rows[0]!.error).toContain('1250');
    expect(referCsvText(file, { lang: 'en', notation: 'en' }).rows[0]!.sizeClass).toBe('large');
    expect(referCsvText(file, { lang: 'en', notation: 'be' }).rows[0]!.sizeClass).toBe('micro');
    // "1.250" too; "1.800.000", "12,5" and "1250" read one way only.
    expect(readNumber('1.250')).toEqual({ ok: false, problem: 'ambiguous', be: 1250, en: 1.25 });
    for (const s of ['1.800.000', '12,5', '1250', '1,800,000.50']) expect(readNumber(s).ok).toBe(true);
    // Belgian ",-" gives the notation away: "€ 650.000,-" is 650000 in any file.
    expect(readNumber('€ 650.000,-')).toEqual({ ok: true, value: 650_000 });
  });

  it("a huge number gets a real message, not 'invalid value (null)'", () => {
    const r = referCsvText('region;staff;nace;needs\r\nflanders;1e309;25.62;training\r\n', 'en');
    expect(r.rows[0]!.error).toBe('staff: staff is too large to read ("1e309").');
  });

  it('a 100,000-character cell is read (and kept); a record over the cap is refused naming its line', () => {
    const long = 'x'.repeat(100_000);
    const r = referCsvText(`name;region;staff;nace;needs\r\n${long};flanders;3;25.62;training\r\n`);
    expect(r.rows[0]!.name).toBe(long);
    expect(csvProblem(`name;region;staff;nace;needs\r\nA;flanders;3;25.62;training\r\n"${'x'.repeat(1_100_000)}";flanders\r\n`)).toEqual({ kind: 'record-too-long', line: 3 });
  });
});

describe('rows', () => {
  it('every error names the file line and the column as in the file, and lists all problems of the row', () => {
    const r = referCsvText('naam;regio;personeel;nace;noden\r\n\r\nA;Vlaanderen;twaalf;ab;world-peace\r\n', 'en');
    const view = r.rows[0]!;
    expect(view.line).toBe(3);
    const problems = view.error!.split(' | ');
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^personeel \(staff\): .*"twaalf".*Expected: a number from 0/);
    expect(problems[1]).toMatch(/^nace: .*"ab".*Expected: an existing NACE-BEL code/);
    expect(problems[2]).toMatch(/^noden \(needs\[0\]\): .*"world-peace".*practical-problem, training/);
  });
});

describe('output', () => {
  it('formula neutralisation only where Excel would evaluate; numbers and other values byte for byte', () => {
    const r = referCsvText('name;note;region;staff;nace;needs\r\n=cmd;-12,5;flanders;3;25.62;training\r\n+32 50;-3;flanders;3;25.62;training\r\n');
    const lines = r.csv.split('\r\n');
    expect(lines[1]!.startsWith("'=cmd;-12,5;")).toBe(true);
    expect(lines[2]!.startsWith("'+32 50;-3;")).toBe(true);
  });

  const anyText = fc.string({ unit: fc.oneof(fc.constantFrom(';', ',', '\t', '"', '\r', '\n', "'", '=', '+', '-', '@', ' ', '|'), fc.string({ minLength: 1, maxLength: 1 }), fc.constantFrom('é', '€', '漢', '😀')) });

  it.each([',', ';', '\t'] as Delimiter[])('what the product writes it reads back identically, any cell content (%j, property)', (d) => {
    fc.assert(fc.property(fc.array(fc.array(anyText, { minLength: 1, maxLength: 4 }).filter((r) => r.some((c) => c.trim() !== '')), { maxLength: 5 }), (rows) => {
      expect(parseCsv(writeCsv(rows, d), d)).toEqual(rows);
    }), { numRuns: 300 });
  });

  it('a result CSV run again keeps every kept cell as it was, any cell content (property)', () => {
    fc.assert(fc.property(fc.array(anyText, { minLength: 1, maxLength: 8 }), fc.constantFrom<Delimiter>(',', ';', '\t'), (names, d) => {
      const header = ['name', 'region', 'staff', 'nace', 'needs'];
      const rows = names.map((n) => [n, 'flanders', '3', '25.62', 'training']);
      const first = referCsvText(writeCsv([header, ...rows], d));
      const kept = parseCsv(first.csv, d).slice(1).map((r) => r[0]);
      expect(kept).toEqual(rows.filter((r) => r.some((c) => c.trim() !== '')).map((r) => r[0]));
      expect(referCsvText(first.csv).csv).toBe(first.csv);
    }), { numRuns: 150 });
  });

  it('numbers as formatPlainNumber writes them read back the same in both notations (property)', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1e15, noNaN: true }), fc.constantFrom<',' | '.'>(',', '.'), (n, mark) => {
      expect(readNumber(formatPlainNumber(n, mark))).toEqual({ ok: true, value: n });
    }), { numRuns: 500 });
  });
});

describe('streaming', () => {
  it('bytes cut anywhere (inside a UTF-8 character, a CRLF, a quoted cell) give the same result', () => {
    const text = `sep=;\r\n${HEAD}\r\n"Société ""A""\r\nline 2";Vlaanderen;Antwerpen;6;€ 650.000,-;10.71;newProductionMethods;training\r\n${ROW}\r\n`;
    const bytes = utf8(text);
    const whole = referCsvText(bytes).csv;
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const s = new CsvBatchStream(content(), { lang: 'en' });
      let got = '';
      for (let i = 0; i < bytes.length; i += size) got += s.push(bytes.subarray(i, i + size));
      expect(got + s.end()).toBe(whole);
    }
  });
});

describe('the column and value words in content/validation.yaml', () => {
  it('every word belongs to an id of the content, and no word means two things', () => {
    const v = content().validation;
    const ids = { region: Object.keys(content().labels.region), province: Object.keys(content().labels.province), needs: content().needs.map((n) => n.id), triggers: content().triggers.map((t) => t.id) };
    for (const kind of ['region', 'province', 'needs', 'triggers'] as const) {
      const seen = new Map<string, string>();
      for (const [id, words] of Object.entries(v.values[kind])) {
        expect(ids[kind], `${kind}: ${id}`).toContain(id);
        for (const w of words as string[]) {
          const key = matchKey(w);
          expect(seen.get(key) ?? id, `${kind}: "${w}" means ${seen.get(key)} and ${id}`).toBe(id);
          expect(ids[kind].filter((other) => other !== id).map(matchKey), `${kind}: "${w}" is another id`).not.toContain(key);
          seen.set(key, id);
        }
      }
    }
    const columns = new Map<string, string>();
    for (const [field, words] of Object.entries(v.columns)) {
      for (const w of words) {
        expect(columns.get(matchKey(w)) ?? field, `column "${w}"`).toBe(field);
        columns.set(matchKey(w), field);
      }
    }
  });
});
