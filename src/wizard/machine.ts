/**
 * The wizard's flow as a statechart: which page comes next, back, the skips, change links, resume.
 * Testable without React. `createMachine` below is the whole routing; tests/wizard/machine.test.ts
 * asserts it state by state, and tests/wizard/paths.test.ts walks every path through it.
 *
 * The pages, and where NEXT leads (the guards, named in `setup`, are the firm's answers):
 *
 *   start → region → staff → figures → ownership → sector → introduced → practices → needs → check → result
 *             │        └─ staffMakesLarge → ownership                                 └─ asksTriggers → triggers → check
 *             └─ outsideFlanders → result
 *
 * NEXT carries the page's answers, and its guards judge the answers as they will be (the page's merged
 * in); the guards of BACK judge them as they are. On a question page NEXT tries, in order:
 *   returnToCheck    a change link from check is being followed and every question is answered → check
 *   fallbacks        only when answers of other pages are sent along, which the pages never do:
 *                    pageLeftPath → region, outsideFlanders → result, earlierStepOpen → that earlier page
 *                    (the wizard never skips past an unanswered step)
 *   pageIncomplete   this page's answers are still missing → stay (what was sent is kept)
 *   prefilledOpen    a partial share link opened the wizard (context.prefilled) → the first question it
 *                    left open, past those it answered; prefilledDone → check, where `prefilled` ends
 *   the page's own routes above.
 * check → result when allAnswered. BACK on a question page tries returnToCheck first (a page opened by a
 * change link goes back to check, as GOV.UK's Back does); else it goes to the page before on this firm's
 * path, with the same guards (staffMakesLarge, asksTriggers, outsideFlanders); `previousStep` asks the chart for it.
 *
 * GOTO (change links, the browser's back and forward buttons) and RESTORE (saved progress, share links,
 * imports) use xstate's routable states: every page has an `id` and a `route` guarded by `linkAllowed`
 * (every earlier question answered: `canVisit`), and both events raise xstate's route event to it.
 */
import { assertEvent, assign, raise, setup, transition } from 'xstate';
import {
  ANNOTATIONS, asksTriggers, firstOpenStep, outsideFlanders, QUESTION_STEPS, questionPath, staffMakesLarge, stepAnswered,
  type Answers, type QuestionStep, type Step,
} from './answers';
import type { Mode } from './modes';

export interface WizardContext {
  answers: Answers;
  /** Set when the user followed a change link on the check page: the next NEXT returns there. */
  returnToCheck: boolean;
  /**
   * Set when a partial share link (an accountant's or a CRM's prefilled link) opened the wizard: NEXT
   * skips the questions the link already answered, up to check, where it ends.
   */
  prefilled?: boolean;
}

export type WizardEvent =
  | { type: 'START'; mode?: Mode }
  /** Notes and names on the result: they change nothing else. */
  | { type: 'ANNOTATE'; annotations: Pick<Answers, (typeof ANNOTATIONS)[number]> }
  | { type: 'NEXT'; answers: Partial<Answers> }
  | { type: 'BACK' }
  | { type: 'GOTO'; step: Step; fromCheck?: boolean }
  | { type: 'RESTORE'; answers: Answers; step?: Step }
  | { type: 'RESTART' };

/** xstate's route event (routable states), raised by GOTO and RESTORE: to a page, and whether the link came from check. */
type RouteEvent = { type: 'xstate.route'; to: `#${Step}`; fromCheck?: boolean };

/** Whether a step may be shown with these answers: every earlier step on the path is answered. */
export function canVisit(step: Step, a: Answers): boolean {
  if (step === 'start') return true;
  if (step === 'result') return a.region !== undefined && (outsideFlanders(a) || firstOpenStep(a) === null);
  if (step === 'check') return !outsideFlanders(a) && firstOpenStep(a) === null;
  const path = questionPath(a);
  const i = path.indexOf(step);
  return i >= 0 && path.slice(0, i).every((s) => stepAnswered(s, a));
}

const merge = (a: Answers, patch: Partial<Answers>): Answers => {
  const next = { ...a, ...patch };
  if (next.region !== 'flanders') delete next.province;
  return next;
};

/** The answers the guards judge: for NEXT with the page's answers merged in, else as they are. */
const answersAfter = ({ context, event }: { context: WizardContext; event: WizardEvent | RouteEvent }): Answers =>
  event.type === 'NEXT' ? merge(context.answers, event.answers) : context.answers;

/** Where RESTORE lands: the asked step when reachable, else the first open question (or check/result). */
function restoreTarget(event: { answers: Answers; step?: Step }): Step {
  if (event.step && canVisit(event.step, event.answers)) return event.step;
  return firstOpenStep(event.answers) ?? (canVisit('check', event.answers) ? 'check' : 'result');
}

const machineSetup = setup({
  types: { context: {} as WizardContext, events: {} as WizardEvent | RouteEvent, input: {} as { answers?: Answers } | undefined },
  guards: {
    // The path rules (answers.ts).
    /** Outside Flanders the wizard ends after the region: the result names the region's front door. */
    outsideFlanders: (args) => outsideFlanders(answersAfter(args)),
    /** 250 staff or more: the firm is large whatever its figures, so the figures page is skipped. */
    staffMakesLarge: (args) => staffMakesLarge(answersAfter(args)),
    /** The warning-lights page is asked (accountants, advisors, and owners who ask for it). */
    asksTriggers: (args) => asksTriggers(answersAfter(args)),
    // Where the answers stand.
    /** Every question on this firm's path is answered (outside Flanders: the region is). */
    allAnswered: (args) => firstOpenStep(answersAfter(args)) === null,
    /** A change link from the check page is being followed, and check can be shown again. */
    returnToCheck: (args) => args.context.returnToCheck && canVisit('check', answersAfter(args)),
    /** `step`, the page NEXT was sent on, is the first with missing answers: NEXT stays there. */
    pageIncomplete: (args, params: { step: QuestionStep }) => firstOpenStep(answersAfter(args)) === params.step,
    /** Fallback: `step`, earlier than this page, is the first open question again. */
    earlierStepOpen: (args, params: { step: QuestionStep }) => firstOpenStep(answersAfter(args)) === params.step,
    /** A prefilled link opened the wizard, and `step`, after this page, is the first question it left open. */
    prefilledOpen: (args, params: { step: QuestionStep }) => args.context.prefilled === true && firstOpenStep(answersAfter(args)) === params.step,
    /** A prefilled link opened the wizard, and this page answered its last open question. */
    prefilledDone: (args) => args.context.prefilled === true && canVisit('check', answersAfter(args)),
    /** Fallback: `step`, the page NEXT was sent on, is no longer on this (Flemish) firm's path. */
    pageLeftPath: (args, params: { step: QuestionStep }) => {
      const a = answersAfter(args);
      return !outsideFlanders(a) && !questionPath(a).includes(params.step);
    },
    /** A route (GOTO, RESTORE) to a page that may be shown with the answers (`canVisit`). */
    linkAllowed: ({ context, event }) => event.type === 'xstate.route' && canVisit(event.to.slice(1) as Step, context.answers),
  },
  actions: {
    saveAnswers: assign(({ context, event }) => (event.type === 'NEXT' ? { answers: merge(context.answers, event.answers) } : {})),
    clearReturn: assign({ returnToCheck: false }),
    // (Only where it was set: a context without it stays without it.)
    clearPrefilled: assign(({ context }) => (context.prefilled ? { prefilled: false } : {})),
    rememberChangeLink: assign({ returnToCheck: ({ event }) => event.type === 'xstate.route' && event.fromCheck === true }),
    /** GOTO a step, or RESTORE to where the restored answers lead: raise the route event to that page. */
    followLink: raise(({ event }: { event: WizardEvent | RouteEvent }): RouteEvent => {
      assertEvent(event, ['GOTO', 'RESTORE']);
      return event.type === 'GOTO'
        ? { type: 'xstate.route', to: `#${event.step}`, fromCheck: event.fromCheck }
        : { type: 'xstate.route', to: `#${restoreTarget(event)}` };
    }),
    restoreAnswers: assign(({ event }) => (event.type === 'RESTORE' ? { answers: event.answers, returnToCheck: false } : {})),
    resetAnswers: assign(({ context }) => ({ answers: {}, returnToCheck: false, ...(context.prefilled ? { prefilled: false } : {}) })),
    setMode: assign(({ context, event }) => (event.type === 'START' && event.mode ? { answers: { ...context.answers, mode: event.mode } } : {})),
    annotate: assign(({ context, event }) => {
      if (event.type !== 'ANNOTATE') return {};
      const allowed = Object.fromEntries(Object.entries(event.annotations).filter(([k]) => (ANNOTATIONS as readonly string[]).includes(k)));
      return { answers: { ...context.answers, ...allowed } };
    }),
  },
});

// The pieces the states below share.

/** Every page can be linked to (GOTO, RESTORE) once the questions before it are answered. */
const route = { guard: 'linkAllowed', actions: 'rememberChangeLink' } as const;
/** NEXT keeps the page's answers; arriving at check also ends a change link. */
const save = 'saveAnswers';
const saveToCheck = ['saveAnswers', 'clearReturn', 'clearPrefilled'] as const;

/** NEXT on a question page reached by a change link from check: back to check once everything is answered. */
const backToCheck = { guard: 'returnToCheck', target: 'check', actions: saveToCheck } as const;
/**
 * BACK on a question page reached by a change link from check: back to check (GOV.UK: Back from a change
 * returns to "Check your answers"), unless a change made another question necessary first.
 */
const backFromChange = { guard: 'returnToCheck', target: 'check', actions: 'clearReturn' } as const;
/** NEXT on question page `step` that leaves it incomplete: stay, keeping what was sent. */
const stay = (step: QuestionStep) => ({ guard: { type: 'pageIncomplete', params: { step } }, actions: save }) as const;

/**
 * The fallbacks. The pages send only their own answers, so in the app none of these fire; they route a
 * NEXT that carries answers of other pages too (the random-event tests send those) as the wizard always
 * has. Their `description` marks them in the chart (and for the tests).
 */
const FALLBACK = 'fallback: answers of other pages were sent along';
/**
 * NEXT on question page `step`, after returnToCheck (and leftPath): answers outside Flanders end the
 * wizard (result); an earlier question that is open again is asked first (`earlierStepOpen`: never skip
 * past an unanswered step).
 */
function fallbacks(step: QuestionStep) {
  return [
    { guard: 'outsideFlanders', target: 'result', actions: save, description: FALLBACK },
    ...QUESTION_STEPS.slice(0, QUESTION_STEPS.indexOf(step)).map(
      (open) => ({ guard: { type: 'earlierStepOpen', params: { step: open } }, target: open, actions: save, description: FALLBACK }) as const,
    ),
  ] as const;
}
/**
 * NEXT on question page `step` after a prefilled link: past the questions the link answered, to the
 * first it left open, or to check when it left none (a firm never answers twice what the link told).
 */
function skipAnswered(step: QuestionStep) {
  return [
    ...QUESTION_STEPS.slice(QUESTION_STEPS.indexOf(step) + 1).map(
      (open) => ({ guard: { type: 'prefilledOpen', params: { step: open } }, target: open, actions: save }) as const,
    ),
    { guard: 'prefilledDone', target: 'check', actions: saveToCheck },
  ] as const;
}
/**
 * NEXT on a page the path can skip (figures, triggers) when the answers sent along take it off the path
 * (staff of 250 or more sent on figures, warning lights no longer asked on triggers): the wizard has always
 * started over at the region then, answers kept.
 */
const leftPath = (step: QuestionStep) =>
  ({ guard: { type: 'pageLeftPath', params: { step } }, target: 'region', actions: save, description: FALLBACK }) as const;

export const wizardMachine = machineSetup.createMachine({
  id: 'wizard',
  initial: 'start',
  context: ({ input }) => ({ answers: input?.answers ?? {}, returnToCheck: false }),
  on: {
    // A change link, or the browser's back/forward buttons: to the page asked for, when its `route` allows.
    GOTO: { actions: 'followLink' },
    // Saved progress, a share link, an import: the answers, then the page asked for if it may be shown,
    // else the first open question (or check, or the result).
    RESTORE: { actions: ['restoreAnswers', 'followLink'] },
    RESTART: { target: '.start', actions: 'resetAnswers' },
    ANNOTATE: { actions: 'annotate' },
  },
  states: {
    start: {
      id: 'start', route,
      on: {
        START: { target: 'region', actions: 'setMode' },
        NEXT: { target: 'region', actions: save },
        BACK: { actions: 'clearReturn' },
      },
    },
    region: {
      id: 'region', route,
      on: {
        NEXT: [
          backToCheck,
          { guard: 'outsideFlanders', target: 'result', actions: save },
          stay('region'), ...skipAnswered('region'),
          { target: 'staff', actions: save },
        ],
        BACK: [backFromChange, { target: 'start', actions: 'clearReturn' }],
      },
    },
    staff: {
      id: 'staff', route,
      on: {
        NEXT: [
          backToCheck, ...fallbacks('staff'), stay('staff'), ...skipAnswered('staff'),
          { guard: 'staffMakesLarge', target: 'ownership', actions: save },
          { target: 'figures', actions: save },
        ],
        BACK: [backFromChange, { target: 'region', actions: 'clearReturn' }],
      },
    },
    figures: {
      id: 'figures', route,
      on: {
        NEXT: [backToCheck, leftPath('figures'), ...fallbacks('figures'), stay('figures'), ...skipAnswered('figures'), { target: 'ownership', actions: save }],
        BACK: [backFromChange, { target: 'staff', actions: 'clearReturn' }],
      },
    },
    ownership: {
      id: 'ownership', route,
      on: {
        NEXT: [backToCheck, ...fallbacks('ownership'), stay('ownership'), ...skipAnswered('ownership'), { target: 'sector', actions: save }],
        BACK: [
          backFromChange,
          { guard: 'staffMakesLarge', target: 'staff', actions: 'clearReturn' },
          { target: 'figures', actions: 'clearReturn' },
        ],
      },
    },
    sector: {
      id: 'sector', route,
      on: {
        NEXT: [backToCheck, ...fallbacks('sector'), stay('sector'), ...skipAnswered('sector'), { target: 'introduced', actions: save }],
        BACK: [backFromChange, { target: 'ownership', actions: 'clearReturn' }],
      },
    },
    introduced: {
      id: 'introduced', route,
      on: {
        NEXT: [backToCheck, ...fallbacks('introduced'), stay('introduced'), ...skipAnswered('introduced'), { target: 'practices', actions: save }],
        BACK: [backFromChange, { target: 'sector', actions: 'clearReturn' }],
      },
    },
    practices: {
      id: 'practices', route,
      on: {
        NEXT: [backToCheck, ...fallbacks('practices'), stay('practices'), ...skipAnswered('practices'), { target: 'needs', actions: save }],
        BACK: [backFromChange, { target: 'introduced', actions: 'clearReturn' }],
      },
    },
    needs: {
      id: 'needs', route,
      on: {
        NEXT: [
          backToCheck, ...fallbacks('needs'), stay('needs'), ...skipAnswered('needs'),
          { guard: 'asksTriggers', target: 'triggers', actions: save },
          { target: 'check', actions: saveToCheck },
        ],
        BACK: [backFromChange, { target: 'practices', actions: 'clearReturn' }],
      },
    },
    triggers: {
      id: 'triggers', route,
      on: {
        NEXT: [backToCheck, leftPath('triggers'), ...fallbacks('triggers'), stay('triggers'), ...skipAnswered('triggers'), { target: 'check', actions: saveToCheck }],
        BACK: [backFromChange, { target: 'needs', actions: 'clearReturn' }],
      },
    },
    check: {
      id: 'check', route,
      on: {
        // The check page sends no answers; with an incomplete profile (only other events' answers can make it so) it stays.
        NEXT: { guard: 'allAnswered', target: 'result', actions: save },
        BACK: [
          { guard: 'asksTriggers', target: 'triggers', actions: 'clearReturn' },
          { target: 'needs', actions: 'clearReturn' },
        ],
      },
    },
    result: {
      id: 'result', route,
      on: {
        // The result page sends no NEXT; one sent anyway is routed as the wizard always has:
        // back to check after a change link, stay outside Flanders, else the questions from the start, answers kept.
        NEXT: [
          backToCheck,
          { guard: 'outsideFlanders', actions: save },
          { target: 'region', actions: save },
        ],
        BACK: [
          { guard: 'outsideFlanders', target: 'region', actions: 'clearReturn' },
          { target: 'check', actions: 'clearReturn' },
        ],
      },
    },
  },
});

/**
 * The page BACK leads to from `step` with these answers (the chart's BACK transitions), `returnToCheck`
 * when a change link from check is being followed; the UI keeps the browser history in step with it.
 */
export function previousStep(step: Step, a: Answers, returnToCheck = false): Step {
  const here = wizardMachine.resolveState({ value: step, context: { answers: a, returnToCheck } });
  return transition(wizardMachine, here, { type: 'BACK' })[0].value as Step;
}

/**
 * The machine opened straight on restored answers (a share link, saved progress, an import): where
 * RESTORE would lead, without first showing the start page (one render instead of two).
 */
export function restoredSnapshot(answers: Answers, step?: Step, { prefilled = false }: { prefilled?: boolean } = {}) {
  return wizardMachine.resolveState({ value: restoreTarget({ answers, step }), context: { answers, returnToCheck: false, ...(prefilled ? { prefilled } : {}) } });
}

/** Screens (question pages, check and result) this firm goes through, for the progress indication. */
export function progress(step: Step, a: Answers): { current: number; total: number } {
  const screens: Step[] = outsideFlanders(a) ? ['region', 'result'] : [...questionPath(a), 'check', 'result'];
  const i = screens.indexOf(step);
  return { current: i < 0 ? 0 : i + 1, total: screens.length };
}
