// Many profiles at once: a JSON array or a CSV file. One home for the batch rules, used by the
// CLI and the browser, so both answer identically.
import type { Content } from './content-model';
import { detectDelimiter, parseCsv, writeCsv, type Delimiter } from './csv';
import { parseBelgianNumber } from './numbers';
import { fieldErrorText, validateProfile, type FieldError } from './profile';
import { refer } from './refer';
import type { Lang, Referral, RegionReferral } from './types';

/** CSV columns read as Profile fields (same names as Profile v1); any other column is kept and ignored. */
export const PROFILE_COLUMNS = ['region', 'province', 'staff', 'turnoverEur', 'balanceSheetEur', 'ownedByLargeGroup', 'nace', 'naceVersion', 'innovation', 'needs', 'triggers'] as const;
/** Columns the result CSV adds after the input columns (an input column of the same name is dropped and written anew). */
export const RESULT_COLUMNS = ['sizeClass', 'segment', 'techClass', 'outOfRegion', 'recommendations', 'error'] as const;

const NUMBER_COLUMNS = new Set(['staff', 'turnoverEur', 'balanceSheetEur']);
const LIST_COLUMNS = new Set(['needs', 'triggers']);
const TRUE = new Set(['true', 'yes', 'ja', 'oui', '1', 'y', 'j']);
const FALSE = new Set(['false', 'no', 'nee', 'non', '0', 'n']);

const splitList = (cell: string) => cell.split('|').map((x) => x.trim()).filter(Boolean);

/**
 * Turns one CSV row into a profile-shaped object for validateProfile: staff and amounts read as Belgian
 * numbers (parseBelgianNumber: "1.800.000", "12,5"), booleans from true/false, yes/no, ja/nee, oui/non, 1/0, y/n (and j),
 * `innovation` the keys answered yes and `needs`/`triggers` ids, each list separated by `|`; empty cells
 * are left out. Values that cannot be read stay as text so validation names them. Never throws.
 */
export function rowToProfileInput(header: string[], cells: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  header.forEach((name, i) => {
    if (!(PROFILE_COLUMNS as readonly string[]).includes(name)) return;
    const cell = (cells[i] ?? '').trim();
    if (cell === '') return;
    if (NUMBER_COLUMNS.has(name)) out[name] = parseBelgianNumber(cell) ?? cell;
    else if (name === 'ownedByLargeGroup') {
      const v = cell.toLowerCase();
      out[name] = TRUE.has(v) ? true : FALSE.has(v) ? false : cell;
    } else if (name === 'innovation') out[name] = Object.fromEntries(splitList(cell).map((k) => [k, true]));
    else if (LIST_COLUMNS.has(name)) out[name] = splitList(cell);
    else out[name] = cell;
  });
  if (out.innovation === undefined && header.includes('innovation')) out.innovation = {};
  return out;
}

/** One firm of a batch: its referral, or the first error of its profile. */
export type BatchItem = { ok: true; referral: Referral } | { ok: false; error: FieldError };

/** Validates one input (validateProfile) and refers it (refer), errors and texts in `lang`. Never throws. */
export function referOne(input: unknown, content: Content, lang: Lang): BatchItem {
  const v = validateProfile(input, content, lang);
  return v.ok ? { ok: true, referral: refer(v.profile, content, lang) } : { ok: false, error: v.errors[0]! };
}

/** A CSV file referred row by row: `items[i]` is the answer for `rows[i]` (the header row excluded). */
export interface CsvBatch {
  delimiter: Delimiter;
  header: string[];
  /** Columns that are not profile fields: kept in the output, ignored by the engine. */
  ignoredColumns: string[];
  rows: string[][];
  items: BatchItem[];
}

const KNOWN_COLUMNS = new Set<string>([...PROFILE_COLUMNS, ...RESULT_COLUMNS]);

/** The header line as the engine reads it: trimmed names, and the columns it ignores (kept in the output). */
export function readHeader(raw: string[]): { header: string[]; ignoredColumns: string[] } {
  const header = raw.map((h) => h.trim());
  return { header, ignoredColumns: header.filter((h) => !KNOWN_COLUMNS.has(h)) };
}

/** Whether a header has profile columns at all (region or nace); without them it is no batch file. */
export const hasProfileColumns = (header: string[]) => header.some((h) => h === 'region' || h === 'nace');

/**
 * Refers every row of a CSV text (delimiter from detectDelimiter; the first row is the header). A bad row
 * becomes a failed item, not an exception; throws CsvError (parseCsv) only on an unclosed quote.
 */
export function referCsv(text: string, content: Content, lang: Lang): CsvBatch {
  const delimiter = detectDelimiter(text);
  const [raw = [], ...rows] = parseCsv(text, delimiter);
  const { header, ignoredColumns } = readHeader(raw);
  const items = rows.map((cells) => referOne(rowToProfileInput(header, cells), content, lang));
  return { delimiter, header, ignoredColumns, rows, items };
}

/** One of RESULT_COLUMNS. */
export type ResultColumn = (typeof RESULT_COLUMNS)[number];

/**
 * The result columns of one answered or refused firm, as the result CSV, the batch page and the
 * intake CSV write them: channel ids in rank order joined by `|`; `error` is "field: message".
 */
export function resultCells(item: BatchItem | { ok: true; referral: Referral | RegionReferral }): Record<ResultColumn, string> {
  if (!item.ok) return { sizeClass: '', segment: '', techClass: '', outOfRegion: '', recommendations: '', error: fieldErrorText(item.error) };
  const r = item.referral;
  const classes = 'sizeClass' in r ? r : undefined;
  return {
    sizeClass: classes?.sizeClass ?? '',
    segment: classes?.segment ?? '',
    techClass: classes?.techClass ?? '',
    outOfRegion: String(r.outOfRegion),
    recommendations: r.recommendations.map((x) => x.channel).join('|'),
    error: '',
  };
}

/** The output CSV: the input columns plus the result columns, one row per input row, same order and delimiter. */
export function batchToCsv(batch: CsvBatch): string {
  const inputColumns = batch.header.filter((h) => !(RESULT_COLUMNS as readonly string[]).includes(h));
  const indexes = inputColumns.map((h) => batch.header.indexOf(h));
  const out = [[...inputColumns, ...RESULT_COLUMNS]];
  batch.rows.forEach((cells, i) => {
    const result = resultCells(batch.items[i]!);
    out.push([...indexes.map((j) => cells[j] ?? ''), ...RESULT_COLUMNS.map((c) => result[c])]);
  });
  return writeCsv(out, batch.delimiter);
}
