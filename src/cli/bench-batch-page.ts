// The batch page (`?batch`) with 1,000,000 generated firms in the real Chromium (/usr/bin/chromium),
// as a script, not a timed test: `npx tsx src/cli/bench-batch-page.ts [ROWS]`. It builds the app,
// serves it, generates the firms (bench-batch.ts' generator), and then, in one page:
//  1. uploads the file, checks that the progress moves, presses Stop, checks that the page says so
//     and that no more progress comes;
//  2. uploads it again and waits for the end: time, rows, the page's longest main-thread task
//     (PerformanceObserver 'longtask'), how late a 50 ms timer fired at worst (input delay), and the
//     peak memory of Chromium's processes (the sum of their RSS, sampled every 250 ms);
//  3. downloads the result CSV and compares it, byte for byte, with what the refer CLI writes for
//     the same file (a UTF-8 BOM first).
// Prints one JSON object with the figures. Exit code 1 when a check fails.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { writeFirmsCsv } from './bench-batch';
import { buildApp, serveDist } from './serve-dist';

const rows = Number(process.argv[2] ?? 1_000_000);
const MARKER = `--bench-batch-page=${process.pid}`;

/**
 * The memory (MB) of the Chromium started with MARKER and all its descendants (renderers, GPU,
 * utility): the sum of their proportional set sizes (PSS: shared pages counted once overall, not
 * once per process as RSS would).
 */
function chromiumMemoryMb(): number {
  const procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  const parent = new Map<number, number>();
  let root = -1;
  for (const p of procs) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      parent.set(Number(p), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (root < 0 && readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(MARKER)) root = Number(p);
    } catch {
      // The process ended meanwhile.
    }
  }
  if (root < 0) return 0;
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parent) if (!tree.has(pid) && tree.has(ppid)) { tree.add(pid); grew = true; }
  }
  let kb = 0;
  for (const pid of tree) {
    try {
      kb += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // Ended.
    }
  }
  return Math.round(kb / 1024);
}

const sha256 = (file: string, skip = 0) => new Promise<string>((resolve, reject) => {
  const h = createHash('sha256');
  createReadStream(file, { start: skip }).on('data', (d) => h.update(d)).on('end', () => resolve(h.digest('hex'))).on('error', reject);
});

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-batch-page-'));
  const failures: string[] = [];
  const check = (ok: boolean, what: string) => { if (!ok) failures.push(what); };
  try {
    const input = path.join(dir, 'firms.csv');
    await writeFirmsCsv(input, rows);
    const dist = path.join(dir, 'dist');
    buildApp(dist);
    const server = await serveDist(dist);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/?batch`;
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', MARKER],
    });
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { benchLongest: number; benchLongTasks: number; benchLateTimer: number; benchTasks: Array<[number, number]> };
      w.benchTasks = [];
      w.benchLongest = 0;
      w.benchLongTasks = 0;
      w.benchLateTimer = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          w.benchLongTasks++;
          w.benchLongest = Math.max(w.benchLongest, e.duration);
          w.benchTasks.push([Math.round(e.startTime), Math.round(e.duration)]);
        }
      }).observe({ type: 'longtask', buffered: true });
      let expected = performance.now() + 50;
      setInterval(() => {
        const now = performance.now();
        w.benchLateTimer = Math.max(w.benchLateTimer, now - expected);
        expected = now + 50;
      }, 50);
    });
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    const figures = () => page.evaluate(() => {
      const w = window as unknown as { benchLongest: number; benchLongTasks: number; benchLateTimer: number; benchTasks: Array<[number, number]> };
      return { longestTaskMs: Math.round(w.benchLongest), longTasks: w.benchLongTasks, worstTimerDelayMs: Math.round(w.benchLateTimer), tasks: w.benchTasks.slice(), now: Math.round(performance.now()) };
    });
    // "12.345 rijen, 10% van het bestand": the number before the first word.
    const progressRows = () => page.locator('.batch-progress-count').textContent({ timeout: 1000 }).then((t) => Number((/^[\d.,\s\u00a0\u202f]+/.exec(t ?? '')?.[0] ?? '').replace(/\D/g, '') || 0), () => -1);

    // 1. Progress and Stop.
    await page.locator('#batch-file').setInputFiles(input);
    await page.waitForFunction(() => /\d/.test(document.querySelector('.batch-progress-count')?.textContent ?? ''), undefined, { timeout: 60_000 });
    const first = await progressRows();
    await page.waitForTimeout(2000);
    const second = await progressRows();
    check(second > first && second > 0, `the progress moves (${first} then ${second} rows)`);
    await page.locator('.batch-progress button').click();
    await page.locator('[role=status]').filter({ hasText: 'firms.csv' }).waitFor({ timeout: 5000 });
    const stoppedText = await page.locator('[role=status]').textContent();
    await page.waitForTimeout(1500);
    check((await page.locator('.batch-progress').count()) === 0, 'after Stop the progress bar is gone');
    check((await page.locator('.batch-result').count()) === 0, 'after Stop no result is shown');
    const afterStop = await figures();

    // 2. The whole file.
    const idleMemoryMb = chromiumMemoryMb();
    let peakRssMb = idleMemoryMb;
    const sampler = setInterval(() => { peakRssMb = Math.max(peakRssMb, chromiumMemoryMb()); }, 250);
    const started = performance.now();
    const uploadAt = await page.evaluate(() => Math.round(performance.now()));
    await page.locator('#batch-file').setInputFiles(input);
    await page.locator('.batch-result').waitFor({ timeout: 30 * 60_000 });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const doneAt = await page.evaluate(() => Math.round(performance.now()));
    const summary = await page.locator('.batch-summary').textContent();
    const during = await figures();
    const load = loadavg()[0]!;

    // 3. The streamed download against the CLI's output.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.locator('.batch-result button.button').first().click()]);
    const downloaded = path.join(dir, 'download.csv');
    await download.saveAs(downloaded);
    const head = readFileSync(downloaded).subarray(0, 3);
    check(head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf, 'the download starts with a UTF-8 BOM');
    const cliOut = path.join(dir, 'cli.csv');
    const cli = spawnSync(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, 'refer.ts'), input, '--out', cliOut], { encoding: 'utf8' });
    check(cli.status === 3, `the CLI ran (exit ${cli.status})`);
    const same = (await sha256(downloaded, 3)) === (await sha256(cliOut));
    check(same, 'the download equals the CLI output byte for byte');
    await browser.close();
    server.close();
    process.stdout.write(`${JSON.stringify({
      rows, seconds: Math.round(seconds * 10) / 10, rowsPerSecond: Math.round(rows / seconds), loadAverage: Math.round(load * 10) / 10, chromiumPssMb: { beforeTheRun: idleMemoryMb, peak: peakRssMb },
      pageClock: { uploadAt, doneAt }, progress: [first, second], stopped: stoppedText, afterStop, whole: during, summary, downloadSameAsCli: same, failures,
    }, null, 2)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (failures.length) process.exitCode = 1;
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
