// The frame of every question page: back link, progress, error summary, the form and its button.
import { useEffect, useState, type ReactNode } from 'react';
import { useForm, type DefaultValues, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Step } from '../../wizard/answers';
import { useWizard } from '../wizard-context';
import { ErrorSummary, type FieldProblem } from './ErrorSummary';
import { BackLink, Progress } from './PageNav';

/** react-hook-form for a question page, seeded from the draft (typed but not submitted) or the saved answers. */
export function useQuestionForm<T extends FieldValues>(step: Step, fromAnswers: T): UseFormReturn<T> {
  const { drafts, saveDraft } = useWizard();
  const form = useForm<T>({ defaultValues: ((drafts[step] as T | undefined) ?? fromAnswers) as DefaultValues<T>, shouldFocusError: false });
  // Keep what is typed when the page goes away (back, language switch) without submitting. The form,
  // the step and saveDraft (see Wizard) stay the same while the page is shown: this runs once, on leaving.
  useEffect(() => () => saveDraft(step, form.getValues()), [form, saveDraft, step]);
  return form;
}

interface Props<T extends FieldValues> {
  form: UseFormReturn<T>;
  onValid: (values: T) => void;
  children: ReactNode;
  submitLabel?: string;
  /** Per field: the element to focus from the error summary when the field is not on screen. */
  focusFallback?: Record<string, string>;
}

export function QuestionPage<T extends FieldValues>({ form, onValid, children, submitLabel, focusFallback }: Props<T>) {
  const { t } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  // Typed plainly: react-hook-form's generic error type made this one line half of `tsc`'s work.
  const problems: FieldProblem[] = Object.entries(form.formState.errors as Record<string, { message?: unknown } | undefined>).map(([field, e]) => ({ field, message: String(e?.message ?? ''), focusId: focusFallback?.[field] }));
  return (
    <>
      <BackLink />
      <Progress />
      <ErrorSummary problems={problems} attempt={attempt} />
      <form noValidate onSubmit={form.handleSubmit(onValid, () => setAttempt((n) => n + 1))}>
        {children}
        <button type="submit" className="button">{submitLabel ?? t('nav.continue')}</button>
      </form>
    </>
  );
}

export { PageHeading } from './PageHeading';
export { BackLink, Progress } from './PageNav';
