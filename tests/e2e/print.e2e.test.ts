// The result printed: the print stylesheet hides the header, the back link and the buttons; the first
// channel stays. A screenshot of the print rendering is kept in test-results/ as an artefact.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './browser';
import { backLink, expectCleanRun, firstChannel, metalWorkshop, openApp, switchLanguage, t, walk, type Lang } from './wizard';
import { loadContent } from '../../src/content/load';
import { LANGS } from '../../src/domain/types';
import type { Answers } from '../../src/wizard/answers';
import { encodeShareFragment } from '../../src/wizard/persistence';

const { content } = loadContent();
const needs = content.needs.map((n) => n.id).filter((id) => id !== 'not-sure');
const triggers = content.triggers.map((x) => x.id);
/** Firms whose letters are among the longest: many needs and warning lights, a long sector name, long names on the letter. */
const DENSE_FIRMS: Record<string, Answers> = {
  'software firm, four needs and four warning lights': {
    mode: 'client', region: 'flanders', province: 'antwerpen', staff: 40, turnoverEur: 6_000_000, balanceSheetEur: 3_000_000, ownedByLargeGroup: false,
    nace: '62.01', innovation: { inHouseRnd: true, rndStaff: true, cooperation: true, newGoods: true, productInHouse: true },
    introducedAnswered: true, practicesAnswered: true, needs: needs.slice(0, 4), triggers: triggers.slice(0, 4), triggersAnswered: true,
    clientName: 'Vandenbroucke-Declercq Software Solutions BV', adviserName: 'Anne-Sophie Vandermeulen-Dewaele',
  },
  'metal workshop, three needs and three warning lights': {
    mode: 'client', region: 'flanders', province: 'west-vlaanderen', staff: 14, turnoverEur: 1_800_000, balanceSheetEur: null, ownedByLargeGroup: false,
    nace: '25.62', innovation: { newProductionMethods: true, innovationSpending: true }, introducedAnswered: true, practicesAnswered: true,
    needs: needs.slice(-3), triggers: triggers.slice(-3), triggersAnswered: true,
    clientName: 'Metaalwerken Vandamme en Zonen BV', adviserName: 'An Adviseur-Janssens',
  },
};

/** Pages in a PDF that Chromium printed (A4, the stylesheet's @page margins). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

const lang: Lang = 'nl';

describe('print', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('prints the result without header and buttons, with the first channel', async () => {
    const app = await newPage(browser);
    const { page, context } = app;
    await openApp(page);
    await walk(page, lang, metalWorkshop(lang));
    const first = firstChannel(page, lang);
    const buttons = ['result.print', 'result.share', 'result.startAgain'].map((key) => page.getByRole('button', { name: t(lang, key), exact: true }));
    await first.name.waitFor();
    // The buttons come with the deferred part of the result (after the first channel): wait until they show.
    for (const b of buttons) await b.waitFor({ state: 'visible' });

    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(() => matchMedia('print').matches)).toBe(true);
    expect(await page.getByRole('banner').isVisible()).toBe(false);
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    for (const b of buttons) expect(await b.isVisible()).toBe(false);
    expect(await backLink(page, lang, 'result.backToCheck').isVisible()).toBe(false);
    expect(await first.name.isVisible()).toBe(true);
    expect(await first.section.getByRole('heading', { level: 3, name: t(lang, 'result.nextStep'), exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 1, name: t(lang, 'result.title'), exact: true }).isVisible()).toBe(true);
    await screenshot(page, 'print-result');

    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByRole('banner').isVisible()).toBe(true);
    expectCleanRun(app);
    await context.close();
  });

  for (const [name, answers] of Object.entries(DENSE_FIRMS)) {
    it(`the referral letter fits one A4 page in every language: ${name}`, async () => {
      const app = await newPage(browser);
      const { page, context } = app;
      // The print dialog would block the page: a stub that does nothing.
      await page.addInitScript(() => { window.print = () => {}; });
      await openApp(page, encodeShareFragment(answers));
      for (const l of LANGS) {
        if (l !== 'nl') await switchLanguage(page, l);
        const printLetter = page.getByRole('button', { name: t(l, 'tools.printLetter'), exact: true });
        await printLetter.click();
        await page.emulateMedia({ media: 'print' });
        const pages = pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
        expect(pages, `letter in ${l}`).toBe(1);
        await page.emulateMedia({ media: 'screen' });
        // The stub never fires afterprint: leave letter printing as a real print would.
        await page.evaluate(() => dispatchEvent(new Event('afterprint')));
      }
      expectCleanRun(app);
      await context.close();
    });
  }
});
