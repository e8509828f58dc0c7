// A representative enumeration of the profile space: every size class x segment x tech class x
// need x region (and province, triggers where asked). Used by the content check (coverage,
// reachable rules), the property tests and the bench.
import type { Innovation, Profile, Region, Segment, SizeClass, TechClass } from './types';
import { PROVINCES, REGIONS, SEGMENTS, SIZE_CLASSES } from './types';

/** Staff (AWU), turnover and balance-sheet total (EUR) well inside each size class of EU Recommendation 2003/361/EC. */
export const FIGURES_BY_SIZE: Record<SizeClass, Pick<Profile, 'staff' | 'turnoverEur' | 'balanceSheetEur'>> = {
  micro: { staff: 4, turnoverEur: 500_000, balanceSheetEur: 300_000 },
  small: { staff: 20, turnoverEur: 3_000_000, balanceSheetEur: 2_000_000 },
  medium: { staff: 100, turnoverEur: 20_000_000, balanceSheetEur: 15_000_000 },
  large: { staff: 400, turnoverEur: 80_000_000, balanceSheetEur: 60_000_000 },
};

/** For each segment, a plausible set of yes answers that Tabel 12 (segment.ts) places in it. */
export const INNOVATION_BY_SEGMENT: Record<Segment, Innovation> = {
  leader: { newGoods: true, productInHouse: true, productNewToMarket: true, inHouseRnd: true, innovationSpending: true, rndStaff: true },
  developer: { newGoods: true, productInHouse: true, innovationSpending: true },
  applier: { newProductionMethods: true, boughtKnowledge: true },
  follower: { newSupportProcesses: true },
  'non-innovator': {},
};

/** One NACE-BEL subclass per technology class of Tabel 13 (nace.ts), e.g. "25.62" (machining) for medium-low. */
export const NACE_BY_TECH_CLASS: Record<TechClass, string> = {
  high: '21.20',
  'medium-high': '28.41',
  'medium-low': '25.62',
  low: '10.71',
  'non-manufacturing': '62.01',
};

/** Which dimensions profileSpace varies besides size, segment and NACE code. */
export interface SpaceOptions {
  needs: readonly string[];
  regions?: readonly Region[];
  /** Also vary the province (Flanders only) and a single trigger. */
  provinces?: boolean;
  triggers?: readonly string[];
  /** Extra NACE codes to try besides one per tech class (e.g. those named in rules). */
  extraNace?: readonly string[];
  /** Also try each size with figures missing and with ownership by a large group. */
  sizeVariants?: boolean;
}

/**
 * Yields Profile v1 objects (valid when `needs` and `triggers` are ids of the content), one per combination: region x province x size (x figure variants)
 * x segment x NACE code x need x trigger (or none). Lazy, so large spaces cost no memory; never throws.
 */
export function* profileSpace(o: SpaceOptions): Generator<Profile> {
  const naces = [...Object.values(NACE_BY_TECH_CLASS), ...(o.extraNace ?? [])];
  for (const region of o.regions ?? REGIONS) {
    const provinces = region === 'flanders' && o.provinces ? [undefined, ...PROVINCES] : [undefined];
    for (const province of provinces) {
      for (const size of SIZE_CLASSES) {
        const variants = o.sizeVariants
          ? [{ ...FIGURES_BY_SIZE[size] }, { staff: FIGURES_BY_SIZE[size].staff }, { ...FIGURES_BY_SIZE[size], ownedByLargeGroup: true }]
          : [{ ...FIGURES_BY_SIZE[size] }];
        for (const figures of variants) {
          for (const segment of SEGMENTS) {
            for (const nace of naces) {
              for (const need of o.needs) {
                for (const trigger of [undefined, ...(o.triggers ?? [])]) {
                  yield {
                    region,
                    ...(province ? { province } : {}),
                    ...figures,
                    nace,
                    innovation: INNOVATION_BY_SEGMENT[segment],
                    needs: [need],
                    ...(trigger ? { triggers: [trigger] } : {}),
                  };
                }
              }
            }
          }
        }
      }
    }
  }
}
