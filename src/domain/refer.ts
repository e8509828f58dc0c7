// The referral engine: profile + content -> Referral v1. Generic: every rule, text and channel is
// content (content/rules.yaml, content/channels/*.yaml); no content id is written in this file.
import type { Channel, Cluster, College, Content, Fact, Voice } from './content-model';
import { compileCondition, conditionAsks, naceCodes2008, naceMatches, onlyRegion, walkCondition, type Situation } from './conditions';
import { formatDate, localDate } from './format';
import { withImplied } from './implied';
import { as2008, naceIndex, techClassOf } from './nace';
import { perContent } from './per-content';
import { smeCeilings } from './policy';
import { segment } from './segment';
import { sizeClass, type SizeResult } from './size';
import { fill } from './template';
import type {
  Application, Contact, FiredRule, InnovationKey, Lang, NaceVersion, NotEligible, NotRecommended, OutsideRegion, Profile, Recommendation, Referral,
  RegionReferral, TechClass,
} from './types';

export type { Situation };

/**
 * The NACE-BEL version the engine reads a profile's code in: the profile's `naceVersion`; without
 * one, 2008 where the code exists in Statbel's 2008 list (Profile v1 was written in 2008 codes),
 * else 2025 where it exists there, else 2008. `assumed`: no version was given and the code exists in
 * both lists, so the other reading may differ (the engine then compares them and warns).
 */
export function naceVersionOf(profile: Pick<Profile, 'nace' | 'naceVersion'>, content: Content): { version: NaceVersion; assumed: boolean } {
  if (profile.naceVersion) return { version: profile.naceVersion, assumed: false };
  const { codes } = naceIndex(content.nace);
  const in2008 = codes['2008'].has(profile.nace);
  const in2025 = codes['2025'].has(profile.nace);
  return { version: !in2008 && in2025 ? '2025' : '2008', assumed: in2008 && in2025 };
}

/**
 * The situation rules look at for a firm: its answers (innovation answers with what they imply,
 * implied.ts) plus its size class (`size`: size.ts with the ceilings in force), segment (Tabel 12)
 * and technology class (Tabel 13 of the NACE-BEL version the code is read in, naceVersionOf;
 * content/nace/tech-classes.yaml). Expects a validated profile. Never throws.
 */
export function situationOf(profile: Profile, content: Content, size: SizeResult, version: NaceVersion = naceVersionOf(profile, content).version): Situation {
  const { innovation } = withImplied(profile.innovation);
  return {
    sizeClass: size.sizeClass,
    sizeProvisional: size.provisional,
    segment: segment(innovation),
    innovation: (Object.keys(innovation) as InnovationKey[]).filter((k) => innovation[k] === true),
    techClass: techClassOf(profile.nace, content.nace.techClasses[version]),
    region: profile.region,
    province: profile.province,
    needs: profile.needs,
    triggers: profile.triggers ?? [],
    nace: profile.nace,
    ...(version === '2025' ? { naceAs2008: as2008(profile.nace, '2025', content.nace) } : {}),
    ownedByLargeGroup: profile.ownedByLargeGroup === true,
  };
}

/** A NACE code read in one version: its technology class and the sector providers (clusters, colleges, federations) that fit it. */
export interface NaceReading {
  code: string;
  version: NaceVersion;
  techClass: TechClass;
  /** Names of the active clusters, sector-bound colleges and sector federations whose NACE codes cover the code, in content order. */
  providers: string[];
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
   * per referral, under the first channel that quotes it. `voice` 'about' writes every sentence about
   * the firm ("de onderneming", content/about-voice.yaml) instead of to it ("u"): for an accountant's
   * or an advisor's view. `on` (YYYY-MM-DD, default: the device's day) picks the policy figures in
   * force (content/policy.yaml) and the call windows: a recommendation says when the firm can apply
   * for the instruments its rules name, and a channel whose instruments all had their last known call
   * closed, with no next one known, is never ranked first while another channel is recommended.
   * Never throws for a valid profile.
   */
  refer(profile: Profile, lang?: Lang, voice?: Voice, on?: string): Referral;
  /** The situation the rules look at for a validated profile, with the size ceilings in force on `on` (default: today). */
  situation(profile: Profile, on?: string): Situation;
  /**
   * The referral for a firm known by its region only (outside Flanders): the wizard sends such a
   * firm straight to its own region's front door. Uses only the rules that look at nothing but the
   * region; the front door is always recommended, first.
   */
  referRegion(region: OutsideRegion, lang?: Lang, voice?: Voice): RegionReferral;
  /** The active clusters (content/providers/clusters.yaml) whose NACE codes cover the firm's code (a 2008 code, or a 2025 code with `version` '2025'). */
  clustersFor(nace: string, version?: NaceVersion): Cluster[];
  /** The code read in one NACE-BEL version: its technology class and its sector providers (any language; names as in the content). */
  naceReading(code: string, version: NaceVersion, lang?: Lang): NaceReading;
  /**
   * The codes (divisions to subclasses) that exist in both NACE-BEL versions and whose two readings
   * differ in technology class or sector providers, sorted. Without `naceVersion` such a code gets a
   * warning that names both readings.
   */
  naceDisagreements(): string[];
  /** A fact by its id (facts of every channel), or undefined. */
  fact(id: string): Fact | undefined;
  /** Ids of the rules whose condition holds for this situation, in the order of rules.yaml. */
  rulesThatHold(s: Situation): string[];
}

/** A reason sentence, or a quoted fact (with its id so a fact is quoted only once per referral). */
interface ReasonLine { text: string; fact?: string }
interface ChannelScore { score: number; reasons: ReasonLine[]; laterBecause: string[]; rules: string[]; seen: Set<string> }
type Candidate = Omit<Recommendation, 'rank' | 'reasons' | 'why' | 'facts'> & { reasons: ReasonLine[]; closedOnly?: boolean };
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
 * The content's texts about the firm (content/about-voice.yaml). A browser gets them after the rest of
 * the content (src/ui/content.ts loadAbout), so a referral in the 'about' voice asks for them only when
 * it needs one; before they are there, that is a bug in the caller, and this says so.
 */
function aboutOf(content: Content): Content['about'] {
  if (!content.about) throw new Error('refer: the content has no about-voice texts yet (content.about; src/ui/content.ts loadAbout adds them)');
  return content.about;
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
  // For "what would open it": each positive rule's top-level keys, checked one by one. Only a rule whose
  // failing keys are all answers a firm can change (what it asks, what is happening, how it innovates,
  // how big it is) can open its channel; a rule on the region, the sector or a combination cannot.
  const OPENABLE = new Set(['needs', 'triggers', 'segment', 'sizeClass']);
  const openers = content.rules.flatMap((rule) => {
    if (rule.weight <= 0) return [];
    const keys = Object.keys(rule.when) as Array<keyof typeof rule.when>;
    const parts = keys.map((key) => ({ key, value: rule.when[key], test: compileCondition({ [key]: rule.when[key] }) }));
    if (rule.when.needs?.some((id) => unsureNeeds.has(id))) return [];
    return [{ rule, parts }];
  });
  const instrumentOf = new Map(content.rules.flatMap((r) => (r.instrument ? [[r.id, r.instrument] as const] : [])));
  const activeClusters = content.clusters.filter((c) => c.status === 'active');

  /** The engine's own sentences in each voice (the 'about' ones made on first use: see aboutOf). */
  let aboutTexts: Content['engineTexts'] | undefined;
  const engineTexts = (voice: Voice) => (voice === 'you' ? content.engineTexts : (aboutTexts ??= { ...content.engineTexts, ...aboutOf(content).engineTexts }));
  const reasonText = (key: string, voice: Voice) => (voice === 'about' ? aboutOf(content).reasons[key]! : content.reasons[key]!);

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
  const servesElsewhere = (channel: Channel, serves: Exclude<Channel['serves'], 'all'>, lang: Lang, voice: Voice) => cached(`serves:${voice}:${lang}:${channel.id}`, () =>
    fill(engineTexts(voice).servesElsewhere[lang], { name: channel.name[lang], serves: content.labels.region[serves][lang] }));
  // Clusters per NACE code: the same few codes come back in every batch.
  const clustersByNace = memo<Cluster[]>();
  const clustersMatching = (codes2008: readonly string[]) =>
    activeClusters.filter((c) => c.nace.some((prefix) => codes2008.some((code) => naceMatches(prefix, code))));
  const clustersOf = (s: Pick<Situation, 'nace' | 'naceAs2008'>) =>
    s.nace === undefined ? [] : clustersByNace(`${s.naceAs2008 ? '2025' : '2008'}:${s.nace}`, () => clustersMatching(naceCodes2008(s)));
  const clustersFor = (nace: string, version: NaceVersion = '2008') =>
    clustersOf(version === '2025' ? { nace, naceAs2008: as2008(nace, '2025', content.nace) } : { nace });

  // Facts that name a sector (a federation's, through `appliesTo: { nace }`), with their instrument's name.
  const sectorFacts = Object.values(content.channels).flatMap((ch) => ch.facts.flatMap((f) => {
    let namesSector = false;
    if (f.appliesTo) walkCondition(f.appliesTo, ({ node }) => { namesSector ||= node.nace !== undefined; });
    const instrument = ch.instruments.find((i) => i.id === f.instrument);
    return namesSector && f.appliesTo ? [{ test: compileCondition(f.appliesTo), name: instrument?.name ?? ch.name, onlyNace: Object.keys(f.appliesTo).length === 1 }] : [];
  }));
  const sectorColleges = content.colleges.filter((k) => k.nace);

  // The sector providers depend on the 2008 codes alone: made once per list of codes and language.
  const providersByCodes = memo<string[]>();
  function naceReading(code: string, version: NaceVersion, lang: Lang = 'nl'): NaceReading {
    const s: Situation = { region: 'flanders', needs: [], triggers: [], nace: code, ...(version === '2025' ? { naceAs2008: as2008(code, '2025', content.nace) } : {}) };
    const codes = naceCodes2008(s);
    const providers = providersByCodes(`${lang}:${codes.join(',')}`, () => [...new Set([
      ...clustersMatching(codes).map((c) => c.name),
      ...sectorColleges.filter((k) => k.nace!.some((prefix) => codes.some((c) => naceMatches(prefix, c)))).map((k) => k.name),
      ...sectorFacts.filter((f) => f.onlyNace && f.test(s)).map((f) => f.name[lang]),
    ])]);
    return { code, version, techClass: techClassOf(code, content.nace.techClasses[version]), providers };
  }
  const sameReading = (a: NaceReading, b: NaceReading) => a.techClass === b.techClass && a.providers.join('\n') === b.providers.join('\n');
  function naceDisagreements(): string[] {
    const { codes } = naceIndex(content.nace);
    return [...codes['2008']].filter((code) => codes['2025'].has(code) && !sameReading(naceReading(code, '2008'), naceReading(code, '2025'))).sort();
  }

  function exclusion(channel: Channel, s: Situation, lang: Lang, voice: Voice): NotEligible | null {
    const list = excludes.get(channel.id)!;
    const i = list.findIndex((e) => e.test(s));
    if (i >= 0) return { channel: channel.id, reason: (voice === 'about' ? aboutOf(content).channels[channel.id]!.excludes[i]! : list[i]!.reason)[lang], facts: list[i]!.facts };
    if (channel.serves !== 'all' && channel.serves !== s.region) return { channel: channel.id, reason: servesElsewhere(channel, channel.serves, lang, voice), facts: [] };
    return null;
  }

  /** Fires the rules (those `use` accepts) and sums their weights per channel, collecting reasons and quoted facts. */
  function scoreRules(s: Situation, lang: Lang, voice: Voice, vars: Vars, use?: (r: (typeof rules)[number]) => boolean) {
    const fired: FiredRule[] = [];
    const byChannel = new Map<string, ChannelScore>();
    for (const r of rules) {
      if ((use && !use(r)) || !r.test(s)) continue;
      const { rule } = r;
      fired.push({ id: rule.id, channel: rule.channel, weight: rule.weight });
      const entry = byChannel.get(rule.channel) ?? { score: 0, reasons: [], laterBecause: [], rules: [], seen: new Set<string>() };
      entry.score += rule.weight;
      entry.rules.push(rule.id);
      const reason = fill(reasonText(rule.reason, voice)[lang], vars);
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
  function channelExtras(channel: Channel, s: Situation, lang: Lang, voice: Voice, vars: Vars): ReasonLine[] {
    const extras: ReasonLine[] = [];
    const office = s.province ? channel.contact.offices?.[s.province] : undefined;
    if (office) {
      const where = [office.name, office.address, office.phone, office.email].filter(Boolean).join(', ');
      extras.push({ text: fill(engineTexts(voice).officeForProvince[lang], { province: vars('province'), office: where }) });
    }
    if (channel.namesSectorClusters && s.nace !== undefined) {
      const names = clustersOf(s).map((c) => c.name);
      if (names.length) extras.push({ text: fill(engineTexts(voice).clustersForSector[lang], { clusters: names.join(', ') }) });
    }
    return extras;
  }

  /** The channel's own point for the firm: its province's office, else (where the channel says so) a college of the province, else its central contact. */
  function ownContact(channel: Channel, s: Pick<Situation, 'province' | 'nace' | 'naceAs2008'>, lang: Lang, voice: Voice): Contact {
    const c = channel.contact;
    const note = (voice === 'about' ? aboutOf(content).channels[channel.id]!.contactNote : c.note)?.[lang];
    const { province } = s;
    const office = province ? c.offices?.[province] : undefined;
    if (office) return compact({ organisation: office.name, phone: office.phone, email: office.email, url: office.url, address: office.address, note });
    const codes = naceCodes2008(s);
    const fits = (k: College) => !k.nace || k.nace.some((prefix) => codes.some((code) => naceMatches(prefix, code)));
    const college = province && c.nearestCollege ? content.colleges.find((k) => k.provinces.includes(province) && (k.phone || k.email) && fits(k)) : undefined;
    if (college) {
      return compact({ organisation: college.name, phone: str(college.phone), email: str(college.email), url: str(college.url), address: str(college.address), note });
    }
    return compact({ organisation: c.organisation[lang], phone: str(c.phone), email: str(c.email), url: str(c.url), note });
  }

  // The contact depends on the channel, the province, the NACE code and the language only: made once per
  // combination. Referrals share these objects: they are never changed.
  const contacts = memo<Contact>();
  const contactFor = (channel: Channel, s: Pick<Situation, 'province' | 'nace' | 'naceAs2008'>, lang: Lang, voice: Voice): Contact =>
    contacts(`${voice}:${lang}:${channel.id}:${s.province ?? ''}:${s.naceAs2008 ? '2025:' : ''}${s.nace ?? ''}`, () => pickContact(channel, s, lang, voice));

  /** Whom the firm contacts for a channel: its own point, or the `via` channel's when it has no phone or e-mail. */
  function pickContact(channel: Channel, s: Pick<Situation, 'province' | 'nace' | 'naceAs2008'>, lang: Lang, voice: Voice): Contact {
    const own = ownContact(channel, s, lang, voice);
    const via = channel.contact.via;
    if (own.phone || own.email || !via) return own;
    const note = voice === 'about' ? aboutOf(content).channels[channel.id]!.viaNote! : via.note;
    return { ...ownContact(content.channels[via.channel]!, s, lang, voice), note: note[lang] };
  }

  /** The channel's one-line summary for this firm: the `short` of its glance facts that apply. */
  function glanceOf(channel: Channel, s: Situation, lang: Lang): Pick<Recommendation, 'glance' | 'glanceFacts'> {
    const ids = channel.glance.filter((id) => appliesTo.get(id)?.(s) !== false);
    return { glance: ids.map((id) => facts.get(id)!.short![lang]), glanceFacts: ids };
  }

  /**
   * What would bring a channel into view: of its positive rules that do not hold, the one that needs the
   * fewest changed answers (then the heaviest), when all it needs are answers a firm can change and its
   * weight would lift the channel above zero. Null when no such rule exists.
   */
  function opening(channel: Channel, s: Situation, score: number, lang: Lang): string | null {
    let best: { failing: (typeof openers)[number]['parts']; weight: number } | null = null;
    for (const { rule, parts } of openers) {
      if (rule.channel !== channel.id || score + rule.weight <= 0) continue;
      const failing = parts.filter((p) => !p.test(s));
      if (!failing.length || failing.some((p) => !OPENABLE.has(p.key))) continue;
      if (!best || failing.length < best.failing.length || (failing.length === best.failing.length && rule.weight > best.weight)) best = { failing, weight: rule.weight };
    }
    if (!best) return null;
    const T = content.engineTexts.opensWith;
    const or = ` ${T.or[lang]} `;
    const L = content.labels;
    // An answer's label inside a sentence: "Een nieuw product" -> "een nieuw product" (not "KBO" -> "kBO").
    const inSentence = (label: string) => (/^\p{Lu}\p{Ll}/u.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label);
    const labelOf = (list: Content['needs'], id: string) => inSentence(list.find((n) => n.id === id)?.label[lang] ?? id);
    const phrase = (key: string, ids: readonly string[]) => {
      switch (key) {
        case 'needs': return fill(T.needs[lang], { needs: ids.map((id) => labelOf(content.needs, id)).join(or) });
        case 'triggers': return fill(T.triggers[lang], { triggers: ids.map((id) => labelOf(content.triggers, id)).join(or) });
        case 'segment': return fill(T.segment[lang], { segment: ids.map((id) => L.segment[id as keyof typeof L.segment][lang]).join(or) });
        default: return fill(T.sizeClass[lang], { sizeClass: ids.map((id) => L.sizeClass[id as keyof typeof L.sizeClass][lang]).join(or) });
      }
    };
    const conditions = best.failing.map((p) => phrase(p.key, p.value as readonly string[])).join(` ${T.and[lang]} `);
    return fill(T.sentence[lang], { channel: channel.name[lang], conditions });
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
        return { ...c, rank: i + 1, reasons: lines.map((r) => r.text), facts: factIds, why: lines.flatMap((r) => (r.fact ? [] : [r.text])) };
      });
  }

  function refer(profile: Profile, lang: Lang = 'nl', voice: Voice = 'you', on: string = localDate()): Referral {
    const size = sizeClass(profile, smeCeilings(content.policy, on));
    const { version, assumed } = naceVersionOf(profile, content);
    const s = situationOf(profile, content, size, version);
    const vars = placeholders(s, lang);
    const { fired, byChannel } = scoreRules(s, lang, voice, vars);

    const notEligible: NotEligible[] = [];
    const notRecommended: NotRecommended[] = [];
    const candidates: Candidate[] = [];
    for (const id of content.meta.channelOrder) {
      const channel = content.channels[id]!;
      const entry = byChannel.get(id);
      const excluded = exclusion(channel, s, lang, voice);
      if (excluded) {
        if (entry || channel.core) notEligible.push(excluded);
        continue;
      }
      if (!entry || entry.score <= 0) {
        const opensWith = opening(channel, s, entry?.score ?? 0, lang);
        if (opensWith) notRecommended.push({ channel: id, opensWith });
        continue;
      }
      const reasons = [...entry.reasons, ...channelExtras(channel, s, lang, voice, vars)];
      // The instruments this channel's (positive) rules point to, and when the firm can apply for them.
      const instruments = [...new Set(entry.rules.flatMap((r) => (ruleById.get(r)!.weight > 0 && instrumentOf.has(r) ? [instrumentOf.get(r)!] : [])))];
      const applications = instruments.flatMap((i) => applicationFor(channel, i, on) ?? []);
      reasons.push(...applications.map((a) => ({ text: applicationText(channel, a, lang) })));
      // Closed without a next call: every positive rule names an instrument, and each of them is closed.
      const closedOnly = applications.length > 0 && applications.every((a) => a.timing === 'closedNoNext')
        && entry.rules.every((r) => ruleById.get(r)!.weight < 0 || instrumentOf.has(r)) && instruments.length === applications.length;
      candidates.push({
        channel: id, score: entry.score, reasons, laterBecause: entry.laterBecause, rules: entry.rules, contact: contactFor(channel, s, lang, voice), ...glanceOf(channel, s, lang),
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

    const W = engineTexts(voice).warnings;
    const warnings: string[] = [];
    if (s.region !== 'flanders') warnings.push(W.outOfRegion[lang]);
    if (size.provisionalBecause.includes('linked-enterprise')) warnings.push(W.linkedEnterprise[lang]);
    if (size.provisionalBecause.includes('figures-missing')) warnings.push(W.figuresMissing[lang]);
    if (s.needs.some((id) => unsureNeeds.has(id))) warnings.push(W.notSure[lang]);
    if (assumed) {
      // Depends on the code and the language only: worded once ('' when the readings agree).
      const differ = cached(`nace:${lang}:${profile.nace}`, () => {
        const used = naceReading(profile.nace, '2008', lang);
        const other = naceReading(profile.nace, '2025', lang);
        return sameReading(used, other) ? '' : fill(W.naceReadingsDiffer[lang], { code: profile.nace, reading2008: describeReading(used, lang), reading2025: describeReading(other, lang) });
      });
      if (differ) warnings.push(differ);
    }
    const { implied } = withImplied(profile.innovation);
    if (implied.length) warnings.push(content.engineTexts.impliedAnswers[lang]);

    return {
      sizeClass: size.sizeClass,
      sizeProvisional: size.provisional,
      segment: s.segment!,
      techClass: s.techClass!,
      naceVersion: version,
      naceVersionAssumed: assumed,
      outOfRegion: s.region !== 'flanders',
      recommendations,
      notEligible,
      notRecommended,
      warnings,
      ...(implied.length ? { impliedAnswers: implied } : {}),
      firedRules: fired,
      signals,
      contentVersion: content.meta.contentVersion,
    };
  }

  function referRegion(region: OutsideRegion, lang: Lang = 'nl', voice: Voice = 'you'): RegionReferral {
    const s: Situation = { region, needs: [], triggers: [] };
    const { byChannel } = scoreRules(s, lang, voice, placeholders(s, lang), (r) => r.onlyRegion);
    const frontDoor = content.meta.frontDoors[region];
    if (!byChannel.has(frontDoor)) byChannel.set(frontDoor, { score: 1, reasons: [], laterBecause: [], rules: [], seen: new Set() });
    const candidates: Candidate[] = content.meta.channelOrder.flatMap((channel) => {
      const entry = byChannel.get(channel);
      return entry && entry.score > 0
        ? [{ channel, score: entry.score, reasons: entry.reasons, laterBecause: [], rules: entry.rules, contact: contactFor(content.channels[channel]!, s, lang, voice), ...glanceOf(content.channels[channel]!, s, lang) }]
        : [];
    });
    const recommendations = rank(candidates).map(({ score: _score, ...rest }) => rest);
    return { region, outOfRegion: true, recommendations, warnings: [engineTexts(voice).warnings.outOfRegion[lang]], contentVersion: content.meta.contentVersion };
  }

  /** "25.30 Vervaardiging van stoomketels ... (middelmatig-laag technologisch; clusters: ...)" for the warning. */
  function describeReading(r: NaceReading, lang: Lang): string {
    const title = content.nace.titles[r.version][r.code]?.[lang];
    return fill(content.engineTexts.naceReading[lang], {
      code: r.code,
      title: title ?? '',
      techClass: content.labels.techClass[r.techClass][lang],
      providers: r.providers.length ? r.providers.join(', ') : content.engineTexts.naceNoProviders[lang],
    }).replace(/ {2,}/g, ' ');
  }

  return {
    content,
    refer,
    situation: (profile, on = localDate()) => situationOf(profile, content, sizeClass(profile, smeCeilings(content.policy, on))),
    referRegion,
    clustersFor,
    naceReading,
    naceDisagreements,
    fact: (id) => facts.get(id),
    rulesThatHold: (s) => rules.filter((r) => r.test(s)).map((r) => r.rule.id),
  };
}

/**
 * A string that is equal for two profiles exactly when the engine reads the same inputs from them,
 * so their referrals (`refer(profile, content, lang, voice, on)`) are equal: for caching in a batch,
 * where the same few answers repeat. The engine reads a profile only through its size class
 * (sizeClass with the ceilings in force `on`: class and why provisional; staff and amounts reach it
 * no other way), its NACE code and version, its innovation answers (in their order: the situation
 * lists them so), region, province, needs (in order), triggers (in order; none = []) and whether it is
 * part of a large group; plus `lang`, `voice` and the day. Keep in step with refer, naceVersionOf and
 * situationOf (tests/domain/referral-key.property.test.ts compares cached and uncached referrals).
 */
export function referralKey(profile: Profile, content: Content, lang: Lang, voice: Voice, on: string): string {
  const size = sizeClass(profile, smeCeilings(content.policy, on));
  let innovation = '';
  for (const k in profile.innovation) innovation += `${k}=${String(profile.innovation[k as InnovationKey])},`;
  return JSON.stringify([
    on, lang, voice, size.sizeClass, size.provisionalBecause, profile.nace, profile.naceVersion ?? null, innovation,
    profile.region, profile.province ?? null, profile.needs, profile.triggers ?? [], profile.ownedByLargeGroup === true,
  ]);
}

/** The engine of a content object, made on first use and kept as long as the content is (one per content). */
export const engineFor: (content: Content) => Engine = perContent(createEngine);

/**
 * The referral (Referral v1) for a profile that passed validateProfile, texts in `lang` (default nl):
 * `engineFor(content).refer(profile, lang)`, so the engine is made once per content. How it ranks and
 * the sources of its classes: see Engine.refer. Never throws for a valid profile and a loaded content.
 */
export function refer(profile: Profile, content: Content, lang: Lang = 'nl', voice: Voice = 'you', on?: string): Referral {
  return engineFor(content).refer(profile, lang, voice, on);
}

/** `engineFor(content).referRegion(region, lang)`: the referral for a firm known by its region only (see Engine.referRegion). Never throws for a loaded content. */
export function referRegion(region: OutsideRegion, content: Content, lang: Lang = 'nl', voice: Voice = 'you'): RegionReferral {
  return engineFor(content).referRegion(region, lang, voice);
}

