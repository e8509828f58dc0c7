// The browser's batch triage as pure functions: bytes in, the CLI's result CSV out. The worker
// (batch.worker.ts) and the in-page fallback both run `referInChunks`; `processCsv` runs it to the
// end in one go (tests compare it with `npm run refer`). Every row goes through the same
// rowToProfileInput/referOne as referCsv, and the output through batchToCsv, so the browser and
// the CLI cannot disagree.
import type { Content } from '../../content/schema';
import { batchToCsv, hasProfileColumns, readHeader, referOne, rowToProfileInput, type BatchItem, type CsvBatch } from '../../domain/batch';
import { CsvError, decodeCsvBytes, detectDelimiter, looksBinary, MAX_CSV_BYTES, parseCsv, type Delimiter } from '../../domain/csv';
import type { Lang, Segment, SizeClass, TechClass } from '../../domain/types';

/** Rows per chunk: the worker reports progress (and the in-page fallback yields) after each. */
export const CHUNK_ROWS = 250;

/** Why a file cannot be triaged; the page words each in the user's language. */
export type FileProblem =
  | { kind: 'too-large'; bytes: number }
  | { kind: 'empty' }
  | { kind: 'not-text' }
  | { kind: 'json' }
  | { kind: 'unclosed-quote'; line: number }
  | { kind: 'no-header' };

export type Encoding = ReturnType<typeof decodeCsvBytes>['encoding'];

/** A file read and split into rows, not yet referred. */
export interface PreparedCsv {
  encoding: Encoding;
  delimiter: Delimiter;
  header: string[];
  ignoredColumns: string[];
  rows: string[][];
}

/** What the page shows of one row (the CSV holds the rest). */
export interface RowView {
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

export interface BatchResult {
  lang: Lang;
  encoding: Encoding;
  delimiter: Delimiter;
  ignoredColumns: string[];
  /** The header of the column shown as the firm's name, if any. */
  nameColumn: string | null;
  rows: RowView[];
  answered: number;
  failed: number;
  /** Byte for byte what `npm run --silent refer -- FILE --lang <lang>` prints for the same file. */
  csv: string;
}

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

/** Reads the bytes as the CLI does (decodeCsvBytes, detectDelimiter, parseCsv) and checks the header like it. */
export function prepareCsv(bytes: Uint8Array): { ok: true; prepared: PreparedCsv } | { ok: false; problem: FileProblem } {
  if (bytes.length > MAX_CSV_BYTES) return { ok: false, problem: { kind: 'too-large', bytes: bytes.length } };
  const { text, encoding } = decodeCsvBytes(bytes);
  if (text.replace(/^\uFEFF/, '').trim() === '') return { ok: false, problem: { kind: 'empty' } };
  if (looksBinary(text)) return { ok: false, problem: { kind: 'not-text' } };
  if (looksLikeJson(text)) return { ok: false, problem: { kind: 'json' } };
  const delimiter = detectDelimiter(text);
  let parsed: string[][];
  try {
    parsed = parseCsv(text, delimiter);
  } catch (e) {
    if (e instanceof CsvError) return { ok: false, problem: { kind: 'unclosed-quote', line: Number(/line (\d+)/.exec(e.message)?.[1] ?? 0) } };
    throw e;
  }
  const [rawHeader = [], ...rows] = parsed;
  // As referCsv and the CLI.
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
    view.error = `${item.error.field}: ${item.error.message}`;
  }
  return view;
}

/**
 * Refers the rows `chunk` at a time, yielding the progress after each chunk; returns the result.
 * The same per-row work as referCsv, and batchToCsv for the output.
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

/** The whole file in one go: what the worker computes, as a plain function (for tests and tools). */
export function processCsv(bytes: Uint8Array, content: Content, lang: Lang, chunk = CHUNK_ROWS): { ok: true; result: BatchResult } | { ok: false; problem: FileProblem } {
  const read = prepareCsv(bytes);
  if (!read.ok) return read;
  const run = referInChunks(read.prepared, content, lang, chunk);
  for (;;) {
    const step = run.next();
    if (step.done) return { ok: true, result: step.value };
  }
}
