// The server goes away while a page is open and nothing is cached (no service worker): switching the
// language and loading the wizard say that the connection is gone and that the answers are kept, with a
// retry that works once the server is back. No unhandled promise rejection, no generic error page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { distDir, launchBrowser } from './browser';
import { serve } from './servers';
import { expectNoA11yViolations, t } from './wizard';

const lang = 'nl';

describe('a dropped connection', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); });

  it('language switch and the wizard\'s chunk with the server gone: said as such, answers kept, a retry that works', async () => {
    let server = await serve(distDir());
    const { port, url } = server;
    const context = await browser.newContext({ locale: 'nl-BE', serviceWorkers: 'block' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    try {
      await page.goto(url);
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
      await server.stop();

      // The language switch: a message, the page stays in Dutch.
      await page.getByRole('button', { name: t('en', 'lang.en'), exact: true }).click();
      const langAlert = page.getByRole('alert').filter({ hasText: t(lang, 'connection.languageFailed', { language: t(lang, 'lang.en') }) });
      await langAlert.waitFor();
      await langAlert.getByText(t(lang, 'connection.answersKept')).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');

      // The wizard's code: "no connection", never "something went wrong".
      await page.getByRole('button', { name: t(lang, 'start.button'), exact: true }).click();
      const chunkAlert = page.getByRole('alert').filter({ hasText: t(lang, 'connection.offlineTitle') });
      await chunkAlert.waitFor({ timeout: 20_000 });
      await chunkAlert.getByText(t(lang, 'connection.offlineText')).waitFor();
      expect(await page.getByText(t(lang, 'pageError.title')).count()).toBe(0);
      await expectNoA11yViolations(page, 'connection gone');

      // Still gone: "try again" says so and stays.
      await chunkAlert.getByRole('button', { name: t(lang, 'connection.retry') }).click();
      await chunkAlert.getByText(t(lang, 'connection.stillOffline')).waitFor();

      // The server is back: "try again" reloads and loads the wizard (a browser keeps a failed module load
      // for the page's life); the language's "try again" opens the page in that language.
      server = await serve(distDir(), { port });
      await Promise.all([page.waitForEvent('load'), chunkAlert.getByRole('button', { name: t(lang, 'connection.retry') }).click()]);
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
      await page.getByRole('button', { name: t(lang, 'start.button'), exact: true }).click();
      await page.getByRole('heading', { level: 1, name: t(lang, 'region.title') }).waitFor();
      await server.stop();
      await page.getByRole('button', { name: t('en', 'lang.en'), exact: true }).click();
      await langAlert.waitFor();
      server = await serve(distDir(), { port });
      await Promise.all([page.waitForEvent('load'), langAlert.getByRole('button', { name: t(lang, 'connection.retry') }).click()]);
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true' && document.documentElement.lang === 'en');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
      await server.stop();
    }
  });
});
