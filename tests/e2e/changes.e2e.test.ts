// "Compare with an earlier result" on the batch page in a real Chromium: an earlier result file in, the
// changes per row, the download byte for byte what `npm run changes` prints (after Excel's BOM), a file
// that is no result file named, and axe in each state.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, type CliRun } from '../helpers';
import { appURL, launchBrowser, newPage, type AppPage } from './browser';
import { expectCleanRun, expectNoA11yViolations, t } from './wizard';

const TMP = mkdtempSync(join(tmpdir(), 'changes-e2e-'));

/** `npm run --silent changes -- FILE`: what the command prints for an earlier result file. */
function changesCli(file: string): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn('npm', ['run', '--silent', 'changes', '--', file, '--lang', 'nl'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

/** examples/firms.csv referred today (what `npm run refer` writes), with the first firm's first two channels swapped as if the content had changed since. */
function earlierResult(): Promise<Buffer> {
  return new Promise((done, fail) => {
    const child = spawn('npm', ['run', '--silent', 'refer', '--', 'examples/firms.csv', '--lang', 'nl'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.on('error', fail);
    child.on('close', () => {
      const lines = stdout.split('\r\n');
      // The first firm (Bakkerij Peeters, three recommendations): its first two channels swapped in the
      // recommendations column (the last but one; the file is written with ';' and this row has no quotes).
      const cells = lines[1]!.split(';');
      const ranked = cells[cells.length - 2]!.split('|');
      cells[cells.length - 2] = [ranked[1], ranked[0], ...ranked.slice(2)].join('|');
      lines[1] = cells.join(';');
      done(Buffer.from(lines.join('\r\n'), 'utf8'));
    });
  });
}

const fileInput = (app: AppPage) => app.page.getByLabel(t('nl', 'changes.fileLabel'), { exact: true });

describe('compare with an earlier result (?batch)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the changes per row, downloads what npm run changes prints, names a wrong file, passes axe', async () => {
    const earlier = await earlierResult();
    const file = join(TMP, 'earlier.csv');
    writeFileSync(file, earlier);
    const cli = changesCli(file);

    const app = await newPage(browser);
    const { page } = app;
    await page.goto(`${appURL()}/?batch`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    await page.getByRole('heading', { level: 2, name: t('nl', 'changes.title'), exact: true }).waitFor();

    // A file that is no result file (the profiles themselves).
    await fileInput(app).setInputFiles({ name: 'firms.csv', mimeType: 'text/csv', buffer: readFileSync(join(ROOT, 'examples/firms.csv')) });
    await page.getByRole('alert').filter({ hasText: t('nl', 'changes.notAResult') }).waitFor();
    await expectNoA11yViolations(page, 'the batch page with a file that is no result file');

    await fileInput(app).setInputFiles({ name: 'earlier.csv', mimeType: 'text/csv', buffer: earlier });
    const region = page.getByRole('region', { name: t('nl', 'changes.tableCaption') });
    await region.waitFor({ timeout: 15_000 });
    expect(await page.getByRole('alert').count()).toBe(0);
    const changed = region.getByRole('row').filter({ hasText: /nu aanbevolen op de eerste plaats \(was de tweede\)\./ });
    expect(await changed.count()).toBe(1);
    expect(await region.getByRole('row').filter({ hasText: 'geen verandering' }).count()).toBeGreaterThan(0);
    await expectNoA11yViolations(page, 'the batch page with a comparison');

    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t('nl', 'changes.download'), exact: true }).click()]) as [Download, void];
    expect(dl.suggestedFilename()).toMatch(/^innovatiewijzer-changes-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync(await dl.path());
    const run = await cli;
    expect(run.status).toBe(4);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(run.stdout);
    expectCleanRun(app);
    await app.context.close();
  });
});
