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
 * A lazily loaded component whose load is retried (withRetry) and whose failure is a ChunkLoadError
 * (the error boundary tells it from a bug in a page). React keeps a lazy component's failure, so
 * `retry()` makes a new one: the next render loads anew (the "try again" button).
 */
export function retryableLazy<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  const make = () => lazy(() => withRetry(load).catch((e: unknown) => { throw new ChunkLoadError(e); }));
  let Current = make();
  function Retryable(props: P) {
    return createElement(Current, props);
  }
  return Object.assign(Retryable, { retry: () => { Current = make(); } });
}

/** Why a load failed: no connection, or the server answers but no longer has this version's file. */
export type LoadProblem = 'offline' | 'gone';

export function useLoadProblem(): LoadProblem | null {
  const [problem, setProblem] = useState<LoadProblem | null>(null);
  useEffect(() => {
    let live = true;
    void serverReachable().then((up) => { if (live) setProblem(up ? 'gone' : 'offline'); });
    return () => { live = false; };
  }, []);
  return problem;
}

/**
 * Shown instead of a part of the app that could not be loaded. `onRetry` tries the load again (in
 * this page); when the server is up but the file is gone (a new version replaced it), the page is
 * reloaded into the new version with the saved progress reopened.
 */
export function LoadFailure({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  const problem = useLoadProblem();
  useEffect(() => { document.querySelector<HTMLElement>('main h1')?.focus(); }, []);
  return (
    <div role="alert">
      <PageHeading>{problem === 'gone' ? t('connection.goneTitle') : t('connection.offlineTitle')}</PageHeading>
      <p>{problem === 'gone' ? t('connection.goneText') : t('connection.offlineText')}</p>
      <p>{t('connection.answersKept')}</p>
      <button type="button" className="button" onClick={problem === 'gone' ? reloadKeepingProgress : onRetry}>
        {problem === 'gone' ? t('connection.reload') : t('connection.retry')}
      </button>
    </div>
  );
}
