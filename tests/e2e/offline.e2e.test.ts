// After the first visit the wizard works without a network (service worker), the page says which
// content version it shows, and nothing is ever requested outside the app's own origin.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../src/domain/format';
import { loadContent } from '../../src/content/load';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serveDist } from '../../src/cli/serve-dist';
import { distDir, launchBrowser, newPage } from './browser';
import { expectCleanRun, firstChannel, metalWorkshop, openApp, t, walk } from './wizard';

describe('offline and private', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); });

  it('after a first visit, a reload with the server gone still walks to a referral', async () => {
    // Its own server, so it can really go away (Playwright's setOffline also blocks the service worker's cache, playwright#2311).
    const server = await serveDist(distDir() || undefined);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const app = await newPage(browser);
    const { page, context } = app;
    try {
      await page.goto(url);
      // The service worker installs and takes control after the first load.
      // Controlling this page with every asset of the build's precache list in its cache.
      const sw = readFileSync(join(distDir() || 'dist', 'sw.js'), 'utf8');
      // Cache entries: one per file of the list ('/' and '/index.html' are two requests for one page).
      const precached = (JSON.parse(/const FILES = (\[.*\]);/.exec(sw)![1]!) as string[]).length;
      await page.waitForFunction(async (expected) => {
        if (navigator.serviceWorker.controller === null) return false;
        const names = await caches.keys();
        return names.length > 0 && (await (await caches.open(names[0]!)).keys()).length >= expected;
      }, precached, { timeout: 30_000, polling: 250 });
      // Seen here: Chromium keeps sending navigations to the network for a moment after the worker
      // is ready; a visit a few seconds later is served by it. Give it that moment with the server up.
      await page.waitForTimeout(3_000);
      await new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
      // Open it again (a new visit), now without a server.
      await page.goto(url);
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
      const steps = await walk(page, 'nl', metalWorkshop('nl'));
      expect(steps.at(-1)).toBe('result');
      await expect.poll(() => firstChannel(page, 'nl').name.isVisible()).toBe(true);
      expect(app.externalRequests.filter((u) => !u.startsWith(new URL(url).origin))).toEqual([]);
    } finally {
      await context.close();
      server.close();
    }
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
      expect(csp).toMatch(/script-src 'self'(;|$)/);
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
