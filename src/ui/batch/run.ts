// Starts a batch job in a Web Worker, or, where there is none (or it fails to start), in the page
// itself a chunk at a time with a pause between chunks, so the page keeps answering either way.
import type { Content } from '../../domain/content-model';
import type { Notation } from '../../domain/numbers';
import type { Lang } from '../../domain/types';
import type { FileProblem } from '../../domain/batch-file';
import { runBatchRequest, type BatchRequest, type BatchResponse, type BatchSummary, type Progress } from './worker-core';

export interface BatchHandlers {
  onProgress(progress: Progress): void;
  onDone(result: BatchSummary): void;
  onProblem(problem: FileProblem): void;
  onError(message: string): void;
}

let nextId = 1;

/** A browser task boundary: lets the page paint and handle input between chunks. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Runs the job on `file`; returns a function that cancels it (the worker is ended, its messages dropped). */
export function startBatch(file: Blob, content: Content, lang: Lang, notation: Notation | undefined, handlers: BatchHandlers): () => void {
  const req: BatchRequest = { id: nextId++, file, content, lang, notation };
  let finished = false;
  let cancelled = false;
  const deliver = (m: BatchResponse) => {
    if (cancelled || finished || m.id !== req.id) return;
    if (m.type === 'progress') return handlers.onProgress({ bytes: m.bytes, totalBytes: m.totalBytes, rows: m.rows });
    finished = true;
    if (m.type === 'done') handlers.onDone(m.result);
    else if (m.type === 'problem') handlers.onProblem(m.problem);
    else handlers.onError(m.message);
  };
  const inPage = () => {
    if (!cancelled) void runBatchRequest(req, deliver, nextTask, () => cancelled);
  };

  let worker: Worker | undefined;
  if (typeof Worker !== 'undefined') {
    try {
      worker = new Worker(new URL('./batch.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      worker = undefined;
    }
  }
  if (!worker) {
    inPage();
    return () => { cancelled = true; };
  }
  const w = worker;
  let heard = false;
  w.onmessage = (e: MessageEvent<BatchResponse>) => {
    heard = true;
    deliver(e.data);
    if (finished) w.terminate();
  };
  // A worker that cannot start (blocked, failed to load) says nothing: do the job in the page.
  w.onerror = (e) => {
    e.preventDefault();
    w.terminate();
    if (!heard) inPage();
    else deliver({ id: req.id, type: 'error', message: e.message || 'the batch worker stopped' });
  };
  w.postMessage(req);
  return () => {
    cancelled = true;
    w.terminate();
  };
}
