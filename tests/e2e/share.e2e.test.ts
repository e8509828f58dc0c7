// Share links: the result's share button puts the answers in the URL fragment (#r=...); opened in a
// fresh browser context it shows the same result. Damaged, truncated, invalid and outdated links show
// a clear message and a fresh start: no crash, no console error.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appURL, launchBrowser, newPage } from './browser';
import { waitInPage } from './servers';
import {
  expectCleanRun, expectNoA11yViolations, firstChannel, metalWorkshop, onStep, openApp, t, walk, waitForApp, waitForHeadingFocus, type Lang,
} from './wizard';

const lang: Lang = 'nl';
const validation: unknown = parse(readFileSync(new URL('../../content/validation.yaml', import.meta.url), 'utf8'));

describe('share link', () => {
  let browser: Browser;
  let shared: { url: string; firstChannel: string } | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Walks to the result, presses the share button; the link and the first channel it showed (once per file). */
  async function shareLink(): Promise<{ url: string; firstChannel: string }> {
    if (shared) return shared;
    const app = await newPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    const { page, context } = app;
    await openApp(page);
    await walk(page, lang, metalWorkshop(lang));
    const name = (await firstChannel(page, lang).name.innerText()).trim();

    await page.getByRole('button', { name: t(lang, 'result.share'), exact: true }).click();
    const status = page.getByText(t(lang, 'result.shareCopied')).or(page.getByText(t(lang, 'result.shareManual')));
    await status.waitFor();
    // The link is in the address bar in any case; on the clipboard when the browser allows it.
    const url = page.url();
    expect(url).toMatch(new RegExp(`^${appURL().replace(/[.]/g, '\\.')}/?#r=[A-Za-z0-9_-]+$`));
    if ((await status.innerText()).includes(t(lang, 'result.shareCopied'))) {
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    }
    expectCleanRun(app);
    await context.close();
    shared = { url, firstChannel: name };
    return shared;
  }

  /** The start page with the notice `key`, ready for a fresh start. */
  async function expectFreshStartWith(link: string, key: string, vars: Record<string, string> = {}) {
    const app = await newPage(browser);
    const { page, context } = app;
    await page.goto(link);
    await waitForApp(page);
    await page.getByRole('status').filter({ hasText: t(lang, key, vars) }).waitFor();
    await onStep(page, lang, 'start');
    await expectNoA11yViolations(page, `start page after ${key}`);
    // The unusable answers are gone from the address bar.
    expect(new URL(page.url()).hash).toBe('');
    // A fresh start works.
    await page.getByRole('button', { name: t(lang, 'start.button'), exact: true }).click();
    await onStep(page, lang, 'region');
    expect(await page.getByRole('radio', { checked: true }).count()).toBe(0);
    expectCleanRun(app);
    await context.close();
  }

  /** The share payload, re-encoded after `change`. */
  function alteredLink(url: string, change: (payload: Record<string, unknown>) => void): string {
    const [base, fragment] = url.split('#r=') as [string, string];
    const payload = JSON.parse(Buffer.from(fragment, 'base64url').toString('utf8')) as Record<string, unknown>;
    change(payload);
    return `${base}#r=${Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url')}`;
  }

  it('opens the same result in a fresh browser context', async () => {
    const { url, firstChannel: name } = await shareLink();
    const app = await newPage(browser);
    const { page, context } = app;
    await page.goto(url);
    await waitForApp(page);
    await onStep(page, lang, 'result');
    expect((await firstChannel(page, lang).name.innerText()).trim()).toBe(name);
    // The answers do not linger in the address bar once read.
    expect(new URL(page.url()).hash).toBe('');
    await expectNoA11yViolations(page, 'result opened from a share link');
    expectCleanRun(app);
    await context.close();
  });

  it('a share link on a slow connection shows nothing before its result (not the prerendered start page)', async () => {
    const { url, firstChannel: name } = await shareLink();
    const app = await newPage(browser);
    const { page, context } = app;
    // The wizard's code arrives late, as on a slow phone connection.
    await page.route(/\/assets\/Wizard-[^/]*\.js$/, async (route) => { await new Promise((r) => setTimeout(r, 1500)); await route.continue(); });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForTimeout(700);
    // The result is not there yet, and meanwhile nothing shows: not the prerendered start page, not a
    // loading line, not a header with buttons that do nothing yet.
    expect(await page.getByRole('heading', { name: t(lang, 'result.title') }).count()).toBe(0);
    expect(await page.evaluate(() => document.body.innerText.trim())).toBe('');
    await waitForApp(page);
    await onStep(page, lang, 'result');
    expect(await firstChannel(page, lang).name.isVisible()).toBe(true);
    expect((await firstChannel(page, lang).name.innerText()).trim()).toBe(name);
    expectCleanRun(app);
    await context.close();
  });

  it('a share link requests what its result needs at once (the wizard, the content and strings of the chosen language), not after the entry ran', async () => {
    const { url } = await shareLink();
    const app = await newPage(browser);
    const { page, context } = app;
    // A visitor who chose French before: the French content and strings are announced, not the Dutch.
    await page.addInitScript(() => localStorage.setItem('innovatiewijzer.lang', 'fr'));
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const preloads = await page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel=modulepreload]')].map((l) => new URL(l.href).pathname));
    for (const name of ['Wizard', 'fr', 'fr-start', 'fr-rest']) expect(preloads.some((p) => new RegExp(`^/assets/${name}-[^/]+\\.js$`).test(p)), name).toBe(true);
    expect(preloads.some((p) => /^\/assets\/nl-[^/]+\.js$/.test(p))).toBe(false);
    await waitForApp(page);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expectCleanRun(app);
    // Without a share link nothing is announced beyond the entry's own modules: the start page stays light.
    const plain = await context.newPage();
    await plain.goto(`${appURL()}/`, { waitUntil: 'domcontentloaded' });
    const startPreloads = await plain.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel=modulepreload]')].map((l) => new URL(l.href).pathname));
    expect(startPreloads.some((p) => /\/assets\/(Wizard|fr|nl)-/.test(p))).toBe(false);
    await context.close();
  });

  it("a share link's result does not load the question pages; Back and Change still lead to them, focused", async () => {
    const { url } = await shareLink();
    const app = await newPage(browser);
    const { page, context } = app;
    const loaded: string[] = [];
    page.on('request', (r) => { if (/\/assets\/question-pages-[^/]+\.js$/.test(r.url())) loaded.push(r.url()); });
    await page.goto(url);
    await waitForApp(page);
    await onStep(page, lang, 'result');
    await page.waitForTimeout(500);
    expect(loaded, 'the question pages before any interaction').toEqual([]);
    await page.getByRole('button', { name: t(lang, 'result.backToCheck') }).click();
    await onStep(page, lang, 'check');
    await page.getByRole('button', { name: new RegExp(`^${t(lang, 'check.change')}\\s*${t(lang, 'check.staff')}$`) }).click();
    await onStep(page, lang, 'staff');
    expect(loaded).toHaveLength(1);
    await waitForHeadingFocus(page);
    expect(await page.title()).toContain(await page.locator('main h1').innerText());
    await expectNoA11yViolations(page, 'a question page reached from a share link result');
    expectCleanRun(app);
    await context.close();
  });

  it("an owner's link loads neither the texts about the firm nor the client and intake tools until the user does something; a client's link has both at once", async () => {
    const { url } = await shareLink();
    const LATER = /\/assets\/(nl-about|mode-tools)-[^/]+\.js$/;
    const app = await newPage(browser);
    const { page, context } = app;
    const loaded: string[] = [];
    page.on('request', (r) => { if (LATER.test(r.url())) loaded.push(new URL(r.url()).pathname); });
    await page.goto(url);
    await waitForApp(page);
    await onStep(page, lang, 'result');
    await page.waitForTimeout(500);
    expect(loaded, 'before any interaction').toEqual([]);
    // The first key or tap loads them (a later switch to client mode finds them there).
    await page.keyboard.press('Shift');
    await waitInPage(page, async () => performance.getEntriesByType('resource').filter((e) => /\/assets\/(nl-about|mode-tools)-/.test(e.name)).length >= 2, undefined, 'the about texts and the tools after a key press');
    expectCleanRun(app);
    await context.close();

    // The same firm in client mode: the result speaks about the firm and has the letter at once.
    const [base, fragment] = url.split('#r=') as [string, string];
    const payload = JSON.parse(Buffer.from(fragment, 'base64url').toString('utf8')) as Record<string, unknown>;
    const clientUrl = `${base}#r=${Buffer.from(JSON.stringify({ ...payload, mode: 'client' }), 'utf8').toString('base64url')}`;
    const client = await newPage(browser);
    await client.page.goto(clientUrl);
    await waitForApp(client.page);
    await onStep(client.page, lang, 'result', 'client');
    await client.page.getByRole('heading', { name: t(lang, 'tools.letterTitle') }).waitFor();
    await expectNoA11yViolations(client.page, "a client's result from a link");
    expectCleanRun(client);
    await client.context.close();
  });

  it('a garbage link shows a clear message and a fresh start', async () => {
    await expectFreshStartWith(`${appURL()}/#r=garbage`, 'notice.link-damaged');
  });

  it('a truncated link shows a clear message and a fresh start', async () => {
    const { url } = await shareLink();
    await expectFreshStartWith(url.slice(0, url.length - Math.floor((url.length - url.indexOf('#r=')) / 2)), 'notice.link-damaged');
  });

  it('a link with another version says it is outdated', async () => {
    const { url } = await shareLink();
    await expectFreshStartWith(alteredLink(url, (p) => { p.v = 0; }), 'notice.link-outdated');
  });

  it('a well-formed link with answers that are not valid says so', async () => {
    const { url } = await shareLink();
    // It names the field and what is allowed, for whoever made the link (content/validation.yaml's wording).
    const v = validation as { problems: { wrongValue: Record<Lang, string> }; expectedPrefix: Record<Lang, string>; expected: { staff: Record<Lang, string> } };
    const detail = `${v.problems.wrongValue[lang].replace('{field}', 'staff').replace('{got}', '-3')} ${v.expectedPrefix[lang]} ${v.expected.staff[lang]}.`;
    await expectFreshStartWith(alteredLink(url, (p) => { (p.profile as Record<string, unknown>).staff = -3; }), 'notice.link-invalid', { detail });
  });

  // Prefilled links (README, "Share and prefilled links"): what an accountant's CRM knows of a client.
  const CRM_LINK = Buffer.from(JSON.stringify({
    v: 1, mode: 'client', profile: { region: 'flanders', province: 'limburg', staff: 12, turnoverEur: 1_800_000, balanceSheetEur: 900_000 },
  }), 'utf8').toString('base64url');

  /** Opens `link` in a fresh context: the ownership question (the first the CRM's facts leave open), in client wording, the address bar clean. */
  async function expectPrefilledAt(link: string, where: string, lang: Lang = 'nl') {
    const app = await newPage(browser);
    const { page, context } = app;
    // A visitor who chose another language before (the app remembers it).
    if (lang !== 'nl') await page.addInitScript((l) => localStorage.setItem('innovatiewijzer.lang', l), lang);
    await page.goto(link);
    await waitForApp(page);
    await onStep(page, lang, 'ownership', 'client');
    // The question takes the focus, as every page the wizard opens on (its code came after the first paint).
    await waitForHeadingFocus(page);
    const address = new URL(page.url());
    expect(address.pathname + address.hash).toBe('/');
    // The facts of the link are kept behind the question: back on the figures page, the turnover is filled in.
    await page.getByText(t(lang, 'nav.back'), { exact: true }).click();
    await onStep(page, lang, 'figures', 'client');
    expect(await page.getByRole('textbox', { name: t(lang, 'figures.turnoverLabel') }).inputValue()).toBe({ nl: '1.800.000', en: '1,800,000', fr: '1\u202f800\u202f000' }[lang]);
    await expectNoA11yViolations(page, where);
    expectCleanRun(app);
    await context.close();
  }

  it('a prefilled link with a partial profile opens the first open question, in its mode, answers kept', async () => {
    await expectPrefilledAt(`${appURL()}/#r=${CRM_LINK}`, 'question opened from a prefilled link');
  });

  it.each<Lang>(['en', 'fr'])('the same prefilled link for a visitor who reads the app in %s (the browser holds one language of the content)', async (l) => {
    await expectPrefilledAt(`${appURL()}/#r=${CRM_LINK}`, `question opened from a prefilled link in ${l}`, l);
  });

  it('a link whose "#" a mail gateway encoded into the path (%23r=) still opens, and the address is cleaned', async () => {
    await expectPrefilledAt(`${appURL()}/%23r=${CRM_LINK}`, 'question opened from a %23r= link');
  });
});
