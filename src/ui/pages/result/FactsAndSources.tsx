// Every fact the result rests on, once, with its source page and the date it was checked there (and
// the date the rule changed, where known). Folded; the content version stays in view.
import { useTranslation } from 'react-i18next';
import type { Fact } from '../../../domain/content-model';
import { formatDate } from '../../../domain/format';
import { content, useLang } from '../../content';
import { SourceDates } from './SourceDates';

export function FactsAndSources({ facts }: { facts: Fact[] }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  return (
    <section aria-labelledby="sources-title">
      {facts.length ? (
        <details className="fold">
          <summary><h2 className="inline-heading" id="sources-title">{t('result.factsSources', { count: facts.length })}</h2></summary>
          <ul className="sources">
            {facts.map((f) => (
              <li key={f.id}>
                {pick(f.text)}{' '}
                <a href={f.source} rel="noopener noreferrer" target="_blank">{t('result.source')}<span className="visually-hidden">: {f.source}</span></a>
                , <SourceDates fact={f} />
                {f.changed ? `, ${t('result.changedOn', { date: formatDate(f.changed, lang) })}` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : <h2 className="visually-hidden" id="sources-title">{t('result.sources')}</h2>}
      <p className="content-version">{t('result.contentVersion', { version: formatDate(content.meta.contentVersion, lang) })}</p>
    </section>
  );
}
