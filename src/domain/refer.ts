// The referral engine: profile + content -> Referral v1. Generic; every rule and text is content.
import type { Channel, Content, Fact } from '../content/schema';
import { holds, naceMatches, type Situation } from './conditions';
import { techClass } from './nace';
import { segment } from './segment';
import { sizeClass } from './size';
import type { FiredRule, Lang, NotEligible, Profile, Recommendation, Referral } from './types';

export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}

export function situationOf(profile: Profile): Situation {
  const size = sizeClass(profile);
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

/** Index of facts by id across all channels (built once per content object). */
const factIndexes = new WeakMap<Content, Map<string, Fact>>();
export function factIndex(content: Content): Map<string, Fact> {
  let index = factIndexes.get(content);
  if (!index) {
    index = new Map(Object.values(content.channels).flatMap((c) => c.facts.map((f) => [f.id, f] as const)));
    factIndexes.set(content, index);
  }
  return index;
}

/** Clusters whose sector codes match the firm's NACE code (active ones first). */
export function clustersFor(nace: string, content: Content) {
  return content.clusters
    .filter((c) => c.status === 'active' && c.nace.some((prefix) => naceMatches(prefix, nace)));
}

function exclusion(channel: Channel, s: Situation, content: Content, lang: Lang): NotEligible | null {
  const hit = channel.excludes.find((e) => holds(e.when, s));
  if (hit) return { channel: channel.id, reason: hit.reason[lang], facts: hit.facts };
  if (channel.serves !== 'all' && channel.serves !== s.region) {
    const serves = content.labels.region[channel.serves][lang];
    return { channel: channel.id, reason: fill(content.engineTexts.servesElsewhere[lang], { name: channel.name[lang], serves }), facts: [] };
  }
  return null;
}

export function refer(profile: Profile, content: Content, lang: Lang = 'nl'): Referral {
  const s = situationOf(profile);
  const size = sizeClass(profile);
  const L = content.labels;
  const vars: Record<string, string> = {
    sizeClass: L.sizeClass[s.sizeClass][lang],
    segment: L.segment[s.segment][lang],
    techClass: L.techClass[s.techClass][lang],
    province: s.province ? L.province[s.province][lang] : L.region[s.region][lang],
    needs: s.needs.map((id) => content.needs.find((n) => n.id === id)?.label[lang] ?? id).join(', '),
    triggers: s.triggers.map((id) => content.triggers.find((t) => t.id === id)?.label[lang] ?? id).join(', '),
  };
  const facts = factIndex(content);

  const fired: FiredRule[] = [];
  const byChannel = new Map<string, { score: number; reasons: string[]; laterBecause: string[]; rules: string[]; facts: string[] }>();
  for (const rule of content.rules) {
    if (!holds(rule.when, s)) continue;
    fired.push({ id: rule.id, channel: rule.channel, weight: rule.weight });
    const entry = byChannel.get(rule.channel) ?? { score: 0, reasons: [], laterBecause: [], rules: [], facts: [] };
    entry.score += rule.weight;
    entry.rules.push(rule.id);
    const reason = fill(content.reasons[rule.reason]![lang], vars);
    // A negative rule explains why the channel comes later ("first this, then that").
    if (rule.weight < 0 && !entry.laterBecause.includes(reason)) entry.laterBecause.push(reason);
    if (rule.weight > 0) {
      if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
      for (const id of rule.quote) {
        const fact = facts.get(id)!;
        if (entry.facts.includes(id) || (fact.appliesTo && !holds(fact.appliesTo, s))) continue;
        entry.facts.push(id);
        entry.reasons.push(fill(content.engineTexts.quotedFact[lang], { fact: fact.text[lang], source: fact.source, checked: fact.checked }));
      }
    }
    byChannel.set(rule.channel, entry);
  }

  const order = content.meta.channelOrder;
  const notEligible: NotEligible[] = [];
  const candidates: Array<Omit<Recommendation, 'rank'>> = [];
  for (const id of order) {
    const channel = content.channels[id]!;
    const entry = byChannel.get(id);
    const excluded = exclusion(channel, s, content, lang);
    if (excluded) {
      if (entry || channel.core) notEligible.push(excluded);
      continue;
    }
    if (!entry || entry.score <= 0) continue;
    const reasons = [...entry.reasons];
    const office = s.province ? channel.contact.offices?.[s.province] : undefined;
    if (office && s.province) {
      const where = [office.name, office.address, office.phone, office.email].filter(Boolean).join(', ');
      reasons.push(fill(content.engineTexts.officeForProvince[lang], { province: vars.province!, office: where }));
    }
    if (id === 'cluster') {
      const names = clustersFor(s.nace, content).map((c) => c.name);
      if (names.length) reasons.push(fill(content.engineTexts.clustersForSector[lang], { clusters: names.join(', ') }));
    }
    candidates.push({ channel: id, score: entry.score, reasons, laterBecause: entry.laterBecause, rules: entry.rules, facts: entry.facts });
  }
  // Stable sort: equal scores keep the channel order of meta.yaml.
  candidates.sort((a, b) => b.score - a.score);
  const recommendations = candidates.map((c, i) => ({ ...c, rank: i + 1 }));

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
    contentVersion: content.meta.contentVersion,
  };
}

/** Whether a condition looks at nothing but the region (so it can be judged before any other answer). */
function onlyRegion(c: import('../content/schema').Condition): boolean {
  return Object.entries(c).every(([k, v]) =>
    k === 'region' || (k === 'all' || k === 'any' ? (v as typeof c[]).every(onlyRegion) : k === 'not' ? onlyRegion(v as typeof c) : false));
}

export interface RegionReferral {
  region: Profile['region'];
  outOfRegion: true;
  recommendations: Array<Pick<Recommendation, 'channel' | 'rank' | 'reasons' | 'laterBecause' | 'rules'>>;
  warnings: string[];
  contentVersion: string;
}

/**
 * The referral for a firm without operations in the Flemish Region, from its region alone: the wizard
 * sends such a firm straight to its own region's front door. Uses the rules that look only at the region.
 */
export function referRegion(region: Exclude<Profile['region'], 'flanders'>, content: Content, lang: Lang = 'nl'): RegionReferral {
  const scores = new Map<string, { score: number; reasons: string[]; rules: string[] }>();
  for (const rule of content.rules) {
    if (!onlyRegion(rule.when) || !holds(rule.when, { region } as Situation)) continue;
    const entry = scores.get(rule.channel) ?? { score: 0, reasons: [], rules: [] };
    entry.score += rule.weight;
    entry.rules.push(rule.id);
    if (rule.weight > 0) entry.reasons.push(content.reasons[rule.reason]![lang]);
    scores.set(rule.channel, entry);
  }
  const frontDoor = content.meta.frontDoors[region];
  if (!scores.has(frontDoor)) scores.set(frontDoor, { score: 1, reasons: [], rules: [] });
  const recommendations = content.meta.channelOrder
    .filter((id) => (scores.get(id)?.score ?? 0) > 0)
    .sort((a, b) => scores.get(b)!.score - scores.get(a)!.score)
    .map((channel, i) => ({ channel, rank: i + 1, reasons: scores.get(channel)!.reasons, laterBecause: [], rules: scores.get(channel)!.rules }));
  return { region, outOfRegion: true, recommendations, warnings: [content.engineTexts.warnings.outOfRegion[lang]], contentVersion: content.meta.contentVersion };
}
