// `npm run bench [-- --json]`: builds the app and measures what the budgets are about (README.md, "Performance"):
// JS/CSS sizes, Lighthouse on the start and result pages, engine throughput, path lengths, content freshness,
// and the batch (1,000,000 and 100,000 generated firms through the refer CLI's code, in a child process).
// `npm run bench -- --batch` measures the batch only; `-- --web` the page sizes and Lighthouse only;
// `-- --runs N` Lighthouse runs per page (median reported).
// Figures are reported, never asserted here.
import { gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createActor } from 'xstate';
import { chromium } from 'playwright-core';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { loadContent } from '../content/load';
import { sourcedItems } from '../content/check';
import { profileSpace } from '../domain/profile-space';
import { refer } from '../domain/refer';
import { REGIONS } from '../domain/types';
import { setWizardPolicy, type Answers } from '../wizard/answers';
import { MODES } from '../wizard/modes';
import { wizardMachine } from '../wizard/machine';
import { encodeShareFragment } from '../wizard/persistence';
import { preview } from 'vite';
import { buildApp } from './serve-dist';
import { batchFigures, type BatchFigures } from './bench-batch';

const json = process.argv.includes('--json');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const dist = path.resolve(import.meta.dirname, '../../dist');
const log = (msg: string) => { if (!json) process.stderr.write(`${msg}\n`); };
const gz = (buf: Buffer | Uint8Array) => gzipSync(buf, { level: 9 }).length;

function assetSizes() {
  const files = readdirSync(path.join(dist, 'assets'));
  const sum = (ext: string) => files.filter((f) => f.endsWith(ext)).reduce((n, f) => n + gz(readFileSync(path.join(dist, 'assets', f))), 0);
  return { totalJsGzipBytes: sum('.js'), cssGzipBytes: sum('.css') };
}

/** All JS the browser loads to show the start page (until the network is idle). */
async function firstLoadJs(baseURL: string): Promise<number> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_FLAGS.filter((f) => !f.startsWith('--headless')) });
  const page = await browser.newPage();
  const scripts = new Map<string, number>();
  page.on('response', async (res) => {
    if (res.request().resourceType() === 'script') scripts.set(res.url(), gz(await res.body()));
  });
  await page.goto(`${baseURL}/`, { waitUntil: 'networkidle' });
  await page.locator('h1').first().waitFor();
  await browser.close();
  return [...scripts.values()].reduce((a, b) => a + b, 0);
}

interface PageScore { performance: number; accessibility: number; bestPractices: number; lcpMs: number; tbtMs: number; cls: number }

async function lighthouseRun(url: string): Promise<PageScore> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] });
    const lhr = result!.lhr;
    // BENCH_LHR_DIR=dir keeps the whole Lighthouse report of each page, to see where the time goes.
    if (process.env.BENCH_LHR_DIR) writeFileSync(path.join(process.env.BENCH_LHR_DIR, `${url.includes('#') ? 'result' : 'start'}.json`), JSON.stringify(lhr));
    const audit = (id: string) => Math.round((lhr.audits[id]?.numericValue ?? NaN) * 1000) / 1000;
    return {
      performance: lhr.categories.performance!.score ?? 0,
      accessibility: lhr.categories.accessibility!.score ?? 0,
      bestPractices: lhr.categories['best-practices']!.score ?? 0,
      lcpMs: Math.round(audit('largest-contentful-paint')),
      tbtMs: Math.round(audit('total-blocking-time')),
      cls: audit('cumulative-layout-shift'),
    };
  } finally {
    await chrome.kill();
  }
}

/** Lighthouse runs per page (`--runs N`, default 3); the run with the median performance score is reported, as Lighthouse's own docs advise for its run-to-run variance. */
const RUNS = Math.max(1, Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3);

async function lighthouseMedian(url: string): Promise<PageScore & { runs: number[] }> {
  const scores: PageScore[] = [];
  for (let i = 0; i < RUNS; i++) scores.push(await lighthouseRun(url));
  const sorted = [...scores].sort((a, b) => a.performance - b.performance);
  return { ...sorted[Math.floor((sorted.length - 1) / 2)]!, runs: scores.map((s) => s.performance) };
}

/** A typical firm: the result page reached through its share link. */
const RESULT_ANSWERS: Answers = {
  region: 'flanders', province: 'west-vlaanderen', staff: 14, turnoverEur: 1_800_000, balanceSheetEur: null,
  ownedByLargeGroup: false, nace: '25.62', innovation: { newGoods: true, productInHouse: true, innovationSpending: true },
  introducedAnswered: true, practicesAnswered: true, needs: ['practical-problem'],
};

function engineThroughput() {
  const { content } = loadContent();
  const profiles = [...profileSpace({ needs: content.needs.map((n) => n.id), regions: REGIONS })];
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < 2000) {
    for (const p of profiles) refer(p, content, 'nl');
    count += profiles.length;
  }
  return { referralsPerSecond: Math.round(count / ((performance.now() - start) / 1000)), profiles: profiles.length };
}

/** Screens from the first question to the result (question pages, check, result) over the machine's paths. */
function pathLengths() {
  const variants: Answers[] = [];
  for (const mode of MODES) {
    for (const region of REGIONS) {
      for (const staff of [14, 400]) {
        variants.push({ ...RESULT_ANSWERS, mode, region, ...(region === 'flanders' ? {} : { province: undefined }), staff, triggers: [], triggersAnswered: true });
      }
    }
  }
  // Distinct routes through the machine (three regions share the out-of-region route).
  const routes = new Set<string>();
  for (const answers of variants) {
    const actor = createActor(wizardMachine, { input: undefined }).start();
    actor.send({ type: 'START', mode: answers.mode });
    const seen = [String(actor.getSnapshot().value)];
    while (actor.getSnapshot().value !== 'result' && seen.length < 30) {
      actor.send({ type: 'NEXT', answers });
      seen.push(String(actor.getSnapshot().value));
    }
    actor.stop();
    routes.add(seen.join('>'));
  }
  const lengths = [...routes].map((r) => r.split('>').length).sort((a, b) => a - b);
  const mid = lengths.length / 2;
  return {
    screensMin: lengths[0]!,
    screensMedian: lengths.length % 2 ? lengths[Math.floor(mid)]! : (lengths[mid - 1]! + lengths[mid]!) / 2,
    screensMax: lengths[lengths.length - 1]!,
  };
}

function contentFreshness() {
  const { content } = loadContent();
  const items = sourcedItems(content, 'content');
  const yearAgo = new Date();
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  return { facts: items.length, stale: items.filter((f) => f.checked < yearAgo.toISOString().slice(0, 10)).length };
}

const batchLine = (b: BatchFigures) => `${b.rows.toLocaleString('en')} firms (${b.fileMb} MB): ${b.rowsPerSecond.toLocaleString('en')} rows/s (${b.seconds} s at load average ${b.loadAverage}; CPU ${b.cpuSeconds} s = ${b.rowsPerCpuSecond.toLocaleString('en')} rows per CPU-second), peak RSS ${b.peakRssMb} MB`;

async function batchOnly() {
  log('batch (100,000 firms)...');
  const small = await batchFigures(100_000);
  log('batch (1,000,000 firms)...');
  const big = await batchFigures(1_000_000);
  const batch = { rowsPerSecond: big.rowsPerSecond, peakRssMb: big.peakRssMb, million: big, hundredThousand: small };
  if (json) process.stdout.write(`${JSON.stringify({ batch, machine: `${process.platform} ${process.arch}, Node ${process.version}`, measuredAt: new Date().toISOString() })}\n`);
  else process.stdout.write(`${['batch 1,000,000'.padEnd(26) + batchLine(big), 'batch 100,000'.padEnd(26) + batchLine(small)].join('\n')}\n`);
  return batch;
}

async function main() {
  if (process.argv.includes('--batch')) {
    await batchOnly();
    return;
  }
  // The share link and the path lengths go through the wizard, which reads its thresholds from the content.
  setWizardPolicy(loadContent().content.policy);
  log('building...');
  buildApp();
  const sizes = assetSizes();
  // Vite's preview server serves dist/ compressed, as a static host or CDN would.
  const server = await preview({ logLevel: 'silent', preview: { host: '127.0.0.1', port: 4317 } });
  const baseURL = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
  try {
    log('first load...');
    const firstLoadJsGzipBytes = await firstLoadJs(baseURL);
    log(`lighthouse (start page, ${RUNS} runs)...`);
    const start = await lighthouseMedian(`${baseURL}/`);
    log(`lighthouse (result page, ${RUNS} runs)...`);
    const result = await lighthouseMedian(`${baseURL}/${encodeShareFragment(RESULT_ANSWERS)}`);
    if (process.argv.includes('--web')) {
      // `--web`: the page budgets only (sizes and Lighthouse), without the engine and the batch.
      const web = { firstLoadJsGzipBytes, ...sizes, lighthouse: { start, result }, measuredAt: new Date().toISOString() };
      process.stdout.write(`${JSON.stringify(web, null, json ? undefined : 2)}\n`);
      return;
    }
    log('engine...');
    const engine = engineThroughput();
    log('batch (100,000 and 1,000,000 firms, in a child process)...');
    const small = await batchFigures(100_000);
    const big = await batchFigures(1_000_000);
    const report = {
      firstLoadJsGzipBytes, ...sizes,
      lighthouse: { start, result },
      engine: { referralsPerSecond: engine.referralsPerSecond, profiles: engine.profiles },
      batch: { rowsPerSecond: big.rowsPerSecond, peakRssMb: big.peakRssMb, million: big, hundredThousand: small },
      paths: pathLengths(),
      content: contentFreshness(),
      machine: `${process.platform} ${process.arch}, Node ${process.version}`,
      measuredAt: new Date().toISOString(),
    };
    if (json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else {
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      const lh = (p: PageScore & { runs: number[] }) => `perf ${p.performance} (runs ${p.runs.join(', ')})  a11y ${p.accessibility}  best ${p.bestPractices}  LCP ${p.lcpMs} ms  TBT ${p.tbtMs} ms  CLS ${p.cls}`;
      const rows: Array<[string, string]> = [
        ['first-load JS (gzip)', kb(report.firstLoadJsGzipBytes)],
        ['all JS (gzip)', kb(report.totalJsGzipBytes)],
        ['CSS (gzip)', kb(report.cssGzipBytes)],
        ['Lighthouse start page', lh(start)],
        ['Lighthouse result page', lh(result)],
        ['engine', `${report.engine.referralsPerSecond.toLocaleString('en')} referrals/s over ${engine.profiles} profiles`],
        ['batch 1,000,000', batchLine(big)],
        ['batch 100,000', batchLine(small)],
        ['screens to result', `min ${report.paths.screensMin}, median ${report.paths.screensMedian}, max ${report.paths.screensMax}`],
        ['content facts (stale)', `${report.content.facts} (${report.content.stale})`],
        ['machine', report.machine],
      ];
      process.stdout.write(`${rows.map(([k, v]) => `${k.padEnd(26)} ${v}`).join('\n')}\n`);
    }
  } finally {
    await server.close();
  }
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
