// The intake file (intake.ts) as one zod schema, for publishing it as JSON Schema (src/cli/json-schemas.ts).
// The import checks a file in steps: the shape (IntakeShape, with any version up to INTAKE_VERSION),
// then, for a Flemish firm, the profile as Profile v1; it ignores the referral (it works it out again)
// and any other key. This schema says the same in one piece, and adds what an export writes:
// the referral, as Referral v1 (Flanders) or a region referral (elsewhere), optional because the import
// does not read it.
import { z } from '../domain/zod';
import type { Content } from '../domain/content-model';
import { profileSchema } from '../domain/profile';
import { OUTSIDE_REGIONS, referralIds, referralSchemas } from '../domain/referral-schema';
import { INTAKE_VERSION, IntakeShape } from './intake';

/** The intake file v1 for this content (need, trigger and channel ids come from it). */
export function intakeSchema(content: Content) {
  const { referral, regionReferral } = referralSchemas(referralIds(content));
  // IntakeShape takes any version from 1; the import refuses one above INTAKE_VERSION before it.
  const v1 = z.extend(IntakeShape, { version: z.literal(INTAKE_VERSION) });
  return z.discriminatedUnion('region', [
    z.extend(v1, { region: z.literal('flanders'), profile: profileSchema(content), referral: z.optional(referral) }),
    // Outside Flanders the profile stays IntakeShape's: any value (an export writes null), but the key must be there.
    z.extend(v1, { region: z.enum(OUTSIDE_REGIONS), referral: z.optional(regionReferral) }),
  ]);
}
