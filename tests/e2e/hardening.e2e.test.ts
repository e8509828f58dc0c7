// Hardening in real Chromium: whatever a user or a link sends, the page ends with a visible message,
// a heading, no uncaught error and no dialog, and the user's earlier answers are kept where they
// existed. Extends share.e2e (garbage/truncated/outdated/invalid links) and resume.e2e (resume flow):
// markup and huge fragments, corrupted saved state, storage disabled, wrong files imported.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appURL, launchBrowser, newPage, type AppPage } from './browser';
import {
  backLink, expectCleanRun, firstChannel, metalWorkshop, onStep, openApp, reloadApp, t, tPattern, walk, waitForApp, type Lang,
} from './wizard';

const lang: Lang = 'nl';
const SAVE_KEY = 'innovatiewijzer.progress';

/** A page that also records dialogs (alert, confirm): none may ever open. */
async function hardenedPage(browser: Browser, setup?: (context: BrowserContext) => Promise<void>): Promise<AppPage & { dialogs: string[] }> {
  const app = await newPage(browser);
  const dialogs: string[] = [];
  app.page.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); void d.dismiss(); });
  await setup?.(app.context);
  return { ...app, dialogs };
}

// (A notice with {{values}}, e.g. the field an invalid intake names, matches with any text in their place.)
const notice = (page: Page, key: string) => page.getByRole('status').filter({ hasText: tPattern(lang, key) });

/** The end state every case must reach: the message visible, a visible h1, no uncaught error, no dialog, nothing injected. */
async function expectCalmEnd(app: AppPage & { dialogs: string[] }, key: string) {
  const { page } = app;
  await notice(page, key).waitFor({ state: 'visible' }).catch(async (e: Error) => {
    // Say what the page shows instead (a failed chunk load after a rebuild of dist/ shows the error page).
    const main = await page.locator('main').innerText().catch(() => '(no main)');
    throw new Error(`${e.message}\nthe page shows: ${main.slice(0, 400)}\nerrors: ${app.errors.join('\n')}`);
  });
  expect(await page.locator('main h1').count()).toBe(1);
  expect(await page.locator('main h1').isVisible()).toBe(true);
  expect((await page.locator('main h1').innerText()).trim()).not.toBe('');
  expect(app.dialogs, 'dialogs').toEqual([]);
  expect(await page.evaluate(() => document.querySelectorAll('main script, main iframe, img[src="x"], [onerror], [onload]').length)).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned ?? false)).toBe(false);
  expectCleanRun(app);
}

/** Saved progress of a real walk up to `until` (in this page's storage), and the raw value saved. */
async function saveProgress(page: Page, until: 'staff' | 'figures' | 'ownership') {
  await openApp(page);
  await walk(page, lang, metalWorkshop(lang), { until });
  const raw = await page.evaluate((key) => localStorage.getItem(key), SAVE_KEY);
  expect(raw).not.toBeNull();
  return raw!;
}

/** Continues the saved progress: the figures page, and the staff answer (14) one step back. */
async function expectEarlierAnswers(page: Page) {
  await page.getByRole('region', { name: t(lang, 'resume.title'), exact: true }).getByRole('button', { name: t(lang, 'resume.continue'), exact: true }).click();
  await onStep(page, lang, 'figures');
  await backLink(page, lang).click();
  await onStep(page, lang, 'staff');
  expect(await page.getByRole('textbox', { name: t(lang, 'staff.title'), exact: true }).inputValue()).toBe('14');
}

describe('hardening (Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('a page opened with a garbage fragment', () => {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o), 'utf8').toString('base64url');
    const pwn = '<img src=x onerror="window.__pwned=true;alert(1)"><script>window.__pwned=true;alert(2)</script>';
    it.each([
      ['a script tag', '#r=<script>alert(1)</script>', 'notice.link-damaged'],
      ['a 100 kB fragment', `#r=${'A'.repeat(100_000)}`, 'notice.link-damaged'],
      ['a 100 kB fragment of percent-encoded markup', `#r=${encodeURIComponent(pwn).repeat(800).slice(0, 100_000)}`, 'notice.link-damaged'],
      ['valid JSON with markup in every field', `#r=${b64({ v: 1, profile: { region: pwn, province: pwn, staff: pwn, nace: pwn, innovation: { [pwn]: true }, needs: [pwn] } })}`, 'notice.link-invalid'],
      ['markup as the region of an out-of-region link', `#r=${b64({ v: 1, region: pwn })}`, 'notice.link-invalid'],
      ['another version with markup', `#r=${b64({ v: pwn, profile: pwn })}`, 'notice.link-damaged'],
    ])('%s: a clear message, the start page, no error, no dialog', async (_, fragment, key) => {
      const app = await hardenedPage(browser);
      await app.page.goto(`${appURL()}/${fragment}`);
      await waitForApp(app.page);
      await expectCalmEnd(app, key);
      await onStep(app.page, lang, 'start');
      // The unusable link is gone from the address bar; a fresh start works.
      expect(new URL(app.page.url()).hash).toBe('');
      await app.page.getByRole('button', { name: t(lang, 'start.button'), exact: true }).click();
      await onStep(app.page, lang, 'region');
      expectCleanRun(app);
      await app.context.close();
    });

    it('with saved progress on this device: the message, and the earlier answers are still offered and intact', async () => {
      const app = await hardenedPage(browser);
      const raw = await saveProgress(app.page, 'figures');
      // A new document (from the app's own page, a fragment-only change would not reload it: see the report).
      await app.page.goto('about:blank');
      await app.page.goto(`${appURL()}/#r=${'A'.repeat(100_000)}`);
      await waitForApp(app.page);
      await expectCalmEnd(app, 'notice.link-damaged');
      expect(await app.page.evaluate((key) => localStorage.getItem(key), SAVE_KEY)).toBe(raw);
      await expectEarlierAnswers(app.page);
      expectCleanRun(app);
      await app.context.close();
    });
  });

  describe('corrupted saved state', () => {
    /** Puts `raw` in localStorage before the app's first load (once: reloads keep what the app wrote). */
    const seed = (raw: string, storageKey = SAVE_KEY) => async (context: BrowserContext) => {
      await context.addInitScript(({ key, value }) => {
        try {
          if (location.protocol.startsWith('http') && !sessionStorage.getItem('seeded')) {
            localStorage.setItem(key, value);
            sessionStorage.setItem('seeded', '1');
          }
        } catch { /* about:blank has no storage */ }
      }, { key: storageKey, value: raw });
    };

    it('a garbage language choice in storage: the app starts in Dutch, no error', async () => {
      const app = await hardenedPage(browser, seed('<script>window.__pwned=true</script>', 'innovatiewijzer.lang'));
      await openApp(app.page);
      await onStep(app.page, lang, 'start');
      expect(await app.page.getAttribute('html', 'lang')).toBe('nl');
      expect(await app.page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned ?? false)).toBe(false);
      expect(app.dialogs).toEqual([]);
      expectCleanRun(app);
      await app.context.close();
    });

    it.each([
      ['truncated JSON', '{"v":1,"answers":{"region":"flanders","staff":"twelve"', 'notice.saved-damaged'],
      ['markup', '<script>window.__pwned=true;alert(1)</script>', 'notice.saved-damaged'],
      ['an older version', JSON.stringify({ v: 0, answers: { region: 'flanders' }, step: 'staff', savedAt: '2020-01-01' }), 'notice.saved-outdated'],
      ['wrong types', JSON.stringify({ v: 1, answers: { region: 'flanders', staff: 'twelve', needs: 'all' }, step: 'payment', savedAt: 3 }), 'notice.saved-damaged'],
      ['200 kB of garbage', 'x'.repeat(200_000), 'notice.saved-damaged'],
    ])('%s: after "continue", a message and a fresh start; the raw value stays until new answers are saved', async (_, raw, key) => {
      const app = await hardenedPage(browser, seed(raw));
      const { page } = app;
      await openApp(page);
      // Something is saved: continue is offered.
      const panel = page.getByRole('region', { name: t(lang, 'resume.title'), exact: true });
      await panel.getByRole('button', { name: t(lang, 'resume.continue'), exact: true }).click();
      await expectCalmEnd(app, key);
      await onStep(page, lang, 'start');
      const stored = () => page.evaluate((key) => localStorage.getItem(key), SAVE_KEY);
      expect(await stored()).toBe(raw);

      // A fresh start: nothing is overwritten until something is answered...
      await page.getByRole('button', { name: t(lang, 'start.button'), exact: true }).click();
      await onStep(page, lang, 'region');
      expect(await page.getByRole('radio', { checked: true }).count()).toBe(0);
      expect(await stored()).toBe(raw);
      // ...and the new answers replace it once given.
      await walk(page, lang, metalWorkshop(lang), { from: 'region', until: 'staff' });
      expect(JSON.parse((await stored())!)).toMatchObject({ v: 1, answers: { region: 'flanders', province: 'west-vlaanderen' }, step: 'staff' });
      expectCleanRun(app);
      await app.context.close();
    });
  });

  describe('storage disabled', () => {
    /** Every Storage method throws, as in a browser that refuses site data. */
    const disableStorage = async (context: BrowserContext) => {
      await context.addInitScript(() => {
        const deny = () => { throw new DOMException('The operation is insecure.', 'SecurityError'); };
        for (const m of ['getItem', 'setItem', 'removeItem', 'clear', 'key'] as const) Object.defineProperty(Storage.prototype, m, { value: deny, configurable: true });
      });
    };

    it('walks to the result: the notice once, the answers kept on every page, and the share link works in a fresh context', async () => {
      const app = await hardenedPage(browser, disableStorage);
      const { page } = app;
      await openApp(page);
      const storageNotice = page.getByText(t(lang, 'notice.storage-unavailable'), { exact: true });
      const counts: number[] = [];
      await walk(page, lang, metalWorkshop(lang), {
        until: 'ownership',
        onPage: async (step) => { if (step !== 'start' && step !== 'region') counts.push(await storageNotice.count()); },
      });
      // Said once, from the first answer on, and still there (once) on every page after.
      expect(counts).toEqual(counts.map(() => 1));
      await expectCalmEnd(app, 'notice.storage-unavailable');

      // The answers on screen are kept, without any storage.
      await backLink(page, lang).click();
      await onStep(page, lang, 'figures');
      expect(await page.getByRole('textbox', { name: t(lang, 'figures.turnoverLabel'), exact: true }).inputValue()).toMatch(/^1[.,]?800[.,]?000$/);
      await backLink(page, lang).click();
      await onStep(page, lang, 'staff');
      expect(await page.getByRole('textbox', { name: t(lang, 'staff.title'), exact: true }).inputValue()).toBe('14');
      await page.getByRole('button', { name: t(lang, 'nav.continue'), exact: true }).click();
      await onStep(page, lang, 'figures');
      await page.getByRole('button', { name: t(lang, 'nav.continue'), exact: true }).click();
      await walk(page, lang, metalWorkshop(lang), { from: 'ownership' });
      await onStep(page, lang, 'result');
      expect(await storageNotice.count()).toBe(1);
      const name = (await firstChannel(page, lang).name.innerText()).trim();

      // The share link instead of saved progress: it opens the same result elsewhere.
      await page.getByRole('button', { name: t(lang, 'result.share'), exact: true }).click();
      await page.getByText(t(lang, 'result.shareCopied')).or(page.getByText(t(lang, 'result.shareManual'))).waitFor();
      const url = page.url();
      expect(url).toMatch(/#r=[A-Za-z0-9_-]+$/);
      expect(app.dialogs).toEqual([]);
      expectCleanRun(app);
      await app.context.close();

      const other = await hardenedPage(browser);
      await other.page.goto(url);
      await waitForApp(other.page);
      await onStep(other.page, lang, 'result');
      expect((await firstChannel(other.page, lang).name.innerText()).trim()).toBe(name);
      expect(other.dialogs).toEqual([]);
      expectCleanRun(other);
      await other.context.close();
    });

    it('localStorage itself refused (the property throws, as with all site data blocked): the app starts and works', async () => {
      const app = await hardenedPage(browser, async (context) => {
        await context.addInitScript(() => {
          Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); }, configurable: true });
        });
      });
      const { page } = app;
      await openApp(page);
      await walk(page, lang, metalWorkshop(lang), { until: 'staff' });
      await expectCalmEnd(app, 'notice.storage-unavailable');
      await app.context.close();
    });
  });

  describe('an import of a wrong file via the start page', () => {
    const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const files: Array<[string, { name: string; mimeType: string; buffer: Buffer }, string]> = [
      ['a PNG', { name: 'logo.png', mimeType: 'image/png', buffer: PNG }, 'notice.import-not-json'],
      ['a PNG renamed .json', { name: 'intake.json', mimeType: 'application/json', buffer: PNG }, 'notice.import-not-json'],
      ['a JSON that is not an intake', { name: 'profile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ region: 'flanders', staff: 3, nace: '25', needs: ['training'] })) }, 'notice.import-not-an-intake'],
      ['an intake with markup in its answers', { name: 'intake.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'innovatiewijzer-intake', version: 1, mode: 'intake', region: 'flanders', profile: { region: '<script>alert(1)</script>' }, notes: '<img src=x onerror=alert(1)>', contentVersion: '2026-01-01', exportedAt: '2026-01-01' })) }, 'notice.import-invalid-profile'],
      ['a 2 MB file', { name: 'big.json', mimeType: 'application/json', buffer: Buffer.alloc(2 * 1024 * 1024, 0x20) }, 'notice.import-too-large'],
    ];

    const chooseFile = (page: Page, file: { name: string; mimeType: string; buffer: Buffer }) =>
      page.getByLabel(t(lang, 'start.importLabel'), { exact: true }).setInputFiles(file);

    it.each(files)('%s: a clear message, the heading, no error', async (_, file, key) => {
      const app = await hardenedPage(browser);
      await openApp(app.page);
      await chooseFile(app.page, file);
      await expectCalmEnd(app, key);
      await onStep(app.page, lang, 'start');
      await app.context.close();
    });

    it('with saved progress: a wrong file changes nothing, the earlier answers are still offered and intact', async () => {
      const app = await hardenedPage(browser);
      const { page } = app;
      const raw = await saveProgress(page, 'figures');
      await reloadApp(page);
      await chooseFile(page, files[0]![1]);
      await expectCalmEnd(app, 'notice.import-not-json');
      // A second wrong file, now from the wizard's own start page.
      await chooseFile(page, files[2]![1]);
      await expectCalmEnd(app, 'notice.import-not-an-intake');
      expect(await page.evaluate((key) => localStorage.getItem(key), SAVE_KEY)).toBe(raw);
      await expectEarlierAnswers(page);
      expectCleanRun(app);
      await app.context.close();
    });
  });
});
