// The batch job as messages: what the worker (batch.worker.ts) does with a request, and what the
// page does itself, a chunk at a time, where there is no Worker (see run.ts). The file is read a
// chunk at a time (Blob.slice) and streamed through CsvBatchStream, the CLI's code path; the result
// CSV is collected as Blob parts (the browser may keep them out of the JS heap), and only the rows
// the page shows are kept, so a file of 1,000,000 rows fits.
import type { Content } from '../../domain/content-model';
import type { Lang } from '../../domain/types';
import type { Notation } from '../../domain/numbers';
import { CsvBatchStream, FileProblemError, type BatchResult, type FileProblem, type RowView } from '../../domain/batch-file';

/** Bytes read per step: the worker reports progress (and the in-page fallback yields) after each. */
export const CHUNK_BYTES = 64 * 1024;
/** Characters of result text per Blob part (8 MiB of UTF-16 in the heap at most). */
const PART_CHARS = 4 * 1024 * 1024;
/** Rows kept for the table (and as many rows with an error, for "only errors"); the CSV holds them all. */
export const TABLE_ROWS = 200;

export interface BatchRequest {
  id: number;
  /** The file as chosen (a File is a Blob). */
  file: Blob;
  /** The content of `lang` (what the app loaded with loadContentFor). */
  content: Content;
  lang: Lang;
  /** The number notation chosen on the page (undefined: automatic). */
  notation?: Notation;
  chunkBytes?: number;
}

/** Progress of a job: bytes read of the file's size, and rows referred so far. */
export interface Progress { bytes: number; totalBytes: number; rows: number }

/** The result the page shows: the file info and counts, the first rows (and first error rows), the CSV as a Blob. */
export type BatchSummary = Omit<BatchResult, 'rows' | 'csv'> & { rows: RowView[]; errorRows: RowView[]; csv: Blob };

export type BatchResponse =
  | ({ id: number; type: 'progress' } & Progress)
  | { id: number; type: 'problem'; problem: FileProblem }
  | { id: number; type: 'done'; result: BatchSummary }
  | { id: number; type: 'error'; message: string };

const readChunk = (blob: Blob): Promise<ArrayBuffer> => {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
};

/**
 * Reads, refers and answers: a progress message after every chunk, then the result (or why the
 * file cannot be read). `pause` runs between chunks (the in-page fallback yields to the browser
 * there); `cancelled` stops the job between chunks.
 */
export async function runBatchRequest(req: BatchRequest, post: (m: BatchResponse) => void, pause?: () => Promise<void>, cancelled: () => boolean = () => false): Promise<void> {
  const { id, file } = req;
  const step = req.chunkBytes ?? CHUNK_BYTES;
  const rows: RowView[] = [];
  const errorRows: RowView[] = [];
  const stream = new CsvBatchStream(req.content, { lang: req.lang, notation: req.notation }, (v) => {
    if (rows.length < TABLE_ROWS) rows.push(v);
    if (v.error !== undefined && errorRows.length < TABLE_ROWS) errorRows.push(v);
  });
  // The result text, a Blob per PART_CHARS: few parts (the page receives the Blob at once, and a
  // Blob of thousands of small parts made its main thread stall for a second at the end).
  const parts: BlobPart[] = [];
  let text = '';
  const collect = (out: string, final = false) => {
    text += out;
    if (text.length >= PART_CHARS || (final && text)) {
      parts.push(new Blob([text]));
      text = '';
    }
  };
  try {
    post({ id, type: 'progress', bytes: 0, totalBytes: file.size, rows: 0 });
    for (let at = 0; at < file.size; at += step) {
      if (pause) await pause();
      if (cancelled()) return;
      collect(stream.push(new Uint8Array(await readChunk(file.slice(at, at + step)))));
      post({ id, type: 'progress', bytes: Math.min(at + step, file.size), totalBytes: file.size, rows: stream.counts.answered + stream.counts.failed });
    }
    collect(stream.end(), true);
    // A UTF-8 BOM, so Excel reads the download as UTF-8.
    const csv = new Blob(['\uFEFF', ...parts], { type: 'text/csv;charset=utf-8' });
    post({ id, type: 'done', result: { ...stream.info!, encoding: stream.encoding, ...stream.counts, lang: req.lang, rows, errorRows, csv } });
  } catch (e) {
    if (e instanceof FileProblemError) post({ id, type: 'problem', problem: e.problem });
    else post({ id, type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
