import type { SizeCeiling } from './content-model';
import type { Profile, SizeClass } from './types';

/** A firm's size class, and whether it could change with more information. */
export interface SizeResult {
  sizeClass: SizeClass;
  /** True when `provisionalBecause` is not empty. */
  provisional: boolean;
  /** Why the class is provisional: figures missing, or part of a group whose figures must be added up. */
  provisionalBecause: Array<'figures-missing' | 'linked-enterprise'>;
}

type SizeInput = Pick<Profile, 'staff' | 'turnoverEur' | 'balanceSheetEur' | 'ownedByLargeGroup'>;

/**
 * Size class by EU Recommendation 2003/361/EC (Annex, Art. 2): `ceilings` are the SME ceilings in
 * force (content/policy.yaml `smeCeilings`, policy.ts `smeCeilings`), smallest class first: staff in
 * annual work units strictly below `staffBelow`, AND turnover <= `turnoverMax` or balance-sheet total
 * <= `balanceMax` (EUR). `staff` in AWU,
 * `turnoverEur` and `balanceSheetEur` in EUR (optional). The smallest class whose ceilings the firm
 * meets, else 'large'; with no figures staff alone decides, with one figure that one. Provisional when a missing figure could
 * change the class, or when the firm is a partner or linked enterprise (25% or more held by another
 * enterprise or public body, Art. 3: the group's figures must be added up). Never throws.
 */
export function sizeClass(p: SizeInput, ceilings: readonly SizeCeiling[]): SizeResult {
  const because: SizeResult['provisionalBecause'] = [];
  const hasTurnover = p.turnoverEur !== undefined;
  const hasBalance = p.balanceSheetEur !== undefined;
  let result: SizeClass = 'large';
  for (const c of ceilings) {
    if (p.staff >= c.staffBelow) continue;
    const turnoverOk = hasTurnover ? p.turnoverEur! <= c.turnoverMax : undefined;
    const balanceOk = hasBalance ? p.balanceSheetEur! <= c.balanceMax : undefined;
    // With no figures at all, classify on staff alone. With one figure, that figure decides.
    const met = (!hasTurnover && !hasBalance) || turnoverOk === true || balanceOk === true;
    if (met) {
      result = c.sizeClass;
      break;
    }
  }
  // Missing figures leave doubt unless the answer cannot change: with no figures at all the class
  // rests on staff alone (certain only when staff makes the firm large); with one figure, the
  // unknown one could only lower the class to the one staff alone allows.
  const staffOnly = ceilings.find((c) => p.staff < c.staffBelow)?.sizeClass ?? 'large';
  const figuresKnown = Number(hasTurnover) + Number(hasBalance);
  if ((figuresKnown === 0 && staffOnly !== 'large') || (figuresKnown === 1 && result !== staffOnly)) {
    because.push('figures-missing');
  }
  if (p.ownedByLargeGroup) because.push('linked-enterprise');
  return { sizeClass: result, provisional: because.length > 0, provisionalBecause: because };
}
