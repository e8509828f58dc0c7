// `npm run changes -- EARLIER_RESULT.csv`: an earlier result file of `npm run refer` compared row by row
// with the current content (ResultChangesStream), in process with a test content variant, and as a
// user runs it (npm spawned: one to two seconds each).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { ChangesExit, parseChangesArgs, runChanges } from '../../src/cli/changes';
import type { Content } from '../../src/domain/content-model';
import { parseCsv } from '../../src/domain/csv';
import { CHANGE_COLUMNS, compareResultFile, ResultChangesStream } from '../../src/domain/result-changes';
import { content, referCsvText, ROOT, type CliRun } from '../helpers';

const TIMEOUT = 30_000;
const dir = mkdtempSync(join(tmpdir(), 'changes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Three firms, one refused (staff "veel"), in a Belgian Excel file. */
const PROFILES = [
  'klant;region;province;staff;turnoverEur;nace;innovation;needs',
  'Bakkerij Peeters;flanders;limburg;4,5;450.000;10.71;;training',
  'Metaal Vandamme;flanders;west-vlaanderen;14;1.800.000;25.62;;practical-problem|training|advice',
  'Veel Volk;flanders;antwerpen;veel;;62.01;;advice',
].join('\r\n');
/** The result file `npm run refer` writes for PROFILES today. */
const EARLIER = referCsvText(PROFILES, 'nl').csv;
const bytes = (s: string) => new TextEncoder().encode(s);

/** content/ where the innovation advisor weighs far more (first everywhere it is recommended). */
function advisorFirst(): Content {
  const c = structuredClone(content());
  for (const r of c.rules) if (r.channel === 'innovation-centre' && r.weight > 0) r.weight += 500;
  return c;
}

describe('ResultChangesStream', () => {
  it('finds no change against the result of the same content, and keeps the input columns', () => {
    const r = compareResultFile(bytes(EARLIER), content(), { lang: 'en' });
    if (!r.ok) throw new Error(r.problem.kind);
    expect(r.counts).toEqual({ rows: 3, changed: 0, same: 2, refused: 1 });
    const rows = parseCsv(r.csv);
    expect(rows[0]).toEqual(['klant', 'region', 'province', 'staff', 'turnoverEur', 'nace', 'innovation', 'needs', ...CHANGE_COLUMNS]);
    expect(rows[1]!.slice(0, 8)).toEqual(['Bakkerij Peeters', 'flanders', 'limburg', '4,5', '450.000', '10.71', '', 'training']);
    expect(rows[1]![10]).toBe('no change');
    expect(r.rows.map((x) => x.status)).toEqual(['same', 'same', 'stillRefused']);
    expect(rows[3]![11]).toMatch(/^staff/);
  });

  it('says per row what changed with another content, in the language asked, streamed a byte at a time', () => {
    const c = advisorFirst();
    const seen: string[] = [];
    const stream = new ResultChangesStream(c, { lang: 'en' }, (v) => seen.push(`${v.line} ${v.name} ${v.status}`));
    let csv = '';
    for (const b of bytes(EARLIER)) csv += stream.push(Uint8Array.of(b));
    csv += stream.end();
    expect(stream.counts.changed).toBeGreaterThan(0);
    const whole = compareResultFile(bytes(EARLIER), c, { lang: 'en' });
    if (!whole.ok) throw new Error(whole.problem.kind);
    expect(csv).toBe(whole.csv);
    const metal = whole.rows.find((r) => r.name === 'Metaal Vandamme')!;
    expect(metal.status).toBe('changed');
    expect(metal.now[0]).toBe('innovation-centre');
    expect(metal.changes).toContainEqual({ channel: 'innovation-centre', kind: 'rank', text: expect.stringMatching(/: now recommended in first place \(was \w+\)\.$/) });
    expect(metal.summary).toBe(metal.changes.map((x) => x.text).join(' | '));
    expect(seen).toContain('3 Metaal Vandamme changed');
    const fr = compareResultFile(bytes(EARLIER), c, { lang: 'fr' });
    expect(fr.ok && fr.rows.find((r) => r.name === 'Metaal Vandamme')!.summary).toMatch(/désormais recommandé en première position/);
  });

  it('says when a row refused earlier is answered now, and when a channel of the earlier file no longer exists', () => {
    const edited = EARLIER.replace(/Veel Volk;(.*);veel;/, 'Veel Volk;$1;12;').replace(/;kmo-portefeuille\|innovation-centre;/, ';old-channel|kmo-portefeuille|innovation-centre;');
    const r = compareResultFile(bytes(edited), content(), { lang: 'nl' });
    if (!r.ok) throw new Error(r.problem.kind);
    const bakery = r.rows.find((x) => x.name === 'Bakkerij Peeters')!;
    expect(bakery.changes).toEqual([
      { channel: 'kmo-portefeuille', kind: 'rank', text: `${content().channels['kmo-portefeuille']!.name.nl}: nu aanbevolen op de eerste plaats (was de tweede).` },
      { channel: 'old-channel', kind: 'removed', text: 'old-channel: niet langer aanbevolen.' },
    ]);
    const many = r.rows.find((x) => x.name === 'Veel Volk')!;
    expect(many.status).toBe('wasRefused');
    expect(many.summary).toMatch(/^Het eerdere resultaat had voor deze rij een fout; nu aanbevolen: .+\.$/);
  });

  it('refuses a file that is not a result file, or cannot be read, naming why', () => {
    expect(compareResultFile(bytes(PROFILES), content(), { lang: 'en' })).toEqual({ ok: false, problem: { kind: 'not-a-result' } });
    expect(compareResultFile(bytes('[{"region":"flanders"}]'), content(), { lang: 'en' })).toEqual({ ok: false, problem: { kind: 'json' } });
    expect(compareResultFile(bytes(''), content(), { lang: 'en' })).toEqual({ ok: false, problem: { kind: 'empty' } });
    expect(compareResultFile(bytes('region,recommendations\r\n"flanders,led\r\n'), content(), { lang: 'en' })).toEqual({ ok: false, problem: { kind: 'unclosed-quote', line: 2 } });
  });
});

describe('npm run changes: arguments and output', () => {
  const sink = () => {
    const s = new PassThrough();
    let text = '';
    s.setEncoding('utf8').on('data', (d: string) => (text += d));
    return { stream: s, text: () => text };
  };

  it('reads FILE, --lang, --notation and --out, and refuses anything else with the usage', () => {
    expect(parseChangesArgs(['a.csv', '--lang=fr', '--out', 'b.csv'])).toEqual({ file: 'a.csv', lang: 'fr', notation: undefined, out: 'b.csv' });
    expect(() => parseChangesArgs([])).toThrow(/no EARLIER_RESULT.csv given/);
    expect(() => parseChangesArgs(['a.csv', '--lang', 'de'])).toThrow(/--lang must be nl, en or fr/);
    expect(() => parseChangesArgs(['a.csv', 'b.csv'])).toThrow(/only one/);
    expect(() => parseChangesArgs(['--help'])).toThrow(ChangesExit);
  });

  it('writes the changes CSV and says on stderr what was compared, with the counts; exit 4 when rows changed', async () => {
    writeFileSync(join(dir, 'earlier.csv'), EARLIER.replace(/\r\n[^\r\n]*Veel Volk[^\r\n]*/, ''));
    const out = sink();
    const err = sink();
    const code = await runChanges({ file: 'earlier.csv', lang: 'en' }, advisorFirst(), { stdout: out.stream, stderr: err.stream, cwd: dir });
    expect(code).toBe(4);
    expect(parseCsv(out.text())).toHaveLength(3);
    expect(err.text()).toMatch(/^note: A result file keeps only the recommended channels in order/);
    expect(err.text()).toMatch(/\n2 of 2 rows changed with content \d{4}-\d{2}-\d{2}:\nline 2 \(Bakkerij Peeters\): .*\nline 3 \(Metaal Vandamme\): VLAIO innovation advisor: now recommended in first place \(was third\)\./);
  });

  it('writes --out only when complete, and an unreadable file gives exit 2 and nothing on stdout', async () => {
    writeFileSync(join(dir, 'profiles.csv'), PROFILES);
    const out = sink();
    await expect(runChanges({ file: 'profiles.csv', lang: 'en' }, content(), { stdout: out.stream, stderr: sink().stream, cwd: dir }))
      .rejects.toThrow(/profiles.csv has no recommendations column: it is not a result file/);
    expect(out.text()).toBe('');
    await expect(runChanges({ file: 'missing.csv', lang: 'en' }, content(), { stdout: out.stream, stderr: sink().stream, cwd: dir })).rejects.toThrow(/cannot read missing.csv: no such file/);
    writeFileSync(join(dir, 'earlier.csv'), EARLIER);
    const code = await runChanges({ file: 'earlier.csv', lang: 'nl', out: 'changes.csv' }, content(), { stdout: out.stream, stderr: sink().stream, cwd: dir });
    expect(code).toBe(3);
    expect(out.text()).toBe('');
    expect(parseCsv(readFileSync(join(dir, 'changes.csv'), 'utf8'))[1]![10]).toBe('geen verandering');
  });

  it('runs as a user runs it', { timeout: TIMEOUT }, async () => {
    writeFileSync(join(dir, 'same.csv'), EARLIER.replace(/\r\n[^\r\n]*Veel Volk[^\r\n]*/, ''));
    const r = await new Promise<CliRun>((done, fail) => {
      const child = spawn('npm', ['run', '--silent', 'changes', '--', join(dir, 'same.csv'), '--lang', 'fr'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.on('error', fail);
      child.on('close', (status) => done({ status, stdout, stderr }));
    });
    expect(r.status).toBe(0);
    expect(parseCsv(r.stdout).slice(1).map((row) => row[10])).toEqual(['aucun changement', 'aucun changement']);
    expect(r.stderr).toMatch(/^note: Un fichier de résultats ne conserve que les canaux recommandés/);
    expect(r.stderr).toMatch(/0 of 2 rows changed/);
  });
});
