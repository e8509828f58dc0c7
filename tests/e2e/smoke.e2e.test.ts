import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appURL, checkA11y, launchBrowser, newPage, screenshot } from './browser';

describe('start page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('loads in Dutch, shows a heading, stays on its own origin and passes axe', async () => {
    const { page, context, externalRequests, errors } = await newPage(browser);
    await page.goto(`${appURL()}/`, { waitUntil: 'networkidle' });

    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await page.locator('h1').first().waitFor({ state: 'visible' });
    await screenshot(page, 'smoke-start');

    expect(errors).toEqual([]);
    expect(externalRequests).toEqual([]);
    expect(await checkA11y(page)).toEqual([]);
    await context.close();
  });
});
