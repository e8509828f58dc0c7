// Policy figures as dated data (content/policy.yaml): which value is in force on a day, and what the
// wizard and the engine derive from them. Pure.
import type { Dated, Policy, SizeCeiling } from './content-model';

/**
 * The value in force on `day` (YYYY-MM-DD): the last value whose `since` is on or before it, or the
 * first value when `day` is earlier than all of them (the content holds no older one). `values` are
 * oldest first, as the content check requires. Never throws for a non-empty list.
 */
export function inForce<V>(values: ReadonlyArray<Dated<V>>, day: string): Dated<V> {
  let hit = values[0]!;
  for (const v of values) if (v.since <= day) hit = v;
  return hit;
}

/** The SME ceilings (micro, small, medium) in force on `day`: EU Recommendation 2003/361/EC, Annex, Art. 2. */
export function smeCeilings(policy: Policy, day: string): readonly SizeCeiling[] {
  return inForce(policy.smeCeilings.values, day).value;
}

/**
 * The staff count (AWU) from which a firm is large whatever its turnover and balance sheet: the
 * medium class's `staffBelow` (250 since 2005). The wizard skips the figures page from this count on.
 */
export function largeFromStaff(ceilings: readonly SizeCeiling[]): number {
  return Math.max(...ceilings.map((c) => c.staffBelow));
}
