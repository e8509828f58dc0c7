// What is not possible for this firm and why, and what would bring the other channels into view:
// both from the rules (the engine's notEligible and notRecommended), folded.
import { useTranslation } from 'react-i18next';
import type { NotEligible, NotRecommended } from '../../../domain/types';
import { content, useLang } from '../../content';

export function NotNow({ notEligible, notRecommended }: { notEligible: NotEligible[]; notRecommended: NotRecommended[] }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  if (!notEligible.length && !notRecommended.length) return null;
  return (
    <details className="fold">
      <summary><h2 className="inline-heading">{t('result.notNow')}</h2></summary>
      {notEligible.length ? (<>
        <h3>{t('result.notAvailable')}</h3>
        <ul>{notEligible.map((n) => <li key={n.channel}><strong>{pick(content.channels[n.channel]!.name)}</strong>: {n.reason}</li>)}</ul>
      </>) : null}
      {notRecommended.length ? (<>
        <h3>{t('result.wouldOpen')}</h3>
        <ul>{notRecommended.map((n) => <li key={n.channel}>{n.opensWith}</li>)}</ul>
      </>) : null}
    </details>
  );
}
