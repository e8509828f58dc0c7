import type { Profile, SizeClass } from './types';

/**
 * The SME ceilings of EU Recommendation 2003/361/EC, Annex, Art. 2 (as VLAIO applies it for its
 * support), smallest class first: staff in annual work units (AWU) strictly below `staffBelow`, AND
 * annual turnover <= `turnoverMax` or balance-sheet total <= `balanceMax` (both EUR).
 */
const SIZE_CEILINGS: ReadonlyArray<{ sizeClass: Exclude<SizeClass, 'large'>; staffBelow: number; turnoverMax: number; balanceMax: number }> = [
  { sizeClass: 'micro', staffBelow: 10, turnoverMax: 2_000_000, balanceMax: 2_000_000 },
  { sizeClass: 'small', staffBelow: 50, turnoverMax: 10_000_000, balanceMax: 10_000_000 },
  { sizeClass: 'medium', staffBelow: 250, turnoverMax: 50_000_000, balanceMax: 43_000_000 },
];

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
 * Size class by EU Recommendation 2003/361/EC (Annex, Art. 2; SIZE_CEILINGS): `staff` in AWU,
 * `turnoverEur` and `balanceSheetEur` in EUR (optional). The smallest class whose ceilings the firm
 * meets, else 'large'; with no figures staff alone decides, with one figure that one. Provisional when a missing figure could
 * change the class, or when the firm is a partner or linked enterprise (25% or more held by another
 * enterprise or public body, Art. 3: the group's figures must be added up). Never throws.
 */
export function sizeClass(p: SizeInput): SizeResult {
  const because: SizeResult['provisionalBecause'] = [];
  const hasTurnover = p.turnoverEur !== undefined;
  const hasBalance = p.balanceSheetEur !== undefined;
  let result: SizeClass = 'large';
  for (const c of SIZE_CEILINGS) {
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
  const staffOnly = SIZE_CEILINGS.find((c) => p.staff < c.staffBelow)?.sizeClass ?? 'large';
  const figuresKnown = Number(hasTurnover) + Number(hasBalance);
  if ((figuresKnown === 0 && staffOnly !== 'large') || (figuresKnown === 1 && result !== staffOnly)) {
    because.push('figures-missing');
  }
  if (p.ownedByLargeGroup) because.push('linked-enterprise');
  return { sizeClass: result, provisional: because.length > 0, provisionalBecause: because };
}
