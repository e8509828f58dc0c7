import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { loadContent } from '../src/content/load';
import type { Content } from '../src/domain/content-model';
import { processCsv, type BatchOptions, type BatchResult, type FileProblem } from '../src/domain/batch-file';
import type { Profile } from '../src/domain/types';
import type { Answers } from '../src/wizard/answers';

/** The project root (where package.json is). */
export const ROOT = resolve(import.meta.dirname, '..');

let cached: Content | undefined;
/** The real content/ (validated), loaded once per test file. */
export function content(): Content {
  return (cached ??= loadContent().content);
}

/**
 * A CSV text (or bytes) through the batch path (processCsv: what the CLI prints and the page
 * offers for download). Throws on a file problem, naming it.
 */
export function referCsvText(input: string | Uint8Array, options: BatchOptions | 'nl' | 'en' | 'fr' = 'en'): BatchResult {
  const r = processCsv(typeof input === 'string' ? new TextEncoder().encode(input) : input, content(), options);
  if (!r.ok) throw new Error(`file problem: ${JSON.stringify(r.problem)}`);
  return r.result;
}

/** The file problem of a CSV text (or bytes), or null when it reads. */
export function csvProblem(input: string | Uint8Array): FileProblem | null {
  const r = processCsv(typeof input === 'string' ? new TextEncoder().encode(input) : input, content(), 'en');
  return r.ok ? null : r.problem;
}

// --- sample answers, shared by several test files ----------------------------------------------------

/** A complete small Flemish firm in Limburg (every page answered). */
export const SME: Answers = {
  region: 'flanders',
  province: 'limburg',
  staff: 12.5,
  turnoverEur: 1_800_000,
  balanceSheetEur: null,
  ownedByLargeGroup: false,
  nace: '25.62',
  innovation: { newGoods: true, productInHouse: true, productNewToMarket: false, innovationSpending: true },
  introducedAnswered: true,
  practicesAnswered: true,
  needs: ['practical-problem', 'training'],
};

/** A West-Flemish metal workshop (14 staff, balance unknown, some process innovation, a practical problem); no mode, no warning lights. */
/** The metal workshop as a Profile v1 (West Flanders, 14 staff, NACE 25.62, a practical problem, no innovation answers). */
export const METAL_WORKSHOP_PROFILE: Profile = {
  region: 'flanders',
  province: 'west-vlaanderen',
  staff: 14,
  turnoverEur: 1_800_000,
  balanceSheetEur: 900_000,
  nace: '25.62',
  innovation: {},
  needs: ['practical-problem'],
};

export const METAL_WORKSHOP: Answers = {
  region: 'flanders',
  province: 'west-vlaanderen',
  staff: 14,
  turnoverEur: 1_800_000,
  balanceSheetEur: null,
  ownedByLargeGroup: false,
  nace: '25.62',
  innovation: { newProductionMethods: true, processInHouse: false, innovationSpending: true },
  introducedAnswered: true,
  practicesAnswered: true,
  needs: ['practical-problem'],
};

/** The metal workshop filled in by its accountant ('client'), with two warning lights. */
export const METAL_WORKSHOP_CLIENT: Answers = { ...METAL_WORKSHOP, mode: 'client', triggers: ['quality-complaints', 'new-regulation'], triggersAnswered: true };

// --- the refer CLI ------------------------------------------------------------------------------------

/** How a run of the CLI ended: its exit code and everything it printed. */
export interface CliRun { status: number | null; stdout: string; stderr: string }

/**
 * `npm run --silent refer -- ...args` as a user runs it (from the project root unless `cwd` says
 * otherwise, NO_COLOR set): resolves with the exit code and output when it exits, whatever the code.
 */
export function runRefer(args: string[], cwd = ROOT): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn('npm', ['run', '--silent', 'refer', '--', ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}
