// Model-based tests: xstate's graph utilities enumerate the wizard's paths from the start page to the
// result, with the answers each question page can send, and every path is checked end to end:
// it reaches the result, the profile is complete and gets a referral, and the share link round-trips.
// (xstate v5 ships them as 'xstate/graph', the same code as the separate @xstate/graph package.)
import { getShortestPaths } from 'xstate/graph';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createActor, type SnapshotFrom } from 'xstate';
import { NACE_BY_TECH_CLASS } from '../../src/domain/profile-space';
import { refer, referRegion } from '../../src/domain/refer';
import { PROVINCES, REGIONS, SEGMENTS, TECH_CLASSES, type Innovation, type Referral, type Region, type Segment } from '../../src/domain/types';
import { completeProfile, outsideFlanders, STEPS, type Answers, type Step } from '../../src/wizard/answers';
import { canVisit, progress, wizardMachine, type WizardEvent } from '../../src/wizard/machine';
import { decodeShareFragment, encodeShareFragment } from '../../src/wizard/persistence';
import { content } from '../helpers';

type Snapshot = SnapshotFrom<typeof wizardMachine>;
const next = (answers: Partial<Answers>): WizardEvent => ({ type: 'NEXT', answers });

// --- The answers each page can send (as the pages send them: every key of the page written). -------------

const REGION_ANSWERS: Array<Partial<Answers>> = [
  ...PROVINCES.map((province) => ({ region: 'flanders' as const, province })),
  ...REGIONS.filter((r) => r !== 'flanders').map((region) => ({ region })),
];
/** Micro, small, just below 250 (figures still asked) and 250 (staff alone makes the firm large). */
const STAFF = [4, 12, 249.5, 250];
const FIGURES: Array<Partial<Answers>> = [
  { turnoverEur: 1_800_000, balanceSheetEur: 900_000 },
  { turnoverEur: null, balanceSheetEur: null },
];
const OWNERSHIP = [false, true];
/** One NACE code per technology class (Tabel 13). */
const NACE = Object.values(NACE_BY_TECH_CLASS);

const INTRODUCED_KEYS = ['newGoods', 'newServices', 'newProductionMethods', 'newLogistics', 'newSupportProcesses', 'productInHouse', 'productNewToMarket', 'processInHouse'] as const;
const PRACTICE_KEYS = ['inHouseRnd', 'innovationSpending', 'boughtKnowledge', 'cooperation', 'rndStaff'] as const;
const page = (keys: readonly string[], yes: Innovation): Innovation => ({ ...Object.fromEntries(keys.map((k) => [k, false])), ...yes });

/** What the two innovation pages send, and the pyramid segment that must follow from it (Tabel 12). */
const INNOVATION: Array<{ segment: Segment; introduced: Innovation; practices: Innovation }> = [
  { segment: 'leader', introduced: { newGoods: true, productInHouse: true, productNewToMarket: true }, practices: { inHouseRnd: true, rndStaff: true, innovationSpending: true } },
  { segment: 'leader', introduced: { newProductionMethods: true, newLogistics: true, processInHouse: true }, practices: { inHouseRnd: true, rndStaff: true, innovationSpending: true } },
  { segment: 'developer', introduced: { newGoods: true, productInHouse: true }, practices: { innovationSpending: true } },
  { segment: 'applier', introduced: { newServices: true }, practices: { cooperation: true, boughtKnowledge: true } },
  { segment: 'follower', introduced: { newSupportProcesses: true }, practices: {} },
  { segment: 'follower', introduced: {}, practices: { inHouseRnd: true } },
  { segment: 'non-innovator', introduced: {}, practices: {} },
  // In-house R&D implies spending on innovation (implied.ts): with a product developed in-house, a developer.
  { segment: 'developer', introduced: { newServices: true, productInHouse: true }, practices: { inHouseRnd: true } },
  { segment: 'applier', introduced: { newLogistics: true }, practices: { boughtKnowledge: true } },
  // (Nine answers: a number with no factor in common with the number of needs, so that every need meets every segment.)
].map((x) => ({ segment: x.segment as Segment, introduced: page(INTRODUCED_KEYS, x.introduced), practices: page(PRACTICE_KEYS, x.practices) }));
const NEEDS = content().needs.map((n) => n.id);

/**
 * The pages that do not change the flow (the innovation pages and the needs page) get one answer per
 * path, taken in turn from the lists above by the path's earlier answers. With the full product of the
 * flow-changing answers and the sectors underneath, every need meets every sector and every segment
 * (asserted below) in a few hundred paths instead of tens of thousands.
 */
function turn(a: Answers): number {
  const index = (list: readonly unknown[], v: unknown) => Math.max(0, list.findIndex((x) => JSON.stringify(x) === JSON.stringify(v)));
  return [
    [PROVINCES, a.province],
    [STAFF, a.staff],
    [FIGURES, { turnoverEur: a.turnoverEur, balanceSheetEur: a.balanceSheetEur }],
    [OWNERSHIP, a.ownedByLargeGroup],
    [NACE, a.nace],
  ].reduce((acc, [list, v]) => acc * (list as unknown[]).length + index(list as unknown[], v), 0);
}
const innovationFor = (a: Answers) => INNOVATION[turn(a) % INNOVATION.length]!;
function needsFor(a: Answers): string[] {
  const n = turn(a);
  const first = NEEDS[n % NEEDS.length]!;
  return Math.floor(n / NEEDS.length) % 3 === 0 ? [first, NEEDS[(n + 5) % NEEDS.length]!] : [first];
}

/** Warning lights in rotation (none, one, two), like the needs. */
function triggersFor(a: Answers): string[] {
  const n = Math.floor((a.nace?.length ?? 0) + (a.staff ?? 0) + (a.needs?.length ?? 0));
  const ids = content().triggers.map((t) => t.id);
  return n % 3 === 0 ? [] : n % 3 === 1 ? [ids[n % ids.length]!] : [ids[n % ids.length]!, ids[(n + 3) % ids.length]!];
}

/** The events a user can send on each page, given the answers so far. */
function eventsFor(s: Snapshot): WizardEvent[] {
  const a = s.context.answers;
  switch (s.value as Step) {
    // The owner's path, and an accountant's (who is also asked the warning lights).
    case 'start': return [{ type: 'START', mode: 'owner' }, { type: 'START', mode: 'client' }];
    case 'region': return REGION_ANSWERS.map(next);
    case 'staff': return STAFF.map((staff) => next({ staff }));
    case 'figures': return FIGURES.map(next);
    case 'ownership': return OWNERSHIP.map((ownedByLargeGroup) => next({ ownedByLargeGroup }));
    case 'sector': return NACE.map((nace) => next({ nace }));
    case 'introduced': return [next({ innovation: { ...a.innovation, ...innovationFor(a).introduced }, introducedAnswered: true })];
    case 'practices': return [next({ innovation: { ...a.innovation, ...innovationFor(a).practices }, practicesAnswered: true })];
    case 'needs': return [next({ needs: needsFor(a) })];
    case 'triggers': return [next({ triggers: triggersFor(a), triggersAnswered: true })];
    case 'check': return [next({})];
    case 'result': return [];
  }
}

// --- The paths ---------------------------------------------------------------------------------------------

interface Walk {
  answers: Answers;
  events: WizardEvent[];
  /** The pages shown after the start page, ending with the result. */
  screens: Step[];
  /** refer(completeProfile(answers)) for a Flemish firm; null outside Flanders or when the profile is incomplete. */
  referral: Referral | null;
}

let walks: Walk[] = [];

beforeAll(() => {
  const paths = getShortestPaths(wizardMachine, {
    events: eventsFor,
    toState: (s) => s.value === 'result',
  });
  walks = paths.map((p) => {
    const answers = p.state.context.answers;
    const profile = completeProfile(answers, content());
    return {
      answers,
      // the first step of a path is the machine's own init event
      events: p.steps.map((step) => step.event as { type: string }).filter((e): e is WizardEvent => e.type !== 'xstate.init'),
      screens: p.steps.map((step) => step.state.value as Step).filter((v) => v !== 'start'),
      referral: profile ? refer(profile, content()) : null,
    };
  });
});

const flemish = () => walks.filter((w) => !outsideFlanders(w.answers));
const show = (w: Walk) => JSON.stringify(w.answers);

describe('every path through the wizard (xstate/graph)', () => {
  it('enumerates one path per combination of answers', () => {
    // 5 provinces x (3 staff sizes x 2 figures + 1 large) x 2 ownership x 5 sectors,
    // plus one path per region outside Flanders.
    // Each twice: as the owner and as an accountant (who also answers the warning lights).
    expect(walks).toHaveLength(2 * (5 * 7 * 2 * 5 + 3));
  });

  it('covers every branch: region, province, staff below/at 250, figures known/unknown, ownership, tech class, segment, need', () => {
    const seen = {
      regions: new Set(walks.map((w) => w.answers.region)),
      provinces: new Set(walks.map((w) => w.answers.province).filter(Boolean)),
      staff: new Set(walks.map((w) => w.answers.staff).filter((s) => s !== undefined)),
      figures: new Set(flemish().map((w) => (w.answers.staff! >= 250 ? 'skipped' : w.answers.turnoverEur === null ? 'unknown' : 'known'))),
      ownership: new Set(flemish().map((w) => w.answers.ownedByLargeGroup)),
      techClassBySegment: new Set<string>(),
      needByTechClass: new Set<string>(),
      needBySegment: new Set<string>(),
      sizes: new Set<string>(),
      multipleNeeds: flemish().some((w) => w.answers.needs!.length > 1),
    };
    for (const w of flemish()) {
      const r = w.referral!;
      seen.techClassBySegment.add(`${r.techClass}/${r.segment}`);
      seen.sizes.add(r.sizeClass);
      for (const need of w.answers.needs!) {
        seen.needByTechClass.add(`${need}/${r.techClass}`);
        seen.needBySegment.add(`${need}/${r.segment}`);
      }
    }
    expect([...seen.regions].sort()).toEqual([...REGIONS].sort());
    expect([...seen.provinces].sort()).toEqual([...PROVINCES].sort());
    expect([...seen.staff].sort((a, b) => a! - b!)).toEqual(STAFF);
    expect([...seen.figures].sort()).toEqual(['known', 'skipped', 'unknown']);
    expect([...seen.ownership].sort()).toEqual([false, true]);
    expect([...seen.sizes].sort()).toEqual(['large', 'medium', 'micro', 'small']);
    expect(seen.techClassBySegment.size).toBe(TECH_CLASSES.length * SEGMENTS.length);
    expect(seen.needByTechClass.size).toBe(NEEDS.length * TECH_CLASSES.length);
    expect(seen.needBySegment.size).toBe(NEEDS.length * SEGMENTS.length);
    expect(seen.multipleNeeds).toBe(true);
  });

  it('the innovation pages\' answers give the intended pyramid segment on every path', () => {
    const wrong = flemish().filter((w) => w.referral!.segment !== innovationFor(w.answers).segment);
    expect(wrong.map(show)).toEqual([]);
  });

  it('every path reaches the result page, through START and NEXT only', () => {
    const wrong = walks.filter((w) => w.screens.at(-1) !== 'result' || w.events[0]?.type !== 'START' || w.events.slice(1).some((e) => e.type !== 'NEXT'));
    expect(wrong.map(show)).toEqual([]);
  });

  it('replaying each path on a fresh actor shows the same pages and ends with the same answers', () => {
    const differ = walks.filter((w) => {
      const actor = createActor(wizardMachine, { input: undefined }).start();
      const screens: string[] = [];
      for (const e of w.events) {
        actor.send(e);
        screens.push(String(actor.getSnapshot().value));
      }
      const { answers } = actor.getSnapshot().context;
      actor.stop();
      return JSON.stringify(screens) !== JSON.stringify(w.screens) || JSON.stringify(answers) !== JSON.stringify(w.answers);
    });
    expect(differ.map(show)).toEqual([]);
  });

  it('the paths take every route of the chart between pages, and only those (no fallback fires for what the pages send)', () => {
    const taken = new Set<string>();
    for (const w of walks) ['start', ...w.screens].forEach((to, i, all) => { if (i > 0) taken.add(`${all[i - 1]} → ${to}`); });
    // The chart's routes from page to page (machine.test.ts asserts them), less the ones these walks
    // cannot take: returnToCheck (change links), the skips after a prefilled link, the fallbacks, and
    // NEXT on the result page.
    const routes = new Set<string>();
    for (const step of STEPS.filter((s) => s !== 'result')) {
      for (const t of wizardMachine.root.states[step]!.transitions.get('NEXT') ?? []) {
        const guard = typeof t.guard === 'object' && t.guard !== null && 'type' in t.guard ? t.guard.type : t.guard;
        const prefilled = guard === 'prefilledOpen' || guard === 'prefilledDone';
        if (t.target && guard !== 'returnToCheck' && !prefilled && !t.description?.startsWith('fallback')) routes.add(`${step} → ${t.target[0]!.key}`);
      }
    }
    expect([...routes].sort()).toEqual([
      'check → result', 'figures → ownership', 'introduced → practices', 'needs → check', 'needs → triggers',
      'ownership → sector', 'practices → needs', 'region → result', 'region → staff', 'sector → introduced',
      'staff → figures', 'staff → ownership', 'start → region', 'triggers → check',
    ]);
    expect([...taken].sort()).toEqual([...routes].sort());
  });

  it('every Flemish path gives a complete, valid profile and at least one recommendation', () => {
    const without = flemish().filter((w) => !w.referral || w.referral.outOfRegion || w.referral.recommendations.length === 0);
    expect(without.map(show)).toEqual([]);
  });

  it('every path outside Flanders gives that region\'s front door', () => {
    const outside = walks.filter((w) => outsideFlanders(w.answers));
    expect([...new Set(outside.map((w) => w.answers.region))].sort()).toEqual(['abroad', 'brussels', 'wallonia']);
    for (const w of outside) {
      const region = w.answers.region as Exclude<Region, 'flanders'>;
      expect(w.referral).toBeNull();
      expect(referRegion(region, content()).recommendations[0]?.channel).toBe(content().meta.frontDoors[region]);
    }
  });

  it('every path round-trips through the share link: the decoded answers give the same referral', () => {
    const broken = walks.filter((w) => {
      const decoded = decodeShareFragment(encodeShareFragment(w.answers), content());
      if (!decoded.ok) return true;
      if (outsideFlanders(w.answers)) return JSON.stringify(decoded.value) !== JSON.stringify({ region: w.answers.region });
      const profile = completeProfile(decoded.value, content());
      return !profile || JSON.stringify(refer(profile, content())) !== JSON.stringify(w.referral);
    });
    expect(broken.map(show)).toEqual([]);
  });

  it('a shared link opens on the result page (RESTORE with the decoded answers)', () => {
    const elsewhere = walks.filter((w) => {
      const decoded = decodeShareFragment(encodeShareFragment(w.answers), content());
      if (!decoded.ok) return true;
      const actor = createActor(wizardMachine, { input: undefined }).start();
      actor.send({ type: 'RESTORE', answers: decoded.value, step: 'result' });
      const at = actor.getSnapshot().value;
      actor.stop();
      return at !== 'result';
    });
    expect(elsewhere.map(show)).toEqual([]);
  });

  it('screens from start to result: 2 outside Flanders, 9 when staff makes the firm large, else 10 (one more with warning lights); the progress bar agrees', () => {
    const expected = (a: Answers) => (outsideFlanders(a) ? 2 : (a.staff! >= 250 ? 9 : 10) + (a.mode === 'client' ? 1 : 0));
    const wrong = walks.filter((w) => w.screens.length !== expected(w.answers) || progress('result', w.answers).total !== w.screens.length);
    expect(wrong.map(show)).toEqual([]);

    const sorted = walks.map((w) => w.screens.length).sort((a, b) => a - b);
    const byLength: Record<number, number> = {};
    for (const n of sorted) byLength[n] = (byLength[n] ?? 0) + 1;
    const summary = { paths: walks.length, shortest: sorted[0], median: sorted[Math.floor(sorted.length / 2)], longest: sorted.at(-1), byLength };
    expect(summary).toMatchObject({ shortest: 2, median: 10, longest: 11 });
    console.info('screens from start to result (question pages + check + result):', JSON.stringify(summary));
  });
});

describe('the guards, under random event sequences', () => {
  // Exploring these with xstate/graph takes minutes (the answers make the state space large), so the
  // guards are checked on random sequences instead: answers of any page sent on any page, incomplete
  // answers, back, change links and jumps to any page.
  const EVENTS: WizardEvent[] = [
    { type: 'START' },
    next({ region: 'flanders', province: 'limburg' }), next({ region: 'flanders' }), next({ region: 'brussels' }),
    next({ staff: 12 }), next({ staff: 300 }),
    next({ turnoverEur: null, balanceSheetEur: null }), next({ turnoverEur: 1_000_000 }),
    next({ ownedByLargeGroup: false }),
    next({ nace: '25.62' }),
    next({ innovation: { newGoods: true }, introducedAnswered: true }), next({ innovation: { newGoods: true } }),
    next({ innovation: { inHouseRnd: true }, practicesAnswered: true }),
    next({ needs: ['training'] }), next({ needs: [] }),
    next({}),
    { type: 'BACK' },
    ...STEPS.flatMap((step) => [{ type: 'GOTO', step } as const, { type: 'GOTO', step, fromCheck: true } as const]),
    { type: 'RESTART' },
  ];

  it('never show check or result with an incomplete profile, nor a page whose earlier questions are open', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...EVENTS), { maxLength: 40 }), (events) => {
        const actor = createActor(wizardMachine, { input: undefined }).start();
        for (const e of events) {
          actor.send(e);
          const { value, context } = actor.getSnapshot();
          const a = context.answers;
          if (value === 'result') expect(outsideFlanders(a) || completeProfile(a, content()) !== null).toBe(true);
          if (value === 'check') expect(completeProfile(a, content())).not.toBeNull();
          expect(canVisit(value as Step, a)).toBe(true);
        }
        actor.stop();
      }),
      { numRuns: 1000 },
    );
  });
});
