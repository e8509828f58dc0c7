// The refer CLI on files as people make them (issue 14), in process (runRefer, what the entry point
// calls) so each case is quick, and spawned where the process matters (a pipe, an interrupted run).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Exit, parseArgs, runRefer } from '../../src/cli/refer-run';
import { parseCsv } from '../../src/domain/csv';
import { content, ROOT } from '../helpers';

const TMP = mkdtempSync(join(tmpdir(), 'refer-kinds-'));
const CASES = join(ROOT, 'tests/fixtures/field');

interface Run { code: number; stdout: string; stderr: string }

/** runRefer with the arguments as typed; stderr a terminal when `tty`. */
async function run(args: string[], tty = false): Promise<Run> {
  const stdout = new PassThrough();
  const stderr = Object.assign(new PassThrough(), { isTTY: tty });
  let out = '';
  let err = '';
  stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  let code: number;
  try {
    code = await runRefer(parseArgs(args), content(), { stdout, stderr, cwd: TMP });
  } catch (e) {
    if (!(e instanceof Exit)) throw e;
    code = e.code;
    err += `${e.message}\n`;
  }
  await new Promise((r) => setImmediate(r));
  return { code, stdout: out, stderr: err };
}

const file = (name: string, text: string | Uint8Array) => {
  writeFileSync(join(TMP, name), text);
  return name;
};

describe('the field cases (tests/fixtures/field, copied from ../shared/cases/field): every row answered', () => {
  it.each(['01-sep-line', '02-delimiter-only-rows', '03-utf16-tab', '06-header-capitalised', '07-header-dutch', '08-values-capitalised', '11-excel-localised-booleans', '14-trailing-empty-columns', '19-one-row', '21-list-separator'])('%s', async (name) => {
    const r = await run([join(CASES, `${name}.csv`), '--lang', 'en']);
    expect(r.stderr).not.toContain('with an error');
    expect(r.code).toBe(0);
    const rows = parseCsv(r.stdout);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.slice(1).every((row) => row.at(-1) === '')).toBe(true);
  });
});

describe('kinds, through the CLI', () => {
  it('all problems of a row on stderr with the file line; the count with a plural', async () => {
    const one = await run([file('one.csv', 'naam;regio;personeel;nace;noden\r\n\r\nA;Vlaanderen;twaalf;ab;training\r\n'), '--lang', 'en']);
    expect(one.code).toBe(3);
    expect(one.stderr).toContain('1 row of 1 with an error');
    expect(one.stderr).toMatch(/line 3: personeel \(staff\): .*twaalf.* \| nace: .*"ab"/);
    const two = await run([file('two.csv', 'region;staff;nace;needs\nflanders;x;25.62;training\nflanders;y;25.62;training\n'), '--lang', 'en']);
    expect(two.stderr).toContain('2 rows of 2 with an error');
  });

  it('an unknown column is named with a suggestion', async () => {
    const r = await run([file('suggest.csv', 'name;regoin;staff;nace;needs\nA;flanders;3;25.62;training\n')]);
    expect(r.stderr).toContain('regoin (did you mean region?)');
  });

  it('a profile column named twice: exit 2, naming both', async () => {
    const r = await run([file('twice.csv', 'region;staff;personeel;nace;needs\nflanders;3;3;25.62;training\n')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('names the column staff twice ("staff" and "personeel")');
  });

  it('"1,250" is refused with both readings, or read in the --notation given', async () => {
    const name = file('ambiguous.csv', 'region,staff,nace,needs\nflanders,"1,250",25.62,training\n');
    const auto = await run([name, '--lang', 'en']);
    expect(auto.code).toBe(3);
    expect(auto.stderr).toMatch(/"1,250" can mean 1\.25 .* or 1250/);
    const en = await run([name, '--lang', 'en', '--notation', 'en']);
    expect(en.code).toBe(0);
    expect(parseCsv(en.stdout)[1]).toContain('large');
    expect((await run([name, '--notation=xx'])).stderr).toContain('--notation must be be');
  });

  it('a stray opening quote: exit 2 naming its line, nothing on stdout', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `Firm ${i};flanders;3;25.62;training`).join('\n');
    const r = await run([file('stray.csv', `name;region;staff;nace;needs\n"Acme;flanders;3;25.62;training\n${rows}\n`)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('starting on line 2 is never closed');
  });

  it('a NUL byte after the first 64 KB: exit 2, naming its line', async () => {
    const rows = Array.from({ length: 5000 }, () => 'flanders;3;25.62;training').join('\n');
    const r = await run([file('nul.csv', Buffer.concat([Buffer.from(`region;staff;nace;needs\n${rows}\n`), Buffer.from([0]), Buffer.from('\n')]))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('binary data on line 5002');
  });

  it('mixed UTF-8 and Windows-1252 lines: names come out right, a note names the first Windows-1252 line', async () => {
    const r = await run([file('mixed.csv', Buffer.concat([Buffer.from('name;region;staff;nace;needs\nSociété A;flanders;3;25.62;training\n'), Buffer.from('Société B;flanders;3;25.62;training\n', 'latin1')]))]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Société A;');
    expect(r.stdout).toContain('Société B;');
    expect(r.stderr).toContain('some lines were read as Windows-1252 (not UTF-8), the first on line 3');
  });
});

describe('streaming input and output', () => {
  it('refuses what is not a regular file or a pipe (a device such as /dev/zero), before reading it', async () => {
    const r = await run(['/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a regular file or a pipe');
    expect((await run(['.'])).stderr).toContain('it is a directory');
  });

  it('a line without end is refused at the record cap, not read to the end', async () => {
    const r = await run([file('no-breaks.csv', `region;staff;nace;needs\n${'x'.repeat(3_000_000)}`)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the row starting on line 2 is longer than 1,048,576 characters');
  });

  it('NDJSON in, NDJSON out; a JSON array in, a JSON array out', async () => {
    const good = JSON.stringify({ region: 'flanders', staff: 3, nace: '25.62', needs: ['training'] });
    const bad = JSON.stringify({ region: 'flanders', staff: 'veel', nace: '25.62', needs: ['training'] });
    const nd = await run([file('firms.ndjson', `${good}\n${bad}\n${good}\n`), '--lang', 'en']);
    expect(nd.code).toBe(3);
    const lines = nd.stdout.trim().split('\n').map((l) => JSON.parse(l) as { sizeClass?: string; line?: number; errors?: unknown[] });
    expect(lines).toHaveLength(3);
    expect(lines[0]!.sizeClass).toBe('micro');
    expect(lines[1]).toMatchObject({ line: 2, errors: [{ field: 'staff' }] });
    const arr = await run([file('firms.json', `[\n${good},\n${good}\n]\n`)]);
    expect(arr.code).toBe(0);
    expect(JSON.parse(arr.stdout)).toHaveLength(2);
    expect(JSON.parse(arr.stdout)).toEqual(JSON.parse(JSON.stringify(JSON.parse(arr.stdout))));
    const several = await run([file('several.json', `${good}\n${good}\n`)]);
    expect(several.code).toBe(2);
    expect(several.stderr).toContain('name it .ndjson');
  });

  it('--out FILE: written through a temporary file and renamed; nothing left behind when the file fails', async () => {
    const ok = await run([join(CASES, '07-header-dutch.csv'), '--out', 'result.csv']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('');
    expect(readFileSync(join(TMP, 'result.csv'), 'utf8')).toContain('Bakkerij A;Vlaanderen');
    const bad = await run([file('bad.csv', 'region;staff;nace;needs\n"flanders;3;25.62;training\n'), '--out', 'bad-result.csv']);
    expect(bad.code).toBe(2);
    expect(readdirSync(TMP).filter((f) => f.includes('bad-result') || f.endsWith('.part'))).toEqual([]);
  });

  it('progress on stderr only when stderr is a terminal', { timeout: 30_000 }, async () => {
    const name = file('progress.csv', `region;staff;nace;needs\n${'flanders;3;25.62;training\n'.repeat(3000)}`);
    const tty = await run([name], true);
    expect(tty.stderr).toMatch(/\r[\d,]+ rows, \d+%/);
    const plain = await run([name], false);
    expect(plain.stderr).not.toContain('\r');
    expect(plain.stdout).toBe(tty.stdout);
  });

  it('reads a pipe (FILE "-"); an interrupted --out run leaves no file', { timeout: 60_000 }, async () => {
    const csv = readFileSync(join(CASES, '07-header-dutch.csv'));
    const piped = await new Promise<{ status: number | null; stdout: string }>((done) => {
      const child = spawn('npx', ['tsx', 'src/cli/refer.ts', '-'], { cwd: ROOT });
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.on('close', (status) => done({ status, stdout }));
      child.stdin.end(csv);
    });
    expect(piped.status).toBe(0);
    expect(piped.stdout).toContain('Bakkerij A;Vlaanderen');

    // A big file, interrupted once it started writing: no result file, no temporary file.
    const big = file('big.csv', `region;staff;nace;needs\n${'flanders;3;25.62;training\n'.repeat(400_000)}`);
    const status = await new Promise<number | null>((done) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/refer.ts', join(TMP, big), '--out', join(TMP, 'interrupted.csv')], { cwd: ROOT });
      const timer = setInterval(() => {
        if (readdirSync(TMP).some((f) => f.endsWith('.part'))) {
          clearInterval(timer);
          child.kill('SIGINT');
        }
      }, 20);
      child.on('close', (code, signal) => { clearInterval(timer); done(code ?? (signal ? 130 : null)); });
    });
    expect(status).not.toBe(0);
    expect(readdirSync(TMP).filter((f) => f.includes('interrupted'))).toEqual([]);
  });
});
