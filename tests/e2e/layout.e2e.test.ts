// Reflow (WCAG 1.4.10): no horizontal scrolling at 320 CSS px wide, nor at 200% zoom. A 1280 px wide
// window zoomed to 200% lays out exactly like a 640 CSS px viewport at 2 device pixels per CSS pixel,
// which is what the second case emulates (CSS `zoom` on body would not reflow media queries the same way).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './browser';
import { expectCleanRun, metalWorkshop, openApp, t, walk, type Lang, type Step } from './wizard';

const lang: Lang = 'nl';

/** How far the page is wider than its viewport, and the widest elements sticking out. */
async function overflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; offenders: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const limit = root.clientWidth;
    const offenders = [...document.body.querySelectorAll<HTMLElement>('*')]
      .filter((el) => el.getBoundingClientRect().right > limit + 0.5)
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} right=${Math.round(el.getBoundingClientRect().right)}`);
    return { scrollWidth: root.scrollWidth, clientWidth: limit, offenders };
  });
}

async function expectNoHorizontalScroll(page: Page, where: string) {
  const o = await overflow(page);
  expect(o.scrollWidth, `${where}: page ${o.scrollWidth}px wide in a ${o.clientWidth}px viewport; sticking out:\n  ${o.offenders.join('\n  ')}`).toBeLessThanOrEqual(o.clientWidth);
}

describe('layout without horizontal scrolling', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    { name: '320 px wide', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
    { name: '200% zoom of a 1280 px window', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
  ])('at $name, on every page of the walk (errors shown included)', async ({ name, viewport, deviceScaleFactor }) => {
    const app = await newPage(browser, { viewport, deviceScaleFactor });
    const { page, context } = app;
    await openApp(page);
    await walk(page, lang, metalWorkshop(lang), {
      onPage: async (step: Step) => {
        await expectNoHorizontalScroll(page, `${name}, ${step}`);
        // The longest texts of a question page show with its errors: submit it empty once.
        if (step === 'staff' || step === 'figures') {
          await page.getByRole('button', { name: t(lang, 'nav.continue'), exact: true }).click();
          await page.getByRole('alert').waitFor();
          await expectNoHorizontalScroll(page, `${name}, ${step} with errors`);
        }
      },
      onAnswered: async (step: Step) => expectNoHorizontalScroll(page, `${name}, ${step} answered`),
    });
    await screenshot(page, `layout-${viewport.width}px-result`);
    expectCleanRun(app);
    await context.close();
  });
});
