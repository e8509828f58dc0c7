// The batch path writes, byte for byte, what it wrote before the throughput work (fast validation,
// remembered referrals and cells): two seeded mixed files (tests/fixtures/batch/throughput/) and their
// result CSVs captured before the change, for the day they were captured.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { processCsv, type BatchOptions } from '../../src/domain/batch-file';
import { content } from '../helpers';

// Each file is referred whole: a second on an idle machine, more on a shared one.
vi.setConfig({ testTimeout: 60_000 });

const DIR = resolve(import.meta.dirname, '../fixtures/batch/throughput');
const CAPTURED_ON = '2026-11-30';

const run = (file: string, options: BatchOptions) => {
  const r = processCsv(new Uint8Array(readFileSync(resolve(DIR, file))), content(), { ...options, on: CAPTURED_ON });
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r.result;
};

describe('batch output is unchanged by the throughput work', () => {
  it.each([
    ['mixed-semicolon.csv', 'mixed-semicolon.out.nl.csv', { lang: 'nl' }],
    ['mixed-semicolon.csv', 'mixed-semicolon.out.en.csv', { lang: 'en' }],
    ['mixed-semicolon.csv', 'mixed-semicolon.out.fr.csv', { lang: 'fr' }],
    ['mixed-comma.csv', 'mixed-comma.out.en.csv', { lang: 'en' }],
    ['mixed-comma.csv', 'mixed-comma.out.en-notation-en.csv', { lang: 'en', notation: 'en' }],
  ] as const)('%s -> %s', (input, expected, options) => {
    const result = run(input, options);
    // Both kinds of rows are in the file, so both paths (fast and zod's) are compared.
    expect(result.answered).toBeGreaterThan(100);
    expect(result.failed).toBeGreaterThan(50);
    expect(result.csv).toBe(readFileSync(resolve(DIR, expected), 'utf8'));
  });

  it('the rows the page shows are the same whether a referral was remembered or not', () => {
    const a = run('mixed-semicolon.csv', { lang: 'nl' });
    const b = run('mixed-semicolon.csv', { lang: 'nl' });
    expect(b.rows).toEqual(a.rows);
    expect(a.rows.filter((r) => r.channels).length).toBe(a.answered);
  });
});
