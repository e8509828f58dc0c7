import { useEffect, useEffectEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { showPageTitle } from '../page-title';

/** `focusId`: the element to focus when the field itself is not on screen (e.g. a list not yet shown). */
export interface FieldProblem { field: string; message: string; focusId?: string }

/**
 * GOV.UK pattern: errors listed at the top, each linked to its field; focus moves here on every failed
 * submit, and the document title gets the error prefix ("Error: ") while the summary shows.
 */
export function ErrorSummary({ problems, attempt }: { problems: FieldProblem[]; attempt: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const shown = problems.length > 0;
  // Focus moves here once per submit (a new `attempt`) that left problems, not whenever the problems
  // change while the user types. react-hook-form reports a failed submit (the new attempt) before it
  // publishes the errors, so either may render first: the attempt is focused when both are there.
  const focusedAttempt = useRef(attempt);
  const focusIfProblems = useEffectEvent(() => {
    if (!shown || focusedAttempt.current === attempt) return;
    focusedAttempt.current = attempt;
    ref.current?.focus();
  });
  useEffect(() => { focusIfProblems(); }, [attempt, shown]);
  // The title says there are errors while the summary shows (the Wizard sets it on every new page).
  useEffect(() => {
    showPageTitle(t);
    return () => { if (shown) showPageTitle(t); };
  }, [shown, t]);
  if (!shown) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{t('errors.summaryTitle')}</h2>
      <ul>
        {problems.map((p) => (
          <li key={p.field}>
            <a
              href={`#${p.field}`}
              onClick={(e) => {
                e.preventDefault();
                (document.getElementById(p.field) ?? (p.focusId ? document.getElementById(p.focusId) : null))?.focus();
              }}
            >
              {p.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
