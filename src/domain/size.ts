import type { Profile, SizeClass } from './types';

/** EU SME definition as VLAIO applies it (domain.md): staff under the ceiling AND turnover or balance sheet under its ceiling. */
export const SIZE_CEILINGS: ReadonlyArray<{ sizeClass: Exclude<SizeClass, 'large'>; staffBelow: number; turnoverMax: number; balanceMax: number }> = [
  { sizeClass: 'micro', staffBelow: 10, turnoverMax: 2_000_000, balanceMax: 2_000_000 },
  { sizeClass: 'small', staffBelow: 50, turnoverMax: 10_000_000, balanceMax: 10_000_000 },
  { sizeClass: 'medium', staffBelow: 250, turnoverMax: 50_000_000, balanceMax: 43_000_000 },
];

export interface SizeResult {
  sizeClass: SizeClass;
  provisional: boolean;
  /** Why the class is provisional: figures missing, or part of a group whose figures must be added up. */
  provisionalBecause: Array<'figures-missing' | 'linked-enterprise'>;
}

type SizeInput = Pick<Profile, 'staff' | 'turnoverEur' | 'balanceSheetEur' | 'ownedByLargeGroup'>;

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
