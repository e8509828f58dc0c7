import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor, transition, type AnyTransitionDefinition } from 'xstate';
import { canVisit, previousStep, wizardMachine, progress, restoredSnapshot, type WizardContext, type WizardEvent } from '../../src/wizard/machine';
import { ANNOTATIONS, firstOpenStep, outsideFlanders, QUESTION_STEPS, questionPath, STEPS, type QuestionStep, type Step } from '../../src/wizard/answers';
import type { Answers } from '../../src/wizard/answers';

function walk(steps: Array<Partial<Answers>>) {
  const actor = createActor(wizardMachine, { input: undefined }).start();
  actor.send({ type: 'START' });
  const seen: string[] = [String(actor.getSnapshot().value)];
  for (const answers of steps) {
    actor.send({ type: 'NEXT', answers });
    seen.push(String(actor.getSnapshot().value));
  }
  return { actor, seen };
}

const sme: Array<Partial<Answers>> = [
  { region: 'flanders', province: 'west-vlaanderen' },
  { staff: 14 },
  { turnoverEur: 1_800_000, balanceSheetEur: null },
  { ownedByLargeGroup: false },
  { nace: '25.62' },
  { innovation: { newGoods: true, productInHouse: true }, introducedAnswered: true },
  { innovation: { newGoods: true, productInHouse: true, innovationSpending: true }, practicesAnswered: true },
  { needs: ['practical-problem'] },
  {},
];

describe('wizard machine', () => {
  it('walks a Flemish SME through every question to the check page and the result', () => {
    const { seen, actor } = walk(sme);
    expect(seen).toEqual(['region', 'staff', 'figures', 'ownership', 'sector', 'introduced', 'practices', 'needs', 'check', 'result']);
    expect(actor.getSnapshot().context.answers.nace).toBe('25.62');
  });

  it('skips the figures when staff alone makes the firm large', () => {
    const { seen } = walk([{ region: 'flanders', province: 'antwerpen' }, { staff: 300 }]);
    expect(seen).toEqual(['region', 'staff', 'ownership']);
  });

  it('sends a firm outside Flanders straight to the result', () => {
    const { seen } = walk([{ region: 'brussels' }]);
    expect(seen).toEqual(['region', 'result']);
  });

  it('does not move on without the answers of the page', () => {
    const { seen } = walk([{ region: 'flanders' }]);
    expect(seen).toEqual(['region', 'region']);
  });

  it('back goes to the previous page of this firm\'s path, keeping the answers', () => {
    const { actor } = walk([{ region: 'flanders', province: 'limburg' }, { staff: 400 }]);
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().value).toBe('staff');
    expect(actor.getSnapshot().context.answers.staff).toBe(400);
    actor.send({ type: 'BACK' });
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().value).toBe('start');
  });

  it('a change link from the check page returns to the check page', () => {
    const { actor } = walk(sme.slice(0, 8));
    expect(actor.getSnapshot().value).toBe('check');
    actor.send({ type: 'GOTO', step: 'sector', fromCheck: true });
    expect(actor.getSnapshot().value).toBe('sector');
    actor.send({ type: 'NEXT', answers: { nace: '10.71' } });
    expect(actor.getSnapshot().value).toBe('check');
  });

  it('a change that opens a new question asks it before returning to check', () => {
    const { actor } = walk([...sme.slice(0, 1), { staff: 300 }, ...sme.slice(3, 8)]);
    expect(actor.getSnapshot().value).toBe('check');
    actor.send({ type: 'GOTO', step: 'staff', fromCheck: true });
    actor.send({ type: 'NEXT', answers: { staff: 20 } });
    // figures were skipped for a large firm; now they are needed
    expect(actor.getSnapshot().value).toBe('figures');
    actor.send({ type: 'NEXT', answers: { turnoverEur: null, balanceSheetEur: null } });
    expect(actor.getSnapshot().value).toBe('check');
  });

  it('guards: the result cannot be reached with an incomplete profile', () => {
    const { actor } = walk([{ region: 'flanders', province: 'limburg' }]);
    actor.send({ type: 'GOTO', step: 'result' });
    expect(actor.getSnapshot().value).toBe('staff');
    actor.send({ type: 'RESTORE', answers: { region: 'flanders', province: 'limburg', staff: 3 }, step: 'result' });
    expect(actor.getSnapshot().value).toBe('figures');
  });

  it('opening straight on restored answers lands where RESTORE leads, and the machine runs on from there', () => {
    const full = sme.reduce<Answers>((a, patch) => ({ ...a, ...patch }), {});
    const cases: Array<[Answers, Step | undefined]> = [
      [full, 'result'], [full, 'check'], [full, 'staff'], [full, undefined],
      [{ region: 'flanders', province: 'limburg', staff: 3 }, 'result'],
      [{ region: 'wallonia' }, 'result'], [{}, 'result'], [{ region: 'flanders' }, 'needs'],
    ];
    for (const [answers, step] of cases) {
      const viaEvent = createActor(wizardMachine, { input: undefined }).start();
      viaEvent.send({ type: 'RESTORE', answers, step });
      const direct = createActor(wizardMachine, { input: undefined, snapshot: restoredSnapshot(answers, step) }).start();
      expect(direct.getSnapshot().value).toBe(viaEvent.getSnapshot().value);
      expect(direct.getSnapshot().context).toEqual(viaEvent.getSnapshot().context);
      direct.send({ type: 'BACK' });
      viaEvent.send({ type: 'BACK' });
      expect(direct.getSnapshot().value).toBe(viaEvent.getSnapshot().value);
    }
  });

  it('a prefilled link: NEXT skips the questions it answered, to the next one it left open, then check; saved progress does not skip', () => {
    // What a CRM knows: the staff, the figures and the activity; not the province, the ownership, the innovation or the needs.
    const known: Answers = { region: 'flanders', staff: 14, turnoverEur: 1_800_000, balanceSheetEur: null, nace: '25.62' };
    const linked = createActor(wizardMachine, { input: undefined, snapshot: restoredSnapshot(known, undefined, { prefilled: true }) }).start();
    const seen = [String(linked.getSnapshot().value)];
    for (const answers of [sme[0]!, sme[3]!, sme[5]!, sme[6]!, sme[7]!]) {
      linked.send({ type: 'NEXT', answers });
      seen.push(String(linked.getSnapshot().value));
    }
    expect(seen).toEqual(['region', 'ownership', 'introduced', 'practices', 'needs', 'check']);
    // Check ends it: a change link and its way back work as always, and Back walks every page.
    expect(linked.getSnapshot().context.prefilled).toBe(false);
    linked.send({ type: 'GOTO', step: 'staff', fromCheck: true });
    linked.send({ type: 'NEXT', answers: { staff: 15 } });
    expect(linked.getSnapshot().value).toBe('check');
    // Without the flag (saved progress, an import), the same answers walk page by page.
    const resumed = createActor(wizardMachine, { input: undefined, snapshot: restoredSnapshot(known) }).start();
    resumed.send({ type: 'NEXT', answers: sme[0]! });
    expect(resumed.getSnapshot().value).toBe('staff');
  });

  it('progress counts the screens of this firm\'s path', () => {
    expect(progress('region', {})).toEqual({ current: 1, total: 10 });
    expect(progress('staff', { region: 'flanders', staff: 300 })).toEqual({ current: 2, total: 9 });
    expect(progress('result', { region: 'wallonia' })).toEqual({ current: 2, total: 2 });
  });

  it('restart clears the answers', () => {
    const { actor } = walk(sme.slice(0, 3));
    actor.send({ type: 'RESTART' });
    expect(actor.getSnapshot().value).toBe('start');
    expect(actor.getSnapshot().context.answers).toEqual({});
  });

  it('a page whose earlier questions are open cannot be jumped to', () => {
    const { actor } = walk([{ region: 'flanders', province: 'limburg' }]);
    actor.send({ type: 'GOTO', step: 'needs' });
    expect(actor.getSnapshot().value).toBe('staff');
    actor.send({ type: 'GOTO', step: 'check' });
    expect(actor.getSnapshot().value).toBe('staff');
    actor.send({ type: 'GOTO', step: 'region' });
    expect(actor.getSnapshot().value).toBe('region');
  });

  it('back from the result outside Flanders returns to the region question; from a Flemish result to check', () => {
    const outside = walk([{ region: 'abroad' }]).actor;
    outside.send({ type: 'BACK' });
    expect(outside.getSnapshot().value).toBe('region');
    const { actor } = walk(sme);
    expect(actor.getSnapshot().value).toBe('result');
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().value).toBe('check');
  });

  it('back on a page opened by a change link returns to check (GOV.UK), and then forgets the change link', () => {
    const { actor } = walk(sme.slice(0, 8));
    actor.send({ type: 'GOTO', step: 'ownership', fromCheck: true });
    expect(actor.getSnapshot().context.returnToCheck).toBe(true);
    expect(previousStep('ownership', actor.getSnapshot().context.answers, true)).toBe('check');
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().value).toBe('check');
    expect(actor.getSnapshot().context.returnToCheck).toBe(false);
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().value).toBe('needs');
  });

  it('back from a question a change made necessary goes to the page before (check cannot be shown yet), forgetting the change link', () => {
    const { actor } = walk([...sme.slice(0, 1), { staff: 300 }, ...sme.slice(3, 8)]);
    actor.send({ type: 'GOTO', step: 'staff', fromCheck: true });
    actor.send({ type: 'NEXT', answers: { staff: 20 } });
    expect(actor.getSnapshot().value).toBe('figures');
    expect(actor.getSnapshot().context.returnToCheck).toBe(true);
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().value).toBe('staff');
    actor.send({ type: 'NEXT', answers: { staff: 20 } });
    expect(actor.getSnapshot().value).toBe('figures');
    expect(actor.getSnapshot().context.returnToCheck).toBe(false);
  });

  it('changing the region to Brussels from check leads straight to the result and drops the province', () => {
    const { actor } = walk(sme.slice(0, 8));
    actor.send({ type: 'GOTO', step: 'region', fromCheck: true });
    actor.send({ type: 'NEXT', answers: { region: 'brussels' } });
    expect(actor.getSnapshot().value).toBe('result');
    expect(actor.getSnapshot().context.answers.province).toBeUndefined();
    expect(progress('result', actor.getSnapshot().context.answers)).toEqual({ current: 2, total: 2 });
  });

  it('restoring answers from outside Flanders opens their result', () => {
    const actor = createActor(wizardMachine, { input: undefined }).start();
    actor.send({ type: 'RESTORE', answers: { region: 'wallonia' }, step: 'result' });
    expect(actor.getSnapshot().value).toBe('result');
  });
});

// --- The chart, read from the machine definition ------------------------------------------------------------

const isFallback = (t: AnyTransitionDefinition) => t.description?.startsWith('fallback') === true;
/** A transition as the chart shows it: `guard → target`; `stay` for one without a target. */
function label(t: AnyTransitionDefinition): string {
  const guard = t.guard as string | { type: string; params?: { step?: string } } | undefined;
  const name = guard === undefined ? '' : typeof guard === 'string' ? guard : `${guard.type}${guard.params?.step ? `(${guard.params.step})` : ''}`;
  const to = t.target?.map((s) => s.key).join(',') ?? 'stay';
  return name ? `${name} → ${to}` : `→ ${to}`;
}
const transitionsOf = (step: Step, event: string) => wizardMachine.root.states[step]!.transitions.get(event) ?? [];
const routesOf = (step: Step, event: string) => transitionsOf(step, event).filter((t) => !isFallback(t));

describe('the chart (read from wizardMachine.root.states)', () => {
  it('where NEXT and BACK can lead from each page (the fallbacks aside; staying counts as the page itself)', () => {
    const reach = (event: string) => Object.fromEntries(STEPS.map((step) => [
      step, [...new Set(routesOf(step, event).map((t) => t.target?.[0]?.key ?? step))].sort(),
    ]));
    // (A question page also reaches every later one and check: after a prefilled link, skipping what it answered.)
    const later = (step: QuestionStep) => QUESTION_STEPS.slice(QUESTION_STEPS.indexOf(step) + 1);
    const withLater = (step: QuestionStep, own: string[]) => [...new Set([...own, ...later(step), 'check'])].sort();
    expect(reach('NEXT')).toEqual({
      start: ['region'],
      region: withLater('region', ['region', 'result', 'staff']),
      staff: withLater('staff', ['figures', 'ownership', 'staff']),
      figures: withLater('figures', ['figures', 'ownership']),
      ownership: withLater('ownership', ['ownership', 'sector']),
      sector: withLater('sector', ['introduced', 'sector']),
      introduced: withLater('introduced', ['introduced', 'practices']),
      practices: withLater('practices', ['needs', 'practices']),
      needs: withLater('needs', ['needs', 'triggers']),
      triggers: withLater('triggers', ['triggers']),
      check: ['result'],
      result: ['check', 'region', 'result'],
    });
    // Every question page: back to check when a change link is followed (returnToCheck).
    expect(reach('BACK')).toEqual({
      start: ['start'],
      region: ['check', 'start'],
      staff: ['check', 'region'],
      figures: ['check', 'staff'],
      ownership: ['check', 'figures', 'staff'],
      sector: ['check', 'ownership'],
      introduced: ['check', 'sector'],
      practices: ['check', 'introduced'],
      needs: ['check', 'practices'],
      triggers: ['check', 'needs'],
      check: ['needs', 'triggers'],
      result: ['check', 'region'],
    });
    expect(Object.fromEntries(STEPS.map((step) => [step, transitionsOf(step, 'START').map(label)])))
      .toEqual({ ...Object.fromEntries(STEPS.map((step) => [step, []])), start: ['→ region'] });
  });

  it('each page\'s routes, with their named guards, in the order they are tried', () => {
    /** After a prefilled link: the first question it left open after this page, else check. */
    const skips = (step: QuestionStep) => [...QUESTION_STEPS.slice(QUESTION_STEPS.indexOf(step) + 1).map((s) => `prefilledOpen(${s}) → ${s}`), 'prefilledDone → check'];
    const page = (step: QuestionStep, ...routes: string[]) => ['returnToCheck → check', `pageIncomplete(${step}) → stay`, ...skips(step), ...routes];
    /** BACK on a question page: first back to check when a change link is followed, then the path's page before. */
    const back = (...routes: string[]) => ['returnToCheck → check', ...routes];
    const routes = Object.fromEntries(STEPS.map((step) => [step, { NEXT: routesOf(step, 'NEXT').map(label), BACK: routesOf(step, 'BACK').map(label) }]));
    expect(routes).toEqual({
      start: { NEXT: ['→ region'], BACK: ['→ stay'] },
      region: { NEXT: ['returnToCheck → check', 'outsideFlanders → result', 'pageIncomplete(region) → stay', ...skips('region'), '→ staff'], BACK: back('→ start') },
      staff: { NEXT: page('staff', 'staffMakesLarge → ownership', '→ figures'), BACK: back('→ region') },
      figures: { NEXT: page('figures', '→ ownership'), BACK: back('→ staff') },
      ownership: { NEXT: page('ownership', '→ sector'), BACK: back('staffMakesLarge → staff', '→ figures') },
      sector: { NEXT: page('sector', '→ introduced'), BACK: back('→ ownership') },
      introduced: { NEXT: page('introduced', '→ practices'), BACK: back('→ sector') },
      practices: { NEXT: page('practices', '→ needs'), BACK: back('→ introduced') },
      needs: { NEXT: page('needs', 'asksTriggers → triggers', '→ check'), BACK: back('→ practices') },
      triggers: { NEXT: page('triggers', '→ check'), BACK: back('→ needs') },
      check: { NEXT: ['allAnswered → result'], BACK: ['asksTriggers → triggers', '→ needs'] },
      result: { NEXT: ['returnToCheck → check', 'outsideFlanders → stay', '→ region'], BACK: ['outsideFlanders → region', '→ check'] },
    });
  });

  it('the fallbacks: on every question page after region, right after returnToCheck; a page the path can skip starts over at region', () => {
    for (const step of QUESTION_STEPS) {
      const labels = transitionsOf(step, 'NEXT').map(label);
      const fallbacks = transitionsOf(step, 'NEXT').filter(isFallback).map(label);
      const expected = step === 'region' ? [] : [
        ...(step === 'figures' || step === 'triggers' ? [`pageLeftPath(${step}) → region`] : []),
        'outsideFlanders → result',
        ...QUESTION_STEPS.slice(0, QUESTION_STEPS.indexOf(step)).map((s) => `earlierStepOpen(${s}) → ${s}`),
      ];
      expect(fallbacks, step).toEqual(expected);
      // tried after returnToCheck and before the page's own guards
      expect(labels.slice(1, 1 + fallbacks.length), step).toEqual(expected);
    }
    for (const step of ['start', 'check', 'result'] as const) expect(transitionsOf(step, 'NEXT').filter(isFallback)).toEqual([]);
  });

  it('every page is routable (GOTO, RESTORE) when linkAllowed, remembering a change link', () => {
    for (const step of STEPS) {
      const node = wizardMachine.root.states[step]!;
      expect(node.id, step).toBe(step);
      expect(node.config.route, step).toEqual({ guard: 'linkAllowed', actions: 'rememberChangeLink' });
    }
    expect(wizardMachine.root.transitions.get('xstate.route')?.map((t) => t.target?.[0]?.key)).toEqual([...STEPS]);
    expect([...wizardMachine.root.transitions.keys()].sort()).toEqual(['ANNOTATE', 'GOTO', 'RESTART', 'RESTORE', 'xstate.route']);
  });
});

describe('the fallbacks (a NEXT that carries answers of other pages)', () => {
  const full = sme.slice(0, 8).reduce<Answers>((a, patch) => ({ ...a, ...patch }), {});
  const at = (step: Step, answers: Answers) => createActor(wizardMachine, { input: undefined, snapshot: restoredSnapshot(answers, step) }).start();

  it('answers outside Flanders end the wizard on any page', () => {
    const actor = at('sector', full);
    actor.send({ type: 'NEXT', answers: { nace: '10.71', region: 'brussels' } });
    expect(actor.getSnapshot().value).toBe('result');
    expect(actor.getSnapshot().context.answers.province).toBeUndefined();
  });

  it('an earlier question that is open again is asked first, with the answers kept', () => {
    const actor = at('sector', full);
    actor.send({ type: 'NEXT', answers: { nace: '10.71', staff: undefined } });
    expect(actor.getSnapshot().value).toBe('staff');
    expect(actor.getSnapshot().context.answers.nace).toBe('10.71');
  });

  it('a page the answers take off the path starts over at region', () => {
    const actor = at('figures', full);
    actor.send({ type: 'NEXT', answers: { turnoverEur: null, balanceSheetEur: null, staff: 300 } });
    expect(actor.getSnapshot().value).toBe('region');
  });
});

// --- The oracle: the routing as written before the chart ------------------------------------------------------
// machine.ts used to route every event by walking questionPath (nextStep, previousStep below) and offered each
// state every step as a guarded candidate. The chart must route every event exactly as that did; the property
// tests below compare the two. (`previousStep` in machine.ts now asks the chart.) The oracle's BACK was adapted
// since for one rule: Back from a page opened by a change link returns to check (see oraclePrevious).

function mergeAnswers(a: Answers, patch: Partial<Answers>): Answers {
  const merged = { ...a, ...patch };
  if (merged.region !== 'flanders') delete merged.province;
  return merged;
}

function oracleNext(step: Step, a: Answers, returnToCheck: boolean): Step {
  if (step === 'start') return 'region';
  if (step === 'check') return 'result';
  if (outsideFlanders(a)) return 'result';
  const open = firstOpenStep(a);
  if (returnToCheck && open === null) return 'check';
  const path = questionPath(a);
  const next = path[path.indexOf(step as QuestionStep) + 1];
  // Never skip past an unanswered step (e.g. a change made an earlier page necessary again).
  if (open !== null && (next === undefined || path.indexOf(open) < path.indexOf(next))) return open;
  return next ?? 'check';
}

// Adapted for the GOV.UK rule that came after the chart: BACK on a question page opened by a change link
// (returnToCheck) returns to check when check can be shown (every question on the path answered).
function oraclePrevious(step: Step, a: Answers, returnToCheck = false): Step {
  const isQuestion = (QUESTION_STEPS as readonly Step[]).includes(step);
  if (returnToCheck && isQuestion && !outsideFlanders(a) && firstOpenStep(a) === null) return 'check';
  if (step === 'region') return 'start';
  if (step === 'result') return outsideFlanders(a) ? 'region' : 'check';
  const path = questionPath(a);
  if (step === 'check') return path[path.length - 1] ?? 'start';
  const i = path.indexOf(step as QuestionStep);
  return i > 0 ? path[i - 1]! : 'start';
}

interface OracleState { value: Step; context: WizardContext }
function oracle({ value, context }: OracleState, e: WizardEvent): OracleState {
  const { answers, returnToCheck } = context;
  switch (e.type) {
    case 'START': return value === 'start' ? { value: 'region', context: e.mode ? { answers: { ...answers, mode: e.mode }, returnToCheck } : context } : { value, context };
    case 'ANNOTATE': {
      const allowed = Object.fromEntries(Object.entries(e.annotations).filter(([k]) => (ANNOTATIONS as readonly string[]).includes(k)));
      return { value, context: { answers: { ...answers, ...allowed }, returnToCheck } };
    }
    case 'NEXT': {
      const merged = mergeAnswers(answers, e.answers);
      const to = oracleNext(value, merged, returnToCheck);
      if (!canVisit(to, merged)) return { value, context };
      return { value: to, context: { answers: merged, returnToCheck: to === 'check' ? false : returnToCheck } };
    }
    case 'BACK': return { value: oraclePrevious(value, answers, returnToCheck), context: { answers, returnToCheck: false } };
    case 'GOTO': return canVisit(e.step, answers) ? { value: e.step, context: { answers, returnToCheck: e.fromCheck === true } } : { value, context };
    case 'RESTORE': {
      const to = e.step && canVisit(e.step, e.answers) ? e.step : firstOpenStep(e.answers) ?? (canVisit('check', e.answers) ? 'check' : 'result');
      return { value: to, context: { answers: e.answers, returnToCheck: false } };
    }
    case 'RESTART': return { value: 'start', context: { answers: {}, returnToCheck: false } };
  }
}

describe('the chart routes exactly as the walk along the path did', () => {
  const next = (answers: Partial<Answers>): WizardEvent => ({ type: 'NEXT', answers });
  const full = sme.reduce<Answers>((a, patch) => ({ ...a, ...patch }), {});
  const EVENTS: WizardEvent[] = [
    { type: 'START' }, { type: 'START', mode: 'client' }, { type: 'START', mode: 'owner' },
    // each page's own answers, complete and not
    next({ region: 'flanders', province: 'limburg' }), next({ region: 'flanders' }), next({ region: 'brussels' }), next({ region: 'abroad' }),
    next({ staff: 12 }), next({ staff: 250 }),
    next({ turnoverEur: null, balanceSheetEur: null }), next({ turnoverEur: 1_000_000 }),
    next({ ownedByLargeGroup: false }), next({ nace: '25.62' }),
    next({ innovation: { newGoods: true }, introducedAnswered: true }), next({ innovation: { newGoods: true } }),
    next({ innovation: { inHouseRnd: true }, practicesAnswered: true }),
    next({ needs: ['training'] }), next({ needs: ['training'], showTriggers: true }), next({ needs: [] }),
    next({ triggers: [], triggersAnswered: true }),
    next({}),
    // answers of other pages sent along: the fallbacks
    next({ nace: '10.71', staff: undefined }), next({ turnoverEur: null, balanceSheetEur: null, staff: 300 }),
    next({ triggers: [], triggersAnswered: true, showTriggers: false, mode: 'owner' }), next({ mode: 'intake' }),
    next({ nace: '10.71', region: 'wallonia' }), next({ region: undefined }), next({ needs: [], introducedAnswered: false }), next(full),
    { type: 'BACK' },
    ...STEPS.flatMap((step) => [{ type: 'GOTO', step } as const, { type: 'GOTO', step, fromCheck: true } as const]),
    { type: 'RESTORE', answers: full }, { type: 'RESTORE', answers: { region: 'flanders' }, step: 'result' },
    { type: 'ANNOTATE', annotations: { notes: 'n' } },
    { type: 'RESTART' },
  ];
  /** Straight to any page, with answers that show it (an owner's, an accountant's, a large firm's) or not. */
  const client: Answers = { ...full, mode: 'client', triggers: [], triggersAnswered: true };
  const restorable: Answers[] = [full, client, { region: 'flanders', province: 'limburg', staff: 300 }, { region: 'brussels' }];
  const RESTORES = STEPS.flatMap((step) => restorable.map((answers): WizardEvent => ({ type: 'RESTORE', answers, step })));
  /** Any mix of answers of any pages, keys unset included. */
  const anyPatch = fc.record({
    region: fc.constantFrom('flanders', 'brussels', undefined), province: fc.constantFrom('limburg', undefined),
    staff: fc.constantFrom(12, 300, undefined), turnoverEur: fc.constantFrom(null, 1_000_000, undefined), balanceSheetEur: fc.constantFrom(null, undefined),
    ownedByLargeGroup: fc.constantFrom(false, undefined), nace: fc.constantFrom('25.62', undefined),
    introducedAnswered: fc.boolean(), practicesAnswered: fc.boolean(), needs: fc.constantFrom(['training'], []),
    triggersAnswered: fc.boolean(), showTriggers: fc.boolean(), mode: fc.constantFrom('owner', 'client'),
  }, { requiredKeys: [] }).map((answers) => answers as Partial<Answers>);
  const anyAnswers = anyPatch.map(next);
  const anyEvent = fc.oneof(
    { arbitrary: fc.constantFrom(...EVENTS), weight: 4 },
    { arbitrary: fc.constantFrom(...RESTORES), weight: 1 },
    { arbitrary: anyAnswers, weight: 1 },
  );

  it('same page and same context after every event of random sequences; previousStep agrees with the old walk back', () => {
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 40 }), (events) => {
        const actor = createActor(wizardMachine, { input: undefined }).start();
        let expected: OracleState = { value: 'start', context: { answers: {}, returnToCheck: false } };
        for (const e of events) {
          actor.send(e);
          expected = oracle(expected, e);
          const { value, context } = actor.getSnapshot();
          // (compared cheaply first: expect() on every event of every run is slow)
          if (!isDeepStrictEqual({ value, context }, expected)) expect({ event: e, value, context }).toStrictEqual({ event: e, ...expected });
          expect(previousStep(value as Step, context.answers, context.returnToCheck)).toBe(oraclePrevious(value as Step, context.answers, context.returnToCheck));
        }
        actor.stop();
      }),
      { numRuns: 1500 },
    );
  }, 30_000);

  it('one event on any page the answers may show, with or without a change link being followed', () => {
    const large: Answers = { ...client, staff: 300 };
    /** Some answers, and one of the pages they may show. */
    const anyState = fc.record({ base: fc.constantFrom(full, client, large), patch: fc.oneof(fc.constant({}), anyPatch), n: fc.nat(), returnToCheck: fc.boolean() })
      .map(({ base, patch, n, returnToCheck }): OracleState => {
        const answers = mergeAnswers(base, patch);
        const visitable = STEPS.filter((step) => canVisit(step, answers));
        return { value: visitable[n % visitable.length]!, context: { answers, returnToCheck } };
      });
    const oneEvent = fc.oneof({ arbitrary: fc.constantFrom(...EVENTS), weight: 1 }, { arbitrary: anyAnswers, weight: 3 });
    fc.assert(
      fc.property(anyState, oneEvent, (state, e) => {
        const [after] = transition(wizardMachine, wizardMachine.resolveState(state), e);
        const got = { value: after.value, context: after.context };
        const expected = oracle(state, e);
        if (!isDeepStrictEqual(got, expected)) expect({ state, event: e, ...got }).toStrictEqual({ state, event: e, ...expected });
      }),
      { numRuns: 5000 },
    );
  }, 30_000);
});
