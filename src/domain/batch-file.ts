// A batch file as people bring it: bytes in, the result CSV and a view per row out. One code path
// for the CLI (`npm run refer -- FILE.csv`) and the browser's batch page: the worker
// (src/ui/batch/batch.worker.ts) and the in-page fallback run `referInChunks`; the CLI and the
// tests run `processCsv`, which is the same to the end in one go. Every row goes through
// rowToProfileInput/referOne and the output through batchToCsv (batch.ts).
import type { Content } from './content-model';
import { batchToCsv, hasProfileColumns, readHeader, referOne, resultCells, rowToProfileInput, type BatchItem, type CsvBatch } from './batch';
import { CsvError, decodeCsvBytes, detectDelimiter, looksBinary, MAX_CSV_BYTES, parseCsv, type Delimiter } from './csv';
import type { Lang, Segment, SizeClass, TechClass } from './types';

/** Rows per chunk: the worker reports progress (and the in-page fallback yields) after each. */
export const CHUNK_ROWS = 250;

/** Why a file cannot be read; the batch page words each in the user's language, the CLI in English. */
export type FileProblem =
  | { kind: 'too-large'; bytes: number }
  | { kind: 'empty' }
  | { kind: 'not-text' }
  | { kind: 'json' }
  | { kind: 'unclosed-quote'; line: number }
  | { kind: 'no-header' };

/** The encoding a file was read in (decodeCsvBytes). */
export type Encoding = ReturnType<typeof decodeCsvBytes>['encoding'];

/**
 * The checks every file gets, CSV or JSON, in the CLI and the browser alike: at most MAX_CSV_BYTES
 * (10 MiB), decoded as Excel writes it (decodeCsvBytes), and no binary data (an image, an .xlsx).
 * A problem is returned, never thrown.
 */
export function readTextFile(bytes: Uint8Array): { ok: true; text: string; encoding: Encoding } | { ok: false; problem: Extract<FileProblem, { kind: 'too-large' | 'not-text' }> } {
  if (bytes.length > MAX_CSV_BYTES) return { ok: false, problem: { kind: 'too-large', bytes: bytes.length } };
  const { text, encoding } = decodeCsvBytes(bytes);
  if (looksBinary(text)) return { ok: false, problem: { kind: 'not-text' } };
  return { ok: true, text, encoding };
}

/** A file read and split into rows, not yet referred. */
export interface PreparedCsv {
  encoding: Encoding;
  delimiter: Delimiter;
  header: string[];
  ignoredColumns: string[];
  rows: string[][];
}

/** What the page shows of one row (the CSV holds the rest). */
interface RowView {
  /** The row in the spreadsheet: the header is row 1, the first firm row 2. */
  row: number;
  /** The cell of the name column, when the file has one. */
  name?: string;
  sizeClass?: SizeClass;
  segment?: Segment;
  techClass?: TechClass;
  outOfRegion?: boolean;
  /** Channel ids in rank order (the page shows their names). */
  channels?: string[];
  /** `field: message`, exactly as in the result CSV's error column. */
  error?: string;
}

/** A referred batch file: one view per row for the page, counts, and the result CSV. */
export interface BatchResult {
  lang: Lang;
  encoding: Encoding;
  delimiter: Delimiter;
  ignoredColumns: string[];
  /** The header of the column shown as the firm's name, if any. */
  nameColumn: string | null;
  rows: RowView[];
  /** Rows referred, and rows refused for a profile error; together the number of firm rows. */
  answered: number;
  failed: number;
  /** Byte for byte what `npm run --silent refer -- FILE --lang <lang>` prints for the same file. */
  csv: string;
}

/** Rows referred so far, of `total` firm rows. */
export interface Progress { done: number; total: number }

/** Headers taken as the firm's name (case-insensitive), in order of preference. */
const NAME_HEADERS = ['name', 'naam', 'nom', 'firm', 'firma', 'company', 'bedrijf', 'onderneming', 'entreprise', 'société', 'societe', 'client', 'klant'];

const looksLikeJson = (text: string) => {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed)) return false;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
};

/**
 * Reads a CSV file's bytes (readTextFile, detectDelimiter, parseCsv) and checks that its header has
 * profile columns. Every problem (too large, binary, empty, JSON, unclosed quote, no header) is returned
 * as a FileProblem, never thrown.
 */
export function prepareCsv(bytes: Uint8Array): { ok: true; prepared: PreparedCsv } | { ok: false; problem: FileProblem } {
  const file = readTextFile(bytes);
  if (!file.ok) return file;
  const { text, encoding } = file;
  if (text.replace(/^\uFEFF/, '').trim() === '') return { ok: false, problem: { kind: 'empty' } };
  if (looksLikeJson(text)) return { ok: false, problem: { kind: 'json' } };
  const delimiter = detectDelimiter(text);
  let parsed: string[][];
  try {
    parsed = parseCsv(text, delimiter);
  } catch (e) {
    if (e instanceof CsvError) return { ok: false, problem: { kind: 'unclosed-quote', line: e.line } };
    throw e;
  }
  const [rawHeader = [], ...rows] = parsed;
  const { header, ignoredColumns } = readHeader(rawHeader);
  if (!hasProfileColumns(header)) return { ok: false, problem: { kind: 'no-header' } };
  return { ok: true, prepared: { encoding, delimiter, header, ignoredColumns, rows } };
}

const nameIndexOf = (header: string[]) => {
  const lower = header.map((h) => h.toLowerCase());
  for (const name of NAME_HEADERS) {
    const i = lower.indexOf(name);
    if (i >= 0) return i;
  }
  return -1;
};

function rowView(index: number, cells: string[], item: BatchItem, nameIndex: number): RowView {
  const view: RowView = { row: index + 2 };
  if (nameIndex >= 0) view.name = (cells[nameIndex] ?? '').trim();
  if (item.ok) {
    const r = item.referral;
    Object.assign(view, { sizeClass: r.sizeClass, segment: r.segment, techClass: r.techClass, outOfRegion: r.outOfRegion, channels: r.recommendations.map((x) => x.channel) });
  } else {
    view.error = resultCells(item).error;
  }
  return view;
}

/**
 * Refers the rows `chunk` at a time, yielding the progress after each chunk; returns the result.
 * The same per-row work as referCsv, and batchToCsv for the output. A bad row becomes a failed row,
 * never an exception.
 */
export function* referInChunks(prepared: PreparedCsv, content: Content, lang: Lang, chunk = CHUNK_ROWS): Generator<Progress, BatchResult, void> {
  const { header, rows } = prepared;
  const items: BatchItem[] = [];
  for (let from = 0; from < rows.length; from += chunk) {
    for (const cells of rows.slice(from, from + chunk)) items.push(referOne(rowToProfileInput(header, cells), content, lang));
    yield { done: items.length, total: rows.length };
  }
  const batch: CsvBatch = { delimiter: prepared.delimiter, header, ignoredColumns: prepared.ignoredColumns, rows, items };
  const nameIndex = nameIndexOf(header);
  const views = rows.map((cells, i) => rowView(i, cells, items[i]!, nameIndex));
  const failed = items.filter((i) => !i.ok).length;
  return {
    lang,
    encoding: prepared.encoding,
    delimiter: prepared.delimiter,
    ignoredColumns: prepared.ignoredColumns,
    nameColumn: nameIndex >= 0 ? header[nameIndex]! : null,
    rows: views,
    answered: items.length - failed,
    failed,
    csv: batchToCsv(batch),
  };
}

/** The whole file in one go: what the worker computes, as a plain function (for tests and tools). Never throws: a file problem is returned. */
export function processCsv(bytes: Uint8Array, content: Content, lang: Lang, chunk = CHUNK_ROWS): { ok: true; result: BatchResult } | { ok: false; problem: FileProblem } {
  const read = prepareCsv(bytes);
  if (!read.ok) return read;
  const run = referInChunks(read.prepared, content, lang, chunk);
  for (;;) {
    const step = run.next();
    if (step.done) return { ok: true, result: step.value };
  }
}
