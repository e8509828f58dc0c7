// The vocabulary of the domain (domain.md, architecture.md). Pure data, no I/O.

export const LANGS = ['nl', 'en', 'fr'] as const;
export type Lang = (typeof LANGS)[number];
export type Text = Record<Lang, string>;

export const REGIONS = ['flanders', 'brussels', 'wallonia', 'abroad'] as const;
export type Region = (typeof REGIONS)[number];

export const PROVINCES = ['antwerpen', 'limburg', 'oost-vlaanderen', 'vlaams-brabant', 'west-vlaanderen'] as const;
export type Province = (typeof PROVINCES)[number];

export const SIZE_CLASSES = ['micro', 'small', 'medium', 'large'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/** Innovation-pyramid segments, in the order Tabel 12 tests them (top of the pyramid first). */
export const SEGMENTS = ['leader', 'developer', 'applier', 'follower', 'non-innovator'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const TECH_CLASSES = ['high', 'medium-high', 'medium-low', 'low', 'non-manufacturing'] as const;
export type TechClass = (typeof TECH_CLASSES)[number];

/** The yes/no answers about the last three years (CIS 2013 question in comments). */
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
export type Innovation = Partial<Record<InnovationKey, boolean>>;

export interface Profile {
  region: Region;
  province?: Province;
  staff: number;
  turnoverEur?: number;
  balanceSheetEur?: number;
  ownedByLargeGroup?: boolean;
  nace: string;
  innovation: Innovation;
  needs: string[];
  triggers?: string[];
}

export interface Recommendation {
  channel: string;
  rank: number;
  score: number;
  reasons: string[];
  /** Why this channel ranks lower than it otherwise would (from rules with a negative weight). */
  laterBecause: string[];
  rules: string[];
  /** Ids of the facts quoted in the reasons. */
  facts: string[];
}

export interface NotEligible {
  channel: string;
  reason: string;
  facts: string[];
}

export interface FiredRule {
  id: string;
  channel: string;
  weight: number;
}

export interface Referral {
  sizeClass: SizeClass;
  sizeProvisional: boolean;
  segment: Segment;
  techClass: TechClass;
  outOfRegion: boolean;
  recommendations: Recommendation[];
  notEligible: NotEligible[];
  warnings: string[];
  /** Every rule that fired, with its weight: the advisor's view of the reasoning. */
  firedRules: FiredRule[];
  /** Which warning light led to which recommended channels (through the rules that name it). */
  signals: Array<{ trigger: string; channels: string[] }>;
  contentVersion: string;
}
