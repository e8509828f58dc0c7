// The wizard's flow: which question comes next, back, skips, change links, resume. Testable without React.
import { assign, setup } from 'xstate';
import { ANNOTATIONS, firstOpenStep, outsideFlanders, questionPath, stepAnswered, STEPS, type Answers, type Mode, type QuestionStep, type Step } from './answers';

export interface WizardContext {
  answers: Answers;
  /** Set when the user followed a change link on the check page: the next NEXT returns there. */
  returnToCheck: boolean;
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

/** Whether a step may be shown with these answers: every earlier step on the path is answered. */
export function canVisit(step: Step, a: Answers): boolean {
  if (step === 'start') return true;
  if (step === 'result') return a.region !== undefined && (outsideFlanders(a) || firstOpenStep(a) === null);
  if (step === 'check') return !outsideFlanders(a) && firstOpenStep(a) === null;
  const path = questionPath(a);
  const i = path.indexOf(step);
  return i >= 0 && path.slice(0, i).every((s) => stepAnswered(s, a));
}

/** The step after `step` for these answers. */
export function nextStep(step: Step, a: Answers, returnToCheck: boolean): Step {
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

export function previousStep(step: Step, a: Answers): Step {
  if (step === 'region') return 'start';
  if (step === 'result') return outsideFlanders(a) ? 'region' : 'check';
  const path = questionPath(a);
  if (step === 'check') return path[path.length - 1] ?? 'start';
  const i = path.indexOf(step as QuestionStep);
  return i > 0 ? path[i - 1]! : 'start';
}

const merge = (a: Answers, patch: Partial<Answers>): Answers => {
  const next = { ...a, ...patch };
  if (next.region !== 'flanders') delete next.province;
  return next;
};

/** Where RESTORE lands: the asked step when reachable, else the first open question (or check/result). */
function restoreTarget(event: { answers: Answers; step?: Step }): Step {
  if (event.step && canVisit(event.step, event.answers)) return event.step;
  return firstOpenStep(event.answers) ?? (canVisit('check', event.answers) ? 'check' : 'result');
}

const machineSetup = setup({
  types: { context: {} as WizardContext, events: {} as WizardEvent, input: {} as { answers?: Answers } | undefined },
  guards: {
    /** NEXT from `from` with the merged answers leads to `to`. */
    nextIs: ({ context, event }, params: { from: Step; to: Step }) => {
      if (event.type !== 'NEXT') return false;
      const answers = merge(context.answers, event.answers);
      return nextStep(params.from, answers, context.returnToCheck) === params.to && canVisit(params.to, answers);
    },
    backIs: ({ context }, params: { from: Step; to: Step }) => previousStep(params.from, context.answers) === params.to,
    gotoAllowed: ({ context, event }, params: { to: Step }) => event.type === 'GOTO' && event.step === params.to && canVisit(params.to, context.answers),
    restoreTo: ({ event }, params: { to: Step }) => event.type === 'RESTORE' && restoreTarget(event) === params.to,
  },
  actions: {
    saveAnswers: assign(({ context, event }) => (event.type === 'NEXT' ? { answers: merge(context.answers, event.answers) } : {})),
    clearReturn: assign({ returnToCheck: false }),
    rememberChangeLink: assign({ returnToCheck: ({ event }) => event.type === 'GOTO' && event.fromCheck === true }),
    restoreAnswers: assign(({ event }) => (event.type === 'RESTORE' ? { answers: event.answers, returnToCheck: false } : {})),
    resetAnswers: assign({ answers: {}, returnToCheck: false }),
    setMode: assign(({ context, event }) => (event.type === 'START' && event.mode ? { answers: { ...context.answers, mode: event.mode } } : {})),
    annotate: assign(({ context, event }) => {
      if (event.type !== 'ANNOTATE') return {};
      const allowed = Object.fromEntries(Object.entries(event.annotations).filter(([k]) => (ANNOTATIONS as readonly string[]).includes(k)));
      return { answers: { ...context.answers, ...allowed } };
    }),
  },
});

function stepState(from: Step) {
  return {
    on: {
      NEXT: STEPS.map((to) => ({
        guard: { type: 'nextIs' as const, params: { from, to } },
        target: `#wizard.${to}`,
        actions: to === 'check' ? (['saveAnswers', 'clearReturn'] as const) : (['saveAnswers'] as const),
      })),
      BACK: STEPS.map((to) => ({ guard: { type: 'backIs' as const, params: { from, to } }, target: `#wizard.${to}`, actions: 'clearReturn' as const })),
      ...(from === 'start' ? { START: { target: '#wizard.region', actions: 'setMode' as const } } : {}),
    },
  };
}

export const wizardMachine = machineSetup.createMachine({
  id: 'wizard',
  initial: 'start',
  context: ({ input }) => ({ answers: input?.answers ?? {}, returnToCheck: false }),
  on: {
    GOTO: STEPS.map((to) => ({ guard: { type: 'gotoAllowed' as const, params: { to } }, target: `.${to}`, actions: 'rememberChangeLink' as const })),
    RESTORE: STEPS.map((to) => ({ guard: { type: 'restoreTo' as const, params: { to } }, target: `.${to}`, actions: 'restoreAnswers' as const })),
    RESTART: { target: '.start', actions: 'resetAnswers' },
    ANNOTATE: { actions: 'annotate' },
  },
  states: Object.fromEntries(STEPS.map((step) => [step, stepState(step)])) as Record<Step, ReturnType<typeof stepState>>,
});

/**
 * The machine opened straight on restored answers (a share link, saved progress, an import): where
 * RESTORE would lead, without first showing the start page (one render instead of two).
 */
export function restoredSnapshot(answers: Answers, step?: Step) {
  return wizardMachine.resolveState({ value: restoreTarget({ answers, step }), context: { answers, returnToCheck: false } });
}

/** Screens (question pages, check and result) this firm goes through, for the progress indication. */
export function progress(step: Step, a: Answers): { current: number; total: number } {
  const screens: Step[] = outsideFlanders(a) ? ['region', 'result'] : [...questionPath(a), 'check', 'result'];
  const i = screens.indexOf(step);
  return { current: i < 0 ? 0 : i + 1, total: screens.length };
}
