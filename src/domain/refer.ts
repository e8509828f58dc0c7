// The referral engine: profile + content -> Referral v1. Generic: every rule, text and channel is
// content (content/rules.yaml, content/channels/*.yaml); no content id is written in this file.
import type { Channel, Cluster, College, Content, Fact } from './content-model';
import { compileCondition, conditionAsks, naceMatches, onlyRegion, type Situation } from './conditions';
import { formatDate, localDate } from './format';
import { withImplied } from './implied';
import { techClass } from './nace';
import { perContent } from './per-content';
import { smeCeilings } from './policy';
import { segment } from './segment';
import { sizeClass, type SizeResult } from './size';
import { fill } from './template';
import type { Application, Contact, FiredRule, InnovationKey, Lang, NotEligible, OutsideRegion, Profile, Recommendation, Referral, RegionReferral } from './types';

export type { Situation };

/**
 * The situation rules look at for a firm: its answers (innovation answers with what they imply,
 * implied.ts) plus its size class (`size`: size.ts with the ceilings in force), segment (Tabel 12) and
 * technology class (Tabel 13). Expects a validated profile; throws an Error (from techClass) when
 * `nace` is not a NACE code.
 */
export function situationOf(profile: Profile, size: SizeResult): Situation {
  const { innovation } = withImplied(profile.innovation);
  return {
    sizeClass: size.sizeClass,
    sizeProvisional: size.provisional,
    segment: segment(innovation),
    innovation: (Object.keys(innovation) as InnovationKey[]).filter((k) => innovation[k] === true),
    techClass: techClass(profile.nace),
    region: profile.region,
    province: profile.province,
    needs: profile.needs,
    triggers: profile.triggers ?? [],
    nace: profile.nace,
    ownedByLargeGroup: profile.ownedByLargeGroup === true,
  };
}

/** The referral engine for one content: everything that depends on the content alone is made once. */
export interface Engine {
  /** The content the engine was made for. */
  readonly content: Content;
  /**
   * The referral for a validated profile (see `validateProfile`), texts in `lang`.
   *
   * Size class: EU Recommendation 2003/361/EC as VLAIO applies it (src/domain/size.ts); segment: the
   * innovation pyramid, Tabel 12 of the SERV study on knowledge diffusion in Flemish SMEs (src/domain/segment.ts);
   * technology class: Eurostat's aggregation of manufacturing by technological intensity, Tabel 13 (src/domain/nace.ts). Then
   * every rule of content/rules.yaml whose `when` holds adds its weight to its channel; channels
   * with a positive total are recommended, best first (equal scores keep meta.yaml's channelOrder),
   * except that a firm outside Flanders gets its region's front door (meta.yaml `frontDoors`) first.
   * A channel that excludes the firm (its `excludes`, or `serves` another region) is listed under
   * `notEligible` when a rule asked for it or it is a core channel. Each quoted fact appears once
   * per referral, under the first channel that quotes it. `on` (YYYY-MM-DD, default: the device's
   * day) picks the policy figures in force (content/policy.yaml) and the call windows: a recommendation
   * says when the firm can apply for the instruments its rules name, and a channel whose instruments
   * all had their last known call closed, with no next one known, is never ranked first while another
   * channel is recommended. Never throws for a valid profile.
   */
  refer(profile: Profile, lang?: Lang, on?: string): Referral;
  /** The situation the rules look at for a validated profile, with the size ceilings in force on `on` (default: today). */
  situation(profile: Profile, on?: string): Situation;
  /**
   * The referral for a firm known by its region only (outside Flanders): the wizard sends such a
   * firm straight to its own region's front door. Uses only the rules that look at nothing but the
   * region; the front door is always recommended, first.
   */
  referRegion(region: OutsideRegion, lang?: Lang): RegionReferral;
  /** The active clusters (content/providers/clusters.yaml) whose NACE codes cover the firm's code. */
  clustersFor(nace: string): Cluster[];
  /** A fact by its id (facts of every channel), or undefined. */
  fact(id: string): Fact | undefined;
  /** Ids of the rules whose condition holds for this situation, in the order of rules.yaml. */
  rulesThatHold(s: Situation): string[];
}

/** A reason sentence, or a quoted fact (with its id so a fact is quoted only once per referral). */
interface ReasonLine { text: string; fact?: string }
interface ChannelScore { score: number; reasons: ReasonLine[]; laterBecause: string[]; rules: string[]; seen: Set<string> }
type Candidate = Omit<Recommendation, 'rank' | 'reasons'> & { reasons: ReasonLine[]; closedOnly?: boolean };
type Vars = (key: string) => string | undefined;

/**
 * A memo for what the engine makes from a few keys only (a text per language and id, the clusters of a
 * NACE code, a contact). Bounded, so odd input (a fuzzer's NACE codes) cannot grow it without end.
 */
function memo<V>(limit = 10_000): (key: string, make: () => V) => V {
  const made = new Map<string, V>();
  return (key, make) => {
    let v = made.get(key);
    if (v === undefined) {
      v = make();
      if (made.size < limit) made.set(key, v);
    }
    return v;
  };
}

/** A sourced value as shown (content keeps its source and date). */
const str = (v: { value: string | number } | undefined) => (v === undefined ? undefined : String(v.value));
/** The contact without the fields that have no value (so a referral holds no `undefined`). */
function compact(c: { organisation: string } & { [K in Exclude<keyof Contact, 'organisation'>]?: string | undefined }): Contact {
  const out: Contact = { organisation: c.organisation };
  for (const key of ['phone', 'email', 'url', 'address', 'note'] as const) {
    const v = c[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/**
 * Makes the engine for a validated content (`loadContent().content` in Node; the build's content
 * modules in the browser). Profiles must be validated first:
 *
 *   const { content } = loadContent();
 *   const v = validateProfile(JSON.parse(text), content, 'nl');   // errors name the field
 *   if (v.ok) createEngine(content).refer(v.profile, 'nl');
 *
 * Compiles every condition, indexes facts and rules, and keeps the texts that are the same for every firm. Pure. Content that was not
 * cross-checked (an unknown fact, reason or channel id) makes `refer` throw a TypeError when it
 * reaches that id; content as load.ts returns it never does.
 */
export function createEngine(content: Content): Engine {
  const facts = new Map(Object.values(content.channels).flatMap((c) => c.facts.map((f) => [f.id, f] as const)));
  const appliesTo = new Map([...facts.values()].flatMap((f) => (f.appliesTo ? [[f.id, compileCondition(f.appliesTo)] as const] : [])));
  const rules = content.rules.map((rule) => ({ rule, test: compileCondition(rule.when), onlyRegion: onlyRegion(rule.when) }));
  const ruleById = new Map(content.rules.map((r) => [r.id, r]));
  const excludes = new Map(Object.values(content.channels).map((c) => [c.id, c.excludes.map((e) => ({ ...e, test: compileCondition(e.when) }))]));
  const unsureNeeds = new Set(content.needs.filter((n) => n.unsure).map((n) => n.id));
  const instrumentOf = new Map(content.rules.flatMap((r) => (r.instrument ? [[r.id, r.instrument] as const] : [])));
  const activeClusters = content.clusters.filter((c) => c.status === 'active');

  /** Texts that depend on the language and one id only, filled once. */
  const cached = memo<string>();
  const quotedFact = (id: string, lang: Lang) => cached(`quote:${lang}:${id}`, () => {
    const fact = facts.get(id)!;
    const vars = { fact: fact.text[lang], source: fact.source, checked: formatDate(fact.checked, lang), pageDate: fact.pageDate && formatDate(fact.pageDate, lang) };
    return fill((fact.pageDate ? content.engineTexts.quotedFactDated : content.engineTexts.quotedFact)[lang], vars);
  });

  /**
   * When a firm can apply for instrument `id` of `channel` on day `on`: an open call (until it closes),
   * else the first call still to come (confirmed or expected), else any time (status open), else the
   * last known call closed with no next one (calls known, or status closed). Null when nothing is known.
   */
  function applicationFor(channel: Channel, id: string, on: string): Application | null {
    const status = channel.instruments.find((i) => i.id === id)?.status;
    if (status === 'open') return { instrument: id, timing: 'anyTime' };
    const calls = channel.calls.filter((c) => c.instrument === id);
    const open = calls.find((c) => !c.expected && (c.opens ?? '') <= on && c.closes !== undefined && on <= c.closes);
    if (open) return { instrument: id, timing: 'openUntil', closes: open.closes! };
    const next = calls
      .filter((c) => (c.opens ?? c.closes!) > on)
      .sort((a, b) => (a.opens ?? a.closes!).localeCompare(b.opens ?? b.closes!))[0];
    if (next) {
      return { instrument: id, timing: next.expected ? 'nextExpected' : 'nextOpens', ...(next.opens ? { opens: next.opens } : {}), ...(next.closes ? { closes: next.closes } : {}) };
    }
    const last = calls.map((c) => c.closes).filter((d): d is string => d !== undefined && d < on).sort().at(-1);
    if (last || status === 'closed') return { instrument: id, timing: 'closedNoNext', ...(last ? { closes: last } : {}) };
    return null;
  }

  /** The sentence saying when the firm can apply, in `lang`. */
  function applicationText(channel: Channel, a: Application, lang: Lang): string {
    const name = channel.instruments.find((i) => i.id === a.instrument)?.name[lang] ?? a.instrument;
    const date = (d: string | undefined) => (d ? formatDate(d, lang) : '');
    // An expected call may be known only by the day it should close: that day is then the one said.
    return fill(content.engineTexts.callTiming[a.timing][lang], { instrument: name, opens: date(a.opens ?? a.closes), closes: date(a.closes) });
  }
  const servesElsewhere = (channel: Channel, serves: Exclude<Channel['serves'], 'all'>, lang: Lang) => cached(`serves:${lang}:${channel.id}`, () =>
    fill(content.engineTexts.servesElsewhere[lang], { name: channel.name[lang], serves: content.labels.region[serves][lang] }));
  // Clusters per NACE code: the same few codes come back in every batch.
  const clustersByNace = memo<Cluster[]>();
  const clustersFor = (nace: string) => clustersByNace(nace, () => activeClusters.filter((c) => c.nace.some((prefix) => naceMatches(prefix, nace))));

  function exclusion(channel: Channel, s: Situation, lang: Lang): NotEligible | null {
    const hit = excludes.get(channel.id)!.find((e) => e.test(s));
    if (hit) return { channel: channel.id, reason: hit.reason[lang], facts: hit.facts };
    if (channel.serves !== 'all' && channel.serves !== s.region) return { channel: channel.id, reason: servesElsewhere(channel, channel.serves, lang), facts: [] };
    return null;
  }

  /** Fires the rules (those `use` accepts) and sums their weights per channel, collecting reasons and quoted facts. */
  function scoreRules(s: Situation, lang: Lang, vars: Vars, use?: (r: (typeof rules)[number]) => boolean) {
    const fired: FiredRule[] = [];
    const byChannel = new Map<string, ChannelScore>();
    for (const r of rules) {
      if ((use && !use(r)) || !r.test(s)) continue;
      const { rule } = r;
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
          if (entry.seen.has(id) || appliesTo.get(id)?.(s) === false) continue;
          entry.seen.add(id);
          entry.reasons.push({ text: quotedFact(id, lang), fact: id });
        }
      }
      byChannel.set(rule.channel, entry);
    }
    return { fired, byChannel };
  }

  /** The firm's values for the placeholders of reason texts, in the user's language (looked up only when used). */
  function placeholders(s: Situation, lang: Lang): Vars {
    const L = content.labels;
    return (key) => {
      switch (key) {
        case 'sizeClass': return s.sizeClass && L.sizeClass[s.sizeClass][lang];
        case 'segment': return s.segment && L.segment[s.segment][lang];
        case 'techClass': return s.techClass && L.techClass[s.techClass][lang];
        case 'province': return s.province ? L.province[s.province][lang] : L.region[s.region][lang];
        case 'needs': return s.needs.map((id) => content.needs.find((n) => n.id === id)?.label[lang] ?? id).join(', ');
        case 'triggers': return s.triggers.map((id) => content.triggers.find((t) => t.id === id)?.label[lang] ?? id).join(', ');
        default: return undefined;
      }
    };
  }

  /** What the content adds to a channel's reasons for this firm: its provincial office, the clusters of its sector. */
  function channelExtras(channel: Channel, s: Situation, lang: Lang, vars: Vars): ReasonLine[] {
    const extras: ReasonLine[] = [];
    const office = s.province ? channel.contact.offices?.[s.province] : undefined;
    if (office) {
      const where = [office.name, office.address, office.phone, office.email].filter(Boolean).join(', ');
      extras.push({ text: fill(content.engineTexts.officeForProvince[lang], { province: vars('province'), office: where }) });
    }
    if (channel.namesSectorClusters && s.nace !== undefined) {
      const names = clustersFor(s.nace).map((c) => c.name);
      if (names.length) extras.push({ text: fill(content.engineTexts.clustersForSector[lang], { clusters: names.join(', ') }) });
    }
    return extras;
  }

  /** The channel's own point for the firm: its province's office, else (where the channel says so) a college of the province, else its central contact. */
  function ownContact(channel: Channel, s: Pick<Situation, 'province' | 'nace'>, lang: Lang): Contact {
    const c = channel.contact;
    const note = c.note?.[lang];
    const { province, nace } = s;
    const office = province ? c.offices?.[province] : undefined;
    if (office) return compact({ organisation: office.name, phone: office.phone, email: office.email, url: office.url, address: office.address, note });
    const fits = (k: College) => !k.nace || (nace !== undefined && k.nace.some((prefix) => naceMatches(prefix, nace)));
    const college = province && c.nearestCollege ? content.colleges.find((k) => k.provinces.includes(province) && (k.phone || k.email) && fits(k)) : undefined;
    if (college) {
      return compact({ organisation: college.name, phone: str(college.phone), email: str(college.email), url: str(college.url), address: str(college.address), note });
    }
    return compact({ organisation: c.organisation[lang], phone: str(c.phone), email: str(c.email), url: str(c.url), note });
  }

  // The contact depends on the channel, the province, the NACE code and the language only: made once per
  // combination. Referrals share these objects: they are never changed.
  const contacts = memo<Contact>();
  const contactFor = (channel: Channel, s: Pick<Situation, 'province' | 'nace'>, lang: Lang): Contact =>
    contacts(`${lang}:${channel.id}:${s.province ?? ''}:${s.nace ?? ''}`, () => pickContact(channel, s, lang));

  /** Whom the firm contacts for a channel: its own point, or the `via` channel's when it has no phone or e-mail. */
  function pickContact(channel: Channel, s: Pick<Situation, 'province' | 'nace'>, lang: Lang): Contact {
    const own = ownContact(channel, s, lang);
    const via = channel.contact.via;
    if (own.phone || own.email || !via) return own;
    return { ...ownContact(content.channels[via.channel]!, s, lang), note: via.note[lang] };
  }

  /**
   * Best first (stable: equal scores keep the channel order of meta.yaml), `first` before all; a channel
   * whose known calls are all closed with no next one (`closedOnly`) gives the first place to the best
   * other channel; a fact is quoted only where it first appears.
   */
  function rank(candidates: Candidate[], first?: string): Recommendation[] {
    const quoted = new Set<string>();
    const sorted = [...candidates].sort((a, b) => Number(b.channel === first) - Number(a.channel === first) || b.score - a.score);
    if (sorted[0]?.closedOnly && sorted[0].channel !== first) {
      const open = sorted.findIndex((c) => !c.closedOnly);
      if (open > 0) sorted.unshift(...sorted.splice(open, 1));
    }
    return sorted
      .map(({ closedOnly: _closed, ...c }, i) => {
        const lines = c.reasons.filter((r) => !r.fact || !quoted.has(r.fact));
        const factIds = lines.flatMap((r) => (r.fact ? [r.fact] : []));
        factIds.forEach((f) => quoted.add(f));
        return { ...c, rank: i + 1, reasons: lines.map((r) => r.text), facts: factIds };
      });
  }

  function refer(profile: Profile, lang: Lang = 'nl', on: string = localDate()): Referral {
    const size = sizeClass(profile, smeCeilings(content.policy, on));
    const s = situationOf(profile, size);
    const vars = placeholders(s, lang);
    const { fired, byChannel } = scoreRules(s, lang, vars);

    const notEligible: NotEligible[] = [];
    const candidates: Candidate[] = [];
    for (const id of content.meta.channelOrder) {
      const channel = content.channels[id]!;
      const entry = byChannel.get(id);
      const excluded = exclusion(channel, s, lang);
      if (excluded) {
        if (entry || channel.core) notEligible.push(excluded);
        continue;
      }
      if (!entry || entry.score <= 0) continue;
      const reasons = [...entry.reasons, ...channelExtras(channel, s, lang, vars)];
      // The instruments this channel's (positive) rules point to, and when the firm can apply for them.
      const instruments = [...new Set(entry.rules.flatMap((r) => (ruleById.get(r)!.weight > 0 && instrumentOf.has(r) ? [instrumentOf.get(r)!] : [])))];
      const applications = instruments.flatMap((i) => applicationFor(channel, i, on) ?? []);
      reasons.push(...applications.map((a) => ({ text: applicationText(channel, a, lang) })));
      // Closed without a next call: every positive rule names an instrument, and each of them is closed.
      const closedOnly = applications.length > 0 && applications.every((a) => a.timing === 'closedNoNext')
        && entry.rules.every((r) => ruleById.get(r)!.weight < 0 || instrumentOf.has(r)) && instruments.length === applications.length;
      candidates.push({
        channel: id, score: entry.score, reasons, laterBecause: entry.laterBecause, rules: entry.rules, facts: [], contact: contactFor(channel, s, lang),
        ...(applications.length ? { applications } : {}), ...(closedOnly ? { closedOnly } : {}),
      });
    }
    // A firm outside Flanders is always pointed first to its own region's front door.
    const frontDoor = s.region === 'flanders' ? undefined : content.meta.frontDoors[s.region];
    const recommendations = rank(candidates, frontDoor);

    const signals = s.triggers.map((trigger) => ({
      trigger,
      channels: recommendations.filter((r) => r.rules.some((id) => conditionAsks(ruleById.get(id)!.when, 'triggers', trigger))).map((r) => r.channel),
    }));

    const W = content.engineTexts.warnings;
    const warnings: string[] = [];
    if (s.region !== 'flanders') warnings.push(W.outOfRegion[lang]);
    if (size.provisionalBecause.includes('linked-enterprise')) warnings.push(W.linkedEnterprise[lang]);
    if (size.provisionalBecause.includes('figures-missing')) warnings.push(W.figuresMissing[lang]);
    if (s.needs.some((id) => unsureNeeds.has(id))) warnings.push(W.notSure[lang]);
    const { implied } = withImplied(profile.innovation);
    if (implied.length) warnings.push(content.engineTexts.impliedAnswers[lang]);

    return {
      sizeClass: size.sizeClass,
      sizeProvisional: size.provisional,
      segment: s.segment!,
      techClass: s.techClass!,
      outOfRegion: s.region !== 'flanders',
      recommendations,
      notEligible,
      warnings,
      ...(implied.length ? { impliedAnswers: implied } : {}),
      firedRules: fired,
      signals,
      contentVersion: content.meta.contentVersion,
    };
  }

  function referRegion(region: OutsideRegion, lang: Lang = 'nl'): RegionReferral {
    const s: Situation = { region, needs: [], triggers: [] };
    const { byChannel } = scoreRules(s, lang, placeholders(s, lang), (r) => r.onlyRegion);
    const frontDoor = content.meta.frontDoors[region];
    if (!byChannel.has(frontDoor)) byChannel.set(frontDoor, { score: 1, reasons: [], laterBecause: [], rules: [], seen: new Set() });
    const candidates: Candidate[] = content.meta.channelOrder.flatMap((channel) => {
      const entry = byChannel.get(channel);
      return entry && entry.score > 0
        ? [{ channel, score: entry.score, reasons: entry.reasons, laterBecause: [], rules: entry.rules, facts: [], contact: contactFor(content.channels[channel]!, s, lang) }]
        : [];
    });
    const recommendations = rank(candidates).map(({ channel, rank: r, reasons, laterBecause, rules: ids, facts: factIds, contact }) => ({ channel, rank: r, reasons, laterBecause, rules: ids, facts: factIds, contact }));
    return { region, outOfRegion: true, recommendations, warnings: [content.engineTexts.warnings.outOfRegion[lang]], contentVersion: content.meta.contentVersion };
  }

  return {
    content,
    refer,
    situation: (profile, on = localDate()) => situationOf(profile, sizeClass(profile, smeCeilings(content.policy, on))),
    referRegion,
    clustersFor,
    fact: (id) => facts.get(id),
    rulesThatHold: (s) => rules.filter((r) => r.test(s)).map((r) => r.rule.id),
  };
}

/** The engine of a content object, made on first use and kept as long as the content is (one per content). */
export const engineFor: (content: Content) => Engine = perContent(createEngine);

/**
 * The referral (Referral v1) for a profile that passed validateProfile, texts in `lang` (default nl):
 * `engineFor(content).refer(profile, lang)`, so the engine is made once per content. How it ranks and
 * the sources of its classes: see Engine.refer. Never throws for a valid profile and a loaded content.
 */
export function refer(profile: Profile, content: Content, lang: Lang = 'nl', on?: string): Referral {
  return engineFor(content).refer(profile, lang, on);
}

/** `engineFor(content).referRegion(region, lang)`: the referral for a firm known by its region only (see Engine.referRegion). Never throws for a loaded content. */
export function referRegion(region: OutsideRegion, content: Content, lang: Lang = 'nl'): RegionReferral {
  return engineFor(content).referRegion(region, lang);
}

