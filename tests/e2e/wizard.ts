// Helpers that drive the wizard like a user: the strings come from content/ (the same files the app
// is built from), the elements are found by role and accessible name, never by CSS class.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { appURL, checkA11y, type AppPage } from './browser';

export const LANGS = ['nl', 'en', 'fr'] as const;
export type Lang = (typeof LANGS)[number];
type Texts = Record<Lang, string>;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;
const readYaml = (file: string) => parse(readFileSync(path.join(root, file), 'utf8')) as unknown;

const locales = Object.fromEntries(LANGS.map((l) => [l, readJson(`content/locales/${l}.json`)])) as Record<Lang, Record<string, unknown>>;
const needs = readYaml('content/needs.yaml') as Array<{ id: string; label: Texts }>;
const triggers = readYaml('content/triggers.yaml') as Array<{ id: string; label: Texts }>;
const labels = readYaml('content/labels.yaml') as { province: Record<string, Texts> };

/** Who fills the wizard in (chosen on the start page): the owner, an accountant for a client, an advisor at intake. */
export const MODES = ['owner', 'client', 'intake'] as const;
export type Mode = (typeof MODES)[number];

/** A string of the app in `lang`, with i18next-style {{placeholders}} filled in. */
export function t(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], locales[lang]);
  if (typeof value !== 'string') throw new Error(`no string ${key} in content/locales/${lang}.json`);
  // The wording follows the mode (owner unless given), through nested strings like $t(firm.{{mode}}).
  const all = { mode: 'owner', ...vars };
  return value
    .replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(all[name as keyof typeof all] ?? `{{${name}}}`))
    .replace(/\$t\(([\w.]+)\)/g, (_, nested: string) => t(lang, nested, vars));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A RegExp that matches the string of `key` with its {{placeholders}} as wildcards. */
export function tPattern(lang: Lang, key: string): RegExp {
  const parts = t(lang, key).split(/\{\{\w+\}\}/).map(escapeRegExp);
  return new RegExp(parts.join('.+?'));
}

export const needLabel = (lang: Lang, id: string): string => {
  const need = needs.find((n) => n.id === id);
  if (!need) throw new Error(`no need ${id} in content/needs.yaml`);
  return need.label[lang];
};
export const triggerLabel = (lang: Lang, id: string): string => {
  const trigger = triggers.find((x) => x.id === id);
  if (!trigger) throw new Error(`no warning light ${id} in content/triggers.yaml`);
  return trigger.label[lang];
};

export interface ChannelInfo { name: Texts; contact: { email?: { value: string }; languages?: Lang[]; url: { value: string } } }
/** A channel of content/channels/ (its name in each language, its contact). */
export const channel = (id: string): ChannelInfo => readYaml(`content/channels/${id}.yaml`) as ChannelInfo;
export const channelName = (lang: Lang, id: string): string => channel(id).name[lang];

export const provinceLabel = (lang: Lang, id: string): string => {
  const p = labels.province[id];
  if (!p) throw new Error(`no province ${id} in content/labels.yaml`);
  return p[lang];
};

export const STEPS = ['start', 'region', 'staff', 'figures', 'ownership', 'sector', 'introduced', 'practices', 'needs', 'triggers', 'check', 'result'] as const;
export type Step = (typeof STEPS)[number];

const TITLE_KEYS: Record<Step, string> = {
  start: 'start.title',
  region: 'region.title',
  staff: 'staff.title',
  figures: 'figures.title',
  ownership: 'ownership.title',
  sector: 'sector.title',
  introduced: 'innovation.introducedTitle',
  practices: 'innovation.practicesTitle',
  needs: 'needs.title',
  triggers: 'triggers.title',
  check: 'check.title',
  result: 'result.title',
};

/** The text of a step's h1 (worded for `mode`, the owner's by default). */
export const title = (lang: Lang, step: Step, mode: Mode = 'owner'): string => t(lang, TITLE_KEYS[step], { mode });

/** The h1 of a step's page. */
export const heading = (page: Page, lang: Lang, step: Step, mode: Mode = 'owner'): Locator =>
  page.getByRole('heading', { level: 1, name: title(lang, step, mode), exact: true });

/** Waits until the page of `step` shows (its h1). */
export async function onStep(page: Page, lang: Lang, step: Step, mode: Mode = 'owner'): Promise<void> {
  await heading(page, lang, step, mode).waitFor({ state: 'visible' });
}

/** The page heading has keyboard focus (App moves it there on every page change). */
export async function waitForHeadingFocus(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const h1 = document.querySelector('main h1');
    return h1 !== null && document.activeElement === h1;
  }, undefined, { timeout: 5_000 });
}

export interface Firm {
  region: 'flanders' | 'brussels' | 'wallonia' | 'abroad';
  province?: string;
  /** As typed. */
  staff: string;
  /** As typed; null ticks "I don't know". */
  turnover: string | null;
  balance: string | null;
  owned: boolean;
  /** A word typed in the sector search, and the NACE code to pick among the hits. */
  sectorQuery: string;
  nace: string;
  introduced: string[];
  productInHouse?: boolean;
  productNewToMarket?: boolean;
  processInHouse?: boolean;
  practices: string[];
  rndStaff?: boolean;
  needs: string[];
  /** An owner ticks "also mark warning signals" on the needs page (accountants and advisors always get that page). */
  showTriggers?: boolean;
  /** The warning lights ticked on their page; none given ticks "None of these". */
  triggers?: string[];
}

const METAL_WORD: Record<Lang, string> = { nl: 'metaalbewerking', en: 'metalworking', fr: 'usinage' };

/** A West-Flemish metal workshop: 14 staff, turnover in Belgian notation, balance unknown, some process innovation, a practical problem. */
export function metalWorkshop(lang: Lang): Firm {
  return {
    region: 'flanders',
    province: 'west-vlaanderen',
    staff: '14',
    turnover: '1.800.000',
    balance: null,
    owned: false,
    sectorQuery: METAL_WORD[lang],
    nace: '25.5', // NACE-BEL 2025: treatment and coating of metals; machining (2008: 25.6)
    introduced: ['newProductionMethods'],
    processInHouse: false,
    practices: ['innovationSpending'],
    needs: ['practical-problem'],
  };
}

/** Whether the warning-lights page is on this firm's path: always for accountants and advisors, for an owner on request. */
export const asksTriggers = (firm: Firm, mode: Mode = 'owner'): boolean => mode !== 'owner' || firm.showTriggers === true;

/** The steps this firm sees from start to result (filled in by `mode`, the owner by default). */
export function stepsFor(firm: Firm, mode: Mode = 'owner'): Step[] {
  if (firm.region !== 'flanders') return ['start', 'region', 'result'];
  const staff = Number(firm.staff.replace(/\./g, '').replace(',', '.'));
  return STEPS.filter((s) => !(s === 'figures' && staff >= 250) && !(s === 'triggers' && !asksTriggers(firm, mode)));
}

const yesNo = (lang: Lang, v: boolean | undefined) => t(lang, v ? 'common.yes' : 'common.no');

/** The radio "yes"/"no" inside the group (fieldset) whose legend is the string of `legendKey`. */
const yesNoRadio = (page: Page, lang: Lang, legendKey: string, value: boolean | undefined, mode: Mode = 'owner') =>
  page.getByRole('group', { name: t(lang, legendKey, { mode }), exact: true }).getByRole('radio', { name: yesNo(lang, value), exact: true });

/**
 * The figures page's "I don't know" box of the turnover (0) or the balance-sheet total (1). Both are
 * named "I don't know" (a suffix naming the field may follow), so they are told apart by order.
 */
export const unknownBox = (page: Page, lang: Lang, which: 'turnover' | 'balance'): Locator =>
  page.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(t(lang, 'figures.unknown'))}`) }).nth(which === 'turnover' ? 0 : 1);

/** Leaves the page of `step` forward: "Start now", "Continue" or "Show my referral". */
export async function submitStep(page: Page, lang: Lang, step: Step): Promise<void> {
  if (step === 'result') throw new Error('the result page has no way forward');
  const name = step === 'start' ? 'start.button' : step === 'check' ? 'check.submit' : 'nav.continue';
  await page.getByRole('button', { name: t(lang, name), exact: true }).click();
}

/**
 * Answers the question on the page of `step` with the mouse (nothing to answer on check and result).
 * With a `mode`, the start page's mode choice is made and the questions are found in that mode's wording.
 */
export async function fillStep(page: Page, lang: Lang, step: Step, firm: Firm, mode?: Mode): Promise<void> {
  const m = mode ?? 'owner';
  switch (step) {
    case 'start':
      if (mode) await page.getByRole('radio', { name: t(lang, `start.mode.${mode}`), exact: true }).check();
      return;
    case 'check':
    case 'result':
      return;
    case 'region':
      await page.getByRole('radio', { name: t(lang, `region.options.${firm.region}`), exact: true }).check();
      if (firm.region === 'flanders') {
        await page.getByRole('radio', { name: provinceLabel(lang, firm.province ?? 'west-vlaanderen'), exact: true }).check();
      }
      break;
    case 'staff':
      await page.getByRole('textbox', { name: t(lang, 'staff.title', { mode: m }), exact: true }).fill(firm.staff);
      break;
    case 'figures': {
      if (firm.turnover === null) await unknownBox(page, lang, 'turnover').check();
      else await page.getByRole('textbox', { name: t(lang, 'figures.turnoverLabel'), exact: true }).fill(firm.turnover);
      if (firm.balance === null) await unknownBox(page, lang, 'balance').check();
      else await page.getByRole('textbox', { name: t(lang, 'figures.balanceLabel'), exact: true }).fill(firm.balance);
      break;
    }
    case 'ownership':
      await page.getByRole('radio', { name: yesNo(lang, firm.owned), exact: true }).check();
      break;
    case 'sector':
      await page.getByRole('searchbox', { name: t(lang, 'sector.searchLabel'), exact: true }).fill(firm.sectorQuery);
      await page.getByRole('radio', { name: new RegExp(`^${firm.nace.replace('.', '\\.')} `) }).check();
      break;
    case 'introduced': {
      const ticks = firm.introduced.length ? firm.introduced.map((k) => t(lang, `innovation.${k}`, { mode: m })) : [t(lang, 'innovation.noneOfThese')];
      for (const name of ticks) await page.getByRole('checkbox', { name, exact: true }).check();
      const product = firm.introduced.some((k) => k === 'newGoods' || k === 'newServices');
      const process = firm.introduced.some((k) => k.startsWith('new') && !['newGoods', 'newServices'].includes(k));
      if (product) await yesNoRadio(page, lang, 'innovation.productInHouse', firm.productInHouse, m).check();
      if (product) await yesNoRadio(page, lang, 'innovation.productNewToMarket', firm.productNewToMarket, m).check();
      if (process) await yesNoRadio(page, lang, 'innovation.processInHouse', firm.processInHouse, m).check();
      break;
    }
    case 'practices': {
      const ticks = firm.practices.length ? firm.practices.map((k) => t(lang, `innovation.${k}`, { mode: m })) : [t(lang, 'innovation.noneOfThese')];
      for (const name of ticks) await page.getByRole('checkbox', { name, exact: true }).check();
      if (firm.practices.includes('inHouseRnd')) await yesNoRadio(page, lang, 'innovation.rndStaff', firm.rndStaff, m).check();
      break;
    }
    case 'needs':
      for (const id of firm.needs) await page.getByRole('checkbox', { name: needLabel(lang, id), exact: true }).check();
      if (m === 'owner' && firm.showTriggers) await page.getByRole('checkbox', { name: t(lang, 'needs.showTriggers'), exact: true }).check();
      break;
    case 'triggers': {
      const ticks = firm.triggers?.length ? firm.triggers.map((id) => triggerLabel(lang, id)) : [t(lang, 'triggers.none')];
      for (const name of ticks) await page.getByRole('checkbox', { name, exact: true }).check();
      break;
    }
  }
}

export interface WalkOptions {
  /** Called on every page once its heading shows, before it is answered (the result page included). */
  onPage?: (step: Step) => Promise<void>;
  /** Called on every page once it is answered, before leaving it (not on the result page). */
  onAnswered?: (step: Step) => Promise<void>;
  /** Stop on this step's page, without answering it. */
  until?: Step;
  /** Start from this step's page (already showing). */
  from?: Step;
  /** Choose this mode on the start page and expect its wording (default: leave the choice alone, the owner's). */
  mode?: Mode;
}

/** Answers every page from the start page (or `from`) to the result (or `until`); returns the steps seen. */
export async function walk(page: Page, lang: Lang, firm: Firm, options: WalkOptions = {}): Promise<Step[]> {
  const mode = options.mode ?? 'owner';
  const all = stepsFor(firm, mode);
  const steps = all.slice(options.from ? all.indexOf(options.from) : 0);
  const seen: Step[] = [];
  for (const step of steps) {
    // The start page comes before the mode is chosen: always in the owner's wording.
    await onStep(page, lang, step, step === 'start' ? 'owner' : mode);
    seen.push(step);
    await options.onPage?.(step);
    if (step === options.until || step === 'result') break;
    await fillStep(page, lang, step, firm, options.mode);
    await options.onAnswered?.(step);
    await submitStep(page, lang, step);
  }
  return seen;
}

/**
 * The back link ("Back", or `key`'s text), a button that looks like a link: its accessible name may carry
 * a decorative arrow from CSS (`::before { content: "‹ " }`), so anything that is not a letter may come first.
 */
export const backLink = (page: Page, lang: Lang, key = 'nav.back'): Locator =>
  page.getByRole('button', { name: new RegExp(`^\\W*${escapeRegExp(t(lang, key))}$`) });

/**
 * Waits until React runs the page: index.html carries a prerendered start page (same heading, same
 * buttons) that does nothing until the app has taken it over, so a visible heading is not enough.
 */
export async function waitForApp(page: Page): Promise<void> {
  // The app sets data-ready on <html> once React has taken over.
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true' && document.querySelector('main h1') !== null);
}

/** Opens the app (optionally with a fragment such as a share link) and waits until it runs. */
export async function openApp(page: Page, hash = ''): Promise<void> {
  await page.goto(`${appURL()}/${hash}`);
  await waitForApp(page);
}

/** Reloads the page and waits until the app runs again. */
export async function reloadApp(page: Page): Promise<void> {
  await page.reload();
  await waitForApp(page);
}

/** Switches the language with the header button and waits until <html lang> follows. */
export async function switchLanguage(page: Page, lang: Lang): Promise<void> {
  // The header's language buttons carry each language's own name ("Nederlands", "English", "Français").
  const nav = page.getByRole('navigation', { name: new RegExp(`^(${LANGS.map((l) => t(l, 'lang.label')).join('|')})$`) });
  await nav.getByRole('button', { name: t(lang, `lang.${lang}`), exact: true }).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** axe finds nothing on the page as it is now; the message names the page. */
export async function expectNoA11yViolations(page: Page, where: string): Promise<void> {
  const violations = await checkA11y(page);
  expect(violations, `axe on ${where}:\n${violations.join('\n')}`).toEqual([]);
}

/** No console error, no uncaught exception and no request to another origin so far. */
export function expectCleanRun(app: AppPage): void {
  expect(app.errors, 'console errors').toEqual([]);
  expect(app.externalRequests, 'requests outside the app origin').toEqual([]);
}

/** The result's first-channel section ("Start here"): its region and the channel's name. */
/** The result's first card: `name` is its caption naming the channel, `action` the sentence to act on (lang is kept for callers). */
export function firstChannel(page: Page, _lang: Lang): { section: Locator; name: Locator; action: Locator } {
  const section = page.locator('section.first-channel');
  return { section, name: section.locator('.caption'), action: section.getByRole('heading', { level: 2 }) };
}

/** What has keyboard focus: "tag[type]: name", the name from its label, aria-label or text. */
export async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    const labelled = (el as HTMLInputElement).labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
    const type = el.tagName === 'INPUT' ? el.getAttribute('type') : null;
    return `${el.tagName.toLowerCase()}${type ? `[${type}]` : ''}: ${labelled.replace(/\s+/g, ' ').trim()}`;
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focused element's description (see `focused`) matches;
 * fails with the path taken when it never does.
 */
export async function tabTo(page: Page, target: RegExp, options: { back?: boolean; max?: number } = {}): Promise<void> {
  const path: string[] = [];
  for (let i = 0; i <= (options.max ?? 40); i++) {
    const now = await focused(page);
    if (target.test(now)) return;
    path.push(now);
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target}; went through:\n  ${path.join('\n  ')}`);
}

/** An exact-match RegExp for a focused() description: `tag[type]: name`. */
export function focusTarget(tag: string, name: string, type?: string): RegExp {
  return new RegExp(`^${escapeRegExp(tag)}${type ? escapeRegExp(`[${type}]`) : ''}: ${escapeRegExp(name)}$`);
}

/** The focused element shows a focus indicator (an outline or a box-shadow ring). */
export async function focusIndicator(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 ? `outline ${s.outlineWidth} ${s.outlineStyle}` : '';
    const ring = s.boxShadow !== 'none' ? `box-shadow ${s.boxShadow}` : '';
    return outline || ring || null;
  });
}

/**
 * In a radio group that has focus: Space when the focused radio is the one wanted, else the
 * arrow keys (which move and select) until it is.
 */
export async function arrowTo(page: Page, target: RegExp, max = 30): Promise<void> {
  if (target.test(await focused(page))) {
    await page.keyboard.press('Space');
    return;
  }
  const path: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('ArrowDown');
    const now = await focused(page);
    if (target.test(now)) return;
    path.push(now);
  }
  throw new Error(`ArrowDown never reached ${target}; went through:\n  ${path.join('\n  ')}`);
}

/** A prefilled link's fragment in the documented format: #r= + base64url(UTF-8 JSON { v: 1, mode, profile }). */
export const profileLink = (profile: unknown, mode: Mode = 'owner'): string =>
  `#r=${Buffer.from(JSON.stringify({ v: 1, mode, profile }), 'utf8').toString('base64url')}`;

/** Opens every folded part (<details>) of the page's main content, as a reader unfolding them all would. */
export async function unfoldAll(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('main details').forEach((d) => { (d as HTMLDetailsElement).open = true; }));
}
