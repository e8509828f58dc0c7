// Many profiles at once: the rules for one batch row (CSV or JSON), used by the CLI and the browser,
// so both answer identically. The header and value aliases (content/validation.yaml `columns`,
// `values`) and the Belgian numbers (numbers.ts) are own code: no CSV library knows them.
import type { Content } from './content-model';
import { localDate } from './format';
import { normaliseNace, readNace } from './nace';
import { readNumber, type NumberReading, type Notation } from './numbers';
import { perContent } from './per-content';
import { fieldErrorText, validateProfile, type FieldError } from './profile';
import { engineFor, refer, referralKey } from './refer';
import { fill } from './template';
import {
  INNOVATION_KEYS, NACE_VERSIONS, PROFILE_FIELDS, PROVINCES, REGIONS, type Innovation, type Lang, type Profile, type ProfileField, type Referral, type RegionReferral,
  type Segment, type SizeClass, type TechClass,
} from './types';

/** CSV columns read as Profile fields (same names as Profile v1); any other column is kept and ignored. */
export const PROFILE_COLUMNS = PROFILE_FIELDS;
/** Columns the result CSV adds after the input columns (an input column of the same name is dropped and written anew). */
export const RESULT_COLUMNS = ['sizeClass', 'segment', 'techClass', 'outOfRegion', 'recommendations', 'error'] as const;
/** One of RESULT_COLUMNS. */
export type ResultColumn = (typeof RESULT_COLUMNS)[number];

const NUMBER_FIELDS = new Set<ProfileField>(['staff', 'turnoverEur', 'balanceSheetEur']);

const keyCache = new Map<string, string>();
/** A name or value as compared: no case, accents, spaces or punctuation ("Chiffre d'affaires" -> "chiffredaffaires"). */
export function matchKey(s: string): string {
  let k = keyCache.get(s);
  if (k === undefined) {
    k = s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]/g, '');
    // A batch repeats the same few values: remember them, within bounds.
    if (keyCache.size >= 10_000) keyCache.clear();
    if (s.length <= 100) keyCache.set(s, k);
  }
  return k;
}

/**
 * A map that forgets everything once it holds `limit` entries: a batch repeats the same few cells
 * and answers, so what it remembers pays, and memory stays bounded whatever the file's size.
 */
class BoundedCache<V> {
  private map = new Map<string, V>();
  constructor(private readonly limit: number) {}
  get(key: string): V | undefined {
    return this.map.get(key);
  }
  set(key: string, value: V): V {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
    return value;
  }
}

/** readNumber, remembered per notation for cells up to 40 characters (a number cell is short). */
const numberCaches = { be: new BoundedCache<NumberReading>(10_000), en: new BoundedCache<NumberReading>(10_000), either: new BoundedCache<NumberReading>(10_000) };
function readNumberCached(cell: string, notation?: Notation): NumberReading {
  if (cell.length > 40) return readNumber(cell, notation);
  const cache = numberCaches[notation ?? 'either'];
  return cache.get(cell) ?? cache.set(cell, readNumber(cell, notation));
}

type ColumnRole = ProfileField | ResultColumn | 'name';

interface Lookups {
  columns: Map<string, ColumnRole>;
  region: Map<string, string>;
  province: Map<string, string>;
  needs: Map<string, string>;
  triggers: Map<string, string>;
  innovation: Map<string, string>;
  boolean: Map<string, boolean>;
  /** listItems per list field and cell, remembered (callers get a copy). */
  lists: Record<'needs' | 'triggers' | 'innovation', BoundedCache<string[]>>;
}

const lookupsFor = perContent((content: Content): Lookups => {
  const v = content.validation;
  const map = (ids: readonly string[], aliases: Partial<Record<string, string[]>>) => {
    const m = new Map<string, string>();
    for (const id of ids) m.set(matchKey(id), id);
    for (const id of ids) for (const a of aliases[id] ?? []) if (!m.has(matchKey(a))) m.set(matchKey(a), id);
    return m;
  };
  const columns = new Map<string, ColumnRole>();
  for (const c of [...PROFILE_FIELDS, ...RESULT_COLUMNS, 'name' as const]) columns.set(matchKey(c), c);
  for (const [role, names] of Object.entries(v.columns)) for (const n of names) if (!columns.has(matchKey(n))) columns.set(matchKey(n), role as ColumnRole);
  const boolean = new Map<string, boolean>();
  for (const w of v.values.boolean.true) boolean.set(matchKey(w), true);
  for (const w of v.values.boolean.false) boolean.set(matchKey(w), false);
  return {
    columns,
    region: map(Object.keys(content.labels.region), v.values.region),
    province: map(Object.keys(content.labels.province), v.values.province),
    needs: map(content.needs.map((n) => n.id), v.values.needs),
    triggers: map(content.triggers.map((t) => t.id), v.values.triggers),
    innovation: map(INNOVATION_KEYS, {}),
    boolean,
    lists: { needs: new BoundedCache(5_000), triggers: new BoundedCache(5_000), innovation: new BoundedCache(5_000) },
  };
});

/** Edit distance (Levenshtein), for "did you mean". */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** A header read: what each position is, and what is written back. */
export interface BatchHeader {
  /** The header cells as in the file (written back as they are). */
  raw: string[];
  /** The profile field of each position, or null. */
  fields: Array<ProfileField | null>;
  /** The position of the firm's name column, or -1. */
  nameIndex: number;
  /** Input positions written back in the result, in order: all but result columns (written anew). */
  keep: number[];
  /** Named columns the engine does not use (kept in the output), each with the profile column it looks like, if any. */
  unused: Array<{ column: string; suggestion?: ProfileField }>;
}

/** Why a header cannot be used. */
export type HeaderProblem = { kind: 'no-header' } | { kind: 'duplicate-column'; field: ProfileField; columns: string[] };

/**
 * Reads a header record: names trimmed and matched ignoring case, accents and punctuation, as the
 * field ids or as Belgian users write them (content validation.columns: regio, région, omzet,
 * chiffre d'affaires...). A profile field named by two columns is refused (`duplicate-column`,
 * naming both); a header naming neither region nor nace is `no-header`. Other columns are kept by
 * position; the unknown ones come with a suggestion when within two edits of a profile column.
 */
export function readHeader(raw: string[], content: Content): { ok: true; header: BatchHeader } | { ok: false; problem: HeaderProblem } {
  const { columns } = lookupsFor(content);
  const fields: Array<ProfileField | null> = [];
  const keep: number[] = [];
  const unused: BatchHeader['unused'] = [];
  const seen = new Map<ProfileField, string>();
  let nameIndex = -1;
  for (let i = 0; i < raw.length; i++) {
    const name = raw[i]!.replace(/\s+/g, ' ').trim();
    const role = columns.get(matchKey(name));
    const field = role && (PROFILE_FIELDS as readonly string[]).includes(role) ? (role as ProfileField) : null;
    fields.push(field);
    if (field) {
      const before = seen.get(field);
      if (before !== undefined) return { ok: false, problem: { kind: 'duplicate-column', field, columns: [before, name] } };
      seen.set(field, name);
    }
    if (role && (RESULT_COLUMNS as readonly string[]).includes(role)) continue;
    keep.push(i);
    if (role === 'name' && nameIndex < 0) nameIndex = i;
    if (role === 'name') unused.push({ column: name });
    else if (!role && name !== '') {
      const k = matchKey(name);
      let best: { field: ProfileField; d: number } | undefined;
      for (const [alias, r] of columns) {
        if (!(PROFILE_FIELDS as readonly string[]).includes(r)) continue;
        const d = distance(k, alias);
        if (d <= Math.min(2, Math.floor(alias.length / 3)) && (!best || d < best.d)) best = { field: r as ProfileField, d };
      }
      unused.push(best && !seen.has(best.field) ? { column: name, suggestion: best.field } : { column: name });
    }
  }
  if (!fields.includes('region') && !fields.includes('nace')) return { ok: false, problem: { kind: 'no-header' } };
  return { ok: true, header: { raw, fields, nameIndex, keep, unused } };
}

/** The header line of the result CSV: the kept input columns as written, then RESULT_COLUMNS. */
export const resultHeader = (header: BatchHeader): string[] => [...header.keep.map((i) => header.raw[i]!), ...RESULT_COLUMNS];

const show = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 37)}...` : s);

/**
 * The items of a list cell: separated by `|`; or by `,` `;` `/` when every piece is then a known id
 * (a list cannot be misread that way); else the whole cell is one item. Each item as its id when
 * known (`lookup`), else as written, so validation names it.
 */
function listItems(cell: string, lookup: Map<string, string>): string[] {
  const resolve = (s: string) => lookup.get(matchKey(s)) ?? s;
  if (cell.includes('|')) return cell.split('|').map((x) => x.trim()).filter(Boolean).map(resolve);
  const whole = lookup.get(matchKey(cell));
  if (whole) return [whole];
  if (/[,;/]/.test(cell)) {
    const pieces = cell.split(/[,;/]/).map((x) => x.trim()).filter(Boolean);
    if (pieces.every((p) => lookup.has(matchKey(p)))) return pieces.map(resolve);
  }
  return [resolve(cell.trim())];
}

function listItemsCached(cell: string, field: 'needs' | 'triggers' | 'innovation', look: Lookups): string[] {
  if (cell.length > 200) return listItems(cell, look[field]);
  const cache = look.lists[field];
  return cache.get(cell) ?? cache.set(cell, listItems(cell, look[field]));
}

/** A row's profile input, and the problems found reading its cells (before validation). */
export interface RowInput {
  input: Record<string, unknown>;
  problems: FieldError[];
}

/**
 * Turns one CSV row into a profile-shaped object for validateProfile: staff and amounts read as
 * numbers (readNumber in `notation`, or either when the row cannot be misread; "1,250" without a
 * notation is a problem naming both readings), booleans as true/false, yes/no, ja/nee, oui/non,
 * WAAR/ONWAAR, VRAI/FAUX, 1/0; region, province, needs, triggers and innovation keys as their ids
 * in any case or as their Dutch/French/English words (content validation.values); lists by
 * listItems. Empty cells are left out; values that cannot be read stay as text so validation
 * names them. Never throws.
 */
export function rowToProfileInput(header: BatchHeader, cells: string[], content: Content, lang: Lang, notation?: Notation): RowInput {
  const look = lookupsFor(content);
  const p = content.validation.problems;
  const out: Record<string, unknown> = {};
  const problems: FieldError[] = [];
  header.fields.forEach((field, i) => {
    if (!field) return;
    const cell = (cells[i] ?? '').trim();
    if (cell === '') return;
    if (NUMBER_FIELDS.has(field)) {
      const r = readNumberCached(cell, notation);
      if (r.ok) out[field] = r.value;
      else if (r.problem === 'ambiguous') problems.push({ field, message: fill(p.ambiguousNumber[lang], { field, got: show(cell), be: String(r.be), en: String(r.en) }) });
      else if (r.problem === 'too-large') problems.push({ field, message: fill(p.tooLarge[lang], { field, got: show(cell) }) });
      else out[field] = cell;
    } else if (field === 'ownedByLargeGroup') {
      out[field] = look.boolean.get(matchKey(cell)) ?? cell;
    } else if (field === 'region' || field === 'province') {
      out[field] = look[field].get(matchKey(cell)) ?? cell;
    } else if (field === 'innovation') {
      out[field] = Object.fromEntries(listItemsCached(cell, field, look).map((k) => [k, true]));
    } else if (field === 'needs' || field === 'triggers') {
      out[field] = listItemsCached(cell, field, look).slice();
    } else if (field === 'nace') {
      // A spreadsheet that took the code for a number: "25,62" (decimal comma), "1.11" (01.11 lost its 0).
      out[field] = cell.replace(/^(\d{1,2}),(\d{1,3})$/, '$1.$2').replace(/^(\d)\.(\d{1,3})$/, '0$1.$2');
    } else {
      out[field] = cell;
    }
  });
  if (out.innovation === undefined && header.fields.includes('innovation')) out.innovation = {};
  return { input: out, problems };
}

/** One firm of a batch: its referral, or every problem of its profile (one per field, at least one). */
export type BatchItem = { ok: true; referral: Referral } | { ok: false; errors: FieldError[] };

/** Validates one input (validateProfile) and refers it (refer), errors and texts in `lang`. Never throws. */
export function referOne(input: unknown, content: Content, lang: Lang): BatchItem {
  const v = validateProfile(input, content, lang);
  return v.ok ? { ok: true, referral: refer(v.profile, content, lang) } : { ok: false, errors: v.errors };
}

/**
 * One CSV row referred: the cells read (rowToProfileInput), validated and referred; every problem of
 * the row (cell problems first, then validation's, one per field; cells beyond the header), each
 * field named as the file's column when that differs ("personeel (staff)"). Never throws.
 */
export function referRow(header: BatchHeader, cells: string[], content: Content, lang: Lang, notation?: Notation): BatchItem {
  const { input, problems } = rowToProfileInput(header, cells, content, lang, notation);
  const v = validateProfile(input, content, lang);
  const extra = cells.slice(header.raw.length).filter((c) => c.trim() !== '');
  if (v.ok && problems.length === 0 && extra.length === 0) return { ok: true, referral: refer(v.profile, content, lang) };
  return { ok: false, errors: rowErrors(header, cells, problems, v.ok ? [] : v.errors, content, lang) };
}

/** Every problem of a refused row, named as referRow says. */
function rowErrors(header: BatchHeader, cells: string[], problems: FieldError[], invalid: FieldError[], content: Content, lang: Lang): FieldError[] {
  const extra = cells.slice(header.raw.length).filter((c) => c.trim() !== '');
  const errors = [...problems];
  for (const e of invalid) if (!problems.some((q) => q.field === e.field.split(/[.[]/)[0])) errors.push(e);
  if (extra.length) errors.push({ field: 'row', message: fill(content.validation.problems.extraCells[lang], { count: String(cells.length - header.raw.length), got: extra.map(show).join(', ') }) });
  return errors.map((e) => {
    const top = e.field.split(/[.[]/)[0] as ProfileField;
    const index = header.fields.indexOf(top);
    const column = index >= 0 ? header.raw[index]!.replace(/\s+/g, ' ').trim() : top;
    return column === top ? e : { ...e, field: `${column} (${e.field})` };
  });
}

interface FastRules {
  regions: ReadonlySet<string>;
  provinces: ReadonlySet<string>;
  versions: ReadonlySet<string>;
  needs: ReadonlySet<string>;
  triggers: ReadonlySet<string>;
  innovation: ReadonlySet<string>;
}
// The ids the Profile v1 schema (profile.ts buildSchema) takes, from the same lists it is built from.
const fastRulesFor = perContent((content: Content): FastRules => ({
  regions: new Set(REGIONS),
  provinces: new Set(PROVINCES),
  versions: new Set(NACE_VERSIONS),
  needs: new Set(content.needs.map((n) => n.id)),
  triggers: new Set(content.triggers.map((t) => t.id)),
  innovation: new Set(INNOVATION_KEYS),
}));

const isAmount = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isIdList = (v: unknown, ids: ReadonlySet<string>) => Array.isArray(v) && v.every((x) => typeof x === 'string' && ids.has(x)) && new Set(v).size === v.length;

/**
 * The profile validateProfile would return for `input`, found without zod's generic walk, for the
 * input a batch row gives (rowToProfileInput): every rule of the Profile v1 schema (profile.ts
 * buildSchema) checked by hand, the fields in the schema's order. null whenever the input is not
 * plainly valid: validateProfile then decides and words the errors, so the fast path can only say
 * yes where zod does (tests/domain/batch-fast-validation.property.test.ts holds the two together
 * on random inputs: same verdict, same profile).
 */
export function acceptProfileFast(input: Record<string, unknown>, content: Content): Profile | null {
  const r = fastRulesFor(content);
  for (const k in input) if (!(PROFILE_FIELDS as readonly string[]).includes(k) || input[k] === undefined) return null;
  const { region, province, staff, turnoverEur, balanceSheetEur, ownedByLargeGroup, naceVersion, innovation, needs, triggers } = input;
  if (typeof region !== 'string' || !r.regions.has(region)) return null;
  if (province !== undefined && (typeof province !== 'string' || !r.provinces.has(province) || region !== 'flanders')) return null;
  if (!isAmount(staff) || (turnoverEur !== undefined && !isAmount(turnoverEur)) || (balanceSheetEur !== undefined && !isAmount(balanceSheetEur))) return null;
  if (ownedByLargeGroup !== undefined && typeof ownedByLargeGroup !== 'boolean') return null;
  if (naceVersion !== undefined && (typeof naceVersion !== 'string' || !r.versions.has(naceVersion))) return null;
  const nace = typeof input.nace === 'number' ? String(input.nace) : input.nace;
  if (typeof nace !== 'string') return null;
  const normalised = normaliseNace(nace);
  if (normalised === null || !readNace(nace, content.nace, naceVersion as Profile['naceVersion']).ok) return null;
  if (!isIdList(needs, r.needs) || (needs as string[]).length === 0) return null;
  if (triggers !== undefined && !isIdList(triggers, r.triggers)) return null;
  const answers: Innovation = {};
  if (innovation !== undefined) {
    if (typeof innovation !== 'object' || innovation === null || Array.isArray(innovation) || ![Object.prototype, null].includes(Object.getPrototypeOf(innovation))) return null;
    const given = innovation as Record<string, unknown>;
    for (const k in given) if (!r.innovation.has(k) || typeof given[k] !== 'boolean') return null;
    for (const k of INNOVATION_KEYS) if (k in given) answers[k] = given[k] as boolean;
  }
  const profile = { region } as Profile;
  if (province !== undefined) profile.province = province as Profile['province'];
  profile.staff = staff as number;
  if (turnoverEur !== undefined) profile.turnoverEur = turnoverEur as number;
  if (balanceSheetEur !== undefined) profile.balanceSheetEur = balanceSheetEur as number;
  if (ownedByLargeGroup !== undefined) profile.ownedByLargeGroup = ownedByLargeGroup;
  profile.nace = normalised;
  if (naceVersion !== undefined) profile.naceVersion = naceVersion as Profile['naceVersion'];
  profile.innovation = answers;
  profile.needs = (needs as Profile['needs']).slice();
  if (triggers !== undefined) profile.triggers = (triggers as NonNullable<Profile['triggers']>).slice();
  return profile;
}

/** What a batch keeps of a referral: what the result columns and the page's rows show. */
export interface ReferralSummary {
  sizeClass: SizeClass;
  segment: Segment;
  techClass: TechClass;
  outOfRegion: boolean;
  /** Channel ids in rank order. */
  channels: string[];
  /** The result columns of this referral (resultCells). */
  cells: Record<ResultColumn, string>;
}

/** One batch row answered (its referral's summary) or refused (every problem, as referRow names them). */
export type BatchRowResult = { ok: true; summary: ReferralSummary } | { ok: false; errors: FieldError[] };

/**
 * Refers the rows of one batch as referRow does, with the same result, faster: a plainly valid row
 * skips zod's walk (acceptProfileFast), and a referral is computed once per distinct engine input
 * (referralKey: the same size class, code, answers...) and remembered, up to 20,000 of them. The
 * day (`on`, YYYY-MM-DD, default today) is fixed for the whole batch, so a file read across
 * midnight gets one day's policy figures and call windows. Never throws.
 */
export class BatchReferrer {
  private readonly cache = new BoundedCache<ReferralSummary>(20_000);
  private readonly on: string;

  constructor(private readonly content: Content, private readonly lang: Lang, private readonly notation?: Notation, on?: string) {
    this.on = on ?? localDate();
  }

  /** One row under `header` (cells as read, after unneutraliseCell). */
  row(header: BatchHeader, cells: string[]): BatchRowResult {
    const { content, lang } = this;
    const { input, problems } = rowToProfileInput(header, cells, content, lang, this.notation);
    let extra = false;
    for (let i = header.raw.length; i < cells.length; i++) if (cells[i]!.trim() !== '') extra = true;
    if (problems.length === 0 && !extra) {
      const fast = acceptProfileFast(input, content);
      if (fast) return { ok: true, summary: this.summary(fast) };
    }
    const v = validateProfile(input, content, lang);
    if (v.ok && problems.length === 0 && !extra) return { ok: true, summary: this.summary(v.profile) };
    return { ok: false, errors: rowErrors(header, cells, problems, v.ok ? [] : v.errors, content, lang) };
  }

  private summary(profile: Profile): ReferralSummary {
    const key = referralKey(profile, this.content, this.lang, 'you', this.on);
    const known = this.cache.get(key);
    if (known) return known;
    const referral = engineFor(this.content).refer(profile, this.lang, 'you', this.on);
    return this.cache.set(key, {
      sizeClass: referral.sizeClass,
      segment: referral.segment,
      techClass: referral.techClass,
      outOfRegion: referral.outOfRegion,
      channels: referral.recommendations.map((r) => r.channel),
      cells: resultCells({ ok: true, referral }),
    });
  }
}

/**
 * The result columns of one answered or refused firm, as the result CSV, the batch page and the
 * intake CSV write them: channel ids in rank order joined by `|`; `error` every problem as
 * "field: message", joined by " | ".
 */
export function resultCells(item: BatchItem | { ok: true; referral: Referral | RegionReferral }): Record<ResultColumn, string> {
  if (!item.ok) return { sizeClass: '', segment: '', techClass: '', outOfRegion: '', recommendations: '', error: item.errors.map(fieldErrorText).join(' | ') };
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

/** One result row: the kept input cells as they were, the result columns, then any cells beyond the header (never dropped). */
export function resultRow(header: BatchHeader, cells: string[], item: BatchItem): string[] {
  return resultRowOf(header, cells, resultCells(item));
}

/** resultRow with the result columns given (resultCells, or a ReferralSummary's `cells`). */
export function resultRowOf(header: BatchHeader, cells: string[], result: Record<ResultColumn, string>): string[] {
  const out = header.keep.map((i) => cells[i] ?? '');
  for (const c of RESULT_COLUMNS) out.push(result[c]);
  for (let i = header.raw.length; i < cells.length; i++) out.push(cells[i]!);
  // Trailing empty cells beyond the header (Excel's ";;;") carry nothing: not written.
  while (out.length > header.keep.length + RESULT_COLUMNS.length && out[out.length - 1]!.trim() === '') out.pop();
  return out;
}
