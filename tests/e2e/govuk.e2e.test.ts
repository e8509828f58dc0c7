// GOV.UK details in a real browser: the first failed submit (and every one after it) moves focus to the
// error summary and puts "Error: " before the page title in the page's language; Back on a page opened
// from a change link on the check page returns to the check page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from './browser';
import {
  backLink, expectCleanRun, LANGS, metalWorkshop, onStep, openApp, provinceLabel, submitStep, switchLanguage, t, title, walk, waitForHeadingFocus,
  type Lang,
} from './wizard';

/** The error summary (role alert, headed "There is a problem") has keyboard focus. */
async function waitForSummaryFocus(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const el = document.activeElement;
    return el !== null && el.getAttribute('role') === 'alert' && el.classList.contains('error-summary');
  }, undefined, { timeout: 5_000 });
}

describe('GOV.UK details', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(LANGS)('%s: the first failed submit focuses the error summary and prefixes the title; so does the next', async (lang: Lang) => {
    const app = await newPage(browser);
    const { page, context } = app;
    await openApp(page);
    if (lang !== 'nl') await switchLanguage(page, lang);
    await walk(page, lang, metalWorkshop(lang), { until: 'region' });
    await waitForHeadingFocus(page);
    const plainTitle = await page.title();
    expect(plainTitle).toContain(title(lang, 'region'));

    await submitStep(page, lang, 'region');
    await waitForSummaryFocus(page);
    expect(await page.getByRole('alert').textContent()).toContain(t(lang, 'errors.summaryTitle'));
    expect(await page.title()).toBe(`${t(lang, 'errors.prefix')}${plainTitle}`);

    // Focus elsewhere, then a second failed submit: focus returns to the summary.
    await page.getByRole('radio', { name: t(lang, 'region.options.flanders'), exact: true }).check();
    await submitStep(page, lang, 'region');
    await waitForSummaryFocus(page);
    expect(await page.getByRole('alert').textContent()).toContain(t(lang, 'region.provinceRequired'));
    expect(await page.title()).toBe(`${t(lang, 'errors.prefix')}${plainTitle}`);

    // Once the page is left the prefix is gone.
    await page.getByRole('radio', { name: provinceLabel(lang, 'antwerpen'), exact: true }).check();
    await submitStep(page, lang, 'region');
    await onStep(page, lang, 'staff');
    await waitForHeadingFocus(page);
    expect(await page.title()).not.toContain(t(lang, 'errors.prefix').trim());
    expect(await page.title()).toContain(title(lang, 'staff'));
    expectCleanRun(app);
    await context.close();
  });

  it('Back on a page opened from a change link returns to check answers; the browser history stays in step', async () => {
    const lang: Lang = 'nl';
    const app = await newPage(browser);
    const { page, context } = app;
    await openApp(page);
    await walk(page, lang, metalWorkshop(lang), { until: 'check' });
    await waitForHeadingFocus(page);

    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const change = (label: string) => page.getByRole('button', { name: new RegExp(`^${escape(t(lang, 'check.change'))}\\s+${escape(label)}$`) });
    await change(t(lang, 'check.ownership')).click();
    await onStep(page, lang, 'ownership');
    await waitForHeadingFocus(page);
    // Back: to check answers, not to the question before (figures).
    await backLink(page, lang).click();
    await onStep(page, lang, 'check');
    await waitForHeadingFocus(page);
    // The back link went back in the history: the browser's back button now leaves check for the last
    // question, not for the page just left.
    await page.goBack();
    await onStep(page, lang, 'needs');
    await page.goForward();
    await onStep(page, lang, 'check');

    // The browser's back button on a page opened from a change link returns to check too.
    await change(t(lang, 'check.sector')).click();
    await onStep(page, lang, 'sector');
    await page.goBack();
    await onStep(page, lang, 'check');
    await waitForHeadingFocus(page);
    expectCleanRun(app);
    await context.close();
  });
});
