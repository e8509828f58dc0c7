// Form fields with real labels, hints and inline errors tied together with aria-describedby.
import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/** What we read of a react-hook-form error (also fits array fields' merged errors). */
type FieldError = { message?: string };

const describedBy = (...ids: Array<string | false | undefined>) => ids.filter(Boolean).join(' ') || undefined;

/** The field's error, with GOV.UK's visually hidden prefix ("Error: ") in the page's language. */
export function InlineError({ id, error }: { id: string; error?: FieldError }) {
  const { t } = useTranslation();
  if (!error?.message) return null;
  return <p className="field-error" id={`${id}-error`}><span className="visually-hidden">{t('errors.prefix')}</span>{error.message}</p>;
}

export function TextField(props: { id: string; label: ReactNode; hint?: ReactNode; error?: FieldError; reg: UseFormRegisterReturn; inputMode?: 'decimal' | 'numeric' | 'text' | 'search'; width?: string; autoComplete?: string; isHeading?: boolean }) {
  const { id, label, hint, error, reg } = props;
  const labelEl = <label htmlFor={id} className={props.isHeading ? 'label-heading' : 'label'}>{label}</label>;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      {props.isHeading ? <h1 tabIndex={-1}>{labelEl}</h1> : labelEl}
      {hint ? <p className="hint" id={`${id}-hint`}>{hint}</p> : null}
      <InlineError id={id} error={error} />
      <input
        id={id}
        type="text"
        className={`input ${props.width ?? ''}`}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete ?? 'off'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error && `${id}-error`)}
        {...reg}
      />
    </div>
  );
}

export interface Option { value: string; label: ReactNode; hint?: ReactNode; reveal?: ReactNode }

/** A group of radios or checkboxes in a fieldset with a legend (the page heading when `isHeading`). */
export function ChoiceGroup(props: { id: string; type: 'radio' | 'checkbox'; legend: ReactNode; hint?: ReactNode; options: Option[]; error?: FieldError; reg: UseFormRegisterReturn; isHeading?: boolean; selected?: string[] | string | boolean }) {
  const { id, type, legend, hint, options, error, reg } = props;
  const chosen = Array.isArray(props.selected) ? props.selected : [String(props.selected ?? '')];
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <fieldset className="fieldset" aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error && `${id}-error`)}>
        <legend className={props.isHeading ? 'legend-heading' : 'legend'}>
          {props.isHeading ? <h1 tabIndex={-1}>{legend}</h1> : legend}
        </legend>
        {hint ? <p className="hint" id={`${id}-hint`}>{hint}</p> : null}
        <InlineError id={id} error={error} />
        <div className={type === 'radio' ? 'radios' : 'checkboxes'}>
          {options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${o.value}`;
            const hintId = `${id}-${o.value}-hint`;
            return (
              <div className="choice" key={o.value}>
                <input id={optionId} type={type} value={o.value} aria-describedby={o.hint ? hintId : undefined} {...reg} />
                <label htmlFor={optionId}>{o.label}</label>
                {o.hint ? <p className="hint choice-hint" id={hintId}>{o.hint}</p> : null}
                {o.reveal && chosen.includes(o.value) ? <div className="reveal">{o.reveal}</div> : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** The "none of these" answer of a tick-all-that-apply question. */
export const NONE = 'none';

/**
 * The ticked values of a group of checkboxes: react-hook-form gives an array, a lone string, or
 * false when nothing is ticked.
 */
export function tickedValues(v: string[] | string | boolean | null | undefined): string[] {
  return Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : [];
}

/** A tick-all-that-apply question: at least one tick, and "none of these" not together with something else. */
export function tickAllRule(t: (key: string) => string, requiredKey: string, noneAndOthersKey: string) {
  return {
    validate: (v: string[] | string | boolean) => {
      const list = tickedValues(v);
      if (list.length === 0) return t(requiredKey);
      if (list.includes(NONE) && list.length > 1) return t(noneAndOthersKey);
      return true;
    },
  };
}
