// The browser's batch triage and the `refer` CLI give the same result CSV for the same file.
// The CLI runs as a user runs it (`npm run --silent refer -- FILE`); the browser's code path is
// processCsv (src/domain/batch-file.ts), the function the worker runs, called here in node with the
// content as the browser gets it (one language, plain JSON).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { onlyLanguage } from '../../src/content/only-language';
import type { Content } from '../../src/domain/content-model';
import { decodeCsvBytes, parseCsv } from '../../src/domain/csv';
import { LANGS, type Lang } from '../../src/domain/types';
import { EXAMPLE_CSV } from '../../src/ui/batch/example';
import { CsvBatchStream, processCsv, type BatchResult, type FileProblem } from '../../src/domain/batch-file';
import { runBatchRequest, type BatchResponse } from '../../src/ui/batch/worker-core';
import { bigCsv } from '../fixtures/batch/big';
import { content, ROOT, runRefer, type CliRun } from '../helpers';

const FIX = 'tests/fixtures/batch';
const TMP = mkdtempSync(join(tmpdir(), 'batch-equivalence-'));

/** The content as the browser gets it: `virtual:content/<lang>` is onlyLanguage(content) through JSON. */
const browserContent = (lang: Lang): Content => JSON.parse(JSON.stringify(onlyLanguage(content(), lang))) as Content;

function browser(bytes: Uint8Array, lang: Lang): BatchResult {
  const out = processCsv(bytes, browserContent(lang), lang);
  if (!out.ok) throw new Error(`the browser rejects the file: ${JSON.stringify(out.problem)}`);
  return out.result;
}

/** The result CSV when the bytes arrive `chunk` bytes at a time (as the worker and the CLI read them). */
function streamed(bytes: Uint8Array, c: Content, lang: Lang, chunk: number): string {
  const s = new CsvBatchStream(c, { lang });
  let out = '';
  for (let i = 0; i < bytes.length; i += chunk) out += s.push(bytes.subarray(i, i + chunk));
  return out + s.end();
}

/** The file problem of some bytes (null when they read). */
const problemOf = (bytes: Uint8Array): FileProblem | null => {
  const r = processCsv(bytes, browserContent('nl'), 'nl');
  return r.ok ? null : r.problem;
};

const bytesOf = (file: string) => new Uint8Array(readFileSync(join(ROOT, file)));

/** Files and languages compared with the CLI; bad rows in every language (their errors are texts). */
const CASES: Array<{ file: string; lang: Lang; what: string }> = [
  { file: `${FIX}/comma.csv`, lang: 'nl', what: 'comma-separated UTF-8' },
  { file: `${FIX}/semicolon-excel.csv`, lang: 'nl', what: 'Belgian Excel: BOM, CRLF, ";", decimal comma, thousands dots, a multi-line cell' },
  { file: `${FIX}/windows-1252.csv`, lang: 'nl', what: 'Windows-1252' },
  ...LANGS.map((lang) => ({ file: `${FIX}/bad-rows.csv`, lang, what: `bad rows, errors in ${lang}` })),
  { file: 'examples/firms.csv', lang: 'en', what: "the README's example" },
];

const runs = new Map<string, CliRun>();
const key = (file: string, lang: Lang) => `${file} --lang ${lang}`;

beforeAll(async () => {
  writeFileSync(join(TMP, 'big.csv'), bigCsv(1000));
  const jobs = [...CASES.map((c) => [c.file, c.lang] as const), [join(TMP, 'big.csv'), 'nl'] as const];
  // Two at a time: each is an npm + tsx start-up and a content load.
  for (let i = 0; i < jobs.length; i += 2) {
    await Promise.all(jobs.slice(i, i + 2).map(async ([file, lang]) => runs.set(key(file, lang), await runRefer([file, '--lang', lang]))));
  }
}, 180_000);

describe('browser batch = npm run refer', () => {
  it.each(CASES)('$what ($file, $lang): the same result CSV, byte for byte', ({ file, lang }) => {
    const run = runs.get(key(file, lang))!;
    const result = browser(bytesOf(file), lang);
    expect(run.stdout.length).toBeGreaterThan(0);
    expect(result.csv).toBe(run.stdout);
    // The CLI's exit code says whether any row failed; the page's summary says the same.
    expect(run.status).toBe(result.failed > 0 ? 3 : 0);
    expect(result.answered + result.failed).toBe(result.rows.length);
    // The CLI writes its output the same way to a file (--out): checked in tests/cli.
  });

  it('the fixtures are what they claim to be', () => {
    const excel = bytesOf(`${FIX}/semicolon-excel.csv`);
    expect([...excel.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(Buffer.from(excel).toString('utf8')).toContain('\r\n');
    expect(browser(excel, 'nl').delimiter).toBe(';');
    expect(browser(bytesOf(`${FIX}/comma.csv`), 'nl').delimiter).toBe(',');
    expect(decodeCsvBytes(bytesOf(`${FIX}/windows-1252.csv`)).encoding).toBe('windows-1252');
    expect(browser(bytesOf(`${FIX}/windows-1252.csv`), 'nl').rows.map((r) => r.name)).toContain('Café Müller');
    const bad = browser(bytesOf(`${FIX}/bad-rows.csv`), 'nl');
    expect(bad.failed).toBeGreaterThanOrEqual(10);
    expect(bad.answered).toBeGreaterThanOrEqual(2);
  });

  it('1,000 rows: the same as the CLI, whatever the chunk size', () => {
    const run = runs.get(key(join(TMP, 'big.csv'), 'nl'))!;
    const bytes = new TextEncoder().encode(bigCsv(1000));
    expect(browser(bytes, 'nl').csv).toBe(run.stdout);
    expect(streamed(bytes, browserContent('nl'), 'nl', 7)).toBe(run.stdout);
    expect(streamed(bytes, browserContent('nl'), 'nl', 4096)).toBe(run.stdout);
    expect(run.status).toBe(3);
  });

  it('a file the CLI refuses, the browser refuses too', async () => {
    const unclosed = join(TMP, 'unclosed.csv');
    writeFileSync(unclosed, 'region;staff;nace;needs\nflanders;5;25.62;training\n"flanders;5;25.62;training\n');
    const noHeader = join(TMP, 'no-header.csv');
    writeFileSync(noHeader, 'flanders;5;25.62;training\nflanders;6;25.62;advice\n');
    for (const [file, kind] of [[unclosed, 'unclosed-quote'], [noHeader, 'no-header']] as const) {
      const run = await runRefer([file]);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stdout).toBe('');
      expect(problemOf(new Uint8Array(readFileSync(file)))).toMatchObject({ kind });
    }
    expect(problemOf(new Uint8Array(readFileSync(unclosed)))).toEqual({ kind: 'unclosed-quote', line: 3 });
  }, 30_000);
});

describe('the browser batch path', () => {
  it('the worker protocol: progress after every chunk, then the same result as processCsv', async () => {
    const bytes = new TextEncoder().encode(bigCsv(1001));
    const messages: BatchResponse[] = [];
    await runBatchRequest({ id: 7, file: new Blob([bytes]), content: browserContent('fr'), lang: 'fr', chunkBytes: 16_384 }, (m) => messages.push(m));
    const progress = messages.filter((m) => m.type === 'progress');
    const steps = Math.ceil(bytes.length / 16_384);
    expect(progress.map((m) => m.bytes)).toEqual([0, ...Array.from({ length: steps }, (_, i) => Math.min((i + 1) * 16_384, bytes.length))]);
    expect(progress.every((m) => m.totalBytes === bytes.length)).toBe(true);
    expect(progress.at(-1)!.rows).toBe(1001);
    const last = messages.at(-1)!;
    expect(last.type).toBe('done');
    expect(messages.every((m) => m.id === 7)).toBe(true);
    expect(last.type === 'done' && (await last.result.csv.text()).replace(/^\uFEFF/, '')).toBe(browser(bytes, 'fr').csv);
    expect(last.type === 'done' && last.result.rows.length).toBe(200);
  });

  it('in the page (no worker) it pauses between chunks', async () => {
    let pauses = 0;
    const messages: BatchResponse[] = [];
    const bytes = new TextEncoder().encode(bigCsv(600));
    await runBatchRequest({ id: 1, file: new Blob([bytes]), content: browserContent('nl'), lang: 'nl', chunkBytes: 10_000 }, (m) => messages.push(m), async () => { pauses++; });
    // Before each chunk.
    expect(pauses).toBe(Math.ceil(bytes.length / 10_000));
    expect(messages.at(-1)?.type).toBe('done');
  });

  it('the rows shown match the result CSV: the same rows fail, with the same text, on the file line', () => {
    const result = browser(bytesOf(`${FIX}/bad-rows.csv`), 'en');
    const text = decodeCsvBytes(bytesOf(`${FIX}/bad-rows.csv`)).text;
    const out = parseCsv(result.csv);
    const errorCol = out[0]!.indexOf('error');
    expect(result.rows.map((r) => r.error ?? '')).toEqual(out.slice(1).map((r) => r[errorCol]));
    // The line of the file: where the row's text starts.
    const lines = text.split(/\r?\n/);
    for (const r of result.rows) expect(lines[r.line - 1]).toContain(r.name ?? '');
    expect(result.nameColumn).toBe('name');
    expect(result.unused.map((u) => u.column)).toEqual(['name', 'note']);
  });

  it('files that are not a batch CSV get a reason, not a result', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
    const text = (s: string) => new TextEncoder().encode(s);
    expect(problemOf(png)).toEqual({ kind: 'not-text', line: 3 });
    expect(problemOf(text('[{"region":"flanders","staff":5}]'))).toEqual({ kind: 'json' });
    expect(problemOf(text('{"region":"flanders"}\n'))).toEqual({ kind: 'json' });
    expect(problemOf(text('\uFEFF \r\n'))).toEqual({ kind: 'empty' });
    expect(problemOf(text('firm;city\nPeeters;Gent\n'))).toEqual({ kind: 'no-header' });
    // A header alone is a batch of no rows, as in the CLI.
    expect(processCsv(text('region;staff;nace\n'), browserContent('nl'), 'nl')).toMatchObject({ ok: true, result: { rows: [], csv: 'region;staff;nace;sizeClass;segment;techClass;outOfRegion;recommendations;error\r\n' } });
  });

  it("the example offered for download is the README's examples/firms.csv", () => {
    expect(EXAMPLE_CSV).toBe(readFileSync(join(ROOT, 'examples/firms.csv'), 'utf8'));
  });

  it('any CSV, cut into chunks anywhere: the same result as in one piece (property)', () => {
    const cell = fc.constantFrom(
      '', 'flanders', 'brussels', 'wallonia', 'abroad', 'atlantis', 'antwerpen', 'limburg', 'west-vlaanderen',
      '14', '4,5', '1.800.000', '12.5', '-3', 'twaalf', '420', 'ja', 'nee', 'yes', 'misschien', '25.62', '2562', '62.01', 'ab', '10.71',
      'newGoods|productInHouse', 'newServices', 'inHouseRnd|rndStaff', 'teleportation', 'training|advice', 'practical-problem',
      'not-sure', 'world-domination', 'skills-gap', '=SUM(A1)', '+32 50', 'with "quotes"', 'a;b', 'c,d', 'multi\nline',
    );
    const columns = ['name', 'region', 'province', 'staff', 'turnoverEur', 'balanceSheetEur', 'ownedByLargeGroup', 'nace', 'innovation', 'needs', 'triggers', 'sizeClass'];
    const csvArb = fc.record({
      header: fc.shuffledSubarray(columns, { minLength: 1 }).map((h) => (h.includes('region') || h.includes('nace') ? h : [...h, 'region'])),
      rows: fc.array(fc.array(cell, { minLength: 0, maxLength: 13 }), { maxLength: 25 }),
      delimiter: fc.constantFrom(',', ';'),
      eol: fc.constantFrom('\n', '\r\n'),
      bom: fc.boolean(),
      chunk: fc.integer({ min: 1, max: 8 }),
    });
    const quote = (v: string) => (/[",;\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const nl = browserContent('nl');
    fc.assert(
      fc.property(csvArb, ({ header, rows, delimiter, eol, bom, chunk }) => {
        const text = (bom ? '\uFEFF' : '') + [header, ...rows].map((r) => r.map(quote).join(delimiter)).join(eol) + eol;
        const bytes = new TextEncoder().encode(text);
        const whole = processCsv(bytes, content(), 'nl');
        // A file refused in one piece (e.g. a quoted cell with a line break and text after it) is refused in chunks too, for the same reason.
        if (!whole.ok) expect(() => streamed(bytes, nl, 'nl', chunk)).toThrow(expect.objectContaining({ problem: whole.problem }));
        else expect(streamed(bytes, nl, 'nl', chunk)).toBe(whole.result.csv);
      }),
      { numRuns: 150 },
    );
  });
});
