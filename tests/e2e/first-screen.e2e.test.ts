// The result as a firm acts on it, on a phone (390 x 844), in nl, en and fr, for one firm per kind of
// first channel: without scrolling, the first screen holds what to do, the organisation and a tel: or
// mailto: link and the cost-and-time line; the owner's page shows at most 450 words before anything is
// unfolded; unfolded, each fact appears once; owners get no advisor tools; axe passes folded and unfolded.
// The word counts are printed for the notes (they are budgets, not timings).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from './browser';
import { expectCleanRun, expectNoA11yViolations, LANGS, openApp, profileLink, switchLanguage, t, unfoldAll, type Lang, type Mode } from './wizard';
import { loadContent } from '../../src/content/load';
import { refer } from '../../src/domain/refer';
import type { Profile } from '../../src/domain/types';

const { content } = loadContent();
const PHONE = { width: 390, height: 844 };
const WORD_BUDGET = 450;

/** One firm per kind of first channel: a college question routed through the advisor, the SME wallet, a VLAIO project. */
const FIRMS: Record<string, { profile: Profile; first: string }> = {
  'metal workshop in West Flanders with a quality problem': {
    first: 'led',
    profile: { region: 'flanders', province: 'west-vlaanderen', staff: 14, turnoverEur: 1_800_000, nace: '25.62', innovation: { newGoods: true, productInHouse: true, innovationSpending: true }, needs: ['practical-problem'] },
  },
  'wholesaler in Antwerp that wants training': {
    first: 'kmo-portefeuille',
    profile: { region: 'flanders', province: 'antwerpen', staff: 30, turnoverEur: 4_000_000, nace: '46.90', innovation: {}, needs: ['training'] },
  },
  'machine builder in Limburg with its own R&D and a development project': {
    first: 'vlaio-project',
    profile: { region: 'flanders', province: 'limburg', staff: 40, turnoverEur: 6_000_000, nace: '28.13', innovation: { newGoods: true, productInHouse: true, inHouseRnd: true, rndStaff: true, innovationSpending: true }, needs: ['development-project'] },
  },
};

/** The words a reader sees in <main> now (closed <details> show their summary only). */
const visibleWords = (page: Page) => page.evaluate(() => document.querySelector('main')!.innerText.split(/\s+/).filter(Boolean).length);

async function openResult(page: Page, profile: Profile, lang: Lang, mode: Mode = 'owner') {
  await openApp(page, profileLink(profile, mode));
  await page.locator('section.first-channel').waitFor();
  if (lang !== 'nl') await switchLanguage(page, lang);
  // The deferred part (other channels, folds, buttons) is there when the print button is.
  await page.getByRole('button', { name: t(lang, 'result.print'), exact: true }).waitFor();
}

/** Whether the element is entirely inside the first screen (no scrolling). */
async function onFirstScreen(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= PHONE.height;
}

describe('the first screen of the result, on a phone', () => {
  let browser: Browser;
  const counts: string[] = [];
  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => {
    await browser?.close();
    console.log(`owner result, words before unfolding:\n${counts.join('\n')}`);
  });

  for (const [name, { profile, first }] of Object.entries(FIRMS)) {
    for (const lang of LANGS) {
      it(`${name} (${lang}): what to do, with whom, how to reach them and the cost, without scrolling`, async () => {
        const app = await newPage(browser, { viewport: PHONE });
        const { page, context } = app;
        await openResult(page, profile, lang);
        const expected = refer(profile, content, lang).recommendations[0]!;
        expect(expected.channel).toBe(first);
        const card = page.locator('section.first-channel');
        expect(await card.getByRole('heading', { level: 2 }).innerText()).toBe(content.channels[first]!.action[lang]);
        expect(await card.locator('.contact-organisation').innerText()).toBe(expected.contact.organisation);
        expect(await onFirstScreen(page, 'section.first-channel h2')).toBe(true);
        expect(await onFirstScreen(page, 'section.first-channel .contact-organisation')).toBe(true);
        expect(await onFirstScreen(page, 'section.first-channel a[href^="tel:"], section.first-channel a[href^="mailto:"]')).toBe(true);
        expect(await onFirstScreen(page, 'section.first-channel .glance')).toBe(true);
        if (expected.contact.phone) expect(await card.locator('a[href^="tel:"]').getAttribute('href')).toBe(`tel:${expected.contact.phone.replace(/[^\d+]/g, '')}`);
        if (expected.contact.email) expect(await card.locator('a[href^="mailto:"]').getAttribute('href')).toBe(`mailto:${expected.contact.email}`);
        for (const short of expected.glance) expect(await card.locator('.glance').innerText()).toContain(short);

        // No unexplained term above the fold: the segment and the technology class are folded away.
        const ref = refer(profile, content, lang);
        const firstScreenText = await page.evaluate((h) => [...document.querySelectorAll('main *')]
          .filter((el) => el.children.length === 0 && el.getBoundingClientRect().bottom <= h && el.getBoundingClientRect().height > 0)
          .map((el) => (el as HTMLElement).innerText).join(' '), PHONE.height);
        expect(firstScreenText).not.toContain(content.labels.techClass[ref.techClass][lang]);

        const words = await visibleWords(page);
        counts.push(`  ${lang} ${name}: ${words}`);
        expect(words).toBeLessThanOrEqual(WORD_BUDGET);

        // Owners get print, share and start again; none of the accountant's or advisor's tools.
        for (const key of ['tools.printLetter', 'tools.exportJson', 'tools.exportCsv']) expect(await page.getByRole('button', { name: t(lang, key), exact: true }).count()).toBe(0);
        expect(await page.locator('textarea, input#clientName, input#adviserName, .advisor-view, .handoff, .letter').count()).toBe(0);
        await expectNoA11yViolations(page, `${first} result folded (${lang})`);

        // Unfolded: each fact once, with its source link and date.
        await unfoldAll(page);
        const facts = await page.locator('.sources li').allInnerTexts();
        expect(facts.length).toBeGreaterThan(0);
        const main = await page.locator('main').innerText();
        for (const f of facts) {
          const text = f.slice(0, f.lastIndexOf(t(lang, 'result.source'))).trim();
          expect(main.split(text).length - 1, `fact shown once: ${text}`).toBe(1);
        }
        await expectNoA11yViolations(page, `${first} result unfolded (${lang})`);
        expectCleanRun(app);
        await context.close();
      });
    }
  }

  it('client mode speaks about the firm, in every language', async () => {
    const { profile } = FIRMS['wholesaler in Antwerp that wants training']!;
    const app = await newPage(browser, { viewport: PHONE });
    const { page, context } = app;
    for (const lang of LANGS) {
      if (lang === 'nl') await openResult(page, profile, lang, 'client');
      else { await switchLanguage(page, lang); await page.getByRole('button', { name: t(lang, 'result.print'), exact: true }).waitFor(); }
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(t(lang, 'resultTitle.client'));
      const action = await page.locator('section.first-channel h2').innerText();
      expect(action).toBe(content.about.channels['kmo-portefeuille']!.action[lang]);
      expect(action).not.toMatch(/\b(u|uw|you|your|vous|votre)\b/i);
      await unfoldAll(page);
      const why = await page.locator('.reasons li').allInnerTexts();
      expect(why.length).toBeGreaterThan(0);
      for (const w of why) expect(w, `third person: ${w}`).not.toMatch(/\b(u|uw|you|your|vous|votre|vos)\b/i);
      await expectNoA11yViolations(page, `client result unfolded (${lang})`);
    }
    expectCleanRun(app);
    await context.close();
  });
});
