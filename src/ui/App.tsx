// The app shell: header with the language switch, footer, notices, and the start page. It loads the
// wizard (machine, pages, content) only when it is needed, so the start page shows at once.
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGS, type Lang } from '../domain/types';
import { changeLanguage, LANG_KEY, loadAllStrings } from '../i18n';
import i18next from 'i18next';
import { isLang, loadContentFor } from './content';
import { formatDate } from '../domain/format';
import { ErrorBoundary } from './components/ErrorBoundary';
import { PageError } from './components/PageError';
import { StartPage } from './pages/StartPage';
import { readStorage, SAVE_KEY, writeStorage } from '../wizard/storage';
import { findShareLink, isShareFragment } from '../wizard/share-link';
import type { Entry, Notice } from './Wizard';

// The wizard with the content texts and all the strings of the active language.
const Wizard = lazy(async () => {
  const [module] = await Promise.all([import('./Wizard'), loadContentFor(isLang(i18next.language) ? i18next.language : 'nl'), loadAllStrings()]);
  return module;
});

// Advisors' batch triage (?batch): its own page, loaded only there.
const BatchPage = lazy(async () => (await Promise.all([import('./batch/BatchPage'), loadAllStrings()]))[0]);

export function App() {
  const { t, i18n } = useTranslation();
  // The share link the page was opened with (repaired if mail or copying damaged it, share-link.ts):
  // it opens the wizard straight on its result, or on the first question it leaves open.
  const [link] = useState(() => findShareLink(location));
  const hash = link?.fragment ?? location.hash;
  const [entry, setEntry] = useState<Entry | null>(() => (link ? { kind: 'link' } : null));
  const [notice, setNotice] = useState<Notice | null>(null);
  const resumable = readStorage(SAVE_KEY) !== null;
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

  const switchLanguage = async (next: Lang) => {
    await changeLanguage(next);
    writeStorage(LANG_KEY, next);
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
        {notice ? (
          <div className="panel panel--notice" role="status">
            <p>{t(`notice.${notice}`)}</p>
            <button type="button" className="link-button" onClick={() => setNotice(null)}>{t('notice.dismiss')}</button>
          </div>
        ) : null}
        {new URLSearchParams(location.search).has('batch') ? (
          <ErrorBoundary fallback={() => <PageError onBack={() => location.assign(location.pathname)} backLabel={t('pageError.home')} />}>
            <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
              <BatchPage />
            </Suspense>
          </ErrorBoundary>
        ) : entry ? (
          // Also catches a failed load of the wizard's code (e.g. offline before it was ever cached).
          <ErrorBoundary fallback={(reset) => <PageError onBack={() => { reset(); setEntry(null); }} backLabel={t('pageError.home')} />}>
            <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
              <Wizard entry={entry} hash={hash} onNotice={setNotice} />
            </Suspense>
          </ErrorBoundary>
        ) : (
          <StartPage
            resumable={resumable}
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
