import { useEffect, useEffectEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** `focusId`: the element to focus when the field itself is not on screen (e.g. a list not yet shown). */
export interface FieldProblem { field: string; message: string; focusId?: string }

/** GOV.UK pattern: errors listed at the top, each linked to its field; focus moves here on submit. */
export function ErrorSummary({ problems, attempt }: { problems: FieldProblem[]; attempt: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // Focus moves here after each submit (a new `attempt`) that left problems, not whenever the problems
  // change while the user types: the problems are read at that moment, not a reason to run.
  const focusIfProblems = useEffectEvent(() => {
    if (problems.length) ref.current?.focus();
  });
  useEffect(() => { focusIfProblems(); }, [attempt]);
  if (!problems.length) return null;
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
