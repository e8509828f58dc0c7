// The prefilled link of a desk entry (issue 16, item 6): the documented "#r=" format with the facts the
// desk already knows of the firm (its size, sector and province), so the client answers only the rest
// (the innovation questions, the needs, the warning lights).
import { encodeProfileFragment } from '../persistence';
import type { DeskRecord } from './record';

/** The known facts of a record as a partial Profile v1: region, province, size (staff, figures, ownership) and NACE code. */
export function knownFacts(r: DeskRecord): Record<string, unknown> {
  const p = r.profile;
  if (!p) return { region: r.region };
  return {
    region: p.region,
    ...(p.province ? { province: p.province } : {}),
    staff: p.staff,
    ...(p.turnoverEur !== undefined ? { turnoverEur: p.turnoverEur } : {}),
    ...(p.balanceSheetEur !== undefined ? { balanceSheetEur: p.balanceSheetEur } : {}),
    ...(p.ownedByLargeGroup !== undefined ? { ownedByLargeGroup: p.ownedByLargeGroup } : {}),
    nace: p.nace,
    ...(p.naceVersion ? { naceVersion: p.naceVersion } : {}),
  };
}

/** The full address of the prefilled link, on the app at `base` (origin and path, e.g. "https://x.be/"). */
export function prefilledLink(r: DeskRecord, base: string): string {
  return `${base}${encodeProfileFragment(knownFacts(r))}`;
}
