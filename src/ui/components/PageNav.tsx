// The Back link and the progress line of the wizard's pages. Apart from QuestionPage.tsx (which brings
// react-hook-form) so that the check and result pages do not load the forms' code.
import { useTranslation } from 'react-i18next';
import { progress } from '../../wizard/machine';
import { useWizard } from '../wizard-context';

/** GOV.UK's Back link: it goes to no address of its own, so it is a button that looks like a link. */
export function BackLink({ label }: { label?: string }) {
  const { t } = useTranslation();
  const { send } = useWizard();
  return (
    <button type="button" className="link-button back-link" onClick={() => send({ type: 'BACK' })}>
      {label ?? t('nav.back')}
    </button>
  );
}

export function Progress() {
  const { t } = useTranslation();
  const { step, answers } = useWizard();
  const p = progress(step, answers);
  if (!p.current) return null;
  return (
    <div className="progress">
      <span id="progress-label">{t('nav.progress', p)}</span>
      <progress value={p.current} max={p.total} aria-labelledby="progress-label" />
    </div>
  );
}
