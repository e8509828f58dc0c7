// The referral engine: profile + content -> Referral v1. Generic; every rule and text is content.
import type { Channel, Condition, Content, Fact } from '../content/schema';
import { conditionTest, holds, naceMatches, type Situation } from './conditions';
import { formatDate } from './format';
import { fill } from './template';
import { techClass } from './nace';
import { segment } from './segment';
import { sizeClass } from './size';
import type { FiredRule, Lang, NotEligible, Profile, Recommendation, Referral } from './types';

export { fill };

export function situationOf(profile: Profile, size = sizeClass(profile)): Situation {
  return {
    sizeClass: size.sizeClass,
    sizeProvisional: size.provisional,
    segment: segment(profile.innovation),
    techClass: techClass(profile.nace),
    region: profile.region,
    province: profile.province,
    needs: profile.needs,
    triggers: profile.triggers ?? [],
    nace: profile.nace,
    ownedByLargeGroup: profile.ownedByLargeGroup === true,
  };
}

/** What is derived from the content alone, made once per content object. */
function perContent<V>(make: (content: Content) => V): (content: Content) => V {
  const made = new WeakMap<Content, V>();
  return (content) => {
    let v = made.get(content);
    if (v === undefined) made.set(content, (v = make(content)));
    return v;
  };
}

/** Index of facts by id across all channels. */
export const factIndex = perContent((content): Map<string, Fact> =>
  new Map(Object.values(content.channels).flatMap((c) => c.facts.map((f) => [f.id, f] as const))));

/** Per content, a small memo of what does not depend on the firm (or only on its NACE code). */
function memo<K, V>() {
  const byContent = new WeakMap<Content, Map<K, V>>();
  return (content: Content, key: K, make: () => V): V => {
    let map = byContent.get(content);
    if (!map) byContent.set(content, (map = new Map()));
    let v = map.get(key);
    if (v === undefined) { v = make(); if (map.size < 10_000) map.set(key, v); }
    return v;
  };
}
const clusterMemo = memo<string, Content['clusters']>();
const servesMemo = memo<string, string>();

/** The active clusters whose sector codes match the firm's NACE code. */
export function clustersFor(nace: string, content: Content) {
  return clusterMemo(content, nace, () => content.clusters
    .filter((c) => c.status === 'active' && c.nace.some((prefix) => naceMatches(prefix, nace))));
}

function exclusion(channel: Channel, s: Situation, content: Content, lang: Lang): NotEligible | null {
  const hit = channel.excludes.find((e) => holds(e.when, s));
  if (hit) return { channel: channel.id, reason: hit.reason[lang], facts: hit.facts };
  if (channel.serves !== 'all' && channel.serves !== s.region) {
    const serves = channel.serves;
    const reason = servesMemo(content, `${lang}:${channel.id}`, () =>
      fill(content.engineTexts.servesElsewhere[lang], { name: channel.name[lang], serves: content.labels.region[serves][lang] }));
    return { channel: channel.id, reason, facts: [] };
  }
  return null;
}

/** A fact as quoted with a reason, with its source and date; the same for every firm, so made once. */
const quotedMemo = memo<string, string>();
function quotedFact(content: Content, id: string, lang: Lang): string {
  return quotedMemo(content, `${lang}:${id}`, () => {
    const fact = factIndex(content).get(id)!;
    return fill(content.engineTexts.quotedFact[lang], { fact: fact.text[lang], source: fact.source, checked: formatDate(fact.checked, lang) });
  });
}

/** A reason sentence, or a quoted fact (with its id so a fact is quoted only once per referral). */
interface ReasonLine { text: string; fact?: string }
interface ChannelScore { score: number; reasons: ReasonLine[]; laterBecause: string[]; rules: string[]; seen: Set<string> }
type Candidate = Omit<Recommendation, 'rank' | 'reasons'> & { reasons: ReasonLine[] };

/** The rules with their conditions compiled. */
const rulesOf = perContent((content) => content.rules.map((rule) => ({ rule, test: conditionTest(rule.when) })));

/** Fires the rules (those `use` accepts) and sums their weights per channel, collecting reasons and quoted facts. */
function scoreRules(content: Content, s: Situation, lang: Lang, vars: (key: string) => string | undefined, use?: (rule: Content['rules'][number]) => boolean) {
  const facts = factIndex(content);
  const fired: FiredRule[] = [];
  const byChannel = new Map<string, ChannelScore>();
  for (const { rule, test } of rulesOf(content)) {
    if ((use && !use(rule)) || !test(s)) continue;
    fired.push({ id: rule.id, channel: rule.channel, weight: rule.weight });
    const entry = byChannel.get(rule.channel) ?? { score: 0, reasons: [], laterBecause: [], rules: [], seen: new Set<string>() };
    entry.score += rule.weight;
    entry.rules.push(rule.id);
    const reason = fill(content.reasons[rule.reason]![lang], vars);
    // A negative rule explains why the channel comes later ("first this, then that").
    if (rule.weight < 0 && !entry.laterBecause.includes(reason)) entry.laterBecause.push(reason);
    if (rule.weight > 0) {
      if (!entry.seen.has(reason)) { entry.seen.add(reason); entry.reasons.push({ text: reason }); }
      for (const id of rule.quote) {
        const fact = facts.get(id)!;
        if (entry.seen.has(id) || (fact.appliesTo && !holds(fact.appliesTo, s))) continue;
        entry.seen.add(id);
        entry.reasons.push({ text: quotedFact(content, id, lang), fact: id });
      }
    }
    byChannel.set(rule.channel, entry);
  }
  return { fired, byChannel };
}

/** Best first (stable: equal scores keep the channel order of meta.yaml), `first` before all; a fact is quoted only where it first appears. */
function rank(candidates: Candidate[], first?: string): Recommendation[] {
  const quoted = new Set<string>();
  return [...candidates]
    .sort((a, b) => Number(b.channel === first) - Number(a.channel === first) || b.score - a.score)
    .map((c, i) => {
      const lines = c.reasons.filter((r) => !r.fact || !quoted.has(r.fact));
      const facts = lines.flatMap((r) => (r.fact ? [r.fact] : []));
      facts.forEach((f) => quoted.add(f));
      return { ...c, rank: i + 1, reasons: lines.map((r) => r.text), facts };
    });
}

/** The firm's values for the placeholders of reason texts, in the user's language (looked up only when used). */
function placeholders(s: Situation, content: Content, lang: Lang) {
  const L = content.labels;
  return (key: string): string | undefined => {
    switch (key) {
      case 'sizeClass': return L.sizeClass[s.sizeClass][lang];
      case 'segment': return L.segment[s.segment][lang];
      case 'techClass': return L.techClass[s.techClass][lang];
      case 'province': return s.province ? L.province[s.province][lang] : L.region[s.region][lang];
      case 'needs': return s.needs.map((id) => content.needs.find((n) => n.id === id)?.label[lang] ?? id).join(', ');
      case 'triggers': return s.triggers.map((id) => content.triggers.find((t) => t.id === id)?.label[lang] ?? id).join(', ');
      default: return undefined;
    }
  };
}

export function refer(profile: Profile, content: Content, lang: Lang = 'nl'): Referral {
  const size = sizeClass(profile);
  const s = situationOf(profile, size);
  const vars = placeholders(s, content, lang);
  const { fired, byChannel } = scoreRules(content, s, lang, vars);

  const order = content.meta.channelOrder;
  const notEligible: NotEligible[] = [];
  const candidates: Candidate[] = [];
  for (const id of order) {
    const channel = content.channels[id]!;
    const entry = byChannel.get(id);
    const excluded = exclusion(channel, s, content, lang);
    if (excluded) {
      if (entry || channel.core) notEligible.push(excluded);
      continue;
    }
    if (!entry || entry.score <= 0) continue;
    const reasons: ReasonLine[] = [...entry.reasons];
    const office = s.province ? channel.contact.offices?.[s.province] : undefined;
    if (office && s.province) {
      const where = [office.name, office.address, office.phone, office.email].filter(Boolean).join(', ');
      reasons.push({ text: fill(content.engineTexts.officeForProvince[lang], { province: vars('province'), office: where }) });
    }
    if (id === 'cluster') {
      const names = clustersFor(s.nace, content).map((c) => c.name);
      if (names.length) reasons.push({ text: fill(content.engineTexts.clustersForSector[lang], { clusters: names.join(', ') }) });
    }
    candidates.push({ channel: id, score: entry.score, reasons, laterBecause: entry.laterBecause, rules: entry.rules, facts: [] });
  }
  // A firm outside Flanders is always pointed first to its own region's front door.
  const frontDoor = s.region === 'flanders' ? undefined : content.meta.frontDoors[s.region];
  const recommendations = rank(candidates, frontDoor);

  const signals = s.triggers.map((trigger) => ({
    trigger,
    channels: recommendations.filter((r) => r.rules.some((id) => namesTrigger(ruleIndex(content).get(id)!.when, trigger))).map((r) => r.channel),
  }));

  const W = content.engineTexts.warnings;
  const warnings: string[] = [];
  if (s.region !== 'flanders') warnings.push(W.outOfRegion[lang]);
  if (size.provisionalBecause.includes('linked-enterprise')) warnings.push(W.linkedEnterprise[lang]);
  if (size.provisionalBecause.includes('figures-missing')) warnings.push(W.figuresMissing[lang]);
  if (s.needs.includes('not-sure')) warnings.push(W.notSure[lang]);

  return {
    sizeClass: s.sizeClass,
    sizeProvisional: s.sizeProvisional,
    segment: s.segment,
    techClass: s.techClass,
    outOfRegion: s.region !== 'flanders',
    recommendations,
    notEligible,
    warnings,
    firedRules: fired,
    signals,
    contentVersion: content.meta.contentVersion,
  };
}

const ruleIndex = perContent((content) => new Map(content.rules.map((r) => [r.id, r])));

/** Whether a condition asks for this warning light (not under a `not`). */
function namesTrigger(c: Condition, trigger: string): boolean {
  return (c.triggers?.includes(trigger) ?? false) || (c.all ?? []).some((x) => namesTrigger(x, trigger)) || (c.any ?? []).some((x) => namesTrigger(x, trigger));
}

/** Whether a condition looks at nothing but the region (so it can be judged before any other answer). */
function onlyRegion(c: Condition): boolean {
  return Object.entries(c).every(([k, v]) =>
    k === 'region' || (k === 'all' || k === 'any' ? (v as typeof c[]).every(onlyRegion) : k === 'not' ? onlyRegion(v as typeof c) : false));
}

export interface RegionReferral {
  region: Profile['region'];
  outOfRegion: true;
  recommendations: Array<Pick<Recommendation, 'channel' | 'rank' | 'reasons' | 'laterBecause' | 'rules' | 'facts'>>;
  warnings: string[];
  contentVersion: string;
}

/**
 * The referral for a firm without operations in the Flemish Region, from its region alone: the wizard
 * sends such a firm straight to its own region's front door. Uses the rules that look only at the region.
 */
export function referRegion(region: Exclude<Profile['region'], 'flanders'>, content: Content, lang: Lang = 'nl'): RegionReferral {
  const situation = { region, needs: [], triggers: [] } as unknown as Situation;
  const { byChannel } = scoreRules(content, situation, lang, (key) => (key === 'province' ? content.labels.region[region][lang] : undefined), (rule) => onlyRegion(rule.when));
  const frontDoor = content.meta.frontDoors[region];
  if (!byChannel.has(frontDoor)) byChannel.set(frontDoor, { score: 1, reasons: [], laterBecause: [], rules: [], seen: new Set() });
  const candidates: Candidate[] = content.meta.channelOrder
    .filter((id) => (byChannel.get(id)?.score ?? 0) > 0)
    .map((channel) => ({ channel, score: byChannel.get(channel)!.score, reasons: byChannel.get(channel)!.reasons, laterBecause: [], rules: byChannel.get(channel)!.rules, facts: [] }));
  const recommendations = rank(candidates).map(({ channel, rank: r, reasons, laterBecause, rules, facts }) => ({ channel, rank: r, reasons, laterBecause, rules, facts }));
  return { region, outOfRegion: true, recommendations, warnings: [content.engineTexts.warnings.outOfRegion[lang]], contentVersion: content.meta.contentVersion };
}
