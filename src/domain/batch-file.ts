// A batch CSV file as people bring it, streamed: bytes in (a chunk at a time), the result CSV out
// (a chunk at a time) and a view per row, in constant memory whatever the file's size. One code
// path for the CLI (`npm run refer -- FILE.csv`) and the browser's batch page (its worker and the
// in-page fallback): both feed CsvBatchStream. Every row goes through referRow (batch.ts).
import type { Content } from './content-model';
import { BatchReferrer, readHeader, resultCells, resultHeader, resultRowOf, type BatchHeader } from './batch';
import type { FieldError } from './profile';
import { ByteDecoder, CsvError, CsvReader, isBlankRecord, NotTextError, unneutraliseCell, writeCsvRow, type CsvProblemKind, type Delimiter, type Encoding } from './csv';
import type { Notation } from './numbers';
import type { ProfileField, Lang, Segment, SizeClass, TechClass } from './types';

export type { Encoding } from './csv';

/** Why a file cannot be read; the batch page words each in the user's language, the CLI in English. `line` is the file's line. */
export type FileProblem =
  | { kind: 'empty' }
  | { kind: 'not-text'; line: number }
  | { kind: 'json' }
  | { kind: CsvProblemKind; line: number }
  | { kind: 'no-header' }
  | { kind: 'duplicate-column'; field: ProfileField; columns: string[] };

/** A FileProblem as an exception, thrown by CsvBatchStream. */
export class FileProblemError extends Error {
  constructor(readonly problem: FileProblem) {
    super(problem.kind);
    this.name = 'FileProblemError';
  }
}

/** What the page shows of one row (the CSV holds the rest). */
export interface RowView {
  /** The line of the file where the row starts (the header being on line 1, or 2 after `sep=`). */
  line: number;
  /** The cell of the name column, when the file has one. */
  name?: string;
  sizeClass?: SizeClass;
  segment?: Segment;
  techClass?: TechClass;
  outOfRegion?: boolean;
  /** Channel ids in rank order (the page shows their names). */
  channels?: string[];
  /** Every problem, exactly as in the result CSV's error column. */
  error?: string;
}

/** What is known of the file once its header is read. */
export interface FileInfo {
  encoding: Encoding;
  delimiter: Delimiter;
  /** Named columns the engine does not use (kept in the output), with a suggested profile column when one is close. */
  unused: BatchHeader['unused'];
  /** The header of the column shown as the firm's name, if any. */
  nameColumn: string | null;
}

/** Rows referred and rows refused so far. */
export interface Counts { answered: number; failed: number }

/**
 * The byte-to-record loop of a streamed CSV file, shared by the batch (CsvBatchStream) and the
 * comparison with an earlier result (result-changes.ts): bytes decoded line by line (ByteDecoder),
 * split into records (CsvReader), each handed to `record`, which returns the output text it completes.
 * Undecodable text and broken quoting (with their line), a JSON file, an empty file and one without a
 * header are refused with the error `refuse` makes.
 */
export abstract class CsvRecordStream<Header> {
  protected readonly decoder = new ByteDecoder();
  protected readonly reader = new CsvReader();
  private sawText = false;

  /** The file's header, once `record` has read it (a file that ends before it has none). */
  protected header: Header | null = null;

  /** `refuse`: the error thrown for a file that cannot be read. */
  constructor(private readonly refuse: (problem: FileProblem) => Error) {}

  /**
   * One record of the file that is not blank (blank rows and rows of only delimiters are skipped here,
   * never shifting line numbers): its cells with any formula neutralisation undone, the file's own
   * line, and the file's delimiter. Returns the output text it completes ('' for none).
   */
  protected abstract record(cells: string[], line: number, delimiter: Delimiter): string;

  /** Adds bytes of the file; returns the output CSV text completed. Throws what `refuse` makes. */
  push(bytes: Uint8Array): string {
    return this.guard(() => this.text(this.decoder.push(bytes), false));
  }

  /** The end of the file; returns the last output CSV text. Throws what `refuse` makes. */
  end(): string {
    return this.guard(() => this.text(this.decoder.end(), true));
  }

  private guard(f: () => string): string {
    try {
      return f();
    } catch (e) {
      if (e instanceof NotTextError) throw this.refuse({ kind: 'not-text', line: e.line });
      if (e instanceof CsvError) throw this.refuse({ kind: e.kind, line: e.line });
      throw e;
    }
  }

  private text(text: string, final: boolean): string {
    if (!this.sawText && text.replace(/^\uFEFF/, '').trim() !== '') {
      this.sawText = true;
      if (/^\uFEFF?\s*[[{]/.test(text)) throw this.refuse({ kind: 'json' });
    }
    const records = this.reader.push(text);
    if (final) records.push(...this.reader.end());
    let out = '';
    for (const r of records) if (!isBlankRecord(r.cells)) out += this.record(r.cells.map(unneutraliseCell), r.line, this.reader.delimiter!);
    if (final && this.header === null) throw this.refuse({ kind: this.sawText ? 'no-header' : 'empty' });
    return out;
  }
}

/**
 * How a batch is read: the language of the messages, the number notation (undefined: either,
 * ambiguous numbers refused; a ';' file: Belgian), and the day whose policy figures and call
 * windows apply (YYYY-MM-DD; default: today when the batch starts).
 */
export interface BatchOptions { lang: Lang; notation?: Notation; on?: string }

/**
 * One CSV batch, streamed: push() bytes as they come, end() at the end of the file; each returns
 * the result CSV text it completes (the header line first: the kept input columns as written, then
 * sizeClass, segment, techClass, outOfRegion, recommendations, error), in the file's delimiter,
 * lines ending in CRLF. `onRow` sees every firm row. Blank rows (and rows of only delimiters) are
 * skipped, never shifting line numbers. A file that cannot be read throws FileProblemError.
 */
export class CsvBatchStream extends CsvRecordStream<BatchHeader> {
  readonly counts: Counts = { answered: 0, failed: 0 };
  info: FileInfo | null = null;
  private referrer: BatchReferrer | null = null;

  constructor(private readonly content: Content, private readonly options: BatchOptions, private readonly onRow?: (view: RowView) => void) {
    super((problem) => new FileProblemError(problem));
  }

  protected record(cells: string[], line: number, delimiter: Delimiter): string {
    if (this.header === null) {
      const read = readHeader(cells, this.content);
      if (!read.ok) throw new FileProblemError(read.problem);
      this.header = read.header;
      // A ';' file is Belgian Excel's (it writes ';' where the decimal mark is ','): read its numbers so.
      this.referrer = new BatchReferrer(this.content, this.options.lang, this.options.notation ?? (delimiter === ';' ? 'be' : undefined), this.options.on);
      this.info = {
        encoding: this.decoder.encoding,
        delimiter,
        unused: read.header.unused,
        nameColumn: read.header.nameIndex >= 0 ? read.header.raw[read.header.nameIndex]!.trim() : null,
      };
      return writeCsvRow(resultHeader(read.header), delimiter, true);
    }
    const h = this.header;
    const item = this.referrer!.row(h, cells);
    if (item.ok) this.counts.answered++;
    else this.counts.failed++;
    const row = resultRowOf(h, cells, item.ok ? item.summary.cells : errorCells(item.errors));
    if (this.onRow) {
      const view: RowView = { line };
      if (h.nameIndex >= 0) view.name = (cells[h.nameIndex] ?? '').trim();
      if (item.ok) {
        const x = item.summary;
        view.sizeClass = x.sizeClass;
        view.segment = x.segment;
        view.techClass = x.techClass;
        view.outOfRegion = x.outOfRegion;
        view.channels = x.channels.slice();
      } else {
        view.error = row[h.keep.length + 5];
      }
      this.onRow(view);
    }
    return writeCsvRow(row, delimiter);
  }

  /** The first line read as Windows-1252 (1-based), if any. */
  get firstWindows1252Line(): number | null {
    return this.decoder.firstWindows1252Line;
  }

  /** The encoding as finally seen (a later line may turn UTF-8 into mixed). */
  get encoding(): Encoding {
    return this.decoder.encoding;
  }
}

const errorCells = (errors: FieldError[]) => resultCells({ ok: false, errors });

/** A whole batch file referred (processCsv): what the page shows and the result CSV. */
export interface BatchResult extends FileInfo, Counts {
  lang: Lang;
  rows: RowView[];
  /** Byte for byte what `npm run --silent refer -- FILE --lang <lang>` prints for the same file. */
  csv: string;
}

/**
 * A whole file in one go (for tests and tools; the CLI and the page stream): the same work as
 * CsvBatchStream. Never throws: a file problem is returned.
 */
export function processCsv(bytes: Uint8Array, content: Content, options: BatchOptions | Lang): { ok: true; result: BatchResult } | { ok: false; problem: FileProblem } {
  const opts = typeof options === 'string' ? { lang: options } : options;
  const rows: RowView[] = [];
  const stream = new CsvBatchStream(content, opts, (v) => rows.push(v));
  try {
    const csv = stream.push(bytes) + stream.end();
    return { ok: true, result: { ...stream.info!, encoding: stream.encoding, ...stream.counts, lang: opts.lang, rows, csv } };
  } catch (e) {
    if (e instanceof FileProblemError) return { ok: false, problem: e.problem };
    throw e;
  }
}

/** A file problem in one line of English (the CLI; the batch page words them from its locale). */
export function fileProblemText(file: string, problem: FileProblem): string {
  switch (problem.kind) {
    case 'not-text': return `${file} is not a text file (binary data on line ${problem.line}): save it as CSV (UTF-8) or JSON`;
    case 'unclosed-quote': return `${file} is not a readable CSV file: a quoted cell starting on line ${problem.line} is never closed (check the quotation marks on that line)`;
    case 'stray-quote': return `${file} is not a readable CSV file: on line ${problem.line} a quoted cell is followed by more text after its closing quote (a quote inside a cell must be doubled: "")`;
    case 'record-too-long': return `${file} is not a readable CSV file: the row starting on line ${problem.line} is longer than 1,048,576 characters (a quote never closed, or no line breaks)`;
    case 'json': return `${file} holds JSON, not CSV: give it a .json or .ndjson name to refer the profiles in it`;
    case 'duplicate-column': return `${file} names the column ${problem.field} twice (${problem.columns.map((c) => `"${c}"`).join(' and ')}): keep one`;
    case 'empty':
    case 'no-header': return `${file} has no header line with profile columns (region, staff, nace, innovation, needs, ...)`;
  }
}
