// refer(): Referral v1 on the real content. Assertions are principles (who is never sent where, who
// comes first for a reason the seeds give), not the incidental weights in content/rules.yaml.
import { describe, expect, it } from 'vitest';
import { validateProfile } from '../../src/domain/profile';
import { createEngine, engineFor, refer, referRegion } from '../../src/domain/refer';
import { FIGURES_BY_SIZE, INNOVATION_BY_SEGMENT, NACE_BY_TECH_CLASS } from '../../src/domain/profile-space';
import {
  LANGS, REGIONS, SEGMENTS, SIZE_CLASSES, TECH_CLASSES, type Lang, type Profile, type Referral, type Region,
} from '../../src/domain/types';
import { content, METAL_WORKSHOP_PROFILE as metalWorkshop } from '../helpers';


const largeFirm: Profile = {
  region: 'flanders',
  staff: 420,
  turnoverEur: 95_000_000,
  balanceSheetEur: 70_000_000,
  nace: '28.41',
  innovation: INNOVATION_BY_SEGMENT.developer,
  needs: ['training'],
};

const needIds = () => content().needs.map((n) => n.id);
const channels = (r: Referral) => r.recommendations.map((x) => x.channel);
const ineligible = (r: Referral) => r.notEligible.map((x) => x.channel);
const OUT_OF_REGION = REGIONS.filter((r): r is Exclude<Region, 'flanders'> => r !== 'flanders');

function profile(p: Partial<Profile>): Profile {
  return { region: 'flanders', ...FIGURES_BY_SIZE.small, nace: '25.62', innovation: {}, needs: ['advice'], ...p };
}

/** Every contract field of Referral v1 with a value the contract allows (the types are TypeScript's job). */
function expectReferralV1(r: Referral) {
  const c = content();
  expect(SIZE_CLASSES).toContain(r.sizeClass);
  expect(SEGMENTS).toContain(r.segment);
  expect(TECH_CLASSES).toContain(r.techClass);
  expect(r.contentVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(r.warnings.every((w) => w.trim().length > 0)).toBe(true);
  for (const rec of r.recommendations) {
    expect(Object.keys(c.channels)).toContain(rec.channel);
    expect(Number.isInteger(rec.rank)).toBe(true);
    expect(rec.reasons.length).toBeGreaterThan(0);
    for (const reason of rec.reasons) expect(typeof reason === 'string' && reason.trim().length > 0).toBe(true);
    expect(rec.rules.length).toBeGreaterThan(0);
    // Every rule named belongs to this channel.
    for (const id of rec.rules) expect(c.rules.find((x) => x.id === id)?.channel).toBe(rec.channel);
  }
  for (const n of r.notEligible) {
    expect(Object.keys(c.channels)).toContain(n.channel);
    expect(n.reason.trim().length).toBeGreaterThan(0);
  }
}

describe('refer: Referral v1', () => {
  it('has the contract shape', () => {
    const r = refer(metalWorkshop, content(), 'nl');
    expectReferralV1(r);
    expect(r).toMatchObject({ sizeClass: 'small', sizeProvisional: false, segment: 'non-innovator', techClass: 'medium-low', outOfRegion: false });
    // JSON-safe: what the CLI prints is the same object.
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('contentVersion is content.meta.contentVersion', () => {
    expect(refer(metalWorkshop, content()).contentVersion).toBe(content().meta.contentVersion);
    const changed = { ...content(), meta: { ...content().meta, contentVersion: '2031-01-02' } };
    expect(refer(metalWorkshop, changed).contentVersion).toBe('2031-01-02');
  });

  it('ranks are 1..n, best first, ties broken by meta.channelOrder', () => {
    const order = content().meta.channelOrder;
    for (const needs of [['practical-problem'], ['training', 'advice'], ['development-project', 'partners', 'financing'], needIds()]) {
      const r = refer(profile({ needs, innovation: INNOVATION_BY_SEGMENT.developer }), content());
      expect(r.recommendations.map((x) => x.rank)).toEqual(r.recommendations.map((_, i) => i + 1));
      r.recommendations.slice(1).forEach((rec, i) => {
        const prev = r.recommendations[i]!;
        expect(prev.score).toBeGreaterThanOrEqual(rec.score);
        if (prev.score === rec.score) expect(order.indexOf(prev.channel)).toBeLessThan(order.indexOf(rec.channel));
      });
    }
  });

  it("a channel's score is the sum of the weights of its rules, and only channels above 0 are recommended", () => {
    const rules = new Map(content().rules.map((x) => [x.id, x]));
    const r = refer(profile({ needs: needIds(), triggers: content().triggers.map((t) => t.id) }), content());
    expect(r.recommendations.length).toBeGreaterThan(0);
    for (const rec of r.recommendations) {
      expect(rec.score).toBe(rec.rules.reduce((sum, id) => sum + rules.get(id)!.weight, 0));
      expect(rec.score).toBeGreaterThan(0);
    }
  });

  it('no channel is both recommended and not eligible, and none is listed twice', () => {
    for (const p of [metalWorkshop, largeFirm, profile({ region: 'brussels', needs: needIds() })]) {
      const r = refer(p, content());
      expect(new Set(channels(r)).size).toBe(channels(r).length);
      expect(new Set(ineligible(r)).size).toBe(ineligible(r).length);
      expect(channels(r).filter((c) => ineligible(r).includes(c))).toEqual([]);
    }
  });

  it('is deterministic and does not change the profile', () => {
    const frozen = structuredClone(metalWorkshop);
    const deepFreeze = (o: object) => { Object.values(o).forEach((v) => v && typeof v === 'object' && deepFreeze(v)); Object.freeze(o); };
    deepFreeze(frozen);
    const a = refer(frozen, content(), 'en');
    const b = refer(frozen, content(), 'en');
    expect(b).toEqual(a);
    expect(frozen).toEqual(metalWorkshop);
  });
});

describe('createEngine: one engine object per content', () => {
  it('refers exactly as the refer() shortcut, in every language, and for firms known by their region only', () => {
    const engine = createEngine(content());
    for (const lang of ['nl', 'en', 'fr'] as const) {
      for (const p of [profile({}), profile({ needs: ['training'], triggers: ['quality-complaints'], province: 'limburg' }), profile({ region: 'brussels', needs: ['international'] })]) {
        expect(engine.refer(p, lang)).toEqual(refer(p, content(), lang));
      }
      expect(engine.referRegion('wallonia', lang)).toEqual(referRegion('wallonia', content(), lang));
    }
  });

  it('is made once per content object (engineFor), and a changed content gets its own engine', () => {
    expect(engineFor(content())).toBe(engineFor(content()));
    const changed = { ...content(), rules: content().rules.filter((r) => r.channel !== 'led') };
    expect(engineFor(changed)).not.toBe(engineFor(content()));
    const p = profile({ needs: ['practical-problem'] });
    expect(refer(p, content()).recommendations.map((r) => r.channel)).toContain('led');
    expect(refer(p, changed).recommendations.map((r) => r.channel)).not.toContain('led');
  });

  it('names the clusters of the firm\'s sector only on a channel flagged namesSectorClusters', () => {
    const c = content();
    const p = profile({ nace: '10.71', needs: ['partners'] });
    const names = createEngine(c).clustersFor('10.71').map((x) => x.name);
    expect(names.length).toBeGreaterThan(0);
    const withFlag = refer(p, c).recommendations.find((r) => r.channel === 'cluster')!;
    expect(withFlag.reasons.some((line) => names.every((n) => line.includes(n)))).toBe(true);
    const unflagged = { ...c, channels: { ...c.channels, cluster: { ...c.channels.cluster!, namesSectorClusters: false } } };
    expect(refer(p, unflagged).recommendations.find((r) => r.channel === 'cluster')!.reasons.some((line) => names.some((n) => line.includes(n)))).toBe(false);
  });

  it('warns "not sure" for a need flagged unsure, whatever its id', () => {
    const c = content();
    const W = c.engineTexts.warnings.notSure.nl;
    expect(refer(profile({ needs: ['not-sure'] }), c).warnings).toContain(W);
    const renamed = { ...c, needs: c.needs.map((n) => ({ ...n, unsure: n.id === 'advice' })) };
    expect(refer(profile({ needs: ['advice'] }), renamed).warnings).toContain(W);
    expect(refer(profile({ needs: ['not-sure'] }), renamed).warnings).not.toContain(W);
  });
});

describe('refer: language', () => {
  it('reasons, not-eligible reasons and warnings come in the requested language', () => {
    const p = { ...largeFirm, needs: ['training', 'practical-problem'], ownedByLargeGroup: true };
    const by = Object.fromEntries(LANGS.map((lang) => [lang, refer(p, content(), lang)])) as Record<Lang, Referral>;
    // Same decisions in every language...
    expect(channels(by.en)).toEqual(channels(by.nl));
    expect(channels(by.fr)).toEqual(channels(by.nl));
    // ...worded differently.
    for (const [a, b] of [['nl', 'en'], ['nl', 'fr'], ['en', 'fr']] as const) {
      by[a].recommendations.forEach((rec, i) => expect(rec.reasons).not.toEqual(by[b].recommendations[i]!.reasons));
      by[a].notEligible.forEach((n, i) => expect(n.reason).not.toBe(by[b].notEligible[i]!.reason));
      expect(by[a].warnings).not.toEqual(by[b].warnings);
    }
    for (const lang of LANGS) {
      expect(by[lang].warnings).toContain(content().engineTexts.warnings.linkedEnterprise[lang]);
    }
  });

  it("a rule's reason text is the one from reasons.yaml in that language", () => {
    const c = content();
    for (const lang of LANGS) {
      const r = refer(metalWorkshop, c, lang);
      const led = r.recommendations.find((x) => x.channel === 'led')!;
      const key = c.rules.find((x) => x.id === led.rules[0])!.reason;
      // The fixed text before any placeholder must open the first reason.
      expect(led.reasons[0]!.startsWith(c.reasons[key]![lang].split('{')[0]!)).toBe(true);
    }
  });

  it('defaults to Dutch', () => {
    expect(refer(largeFirm, content())).toEqual(refer(largeFirm, content(), 'nl'));
    expect(refer(largeFirm, content())).not.toEqual(refer(largeFirm, content(), 'en'));
  });
});

describe('refer: kmo-portefeuille is for SMEs only', () => {
  const kmoExclusion = () =>
    content().channels['kmo-portefeuille']!.excludes.find((e) => e.when.sizeClass?.includes('large'))!;

  it('a large firm wanting training gets it listed as not eligible, with the reason from the channel file', () => {
    for (const lang of LANGS) {
      const r = refer(largeFirm, content(), lang);
      expect(r.sizeClass).toBe('large');
      expect(channels(r)).not.toContain('kmo-portefeuille');
      const n = r.notEligible.find((x) => x.channel === 'kmo-portefeuille');
      expect(n?.reason).toBe(kmoExclusion().reason[lang]);
    }
  });

  it('a large firm never gets it recommended, whatever it needs', () => {
    for (const need of needIds()) {
      for (const segment of SEGMENTS) {
        const r = refer(profile({ ...FIGURES_BY_SIZE.large, innovation: INNOVATION_BY_SEGMENT[segment], needs: [need], triggers: ['skills-gap', 'digitalisation-pressure'] }), content());
        expect(channels(r)).not.toContain('kmo-portefeuille');
        expect(ineligible(r)).toContain('kmo-portefeuille');
      }
    }
  });

  it('a micro, small or medium Flemish firm wanting training does get it', () => {
    for (const size of ['micro', 'small', 'medium'] as const) {
      const r = refer(profile({ ...FIGURES_BY_SIZE[size], needs: ['training'] }), content());
      expect(channels(r)).toContain('kmo-portefeuille');
      expect(ineligible(r)).not.toContain('kmo-portefeuille');
    }
  });
});

describe('refer: firms outside the Flemish Region', () => {
  const flandersOnly = () => Object.values(content().channels).filter((c) => c.serves === 'flanders').map((c) => c.id);
  const coreChannels = () => Object.values(content().channels).filter((c) => c.core).map((c) => c.id);

  describe.each(OUT_OF_REGION)('%s', (region) => {
    it('outOfRegion, no Flemish-only channel, the front door first, and a warning', () => {
      expect(flandersOnly().length).toBeGreaterThan(0);
      for (const need of needIds()) {
        for (const size of SIZE_CLASSES) {
          const r = refer(profile({ region, ...FIGURES_BY_SIZE[size], innovation: INNOVATION_BY_SEGMENT.leader, needs: [need] }), content(), 'en');
          expect(r.outOfRegion).toBe(true);
          expect(channels(r).filter((c) => flandersOnly().includes(c))).toEqual([]);
          expect(r.recommendations[0]?.channel).toBe(content().meta.frontDoors[region]);
          expect(r.warnings).toContain(content().engineTexts.warnings.outOfRegion.en);
        }
      }
    });

    it('the core Flemish channels are listed as not available, with a reason', () => {
      const r = refer(profile({ region, needs: ['training', 'practical-problem', 'development-project', 'partners'] }), content(), 'en');
      for (const id of coreChannels()) expect(ineligible(r)).toContain(id);
      expectReferralV1(r);
    });

    it('with every need and every trigger at once, the front door still comes first', () => {
      const r = refer(profile({ region, needs: needIds(), triggers: content().triggers.map((t) => t.id) }), content());
      expect(r.recommendations[0]?.channel).toBe(content().meta.frontDoors[region]);
    });
  });

  // Known defect (see the report): refer() never looks at meta.frontDoors, so the front door is first only
  // as long as no other channel that serves everyone outweighs it. A large Brussels firm with a practical
  // problem, a training need and new regulation gets `federation` (4 rules, 125) above `brussels` (100).
  it('a large Brussels firm with several needs still gets the Brussels front door first', () => {
    const r = refer(profile({ region: 'brussels', ...FIGURES_BY_SIZE.large, needs: ['training', 'practical-problem'], triggers: ['new-regulation'] }), content(), 'en');
    expect(r.recommendations[0]?.channel).toBe(content().meta.frontDoors.brussels);
  });

  it("a Flemish firm is not out of region and never gets another region's front door", () => {
    const doors = Object.values(content().meta.frontDoors);
    for (const need of needIds()) {
      const r = refer(profile({ needs: [need] }), content(), 'en');
      expect(r.outOfRegion).toBe(false);
      expect(channels(r).filter((c) => doors.includes(c))).toEqual([]);
      expect(r.warnings).not.toContain(content().engineTexts.warnings.outOfRegion.en);
    }
  });
});

describe('refer: size that is only provisional', () => {
  it('ownership by a large group makes the size provisional, with a warning', () => {
    for (const size of SIZE_CLASSES) {
      const r = refer(profile({ ...FIGURES_BY_SIZE[size], ownedByLargeGroup: true }), content(), 'en');
      expect(r.sizeClass).toBe(size);
      expect(r.sizeProvisional).toBe(true);
      expect(r.warnings).toContain(content().engineTexts.warnings.linkedEnterprise.en);
    }
  });

  it('with all figures and no group, the size is firm and there is no size warning', () => {
    const W = content().engineTexts.warnings;
    for (const size of SIZE_CLASSES) {
      const r = refer(profile({ ...FIGURES_BY_SIZE[size], ownedByLargeGroup: false }), content(), 'en');
      expect(r.sizeProvisional).toBe(false);
      expect(r.warnings).not.toContain(W.linkedEnterprise.en);
      expect(r.warnings).not.toContain(W.figuresMissing.en);
    }
  });

  it('staff without turnover or balance sheet makes the size provisional, with a warning', () => {
    for (const staff of [0, 4, 9.5, 20, 49, 120]) {
      const r = refer(profile({ staff, turnoverEur: undefined, balanceSheetEur: undefined }), content(), 'en');
      expect(r.sizeProvisional).toBe(true);
      expect(r.warnings).toContain(content().engineTexts.warnings.figuresMissing.en);
    }
  });

  it('a provisional size is reported in the same language as the rest', () => {
    const r = refer(profile({ staff: 20, turnoverEur: undefined, balanceSheetEur: undefined }), content(), 'fr');
    expect(r.warnings).toContain(content().engineTexts.warnings.figuresMissing.fr);
  });
});

describe('refer: principles from the seeds', () => {
  it('"not sure" sends a Flemish firm to the innovation advisor first, whatever its size, segment or sector', () => {
    for (const size of SIZE_CLASSES) {
      for (const segment of SEGMENTS) {
        for (const nace of Object.values(NACE_BY_TECH_CLASS)) {
          const r = refer(profile({ ...FIGURES_BY_SIZE[size], innovation: INNOVATION_BY_SEGMENT[segment], nace, needs: ['not-sure'] }), content(), 'en');
          expect(r.recommendations[0]?.channel).toBe('innovation-centre');
          expect(r.warnings).toContain(content().engineTexts.warnings.notSure.en);
        }
      }
    }
  });

  it('a small workshop with a concrete practical problem goes to a university college (LED) first', () => {
    const r = refer(metalWorkshop, content(), 'en');
    expect(r.recommendations[0]?.channel).toBe('led');
    expect(channels(r)).not.toContain('vlaio-project');
  });

  it('every Flemish firm gets at least one recommendation, for every need', () => {
    for (const need of needIds()) {
      for (const size of SIZE_CLASSES) {
        for (const segment of SEGMENTS) {
          const r = refer(profile({ ...FIGURES_BY_SIZE[size], innovation: INNOVATION_BY_SEGMENT[segment], needs: [need] }), content());
          expect(r.recommendations.length).toBeGreaterThan(0);
        }
      }
    }
  });

  it('the referral of a validated JSON profile equals the referral of the typed profile', () => {
    const v = validateProfile(JSON.parse(JSON.stringify({ ...metalWorkshop, nace: '2562' })), content(), 'en');
    expect(v.ok).toBe(true);
    if (v.ok) expect(refer(v.profile, content(), 'en')).toEqual(refer(metalWorkshop, content(), 'en'));
  });
});
