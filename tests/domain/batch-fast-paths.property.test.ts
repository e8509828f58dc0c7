// The batch's fast paths (src/domain/batch.ts) against the slow ones they stand in for, on random
// input: acceptProfileFast says yes only where validateProfile (the zod schema) does, and gives the
// same profile (same fields, same order); a referral remembered by referralKey equals the referral
// computed anew for every profile with that key (the key holds every input the engine reads).
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { acceptProfileFast, BatchReferrer, readHeader, rowToProfileInput } from '../../src/domain/batch';
import { validateProfile } from '../../src/domain/profile';
import { refer, referralKey } from '../../src/domain/refer';
import { INNOVATION_KEYS, NACE_VERSIONS, PROVINCES, REGIONS, type Profile } from '../../src/domain/types';
import { content } from '../helpers';

// Thousands of runs each: seconds on an idle machine, more on a shared one.
vi.setConfig({ testTimeout: 120_000 });

const c = content();
const needIds = c.needs.map((n) => n.id);
const triggerIds = c.triggers.map((t) => t.id);
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });

/** Inputs near the edges of every rule: valid ids and near-misses, numbers around 0 and the edges of a double, NACE codes of every shape. */
const wildArb = fc.record(
  {
    region: fc.oneof(fc.constantFrom(...REGIONS), fc.constantFrom('Flanders', 'vlaanderen', '', 'mars'), fc.integer()),
    province: fc.oneof(fc.constantFrom(...PROVINCES), fc.constantFrom('Antwerpen', 'henegouwen', '')),
    staff: fc.oneof(fc.double({ noDefaultInfinity: false }), fc.constantFrom(0, -0, 12.5, 250, -1, Number.NaN, Number.POSITIVE_INFINITY), fc.constantFrom('12', 'veel', '')),
    turnoverEur: fc.oneof(fc.double(), fc.constantFrom(0, 1_800_000, -5), fc.constant('1.800.000')),
    balanceSheetEur: fc.oneof(fc.double(), fc.constantFrom(0, 900_000)),
    ownedByLargeGroup: fc.oneof(fc.boolean(), fc.constantFrom('ja', 'true', 1, 0)),
    nace: fc.oneof(
      fc.constantFrom('25.62', '2562', '25,62', '01.110', '1110', '111', '62.01', '62.010', '99.99', ' 25.62 ', '25', '01', 'ab', '', '72.1', '26.11'),
      fc.integer({ min: 0, max: 99999 }),
      fc.stringMatching(/^\d{2}\.?\d{0,3}$/),
    ),
    naceVersion: fc.oneof(fc.constantFrom(...NACE_VERSIONS), fc.constantFrom('2007', 2008)),
    innovation: fc.oneof(
      fc.dictionary(fc.constantFrom(...INNOVATION_KEYS), fc.boolean()),
      fc.dictionary(fc.constantFrom(...INNOVATION_KEYS, 'newgoods', '__proto__', 'toString'), fc.oneof(fc.boolean(), fc.constantFrom('yes', 1))),
      fc.constantFrom(null, [], 'newGoods'),
    ),
    needs: fc.oneof(fc.array(fc.constantFrom(...needIds), { maxLength: 4 }), fc.array(fc.constantFrom(...needIds, 'Training', 'dance', ''), { maxLength: 3 }), fc.constantFrom('training', null)),
    triggers: fc.oneof(fc.array(fc.constantFrom(...triggerIds), { maxLength: 3 }), fc.array(fc.constantFrom(...triggerIds, 'boredom'), { maxLength: 2 }), fc.constant('succession')),
    extra: fc.constantFrom('x', 1),
  },
  { requiredKeys: [] },
);
/** Mostly valid inputs, one field at a time taken from wildArb: the edges of each rule next to valid values. */
const nearlyValidArb = fc
  .record({
    region: fc.constantFrom('flanders', 'flanders', 'brussels', 'abroad'),
    staff: fc.constantFrom(0, 3, 12.5, 250, 1e300),
    nace: fc.constantFrom('25.62', '2562', '62.01', '01.110', ' 25.62 ', '26.11'),
    innovation: fc.dictionary(fc.constantFrom(...INNOVATION_KEYS), fc.boolean(), { maxKeys: 4 }),
    needs: fc.uniqueArray(fc.constantFrom(...needIds), { minLength: 1, maxLength: 3 }),
  })
  .chain((base) => fc.tuple(fc.constant(base), wildArb))
  .chain(([base, wild]) => fc.subarray(Object.keys(wild), { maxLength: Math.min(2, Object.keys(wild).length) }).map((keys) => ({ ...base, ...Object.fromEntries(keys.map((k) => [k, (wild as Record<string, unknown>)[k]])) })));
const inputArb = fc.oneof({ weight: 3, arbitrary: nearlyValidArb }, { weight: 1, arbitrary: wildArb });

describe('acceptProfileFast agrees with validateProfile (property)', () => {
  it('the same verdict as zod on any input, and on a yes the same profile', () => {
    let yes = 0;
    fc.assert(
      fc.property(inputArb, (input) => {
        const fast = acceptProfileFast(input as Record<string, unknown>, c);
        const slow = validateProfile(input, c, 'en');
        expect(fast !== null).toBe(slow.ok);
        if (fast) {
          yes++;
          // Same fields in the same order (JSON keeps the order), same values.
          expect(JSON.stringify(fast)).toBe(JSON.stringify(slow.ok && slow.profile));
          expect(fast).toEqual(slow.ok && slow.profile);
        }
      }),
      { numRuns: 3000 },
    );
    expect(yes).toBeGreaterThan(20);
  });

  it('every row a batch reads gets the same verdict both ways', () => {
    const header = readHeader(['region', 'province', 'staff', 'turnoverEur', 'balanceSheetEur', 'ownedByLargeGroup', 'nace', 'naceVersion', 'innovation', 'needs', 'triggers'], c);
    if (!header.ok) throw new Error('header');
    const cellArb = (words: string[]) => fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 }));
    const rowArb = fc.tuple(
      cellArb(['flanders', 'Vlaanderen', 'Bruxelles', 'abroad', 'x']),
      cellArb(['', 'antwerpen', 'Anvers', 'limbourg', 'nope']),
      cellArb(['12', '12,5', '1.250', '1,250', '-1', '0', '1e309', '4.5']),
      cellArb(['', '1.800.000', '€ 1.800.000,-', '1,8 mln', '-3']),
      cellArb(['', '900.000', '0']),
      cellArb(['', 'ja', 'ONWAAR', 'VRAI', 'maybe']),
      cellArb(['25.62', '2562', '25,62', '1.11', '01.110', '1110', 'ab', '62.01']),
      cellArb(['', '2008', '2025', '2007']),
      cellArb(['', 'newGoods', 'newGoods|rndStaff', 'newgoods, cooperation', 'x|y']),
      cellArb(['training', 'opleiding|advies', 'training|training', '', 'dance']),
      cellArb(['', 'succession', 'opvolging|boredom', 'succession|succession']),
    );
    fc.assert(
      fc.property(rowArb, fc.constantFrom('be', 'en', undefined), (cells, notation) => {
        const { input } = rowToProfileInput(header.header, cells, c, 'en', notation);
        const fast = acceptProfileFast(input, c);
        const slow = validateProfile(input, c, 'en');
        expect(fast !== null).toBe(slow.ok);
        if (fast) expect(JSON.stringify(fast)).toBe(JSON.stringify(slow.ok && slow.profile));
      }),
      { numRuns: 3000 },
    );
  });
});

/** Valid profiles drawn from few values, so that many share a key (and some differ only where the engine does not look). */
const profileArb: fc.Arbitrary<Profile> = fc
  .record({
    region: fc.constantFrom('flanders', 'flanders', 'flanders', 'brussels', 'abroad'),
    province: opt(fc.constantFrom('antwerpen', 'limburg')),
    staff: fc.constantFrom(0, 3, 9.5, 10, 12, 49, 50, 249, 250, 400),
    turnoverEur: opt(fc.constantFrom(0, 1_800_000, 2_000_000, 10_000_000, 50_000_000, 50_000_001, 90_000_000)),
    balanceSheetEur: opt(fc.constantFrom(0, 900_000, 2_000_000, 43_000_000, 43_000_001)),
    ownedByLargeGroup: opt(fc.boolean()),
    nace: fc.constantFrom('25.62', '62.01', '01.110'),
    naceVersion: fc.option(fc.constantFrom(...NACE_VERSIONS), { nil: undefined, freq: 2 }),
    // Few answers and ids, so that keys repeat; their order varies (the engine lists them in it).
    innovation: fc.dictionary(fc.constantFrom('productInHouse', 'rndStaff'), fc.boolean(), { maxKeys: 2 }),
    needs: fc.uniqueArray(fc.constantFrom(...needIds.slice(0, 2)), { minLength: 1, maxLength: 2 }),
    triggers: opt(fc.uniqueArray(fc.constantFrom(triggerIds[0]!), { maxLength: 1 })),
  })
  .map((p) => {
    const v = validateProfile(Object.fromEntries(Object.entries(p).filter(([, x]) => x !== undefined)), c, 'en');
    return v.ok ? v.profile : null;
  })
  .filter((p): p is Profile => p !== null);

describe('referralKey holds every input the engine reads (property)', () => {
  it('profiles with the same key get equal referrals, in every language and on both sides of a change of figures', () => {
    const byKey = new Map<string, ReturnType<typeof refer>>();
    let hits = 0;
    fc.assert(
      fc.property(profileArb, fc.constantFrom('nl', 'en'), fc.constantFrom('2026-11-30', '2024-01-01'), (profile, lang, on) => {
        const key = referralKey(profile, c, lang, 'you', on);
        const fresh = refer(profile, c, lang, 'you', on);
        const known = byKey.get(key);
        if (known) {
          hits++;
          expect(fresh).toEqual(known);
        } else {
          byKey.set(key, fresh);
        }
      }),
      { numRuns: 3000 },
    );
    expect(hits).toBeGreaterThan(50);
  });

  it("a batch's remembered summaries equal the uncached referral's", () => {
    const referrer = new BatchReferrer(c, 'nl', 'be', '2026-11-30');
    const header = readHeader(['region', 'province', 'staff', 'turnoverEur', 'balanceSheetEur', 'ownedByLargeGroup', 'nace', 'naceVersion', 'innovation', 'needs', 'triggers'], c);
    if (!header.ok) throw new Error('header');
    fc.assert(
      fc.property(profileArb, (p) => {
        const cells = [p.region, p.province ?? '', String(p.staff).replace('.', ','), p.turnoverEur === undefined ? '' : String(p.turnoverEur), p.balanceSheetEur === undefined ? '' : String(p.balanceSheetEur),
          p.ownedByLargeGroup === undefined ? '' : String(p.ownedByLargeGroup), p.nace, p.naceVersion ?? '', Object.keys(p.innovation).filter((k) => p.innovation[k as keyof typeof p.innovation]).join('|'), p.needs.join('|'), (p.triggers ?? []).join('|')];
        const row = referrer.row(header.header, cells);
        if (!row.ok) throw new Error(JSON.stringify(row.errors));
        const { input } = rowToProfileInput(header.header, cells, c, 'nl', 'be');
        const v = validateProfile(input, c, 'nl');
        if (!v.ok) throw new Error('invalid');
        const r = refer(v.profile, c, 'nl', 'you', '2026-11-30');
        expect(row.summary.channels).toEqual(r.recommendations.map((x) => x.channel));
        expect([row.summary.sizeClass, row.summary.segment, row.summary.techClass, row.summary.outOfRegion]).toEqual([r.sizeClass, r.segment, r.techClass, r.outOfRegion]);
      }),
      { numRuns: 1500 },
    );
  });
});
