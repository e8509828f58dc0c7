// Saved progress (localStorage) and share links (URL fragment). Both are versioned and validated:
// decoding never throws; anything unusable becomes a clear problem code and a fresh start.
import { z } from '../domain/zod';
import type { Content } from '../domain/content-model';
import { readNace } from '../domain/nace';
import { validateProfile } from '../domain/profile';
import { fill } from '../domain/template';
import { INNOVATION_KEYS, NACE_VERSIONS, PROVINCES, REGIONS, type Lang } from '../domain/types';
import { MAX_NAME, MAX_NOTES } from './limits';
import { fromProfile, STEPS, toProfile, type Answers, type Step } from './answers';
import { MODES, type Mode } from './modes';
import { base64UrlDecode, isShareFragment, repairShareFragment, SHARE_PREFIX } from './share-link';


export const SHARE_VERSION = 1;
export const SAVE_VERSION = 1;
/** Larger fragments are not ours (and not worth decoding). */
const MAX_FRAGMENT = 8_000;

const amount = z.number().check(z.minimum(0));
const text = (max: number) => z.string().check(z.maxLength(max));
const ids = z.array(text(40)).check(z.maxLength(30));
const AnswersSchema = z.strictObject({
  mode: z.optional(z.enum(MODES)),
  region: z.optional(z.enum(REGIONS)),
  province: z.optional(z.enum(PROVINCES)),
  staff: z.optional(amount),
  turnoverEur: z.optional(z.nullable(amount)),
  balanceSheetEur: z.optional(z.nullable(amount)),
  ownedByLargeGroup: z.optional(z.boolean()),
  nace: z.optional(text(10)),
  naceVersion: z.optional(z.enum(NACE_VERSIONS)),
  innovation: z.optional(z.partialRecord(z.enum(INNOVATION_KEYS), z.boolean())),
  introducedAnswered: z.optional(z.boolean()),
  practicesAnswered: z.optional(z.boolean()),
  needs: z.optional(ids),
  triggers: z.optional(ids),
  showTriggers: z.optional(z.boolean()),
  triggersAnswered: z.optional(z.boolean()),
  notes: z.optional(text(MAX_NOTES)),
  adviserName: z.optional(text(MAX_NAME)),
  clientName: z.optional(text(MAX_NAME)),
});

const SavedSchema = z.strictObject({
  v: z.literal(SAVE_VERSION),
  answers: AnswersSchema,
  step: z.enum(STEPS),
  savedAt: text(40),
  /** The save's revision: one more than the save it replaced (revisions.ts); absent in saves made before revisions (0). */
  rev: z.optional(z.int().check(z.minimum(0))),
});
export type Saved = z.infer<typeof SavedSchema>;

/** `fields`: for an invalid share link, the top-level fields that were refused ("staff", "mode", "profile"). */
/** `outdated`: from an older version of the app that this one no longer reads; `newer`: from a newer version than this one. */
export type Decoded<T> = { ok: true; value: T } | { ok: false; problem: 'damaged' | 'outdated' | 'newer' | 'invalid'; fields?: string[] };

/** The problem of a format version `v` that is not `current`: newer or older than this app; not a number at all is damage. */
function versionProblem(v: unknown, current: number): 'outdated' | 'newer' | 'damaged' {
  if (typeof v !== 'number' || !Number.isFinite(v)) return 'damaged';
  return v > current ? 'newer' : 'outdated';
}

function base64UrlEncode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The fragment ("#r=...") that carries a firm's answers: `{ v: 1, profile }`, the profile a complete
 * Profile v1 (for a firm outside Flanders just its region). No mode: whoever opens the link sees the
 * owner's wording (the README, "Share and prefilled links", documents the format).
 */
export function encodeShareFragment(answers: Answers): string {
  const profile = answers.region && answers.region !== 'flanders' ? { region: answers.region } : toProfile(answers);
  return `${SHARE_PREFIX}${base64UrlEncode(JSON.stringify({ v: SHARE_VERSION, profile }))}`;
}

/** Stand-ins for the required fields a partial profile leaves out, so that each given field is checked on its own. */
const standIns = (content: Content) => ({ region: 'flanders', staff: 0, nace: '62', needs: [content.needs[0]!.id] });
/** The top-level field an error is about; an unknown field named like no field could be, as "profile". */
const topField = (field: string) => {
  const top = field.split(/[.[]/)[0] ?? '';
  return /^[A-Za-z0-9_]{1,40}$/.test(top) ? top : 'profile';
};

/**
 * The answers of a share link's profile: a valid Profile v1 as it is (the result can be shown), or any
 * subset of its fields, each checked on its own (plus "a province only in Flanders"), to be completed in
 * the wizard. A province without a region means Flanders. A field that does not validate refuses the
 * whole link, naming the field; nothing is dropped to save the rest.
 */
function profileAnswers(profile: unknown, content: Content): { ok: true; answers: Answers } | { ok: false; fields: string[] } {
  if (!profile || typeof profile !== 'object' || Array.isArray(profile)) return { ok: false, fields: ['profile'] };
  const complete = validateProfile(profile, content);
  if (complete.ok) return { ok: true, answers: fromProfile(complete.profile) };
  const given = profile as Record<string, unknown>;
  const checked = validateProfile({ ...standIns(content), ...given }, content);
  if (!checked.ok) return { ok: false, fields: [...new Set(checked.errors.map((e) => topField(e.field)))] };
  const p = checked.profile;
  const has = (field: string) => Object.hasOwn(given, field);
  const answers: Answers = {};
  if (has('region')) answers.region = p.region;
  else if (has('province')) answers.region = 'flanders';
  if (has('province')) answers.province = p.province;
  if (has('staff')) answers.staff = p.staff;
  if (has('turnoverEur')) answers.turnoverEur = p.turnoverEur;
  if (has('balanceSheetEur')) answers.balanceSheetEur = p.balanceSheetEur;
  if (has('ownedByLargeGroup')) answers.ownedByLargeGroup = p.ownedByLargeGroup;
  if (has('nace')) answers.nace = p.nace;
  if (has('nace') && has('naceVersion')) answers.naceVersion = p.naceVersion;
  if (has('innovation')) Object.assign(answers, { innovation: { ...p.innovation }, introducedAnswered: true, practicesAnswered: true });
  if (has('needs')) answers.needs = [...p.needs];
  if (has('triggers')) {
    const triggers = [...(p.triggers ?? [])];
    Object.assign(answers, { triggers, showTriggers: triggers.length > 0, triggersAnswered: true });
  }
  return { ok: true, answers };
}

/**
 * A share or prefilled link: `{ v: 1, mode?, profile }` (and the older `{ v: 1, region }` of a firm
 * outside Flanders). The link is repaired first (share-link.ts). A complete profile opens the result, a
 * partial one the first open question (the machine's RESTORE decides); `mode` sets the wizard's mode.
 */
export function decodeShareFragment(hash: string, content: Content): Decoded<Answers> {
  const fragment = repairShareFragment(hash);
  if (!isShareFragment(fragment) || fragment.length > MAX_FRAGMENT) return { ok: false, problem: 'damaged' };
  const json = base64UrlDecode(fragment.slice(SHARE_PREFIX.length));
  const data = json === null ? undefined : parseJson(json);
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, problem: 'damaged' };
  const { v } = data as { v?: unknown };
  if (v !== SHARE_VERSION) return { ok: false, problem: versionProblem(v, SHARE_VERSION) };
  const { mode, region, profile } = data as { mode?: unknown; region?: unknown; profile?: unknown };
  if (mode !== undefined && !(MODES as readonly unknown[]).includes(mode)) return { ok: false, problem: 'invalid', fields: ['mode'] };
  const withMode = (answers: Answers): Answers => (mode === undefined ? answers : { mode: mode as Mode, ...answers });
  if (region === 'brussels' || region === 'wallonia' || region === 'abroad') return { ok: true, value: withMode({ region }) };
  const read = profileAnswers(profile, content);
  return read.ok ? { ok: true, value: withMode(read.answers) } : { ok: false, problem: 'invalid', fields: read.fields };
}

/**
 * What is wrong with a share link that `decodeShareFragment` finds `invalid`: one sentence per refused
 * field, naming it as the link format does ("staff", "needs", ...), with what it holds and what is
 * allowed, in `lang` (the wording of content/validation.yaml). For whoever made the link (a CRM, an
 * accountant's template) to put it right. Empty for a link that is not invalid. Never throws.
 */
export function shareLinkErrors(hash: string, content: Content, lang: Lang): string[] {
  // Each a sentence of its own (the messages end in "Expected: ..." without a full stop).
  return shareLinkProblems(hash, content, lang).map((e) => (/[.!?]$/.test(e) ? e : `${e}.`));
}

function shareLinkProblems(hash: string, content: Content, lang: Lang): string[] {
  if (decodeShareFragment(hash, content).ok) return [];
  const json = base64UrlDecode(repairShareFragment(hash).slice(SHARE_PREFIX.length));
  const data = json === null ? undefined : parseJson(json);
  if (!data || typeof data !== 'object' || Array.isArray(data)) return [];
  const { mode, profile } = data as { mode?: unknown; profile?: unknown };
  const v = content.validation;
  if (mode !== undefined && !(MODES as readonly unknown[]).includes(mode)) {
    return [`${fill(v.problems.wrongValue[lang], { field: 'mode', got: JSON.stringify(mode) ?? String(mode) })} ${v.expectedPrefix[lang]} ${fill(v.expected.fieldNames[lang], { ids: MODES.join(', ') })}`];
  }
  if (!profile || typeof profile !== 'object' || Array.isArray(profile)) return [fill(v.problems.notAnObject[lang], { got: JSON.stringify(profile) ?? 'undefined' })];
  const checked = validateProfile({ ...standIns(content), ...(profile as Record<string, unknown>) }, content, lang);
  return checked.ok ? [] : checked.errors.map((e) => e.message);
}

/** Saved progress as stored: the answers, the page, the time and the revision (`rev`, see revisions.ts). */
export function serialiseSaved(answers: Answers, step: Step, now = new Date(), rev = 1): string {
  // Annotations longer than the format allows are cut rather than making the whole save unreadable.
  const clamped = { ...answers, ...(answers.notes !== undefined ? { notes: answers.notes.slice(0, MAX_NOTES) } : {}),
    ...(answers.adviserName !== undefined ? { adviserName: answers.adviserName.slice(0, MAX_NAME) } : {}),
    ...(answers.clientName !== undefined ? { clientName: answers.clientName.slice(0, MAX_NAME) } : {}) };
  return JSON.stringify({ v: SAVE_VERSION, answers: clamped, step, savedAt: now.toISOString(), rev } satisfies Saved);
}

/**
 * Saved progress, checked against its format and, when `content` is given, against what the product
 * knows now: progress saved before a content update (a need removed, a code no longer valid) counts as damaged.
 */
export function parseSaved(raw: string | null, content?: Content): Decoded<Saved> | null {
  if (raw === null) return null;
  if (raw.length > 256_000) return { ok: false, problem: 'damaged' };
  const data = parseJson(raw);
  if (data && typeof data === 'object' && 'v' in data && (data as { v: unknown }).v !== SAVE_VERSION) return { ok: false, problem: versionProblem((data as { v: unknown }).v, SAVE_VERSION) };
  const r = SavedSchema.safeParse(data);
  if (!r.success) return { ok: false, problem: 'damaged' };
  if (content && !fitsContent(r.data.answers, content)) return { ok: false, problem: 'damaged' };
  return { ok: true, value: r.data };
}

function fitsContent(a: Answers, content: Content): boolean {
  const known = (ids: string[] | undefined, choices: Content['needs']) => (ids ?? []).every((id) => choices.some((c) => c.id === id));
  // A code must still exist in the list of its version (of either without one): NACE-BEL lists change.
  return (a.nace === undefined || readNace(a.nace, content.nace, a.naceVersion).ok) && known(a.needs, content.needs) && known(a.triggers, content.triggers);
}

/** The stored save as the tabs compare it (revisions.ts): null when there is none or it cannot be read. */
export function syncedOf(raw: string | null): { rev: number; answers: Answers; step: Step; savedAt: string } | null {
  const saved = parseSaved(raw);
  return saved?.ok ? { rev: saved.value.rev ?? 0, answers: saved.value.answers, step: saved.value.step, savedAt: saved.value.savedAt } : null;
}

/**
 * A prefilled link's fragment for any subset of Profile v1 (`{ v: 1, mode?, profile }`, the format
 * decodeShareFragment reads): the facts already known, so whoever opens it answers only the rest.
 * Without `mode` the link speaks to the owner (the client fills it in).
 */
export function encodeProfileFragment(profile: Record<string, unknown>, mode?: Mode): string {
  return `${SHARE_PREFIX}${base64UrlEncode(JSON.stringify({ v: SHARE_VERSION, ...(mode ? { mode } : {}), profile }))}`;
}
