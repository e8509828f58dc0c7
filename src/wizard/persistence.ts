// Saved progress (localStorage) and share links (URL fragment). Both are versioned and validated:
// decoding never throws; anything unusable becomes a clear problem code and a fresh start.
import { z } from '../domain/zod';
import type { Content } from '../domain/content-model';
import { normaliseNace } from '../domain/nace';
import { validateProfile } from '../domain/profile';
import { INNOVATION_KEYS, PROVINCES, REGIONS } from '../domain/types';
import { MAX_NAME, MAX_NOTES } from './limits';
import { fromProfile, STEPS, toProfile, type Answers, type Step } from './answers';
import { MODES } from './modes';
import { isShareFragment, SHARE_PREFIX } from './share-link';


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
});
export type Saved = z.infer<typeof SavedSchema>;

export type Decoded<T> = { ok: true; value: T } | { ok: false; problem: 'damaged' | 'outdated' | 'invalid' };

function base64UrlEncode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64UrlDecode(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The fragment ("#r=...") that carries a firm's answers: a complete profile, or just the region outside Flanders. */
export function encodeShareFragment(answers: Answers): string {
  const payload = answers.region && answers.region !== 'flanders'
    ? { v: SHARE_VERSION, region: answers.region }
    : { v: SHARE_VERSION, profile: toProfile(answers) };
  return `${SHARE_PREFIX}${base64UrlEncode(JSON.stringify(payload))}`;
}

export function decodeShareFragment(hash: string, content: Content): Decoded<Answers> {
  if (!isShareFragment(hash) || hash.length > MAX_FRAGMENT) return { ok: false, problem: 'damaged' };
  const json = base64UrlDecode(hash.slice(SHARE_PREFIX.length));
  const data = json === null ? undefined : parseJson(json);
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, problem: 'damaged' };
  const { v } = data as { v?: unknown };
  if (v !== SHARE_VERSION) return { ok: false, problem: typeof v === 'number' ? 'outdated' : 'damaged' };
  const { region, profile } = data as { region?: unknown; profile?: unknown };
  if (region === 'brussels' || region === 'wallonia' || region === 'abroad') return { ok: true, value: { region } };
  const checked = validateProfile(profile, content);
  return checked.ok ? { ok: true, value: fromProfile(checked.profile) } : { ok: false, problem: 'invalid' };
}

export function serialiseSaved(answers: Answers, step: Step, now = new Date()): string {
  // Annotations longer than the format allows are cut rather than making the whole save unreadable.
  const clamped = { ...answers, ...(answers.notes !== undefined ? { notes: answers.notes.slice(0, MAX_NOTES) } : {}),
    ...(answers.adviserName !== undefined ? { adviserName: answers.adviserName.slice(0, MAX_NAME) } : {}),
    ...(answers.clientName !== undefined ? { clientName: answers.clientName.slice(0, MAX_NAME) } : {}) };
  return JSON.stringify({ v: SAVE_VERSION, answers: clamped, step, savedAt: now.toISOString() } satisfies Saved);
}

/**
 * Saved progress, checked against its format and, when `content` is given, against what the product
 * knows now: progress saved before a content update (a need removed, a code no longer valid) counts as damaged.
 */
export function parseSaved(raw: string | null, content?: Content): Decoded<Saved> | null {
  if (raw === null) return null;
  if (raw.length > 256_000) return { ok: false, problem: 'damaged' };
  const data = parseJson(raw);
  if (data && typeof data === 'object' && 'v' in data && (data as { v: unknown }).v !== SAVE_VERSION) return { ok: false, problem: 'outdated' };
  const r = SavedSchema.safeParse(data);
  if (!r.success) return { ok: false, problem: 'damaged' };
  if (content && !fitsContent(r.data.answers, content)) return { ok: false, problem: 'damaged' };
  return { ok: true, value: r.data };
}

function fitsContent(a: Answers, content: Content): boolean {
  const known = (ids: string[] | undefined, choices: Content['needs']) => (ids ?? []).every((id) => choices.some((c) => c.id === id));
  return (a.nace === undefined || normaliseNace(a.nace) !== null) && known(a.needs, content.needs) && known(a.triggers, content.triggers);
}
