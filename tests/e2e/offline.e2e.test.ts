// After the first visit the wizard works without a network (service worker), behind any static host
// (the README's preview server and hosts that send `Vary: Origin` included), in every language; the
// page says which content version it shows, and nothing is ever requested outside the app's own origin.
import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../src/domain/format';
import { loadContent } from '../../src/content/load';
import { distDir, launchBrowser, newPage } from './browser';
import { serve, vitePreview, waitUntilOffline, type Running } from './servers';
import { expectCleanRun, firstChannel, metalWorkshop, openApp, switchLanguage, t, walk } from './wizard';

describe('offline and private', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); });

  /**
   * After a first visit to `start()`'s server, the server goes away: a new visit still walks to a
   * referral, and switching the language works (every language's strings and texts are cached).
   */
  async function offlineWalk(start: () => Promise<Running>) {
    const server = await start();
    const app = await newPage(browser);
    const { page, context } = app;
    try {
      await page.goto(server.url);
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
      // Controlled by the service worker, with every file of the build's precache list in its cache.
      await waitUntilOffline(page, distDir());
      await server.stop();
      // Open it again (a new visit), now without a server.
      await page.goto(server.url);
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
      await switchLanguage(page, 'fr');
      await switchLanguage(page, 'nl');
      const steps = await walk(page, 'nl', metalWorkshop('nl'));
      expect(steps.at(-1)).toBe('result');
      await expect.poll(() => firstChannel(page, 'nl').name.isVisible()).toBe(true);
      await switchLanguage(page, 'en');
      await expect.poll(() => firstChannel(page, 'en').name.isVisible()).toBe(true);
      expect(app.externalRequests.filter((u) => !u.startsWith(new URL(server.url).origin))).toEqual([]);
      expect(app.errors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(e))).toEqual([]);
    } finally {
      await context.close();
      await server.stop();
    }
  }

  it('after a first visit, a reload with the server gone still walks to a referral', async () => {
    await offlineWalk(() => serve(distDir()));
  });

  it('the same behind a host that answers "Vary: Origin" (the cache ignores Vary)', async () => {
    await offlineWalk(() => serve(distDir(), { headers: { vary: 'Origin' } }));
  });

  it('the same behind the README\'s preview server (npm run preview: vite preview)', async () => {
    await offlineWalk(async () => {
      const preview = await vitePreview(distDir());
      // What made the difference: vite preview answers module scripts with "Vary: Origin".
      const index = await (await fetch(preview.url)).text();
      const entry = /src="(\/assets\/[^"]+\.js)"/.exec(index)![1]!;
      const answer = await fetch(new URL(entry, preview.url), { headers: { origin: new URL(preview.url).origin } });
      expect(answer.headers.get('vary') ?? '').toMatch(/origin/i);
      return preview;
    });
  });

  it('every page says which content version it shows', async () => {
    const app = await newPage(browser);
    const { page, context } = app;
    try {
      await openApp(page);
      const version = formatDate(loadContent().content.meta.contentVersion, 'nl');
      const footer = t('nl', 'footer.contentVersion', { version });
      await expect.poll(() => page.getByText(footer).isVisible()).toBe(true);
      expectCleanRun(app);
    } finally {
      await context.close();
    }
  });

  it('the page forbids inline script and other origins (Content-Security-Policy)', async () => {
    const app = await newPage(browser);
    const { page, context } = app;
    try {
      await openApp(page);
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(csp).toMatch(/default-src 'self'/);
      // Besides the app's own files, only the page's own one-line script (it hides the start page
      // while a share link opens), allowed by its hash.
      const inline = await page.evaluate(() => [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? ''));
      expect(inline).toHaveLength(1);
      const hash = createHash('sha256').update(inline[0]!).digest('base64');
      expect(csp).toMatch(new RegExp(`script-src 'self' 'sha256-${hash.replace(/[+/]/g, '\\$&')}'(;|$)`));
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
      // An inline script injected into the page is refused.
      const ran = await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__inlineRan = true';
        document.body.append(s);
        return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
      });
      expect(ran).toBe(false);
    } finally {
      await context.close();
    }
  });
});
