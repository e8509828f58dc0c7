// The result printed: the print stylesheet hides the header, the back link and the buttons; the first
// channel stays and every folded part opens. The client's referral letter: one A4 page in every language,
// with the firm's own rate and cap, the contact with phone or e-mail, and a QR code that opens the
// referral. Screenshots of the print renderings are kept in test-results/ as artefacts.
import { mkdirSync, writeFileSync } from 'node:fs';
import jsQR from 'jsqr';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './browser';
import { backLink, expectCleanRun, firstChannel, metalWorkshop, openApp, profileLink, switchLanguage, t, walk, type Lang } from './wizard';
import { loadContent } from '../../src/content/load';
import { LANGS } from '../../src/domain/types';
import type { Answers } from '../../src/wizard/answers';
import { encodeShareFragment } from '../../src/wizard/persistence';
import { completeProfile } from '../../src/wizard/answers';
import { refer } from '../../src/domain/refer';

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
mkdirSync('test-results', { recursive: true });

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

    // A real print fires beforeprint, which unfolds every <details>; emulating the print medium does not.
    const closed = await page.locator('main details:not([open])').count();
    expect(closed).toBeGreaterThan(0);
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    expect(await page.locator('main details:not([open])').count()).toBe(0);
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(() => matchMedia('print').matches)).toBe(true);
    expect(await page.getByRole('banner').isVisible()).toBe(false);
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    for (const b of buttons) expect(await b.isVisible()).toBe(false);
    expect(await backLink(page, lang, 'result.backToCheck').isVisible()).toBe(false);
    expect(await first.action.isVisible()).toBe(true);
    expect(await page.locator('.sources li').first().isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 1, name: t(lang, 'result.title'), exact: true }).isVisible()).toBe(true);
    await screenshot(page, 'print-result');
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    expect(await page.locator('main details:not([open])').count()).toBe(closed);

    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByRole('banner').isVisible()).toBe(true);
    expectCleanRun(app);
    await context.close();
  });

  for (const [name, answers] of Object.entries(DENSE_FIRMS)) {
    it(`the referral letter fits one A4 page in every language: ${name}`, async () => {
      // Three device pixels per CSS pixel: enough for a QR reader to read the printed code back from a screenshot.
      const app = await newPage(browser, { deviceScaleFactor: 3 });
      const { page, context } = app;
      // The print dialog would block the page: a stub that does nothing.
      await page.addInitScript(() => { window.print = () => {}; });
      // The documented link format with the mode: the accountant's result, then the names typed on it.
      await openApp(page, profileLink(completeProfile(answers, content), 'client'));
      await page.locator('#clientName').fill(answers.clientName!);
      await page.locator('#adviserName').fill(answers.adviserName!);
      for (const l of LANGS) {
        if (l !== 'nl') await switchLanguage(page, l);
        const printLetter = page.getByRole('button', { name: t(l, 'tools.printLetter'), exact: true });
        await printLetter.click();
        await page.emulateMedia({ media: 'print' });
        const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
        writeFileSync(`test-results/letter-${l}-${name.replace(/\W+/g, '-')}.pdf`, pdf);
        expect(pdfPages(pdf), `letter in ${l}`).toBe(1);
        // The firm's own figures (the full sentences of the facts behind each channel's cost line) and the contact.
        const letter = page.locator('article.letter');
        const text = await letter.innerText();
        const referral = refer(completeProfile(answers, content)!, content, l, 'about');
        for (const r of referral.recommendations.slice(0, 3)) {
          const figures = r.glanceFacts.filter((id) => ['rate', 'cap', 'minimum'].includes(content.channels[r.channel]!.facts.find((f) => f.id === id)!.kind));
          for (const id of figures) expect(text, `letter in ${l} quotes ${id}`).toContain(content.channels[r.channel]!.facts.find((f) => f.id === id)!.text[l]);
          expect(text).toContain(r.contact.organisation);
          const reach = r.contact.phone ?? r.contact.email;
          expect(reach, `${r.channel} has a phone or e-mail`).toBeDefined();
          expect(text).toContain(reach!);
        }
        expect(text).not.toMatch(/\b(uw|your|votre)\b/i);
        // The QR code opens this referral: read back from the print rendering, it is the share link.
        const qr = letter.locator('svg.letter-qr');
        // Chromium's PDF printing fires afterprint, which ends letter printing: print the letter again.
        await page.evaluate(() => document.documentElement.classList.add('print-letter'));
        await page.emulateMedia({ media: 'print' });
        await qr.waitFor();
        const png = PNG.sync.read(await qr.screenshot({ scale: 'device' }));
        const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
        const link = (url: string) => JSON.parse(Buffer.from(url.slice(url.indexOf('#r=') + 3), 'base64url').toString('utf8')) as unknown;
        expect(code?.data.startsWith(`${new URL(page.url()).origin}/#r=`), `QR in ${l}: ${code?.data}`).toBe(true);
        expect(link(code!.data)).toEqual(link(encodeShareFragment(answers)));
        await screenshot(page, `letter-${l}-${name}`);
        await page.emulateMedia({ media: 'screen' });
        // The stub never fires afterprint: leave letter printing as a real print would.
        await page.evaluate(() => dispatchEvent(new Event('afterprint')));
      }
      expectCleanRun(app);
      await context.close();
    });
  }
});
