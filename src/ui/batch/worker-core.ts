// The batch job as messages: what the worker (batch.worker.ts) does with a request, and what the
// page does itself, a chunk at a time, where there is no Worker (see run.ts).
import type { Content } from '../../domain/content-model';
import type { Lang } from '../../domain/types';
import { CHUNK_ROWS, prepareCsv, referInChunks, type BatchResult, type FileProblem } from '../../domain/batch-file';

export interface BatchRequest {
  id: number;
  /** The file as read from disk. */
  bytes: Uint8Array;
  /** The content of `lang` (what the app loaded with loadContentFor). */
  content: Content;
  lang: Lang;
  chunk?: number;
}

export type BatchResponse =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'problem'; problem: FileProblem }
  | { id: number; type: 'done'; result: BatchResult }
  | { id: number; type: 'error'; message: string };

/**
 * Reads, refers and answers: a progress message after every chunk, then the result (or why the
 * file cannot be read). `pause` runs between chunks (the in-page fallback yields to the browser there).
 */
export async function runBatchRequest(req: BatchRequest, post: (m: BatchResponse) => void, pause?: () => Promise<void>): Promise<void> {
  const { id } = req;
  try {
    const read = prepareCsv(req.bytes);
    if (!read.ok) {
      post({ id, type: 'problem', problem: read.problem });
      return;
    }
    post({ id, type: 'progress', done: 0, total: read.prepared.rows.length });
    if (pause) await pause();
    const run = referInChunks(read.prepared, req.content, req.lang, req.chunk ?? CHUNK_ROWS);
    for (;;) {
      const step = run.next();
      if (step.done) {
        post({ id, type: 'done', result: step.value });
        return;
      }
      post({ id, type: 'progress', ...step.value });
      if (pause) await pause();
    }
  } catch (e) {
    post({ id, type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
