// The content model: what the engine and the UI read from content/ once it is loaded and validated.
// The domain owns these types; src/content/schema.ts validates the YAML against them (its zod schemas
// are checked to produce exactly these shapes), so nothing in src/domain imports the content layer.
// The YAML format itself is described in content/README.md.
import type { InnovationKey, Lang, NaceVersion, Province, Region, Segment, SizeClass, TechClass, Text } from './types';

export type { Text };

/** A date written YYYY-MM-DD (ISO 8601, calendar day). */
type IsoDate = string;

/**
 * A rule or exclusion condition on the firm's situation. Every key present must hold; `all`, `any`
 * and `not` combine conditions. List keys hold when the firm's value is one of the listed values
 * (`needs`/`triggers`: when the firm ticked at least one of them); `nace` holds for codes under one
 * of the listed prefixes ("25" for the division, "25.6" for a group).
 */
export interface Condition {
  all?: Condition[];
  any?: Condition[];
  not?: Condition;
  sizeClass?: SizeClass[];
  segment?: Segment[];
  techClass?: TechClass[];
  region?: Region[];
  province?: Province[];
  needs?: string[];
  triggers?: string[];
  nace?: string[];
  /**
   * Innovation answers (CIS keys): holds when the firm answered yes to at least one of them, counting
   * the answers they imply (implied.ts: in-house R&D or R&D staff is spending on innovation).
   */
  innovation?: InnovationKey[];
  sizeProvisional?: boolean;
  ownedByLargeGroup?: boolean;
}

/** What a fact states (content/README.md, "Fact"): a rate, a cap, a contact, a myth it busts, ... */
export const FACT_KINDS = ['rate', 'cap', 'minimum', 'duration', 'condition', 'offer', 'contact', 'myth', 'call', 'history', 'figure'] as const;
type FactKind = (typeof FACT_KINDS)[number];

/** A sourced statement about a channel (a rate, a cap, a condition, ...): quoted in reasons and the letter. */
export interface Fact {
  id: string;
  kind: FactKind;
  text: Text;
  value?: string | number;
  /** Quoted only for firms for which this holds. */
  appliesTo?: Condition;
  instrument?: string;
  /** URL of the official page the fact was read on. */
  source: string;
  /** When the fact was last checked on that page. */
  checked: IsoDate;
  /** When the rule or figure itself last changed (the date the new value took effect), when known. */
  changed?: IsoDate;
  /**
   * The fact in a few words, quoting its value (e.g. "30% of the cost"), for the one line under a
   * channel that says what it costs and how long it takes (the channel's `glance`). Same source.
   */
  short?: Text;
  /**
   * The page's own "last modified" or publication date, where the page shows one. The content check
   * reports facts resting on pages older than three years; the result shows it next to `checked`.
   */
  pageDate?: IsoDate;
}

/** A value with its source URL and the date it was checked. */
interface Sourced {
  value: string | number;
  source: string;
  checked: IsoDate;
  /** The page's own date (published or last changed), where it shows one. */
  dated?: IsoDate;
}

/** Something looked for and not confirmed: shown to editors, never stated as a fact. */
interface Unverified {
  what: string;
  note: string;
}

/** A regional office of a channel (e.g. a province's VLAIO office). */
interface Office {
  name: string;
  address?: string;
  phone?: string;
  email?: string;
  url?: string;
  source: string;
  checked: IsoDate;
}

/**
 * A call window of an instrument that works with calls, as a sourced fact: it opens (when known) and
 * closes on the dates given. `expected: true` marks a next call that was announced or is expected but
 * not yet confirmed by its own call text (only `opens` may then be known).
 */
export interface Call {
  id: string;
  instrument: string;
  title: Text;
  opens?: IsoDate;
  closes?: IsoDate;
  expected?: boolean;
  source: string;
  checked: IsoDate;
  pageDate?: IsoDate;
}

/** Whether an instrument takes applications: any time, in calls (with deadlines), no longer, or not known. */
type InstrumentStatus = 'open' | 'calls' | 'closed' | 'unknown';

/** A channel a firm can be referred to (content/channels/<id>.yaml; format in content/README.md). */
export interface Channel {
  id: string;
  /** One of the five core channels of the referral (always listed when not eligible). */
  core: boolean;
  /** The region where a firm must operate to use the channel, or 'all'. */
  serves: Region | 'all';
  name: Text;
  formerly?: Text;
  summary: Text;
  eligibility: Text;
  /** The first thing to do, in one plain sentence (the top of the result); `firstStep` gives the detail. */
  action: Text;
  firstStep: Text;
  /**
   * Ids of this channel's facts (each with a `short`) that say what it costs and how long it takes;
   * those whose `appliesTo` fits the firm make the one line under the channel's name, in this order.
   */
  glance: string[];
  contact: {
    /** The languages this contact works in (a hand-off e-mail is written in the first that the user also speaks, else the first). */
    languages: Lang[];
    /** Who answers at the central url/phone/email below (e.g. "VLAIO"). */
    organisation: Text;
    url: Sourced;
    phone?: Sourced;
    email?: Sourced;
    /** Said with this channel's contact point (e.g. what to ask for). */
    note?: Text;
    offices?: Partial<Record<Province, Office>>;
    /**
     * The contact point is the first university college (content/providers/colleges.yaml) that serves the
     * firm's province and has a phone or an e-mail, when there is no office for that province.
     */
    nearestCollege?: boolean;
    /**
     * When this channel has no phone or e-mail for the firm, the firm is pointed to the contact of
     * channel `channel` (e.g. the innovation advisor), with `note` saying why.
     */
    via?: { channel: string; note: Text };
  };
  excludes: Array<{ when: Condition; reason: Text; facts: string[] }>;
  instruments: Array<{ id: string; name: Text; summary: Text; status: InstrumentStatus }>;
  facts: Fact[];
  /** Call windows of the channel's instruments with status `calls` (see Call). */
  calls: Call[];
  unverified: Unverified[];
  /**
   * Added to a recommendation of this channel: the active clusters whose NACE codes match the firm's
   * (content/providers/clusters.yaml), named with `engineTexts.clustersForSector`.
   */
  namesSectorClusters?: boolean;
}

/** A row of the rules table (content/rules.yaml): when `when` holds, `weight` is added to `channel`. */
export interface Rule {
  id: string;
  channel: string;
  when: Condition;
  /** Positive: recommends; negative: ranks the channel lower and says why ("first this, then that"). */
  weight: number;
  /** Key of the reason text in content/reasons.yaml. */
  reason: string;
  /** Ids of facts quoted with the reason. */
  quote: string[];
  /** The instrument of the channel this rule points to (its `instruments` id): its call window is said with the reason and weighs in the ranking. */
  instrument?: string;
}

/** A need or a warning light the firm can tick. */
export interface Choice {
  id: string;
  label: Text;
  hint: Text;
  /** "I am not sure": the referral says so in a warning (content/engine-texts.yaml `warnings.notSure`). */
  unsure?: boolean;
}

/** content/meta.yaml. */
export interface Meta {
  contentVersion: IsoDate;
  /** Every channel id, in the order used when scores are equal. */
  channelOrder: string[];
  /** Per region outside Flanders: the channel that is that region's front door. */
  frontDoors: Record<Exclude<Region, 'flanders'>, string>;
}

/** Sentences the engine adds itself, outside the rules table (content/engine-texts.yaml). */
export interface EngineTexts {
  /** `naceReadingsDiffer`: no NACE-BEL version given and the 2008 and 2025 readings of the code differ. {code} {reading2008} {reading2025} */
  warnings: { figuresMissing: Text; linkedEnterprise: Text; outOfRegion: Text; notSure: Text; naceReadingsDiffer: Text };
  /** One reading of a NACE code in that warning. {code} {title} {techClass} {providers} */
  naceReading: Text;
  /** Said of a reading without sector providers. */
  naceNoProviders: Text;
  /** Reason for a channel that does not serve the firm's region when its file has no matching exclude. {name} {serves} */
  servesElsewhere: Text;
  /** Added to a cluster recommendation: the clusters that match the firm's sector. {clusters} */
  clustersForSector: Text;
  /** Added to a recommendation whose next step depends on the province. {province} {office} */
  officeForProvince: Text;
  /** Joins facts quoted with a reason: "{fact} (source: {source}, checked {checked})". */
  quotedFact: Text;
  /**
   * What would bring a channel that is not recommended into view, built from its rules: the sentence
   * {channel} {conditions}, each condition from the phrases below, joined with "and".
   */
  opensWith: { sentence: Text; needs: Text; triggers: Text; segment: Text; sizeClass: Text; and: Text; or: Text };
  /** The same for a fact whose page shows its own date: {pageDate} as well. */
  quotedFactDated: Text;
  /** When the firm can apply for an instrument: {instrument} {opens} {closes}. */
  callTiming: Record<CallTiming, Text>;
  /** The answers counted as yes because others imply them (implied.ts): {implied} {because}. */
  impliedAnswers: Text;
  /** The lines that say what changed in a saved referral (src/domain/referral-changes.ts). */
  changes: ChangeTexts;
  /** The calendar files (.ics) that follow a referral up (src/wizard/calendar.ts). */
  calendar: CalendarTexts;
}

/**
 * What changed between two referrals of one firm, one line per change (content/engine-texts.yaml
 * `changes`). Placeholders: {channel} the channel's name; {rank} {before} places written with
 * `ordinals`; {reason} why the firm is not eligible; {now} {before} a quoted fact now and before.
 */
export interface ChangeTexts {
  /** Place words for ranks 1, 2, 3, ... ("first", "second"); a rank beyond the list is written as a number. */
  ordinals: Record<Lang, string[]>;
  /** {channel} {rank} */
  added: Text;
  /** {channel} */
  removed: Text;
  /** {channel} {rank} {before} */
  rank: Text;
  /** {channel} {reason} */
  noLongerEligible: Text;
  /** {channel} {reason} */
  otherReason: Text;
  /** {channel} {rank} */
  nowEligible: Text;
  /** {channel} */
  nowEligibleNotRecommended: Text;
  /** {channel} {now} {before} */
  factChanged: Text;
  /** {channel} {now} */
  factAdded: Text;
  /** {channel} {before} */
  factRemoved: Text;
  /** A batch row whose referral did not change. */
  noChange: Text;
  /** A batch row refused in the earlier result and answered now: {channels}. */
  wasRefused: Text;
  /** A batch row answered in the earlier result and refused now: {error}. */
  nowRefused: Text;
  /** Said once per batch comparison: a result file keeps the recommendations in order only. */
  onlyRanks: Text;
}

/**
 * The texts of the follow-up calendar files (content/engine-texts.yaml `calendar`), about the firm.
 * {firm} its name; {url} the link to its referral; {channels} the recommended channels; {date} the
 * referral's day; {instrument} {call} {closes} {source} {checked} of a call deadline. A description
 * is its lines joined by line breaks.
 */
export interface CalendarTexts {
  /** {firm} */
  followUpSummary: Text;
  /** {firm}: what to ask. */
  followUpDescription: Text;
  /** {channels}: the recommended channels, best first. */
  followUpChannels: Text;
  /** {date} {url}: the referral's day and link (the last line of every description). */
  referralLink: Text;
  /** {instrument} {firm} */
  deadlineSummary: Text;
  /** {instrument} {firm}: a deadline announced or expected, not yet confirmed by the call text. */
  deadlineExpectedSummary: Text;
  /** {call} {closes} {source} {checked} */
  deadlineDescription: Text;
}

/**
 * When a firm can apply for an instrument, on a given day: an open call (until its closing date), a
 * next call known or expected, any time (status `open`), or the last known call closed with no next
 * one known (such an instrument is never ranked first). `unknown`: status unknown, nothing is said.
 */
export const CALL_TIMINGS = ['openUntil', 'nextExpected', 'nextOpens', 'anyTime', 'closedNoNext'] as const;
export type CallTiming = (typeof CALL_TIMINGS)[number];

/**
 * One value of a policy figure (openfisca-style parameter): in force from `since` (the date it took
 * effect) until the next value's `since`, with the page it was read on, the date checked and the
 * page's own date where it shows one.
 */
export interface Dated<V> {
  since: IsoDate;
  value: V;
  source: string;
  checked: IsoDate;
  pageDate?: IsoDate;
}

/** The ceilings of one SME size class (EU Recommendation 2003/361/EC, Annex, Art. 2). */
export interface SizeCeiling {
  sizeClass: Exclude<SizeClass, 'large'>;
  /** Staff in annual work units, strictly below. */
  staffBelow: number;
  /** Annual turnover in EUR, at most. */
  turnoverMax: number;
  /** Balance-sheet total in EUR, at most. */
  balanceMax: number;
}

/**
 * The policy figures the engine and the wizard compute with (content/policy.yaml), each a list of
 * dated values, oldest first. The value in force on a day: policy.ts `inForce`.
 */
export interface Policy {
  /** The SME ceilings, smallest class first: micro, small, medium. The staff count from which a firm is large whatever its figures (the wizard skips the figures page) is the medium class's `staffBelow`. */
  smeCeilings: { description: Text; values: Array<Dated<SizeCeiling[]>> };
}

/** A spearhead cluster or an innovative business network (IBN) (content/providers/clusters.yaml). */
export interface Cluster {
  id: string;
  kind: 'spearhead' | 'ibn';
  name: string;
  domain: Text;
  /** NACE-BEL prefixes of the firms it fits ("10", "25.6"), matched with naceMatches. */
  nace: string[];
  keywords: Record<Lang, string[]>;
  status: 'active' | 'ended' | 'merged' | 'unknown';
  note?: Text;
  url?: Sourced;
  members?: Sourced;
  source: string;
  checked: IsoDate;
}

/** A university college (hogeschool) offering expertise to firms (content/providers/colleges.yaml). */
export interface College {
  id: string;
  name: string;
  provinces: Province[];
  domains: Text;
  url?: Sourced;
  /** NACE-BEL prefixes of the firms its expertise fits (editorial, from `domains`); absent: any firm. */
  nace?: string[];
  /** A web page that is the entry point for firms. */
  contact?: Sourced;
  address?: Sourced;
  phone?: Sourced;
  email?: Sourced;
  source: string;
  checked: IsoDate;
}

/** A contact point of the innovation advisors, per province or 'all' for the central line (content/providers/advisors.yaml). */
export interface Advisor {
  id: string;
  province: Province | 'all';
  name: Text;
  address?: Sourced;
  phone?: Sourced;
  email?: Sourced;
  url?: Sourced;
}

/**
 * Tabel 13 for one NACE-BEL version (content/nace/tech-classes.yaml): the technology class of the
 * divisions of manufacturing, with exceptions per group ("25.4") and per class ("33.18").
 */
export interface TechClassTable {
  title: string;
  source: string;
  checked: IsoDate;
  /** The date the nomenclature the table is written in took effect in the KBO. */
  inForce: IsoDate;
  /** Set when the table is not a publication but derived by this project (then `rule` says how). */
  derivedBy?: string;
  rule?: string;
  divisions: Partial<Record<TechClass, string[]>>;
  groups: Record<string, TechClass>;
  classes: Record<string, TechClass>;
}

/**
 * What the engine and the profile check need of the NACE-BEL lists (content/nace/): the subclasses
 * of each version (Statbel's lists; every division, group and class has at least one, so they give
 * every existing code), Eurostat's class correspondence NACE Rev. 2 -> Rev. 2.1 as [2008 class,
 * 2025 class] pairs, and Tabel 13 per version. The titles are not here (they are large): the sector
 * page loads them on its own; `titles` holds those of the codes whose two readings differ (for the
 * warning that names both).
 */
export interface NaceData {
  subclasses: Record<NaceVersion, string[]>;
  correspondence: Array<[string, string]>;
  techClasses: Record<NaceVersion, TechClassTable>;
  titles: Record<NaceVersion, Record<string, Text>>;
}

/** One searchable NACE-BEL 2025 code of the sector page: [code, title nl, title fr, title en, everyday words separated by "|"]. */
export type NaceSearchEntry = [code: string, nl: string, fr: string, en: string, keywords: string];

/**
 * The sector page's data (made from content/nace/ and sectors.yaml at build time, src/content/nace-search.ts;
 * loaded when the page opens): NACE-BEL 2025 sections with their divisions, and the divisions, groups,
 * classes and the subclasses whose title says more than their class's.
 */
export interface NaceSearchData {
  version: '2025';
  sections: Array<{ code: string; name: Text; divisions: string[] }>;
  entries: NaceSearchEntry[];
}

/** NACE-BEL sections, divisions and groups with their names (content/sectors.yaml). */
export interface Sectors {
  source: string;
  checked: IsoDate;
  sections: Array<{ code: string; name: Text; divisions: string[] }>;
  divisions: Array<{ code: string; section: string; name: Text; keywords?: Record<Lang, string[]> }>;
  groups: Array<{ code: string; division: string; name: Text; keywords?: Record<Lang, string[]> }>;
}

/** The texts of profile validation errors ({field}, {got}, {ids} are filled in). */
export interface ValidationMessages {
  /** `naceUnknown` {version}, `naceNear` {near}, `naceLeadingZero` {padded}, `naceLeadingZeroBoth` {literal}: a NACE code refused by readNace (nace.ts). */
  problems: Record<'missing' | 'wrongValue' | 'unknownField' | 'provinceOutsideFlanders' | 'duplicate' | 'notAnObject' | 'ambiguousNumber' | 'tooLarge' | 'extraCells' | 'naceUnknown' | 'naceNear' | 'naceLeadingZero' | 'naceLeadingZeroBoth', Text>;
  expectedPrefix: Text;
  expected: Record<
    'region' | 'province' | 'staff' | 'turnoverEur' | 'balanceSheetEur' | 'ownedByLargeGroup' | 'nace' | 'naceVersion' | 'innovation' | 'innovationKey' | 'needs' | 'triggers' | 'fieldNames',
    Text
  >;
  /** Batch files: other names of each column (and of the firm's name column), in any language. */
  columns: Record<'name' | 'region' | 'province' | 'staff' | 'turnoverEur' | 'balanceSheetEur' | 'ownedByLargeGroup' | 'nace' | 'naceVersion' | 'innovation' | 'needs' | 'triggers', string[]>;
  /** Batch files: other words for each value id, in any language (lists of words, never reduced to one language). */
  values: {
    region: Partial<Record<Region, string[]>>;
    province: Partial<Record<Province, string[]>>;
    needs: Record<string, string[]>;
    triggers: Record<string, string[]>;
    boolean: { true: string[]; false: string[] };
  };
}

/** Names of the classes the engine derives, in every language. */
export interface Labels {
  sizeClass: Record<SizeClass, Text>;
  segment: Record<Segment, Text>;
  techClass: Record<TechClass, Text>;
  region: Record<Region, Text>;
  province: Record<Province, Text>;
}

/** Tabel 3 groups of the pyramid figures: high-tech = high + medium-high, low-tech = medium-low + low tech classes. */
type PyramidGroup = 'high-tech' | 'low-tech' | 'total';
/** The innovation pyramid: share of firms per segment (percent) and what each segment means. */
export interface Pyramid {
  distribution: { source: string; checked: IsoDate; note: Text } & Record<PyramidGroup, Record<Segment, number>>;
  groupNames: Record<PyramidGroup, Text>;
  segments: Record<Segment, { meaning: Text; next: Text }>;
}

/** Everything the engine and the UI need, validated and cross-checked (src/content/load.ts). */
/**
 * The texts that speak to the owner ("u"), written about the firm ("de onderneming") for client and
 * intake mode (content/about-voice.yaml). Same keys as the originals; the loader requires every one.
 */
export interface AboutVoice {
  /** Per key of `reasons`. */
  reasons: Record<string, Text>;
  /** Per channel id; `excludes` in the order of the channel's `excludes`; `contactNote` when the contact has a note. */
  channels: Record<string, { summary: Text; action: Text; firstStep: Text; contactNote?: Text; viaNote?: Text; excludes: Text[] }>;
  engineTexts: Pick<EngineTexts, 'warnings' | 'servesElsewhere' | 'clustersForSector' | 'officeForProvince'>;
  pyramid: Record<Segment, { meaning: Text; next: Text }>;
}

/** Whom the texts speak to: the owner ("u", owner mode) or about the firm (client and intake mode). */
export type Voice = 'you' | 'about';

export interface Content {
  meta: Meta;
  channels: Record<string, Channel>;
  rules: Rule[];
  reasons: Record<string, Text>;
  needs: Choice[];
  triggers: Choice[];
  clusters: Cluster[];
  colleges: College[];
  advisors: Advisor[];
  sectors: Sectors;
  validation: ValidationMessages;
  labels: Labels;
  engineTexts: EngineTexts;
  pyramid: Pyramid;
  about: AboutVoice;
  nace: NaceData;
  policy: Policy;
}
