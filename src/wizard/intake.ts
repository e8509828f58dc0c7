// The intake format (advisors) and its import: JSON that reopens the intake exactly. Import never
// throws: a bad or foreign file gives a problem code and leaves the current work alone. The export
// (JSON, and a CSV row in the CLI's batch columns) is intake-export.ts: only intake mode needs it.
import { z } from '../domain/zod';
import { MAX_INTAKE_BYTES, MAX_NOTES } from './limits';
import type { Content } from '../domain/content-model';
import { fieldErrorText, validateProfile } from '../domain/profile';
import type { Lang, Profile, Referral, RegionReferral } from '../domain/types';
import { fromProfile, type Answers } from './answers';
import { MODES, type Mode } from './modes';

export const INTAKE_FORMAT = 'innovatiewijzer-intake';
export const INTAKE_VERSION = 1;

export interface Intake {
  format: typeof INTAKE_FORMAT;
  version: typeof INTAKE_VERSION;
  mode: Mode;
  region: Profile['region'];
  profile: Profile | null;
  referral: Referral | RegionReferral;
  notes: string;
  contentVersion: string;
  exportedAt: string;
}

/**
 * `field-too-long`: a text field of the file is longer than the format allows; `field` names it as in the
 * file ("notes"), `length` and `limit` are in characters. `invalid-profile`: `detail` names the field and
 * what is expected (in the import's language).
 */
export type ImportResult =
  | { ok: true; answers: Answers; notes: string; contentChanged: boolean }
  | { ok: false; problem: 'too-large' | 'not-json' | 'not-an-intake' | 'newer-version' | 'invalid-profile' | 'field-too-long'; detail?: string; field?: string; length?: number; limit?: number };

const IntakeHead = z.object({ format: z.literal(INTAKE_FORMAT), version: z.int() });

/** The v1 shape the import reads (the profile is checked after, as Profile v1, for a Flemish firm). Published as JSON Schema by src/wizard/intake-schema.ts. */
export const IntakeShape = z.object({
  format: z.literal(INTAKE_FORMAT),
  version: z.int().check(z.minimum(1)),
  mode: z.enum(MODES),
  region: z.enum(['flanders', 'brussels', 'wallonia', 'abroad']),
  profile: z.unknown(),
  notes: z.string().check(z.maxLength(MAX_NOTES)),
  contentVersion: z.string().check(z.maxLength(20)),
  exportedAt: z.string().check(z.maxLength(40)),
});

/** The text fields of the intake format with their limits (characters), as IntakeShape checks them. */
const TEXT_LIMITS = { notes: MAX_NOTES, contentVersion: 20, exportedAt: 40 } as const;

/** The first text field longer than the format allows, named with its length and limit; null when none is. */
function tooLong(data: unknown): Extract<ImportResult, { ok: false }> | null {
  for (const [field, limit] of Object.entries(TEXT_LIMITS)) {
    const value = (data as Record<string, unknown>)[field];
    if (typeof value === 'string' && value.length > limit) return { ok: false, problem: 'field-too-long', field, length: value.length, limit };
  }
  return null;
}

export function importIntake(text: string, content: Content, lang: Lang = 'nl'): ImportResult {
  try {
    return readIntake(text, content, lang);
  } catch {
    // Only a crafted file gets here (e.g. nested too deeply to check).
    return { ok: false, problem: 'not-an-intake' };
  }
}

function readIntake(text: string, content: Content, lang: Lang): ImportResult {
  if (text.length > MAX_INTAKE_BYTES) return { ok: false, problem: 'too-large' };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problem: 'not-json' };
  }
  // Ours at all, and which version: before the v1 shape, which a newer version may have changed.
  const head = IntakeHead.safeParse(data);
  if (!head.success) return { ok: false, problem: 'not-an-intake' };
  if (head.data.version > INTAKE_VERSION) return { ok: false, problem: 'newer-version' };
  const shape = IntakeShape.safeParse(data);
  if (!shape.success) return tooLong(data) ?? { ok: false, problem: 'not-an-intake' };
  const intake = shape.data;
  const contentChanged = intake.contentVersion !== content.meta.contentVersion;
  if (intake.region !== 'flanders') return { ok: true, answers: { region: intake.region, mode: intake.mode }, notes: intake.notes, contentChanged };
  const checked = validateProfile(intake.profile, content, lang);
  // Every problem, each naming its field and what is allowed (a hand-edited file may have several).
  if (!checked.ok) return { ok: false, problem: 'invalid-profile', detail: checked.errors.map(fieldErrorText).join(' | ') };
  return { ok: true, answers: { ...fromProfile(checked.profile), mode: intake.mode }, notes: intake.notes, contentChanged };
}
