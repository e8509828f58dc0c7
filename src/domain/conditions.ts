// Rule conditions (content/rules.yaml `when`, channel `excludes`, fact `appliesTo`): what they look
// at, how they are checked, and the one walker every other reading of a condition tree goes through.
import type { Condition } from './content-model';
import type { InnovationKey, Profile, Segment, SizeClass, TechClass } from './types';

/**
 * What a rule condition can look at: the profile plus the classes derived from it. A firm known by
 * its region only (the wizard's answer for a firm outside Flanders) has only `region`, `needs` and
 * `triggers` (empty); a condition on an unknown value does not hold.
 */
export interface Situation {
  region: Profile['region'];
  needs: readonly string[];
  triggers: readonly string[];
  sizeClass?: SizeClass;
  sizeProvisional?: boolean;
  segment?: Segment;
  techClass?: TechClass;
  province?: Profile['province'];
  /** The firm's NACE-BEL code as validated (of the version the engine reads it in). */
  nace?: string;
  /**
   * The NACE-BEL 2008 classes `nace` stands for when it is read as a 2025 code (nace.ts as2008):
   * content names sectors in 2008 codes, so a condition on `nace` matches any of them. Absent: `nace`
   * is read as a 2008 code.
   */
  naceAs2008?: readonly string[];
  /** The innovation answers that are yes, with what they imply (implied.ts). */
  innovation?: readonly InnovationKey[];
  ownedByLargeGroup?: boolean;
}

/** The 2008 codes a situation's NACE code stands for (see Situation.naceAs2008). */
export function naceCodes2008(s: Pick<Situation, 'nace' | 'naceAs2008'>): readonly string[] {
  return s.naceAs2008 ?? (s.nace !== undefined ? [s.nace] : []);
}

/** A compiled condition: whether it holds for a situation. */
export type ConditionTest = (s: Situation) => boolean;

/**
 * Compiles a condition into a function that checks only the keys it has (every key present must
 * hold; `all`/`any`/`not` combine; an empty condition always holds). Compile once per content (the
 * engine does), check per firm. Neither compiling nor checking throws.
 */
export function compileCondition(c: Condition): ConditionTest {
  const tests: ConditionTest[] = [];
  const oneOf = <V extends string>(list: readonly V[] | undefined, get: (s: Situation) => V | undefined) => {
    if (list) tests.push((s) => { const v = get(s); return v !== undefined && list.includes(v); });
  };
  const anyOf = (list: readonly string[] | undefined, get: (s: Situation) => readonly string[]) => {
    if (list) tests.push((s) => get(s).some((v) => list.includes(v)));
  };
  oneOf(c.sizeClass, (s) => s.sizeClass);
  oneOf(c.segment, (s) => s.segment);
  oneOf(c.techClass, (s) => s.techClass);
  oneOf(c.region, (s) => s.region);
  oneOf(c.province, (s) => s.province);
  anyOf(c.needs, (s) => s.needs);
  anyOf(c.triggers, (s) => s.triggers);
  anyOf(c.innovation, (s) => s.innovation ?? []);
  const { nace, sizeProvisional, ownedByLargeGroup } = c;
  if (nace) tests.push((s) => naceCodes2008(s).some((code) => nace.some((prefix) => naceMatches(prefix, code))));
  if (sizeProvisional !== undefined) tests.push((s) => s.sizeProvisional === sizeProvisional);
  if (ownedByLargeGroup !== undefined) tests.push((s) => s.ownedByLargeGroup === ownedByLargeGroup);
  if (c.all) { const all = c.all.map(compileCondition); tests.push((s) => all.every((t) => t(s))); }
  if (c.any) { const any = c.any.map(compileCondition); tests.push((s) => any.some((t) => t(s))); }
  if (c.not) { const not = compileCondition(c.not); tests.push((s) => !not(s)); }
  if (tests.length === 1) return tests[0]!;
  // A plain loop: this runs for every rule of every referral.
  return (s) => {
    for (const t of tests) if (!t(s)) return false;
    return true;
  };
}

/** A node of a condition tree as the walker meets it. */
export interface ConditionNode {
  node: Condition;
  /** Dotted path from the root, e.g. "all.0.not" ("" for the root). */
  path: string;
  /** Whether the node sits under a `not` (an odd number of them). */
  negated: boolean;
}

/** Visits every node of a condition tree, root first (depth-first, in the order all, any, not). */
export function walkCondition(c: Condition, visit: (n: ConditionNode) => void, path = '', negated = false): void {
  visit({ node: c, path, negated });
  const at = (key: string) => (path ? `${path}.${key}` : key);
  c.all?.forEach((x, i) => walkCondition(x, visit, at(`all.${i}`), negated));
  c.any?.forEach((x, i) => walkCondition(x, visit, at(`any.${i}`), negated));
  if (c.not) walkCondition(c.not, visit, at('not'), !negated);
}

/** Whether some node of the condition, not under a `not`, asks for this value of a list key (e.g. a warning light). */
export function conditionAsks(c: Condition, key: 'needs' | 'triggers', value: string): boolean {
  let asks = false;
  walkCondition(c, ({ node, negated }) => { if (!negated && node[key]?.includes(value)) asks = true; });
  return asks;
}

/** Whether a condition looks at nothing but the region (so it can be judged before any other answer). */
export function onlyRegion(c: Condition): boolean {
  let only = true;
  walkCondition(c, ({ node }) => { if (Object.keys(node).some((k) => k !== 'region' && k !== 'all' && k !== 'any' && k !== 'not')) only = false; });
  return only;
}

/** "25.6" matches "25.62" and "25.6"; "25" matches everything in division 25. Compared on digits (NACE-BEL codes, dot optional). */
export function naceMatches(prefix: string, nace: string): boolean {
  return nace.replace('.', '').startsWith(prefix.replace('.', ''));
}
