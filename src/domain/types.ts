// The vocabulary of the domain: the firm's answers (Profile v1) and the engine's answer (Referral v1).
// Pure data, no I/O. The content model (what content/ holds) is in content-model.ts.

/** The languages of the product, Dutch first (the default everywhere a language is optional). */
export const LANGS = ['nl', 'en', 'fr'] as const;
export type Lang = (typeof LANGS)[number];
/** A text in every language of LANGS. */
export type Text = Record<Lang, string>;

/** Whether `v` is one of LANGS (exactly: "nl", not "NL" or "nl-BE"). Never throws. */
export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

/** Where the firm operates: the Flemish, Brussels-Capital or Walloon Region, or outside Belgium. */
export const REGIONS = ['flanders', 'brussels', 'wallonia', 'abroad'] as const;
export type Region = (typeof REGIONS)[number];
/** A region whose firms are sent to their own region's front door (meta.yaml `frontDoors`). */
export type OutsideRegion = Exclude<Region, 'flanders'>;

/** The five provinces of the Flemish Region (a province is asked only for a firm in Flanders). */
export const PROVINCES = ['antwerpen', 'limburg', 'oost-vlaanderen', 'vlaams-brabant', 'west-vlaanderen'] as const;
export type Province = (typeof PROVINCES)[number];

/** Size classes of EU Recommendation 2003/361/EC (Annex, Art. 2), smallest first; derived in size.ts. */
export const SIZE_CLASSES = ['micro', 'small', 'medium', 'large'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/** Innovation-pyramid segments, in the order Tabel 12 tests them (top of the pyramid first). */
export const SEGMENTS = ['leader', 'developer', 'applier', 'follower', 'non-innovator'] as const;
export type Segment = (typeof SEGMENTS)[number];

/**
 * Technology classes of manufacturing, highest first (Tabel 13: Eurostat's aggregation by technological
 * intensity on NACE Rev. 2), plus non-manufacturing for codes outside divisions 10-33; derived in nace.ts.
 */
export const TECH_CLASSES = ['high', 'medium-high', 'medium-low', 'low', 'non-manufacturing'] as const;
export type TechClass = (typeof TECH_CLASSES)[number];

/**
 * The versions of the NACE-BEL nomenclature the KBO carries: 2008 (NACE Rev. 2) and, since 1 January
 * 2025, 2025 (NACE Rev. 2.1), oldest first.
 */
export const NACE_VERSIONS = ['2008', '2025'] as const;
export type NaceVersion = (typeof NACE_VERSIONS)[number];

/**
 * The yes/no answers about the last three years, after the Community Innovation Survey (CIS 2013;
 * the question number in comments). They place the firm in the innovation pyramid (segment.ts, Tabel 12).
 */
export const INNOVATION_KEYS = [
  'newGoods', // 8a
  'newServices', // 8b
  'productInHouse', // 10a
  'productNewToMarket', // 11a
  'newProductionMethods', // 14a
  'newLogistics', // 14b
  'newSupportProcesses', // 14c
  'processInHouse', // 16a
  'inHouseRnd', // 21a
  'boughtKnowledge', // 21d
  'innovationSpending', // 22f
  'rndStaff', // 25
  'cooperation', // 29
] as const;
export type InnovationKey = (typeof INNOVATION_KEYS)[number];

/** The fields of Profile v1, in the order of the questionnaire (also the batch CSV's columns). */
export const PROFILE_FIELDS = ['region', 'province', 'staff', 'turnoverEur', 'balanceSheetEur', 'ownedByLargeGroup', 'nace', 'naceVersion', 'innovation', 'needs', 'triggers'] as const;
/** One of PROFILE_FIELDS. */
export type ProfileField = (typeof PROFILE_FIELDS)[number];

// How the questions are grouped, in one place for the wizard's pages, the answer summary and the segment.
/** New goods or services introduced (8a, 8b). */
export const PRODUCT_KEYS = ['newGoods', 'newServices'] as const satisfies readonly InnovationKey[];
/** New production methods, logistics or support processes introduced (14a-c). */
export const PROCESS_KEYS = ['newProductionMethods', 'newLogistics', 'newSupportProcesses'] as const satisfies readonly InnovationKey[];
/** What the "introduced" page answers, in its order: products and their follow-ups (10a, 11a), processes and theirs (16a). */
export const INTRODUCED_KEYS = ['newGoods', 'newServices', 'productInHouse', 'productNewToMarket', ...PROCESS_KEYS, 'processInHouse'] as const satisfies readonly InnovationKey[];
/** The practices ticked on the "practices" page (21a, 22f, 21d, 29); R&D staff (25) is asked after in-house R&D. */
export const PRACTICE_KEYS = ['inHouseRnd', 'innovationSpending', 'boughtKnowledge', 'cooperation'] as const satisfies readonly InnovationKey[];
/** What the "practices" page answers, in the order the answer summary lists it. */
export const PRACTICES_PAGE_KEYS = ['inHouseRnd', 'rndStaff', 'innovationSpending', 'boughtKnowledge', 'cooperation'] as const satisfies readonly InnovationKey[];
/** The innovation answers; a key left out counts as no. */
export type Innovation = Partial<Record<InnovationKey, boolean>>;

/** Profile v1: a firm's answers, as validateProfile (profile.ts) accepts them and the engine reads them. */
export interface Profile {
  region: Region;
  /** For a firm in Flanders only. */
  province?: Province;
  /** Staff in annual work units (AWU): half-time all year counts 0.5 (Rec. 2003/361/EC, Annex, Art. 5). From 0. */
  staff: number;
  /** Annual turnover in EUR, last closed financial year; left out when unknown. */
  turnoverEur?: number;
  /** Balance-sheet total in EUR, last closed financial year; left out when unknown. */
  balanceSheetEur?: number;
  /** 25% or more held by another enterprise or public body (a partner or linked enterprise, Annex, Art. 3). */
  ownedByLargeGroup?: boolean;
  /** NACE-BEL code of the main activity, normalised to the dotted form ("25.62") once validated; it exists in the list of `naceVersion`. */
  nace: string;
  /**
   * The NACE-BEL version of `nace` (the KBO shows a firm its 2025 code since 1 January 2025). Left out:
   * unknown; the engine then reads the code as 2008 where it exists there, and says so when the
   * 2025 reading would give another technology class or other sector providers.
   */
  naceVersion?: NaceVersion;
  innovation: Innovation;
  /** Need ids (content/needs.yaml), at least one, each once. */
  needs: string[];
  /** Warning-light ids (content/triggers.yaml), each once. */
  triggers?: string[];
}

/** A channel the firm is referred to. */
export interface Recommendation {
  /** Channel id (content/channels/<id>.yaml). */
  channel: string;
  /** 1 for the channel to go to first, then 2, 3, ... in array order. */
  rank: number;
  /** Sum of the weights of the rules that fired for the channel (always > 0); compare within one referral only. */
  score: number;
  /** Reason sentences and quoted facts (each with its source and checked date), in the requested language. */
  reasons: string[];
  /** Why this channel ranks lower than it otherwise would (from rules with a negative weight). */
  laterBecause: string[];
  /** Ids of the rules that added to this channel, in the order of content/rules.yaml. */
  rules: string[];
  /** Ids of the facts quoted in the reasons. */
  facts: string[];
  /** The reason sentences alone: `reasons` without the quoted facts (which `facts` lists). */
  why: string[];
  /**
   * What the channel costs and how long it takes, in a few words each (the `short` of the channel's
   * `glance` facts that apply to this firm), e.g. ["30% of the cost", "up to EUR 7,500 a year"].
   */
  glance: string[];
  /** Ids of the facts behind `glance`, in the same order. */
  glanceFacts: string[];
  /** Whom to contact first for this channel: the point nearest the firm that content gives (see Contact). */
  contact: Contact;
  /**
   * When the firm can apply for the instruments the rules of this channel point to (content `calls` and
   * instrument status, on the day of the referral); left out when no rule names an instrument with a known timing.
   */
  applications?: Application[];
}

/** When a firm can apply for one instrument, on the day of the referral (see CallTiming in content-model.ts). */
export interface Application {
  /** Instrument id (the channel's `instruments`). */
  instrument: string;
  /** openUntil: a call is open; nextOpens / nextExpected: a next call is confirmed / expected; anyTime: no calls; closedNoNext: the last known call closed and no next one is known. */
  timing: 'openUntil' | 'nextOpens' | 'nextExpected' | 'anyTime' | 'closedNoNext';
  /** YYYY-MM-DD, where known. */
  opens?: string;
  /** YYYY-MM-DD, where known. */
  closes?: string;
}

/**
 * A contact point for a recommendation: the channel's office for the firm's province, else a college
 * of that province (channels that say so), else the channel's central contact; when that has no phone
 * or e-mail, the contact of the channel the content names as the way in (e.g. the innovation advisor).
 * Every value is read from content, where it carries its source and checked date. Texts in the requested language.
 */
export interface Contact {
  organisation: string;
  phone?: string;
  email?: string;
  url?: string;
  address?: string;
  /** What to ask for, or why this point rather than the channel itself. */
  note?: string;
}

/** A channel a rule asked for (or a core channel) that excludes the firm, with the reason in the requested language. */
export interface NotEligible {
  channel: string;
  reason: string;
  facts: string[];
}

/** A channel that is neither recommended nor excluded, and what would bring it into view (from its rules). */
export interface NotRecommended {
  channel: string;
  /** One sentence, e.g. "A VLAIO project subsidy comes into view if the question is: ...", in the requested language. */
  opensWith: string;
}

/** A rule whose condition held, with its weight (positive recommends, negative ranks lower). */
export interface FiredRule {
  id: string;
  channel: string;
  weight: number;
}

/** Referral v1: what refer() returns for a Profile (its zod schema, for the published contract, is in referral-schema.ts). */
export interface Referral {
  /** EU Recommendation 2003/361/EC (size.ts). */
  sizeClass: SizeClass;
  /** Figures missing, or a linked enterprise: see SizeResult. */
  sizeProvisional: boolean;
  /** Innovation pyramid, Tabel 12 (segment.ts). */
  segment: Segment;
  /** Tabel 13 (nace.ts) of the NACE-BEL version in `naceVersion`. */
  techClass: TechClass;
  /** The NACE-BEL version the code was read in: the profile's, else 2008 where the code exists there, else 2025. */
  naceVersion: NaceVersion;
  /** True when the profile gave no version and the code exists in both: `warnings` then says whether the other reading differs. */
  naceVersionAssumed: boolean;
  /** True when the region is not Flanders: the region's front door (meta.yaml `frontDoors`) then ranks first when recommended. */
  outOfRegion: boolean;
  /** Best first. */
  recommendations: Recommendation[];
  notEligible: NotEligible[];
  /** Channels a rule could recommend but none did, with what would change that (only where an answer could). */
  notRecommended: NotRecommended[];
  /** Things the firm should know (out of region, provisional size, not sure, answers counted as implied), in the requested language. */
  warnings: string[];
  /** Innovation answers counted as yes because another answer implies them (implied.ts), each with the answer it follows from. */
  impliedAnswers?: Array<{ key: InnovationKey; because: InnovationKey }>;
  /** Every rule that fired, with its weight: the advisor's view of the reasoning. */
  firedRules: FiredRule[];
  /** Which warning light led to which recommended channels (through the rules that name it). */
  signals: Array<{ trigger: string; channels: string[] }>;
  /** The content's version, an ISO date YYYY-MM-DD (content/meta.yaml). */
  contentVersion: string;
}

/** The referral for a firm known by its region only (outside Flanders): see Engine.referRegion. */
export interface RegionReferral {
  region: OutsideRegion;
  outOfRegion: true;
  /** As in a Referral, without scores (only the rules on the region count). */
  recommendations: Array<Omit<Recommendation, 'score'>>;
  warnings: string[];
  contentVersion: string;
}
