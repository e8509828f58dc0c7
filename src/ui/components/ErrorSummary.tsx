import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** `focusId`: the element to focus when the field itself is not on screen (e.g. a list not yet shown). */
export interface FieldProblem { field: string; message: string; focusId?: string }

/** GOV.UK pattern: errors listed at the top, each linked to its field; focus moves here on submit. */
export function ErrorSummary({ problems, attempt }: { problems: FieldProblem[]; attempt: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length) ref.current?.focus();
  }, [attempt]); // eslint-disable-line react-hooks/exhaustive-deps
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
