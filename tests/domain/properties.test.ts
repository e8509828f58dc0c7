// Property tests (fast-check) over arbitrary valid profiles built from the domain's own vocabulary
// and the real content: what must hold for every firm, not just for the examples we thought of.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readNace } from '../../src/domain/nace';
import { NACE_CODES } from '../hardening/arbitraries';
import { validateProfile } from '../../src/domain/profile';
import { refer } from '../../src/domain/refer';
import {
  INNOVATION_KEYS, LANGS, PROVINCES, REGIONS, type Lang, type Profile, type Referral, type Region,
} from '../../src/domain/types';
import { content } from '../helpers';

const RUNS = { numRuns: 400 };
const c = content();
const needIds = c.needs.map((n) => n.id);
const triggerIds = c.triggers.map((t) => t.id);
const flandersOnly = new Set(Object.values(c.channels).filter((ch) => ch.serves === 'flanders').map((ch) => ch.id));
const order = c.meta.channelOrder;

// --- arbitraries ---------------------------------------------------------------------------------

/** Valid NACE codes: codes of Statbel's 2008 and 2025 lists, dot optional where the undotted form reads the same (readNace). */
const naceArb = fc.oneof(
  fc.constantFrom(...c.sectors.groups.map((g) => g.code), '25.62', '2562', '25.4', '30.30', '18.2', '32.50', '21.20', '62.01', '01110'),
  fc.tuple(fc.constantFrom(...NACE_CODES), fc.boolean()).map(([code, dot]) => {
    const undotted = code.replace('.', '');
    const read = readNace(undotted, c.nace);
    return dot || !read.ok || read.code !== code ? code : undotted;
  }),
);

/** Headcounts around every size ceiling, plus arbitrary whole and fractional numbers. */
const staffArb = fc.oneof(
  fc.constantFrom(0, 0.5, 9, 9.99, 10, 49, 49.99, 50, 249, 249.5, 250, 100_000),
  fc.integer({ min: 0, max: 1_000 }),
  fc.double({ min: 0, max: 5_000, noNaN: true, noDefaultInfinity: true }),
);

/** Amounts around every financial ceiling (2M, 10M, 43M, 50M), plus arbitrary ones. */
const euroArb = fc.oneof(
  fc.constantFrom(0, 2_000_000, 2_000_001, 10_000_000, 10_000_001, 43_000_000, 43_000_001, 50_000_000, 50_000_001),
  fc.integer({ min: 0, max: 200_000_000 }),
  fc.double({ min: 0, max: 1e10, noNaN: true, noDefaultInfinity: true }),
);

const innovationArb = fc.record(Object.fromEntries(INNOVATION_KEYS.map((k) => [k, fc.boolean()])), { requiredKeys: [] });
const needsArb = fc.uniqueArray(fc.constantFrom(...needIds), { minLength: 1, maxLength: 4 });
const triggersArb = fc.uniqueArray(fc.constantFrom(...triggerIds), { maxLength: 3 });

function profileArb(region: fc.Arbitrary<Region>, withProvince: boolean): fc.Arbitrary<Profile> {
  const model = {
    region,
    ...(withProvince ? { province: fc.constantFrom(...PROVINCES) } : {}),
    staff: staffArb,
    turnoverEur: euroArb,
    balanceSheetEur: euroArb,
    ownedByLargeGroup: fc.boolean(),
    nace: naceArb,
    innovation: innovationArb,
    needs: needsArb,
    triggers: triggersArb,
  };
  return fc.record(model, { requiredKeys: ['region', 'staff', 'nace', 'innovation', 'needs'] }) as fc.Arbitrary<Profile>;
}

const OUT_OF_REGION = REGIONS.filter((r): r is Exclude<Region, 'flanders'> => r !== 'flanders');
const flemishArb = profileArb(fc.constant('flanders'), true);
const outOfRegionArb = profileArb(fc.constantFrom(...OUT_OF_REGION), false);
const anyProfileArb = fc.oneof(flemishArb, outOfRegionArb);
const langArb = fc.constantFrom(...LANGS);

/** Validates (must pass: the arbitraries only build valid profiles) and refers. */
function referValid(input: Profile, lang: Lang = 'en'): Referral {
  const v = validateProfile(input, c, lang);
  if (!v.ok) throw new Error(`generated profile is not valid: ${JSON.stringify(v.errors)} for ${JSON.stringify(input)}`);
  return refer(v.profile, c, lang);
}

const ids = (r: Referral) => r.recommendations.map((x) => x.channel);

// --- properties ------------------------------------------------------------------------------------

describe('properties of refer()', () => {
  it('every valid Flemish profile gets at least one recommendation', () => {
    fc.assert(fc.property(flemishArb, langArb, (p, lang) => referValid(p, lang).recommendations.length > 0), RUNS);
  });

  it('ranks are 1..n without gaps, best score first (after the front door outside Flanders), ties in meta.channelOrder', () => {
    fc.assert(
      fc.property(anyProfileArb, (p) => {
        const r = referValid(p);
        const recs = r.recommendations;
        expect(recs.map((x) => x.rank)).toEqual(recs.map((_, i) => i + 1));
        // Outside Flanders the region's front door is put first whatever its score.
        for (let i = r.outOfRegion ? 2 : 1; i < recs.length; i++) {
          const [a, b] = [recs[i - 1]!, recs[i]!];
          expect(a.score).toBeGreaterThanOrEqual(b.score);
          if (a.score === b.score) expect(order.indexOf(a.channel)).toBeLessThan(order.indexOf(b.channel));
        }
        for (const r of recs) expect(r.score).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('no channel is both recommended and not eligible, and none appears twice', () => {
    fc.assert(
      fc.property(anyProfileArb, langArb, (p, lang) => {
        const r = referValid(p, lang);
        const rec = ids(r);
        const not = r.notEligible.map((n) => n.channel);
        expect(new Set(rec).size).toBe(rec.length);
        expect(new Set(not).size).toBe(not.length);
        expect(rec.filter((id) => not.includes(id))).toEqual([]);
        for (const n of r.notEligible) expect(n.reason.trim()).not.toBe('');
      }),
      RUNS,
    );
  });

  it('is deterministic: same input twice, and after a JSON round trip of the profile', () => {
    fc.assert(
      fc.property(anyProfileArb, langArb, (p, lang) => {
        const first = referValid(p, lang);
        expect(referValid(p, lang)).toEqual(first);
        expect(referValid(JSON.parse(JSON.stringify(p)) as Profile, lang)).toEqual(first);
        // The referral itself survives JSON (what the CLI prints and the UI stores).
        expect(JSON.parse(JSON.stringify(first))).toEqual(first);
      }),
      RUNS,
    );
  });

  it('the language changes the words, never the decisions', () => {
    fc.assert(
      fc.property(anyProfileArb, (p) => {
        const [nl, en, fr] = LANGS.map((lang) => referValid(p, lang));
        const decisions = (r: Referral) => ({ ...r, recommendations: ids(r), notEligible: r.notEligible.map((n) => n.channel), notRecommended: r.notRecommended.map((n) => n.channel), warnings: r.warnings.length });
        expect(decisions(en!)).toEqual(decisions(nl!));
        expect(decisions(fr!)).toEqual(decisions(nl!));
      }),
      { numRuns: 150 },
    );
  });

  it('every out-of-region profile is outOfRegion, gets no Flemish-only channel, and is sent to its front door', () => {
    fc.assert(
      fc.property(outOfRegionArb, (p) => {
        const r = referValid(p);
        expect(r.outOfRegion).toBe(true);
        expect(ids(r).filter((id) => flandersOnly.has(id))).toEqual([]);
        expect(ids(r)).toContain(c.meta.frontDoors[p.region as Exclude<Region, 'flanders'>]);
      }),
      RUNS,
    );
  });

  // The architecture asks for a pointer to the right front door: whatever the weights of region-neutral
  // channels (federation, fiscal), the engine puts the region's front door first.
  it('every out-of-region profile gets its front door first', () => {
    fc.assert(
      fc.property(outOfRegionArb, (p) => {
        expect(ids(referValid(p))[0]).toBe(c.meta.frontDoors[p.region as Exclude<Region, 'flanders'>]);
      }),
      { numRuns: 2_000 },
    );
  });

  it('every Flemish profile is not outOfRegion', () => {
    fc.assert(fc.property(flemishArb, (p) => !referValid(p).outOfRegion), RUNS);
  });

  it('a large firm never gets kmo-portefeuille recommended, and always sees it as not eligible', () => {
    fc.assert(
      fc.property(anyProfileArb, (p) => {
        const r = referValid(p);
        fc.pre(r.sizeClass === 'large');
        expect(ids(r)).not.toContain('kmo-portefeuille');
        expect(r.notEligible.map((n) => n.channel)).toContain('kmo-portefeuille');
      }),
      { numRuns: 200 },
    );
  });

  it('ownership by a large group or missing figures always make the size provisional', () => {
    fc.assert(
      fc.property(anyProfileArb, (p) => {
        fc.pre(p.ownedByLargeGroup === true || (p.turnoverEur === undefined && p.balanceSheetEur === undefined && p.staff < 250));
        expect(referValid(p).sizeProvisional).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('"not sure" alone (no warning lights) puts the innovation advisor first for every Flemish firm', () => {
    fc.assert(
      fc.property(flemishArb, (p) => {
        const r = referValid({ ...p, needs: ['not-sure'], triggers: [] });
        expect(ids(r)[0]).toBe('innovation-centre');
      }),
      { numRuns: 200 },
    );
  });
});

describe('properties of validateProfile()', () => {
  it('accepts every generated profile, and validating its output again changes nothing', () => {
    fc.assert(
      fc.property(anyProfileArb, (p) => {
        const once = validateProfile(p, c);
        expect(once.ok).toBe(true);
        if (!once.ok) return;
        expect(validateProfile(JSON.parse(JSON.stringify(once.profile)), c)).toEqual(once);
      }),
      RUNS,
    );
  });

  // Keys named like Object.prototype members crash validateProfile today, and an unknown key "" gives
  // an error with an empty field (known bugs, see profile.test.ts and the report); they are kept out
  // here so this property checks everything else. Drop the filter when the bugs are fixed.
  const safeKey = fc.string().filter((k) => k !== '' && !(k in Object.prototype));
  const anything = fc.anything({ key: safeKey, maxDepth: 3 });

  it('never throws on arbitrary input, and returns ok or errors with a field and a message', () => {
    fc.assert(
      fc.property(anything, langArb, (input, lang) => {
        const r = validateProfile(input, c, lang);
        if (r.ok) return;
        expect(r.errors.length).toBeGreaterThan(0);
        for (const e of r.errors) {
          expect(e.field.length).toBeGreaterThan(0);
          expect(e.message.trim().length).toBeGreaterThan(e.field.length);
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it('never throws on arbitrary objects that look almost like a profile', () => {
    const nearProfile = fc.tuple(anyProfileArb, fc.dictionary(safeKey, anything, { maxKeys: 3 })).map(([p, extra]) => ({ ...p, ...extra }));
    fc.assert(
      fc.property(nearProfile, langArb, (input, lang) => {
        const r = validateProfile(input, c, lang);
        if (!r.ok) for (const e of r.errors) expect(e.message).toContain(e.field);
      }),
      RUNS,
    );
  });

  it('when one field of a valid profile is replaced by anything, every error names that field', () => {
    const fields = ['region', 'staff', 'turnoverEur', 'balanceSheetEur', 'ownedByLargeGroup', 'nace', 'innovation', 'needs', 'triggers'] as const;
    fc.assert(
      fc.property(outOfRegionArb, fc.constantFrom(...fields), anything, langArb, (p, field, value, lang) => {
        const r = validateProfile({ ...p, [field]: value }, c, lang);
        if (r.ok) return;
        for (const e of r.errors) {
          expect(e.field === field || e.field.startsWith(`${field}.`) || e.field.startsWith(`${field}[`)).toBe(true);
          expect(e.message).toContain(e.field);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
