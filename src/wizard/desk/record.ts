// One saved firm on the intermediary's desk (issue 16): who it is, when and with which content it was
// referred, the answers (as Profile v1), the referral as it was then (a snapshot to compare with the
// referral of today), the notes, and a status per recommended channel. Checked with zod/mini wherever
// it enters: read from IndexedDB, imported from a file.
import { z } from '../../domain/zod';
import type { Content } from '../../domain/content-model';
import { localDate } from '../../domain/format';
import { validateProfile } from '../../domain/profile';
import type { SavedReferral } from '../../domain/referral-changes';
import { LANGS, REGIONS, type Lang, type Profile, type Region } from '../../domain/types';
import { completeProfile, fromProfile, type Answers } from '../answers';
import { MAX_NAME, MAX_NOTES } from '../limits';
import { snapshotFor } from './changes';

/** Where a client stands with one recommended channel, in the order a referral usually moves. */
export const DESK_STATUSES = ['to-contact', 'contacted', 'applied', 'granted', 'refused', 'not-pursued'] as const;
export type DeskStatus = (typeof DESK_STATUSES)[number];
/** The modes that keep a desk: an accountant's clients and an advisor's intakes (owners have none). */
export const DESK_MODES = ['client', 'intake'] as const;
export type DeskMode = (typeof DESK_MODES)[number];

/** Characters of a note on a status. */
export const MAX_STATUS_NOTE = 2_000;
/** Characters of a record id (a random UUID is 36). */
const MAX_ID = 64;

const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const isoTime = z.string().check(z.maxLength(40), z.refine((s) => !Number.isNaN(Date.parse(s))));

export const StatusEntrySchema = z.strictObject({
  status: z.enum(DESK_STATUSES),
  /** The day the status was set (YYYY-MM-DD, the user's local day; the user may change it). */
  date: isoDay,
  note: z.string().check(z.maxLength(MAX_STATUS_NOTE)),
});
export type StatusEntry = z.infer<typeof StatusEntrySchema>;

const someText = z.partialRecord(z.enum(LANGS), z.string());
/** A referral snapshot (savedReferral/1) as a record keeps it: checked enough to compare it safely. */
const SavedReferralShape = z.looseObject({
  format: z.literal('savedReferral/1'),
  contentVersion: z.string().check(z.maxLength(20)),
  channels: z.array(z.looseObject({ channel: z.string(), status: z.enum(['recommended', 'notEligible', 'notRecommended']),
    rank: z.optional(z.int()), rules: z.optional(z.array(z.string())), facts: z.optional(z.array(z.string())), reason: z.optional(someText), basis: z.optional(someText) })),
  facts: z.record(z.string(), z.looseObject({ id: z.string(), text: someText, short: z.optional(someText), source: z.string(), checked: z.string(), changed: z.optional(z.string()) })),
  knows: z.object({ eligibility: z.boolean(), facts: z.boolean() }),
});

/** The shape of a record v1 (the profile and the referral snapshot are checked after, see readRecord). */
export const DeskRecordShape = z.strictObject({
  v: z.literal(1),
  /** A random UUID: the same firm on two devices is the same record only when one was imported from the other. */
  id: z.string().check(z.minLength(8), z.maxLength(MAX_ID), z.regex(/^[A-Za-z0-9-]+$/)),
  /** The client's or firm's name (required: the list is found by it). */
  name: z.string().check(z.minLength(1), z.maxLength(MAX_NAME)),
  adviserName: z.string().check(z.maxLength(MAX_NAME)),
  mode: z.enum(DESK_MODES),
  /** ISO times: first saved, last changed (the later one wins when two copies are merged). */
  savedAt: isoTime,
  updatedAt: isoTime,
  /** The content version (YYYY-MM-DD) the saved referral was made with. */
  contentVersion: z.string().check(z.maxLength(20)),
  region: z.enum(REGIONS),
  /** Profile v1 for a firm in Flanders; null elsewhere (the referral is then the region's front door). */
  profile: z.unknown(),
  notes: z.string().check(z.maxLength(MAX_NOTES)),
  /** The recommended channels when saved, first to go to first. */
  channels: z.array(z.string().check(z.maxLength(40))).check(z.maxLength(40)),
  /** The status per recommended channel; a channel without one is still "to contact". */
  status: z.record(z.string().check(z.maxLength(40)), StatusEntrySchema),
  /** The referral when saved (savedReferral, src/domain/referral-changes.ts), to tell what changed since; null outside Flanders. */
  referral: z.nullable(SavedReferralShape),
});

export interface DeskRecord extends Omit<z.infer<typeof DeskRecordShape>, 'profile' | 'referral'> {
  profile: Profile | null;
  referral: SavedReferral | null;
}

/**
 * A problem with one record of a file or of the store: the field (dotted path, "profile.staff") and the
 * rule it breaks, a key of RECORD_RULES (the UI words it: desk.allowed.<rule>); for the profile, `text`
 * says what is allowed in the language asked for (validateProfile's message).
 */
export interface RecordProblem {
  field: string;
  rule: RecordRule;
  text?: string;
}

/** The rules of a record's fields, with the limits the UI names. */
export const RECORD_RULES = {
  v: {}, id: {}, name: { max: MAX_NAME }, adviserName: { max: MAX_NAME }, mode: {}, savedAt: {}, updatedAt: {},
  contentVersion: { max: 20 }, region: {}, notes: { max: MAX_NOTES }, channels: {}, status: { max: MAX_STATUS_NOTE }, profile: {}, unknown: {},
} as const;
export type RecordRule = keyof typeof RECORD_RULES;
const isRule = (k: string): k is RecordRule => Object.hasOwn(RECORD_RULES, k);

/**
 * A record as stored or imported, checked: its shape, then the profile as Profile v1 against this
 * content (a firm in Flanders). Never throws; on failure every problem names its field and its rule.
 */
export function readRecord(data: unknown, content: Content, lang: Lang = 'nl'): { ok: true; record: DeskRecord } | { ok: false; problems: RecordProblem[] } {
  const shape = DeskRecordShape.safeParse(data);
  if (!shape.success) {
    const fields = [...new Set(shape.error.issues.flatMap((i) => {
      const path = i.path.map(String).join('.');
      // An unknown key is reported on its parent: name the key itself.
      const keys = i.code === 'unrecognized_keys' ? i.keys.map((k) => (path ? `${path}.${k}` : k)) : [path || 'record'];
      return keys;
    }))];
    return { ok: false, problems: fields.map((field) => { const top = field.split('.')[0]!; return { field, rule: isRule(top) && top !== 'unknown' ? top : 'unknown' }; }) };
  }
  const r = shape.data;
  // The snapshot passed its shape check above (SavedReferralShape): the comparison reads nothing more.
  const referral = r.referral as SavedReferral | null;
  if (r.region !== 'flanders') return r.profile === null ? { ok: true, record: { ...r, profile: null, referral } } : { ok: false, problems: [{ field: 'profile', rule: 'profile' }] };
  const checked = validateProfile(r.profile, content, lang);
  if (!checked.ok) return { ok: false, problems: checked.errors.map((e) => ({ field: `profile.${e.field}`, rule: 'profile', text: e.message })) };
  return { ok: true, record: { ...r, profile: checked.profile, referral } };
}

/** A new random id (crypto.randomUUID where the browser has it: it needs a secure context). */
export function newRecordId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('').replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}

/** The answers a record reopens in the wizard: the profile's, the mode, the names and the notes. */
export function recordAnswers(r: DeskRecord): Answers {
  const base: Answers = r.profile ? fromProfile(r.profile) : { region: r.region as Region };
  return { ...base, mode: r.mode, clientName: r.name, ...(r.adviserName ? { adviserName: r.adviserName } : {}), ...(r.notes ? { notes: r.notes } : {}) };
}

/** The status of one channel of a record: its entry, or "to contact" since the record was saved. */
export function statusOf(r: DeskRecord, channel: string): StatusEntry {
  return r.status[channel] ?? { status: 'to-contact', date: localDate(new Date(r.savedAt)), note: '' };
}

/** Whether any channel's status moved from "to contact" (the follow-up rule asks this). */
export const statusMoved = (r: DeskRecord): boolean => Object.values(r.status).some((s) => s.status !== 'to-contact');

/** Days in a week, and milliseconds in a day, for the follow-up rule. */
const DAY_MS = 86_400_000;

/**
 * The follow-up rule (issue 16, item 4): a record saved more than `weeks` weeks before `now` whose
 * status never moved ("did the client reach them?").
 */
export function needsFollowUp(r: DeskRecord, now: Date, weeks: number): boolean {
  return !statusMoved(r) && now.getTime() - Date.parse(r.savedAt) > weeks * 7 * DAY_MS;
}

export const DESK_SORTS = ['followUp', 'newest', 'oldest', 'name'] as const;
export type DeskSort = (typeof DESK_SORTS)[number];

/**
 * The list in the chosen order. `followUp` (the default): the records that need a follow-up first,
 * oldest first, then the rest newest first. Ties keep the name order, so the list does not jump.
 */
export function sortRecords(records: readonly DeskRecord[], sort: DeskSort, now: Date, weeks: number, lang: Lang): DeskRecord[] {
  const byName = (a: DeskRecord, b: DeskRecord) => a.name.localeCompare(b.name, lang, { sensitivity: 'base' }) || a.id.localeCompare(b.id);
  const time = (r: DeskRecord) => Date.parse(r.savedAt);
  const out = [...records];
  if (sort === 'name') return out.sort(byName);
  if (sort === 'oldest') return out.sort((a, b) => time(a) - time(b) || byName(a, b));
  if (sort === 'newest') return out.sort((a, b) => time(b) - time(a) || byName(a, b));
  const due = new Set(out.filter((r) => needsFollowUp(r, now, weeks)));
  return out.sort((a, b) => {
    const da = due.has(a), db = due.has(b);
    if (da !== db) return da ? -1 : 1;
    return da ? time(a) - time(b) || byName(a, b) : time(b) - time(a) || byName(a, b);
  });
}

/** Whether a record matches what was typed in the search: every word is in its name, notes, NACE code, province or a channel name. */
export function matchesSearch(r: DeskRecord, query: string, content: Content, lang: Lang): boolean {
  const words = query.toLocaleLowerCase(lang).split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const hay = [r.name, r.adviserName, r.notes, r.profile?.nace ?? '', r.profile?.province ?? '', r.region,
    ...r.channels.map((c) => content.channels[c]?.name[lang] ?? c)].join('\n').toLocaleLowerCase(lang);
  return words.every((w) => hay.includes(w));
}

/** Counts per status, overall and per channel (the desk's overview), over the recommended channels of each record. */
export function statusCounts(records: readonly DeskRecord[]): { total: Record<DeskStatus, number>; byChannel: Map<string, Record<DeskStatus, number>> } {
  const zero = () => Object.fromEntries(DESK_STATUSES.map((s) => [s, 0])) as Record<DeskStatus, number>;
  const total = zero();
  const byChannel = new Map<string, Record<DeskStatus, number>>();
  for (const r of records) {
    for (const c of r.channels) {
      const s = (r.status[c]?.status ?? 'to-contact');
      total[s]++;
      let row = byChannel.get(c);
      if (!row) byChannel.set(c, (row = zero()));
      row[s]++;
    }
  }
  return { total, byChannel };
}

/** What the wizard's answers need to be saved: a finished referral (a complete Flemish profile, or a firm outside Flanders). */
export function canSave(answers: Answers, content: Content): boolean {
  return (answers.region !== undefined && answers.region !== 'flanders') || completeProfile(answers, content) !== null;
}

/**
 * A new record, or `previous` updated, from the wizard's finished answers under `name`: the referral is
 * made with `content` and kept as a snapshot (savedReferral) to tell later what changed; statuses of
 * channels still recommended are kept. Null when the answers are not finished (see canSave).
 */
export function recordFromAnswers(answers: Answers, name: string, content: Content, lang: Lang, now = new Date(), previous?: DeskRecord | null): DeskRecord | null {
  if (!canSave(answers, content)) return null;
  const mode: DeskMode = answers.mode === 'intake' ? 'intake' : 'client';
  const profile = answers.region === 'flanders' ? completeProfile(answers, content) : null;
  const referral = snapshotFor(profile, mode, content, lang, answers.region);
  const channels = referral ? referral.channels.flatMap((c) => (c.status === 'recommended' ? [c.channel] : [])) : [];
  const status = Object.fromEntries(Object.entries(previous?.status ?? {}).filter(([c]) => channels.includes(c)));
  const iso = now.toISOString();
  return {
    v: 1,
    id: previous?.id ?? newRecordId(),
    name: name.trim().slice(0, MAX_NAME),
    adviserName: (answers.adviserName ?? '').slice(0, MAX_NAME),
    mode,
    savedAt: previous?.savedAt ?? iso,
    updatedAt: iso,
    contentVersion: content.meta.contentVersion,
    region: answers.region!,
    profile,
    notes: (answers.notes ?? '').slice(0, MAX_NOTES),
    channels,
    status,
    referral,
  };
}
