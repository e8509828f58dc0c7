// Going back: the browser's back button and the page's back link both return to the previous
// question with its answers kept. A firm outside Flanders goes straight to a helpful result.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from './browser';
import {
  backLink, expectCleanRun, expectNoA11yViolations, firstChannel, metalWorkshop, onStep, openApp, provinceLabel, stepsFor, t, walk,
  waitForHeadingFocus, type Firm, type Lang, type Step, unknownBox,
} from './wizard';

const lang: Lang = 'nl';
const firm = metalWorkshop(lang);

/** The page of `step` shows and its heading has focus. */
async function expectOn(page: Page, step: Step) {
  await onStep(page, lang, step);
  await waitForHeadingFocus(page);
}

/** The answers of the metal workshop are shown on these pages. */
const kept: Partial<Record<Step, (page: Page) => Promise<void>>> = {
  region: async (page) => {
    expect(await page.getByRole('radio', { name: t(lang, 'region.options.flanders'), exact: true }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: provinceLabel(lang, 'west-vlaanderen'), exact: true }).isChecked()).toBe(true);
  },
  staff: async (page) => {
    expect(await page.getByRole('textbox', { name: t(lang, 'staff.title'), exact: true }).inputValue()).toBe('14');
  },
  figures: async (page) => {
    expect(await page.getByRole('textbox', { name: t(lang, 'figures.turnoverLabel'), exact: true }).inputValue()).toBe('1.800.000');
    expect(await unknownBox(page, lang, 'balance').isChecked()).toBe(true);
  },
  ownership: async (page) => {
    expect(await page.getByRole('radio', { name: t(lang, 'common.no'), exact: true }).isChecked()).toBe(true);
  },
  sector: async (page) => {
    await page.getByText(t(lang, 'sector.chosen')).filter({ hasText: '25.5' }).waitFor();
  },
};

describe('back', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the browser back button walks back through the questions with the answers kept, and forward again', async () => {
    const app = await newPage(browser);
    const { page, context } = app;
    await openApp(page);
    await walk(page, lang, firm, { until: 'introduced' });
    for (const step of ['sector', 'ownership', 'figures', 'staff', 'region'] as const) {
      await page.goBack();
      await expectOn(page, step);
      await kept[step]!(page);
    }
    await page.goForward();
    await expectOn(page, 'staff');
    await kept.staff!(page);
    expectCleanRun(app);
    await context.close();
  });

  it('the back link goes to the previous question with the answers kept, typed changes included', async () => {
    const app = await newPage(browser);
    const { page, context } = app;
    await openApp(page);
    await walk(page, lang, firm, { until: 'introduced' });
    for (const step of ['sector', 'ownership', 'figures', 'staff'] as const) {
      await backLink(page, lang).click();
      await expectOn(page, step);
      await kept[step]!(page);
    }
    // Typed but not submitted: still there after going back and forth.
    await page.getByRole('textbox', { name: t(lang, 'staff.title'), exact: true }).fill('15');
    await backLink(page, lang).click();
    await expectOn(page, 'region');
    await kept.region!(page);
    await page.getByRole('button', { name: t(lang, 'nav.continue'), exact: true }).click();
    await expectOn(page, 'staff');
    expect(await page.getByRole('textbox', { name: t(lang, 'staff.title'), exact: true }).inputValue()).toBe('15');
    expectCleanRun(app);
    await context.close();
  });

  it('from the result, the back link and the browser back button return to the check page', async () => {
    const app = await newPage(browser);
    const { page, context } = app;
    await openApp(page);
    await walk(page, lang, firm);
    await backLink(page, lang, 'result.backToCheck').click();
    await expectOn(page, 'check');
    await page.getByRole('button', { name: t(lang, 'check.submit'), exact: true }).click();
    await expectOn(page, 'result');
    await page.goBack();
    await expectOn(page, 'check');
    expect(await page.getByRole('main').innerText()).toContain('1.800.000');
    expectCleanRun(app);
    await context.close();
  });

  // The back link walks the browser history back, so the browser's back button afterwards goes
  // further back instead of returning to the page just left.
  it('after the back link, the browser back button goes further back (not forward to the page just left)', async () => {
    const app = await newPage(browser);
    const { page, context } = app;
    try {
      await openApp(page);
      await walk(page, lang, firm, { until: 'sector' });
      await backLink(page, lang).click();
      await expectOn(page, 'ownership');
      await page.goBack();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 2_000 }).toBe(t(lang, 'figures.title'));
    } finally {
      await context.close();
    }
  });

  it.each(['brussels', 'wallonia'] as const)('outside Flanders (%s) goes straight to a result naming the regional front door', async (region) => {
    const app = await newPage(browser);
    const { page, context } = app;
    await openApp(page);
    const outside: Firm = { ...firm, region };
    const seen = await walk(page, lang, outside, { onPage: async (step) => { if (step === 'result') await expectNoA11yViolations(page, `${region} result`); } });
    expect(seen).toEqual(stepsFor(outside));
    expect(seen).toEqual(['start', 'region', 'result']);
    await waitForHeadingFocus(page);
    const first = firstChannel(page, lang);
    await first.name.waitFor();
    const text = await page.getByRole('main').innerText();
    if (region === 'brussels') {
      expect(text).toContain('1819');
      expect(text).toContain('hub.brussels');
    } else {
      expect(text).toContain('1890');
    }
    // Back goes to the region question, the answer kept.
    await backLink(page, lang).click();
    await expectOn(page, 'region');
    expect(await page.getByRole('radio', { name: t(lang, `region.options.${region}`), exact: true }).isChecked()).toBe(true);
    expectCleanRun(app);
    await context.close();
  });
});
