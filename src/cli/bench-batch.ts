// The batch figures of `npm run bench`: a generated CSV of N firms referred by the refer CLI's own
// code (runRefer, streaming, --out), in a child process so its peak memory is its own.
// `tsx src/cli/bench-batch.ts FILE ROWS` (the child) prints {rows, seconds, rowsPerSecond, peakRssMb}.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadContent } from '../content/load';
import { parseArgs, runRefer } from './refer-run';

// Firms as advisors bring them: Belgian Excel (';', CRLF, decimal comma, thousands dots), varied
// sizes, sectors and answers, names with accents, and one row in fifty with an error.
const TEMPLATES = [
  'flanders;west-vlaanderen;14;1.800.000;900.000;nee;25.62;newGoods|productInHouse|innovationSpending;practical-problem;quality-complaints',
  'flanders;antwerpen;420;95.000.000;70.000.000;nee;28.41;newGoods|productInHouse|innovationSpending|inHouseRnd|rndStaff;training|development-project;',
  'brussels;;22;3.000.000;1.500.000;;62.01;newServices;development-project|financing;',
  'Vlaanderen;Limburg;4,5;450.000;;ONWAAR;10.71;;opleiding;skills-gap',
  'wallonia;;8;900.000;;nee;14.13;;explore-idea;',
  'flanders;oost-vlaanderen;60;12.000.000;8.000.000;ja;22.21;newProductionMethods|processInHouse|cooperation;partners|feasibility-study;new-regulation|sustainability-pressure',
  'flanders;vlaams-brabant;2;150.000;80.000;nee;18.12;newSupportProcesses;not-sure;digitalisation-pressure',
  'flanders;antwerpen;48,75;€ 9.750.000,-;4.000.000;nee;16.23;newGoods|productInHouse|productNewToMarket|innovationSpending;go-to-market|ip-legal;customer-demand',
  'flanders;vlaams-brabant;9;1,2 mln;;nee;86.90;newServices|productInHouse;advice|financing;succession|competitor-innovation',
  'abroad;;30;5.000.000;;nee;62.01;newServices|productInHouse;international;',
];
const BAD = 'flanders;antwerpen;12;;;nee;ab;;training;';
const HEADER = 'naam;regio;provincie;personeel;omzet;balanstotaal;ownedByLargeGroup;nace;innovation;needs;triggers';

/** Writes a CSV of `rows` generated firms to `file`, a block at a time (never the whole file in memory). */
export async function writeFirmsCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  let block = `${HEADER}\r\n`;
  for (let i = 1; i <= rows; i++) {
    block += `Société ${String(i).padStart(7, '0')} BV;${i % 50 === 0 ? BAD : TEMPLATES[i % TEMPLATES.length]!}\r\n`;
    if (block.length > 1 << 20) {
      if (!out.write(block)) await once(out, 'drain');
      block = '';
    }
  }
  out.end(block);
  await once(out, 'finish');
}

/**
 * Wall-clock seconds and rows/s end to end; cpuSeconds the child's CPU time (user + system) and
 * rowsPerCpuSecond, steadier when the machine is shared; loadAverage the 1-minute load average when
 * the child ended (the wall figures depend on it).
 */
export interface BatchFigures { rows: number; fileMb: number; seconds: number; rowsPerSecond: number; cpuSeconds: number; rowsPerCpuSecond: number; loadAverage: number; peakRssMb: number }

/** Generates `rows` firms and refers them in a child process (this file as its entry); the child's figures. */
export async function batchFigures(rows: number): Promise<BatchFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-batch-'));
  try {
    const input = path.join(dir, 'firms.csv');
    await writeFirmsCsv(input, rows);
    const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, input, String(rows)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) throw new Error(`the batch child failed (${child.status}): ${child.stderr}`);
    const figures = JSON.parse(child.stdout) as Omit<BatchFigures, 'fileMb'>;
    return { ...figures, fileMb: Math.round(statSync(input).size / 1024 / 1024) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The child: refers FILE (of `rows` firms) to FILE.out.csv as `npm run refer -- FILE --out ...` does, then reports. */
async function child(file: string, rows: number) {
  const { content } = loadContent();
  const stderr = new Writable({ write: (_c, _e, done) => done() });
  const started = performance.now();
  const cpu = process.cpuUsage();
  await runRefer(parseArgs([file, '--out', `${file}.out.csv`]), content, { stdout: process.stdout, stderr, cwd: process.cwd() });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  process.stdout.write(`${JSON.stringify({
    rows, seconds: Math.round(seconds * 10) / 10, rowsPerSecond: Math.round(rows / seconds), cpuSeconds: Math.round(cpuSeconds * 10) / 10, rowsPerCpuSecond: Math.round(rows / cpuSeconds),
    loadAverage: Math.round(loadavg()[0]! * 10) / 10, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`);
}

if (process.argv[1] === import.meta.filename && process.argv[2]) {
  child(process.argv[2], Number(process.argv[3])).catch((e: unknown) => {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exitCode = 1;
  });
}
