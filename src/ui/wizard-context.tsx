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

export function useWizard(): WizardUi {
  const ui = useContext(WizardUiContext);
  if (!ui) throw new Error('useWizard outside the wizard');
  return ui;
}
