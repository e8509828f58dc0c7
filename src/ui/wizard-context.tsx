import { createContext, useContext } from 'react';
import type { Answers, Step } from '../wizard/answers';
import type { WizardEvent } from '../wizard/machine';

export interface WizardUi {
  step: Step;
  answers: Answers;
  send: (event: WizardEvent) => void;
  /** Unsubmitted form values per step, so going back or switching language loses nothing typed. */
  drafts: Partial<Record<Step, Record<string, unknown>>>;
  saveDraft: (step: Step, values: Record<string, unknown>) => void;
}

export const WizardUiContext = createContext<WizardUi | null>(null);

/**
 * The drafts of one wizard: saved as each page is left, read when a page opens, emptied on a restart.
 * One object for the wizard's life (create it once, e.g. `useState(draftStore)`), kept outside React's
 * state on purpose: saving a draft re-renders nothing, and `drafts` and `saveDraft` never change identity.
 */
export function draftStore(): Pick<WizardUi, 'drafts' | 'saveDraft'> & { clear: () => void } {
  const drafts: WizardUi['drafts'] = {};
  return {
    drafts,
    saveDraft: (step, values) => { drafts[step] = values; },
    clear: () => { for (const step of Object.keys(drafts) as Step[]) delete drafts[step]; },
  };
}

export function useWizard(): WizardUi {
  const ui = useContext(WizardUiContext);
  if (!ui) throw new Error('useWizard outside the wizard');
  return ui;
}
