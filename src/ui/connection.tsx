// Loading parts of the app (lazy chunks, a language's strings and texts) when the connection may be
// gone: retried a few times, then explained. The message says what happened (no connection, or this
// version's files are gone from the server after a new version was put online), that the answers are
// kept on this device, and offers to try again. Never a dead end, never an unhandled rejection.
import { createElement, lazy, useEffect, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from './components/PageHeading';
import { reloadKeepingProgress } from './service-worker';

/** Pauses between the attempts of `withRetry`, in ms (a dropped packet, a server restarting). */
const RETRY_DELAYS_MS = [400, 1200];

/** Runs `load`, and again after each of RETRY_DELAYS_MS while it fails; rejects with the last error. */
export async function withRetry<T>(load: () => Promise<T>, delays: readonly number[] = RETRY_DELAYS_MS): Promise<T> {
  for (const delay of delays) {
    try {
      return await load();
    } catch {
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  return load();
}

/**
 * Whether the server can be reached at all: any answer (even a 404) counts. The service worker
 * never answers sw.js from its cache, so this goes to the network.
 */
export async function serverReachable(): Promise<boolean> {
  if (!navigator.onLine) return false;
  try {
    await fetch(`/sw.js?connection-check=${Date.now()}`, { method: 'HEAD', cache: 'no-store' });
    return true;
  } catch {
    return false;
  }
}

/** A part of the app (a lazy chunk and what it needs) that could not be loaded, even after the retries. */
export class ChunkLoadError extends Error {
  constructor(cause: unknown) {
    super('a part of the app could not be loaded', { cause });
    this.name = 'ChunkLoadError';
  }
}

/**
 * A lazily loaded component whose load is retried a few times (withRetry) and whose failure is a
 * ChunkLoadError (the error boundary tells it from a bug in a page, and shows LoadFailure).
 */
export function retryableLazy<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  let ready: ComponentType<P> | null = null;
  const keep = (module: { default: ComponentType<P> }) => { ready = module.default; return module; };
  const Lazy = lazy(() => withRetry(load).then(keep).catch((e: unknown) => { throw new ChunkLoadError(e); }));
  // Once loaded (preload, or an earlier render), rendered directly: no fallback in between, and no
  // wait for React's throttling of a Suspense boundary that reveals its content (up to 300 ms).
  const Component = (props: P) => (ready ? createElement(ready, props) : createElement(Lazy, props));
  /** Loads it ahead of its first render (a failure is left to that render, which explains it). */
  Component.preload = (): Promise<void> => withRetry(load).then(keep).then(() => undefined, () => undefined);
  return Component;
}

/** Why a load failed: no connection, or the server answers but no longer has this version's file. */
export type LoadProblem = 'offline' | 'gone';

/** The address of the file a failed dynamic import names (Chromium, Firefox and Safari name it in the message). */
function failedUrl(error: unknown): string | null {
  const message = String((error as { cause?: unknown } | null)?.cause ?? error);
  const m = /(https?:\/\/\S+?\.(?:m?js|css))/.exec(message);
  return m && m[1]!.startsWith(location.origin) ? m[1]! : null;
}

/** Offline when the server cannot be reached; gone when it answers 404 for the file that failed; else offline (it failed just now). */
export async function diagnose(error: unknown): Promise<LoadProblem> {
  if (!(await serverReachable())) return 'offline';
  const url = failedUrl(error);
  if (!url) return 'offline';
  const answer = await fetch(url, { method: 'HEAD', cache: 'no-store' }).catch(() => null);
  return answer?.status === 404 ? 'gone' : 'offline';
}

/**
 * Tries again: once the server can be reached, the page reloads and reopens the saved progress (a
 * browser keeps a failed module load for the page's life, so only a reload loads it anew). Returns
 * false, and does nothing, while the server still cannot be reached.
 */
export async function retryByReload(): Promise<boolean> {
  if (!(await serverReachable())) return false;
  reloadKeepingProgress();
  return true;
}

/**
 * Shown instead of a part of the app that could not be loaded (`error`): what happened (no connection,
 * or a new version replaced this one's files), that the answers are kept, and a way on that works once
 * the server can be reached (a reload that reopens the saved progress).
 */
export function LoadFailure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<LoadProblem | null>(null);
  /** A retry found the connection still gone: said, so the button visibly did something. */
  const [stillOffline, setStillOffline] = useState(false);
  useEffect(() => {
    let live = true;
    void diagnose(error).then((p) => { if (live) setProblem(p); });
    return () => { live = false; };
  }, [error]);
  useEffect(() => { document.querySelector<HTMLElement>('main h1')?.focus(); }, []);
  const gone = problem === 'gone';
  return (
    <div role="alert">
      <PageHeading>{gone ? t('connection.goneTitle') : t('connection.offlineTitle')}</PageHeading>
      <p>{gone ? t('connection.goneText') : t('connection.offlineText')}</p>
      <p>{t('connection.answersKept')}</p>
      <button type="button" className="button" onClick={() => void retryByReload().then((done) => setStillOffline(!done))}>
        {gone ? t('connection.reload') : t('connection.retry')}
      </button>
      <p role="status">{stillOffline ? t('connection.stillOffline') : ''}</p>
    </div>
  );
}
