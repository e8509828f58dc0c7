// How long the desk takes to open in Chromium with 100, 1,000 and 10,000 saved firms (issue 16): a
// measurement to report, not a test. Builds the app, serves it, fills the desk's IndexedDB with N records
// (varied firms; one in ten saved with a test content variant, so "what changed" has work to show),
// then opens ?desk and reads, in the page, when the list shows and when "what changed" is done for all.
//   npx tsx tests/measure/desk-open.ts [N ...]     (default 100 1000 10000)
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { onlyLanguage } from '../../src/content/only-language';
import { buildApp, serveDist } from '../../src/cli/serve-dist';
import type { Answers } from '../../src/wizard/answers';
import { setWizardPolicy } from '../../src/wizard/answers';
import { content } from '../helpers';
import { recordOf, variantContent, WORKSHOP } from '../wizard/desk-fixtures';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [100, 1_000, 10_000];
const RUNS = 3;

setWizardPolicy(content().policy);
const nl = onlyLanguage(content(), 'nl');
const nlVariant = onlyLanguage(variantContent(), 'nl');
const PROVINCES = ['antwerpen', 'limburg', 'oost-vlaanderen', 'vlaams-brabant', 'west-vlaanderen'] as const;
const NEEDS = [['practical-problem'], ['training', 'advice'], ['development-project', 'financing'], ['explore-idea'], ['practical-problem', 'training', 'advice']];
/** 40 templates: provinces, sizes and needs varied; every tenth (asking for advice) made with the content variant. */
const templates = Array.from({ length: 40 }, (_, i) => {
  const answers: Answers = { ...WORKSHOP, province: PROVINCES[i % 5], staff: [3, 14, 48, 120][i % 4], needs: NEEDS[i % NEEDS.length] };
  return recordOf(answers, `Sjabloon ${i}`, new Date(), i % 10 === 4 ? nlVariant : nl);
});

const dir = mkdtempSync(path.join(tmpdir(), 'desk-measure-'));
buildApp(dir);
const server = await serveDist(dir);
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  console.log(`templates: ${templates.length}, record JSON ~${Math.round(JSON.stringify(templates[1]).length / 1024)} KB each`);
  for (const n of SIZES) {
    const context = await browser.newContext({ locale: 'nl-BE' });
    const page = await context.newPage();
    await page.goto(`${base}/?desk`);
    await page.getByRole('heading', { name: 'Nog niets op het bureau' }).waitFor();
    // Fill the store the desk just created (in one transaction), a month of savings back.
    await page.evaluate(async ({ templates, n }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => { const r = indexedDB.open('innovatiewijzer-desk'); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
      const tx = db.transaction('records', 'readwrite');
      for (let i = 0; i < n; i++) {
        const t = templates[i % templates.length]!;
        const at = new Date(Date.now() - (i % 90) * 86_400_000).toISOString();
        tx.objectStore('records').put({ id: `measure-${String(i).padStart(6, '0')}`, record: { ...t, id: `measure-${String(i).padStart(6, '0')}`, name: `Onderneming ${i}`, savedAt: at, updatedAt: at } });
      }
      await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
      db.close();
    }, { templates, n });
    const runs: Array<{ list: number; changes: number; longestTaskMs: number }> = [];
    for (let run = 0; run < RUNS; run++) {
      await page.goto(`${base}/?desk`);
      await page.evaluate(() => {
        const w = window as unknown as { longest: number };
        w.longest = 0;
        new PerformanceObserver((l) => { for (const e of l.getEntries()) w.longest = Math.max(w.longest, e.duration); }).observe({ type: 'longtask', buffered: true });
      });
      await page.getByRole('heading', { level: 3 }).first().waitFor({ timeout: 120_000 });
      const list = await page.evaluate(() => performance.now());
      await page.getByText(/Nagegaan wat er veranderde/).waitFor({ timeout: 300_000 });
      const changes = await page.evaluate(() => performance.now());
      const longestTaskMs = await page.evaluate(() => (window as unknown as { longest: number }).longest);
      runs.push({ list: Math.round(list), changes: Math.round(changes), longestTaskMs: Math.round(longestTaskMs) });
    }
    const changed = await page.getByText(/doorverwijzing(en)? veranderd/).textContent();
    const median = (k: 'list' | 'changes' | 'longestTaskMs') => runs.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(RUNS / 2)];
    console.log(JSON.stringify({ firms: n, listShownMs: median('list'), whatChangedDoneMs: median('changes'), longestTaskMs: median('longestTaskMs'), changed, runs }));
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
