// A full walk from the start page to the result in each language, as a West-Flemish metal workshop,
// with axe on every page (as it opens and once answered), no console errors and no outside requests.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './browser';
import {
  expectCleanRun, expectNoA11yViolations, firstChannel, LANGS, metalWorkshop, needLabel, onStep, openApp, provinceLabel,
  stepsFor, switchLanguage, t, tPattern, walk, type Lang, type Step,
} from './wizard';

// 1.800.000 as each language writes it (fr groups with a (narrow) no-break space).
const TURNOVER: Record<Lang, RegExp> = { nl: /1\.800\.000/, en: /1,800,000/, fr: /1[\s\u202f\u00a0]800[\s\u202f\u00a0]000/ };

describe('full walk from start to result', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(LANGS)('in %s: every page passes axe, the result is complete', async (lang) => {
    const app = await newPage(browser);
    const { page, context } = app;
    await openApp(page);
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    if (lang !== 'nl') await switchLanguage(page, lang);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);

    const firm = metalWorkshop(lang);
    const checked: string[] = [];
    const seen = await walk(page, lang, firm, {
      onPage: async (step: Step) => {
        await expectNoA11yViolations(page, `${lang} ${step} (as it opens)`);
        checked.push(step);
      },
      onAnswered: async (step: Step) => {
        if (step === 'sector') {
          // The chosen activity shows its NACE code.
          await page.getByText(t(lang, 'sector.chosen')).filter({ hasText: '25.5' }).waitFor();
        }
        // Revealed follow-ups, search hits and the chosen sector must pass too.
        if (step !== 'start' && step !== 'check') await expectNoA11yViolations(page, `${lang} ${step} (answered)`);
        if (step === 'check') {
          const summary = page.getByRole('main');
          await expect.poll(() => summary.innerText()).toMatch(TURNOVER[lang]);
          const text = await summary.innerText();
          expect(text).toContain(provinceLabel(lang, 'west-vlaanderen'));
          expect(text).toContain('14');
          expect(text).toContain(t(lang, 'check.figureUnknown'));
          expect(text).toContain('25.5');
          expect(text).toContain(needLabel(lang, 'practical-problem'));
        }
      },
    });
    expect(seen).toEqual(stepsFor(firm));
    expect(checked).toEqual(seen);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);

    // The first channel: the action, with whom and how to reach them, the cost line; why and the next steps folded below.
    const first = firstChannel(page, lang);
    await first.name.waitFor();
    expect((await first.action.innerText()).trim()).not.toBe('');
    expect((await first.section.locator('.contact-organisation').innerText()).trim()).not.toBe('');
    expect(await first.section.locator('a[href^="tel:"], a[href^="mailto:"]').count()).toBeGreaterThan(0);
    await first.section.locator('.glance').waitFor();
    // Everything folded opens (as a reader would, one summary at a time).
    for (const summary of await page.locator('main details > summary').all()) await summary.click();
    await page.getByRole('heading', { level: 3, name: t(lang, 'result.whyFits'), exact: true }).first().waitFor();
    await page.getByRole('heading', { level: 3, name: t(lang, 'result.howItGoes'), exact: true }).first().waitFor();
    expect(await page.locator('.reasons li').count()).toBeGreaterThan(0);

    // The others, ranked, each with a line on why it comes later.
    const others = page.getByRole('region', { name: t(lang, 'result.others'), exact: true });
    const ranked = others.getByRole('list').first().locator(':scope > li');
    expect(await ranked.count()).toBeGreaterThan(0);
    for (const item of await ranked.all()) {
      expect((await item.getByRole('heading', { level: 3 }).first().innerText()).trim()).not.toBe('');
      expect((await item.locator('.later').innerText()).length).toBeGreaterThan(20);
    }

    // The pyramid figure with its text alternative.
    const pyramid = page.getByRole('img', { name: new RegExp(`^${t(lang, 'pyramid.title')}`) });
    await pyramid.waitFor();
    const pyramidName = await pyramid.evaluate((svg) =>
      (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
    );
    expect(pyramidName).toMatch(/\d+\s?%/);
    await page.getByRole('heading', { level: 3, name: t(lang, 'result.pathUp'), exact: true }).waitFor();

    // The facts with their sources and the date each was checked, and the content version.
    const sources = page.getByRole('region', { name: t(lang, 'result.factsSources', { count: await page.locator('.sources li').count() }), exact: true });
    const items = sources.getByRole('listitem');
    expect(await items.count()).toBeGreaterThan(0);
    for (const text of await items.allInnerTexts()) expect(text).toMatch(tPattern(lang, 'result.checkedOn'));
    expect(await sources.innerText()).toMatch(tPattern(lang, 'result.contentVersion'));
    await expectNoA11yViolations(page, `${lang} result unfolded`);

    await onStep(page, lang, 'result');
    await screenshot(page, `walk-${lang}-result`);
    expectCleanRun(app);
    await context.close();
  });
});
