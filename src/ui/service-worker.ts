// The page's side of the service worker (sw.js, written by vite.config.ts `offlinePlugin`): registers it,
// tells it which build this page shows (so it keeps that build's files while the page is open), and
// notices a new build that is installed and waiting. The app offers the new version only at a moment
// that loses nothing (`setSafeToReload`): then the new worker takes over and the page reloads, reopening
// the saved progress where it was.
import { useSyncExternalStore } from 'react';

/** sessionStorage key: set just before the reload into a new version, so the app reopens the saved progress. */
const RESUME_AFTER_UPDATE = 'innovatiewijzer.resumeAfterUpdate';

/** The build this page was loaded from (index.html's meta, written by the build); '' in development. */
export function pageBuild(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="innovatiewijzer-build"]')?.content ?? '';
}

let waiting: ServiceWorker | null = null;
let safe = false;
const listeners = new Set<() => void>();
const emit = () => { for (const l of listeners) l(); };

function tellBuild() {
  const build = pageBuild();
  if (build) navigator.serviceWorker.controller?.postMessage({ type: 'build', build });
}

function watch(registration: ServiceWorkerRegistration) {
  const found = (worker: ServiceWorker | null) => {
    if (!worker) return;
    const check = () => {
      // Only an update: on the very first visit there is no controller and nothing to offer.
      if (worker.state === 'installed' && navigator.serviceWorker.controller) { waiting = worker; emit(); }
    };
    check();
    worker.addEventListener('statechange', check);
  };
  found(registration.waiting);
  registration.addEventListener('updatefound', () => found(registration.installing));
  // A tab left open for days still hears of a new build: look when it is shown again.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') registration.update().catch(() => undefined);
  });
}

/** Registers sw.js some time after the page has loaded (production builds only; see below for when). */
export function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  container.addEventListener('controllerchange', tellBuild);
  // Back from the back-forward cache: the worker may have forgotten this page.
  addEventListener('pageshow', (e: PageTransitionEvent) => { if (e.persisted) tellBuild(); });
  const register = () => {
    tellBuild();
    container.register('/sw.js').then(watch).catch(() => undefined);
  };
  // Not while the page is still settling: installing the worker fetches and caches every file of the
  // build (~600 KB gzip), which on a slow phone competes with the page the visitor opened (Lighthouse,
  // a share link's result, 2026-11-30: total blocking time 590 ms with it at load; 110-340 ms with it
  // 10 s later). Ten seconds after load, when the browser is idle, or at once when the visitor leaves.
  const later = () => {
    let done = false;
    const once = () => { if (!done) { done = true; removeEventListener('pagehide', once); register(); } };
    addEventListener('pagehide', once);
    setTimeout(() => (typeof requestIdleCallback === 'function' ? requestIdleCallback(once, { timeout: 2000 }) : once()), REGISTER_DELAY_MS);
  };
  if (document.readyState === 'complete') later();
  else addEventListener('load', later);
}

/** How long after load the worker is registered, in ms (see registerServiceWorker). */
const REGISTER_DELAY_MS = 10000;

/** The wizard and the app shell say whether reloading now would lose anything (unsaved typing, a shared result not saved). */
export function setSafeToReload(value: boolean) {
  if (safe === value) return;
  safe = value;
  emit();
}

const subscribe = (l: () => void) => { listeners.add(l); return () => { listeners.delete(l); }; };

/** Whether to show "a new version is ready": one is waiting and the page is at a moment that loses nothing. */
export function useUpdateReady(): boolean {
  return useSyncExternalStore(subscribe, () => waiting !== null && safe, () => false);
}

/** Lets the waiting worker take over, then reloads; the reloaded app reopens the saved progress. */
export function applyUpdate() {
  const worker = waiting;
  if (!worker) return;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    try { sessionStorage.setItem(RESUME_AFTER_UPDATE, '1'); } catch { /* the saved progress is still offered on the start page */ }
    location.reload();
  }, { once: true });
  worker.postMessage({ type: 'skip-waiting' });
}

/** Reload the page at once (e.g. a chunk of this build is gone from the server), reopening the saved progress. */
export function reloadKeepingProgress() {
  try { sessionStorage.setItem(RESUME_AFTER_UPDATE, '1'); } catch { /* see applyUpdate */ }
  location.reload();
}

/** Whether this load is such a reload (without taking the mark: the app does that). */
export function resumingAfterUpdate(): boolean {
  try {
    return sessionStorage.getItem(RESUME_AFTER_UPDATE) !== null;
  } catch {
    return false;
  }
}

/** True once after a reload into a new version: the app opens the saved progress instead of the start page. */
export function takeResumeAfterUpdate(): boolean {
  try {
    const set = sessionStorage.getItem(RESUME_AFTER_UPDATE) !== null;
    sessionStorage.removeItem(RESUME_AFTER_UPDATE);
    return set;
  } catch {
    return false;
  }
}
