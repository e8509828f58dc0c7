// The refer CLI fed random files never prints a stack trace: each file is run through the real
// command (`npm run --silent refer -- FILE`) and must end with exit 0 (all answered), 2 (bad file or
// bad single profile: nothing on stdout) or 3 (a batch with bad items), never "internal error".
// The files come from fast-check with a fixed seed, so a failure names a file that can be rebuilt.
// About 30 spawns of npm + tsx (1-3 s each): the file runs in about a minute.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { profileArb } from './arbitraries';

const ROOT = resolve(import.meta.dirname, '../..');
const DIR = mkdtempSync(join(tmpdir(), 'innovatiewijzer-fuzz-'));
const SEED = 20261122;

const outcomes: string[] = [];
afterAll(() => {
  rmSync(DIR, { recursive: true, force: true });
  // Which exit each file got: shows the fuzzing reaches the engine (0 and 3), not only the file checks (2).
  console.log(`refer exit codes: ${outcomes.join(', ')}`);
});

/** One sample of an arbitrary, the same on every run. */
const sample = <T>(arb: fc.Arbitrary<T>, i: number): T => fc.sample(arb, { seed: SEED + i, numRuns: 1 })[0]!;

const csvCell = fc.oneof(
  fc.string({ unit: fc.constantFrom('"', ',', ';', '\r', '\n', ' ', 'a', '1', '.', '|', '=', '-', 'é'), maxLength: 12 }),
  fc.constantFrom('flanders', 'brussels', 'mars', '12', '12,5', '-3', '1e400', '25.62', 'ab', 'training|advice', 'newGoods|constructor', '__proto__', 'true', 'ja', '=cmd|calc'),
);
const HEADERS = ['region', 'province', 'staff', 'turnoverEur', 'balanceSheetEur', 'ownedByLargeGroup', 'nace', 'innovation', 'needs', 'triggers', 'client', 'error', '__proto__', 'constructor', ''];
const csvish = (i: number) => {
  const d = sample(fc.constantFrom(',', ';'), i);
  const header = sample(fc.shuffledSubarray(HEADERS, { minLength: 1 }), i);
  const rows = sample(fc.array(fc.array(csvCell, { minLength: 0, maxLength: header.length + 2 }), { maxLength: 12 }), i);
  // Random cells, joined raw (quotes may be unbalanced on purpose).
  return [header, ...rows].map((r) => r.join(d)).join(sample(fc.constantFrom('\n', '\r\n', '\r'), i));
};

interface Case { name: string; make: (path: string) => void }
const text = (content: string | Uint8Array) => (path: string) => writeFileSync(path, content);

const CASES: Case[] = [
  { name: 'empty.json', make: text('') },
  { name: 'empty.csv', make: text('') },
  ...[0, 1].map((i) => ({ name: `random-bytes-${i}.json`, make: text(sample(fc.uint8Array({ minLength: 1, maxLength: 4096 }), 100 + i)) })),
  ...[0, 1].map((i) => ({ name: `random-bytes-${i}.csv`, make: text(sample(fc.uint8Array({ minLength: 1, maxLength: 4096 }), 200 + i)) })),
  { name: 'nul-bytes.csv', make: text(Uint8Array.from([...Buffer.from('region,nace\n'), 0, 0, 0x66, 0, 0x6c, 0, 0x0a, 0, 0])) },
  { name: 'nul-bytes.json', make: text(Uint8Array.from([0x7b, 0, 0x22, 0, 0x7d, 0])) },
  { name: 'png.json', make: text(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])) },
  ...[0, 1, 2].map((i) => ({ name: `json-value-${i}.json`, make: text(JSON.stringify(sample(fc.jsonValue({ maxDepth: 4 }), 300 + i))) })),
  { name: 'json-value.csv', make: text(JSON.stringify(sample(fc.jsonValue({ maxDepth: 3 }), 400))) },
  {
    name: 'near-profiles.json',
    make: text(JSON.stringify(sample(fc.array(fc.oneof(profileArb, fc.jsonValue({ maxDepth: 2 }), profileArb.map((p) => ({ ...p, staff: '-3', constructor: 1 }))), { minLength: 1, maxLength: 6 }), 500))),
  },
  { name: 'prototype-keys.json', make: text('{"__proto__":{"region":"flanders"},"constructor":{"prototype":1},"region":"flanders","staff":3,"nace":"25","needs":["training"]}') },
  ...[0, 1, 2, 3].map((i) => ({ name: `csvish-${i}.csv`, make: text(csvish(600 + i)) })),
  { name: 'unclosed-quote.csv', make: text('region,staff,nace,needs\nflanders,"3,25,training\n') },
  { name: 'header-only.csv', make: text('region;staff;nace;needs\r\n') },
  { name: 'no-profile-columns.csv', make: text('a,b,c\n1,2,3\n') },
  { name: 'huge-line.csv', make: text(`region,nace\n${'flanders,'.repeat(250_000)}\n`) },
  { name: 'huge-line.json', make: text(`"${'a'.repeat(2_000_000)}"`) },
  { name: 'huge-quoted-cell.csv', make: text(`region,nace,needs\nflanders,25,"${'x'.repeat(2_000_000)}"\n`) },
  // 20 MB without a line break: refused at the record cap (there is no file size cap).
  { name: 'no-line-breaks.csv', make: text(new Uint8Array(20 * 1024 * 1024).fill(0x61)) },
  { name: 'utf16.csv', make: text(Uint8Array.from([0xff, 0xfe, ...[...'region,staff,nace,needs\r\nflanders,3,25,training\r\n'].flatMap((ch) => [ch.charCodeAt(0), 0])])) },
  { name: 'windows-1252.csv', make: text(Uint8Array.from([...Buffer.from('client;region;staff;nace;needs\r\n'), ...Buffer.from('Li', 'latin1'), 0xe8, ...Buffer.from('ge;wallonia;3;25;training\r\n')])) },
  { name: 'a-directory.csv', make: (path) => mkdirSync(path) },
  { name: 'a-directory.json', make: (path) => mkdirSync(path) },
  { name: 'no-extension', make: text(JSON.stringify(sample(profileArb, 700))) },
];

interface Run { status: number | null; stdout: string; stderr: string; error?: Error }

function refer(file: string): Run {
  const r = spawnSync('npm', ['run', '--silent', 'refer', '--', file], {
    cwd: ROOT, encoding: 'utf8', timeout: 30_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, error: r.error };
}

/** The contract for any file: a known exit code, no stack trace, no internal error, no output on failure. */
function expectCalm(r: Run, name: string) {
  expect(r.error, `${name}: the command did not finish`).toBeUndefined();
  expect([0, 2, 3], `${name}: exit ${r.status}, stderr: ${r.stderr.slice(0, 300)}`).toContain(r.status);
  expect(r.stderr).not.toMatch(/^ {4}at /m);
  expect(r.stderr).not.toMatch(/internal error/i);
  if (r.status === 2) {
    expect(r.stdout, `${name}: exit 2 prints nothing on stdout`).toBe('');
    expect(r.stderr.trim(), `${name}: exit 2 says why`).not.toBe('');
  }
}

describe('npm run refer: random files never give a stack trace', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', { timeout: 35_000 }, (name, c) => {
    const path = join(DIR, name);
    c.make(path);
    const r = refer(path);
    outcomes.push(`${name}=${r.status}`);
    expectCalm(r, name);
  });

  it('the expected answers for the files whose outcome is certain', { timeout: 35_000 }, () => {
    // A sanity check that the fuzzing reaches the engine at all: a valid CSV row is answered (exit 0).
    const path = join(DIR, 'valid.csv');
    writeFileSync(path, 'region;staff;nace;needs\r\nflanders;3;25;training\r\n');
    const r = refer(path);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\r\n')[0]).toBe('region;staff;nace;needs;sizeClass;segment;techClass;outOfRegion;recommendations;error');
  });

  it('a Windows-1252 file from old Excel keeps its €, curly quotes and dashes in the output', { timeout: 35_000 }, () => {
    const path = join(DIR, 'cp1252-specials.csv');
    // "Bakkerij ‘t Hoekske – 5€" in Windows-1252: ‘ = 0x91, – = 0x96, € = 0x80.
    writeFileSync(path, Uint8Array.from([...Buffer.from('client;region;staff;nace;needs\r\nBakkerij '), 0x91, ...Buffer.from('t Hoekske '), 0x96, ...Buffer.from(' 5'), 0x80, ...Buffer.from(';flanders;3;10.7;training\r\n')]));
    const r = refer(path);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\r\n')[1]!.startsWith('Bakkerij ‘t Hoekske – 5€;flanders;')).toBe(true);
  });

  // KNOWN BUG (see the report): validateProfile quotes the offending value with JSON.stringify, which
  // overflows the stack on deeply nested JSON. The CLI answers "internal error: Maximum call stack size
  // exceeded" with exit 1. Fixed: profile.ts show() is safe.
  it('deeply nested JSON (100,000 levels, 200 kB) gives exit 2, not an internal error', { timeout: 35_000 }, () => {
    const path = join(DIR, 'deep.json');
    writeFileSync(path, `{"region":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const r = refer(path);
    expectCalm(r, 'deep.json');
    // Exit 2 exactly (expectCalm also lets 0 and 3 through), naming the field and showing the value as [...].
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^region: .*\(\[\.\.\.\]\)/m);
  });
});
