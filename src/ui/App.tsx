// The app shell: runs the wizard machine, keeps the browser history, saved progress and share links
// in step with it, moves focus to each page's heading, and offers the language switch on every page.
import { useActorRef, useSelector } from '@xstate/react';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGS, type Lang } from '../domain/types';
import { changeLanguage, LANG_KEY } from '../i18n';
import type { Step } from '../wizard/answers';
import { wizardMachine, type WizardEvent } from '../wizard/machine';
import { decodeShareFragment, isShareFragment, parseSaved, SAVE_KEY, serialiseSaved, type Saved } from '../wizard/persistence';
import { content, useLang } from './content';
import { formatDate } from './format';
import { CheckPage } from './pages/CheckPage';
import { FiguresPage } from './pages/FiguresPage';
import { IntroducedPage, PracticesPage } from './pages/InnovationPages';
import { NeedsPage } from './pages/NeedsPage';
import { OwnershipPage } from './pages/OwnershipPage';
import { RegionPage } from './pages/RegionPage';
import { ResultPage } from './pages/ResultPage';
import { SectorPage } from './pages/SectorPage';
import { StaffPage } from './pages/StaffPage';
import { StartPage } from './pages/StartPage';
import { WizardUiContext, type WizardUi } from './wizard-context';

type Notice = 'link-damaged' | 'link-outdated' | 'link-invalid' | 'saved-damaged' | 'storage-unavailable';

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string | null): boolean {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** What the page load brings: a share link, saved progress, or a notice that either was unusable. */
function initialState(): { saved: Saved | null; shared: Saved['answers'] | null; notice: Notice | null } {
  const hash = location.hash;
  if (isShareFragment(hash)) {
    const decoded = decodeShareFragment(hash, content);
    history.replaceState(null, '', location.pathname + location.search);
    if (decoded.ok) return { saved: null, shared: decoded.value, notice: null };
    const saved = parseSaved(readStorage(SAVE_KEY));
    return { saved: saved?.ok ? saved.value : null, shared: null, notice: `link-${decoded.problem === 'outdated' ? 'outdated' : decoded.problem === 'invalid' ? 'invalid' : 'damaged'}` };
  }
  const saved = parseSaved(readStorage(SAVE_KEY));
  if (saved && !saved.ok) return { saved: null, shared: null, notice: 'saved-damaged' };
  return { saved: saved?.ok ? saved.value : null, shared: null, notice: null };
}

const PAGES: Record<Exclude<Step, 'start'>, () => ReactNode> = {
  region: RegionPage,
  staff: StaffPage,
  figures: FiguresPage,
  ownership: OwnershipPage,
  sector: SectorPage,
  introduced: IntroducedPage,
  practices: PracticesPage,
  needs: NeedsPage,
  check: CheckPage,
  result: ResultPage,
};

export function App() {
  const { t, i18n } = useTranslation();
  const { lang } = useLang();
  const boot = useMemo(initialState, []);
  const actor = useActorRef(wizardMachine, { input: undefined });
  const step = useSelector(actor, (s) => s.value as Step);
  const answers = useSelector(actor, (s) => s.context.answers);
  const [notice, setNotice] = useState<Notice | null>(boot.notice);
  const [resumable, setResumable] = useState<Saved | null>(boot.saved && Object.keys(boot.saved.answers).length ? boot.saved : null);
  const drafts = useRef<WizardUi['drafts']>({});
  const fromPopState = useRef(false);
  const firstRender = useRef(true);

  // A share link opens its result straight away.
  useEffect(() => {
    if (boot.shared) actor.send({ type: 'RESTORE', answers: boot.shared, step: 'result' });
  }, [actor, boot.shared]);

  // Save progress on every change (not while an earlier save is waiting for the user's choice).
  useEffect(() => {
    if (resumable) return;
    if (step === 'start' && Object.keys(answers).length === 0) return;
    if (!writeStorage(SAVE_KEY, serialiseSaved(answers, step))) setNotice((n) => n ?? 'storage-unavailable');
  }, [answers, step, resumable]);

  // Browser history: every page is a history entry; the back button walks the machine back.
  useEffect(() => {
    if (fromPopState.current) fromPopState.current = false;
    else if (firstRender.current) history.replaceState({ step }, '');
    else history.pushState({ step }, '');
    // Focus the page heading on every page change (not on the very first load).
    if (!firstRender.current) document.querySelector<HTMLElement>('main h1')?.focus();
    firstRender.current = false;
    document.title = `${document.querySelector('main h1')?.textContent ?? ''} - ${t('app.title')}`;
  }, [step]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const onPop = (e: PopStateEvent) => {
      const target = (e.state as { step?: Step } | null)?.step;
      if (!target) return;
      fromPopState.current = true;
      actor.send({ type: 'GOTO', step: target });
      // When the guard refused (an answer was changed since), keep the entry in step with the page.
      const now = actor.getSnapshot().value as Step;
      if (now !== target) { fromPopState.current = false; history.replaceState({ step: now }, ''); }
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, [actor]);

  useEffect(() => {
    document.title = `${document.querySelector('main h1')?.textContent ?? ''} - ${t('app.title')}`;
  }, [lang, t]);

  const send = useCallback((e: WizardEvent) => {
    if (e.type === 'RESTART') { drafts.current = {}; writeStorage(SAVE_KEY, null); }
    actor.send(e);
  }, [actor]);

  const ui: WizardUi = {
    step,
    answers,
    send,
    drafts: drafts.current,
    saveDraft: (s, values) => { drafts.current[s] = values; },
  };

  const switchLanguage = async (next: Lang) => {
    await changeLanguage(next);
    writeStorage(LANG_KEY, next);
  };

  const Page = step === 'start' ? null : PAGES[step];
  return (
    <WizardUiContext.Provider value={ui}>
      <a href="#main" className="skip-link">{t('app.skip')}</a>
      <header className="header">
        <div className="container header-inner">
          <span className="brand">{t('app.title')}</span>
          <nav aria-label={t('lang.label')} className="lang-switch">
            <ul>
              {LANGS.map((l) => (
                <li key={l}>
                  <button type="button" className="link-button" lang={l} aria-current={l === i18n.language ? 'true' : undefined} onClick={() => void switchLanguage(l)}>
                    {t(`lang.${l}`)}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="container" tabIndex={-1}>
        {notice ? (
          <div className="panel panel--notice" role="status">
            <p>{t(`notice.${notice}`)}</p>
            <button type="button" className="link-button" onClick={() => setNotice(null)}>{t('notice.dismiss')}</button>
          </div>
        ) : null}
        {Page ? <Page key={step} /> : (
          <StartPage
            resumable={resumable !== null}
            onResume={() => { const saved = resumable!; setResumable(null); actor.send({ type: 'RESTORE', answers: saved.answers, step: saved.step }); }}
            onDiscard={() => { setResumable(null); writeStorage(SAVE_KEY, null); actor.send({ type: 'START' }); }}
          />
        )}
      </main>
      <footer className="footer">
        <div className="container">
          <p>{t('footer.privacy')}</p>
          <p>{t('footer.contentVersion', { version: formatDate(content.meta.contentVersion, i18n.language) })}</p>
        </div>
      </footer>
    </WizardUiContext.Provider>
  );
}
