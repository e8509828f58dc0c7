// Start to result with the keyboard only (Tab, Shift+Tab, Space, Enter, arrows, typing): after
// every page change the page's h1 has focus, and whatever the keyboard reaches shows a focus ring.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from './browser';
import {
  arrowTo, expectCleanRun, firstChannel, focused, focusIndicator, focusTarget, LANGS, metalWorkshop, needLabel, onStep, openApp,
  provinceLabel, t, tabTo, title, waitForHeadingFocus, type Lang, type Step, unknownBox,
} from './wizard';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(LANGS)('keyboard only, in %s', (lang: Lang) => {
  /** Tab to the element and check that it shows where the focus is. */
  async function tabToVisible(page: Page, target: RegExp, back = false) {
    await tabTo(page, target, { back });
    expect(await focusIndicator(page), `focus ring on ${await focused(page)}`).not.toBeNull();
  }
  const button = (key: string) => focusTarget('button', t(lang, key));
  const radio = (name: string) => focusTarget('input', name, 'radio');
  const checkbox = (name: string) => focusTarget('input', name, 'checkbox');
  const textbox = (name: string, type = 'text') => focusTarget('input', name, type);

  /** The new page shows and its h1 has focus. */
  async function arrived(page: Page, step: Step) {
    await onStep(page, lang, step);
    await waitForHeadingFocus(page);
    expect(await focused(page)).toBe(`h1: ${title(lang, step)}`);
  }

  async function continueWithEnter(page: Page) {
    await tabToVisible(page, button('nav.continue'));
    await page.keyboard.press('Enter');
  }

  it('walks from start to result and back to the answers with the keyboard alone', async () => {
    const app = await newPage(browser);
    const { page, context } = app;
    await openApp(page);
    await onStep(page, 'nl', 'start');

    // Start: the skip link comes first, then the language buttons, then "Start now".
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe(`a: ${t('nl', 'app.skip')}`);
    if (lang !== 'nl') {
      await tabToVisible(page, focusTarget('button', t(lang, `lang.${lang}`)));
      await page.keyboard.press('Enter');
      await onStep(page, lang, 'start');
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
    }
    await tabToVisible(page, button('start.button'));
    await page.keyboard.press('Enter');

    await arrived(page, 'region');
    await tabToVisible(page, radio(t(lang, 'region.options.flanders')));
    await page.keyboard.press('Space');
    expect(await page.getByRole('radio', { name: t(lang, 'region.options.flanders'), exact: true }).isChecked()).toBe(true);
    // The province question appears under "In Flanders"; Tab enters it, the arrows choose.
    await tabToVisible(page, radio(provinceLabel(lang, 'antwerpen')));
    await arrowTo(page, radio(provinceLabel(lang, 'west-vlaanderen')));
    expect(await page.getByRole('radio', { name: provinceLabel(lang, 'west-vlaanderen'), exact: true }).isChecked()).toBe(true);
    await continueWithEnter(page);

    await arrived(page, 'staff');
    await tabToVisible(page, textbox(t(lang, 'staff.title')));
    await page.keyboard.type('14');
    await page.keyboard.press('Enter'); // Enter in a text field submits the form

    await arrived(page, 'figures');
    await tabToVisible(page, textbox(t(lang, 'figures.turnoverLabel')));
    await page.keyboard.type('1.800.000');
    await tabToVisible(page, textbox(t(lang, 'figures.balanceLabel')));
    await tabToVisible(page, new RegExp(`^input\\[checkbox\\]: ${t(lang, 'figures.unknown')}`));
    await page.keyboard.press('Space');
    expect(await unknownBox(page, lang, 'balance').isChecked()).toBe(true);
    // Shift+Tab back to the turnover: still typed, then forward again.
    await tabToVisible(page, textbox(t(lang, 'figures.turnoverLabel')), true);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('1.800.000');
    await continueWithEnter(page);

    await arrived(page, 'ownership');
    await tabToVisible(page, radio(t(lang, 'common.yes')));
    await arrowTo(page, radio(t(lang, 'common.no')));
    expect(await page.getByRole('radio', { name: t(lang, 'common.no'), exact: true }).isChecked()).toBe(true);
    await continueWithEnter(page);

    await arrived(page, 'sector');
    await tabToVisible(page, textbox(t(lang, 'sector.searchLabel'), 'search'));
    await page.keyboard.type(metalWorkshop(lang).sectorQuery);
    await page.keyboard.press('Enter'); // must not submit the form or pick anything
    await page.getByRole('radio', { name: /^25\.5 / }).waitFor();
    await tabToVisible(page, /^input\[radio\]: /);
    await arrowTo(page, /^input\[radio\]: 25\.5 /);
    expect(await page.getByRole('radio', { name: /^25\.5 / }).isChecked()).toBe(true);
    await page.getByText(t(lang, 'sector.chosen')).filter({ hasText: '25.5' }).waitFor();
    await continueWithEnter(page);

    await arrived(page, 'introduced');
    await tabToVisible(page, checkbox(t(lang, 'innovation.newProductionMethods')));
    await page.keyboard.press('Space');
    // The follow-up "developed mainly in-house?" appears after a yes on a process innovation.
    await page.getByRole('group', { name: t(lang, 'innovation.processInHouse'), exact: true }).waitFor();
    await tabToVisible(page, radio(t(lang, 'common.yes')));
    await arrowTo(page, radio(t(lang, 'common.no')));
    await continueWithEnter(page);

    await arrived(page, 'practices');
    await tabToVisible(page, checkbox(t(lang, 'innovation.innovationSpending')));
    await page.keyboard.press('Space');
    await continueWithEnter(page);

    await arrived(page, 'needs');
    await tabToVisible(page, checkbox(needLabel(lang, 'practical-problem')));
    await page.keyboard.press('Space');
    await continueWithEnter(page);

    await arrived(page, 'check');
    await tabToVisible(page, button('check.submit'));
    await page.keyboard.press('Enter');

    await arrived(page, 'result');
    await firstChannel(page, lang).name.waitFor();

    // Shift+Tab from the heading reaches the back link; Enter follows it.
    await tabToVisible(page, focusTarget('button', t(lang, 'result.backToCheck')), true);
    await page.keyboard.press('Enter');
    await arrived(page, 'check');
    await tabToVisible(page, button('check.submit'));
    await page.keyboard.press('Enter');
    await arrived(page, 'result');

    expectCleanRun(app);
    await context.close();
  });
});
