// The app shell: header with the language switch, footer, notices, and the start page. It loads the
// wizard (machine, pages, content) only when it is needed, so the start page shows at once.
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGS, type Lang } from '../domain/types';
import { changeLanguage, LANG_KEY, loadAllStrings } from '../i18n';
import i18next from 'i18next';
import { isLang, loadContentFor } from './content';
import { formatDate } from '../domain/format';
import { ErrorBoundary } from './components/ErrorBoundary';
import { PageError } from './components/PageError';
import { StartPage } from './pages/StartPage';
import { readStorage, SAVE_KEY, savedAtOf, writeStorage } from '../wizard/storage';
import { findShareLink, isOwnerLink, isShareFragment } from '../wizard/share-link';
import type { Entry, Notice, NoticeValues } from './Wizard';
import { ChunkLoadError, LoadFailure, retryableLazy, retryByReload, withRetry } from './connection';
import { setSafeToReload, takeResumeAfterUpdate } from './service-worker';
import { UpdateBanner } from './UpdateBanner';
import { takeDeskHandoff } from './desk/handoff';

// The wizard with the content texts and all the strings of the active language, and advisors' batch
// triage (?batch), each loaded only when needed: retried, then explained (connection.tsx). After a
// failure, "try again" loads anew (retryableLazy).
export const Wizard = retryableLazy(async () => {
  // An owner's share link opens without the texts about the firm (client and intake mode): content.ts.
  const link = findShareLink(location);
  const about = !link || !isOwnerLink(link);
  const [module] = await Promise.all([import('./Wizard'), loadContentFor(isLang(i18next.language) ? i18next.language : 'nl', { about }), loadAllStrings()]);
  // The question pages come with it, except for a share link: its result does not need them (the
  // wizard loads them in the background once the result is there).
  if (!link) await module.preloadQuestionPages();
  // The client and intake tools likewise, except for an owner's link (its result has none).
  if (about) await module.preloadModeTools();
  await module.prepareContent(link?.fragment ?? null);
  return module;
});
const BatchPage = retryableLazy(async () => (await Promise.all([import('./batch/BatchPage'), loadAllStrings({ desk: true })]))[0]);
// The intermediary's desk (?desk), with the content of the active language (it refers every saved firm again).
const DeskPage = retryableLazy(async () => (await Promise.all([import('./desk/DeskPage'), loadContentFor(isLang(i18next.language) ? i18next.language : 'nl'), loadAllStrings({ desk: true })]))[0]);

export function App() {
  const { t, i18n } = useTranslation();
  // The share link the page was opened with (repaired if mail or copying damaged it, share-link.ts):
  // it opens the wizard straight on its result, or on the first question it leaves open.
  const [link] = useState(() => findShareLink(location));
  const hash = link?.fragment ?? location.hash;
  // After a reload into a new version (service-worker.ts), straight back to the saved progress.
  // An entry opened from the desk (desk/handoff.ts) opens the wizard on its answers.
  const [entry, setEntry] = useState<Entry | null>(() => {
    if (link) return { kind: 'link' };
    const fromDesk = takeDeskHandoff();
    return fromDesk !== null ? { kind: 'desk', text: fromDesk } : takeResumeAfterUpdate() ? { kind: 'resume' } : null;
  });
  /** A language the switch could not load (no connection): said, with a retry. */
  const [langFailed, setLangFailed] = useState<Lang | null>(null);
  const [langStillOffline, setLangStillOffline] = useState(false);
  const [notice, setNoticeState] = useState<{ key: Notice; values?: NoticeValues } | null>(null);
  const setNotice = (key: Notice | null, values?: NoticeValues) => setNoticeState(key ? { key, values } : null);
  const resumable = readStorage(SAVE_KEY) !== null;
  const savedAt = resumable ? savedAtOf(readStorage(SAVE_KEY)) : undefined;
  // Tells tests and tools that React has taken over the prerendered start page.
  useEffect(() => { document.documentElement.dataset.ready = 'true'; }, []);
  // A link whose "#" was encoded into the path ("/%23r=..."): the path goes back to the app's own
  // (the wizard takes the fragment out of the address bar once it has read it).
  useEffect(() => {
    if (link && location.pathname + location.search !== link.address) history.replaceState(null, '', link.address + location.hash);
  }, [link]);
  // A share link pasted into an open tab changes only the fragment: open it as a fresh visit.
  useEffect(() => {
    const onHash = () => { if (isShareFragment(location.hash)) location.reload(); };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  // The start page itself loses nothing on a reload (the wizard says so for its own pages).
  useEffect(() => { if (!entry) setSafeToReload(true); }, [entry]);

  const switchLanguage = async (next: Lang) => {
    try {
      await withRetry(() => changeLanguage(next));
      setLangFailed(null);
      writeStorage(LANG_KEY, next);
    } catch {
      setLangFailed(next);
      setLangStillOffline(false);
    }
  };
  const loadFailure = (error: unknown) => <LoadFailure error={error} />;
  /** A retry of a language that could not load: once the server answers, a reload in that language (keeping the saved progress). */
  const retryLanguage = async (next: Lang) => {
    writeStorage(LANG_KEY, next);
    if (await retryByReload()) return;
    writeStorage(LANG_KEY, i18n.language);
    setLangStillOffline(true);
  };

  return (
    <>
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
        <UpdateBanner />
        {langFailed ? (
          <div className="panel panel--warning" role="alert">
            <p>{t('connection.languageFailed', { language: t(`lang.${langFailed}`) })} {t('connection.answersKept')}</p>
            <div className="button-group">
              <button type="button" className="button button--secondary" onClick={() => void retryLanguage(langFailed)}>{t('connection.retry')}</button>
              <button type="button" className="link-button" onClick={() => setLangFailed(null)}>{t('notice.dismiss')}</button>
            </div>
            <p role="status">{langStillOffline ? t('connection.stillOffline') : ''}</p>
          </div>
        ) : null}
        {notice ? (
          <div className="panel panel--notice" role="status">
            <p>{t(`notice.${notice.key}`, notice.values)}</p>
            <button type="button" className="link-button" onClick={() => setNotice(null)}>{t('notice.dismiss')}</button>
          </div>
        ) : null}
        {new URLSearchParams(location.search).has('batch') ? (
          <ErrorBoundary fallback={(reset, error) => (error instanceof ChunkLoadError ? loadFailure(error) : <PageError onBack={() => location.assign(location.pathname)} backLabel={t('pageError.home')} />)}>
            <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
              <BatchPage />
            </Suspense>
          </ErrorBoundary>
        ) : new URLSearchParams(location.search).has('desk') ? (
          <ErrorBoundary fallback={(reset, error) => (error instanceof ChunkLoadError ? loadFailure(error) : <PageError onBack={() => location.assign(location.pathname)} backLabel={t('pageError.home')} />)}>
            <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
              <DeskPage />
            </Suspense>
          </ErrorBoundary>
        ) : entry ? (
          // A failed load of the wizard's code (e.g. offline before it was ever cached) says so, with a retry.
          <ErrorBoundary fallback={(reset, error) => (error instanceof ChunkLoadError ? loadFailure(error)
            : <PageError onBack={() => { reset(); setEntry(null); }} backLabel={t('pageError.home')} />)}>
            <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
              <Wizard entry={entry} hash={hash} onNotice={setNotice} />
            </Suspense>
          </ErrorBoundary>
        ) : (
          <StartPage
            resumable={resumable}
            savedAt={savedAt}
            onStart={(mode) => setEntry({ kind: 'start', mode })}
            onResume={() => setEntry({ kind: 'resume' })}
            onDiscard={() => { writeStorage(SAVE_KEY, null); setEntry({ kind: 'start', mode: 'owner' }); }}
            onImport={(text) => (text === null ? setNotice('import-too-large') : setEntry({ kind: 'import', text }))}
          />
        )}
      </main>
      <footer className="footer">
        <div className="container">
          <p>{t('footer.privacy')}</p>
          <p>{t('footer.contentVersion', { version: formatDate(__CONTENT_VERSION__, i18n.language) })}</p>
        </div>
      </footer>
    </>
  );
}
