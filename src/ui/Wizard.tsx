// The wizard (loaded when needed): runs the machine, keeps the browser history, saved progress and
// share links in step with it, and moves focus to each page's heading.
import { useActorRef, useSelector } from '@xstate/react';
import { Suspense, useCallback, useEffect, useEffectEvent, useMemo, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { setWizardPolicy, type Step } from '../wizard/answers';
import { previousStep, restoredSnapshot, wizardMachine, type WizardEvent } from '../wizard/machine';
import { importIntake, type ImportResult } from '../wizard/intake';
import { setWordingMode } from '../i18n';
import type { Mode } from '../wizard/modes';
import { decodeShareFragment, parseSaved, shareLinkErrors, type Saved } from '../wizard/persistence';
import { readStorage, SAVE_KEY, writeStorage } from '../wizard/storage';
import type { Lang } from '../domain/types';
import type { Content } from '../domain/content-model';
import { formatNumber } from '../domain/format';
import { engineFor } from '../domain/refer';
import { profileSchema } from '../domain/profile';
import { naceIndex } from '../domain/nace';
import { useSavedWork } from './saved-work';
import { content, loadAbout, useLang } from './content';
import { preloadModeTools } from './pages/result/lazy-tools';
import { CheckPage } from './pages/CheckPage';
import { ResultPage } from './pages/ResultPage';
import { StartPage } from './pages/StartPage';
import { ErrorBoundary } from './components/ErrorBoundary';
import { showPageTitle } from './page-title';
import { PageError } from './components/PageError';
import { ChunkLoadError, LoadFailure, retryableLazy } from './connection';
import type * as QuestionPagesModule from './pages/question-pages';
import { draftStore, WizardUiContext, type WizardUi } from './wizard-context';

/** `desk`: an entry of the desk opened (its answers and page, as saved progress: serialiseSaved). */
export type Entry = { kind: 'start'; mode: Mode } | { kind: 'resume' } | { kind: 'link' } | { kind: 'import'; text: string } | { kind: 'desk'; text: string };
export type Notice = 'link-damaged' | 'link-outdated' | 'link-newer' | 'link-invalid' | 'saved-damaged' | 'saved-outdated' | 'saved-newer'
  | 'saved-merged' | 'storage-unavailable' | `import-${Exclude<ImportResult, { ok: true }>['problem']}` | 'import-content-changed';
/** A notice and the values its text names (e.g. the field and the limit of an intake that is too long). */
export type NoticeValues = Record<string, string | number>;

/** The notice for an import that failed, with what its text names. */
export function importNotice(problem: Exclude<ImportResult, { ok: true }>, lang: Lang): [Notice, NoticeValues] {
  return [`import-${problem.problem}`, {
    field: problem.field ?? '', limit: formatNumber(problem.limit ?? 0, lang), length: formatNumber(problem.length ?? 0, lang), detail: problem.detail ?? '',
  }];
}

/** What the wizard starts from: a share link, saved progress or a fresh start; or a notice when those were unusable. */
function initialState(entry: Entry, hash: string, lang: Lang): { answers: Saved['answers'] | null; step: Step; notice: Notice | null; values?: NoticeValues } {
  if (entry.kind === 'import') {
    const imported = importIntake(entry.text, content, lang);
    if (!imported.ok) { const [notice, values] = importNotice(imported, lang); return { answers: null, step: 'start', notice, values }; }
    return { answers: { ...imported.answers, notes: imported.notes }, step: 'result', notice: imported.contentChanged ? 'import-content-changed' : null };
  }
  if (entry.kind === 'desk') {
    const saved = parseSaved(entry.text, content);
    return saved?.ok ? { answers: saved.value.answers, step: saved.value.step, notice: null } : { answers: null, step: 'start', notice: 'saved-damaged' };
  }
  if (entry.kind === 'link') {
    const decoded = readLink(hash);
    if (decoded.ok) return { answers: decoded.value, step: 'result', notice: null };
    // An invalid link says what is wrong with it, field by field, for whoever made it.
    const values = decoded.problem === 'invalid' ? { detail: shareLinkErrors(hash, content, lang).join(' ') } : undefined;
    return { answers: null, step: 'start', notice: `link-${decoded.problem}`, values };
  }
  if (entry.kind === 'resume') {
    const saved = parseSaved(readStorage(SAVE_KEY), content);
    if (saved?.ok) return { answers: saved.value.answers, step: saved.value.step, notice: null };
    // The unreadable save stays where it is until the user chooses to start over.
    return { answers: null, step: 'start', notice: saved ? `saved-${saved.problem === 'newer' || saved.problem === 'outdated' ? saved.problem : 'damaged'}` : null };
  }
  return { answers: null, step: 'region', notice: null };
}

type QuestionPages = typeof QuestionPagesModule;
const loadQuestionPages = () => import('./pages/question-pages');
/** A question page from the question pages' chunk (retried, then explained, as every lazy part: connection.tsx). */
const questionPage = (name: keyof QuestionPages) => retryableLazy(async () => {
  const pages = await loadQuestionPages();
  // One chunk for all: once here, every page renders without waiting (Back, Change).
  void preloadQuestionPages();
  return { default: pages[name] };
});
const QUESTION_PAGES = {
  region: questionPage('RegionPage'),
  staff: questionPage('StaffPage'),
  figures: questionPage('FiguresPage'),
  ownership: questionPage('OwnershipPage'),
  sector: questionPage('SectorPage'),
  introduced: questionPage('IntroducedPage'),
  practices: questionPage('PracticesPage'),
  needs: questionPage('NeedsPage'),
  triggers: questionPage('TriggersPage'),
};

/**
 * Loads the question pages ahead of their first render (App.tsx does it with the wizard, unless a share
 * link opened the app: its result does not need them). Never rejects: a failure is explained where a
 * page needs them.
 */
export const preloadQuestionPages = (): Promise<unknown> => (allQuestionPages ??= Promise.all(Object.values(QUESTION_PAGES).map((page) => page.preload())));
let allQuestionPages: Promise<unknown> | null = null;
/** The client and intake tools ahead of their first render (App.tsx's loader has only this module). */
export { preloadModeTools };

/** A share link read once per address and content: before the first render (prepare), then by it. */
let lastLink: { hash: string; content: Content; read: ReturnType<typeof decodeShareFragment> } | null = null;
function readLink(hash: string): ReturnType<typeof decodeShareFragment> {
  if (lastLink?.hash !== hash || lastLink.content !== content) lastLink = { hash, content, read: decodeShareFragment(hash, content) };
  return lastLink.read;
}

/**
 * Makes what the first page derives from the loaded content alone (the engine's compiled rules and
 * indexes, the Profile v1 schema, the NACE code sets and links) and reads the share link the page was
 * opened with, if any: each in a task of its own, before the wizard's first render. Done inside that
 * render instead, they would make it one long task (on a slow phone, a page that cannot answer a tap
 * for a quarter of a second). Called by App.tsx's wizard loader; `link`: the share fragment ("#r=...").
 */
export async function prepareContent(link: string | null): Promise<void> {
  const index = () => naceIndex(content.nace);
  const steps = [() => engineFor(content), () => profileSchema(content), () => index().codes, () => index().to2008, ...(link ? [() => readLink(link)] : [])];
  for (const step of steps) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    step();
  }
}

const PAGES: Record<Exclude<Step, 'start'>, ComponentType> = {
  ...QUESTION_PAGES,
  check: CheckPage,
  result: ResultPage,
};

/** `hash`: the URL fragment the page was opened with (a share link when entry is 'link'). */
export default function Wizard({ entry, hash, onNotice }: { entry: Entry; hash: string; onNotice: (n: Notice | null, values?: NoticeValues) => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  // The wizard's path reads the policy figures of the content (the staff count that skips the figures page).
  setWizardPolicy(content.policy);
  // The language the wizard opened in (a later switch does not open it again).
  const [openLang] = useState(lang);
  const boot = useMemo(() => initialState(entry, hash, openLang), [entry, hash, openLang]);
  const actor = useActorRef(wizardMachine, { input: undefined, snapshot: boot.answers ? restoredSnapshot(boot.answers, boot.step, { prefilled: entry.kind === 'link' }) : undefined });
  const step = useSelector(actor, (s) => s.value as Step);
  const answers = useSelector(actor, (s) => s.context.answers);
  // The wording follows the mode ("your firm", "your client's firm") on every page below.
  setWordingMode(answers.mode ?? 'owner');
  // One store for the wizard's life: its saveDraft stays the same, so a page's "save on leaving"
  // effect (useQuestionForm) runs once, when the page goes.
  const [drafts] = useState(draftStore);
  const fromPopState = useRef(false);
  const firstRender = useRef(true);
  /** The step of each history entry the wizard made, by depth (history.state.depth). */
  const entries = useRef<Step[]>([]);

  // onNotice is the parent's callback: telling it something is no reason to run an effect again.
  const notify = useEffectEvent((notice: Notice | null, values?: NoticeValues) => onNotice(notice, values));

  useEffect(() => {
    // The answers never stay in the address bar (nor in the history) once read.
    if (entry.kind === 'link') history.replaceState(null, '', location.pathname + location.search);
    notify(boot.notice, boot.values);
    if (!boot.answers && boot.step === 'region') actor.send({ type: 'START', mode: entry.kind === 'start' ? entry.mode : 'owner' });
  }, [actor, boot, entry]); // boot changes with entry (useMemo above): this runs once per entry

  // Saved progress: saved on every change, in step with other tabs, never replaced or deleted without
  // the user's choice (a shared link or an import opens beside it). See saved-work.tsx.
  // A result opened from a link: the question pages (for Back, Change and Start again) load when the
  // user first does something, or after a while; not while the result is still settling on a slow phone.
  useEffect(() => {
    if (entry.kind !== 'link') return;
    const EVENTS = ['pointerdown', 'keydown'] as const;
    // (And what an owner's link opened without: the texts about the firm and the client and intake tools.)
    const load = () => { stop(); void preloadQuestionPages(); void preloadModeTools(); loadAbout(openLang).catch(() => undefined); };
    const stop = () => { clearTimeout(timer); EVENTS.forEach((e) => removeEventListener(e, load, true)); };
    const timer = setTimeout(load, 10_000);
    EVENTS.forEach((e) => addEventListener(e, load, true));
    return stop;
  }, [entry, openLang]);
  const savedWork = useSavedWork({ actor, entry: entry.kind, answers, step, clearDrafts: drafts.clear, notify: onNotice });

  // The title reads the page's heading and the strings of the moment; a new language alone is no new page.
  const showTitle = useEffectEvent(() => showPageTitle(t));

  // Browser history: every page is a history entry; the back button walks the machine back.
  useEffect(() => {
    if (fromPopState.current) fromPopState.current = false;
    else if (firstRender.current) { history.replaceState({ step, depth: 0 }, ''); entries.current = [step]; }
    else {
      const depth = ((history.state as { depth?: number } | null)?.depth ?? 0) + 1;
      entries.current = [...entries.current.slice(0, depth), step];
      history.pushState({ step, depth }, '');
    }
    // Focus the page heading on every page change, and when the wizard opens on a page. On opening,
    // after the first paint: focus() makes the browser lay the whole page out at once, inside the task
    // that renders it, and the page (a result from a link: the largest) would paint that much later.
    // Not when the user has put the focus somewhere meanwhile (a field they started typing in).
    const focusHeading = () => document.querySelector<HTMLElement>('main h1')?.focus();
    if (!firstRender.current) focusHeading();
    else if (step !== 'start') {
      requestAnimationFrame(() => setTimeout(() => {
        if (document.activeElement !== document.body && document.activeElement) return;
        // A page whose code is still on its way (a question page from a prefilled link) takes the
        // focus itself when it shows (ShownAfterLoading).
        if (document.querySelector('main h1')) focusHeading(); else pageWait.shown = true;
      }, 0));
    }
    firstRender.current = false;
    showTitle();
  }, [step]);

  useEffect(() => {
    const onPop = (e: PopStateEvent) => {
      const target = (e.state as { step?: Step } | null)?.step;
      if (!target) return;
      fromPopState.current = true;
      actor.send({ type: 'GOTO', step: target });
      // When the guard refused (an answer was changed since), keep the entry in step with the page.
      const now = actor.getSnapshot().value as Step;
      if (now !== target) {
        fromPopState.current = false;
        const depth = (e.state as { depth?: number } | null)?.depth ?? 0;
        entries.current[depth] = now;
        history.replaceState({ step: now, depth }, '');
      }
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, [actor]);

  useEffect(() => showPageTitle(t), [lang, t]);

  const { intercept } = savedWork;
  const send = useCallback((e: WizardEvent) => {
    if (intercept(e)) return;
    if (e.type === 'BACK') {
      // The back link goes back in the browser's history when the entry before is the page BACK leads to
      // (the previous question, or check for a page opened by a change link), so the browser's own back
      // button afterwards does not return to the page just left.
      const { value, context } = actor.getSnapshot();
      const depth = (history.state as { depth?: number } | null)?.depth ?? 0;
      if (depth > 0 && entries.current[depth - 1] === previousStep(value as Step, context.answers, context.returnToCheck)) { history.back(); return; }
    }
    actor.send(e);
  }, [actor, intercept]);

  const ui: WizardUi = {
    step,
    answers,
    send,
    drafts: drafts.drafts,
    saveDraft: drafts.saveDraft,
  };

  if (step === 'start') {
    // E.g. after a damaged share link: progress saved on this device is still offered.
    const saved = Object.keys(answers).some((k) => k !== 'mode') ? null : parseSaved(readStorage(SAVE_KEY), content);
    const resume = () => { if (saved?.ok) { savedWork.resumed(); actor.send({ type: 'RESTORE', answers: saved.value.answers, step: saved.value.step }); } };
    return (
      <StartPage
        resumable={saved?.ok === true}
        savedAt={saved?.ok ? saved.value.savedAt : undefined}
        initialMode={answers.mode}
        onStart={(mode) => actor.send({ type: 'START', mode })}
        onImport={(text) => {
          if (text === null) { onNotice('import-too-large'); return; }
          const imported = importIntake(text, content, lang);
          if (!imported.ok) { onNotice(...importNotice(imported, lang)); return; }
          onNotice(imported.contentChanged ? 'import-content-changed' : null);
          savedWork.imported();
          actor.send({ type: 'RESTORE', answers: { ...imported.answers, notes: imported.notes }, step: 'result' });
        }}
        onResume={resume}
        onDiscard={() => { writeStorage(SAVE_KEY, null); savedWork.discarded(); actor.send({ type: 'START' }); }}
      />
    );
  }
  const Page = PAGES[step];
  return (
    <WizardUiContext.Provider value={ui}>
      {savedWork.panel}
      <ErrorBoundary key={step} fallback={(_reset, error) => (error instanceof ChunkLoadError ? <LoadFailure error={error} />
        : <PageError onBack={() => actor.send({ type: 'BACK' })} backLabel={t('pageError.back')} />)}>
        <Suspense fallback={<PageLoading />}>
          <ShownAfterLoading><Page /></ShownAfterLoading>
        </Suspense>
      </ErrorBoundary>
    </WizardUiContext.Provider>
  );
}

/**
 * Whether a page of this wizard waited for its code (PageLoading was shown): the page then takes the
 * focus and the title itself once it is there, as the wizard does for a page that renders at once.
 */
const pageWait = { shown: false };
function PageLoading() {
  const { t } = useTranslation();
  useEffect(() => { pageWait.shown = true; }, []);
  return <p className="loading">{t('app.loading')}</p>;
}
function ShownAfterLoading({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    if (!pageWait.shown) return;
    pageWait.shown = false;
    showPageTitle(t);
    // In a task of its own: a page opened from a link is shown (src/main.tsx) once its heading is in
    // the page, and a hidden heading cannot take the focus.
    const timer = setTimeout(() => document.querySelector<HTMLElement>('main h1')?.focus(), 0);
    return () => clearTimeout(timer);
  }, [t]);
  return children;
}
