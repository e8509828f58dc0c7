// Saved progress: a reload (or a closed tab) offers "continue where you left off" or "start over";
// continuing lands on the page where the user was with every answer kept, starting over clears them.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from './browser';
import {
  tPattern,
  backLink, expectCleanRun, expectNoA11yViolations, metalWorkshop, onStep, openApp, provinceLabel, reloadApp, switchLanguage, t,
  unknownBox, walk, waitForHeadingFocus, type Lang,
} from './wizard';

describe('reload and resume', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const resumePanel = (page: Page, lang: Lang) => page.getByRole('region', { name: t(lang, 'resume.title'), exact: true });

  it('offers to continue after a reload, lands on the same page and keeps the answers and the language', async () => {
    const lang = 'en';
    const app = await newPage(browser);
    const { page, context } = app;
    await openApp(page);
    await switchLanguage(page, lang);
    await walk(page, lang, metalWorkshop(lang), { until: 'ownership' });

    await reloadApp(page);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    await onStep(page, lang, 'start');
    const panel = resumePanel(page, lang);
    await panel.waitFor();
    await panel.getByRole('button', { name: t(lang, 'resume.startOver'), exact: true }).waitFor();
    expect(await page.getByRole('button', { name: t(lang, 'start.button'), exact: true }).count()).toBe(0);
    await expectNoA11yViolations(page, 'start page with the resume offer');

    await panel.getByRole('button', { name: t(lang, 'resume.continue'), exact: true }).click();
    await onStep(page, lang, 'ownership');
    await waitForHeadingFocus(page);

    // Every earlier answer is still there.
    await backLink(page, lang).click();
    await onStep(page, lang, 'figures');
    expect(await page.getByRole('textbox', { name: t(lang, 'figures.turnoverLabel'), exact: true }).inputValue()).toMatch(/^1[.,]?800[.,]?000$/);
    expect(await unknownBox(page, lang, 'balance').isChecked()).toBe(true);
    await backLink(page, lang).click();
    await onStep(page, lang, 'staff');
    expect(await page.getByRole('textbox', { name: t(lang, 'staff.title'), exact: true }).inputValue()).toBe('14');
    await backLink(page, lang).click();
    await onStep(page, lang, 'region');
    expect(await page.getByRole('radio', { name: t(lang, 'region.options.flanders'), exact: true }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: provinceLabel(lang, 'west-vlaanderen'), exact: true }).isChecked()).toBe(true);

    expectCleanRun(app);
    await context.close();
  });

  it('resumes on the result page after the walk is done', async () => {
    const lang = 'nl';
    const app = await newPage(browser);
    const { page, context } = app;
    await openApp(page);
    await walk(page, lang, metalWorkshop(lang));
    await reloadApp(page);
    await resumePanel(page, lang).getByRole('button', { name: t(lang, 'resume.continue'), exact: true }).click();
    await onStep(page, lang, 'result');
    expectCleanRun(app);
    await context.close();
  });

  it('"start over" asks first, then clears the saved answers', async () => {
    const lang = 'nl';
    const app = await newPage(browser);
    const { page, context } = app;
    await openApp(page);
    await walk(page, lang, metalWorkshop(lang), { until: 'figures' });

    await reloadApp(page);
    await resumePanel(page, lang).getByRole('button', { name: t(lang, 'resume.startOver'), exact: true }).click();
    // It says what will be deleted (saved today) before anything is.
    await resumePanel(page, lang).getByText(tPattern(lang, 'resume.discardQuestionOn')).waitFor();
    await resumePanel(page, lang).getByRole('button', { name: t(lang, 'resume.discardConfirm'), exact: true }).click();
    await onStep(page, lang, 'region');
    await waitForHeadingFocus(page);
    expect(await page.getByRole('radio', { checked: true }).count()).toBe(0);

    // Nothing comes back after another reload either: no saved answers to continue with.
    await reloadApp(page);
    await onStep(page, lang, 'start');
    const offer = resumePanel(page, lang);
    if (await offer.isVisible()) {
      // Offered anyway (nothing answered yet): continuing must not bring the old answers back.
      await offer.getByRole('button', { name: t(lang, 'resume.continue'), exact: true }).click();
    } else {
      await page.getByRole('button', { name: t(lang, 'start.button'), exact: true }).click();
    }
    await onStep(page, lang, 'region');
    expect(await page.getByRole('radio', { checked: true }).count()).toBe(0);
    await page.getByRole('radio', { name: t(lang, 'region.options.flanders'), exact: true }).check();
    await page.getByRole('radio', { name: provinceLabel(lang, 'antwerpen'), exact: true }).check();
    await page.getByRole('button', { name: t(lang, 'nav.continue'), exact: true }).click();
    await onStep(page, lang, 'staff');
    expect(await page.getByRole('textbox', { name: t(lang, 'staff.title'), exact: true }).inputValue()).toBe('');

    expectCleanRun(app);
    await context.close();
  });

  // Progress is saved only once something is answered: a reload before that offers no "continue".
  it('does not offer to continue when nothing was answered yet', async () => {
    const lang = 'nl';
    const { page, context } = await newPage(browser);
    try {
      await openApp(page);
      await page.getByRole('button', { name: t(lang, 'start.button'), exact: true }).click();
      await onStep(page, lang, 'region');
      await reloadApp(page);
      await onStep(page, lang, 'start');
      expect(await resumePanel(page, lang).count()).toBe(0);
      expect(await page.getByRole('button', { name: t(lang, 'start.button'), exact: true }).isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});
