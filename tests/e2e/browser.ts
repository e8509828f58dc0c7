import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Base URL of the app under test, without trailing slash: `${appURL()}/some/route`. */
export const appURL = (): string => inject('baseURL');
/** The folder of the build under test ('' when the tests run against a server started by hand). */
export const distDir = (): string => inject('distDir');

// Debian's chromium (there is no Playwright browser download on this machine). Without the
// background-networking flags Chromium keeps dialling Google hosts, which the closed network refuses.
// Playwright itself adds a fresh temporary --user-data-dir and refuses one passed in args.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** Every request to an origin other than the app's (the app must make none). */
  externalRequests: string[];
  /** Console errors and uncaught page errors, with their source location when known. */
  errors: string[];
}

export interface PageOptions {
  /** Browser locale, e.g. 'nl-BE' (default), 'en-GB', 'fr-BE'. */
  locale?: string;
  javaScriptEnabled?: boolean;
  /** CSS viewport (default 1280x720). */
  viewport?: { width: number; height: number };
  /** Device pixels per CSS pixel: with `viewport` it emulates browser zoom (a 1280 px window at 200% = 640 CSS px, factor 2). */
  deviceScaleFactor?: number;
  /** Browser permissions granted to the app's origin, e.g. ['clipboard-read', 'clipboard-write']. */
  permissions?: string[];
}

// Pages opened with JavaScript disabled: checkA11y refuses them (see there).
const scriptlessPages = new WeakSet<Page>();

/** A page in its own fresh context (no storage shared with other pages); close with `context.close()`. */
export async function newPage(browser: Browser, options: PageOptions = {}): Promise<AppPage> {
  const context = await browser.newContext({
    locale: options.locale ?? 'nl-BE',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    ...(options.viewport ? { viewport: options.viewport } : {}),
    ...(options.deviceScaleFactor ? { deviceScaleFactor: options.deviceScaleFactor } : {}),
  });
  if (options.permissions?.length) await context.grantPermissions(options.permissions, { origin: new URL(appURL()).origin });
  // Fail within the test's time budget, with Playwright's call log, rather than at its 30 s default.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  if (options.javaScriptEnabled === false) scriptlessPages.add(page);
  const appOrigin = new URL(appURL()).origin;
  const externalRequests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== appOrigin) {
      externalRequests.push(request.url());
    }
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    errors.push(url ? `${message.text()} (${url}:${lineNumber})` : message.text());
  });
  page.on('pageerror', (error) => errors.push(`Uncaught ${error.stack ?? error.message}`));
  return { page, context, externalRequests, errors };
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A+AA and 2.2 AA) on the page as it is now and returns one readable
 * line block per violation; `expect(await checkA11y(page)).toEqual([])` then shows what is wrong.
 */
export async function checkA11y(page: Page): Promise<string[]> {
  if (scriptlessPages.has(page)) {
    // Timers never fire in a page with JavaScript disabled, and axe.run waits on them forever.
    throw new Error('checkA11y needs a page with JavaScript enabled (axe-core runs in the page)');
  }
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated rather than added as a <script> tag, so a Content-Security-Policy cannot block it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
    };
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
      id,
      impact,
      help,
      helpUrl,
      nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })),
    }));
  });
  return violations.map(
    (v) =>
      `[${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
      v.nodes
        .map((n) => `    at ${JSON.stringify(n.target)}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`)
        .join('\n'),
  );
}

const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-results');

/** Full-page PNG in test-results/ (gitignored); returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
