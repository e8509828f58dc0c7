// Profile v1: validation with zod, and errors that name the field and say what is expected.
import { z } from './zod';
import type { Content } from './content-model';
import { normaliseNace, readNace, type NaceRead } from './nace';
import { perContent } from './per-content';
import { fill } from './template';
import { INNOVATION_KEYS, LANGS, NACE_VERSIONS, PROFILE_FIELDS, PROVINCES, REGIONS, type Lang, type Profile } from './types';

/** A problem with one field: `field` is its path ("staff", "innovation.newGoods", "needs[1]"), `message` a sentence in the requested language. */
export interface FieldError {
  field: string;
  message: string;
}
/** An error as one line, "field: message": the CLI's stderr, the result CSV's error column, the batch page, the content check. */
export function fieldErrorText(e: FieldError): string {
  return `${e.field}: ${e.message}`;
}

/** What validateProfile returns: the profile, or at least one error (one per field). */
export type ProfileResult = { ok: true; profile: Profile } | { ok: false; errors: FieldError[] };

const amount = z.number().check(z.minimum(0));


function buildSchema(content: Content) {
  const needIds = content.needs.map((n) => n.id) as [string, ...string[]];
  const triggerIds = content.triggers.map((t) => t.id) as [string, ...string[]];
  const uniqueList = (ids: [string, ...string[]]) =>
    z.array(z.enum(ids)).check(z.superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((id, i) => {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [i], message: 'duplicate', input: id });
        seen.add(id);
      });
    }));
  return z
    .strictObject({
      region: z.enum(REGIONS),
      province: z.optional(z.enum(PROVINCES)),
      staff: amount,
      turnoverEur: z.optional(amount),
      balanceSheetEur: z.optional(amount),
      ownedByLargeGroup: z.optional(z.boolean()),
      nace: z.pipe(
        z.transform((v: unknown) => (typeof v === 'number' ? String(v) : v)),
        z.string().check(z.refine((s) => normaliseNace(s) !== null || /^\d{3,4}$/.test(s.trim()))),
      ),
      naceVersion: z.optional(z.enum(NACE_VERSIONS)),
      innovation: z._default(z.strictObject(Object.fromEntries(INNOVATION_KEYS.map((k) => [k, z.optional(z.boolean())]))), {}),
      needs: uniqueList(needIds).check(z.minLength(1)),
      triggers: z.optional(uniqueList(triggerIds)),
    })
    .check(z.superRefine((p, ctx) => {
      if (p.province !== undefined && p.region !== 'flanders') {
        ctx.addIssue({ code: 'custom', path: ['province'], message: 'provinceOutsideFlanders', input: p.province });
      }
      // The code must exist in Statbel's list of its version (of either, without a version).
      const read = typeof p.nace === 'string' ? readNace(p.nace, content.nace, p.naceVersion) : ({ ok: true } as const);
      if (!read.ok) ctx.addIssue({ code: 'custom', path: ['nace'], message: 'nace', input: p.nace, params: { read, version: p.naceVersion } });
    }));
}

/** The Profile v1 schema of a content (need and warning-light ids come from it), made once per content. */
const schemaFor = perContent(buildSchema);

/**
 * The zod schema of Profile v1 for this content (need and trigger ids come from the content), as
 * `validateProfile` uses it. For publishing the contract (src/cli/json-schemas.ts); to check input, use
 * `validateProfile`, which also normalises the NACE code and words the errors.
 */
export function profileSchema(content: Content) {
  return schemaFor(content);
}

function show(v: unknown): string {
  if (v === undefined) return 'undefined';
  let s: string;
  try {
    s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    // Too deeply nested, or a BigInt: say what kind of value it is.
    s = Array.isArray(v) ? '[...]' : typeof v === 'bigint' ? `${v}n` : v !== null && typeof v === 'object' ? '{...}' : typeof v;
  }
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

function expectation(field: string, content: Content, lang: Lang): string {
  const e = content.validation.expected;
  const top = field.split(/[.[]/)[0] ?? field;
  const text = field.startsWith('innovation.')
    ? e.innovationKey
    : Object.hasOwn(e, top) ? (e as Record<string, (typeof e)['region']>)[top] : undefined;
  if (!text) return '';
  const ids = (top === 'needs' ? content.needs : content.triggers).map((c) => c.id).join(', ');
  return `${content.validation.expectedPrefix[lang]} ${fill(text[lang], { ids })}`;
}

function describe(issue: z.core.$ZodIssue, content: Content, lang: Lang): FieldError[] {
  const p = content.validation.problems;
  const key = (k: PropertyKey) => (String(k) === '' ? '""' : String(k));
  const at = (path: PropertyKey[]) => path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${key(k)}`)).join('');
  const make = (field: string, problem: keyof typeof p, got?: unknown) => ({
    field,
    message: [fill(p[problem][lang], { field, got: show(got) }), expectation(field, content, lang)].filter(Boolean).join(' '),
  });
  if (issue.code === 'unrecognized_keys') {
    const allowed = issue.path[0] === 'innovation' ? INNOVATION_KEYS : PROFILE_FIELDS;
    const expected = `${content.validation.expectedPrefix[lang]} ${fill(content.validation.expected.fieldNames[lang], { ids: allowed.join(', ') })}`;
    return issue.keys.map((k) => {
      const field = at([...issue.path, k]);
      return { field, message: `${fill(p.unknownField[lang], { field })} ${expected}` };
    });
  }
  const field = at(issue.path);
  if (issue.path.length === 0) return [make('profile', 'notAnObject', issue.input)];
  if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) return [make(field, 'missing')];
  if (issue.code === 'custom' && (issue.message === 'duplicate' || issue.message === 'provinceOutsideFlanders')) {
    return [make(field, issue.message, issue.input)];
  }
  if (issue.code === 'custom' && issue.message === 'nace') {
    const { read, version } = issue.params as { read: Exclude<NaceRead, { ok: true }>; version?: string };
    return [{ field, message: naceMessage(field, issue.input, read, version, content, lang) }];
  }
  return [make(field, 'wrongValue', issue.input)];
}

/** Why a well-formed NACE code was refused (readNace), with the hint: the codes that exist nearby, or the reading with a leading zero. */
function naceMessage(field: string, got: unknown, read: Exclude<NaceRead, { ok: true }>, version: string | undefined, content: Content, lang: Lang): string {
  const p = content.validation.problems;
  if (read.problem === 'leadingZero') {
    const first = fill(p.naceLeadingZero[lang], { field, got: show(got), padded: read.padded });
    return read.literal ? `${first} ${fill(p.naceLeadingZeroBoth[lang], { got: show(got), literal: read.literal })}` : first;
  }
  if (read.problem === 'unknown') {
    const text = fill(p.naceUnknown[lang], { field, got: show(got), version: version ?? '2008 / 2025' });
    return read.near.length ? `${text} ${fill(p.naceNear[lang], { near: read.near.join(', ') })}` : `${text} ${expectation(field, content, lang)}`;
  }
  return [fill(p.wrongValue[lang], { field, got: show(got) }), expectation(field, content, lang)].join(' ');
}

/**
 * Validates unknown input (parsed JSON, a CSV row made by rowToProfileInput) as Profile v1 against this
 * content's need and warning-light ids: staff and amounts numbers from 0 (AWU, EUR), a NACE-BEL code
 * (a JSON number is accepted too) that exists in Statbel's list of `naceVersion` ("2008" or "2025"; of
 * either version when left out), at least one need. An undotted 3- or 4-digit code that exists once a
 * leading zero is put back ("1110" -> 01.110) is refused with that hint, never read either way silently
 * (nace.ts readNace). On success the NACE code is normalised ("2562" -> "25.62", "01110" -> "01.110")
 * on a copy. Errors name the field and what is expected, in `lang` (or in the one language of a content
 * made for one, as the browser's is), one per field. Never throws.
 */
export function validateProfile(input: unknown, content: Content, lang: Lang = 'nl'): ProfileResult {
  // The browser's content holds one language (vite.config.ts): a caller that only needs to know
  // whether the input is valid (share links) gets the errors in that language rather than a crash.
  if (content.validation.expectedPrefix[lang] === undefined) lang = LANGS.find((l) => content.validation.expectedPrefix[l] !== undefined) ?? lang;
  const r = schemaFor(content).safeParse(input, { reportInput: true });
  if (r.success) {
    const profile = r.data as Profile;
    profile.nace = normaliseNace(profile.nace)!;
    return { ok: true, profile };
  }
  const errors = r.error.issues.flatMap((i) => describe(i, content, lang));
  // One message per field: the first is the most telling.
  const seen = new Set<string>();
  return { ok: false, errors: errors.filter((e) => !seen.has(e.field) && seen.add(e.field)) };
}
