import type { Condition } from '../content/schema';
import type { Profile, SizeClass, Segment, TechClass } from './types';

/** What a rule condition can look at: the profile plus the classes derived from it. */
export interface Situation {
  sizeClass: SizeClass;
  sizeProvisional: boolean;
  segment: Segment;
  techClass: TechClass;
  region: Profile['region'];
  province?: Profile['province'];
  needs: readonly string[];
  triggers: readonly string[];
  nace: string;
  ownedByLargeGroup: boolean;
}

type Test = (s: Situation) => boolean;

/** Each condition is turned once into a function that checks only the keys it has. */
const compiled = new WeakMap<Condition, Test>();

function compile(c: Condition): Test {
  const tests: Test[] = [];
  const oneOf = (list: readonly string[] | undefined, get: (s: Situation) => string | undefined) => {
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
  const { nace, sizeProvisional, ownedByLargeGroup, all, any, not } = c;
  if (nace) tests.push((s) => nace.some((prefix) => naceMatches(prefix, s.nace)));
  if (sizeProvisional !== undefined) tests.push((s) => s.sizeProvisional === sizeProvisional);
  if (ownedByLargeGroup !== undefined) tests.push((s) => s.ownedByLargeGroup === ownedByLargeGroup);
  if (all) tests.push((s) => all.every((x) => holds(x, s)));
  if (any) tests.push((s) => any.some((x) => holds(x, s)));
  if (not) tests.push((s) => !holds(not, s));
  if (tests.length === 1) return tests[0]!;
  // A plain loop: this runs for every rule of every referral.
  return (s) => {
    for (const t of tests) if (!t(s)) return false;
    return true;
  };
}

/** The compiled check of a condition (made once per condition). */
export function conditionTest(c: Condition): Test {
  let test = compiled.get(c);
  if (!test) compiled.set(c, (test = compile(c)));
  return test;
}

/** Every key present must hold; all/any/not combine conditions. */
export function holds(c: Condition, s: Situation): boolean {
  return conditionTest(c)(s);
}

/** "25.6" matches "25.62" and "25.6"; "25" matches everything in division 25. Compared on digits. */
export function naceMatches(prefix: string, nace: string): boolean {
  return nace.replace('.', '').startsWith(prefix.replace('.', ''));
}
