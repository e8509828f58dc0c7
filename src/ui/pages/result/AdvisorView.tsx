// The advisor's view of a referral (intake mode): every rule that fired with its weight, why each
// channel ranks where it does, what is not available and why, the content version; and the notes.
import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../domain/types';
import { MAX_NOTES } from '../../../wizard/limits';
import { content, useLang } from '../../content';
import { useWizard } from '../../wizard-context';

/** The advisor's free-text notes (kept on this device, exported with the intake): at the top of the intake result. */
export function Notes() {
  const { t } = useTranslation();
  const { answers, send } = useWizard();
  return (
    <div className="field notes">
      <label className="label" htmlFor="notes">{t('advisor.notes')}</label>
      <p className="hint" id="notes-hint">{t('advisor.notesHint')}</p>
      <textarea id="notes" className="textarea" rows={3} maxLength={MAX_NOTES} aria-describedby="notes-hint" value={answers.notes ?? ''}
        onChange={(e) => send({ type: 'ANNOTATE', annotations: { notes: e.currentTarget.value } })} />
    </div>
  );
}

export function AdvisorView({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const name = (id: string) => pick(content.channels[id]!.name);
  return (
    <details className="advisor-view" open>
      <summary><h2 className="inline-heading">{t('advisor.title')}</h2></summary>
      <p>{t('advisor.intro', { version: referral.contentVersion })}</p>
      <table className="table">
        <caption>{t('advisor.rankingCaption')}</caption>
        <thead><tr><th scope="col">{t('advisor.rank')}</th><th scope="col">{t('advisor.channel')}</th><th scope="col">{t('advisor.score')}</th><th scope="col">{t('advisor.rules')}</th></tr></thead>
        <tbody>
          {referral.recommendations.map((r) => (
            <tr key={r.channel}><td>{r.rank}</td><td>{name(r.channel)}</td><td>{r.score}</td><td>{r.rules.join(', ')}</td></tr>
          ))}
        </tbody>
      </table>
      <table className="table">
        <caption>{t('advisor.rulesCaption')}</caption>
        <thead><tr><th scope="col">{t('advisor.rule')}</th><th scope="col">{t('advisor.channel')}</th><th scope="col">{t('advisor.weight')}</th></tr></thead>
        <tbody>
          {referral.firedRules.map((r) => (
            <tr key={r.id}><td><code>{r.id}</code></td><td>{name(r.channel)}</td><td>{r.weight > 0 ? `+${r.weight}` : r.weight}</td></tr>
          ))}
        </tbody>
      </table>
      {referral.notEligible.length ? (
        <>
          <h3>{t('advisor.notEligible')}</h3>
          <ul>{referral.notEligible.map((n) => <li key={n.channel}><strong>{name(n.channel)}</strong>: {n.reason}</li>)}</ul>
        </>
      ) : null}
    </details>
  );
}
