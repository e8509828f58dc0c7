// What changed for the firms of a batch since an earlier result file (the CSV `npm run refer` and the
// batch page write): each row's profile is referred again with the current content and compared with
// the recommendations the file recorded. Streamed like the batch itself (bytes in, CSV out, a view per
// row, constant memory), on the same CSV reader and row rules (csv.ts, batch.ts). One code path for
// `npm run changes` (src/cli/changes.ts) and the batch page. Pure.
import { matchKey, readHeader, referRow, type BatchHeader } from './batch';
import { CsvRecordStream, type FileProblem } from './batch-file';
import type { Content } from './content-model';
import { writeCsvRow, type Delimiter } from './csv';
import type { Notation } from './numbers';
import { fieldErrorText } from './profile';
import { referralChanges, savedFromRanking, type ReferralChange, type SavedReferral } from './referral-changes';
import { fill } from './template';
import type { Lang, Referral } from './types';

/** Columns the changes CSV adds after the earlier file's input columns. */
export const CHANGE_COLUMNS = ['recommendationsBefore', 'recommendationsNow', 'changes', 'error'] as const;

/** Why an earlier result file cannot be compared: a FileProblem, or a CSV without the `recommendations` column of a result file. */
export type ChangesProblem = FileProblem | { kind: 'not-a-result' };

/** A ChangesProblem as an exception, thrown by ResultChangesStream. */
export class ChangesProblemError extends Error {
  constructor(readonly problem: ChangesProblem) {
    super(problem.kind);
    this.name = 'ChangesProblemError';
  }
}

/**
 * One firm compared: `same` (the recommendations and their order are as before), `changed` (see
 * `changes`), `wasRefused` (the earlier file had an error for the row, it is answered now),
 * `nowRefused` (answered before, refused now), `stillRefused` (refused in both).
 */
export type ChangeStatus = 'same' | 'changed' | 'wasRefused' | 'nowRefused' | 'stillRefused';

/** What the page shows of one compared row (the CSV holds the rest). */
export interface ChangeRowView {
  /** The line of the earlier file where the row starts. */
  line: number;
  /** The cell of the name column, when the file has one. */
  name?: string;
  status: ChangeStatus;
  /** Channel ids in rank order as the earlier file recorded them (empty when it had an error). */
  before: string[];
  /** Channel ids in rank order now (empty when the row is refused now). */
  now: string[];
  /** What changed, one line each (see referralChanges): places only, the earlier file knowing nothing else. */
  changes: ReferralChange[];
  /** The changes cell of the CSV: the lines joined by " | ", "no change", or what the row's refusal means. */
  summary: string;
  /** Every problem of the row now, as the result CSV's error column says them. */
  error?: string;
}

/** Rows compared so far: how many changed (including those refused in one file only), stayed the same, are refused now. */
export interface ChangeCounts { rows: number; changed: number; same: number; refused: number }

/** How the earlier file is read: the language of the lines and messages, and the number notation (as BatchOptions). */
export interface ChangesOptions { lang: Lang; notation?: Notation }

/**
 * An earlier result file compared, streamed: push() bytes as they come, end() at the end of the file;
 * each returns the changes CSV text it completes: the header line first (the earlier file's input
 * columns as written, then recommendationsBefore, recommendationsNow, changes, error), then one row
 * per firm, in the file's delimiter, lines ending in CRLF. `onRow` sees every row. The earlier file's
 * `recommendations` column (channel ids best first, joined by "|") and `error` column are what it is
 * compared with; its other result columns are not used. Blank rows are skipped. A file that cannot be
 * read, or has no `recommendations` column, throws ChangesProblemError.
 */
export class ResultChangesStream extends CsvRecordStream<BatchHeader & { recommendations: number; error: number }> {
  readonly counts: ChangeCounts = { rows: 0, changed: 0, same: 0, refused: 0 };
  /** The delimiter, once the header is read. */
  delimiter: Delimiter | null = null;
  /** The header of the column shown as the firm's name, if any (once the header is read). */
  nameColumn: string | null = null;

  constructor(private readonly content: Content, private readonly options: ChangesOptions, private readonly onRow?: (view: ChangeRowView) => void) {
    super((problem) => new ChangesProblemError(problem));
  }

  protected record(cells: string[], line: number, delimiter: Delimiter): string {
    if (this.header === null) {
      const read = readHeader(cells, this.content);
      if (!read.ok) throw new ChangesProblemError(read.problem);
      const column = (name: string) => cells.findIndex((c) => matchKey(c) === matchKey(name));
      const recommendations = column('recommendations');
      if (recommendations < 0) throw new ChangesProblemError({ kind: 'not-a-result' });
      this.header = { ...read.header, recommendations, error: column('error') };
      this.delimiter = delimiter;
      this.nameColumn = read.header.nameIndex >= 0 ? read.header.raw[read.header.nameIndex]!.trim() : null;
      return writeCsvRow([...read.header.keep.map((i) => read.header.raw[i]!), ...CHANGE_COLUMNS], delimiter, true);
    }
    const h = this.header;
    const view = this.compare(h, cells, line);
    this.counts.rows++;
    if (view.status === 'same') this.counts.same++;
    else if (view.status !== 'stillRefused') this.counts.changed++;
    if (view.error !== undefined) this.counts.refused++;
    this.onRow?.(view);
    const out = h.keep.map((i) => cells[i] ?? '');
    out.push(view.before.join('|'), view.now.join('|'), view.summary, view.error ?? '');
    return writeCsvRow(out, delimiter);
  }

  private compare(h: BatchHeader & { recommendations: number; error: number }, cells: string[], line: number): ChangeRowView {
    const { content } = this;
    const { lang } = this.options;
    const T = content.engineTexts.changes;
    // Only the cells of the header's columns are the row: the earlier file's own extra cells were written after its result columns.
    const row = cells.slice(0, h.raw.length);
    const notation = this.options.notation ?? (this.delimiter === ';' ? 'be' : undefined);
    const item = referRow(h, row, content, lang, notation);
    const earlierError = h.error >= 0 ? (cells[h.error] ?? '').trim() : '';
    const before = earlierError ? [] : (cells[h.recommendations] ?? '').split('|').map((s) => s.trim()).filter(Boolean);
    const now = item.ok ? item.referral.recommendations.map((x) => x.channel) : [];
    const name = (id: string) => content.channels[id]?.name[lang] ?? id;
    const base = { line, ...(h.nameIndex >= 0 ? { name: (cells[h.nameIndex] ?? '').trim() } : {}), before, now };
    if (!item.ok) {
      const error = item.errors.map(fieldErrorText).join(' | ');
      return { ...base, status: earlierError ? 'stillRefused' : 'nowRefused', changes: [], summary: fill(T.nowRefused[lang], { error }), error };
    }
    if (earlierError) return { ...base, status: 'wasRefused', changes: [], summary: fill(T.wasRefused[lang], { channels: now.map(name).join('; ') }) };
    const changes = referralChanges(savedFromRanking(before), placesOf(item.referral, lang), content, lang);
    return { ...base, status: changes.length ? 'changed' : 'same', changes, summary: changes.length ? changes.map((c) => c.text).join(' | ') : T.noChange[lang] };
  }
}

/**
 * The places of a referral as a snapshot without facts (all a result file can be compared on): much
 * cheaper than savedReferral for a batch of 100,000 rows. Reasons as shown, in `lang`.
 */
function placesOf(r: Referral, lang: Lang): SavedReferral {
  return {
    format: 'savedReferral/1',
    contentVersion: r.contentVersion,
    channels: [
      ...r.recommendations.map((x) => ({ channel: x.channel, status: 'recommended' as const, rank: x.rank, rules: x.rules, facts: [] })),
      ...r.notEligible.map((x) => ({ channel: x.channel, status: 'notEligible' as const, reason: { [lang]: x.reason }, basis: { [lang]: x.reason }, facts: [] })),
      ...r.notRecommended.map((x) => ({ channel: x.channel, status: 'notRecommended' as const })),
    ],
    facts: {},
    knows: { eligibility: true, facts: false },
  };
}

/** A whole earlier result file compared in one go (tests and small files): the rows, the counts and the changes CSV. Never throws: a problem is returned. */
export function compareResultFile(bytes: Uint8Array, content: Content, options: ChangesOptions): { ok: true; rows: ChangeRowView[]; counts: ChangeCounts; csv: string } | { ok: false; problem: ChangesProblem } {
  const rows: ChangeRowView[] = [];
  const stream = new ResultChangesStream(content, options, (v) => rows.push(v));
  try {
    const csv = stream.push(bytes) + stream.end();
    return { ok: true, rows, counts: { ...stream.counts }, csv };
  } catch (e) {
    if (e instanceof ChangesProblemError) return { ok: false, problem: e.problem };
    throw e;
  }
}
