// Starts the app: strings of the visitor's language, then React over the prerendered start page.
import { startTransition, StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { App, Wizard } from './ui/App';
import { preferredLanguage } from './ui/loaders';
import { readStorage, SAVE_KEY } from './wizard/storage';
import { findShareLink } from './wizard/share-link';
import { registerServiceWorker, resumingAfterUpdate } from './ui/service-worker';
import { deskHandoffPending } from './ui/desk/handoff';

const root = document.getElementById('root')!;
// A share link opens on its result: do not show the prerendered start page meanwhile.
const lang = preferredLanguage();
// (Also a link damaged on its way: share-link.ts.)
const shareLink = findShareLink(location) !== null;
// (src/main.tsx has already requested the wizard, the content and the strings it needs.)
if (shareLink) root.replaceChildren();
// (After a reload into a new version the app reopens the saved progress: no start page either.)
// Nor on the desk (?desk), or when the desk is opening one of its entries (desk/handoff.ts).
const startPage = !shareLink && !location.hash && !new URLSearchParams(location.search).has('batch') && !new URLSearchParams(location.search).has('desk') && !deskHandoffPending() && !resumingAfterUpdate();
// The start page needs only its own strings; the wizard and the batch page load the rest.
// A share link opens on the result: the wizard's code (requested by src/main.tsx) is awaited here, so
// the first render is the result itself, not a loading line that React then replaces.
// (After the strings: the wizard loads the content of i18next's language. Both were requested already.)
await initI18n(lang, startPage ? 'start' : 'all');
if (shareLink) await Wizard.preload();
const app = (
  <StrictMode>
    <App />
  </StrictMode>
);
// The prerendered start page (index.html) is exactly what the app first renders for a Dutch visitor
// without saved progress: React takes it over as it is. Anyone else gets a fresh render.
if (!startPage) root.replaceChildren();
if (startPage && lang === 'nl' && readStorage(SAVE_KEY) === null && root.firstElementChild) hydrateRoot(root, app);
// A transition: React renders in slices and leaves the main thread free in between.
else startTransition(() => createRoot(root).render(app));

// Offline after the first visit, and new builds without breaking this page (the build writes sw.js, see
// vite.config.ts; src/ui/service-worker.ts); registered once the page has loaded.
if (import.meta.env.PROD) registerServiceWorker();
