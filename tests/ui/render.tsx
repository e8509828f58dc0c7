// Shared set-up for the component tests (jsdom): i18n, a clean browser state per test, and two ways
// to render: the whole <App/> (driven like a user would) or one page with a fake `send`.
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { afterEach, beforeAll, beforeEach, expect, vi } from 'vitest';
import en from '../../content/locales/en.json';
import fr from '../../content/locales/fr.json';
import nl from '../../content/locales/nl.json';
import type { Lang } from '../../src/domain/types';
import { content } from '../helpers';
import { changeLanguage, initI18n, loadAllStrings, setWordingMode } from '../../src/i18n';
import { loadContentFor } from '../../src/ui/content';
import { App } from '../../src/ui/App';
import { WizardUiContext, type WizardUi } from '../../src/ui/wizard-context';
import type { Answers, Step } from '../../src/wizard/answers';
import type { Mode } from '../../src/wizard/modes';
import type { WizardEvent } from '../../src/wizard/machine';
import { serialiseSaved } from '../../src/wizard/persistence';
import { SAVE_KEY } from '../../src/wizard/storage';

/** All of content/ in every language (the app itself loads one language at a time): for expected values. */
export const CONTENT = content();

/** The UI strings, so tests find things the way a user reads them without copying the copy. */
/** The strings as a user in `mode` reads them: nested wording like $t(firm.{{mode}}) resolved. */
function asMode<T>(strings: T, mode: Mode, root: unknown = strings): T {
  const lookup = (key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], root);
  if (typeof strings === 'string') {
    return strings.replace(/\$t\((\w+)\.\{\{mode\}\}\)/g, (_, ns: string) => String(lookup(`${ns}.${mode}`))) as T;
  }
  if (strings && typeof strings === 'object') {
    return Object.fromEntries(Object.entries(strings).map(([k, v]) => [k, asMode(v, mode, root)])) as T;
  }
  return strings;
}

/** The strings as the owner (the default mode) reads them. */
export const STRINGS = { nl: asMode(nl, 'owner'), en: asMode(en, 'owner'), fr: asMode(fr, 'owner') } as const;
/** The strings as an accountant ('client') or an innovation advisor ('intake') reads them. */
export const wording = (mode: Mode): typeof STRINGS => ({ nl: asMode(nl, mode), en: asMode(en, mode), fr: asMode(fr, mode) });
export const T = STRINGS.nl;

/** Call once at the top of a test file: Dutch strings, empty storage and URL, unmounted trees. */
export function setupUi() {
  // A walk through the whole app takes a few seconds on a busy machine.
  vi.setConfig({ testTimeout: 30_000 });
  beforeAll(async () => {
    await initI18n('nl');
    // The desk's and batch page's strings come with those pages in the app (App.tsx); pages rendered on their own need them too.
    await loadAllStrings({ desk: true });
    // The app loads the content texts of the active language with the wizard; pages rendered on their own need them too.
    await loadContentFor('nl');
  });
  beforeEach(async () => {
    localStorage.clear();
    history.replaceState(null, '', '/');
    // The wording follows the mode of the last wizard shown (a global of i18next): back to the owner's.
    setWordingMode('owner');
    await changeLanguage('nl');
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });
}

/** A large firm: staff alone makes it large, so the figures page is skipped. */
export const LARGE: Answers = {
  region: 'flanders',
  province: 'antwerpen',
  staff: 400,
  ownedByLargeGroup: false,
  nace: '20.16',
  innovation: { newGoods: true, productInHouse: true, productNewToMarket: true, inHouseRnd: true, innovationSpending: true, rndStaff: true },
  introducedAnswered: true,
  practicesAnswered: true,
  needs: ['development-project'],
};

/**
 * The wizard behind the start page is loaded on demand (React.lazy): wait until its page replaces the
 * loading text. Generous timeout: the first load transforms the wizard's modules.
 */
export async function wizardShown() {
  const startTitles = Object.values(STRINGS).map((s) => s.start.title);
  await waitFor(() => {
    expect(document.querySelector('main .loading')).toBeNull();
    // The wizard opens on its own start page and moves on in an effect (or says why it could not).
    const h1 = screen.getByRole('heading', { level: 1 });
    expect(!startTitles.includes(h1.textContent ?? '') || screen.queryByRole('status') !== null).toBe(true);
  }, { timeout: 10_000 });
  await settle();
}

/**
 * The whole app. `saved` puts progress in localStorage (the app then offers to resume it);
 * `hash` opens the app with that URL fragment (a share link), and waits for the wizard it opens.
 */
export async function renderApp(opts: { saved?: { answers: Answers; step: Step }; savedRaw?: string; hash?: string } = {}) {
  if (opts.saved) localStorage.setItem(SAVE_KEY, serialiseSaved(opts.saved.answers, opts.saved.step));
  if (opts.savedRaw !== undefined) localStorage.setItem(SAVE_KEY, opts.savedRaw);
  if (opts.hash) history.replaceState(null, '', `/${opts.hash}`);
  const user = userEvent.setup();
  const view = render(<App />);
  if (opts.hash) await wizardShown();
  return { user, ...view };
}

/** Clicks a button of the start page that opens the wizard (start, continue, start over) and waits for it. */
export async function enterWizard(user: UserEvent, name: string) {
  await user.click(screen.getByRole('button', { name }));
  await wizardShown();
}

/** The app, resumed at `step` with these answers (through the resume panel, as a returning user would), in `lang` (default Dutch). */
export async function renderAppAt(step: Step, answers: Answers, lang: Lang = 'nl') {
  if (lang !== 'nl') await changeLanguage(lang);
  const app = await renderApp({ saved: { answers, step } });
  await enterWizard(app.user, STRINGS[lang].resume.continue);
  return app;
}

/** One page inside the wizard context with a fake `send`: what the page asks the machine to do. */
export function renderPage(page: ReactElement, opts: { step: Step; answers?: Answers; lang?: Lang }) {
  const send = vi.fn<(event: WizardEvent) => void>();
  const drafts: WizardUi['drafts'] = {};
  const ui: WizardUi = {
    step: opts.step,
    answers: opts.answers ?? {},
    send,
    drafts,
    saveDraft: (s, values) => { drafts[s] = values; },
  };
  const user = userEvent.setup();
  const view = render(<WizardUiContext.Provider value={ui}>{page}</WizardUiContext.Provider>);
  return { user, send, drafts, ...view };
}

/** The events sent of one type. */
export function sent<K extends WizardEvent['type']>(send: { mock: { calls: Array<[WizardEvent]> } }, type: K) {
  return send.mock.calls.map(([e]) => e).filter((e): e is Extract<WizardEvent, { type: K }> => e.type === type);
}

export const continueButton = (strings: typeof nl = T) => screen.getByRole('button', { name: strings.nav.continue });
export const heading = () => screen.getByRole('heading', { level: 1 });

/** Lets react-hook-form's asynchronous submit (and the effects it triggers) finish. */
export const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

/** Clicks the page's continue button and waits until the submit has been handled. */
export async function submit(user: UserEvent, strings: typeof nl = T) {
  await user.click(continueButton(strings));
  await settle();
}

// --- the result page ------------------------------------------------------------------------------------

/** `{{name}}` placeholders of a UI string filled in, as i18next does. */
export const fill = (s: string, vars: Record<string, string | number>) => s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => (k in vars ? String(vars[k]) : `{{${k}}}`));

/** The result's first screen (what to do first, with whom, what it costs), or null. */
export const firstScreen = () => document.querySelector<HTMLElement>('main section.first-channel');

/** The folded parts of the result (<details>) whose own summary reads `title`. */
export const queryFolds = (title: string) =>
  [...document.querySelectorAll<HTMLDetailsElement>('main details')].filter((d) => d.querySelector(':scope > summary')?.textContent === title);

/** The one folded part of the result whose summary reads `title` (throws when there is none or more than one). */
export function fold(title: string): HTMLDetailsElement {
  const found = queryFolds(title);
  if (found.length !== 1) throw new Error(`expected one <details> with the summary "${title}", found ${found.length}`);
  return found[0]!;
}
