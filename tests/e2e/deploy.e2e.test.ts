// A new version is deployed while a tab is open: the open tab keeps working on its own build (the
// service worker keeps that build's files while a page uses it), is offered the new version at a moment
// that loses nothing, and ends on the new version with its answers. A tab without the worker's help
// whose chunk is gone from the server retries, then says what happened and reloads into the new version.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distDir, launchBrowser, newPage } from './browser';
import { pageBuild, secondDeploy, serve, waitInPage, waitUntilOffline } from './servers';
import { expectNoA11yViolations, firstChannel, metalWorkshop, t, walk } from './wizard';

const lang = 'nl';

describe('a deploy while a tab is open', () => {
  let browser: Browser;
  let deploy: ReturnType<typeof secondDeploy>;
  beforeAll(async () => {
    browser = await launchBrowser();
    deploy = secondDeploy(distDir());
  });
  afterAll(async () => {
    await browser?.close();
    deploy?.remove();
  });

  it('the open tab keeps working on its build, is offered the new version on a calm page, and ends on it with its answers', async () => {
    let server = await serve(distDir());
    const { port, url } = server;
    const app = await newPage(browser);
    const { page, context } = app;
    try {
      await page.goto(url);
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
      await waitUntilOffline(page, distDir());
      const oldBuild = await pageBuild(page);

      // The deploy: the server now has the new build only (other file names, another build id).
      await server.stop();
      server = await serve(deploy.dir, { port });
      // A second tab gets the new version; its service worker installs and waits.
      const second = await context.newPage();
      await second.goto(url);
      await second.waitForFunction(() => document.documentElement.dataset.ready === 'true');
      expect(await pageBuild(second)).toBe(deploy.build);
      await waitInPage(second, async () => (await navigator.serviceWorker.getRegistration())?.waiting != null, undefined, 'the new build\'s worker installed and waiting');
      // The old worker would have deleted the old build's files ~3 s after that.
      await page.waitForTimeout(4_000);

      // The first tab: starts the wizard (a lazy chunk of the old build), switches language and back, walks to a result.
      const banner = page.getByRole('status').filter({ hasText: t(lang, 'update.ready') });
      await banner.waitFor();
      await page.getByRole('button', { name: t('en', 'lang.en'), exact: true }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await page.getByRole('button', { name: t('nl', 'lang.nl'), exact: true }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'nl');
      await page.getByRole('button', { name: t(lang, 'start.button'), exact: true }).click();
      // Not offered while a question's answers are being typed.
      await page.getByRole('heading', { level: 1, name: t(lang, 'region.title') }).waitFor();
      expect(await banner.count()).toBe(0);
      const steps = await walk(page, lang, metalWorkshop(lang), { from: 'region' });
      expect(steps.at(-1)).toBe('result');
      const channel = (await firstChannel(page, lang).name.innerText()).trim();
      const action = (await firstChannel(page, lang).action.innerText()).trim();
      expect(await pageBuild(page)).toBe(oldBuild);
      expect(app.errors).toEqual([]);

      // On the result (everything saved) it is offered; the reload reopens the result with the answers.
      await banner.waitFor();
      await expectNoA11yViolations(page, 'result with the new-version notice');
      await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: t(lang, 'update.reload') }).click()]);
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
      expect(await pageBuild(page)).toBe(deploy.build);
      await page.getByRole('heading', { level: 1, name: t(lang, 'result.title') }).waitFor();
      expect((await firstChannel(page, lang).name.innerText()).trim()).toBe(channel);
      // The answers came through the reload: the same first step for the same firm.
      expect((await firstChannel(page, lang).action.innerText()).trim()).toBe(action);
      // No page uses the old build any more: its cache is gone, the new one stays.
      await expect.poll(() => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('innovatiewijzer-')).sort()), { timeout: 15_000 })
        .toEqual([`innovatiewijzer-${deploy.build}`]);
      await second.close();
    } finally {
      await context.close();
      await server.stop();
    }
    // Two visits, a walk to a result and the waits for the service workers: longer than one page's test.
  }, 150_000);

  it('a chunk gone from the server (no service worker): retried, then explained, and a reload to the new version', async () => {
    let server = await serve(distDir());
    const { port, url } = server;
    // A browser without service workers (some private modes, some company policies).
    const context = await browser.newContext({ locale: 'nl-BE', serviceWorkers: 'block' });
    const page = await context.newPage();
    const rejections: string[] = [];
    page.on('pageerror', (e) => rejections.push(e.message));
    try {
      await page.goto(url);
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
      await server.stop();
      server = await serve(deploy.dir, { port });
      await page.getByRole('button', { name: t(lang, 'start.button'), exact: true }).click();
      const alert = page.getByRole('alert').filter({ hasText: t(lang, 'connection.goneTitle') });
      await alert.waitFor({ timeout: 20_000 });
      await alert.getByText(t(lang, 'connection.answersKept')).waitFor();
      await expectNoA11yViolations(page, 'chunk gone after a deploy');
      await Promise.all([page.waitForEvent('load'), alert.getByRole('button', { name: t(lang, 'connection.reload') }).click()]);
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
      expect(await pageBuild(page)).toBe(deploy.build);
      await page.getByRole('button', { name: t(lang, 'start.button'), exact: true }).click();
      await page.getByRole('heading', { level: 1, name: t(lang, 'region.title') }).waitFor();
      expect(rejections).toEqual([]);
    } finally {
      await context.close();
      await server.stop();
    }
  });
});
