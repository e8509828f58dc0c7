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

const inList = (list: readonly string[] | undefined, value: string | undefined) =>
  list === undefined || (value !== undefined && list.includes(value));
const anyOf = (list: readonly string[] | undefined, values: readonly string[]) =>
  list === undefined || values.some((v) => list.includes(v));

/** Every key present must hold; all/any/not combine conditions. */
export function holds(c: Condition, s: Situation): boolean {
  return (
    inList(c.sizeClass, s.sizeClass) &&
    inList(c.segment, s.segment) &&
    inList(c.techClass, s.techClass) &&
    inList(c.region, s.region) &&
    inList(c.province, s.province) &&
    anyOf(c.needs, s.needs) &&
    anyOf(c.triggers, s.triggers) &&
    (c.nace === undefined || c.nace.some((prefix) => naceMatches(prefix, s.nace))) &&
    (c.sizeProvisional === undefined || c.sizeProvisional === s.sizeProvisional) &&
    (c.ownedByLargeGroup === undefined || c.ownedByLargeGroup === s.ownedByLargeGroup) &&
    (c.all === undefined || c.all.every((x) => holds(x, s))) &&
    (c.any === undefined || c.any.some((x) => holds(x, s))) &&
    (c.not === undefined || !holds(c.not, s))
  );
}

/** "25.6" matches "25.62" and "25.6"; "25" matches everything in division 25. Compared on digits. */
export function naceMatches(prefix: string, nace: string): boolean {
  return nace.replace('.', '').startsWith(prefix.replace('.', ''));
}
