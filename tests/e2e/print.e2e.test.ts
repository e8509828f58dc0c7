// The result printed: the print stylesheet hides the header, the back link and the buttons; the first
// channel stays. A screenshot of the print rendering is kept in test-results/ as an artefact.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './browser';
import { backLink, expectCleanRun, firstChannel, metalWorkshop, openApp, t, walk, type Lang } from './wizard';

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
    for (const b of buttons) expect(await b.isVisible()).toBe(true);

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
});
