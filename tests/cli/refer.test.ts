// The CLI as a user runs it: `npm run --silent refer -- FILE [--lang nl|en|fr]` from the project root.
// Every test spawns npm (tsx startup + content load, one to two seconds); they run one after another.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESULT_COLUMNS } from '../../src/domain/batch';
import { detectDelimiter, parseCsv } from '../../src/domain/csv';
import { validateProfile } from '../../src/domain/profile';
import { refer } from '../../src/domain/refer';
import type { Lang, Referral } from '../../src/domain/types';
import { content, ROOT, runRefer, type CliRun } from '../helpers';

const FIX = 'tests/fixtures';
const TIMEOUT = 30_000;

const lines = (s: string) => s.split('\n').filter((l) => l.trim() !== '');
const readJson = (name: string) => JSON.parse(readFileSync(join(ROOT, FIX, name), 'utf8')) as unknown;

/** What the in-process engine says for a profile: the CLI must print exactly this. */
function inProcess(input: unknown, lang: Lang = 'nl'): Referral {
  const v = validateProfile(input, content(), lang);
  if (!v.ok) throw new Error(`fixture is not valid: ${JSON.stringify(v.errors)}`);
  return refer(v.profile, content(), lang);
}

/** A failure as the contract wants it: the exit code, one line on stderr, nothing on stdout, no stack trace. */
function expectCleanFailure(r: CliRun, code: number) {
  expect(r.status).toBe(code);
  expect(r.stdout).toBe('');
  expect(lines(r.stderr)).toHaveLength(1);
  expect(r.stderr).not.toMatch(/^\s+at /m);
}

describe('npm run refer: JSON', () => {
  it('one profile -> one Referral on stdout, exit 0', { timeout: TIMEOUT }, async () => {
    const r = await runRefer([`${FIX}/metal-workshop.json`]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Referral;
    expect(Array.isArray(out)).toBe(false);
    expect(out).toEqual(inProcess(readJson('metal-workshop.json')));
    expect(out.recommendations[0]?.channel).toBe('led');
    expect(out.contentVersion).toBe(content().meta.contentVersion);
  });

  it('a large firm wanting training: kmo-portefeuille not eligible, never recommended', { timeout: TIMEOUT }, async () => {
    const r = await runRefer([`${FIX}/large-firm-training.json`, '--lang', 'en']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Referral;
    expect(out.sizeClass).toBe('large');
    expect(out.recommendations.map((x) => x.channel)).not.toContain('kmo-portefeuille');
    expect(out.notEligible.map((x) => x.channel)).toContain('kmo-portefeuille');
  });

  it('a Brussels firm: outOfRegion, its front door first', { timeout: TIMEOUT }, async () => {
    const r = await runRefer([`${FIX}/brussels-firm.json`]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Referral;
    expect(out.outOfRegion).toBe(true);
    expect(out.recommendations[0]?.channel).toBe(content().meta.frontDoors.brussels);
  });

  it('a JSON array -> an array of the same length and order, exit 0', { timeout: TIMEOUT }, async () => {
    const r = await runRefer([`${FIX}/batch-good.json`]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const input = readJson('batch-good.json') as unknown[];
    const out = JSON.parse(r.stdout) as Referral[];
    expect(out).toHaveLength(input.length);
    expect(out).toEqual(input.map((p) => inProcess(p)));
    expect(out.map((x) => x.outOfRegion)).toEqual([false, false, true]);
  });

  it('an empty array -> an empty array, exit 0', { timeout: TIMEOUT }, async () => {
    const r = await runRefer([`${FIX}/empty-array.json`]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it('an array with bad items: each becomes {line, error:{field,message}, errors}, the others are answered, exit 3', { timeout: TIMEOUT }, async () => {
    const r = await runRefer([`${FIX}/batch-mixed.json`, '--lang', 'en']);
    expect(r.status).toBe(3);
    const input = readJson('batch-mixed.json') as unknown[];
    const out = JSON.parse(r.stdout) as Array<Referral | { error: { field: string; message: string } }>;
    expect(out).toHaveLength(input.length);
    expect(out[0]).toEqual(inProcess(input[0], 'en'));
    expect(out[2]).toEqual(inProcess(input[2], 'en'));
    for (const [i, field] of [[1, 'staff'], [3, 'nace']] as const) {
      const item = out[i] as { line: number; error: { field: string; message: string }; errors: unknown[] };
      expect(Object.keys(item)).toEqual(['line', 'error', 'errors']);
      expect(item.errors[0]).toEqual(item.error);
      expect(Object.keys(item.error).sort()).toEqual(['field', 'message']);
      expect(item.error.field).toBe(field);
      expect(item.error.message).toContain(field);
    }
    expect((out[1] as { error: { message: string } }).error.message).toContain('"veel"');
  });

  it('--lang en gives English reasons, the default is Dutch, --lang=fr works too', { timeout: TIMEOUT }, async () => {
    const [nl, en, fr] = await Promise.all([
      runRefer([`${FIX}/metal-workshop.json`]),
      runRefer([`${FIX}/metal-workshop.json`, '--lang', 'en']),
      runRefer(['--lang=fr', `${FIX}/metal-workshop.json`]),
    ]);
    for (const r of [nl, en, fr]) expect(r.status).toBe(0);
    const profile = readJson('metal-workshop.json');
    expect(JSON.parse(en.stdout)).toEqual(inProcess(profile, 'en'));
    expect(JSON.parse(nl.stdout)).toEqual(inProcess(profile, 'nl'));
    expect(JSON.parse(fr.stdout)).toEqual(inProcess(profile, 'fr'));
    const reasons = (r: CliRun) => (JSON.parse(r.stdout) as Referral).recommendations[0]!.reasons;
    expect(reasons(en)).not.toEqual(reasons(nl));
    expect(reasons(fr)).not.toEqual(reasons(en));
  });
});

/** An output row: any input column, and always the result columns. */
type OutRow = Record<string, string> & Record<(typeof RESULT_COLUMNS)[number], string>;

describe('npm run refer: CSV', () => {
  function csvOut(r: CliRun) {
    const d = detectDelimiter(r.stdout);
    const [header, ...rows] = parseCsv(r.stdout, d);
    return { d, header: header!, rows: rows.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ''])) as OutRow) };
  }

  it('comma CSV -> comma CSV with the result columns, one row per input row, exit 0', { timeout: TIMEOUT }, async () => {
    const r = await runRefer([`${FIX}/profiles-comma.csv`, '--lang', 'en']);
    expect(r.status).toBe(0);
    const { d, header, rows } = csvOut(r);
    expect(d).toBe(',');
    expect(r.stdout.split('\r\n')[0]!.split(',').length).toBe(header.length);
    const inHeader = parseCsv(readFileSync(join(ROOT, FIX, 'profiles-comma.csv'), 'utf8'), ',')[0]!;
    expect(header).toEqual([...inHeader, ...RESULT_COLUMNS]);
    expect(rows.map((x) => x.client)).toEqual(['Metaalwerken Vandamme', 'Groot, Bedrijf NV', 'Brussels Soft']);
    expect(rows.map((x) => x.error)).toEqual(['', '', '']);
    expect(rows.map((x) => x.sizeClass)).toEqual(['small', 'large', 'small']);
    expect(rows.map((x) => x.outOfRegion)).toEqual(['false', 'false', 'true']);
    expect(rows[1]!.recommendations.split('|')).not.toContain('kmo-portefeuille');
    // The extra column is kept and mentioned once on stderr.
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain('client');
  });

  it('semicolon CSV (Belgian Excel: BOM, CRLF, decimal comma) -> semicolon CSV, exit 0', { timeout: TIMEOUT }, async () => {
    const r = await runRefer([`${FIX}/profiles-semicolon.csv`]);
    expect(r.status).toBe(0);
    const { d, header, rows } = csvOut(r);
    expect(d).toBe(';');
    expect(header.slice(-RESULT_COLUMNS.length)).toEqual([...RESULT_COLUMNS]);
    expect(header[0]).toBe('klant');
    expect(rows).toHaveLength(3);
    expect(rows[1]!.klant).toBe('Vandamme; metaal\r\n(tweede vestiging)');
    expect(rows.map((x) => x.staff)).toEqual(['4,5', '12,5', '35']);
    expect(rows.map((x) => x.sizeClass)).toEqual(['micro', 'small', 'small']);
    expect(rows.map((x) => x.error)).toEqual(['', '', '']);
    expect(rows[2]!.recommendations.split('|')[0]).toBe(content().meta.frontDoors.wallonia);
  });

  it('a CSV with a bad row fills its error column, answers the others, exit 3', { timeout: TIMEOUT }, async () => {
    const r = await runRefer([`${FIX}/profiles-bad-row.csv`, '--lang', 'en']);
    expect(r.status).toBe(3);
    const { d, rows } = csvOut(r);
    expect(d).toBe(';');
    expect(rows).toHaveLength(3);
    expect(rows[1]!.error).toMatch(/^nace: .*"ab"/);
    expect(rows[1]!.recommendations).toBe('');
    expect(rows[0]!.error).toBe('');
    expect(rows[2]!.error).toBe('');
    expect(rows[2]!.recommendations.split('|')[0]).toBe('innovation-centre');
  });
});

describe('npm run refer: failures', () => {
  it('a bad single profile: exit 2, one line on stderr naming the field, nothing on stdout, no stack trace', { timeout: TIMEOUT }, async () => {
    const [staff, innovation] = await Promise.all([
      runRefer([`${FIX}/bad-staff.json`, '--lang', 'en']),
      runRefer([`${FIX}/bad-innovation.json`]),
    ]);
    expectCleanFailure(staff, 2);
    expect(staff.stderr.startsWith('staff: ')).toBe(true);
    expect(staff.stderr).toContain('(-3)');
    expect(staff.stderr).toContain(content().validation.expectedPrefix.en);
    expectCleanFailure(innovation, 2);
    expect(innovation.stderr.startsWith('innovation.newGoods: ')).toBe(true);
    expect(innovation.stderr).toContain(content().validation.expectedPrefix.nl);
  });

  it('malformed JSON: exit 2, says so in one line, no stack trace', { timeout: TIMEOUT }, async () => {
    const r = await runRefer([`${FIX}/malformed.json`]);
    expectCleanFailure(r, 2);
    expect(r.stderr).toContain('malformed.json');
    expect(r.stderr).toMatch(/JSON/);
  });

  it('binary data (an image or a spreadsheet saved as .csv): exit 2, says it is no text file, as the batch page does', { timeout: TIMEOUT }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iw-cli-'));
    try {
      // A CSV header followed by bytes an .xlsx or image would hold (NUL among them).
      writeFileSync(join(dir, 'sheet.csv'), Buffer.concat([Buffer.from('region;staff;nace\n'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0])]));
      const r = await runRefer([join(dir, 'sheet.csv')]);
      expectCleanFailure(r, 2);
      expect(r.stderr).toContain('sheet.csv');
      expect(r.stderr).toMatch(/not a text file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a missing file: exit 2', { timeout: TIMEOUT }, async () => {
    const r = await runRefer([`${FIX}/no-such-file.json`]);
    expectCleanFailure(r, 2);
    expect(r.stderr).toContain('no-such-file.json');
  });

  it('a directory: exit 2', { timeout: TIMEOUT }, async () => {
    const r = await runRefer([FIX]);
    expectCleanFailure(r, 2);
    expect(r.stderr).toContain('directory');
  });

  it('--lang xx: exit 2, naming --lang', { timeout: TIMEOUT }, async () => {
    const [xx, missing] = await Promise.all([runRefer([`${FIX}/metal-workshop.json`, '--lang', 'xx']), runRefer([`${FIX}/metal-workshop.json`, '--lang'])]);
    expectCleanFailure(xx, 2);
    expect(xx.stderr).toContain('--lang');
    expect(xx.stderr).toContain('xx');
    expectCleanFailure(missing, 2);
  });

  it('no FILE: exit 2 with the usage; two FILEs or an unknown option: exit 2', { timeout: TIMEOUT }, async () => {
    const [none, two, option] = await Promise.all([
      runRefer([]),
      runRefer([`${FIX}/metal-workshop.json`, `${FIX}/brussels-firm.json`]),
      runRefer([`${FIX}/metal-workshop.json`, '--verbose']),
    ]);
    for (const r of [none, two, option]) expectCleanFailure(r, 2);
    expect(none.stderr).toContain('usage');
    expect(option.stderr).toContain('--verbose');
  });

  it('--help: the usage on stdout, exit 0', { timeout: TIMEOUT }, async () => {
    const r = await runRefer(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('usage');
    expect(r.stderr).toBe('');
  });

  // Known bug (see the report): validateProfile throws on an unknown field named like an Object.prototype
  // member, so the CLI answers "internal error" with exit 1 instead of naming the field with exit 2.
  it('an unknown field named "constructor": exit 2 naming the field', { timeout: TIMEOUT }, async () => {
    const r = await runRefer([`${FIX}/prototype-key.json`, '--lang', 'en']);
    expectCleanFailure(r, 2);
    expect(r.stderr.startsWith('constructor: ')).toBe(true);
  });

  // Known bug (see the report): npm runs the script in the project root, so a FILE relative to the
  // resolves FILE against INIT_CWD.
  it('a FILE relative to the directory the user is in (a subdirectory of the project)', { timeout: TIMEOUT }, async () => {
    const r = await runRefer(['metal-workshop.json'], join(ROOT, FIX));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
