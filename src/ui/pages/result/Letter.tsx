// The referral letter for the client: one A4 page (print only), in the chosen language, with the
// answers in short, the recommended channels with next steps and contacts, the sources with dates,
// the date, and the adviser's and client's names if given (those stay on this device and the paper).
import { useTranslation } from 'react-i18next';
import type { Fact } from '../../../domain/content-model';
import { formatDate, localDate } from '../../../domain/format';
import type { Recommendation } from '../../../domain/types';
import { answerRows } from '../../answer-summary';
import { SafeText } from '../../components/SafeText';
import { content, useLang } from '../../content';
import { useWizard } from '../../wizard-context';

const MAX_CHANNELS = 3;

export function Letter({ recommendations, facts }: { recommendations: Array<Pick<Recommendation, 'channel' | 'reasons' | 'facts'>>; facts: Fact[] }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const { answers } = useWizard();
  const today = localDate();
  // One page: the three first channels, and only the sources of what the letter says.
  const shown = recommendations.slice(0, MAX_CHANNELS);
  const cited = new Set(shown.flatMap((r) => r.facts));
  // One line per web page, with the latest date it was checked (several facts often share a page).
  const checkedBySource = new Map<string, string>();
  for (const f of facts) {
    if (cited.has(f.id) && (checkedBySource.get(f.source) ?? '') < f.checked) checkedBySource.set(f.source, f.checked);
  }
  const sources = [...checkedBySource];
  // Usually every page was checked the same day: then the date is said once, in the heading.
  const dates = new Set(checkedBySource.values());
  const sameDay = dates.size === 1 ? [...dates][0]! : undefined;
  const checkedOn = (date: string) => t('result.checkedOn', { date: formatDate(date, lang) });
  return (
    <article className="letter" aria-hidden="true">
      <header className="letter-head">
        <p className="letter-brand">{t('app.title')}</p>
        <p className="letter-dates">
          {formatDate(today, lang)}
          <br /><span className="letter-version">{t('result.contentVersion', { version: formatDate(content.meta.contentVersion, lang) })}</span>
        </p>
      </header>
      <h1 className="letter-title">{t('letter.title')}</h1>
      {answers.clientName || answers.adviserName ? (
        <p className="letter-names">
          {answers.clientName ? <span><strong>{t('letter.clientName')}:</strong> {answers.clientName}</span> : null}
          {answers.adviserName ? <span><strong>{t('letter.adviserName')}:</strong> {answers.adviserName}</span> : null}
        </p>
      ) : null}
      <p>{t(`letter.intro.${answers.mode ?? 'owner'}`)}</p>
      <h2>{t('letter.answers')}</h2>
      <dl className="letter-answers">
        {answerRows(answers, t, content, lang).map((r) => <div key={r.label}><dt>{r.label}</dt><dd>{r.value}</dd></div>)}
      </dl>
      <h2>{t('letter.channels')}</h2>
      <ol>
        {shown.map((r) => {
          const ch = content.channels[r.channel]!;
          return (
            <li key={r.channel}>
              <strong>{pick(ch.name)}</strong>
              {r.reasons[0] ? <>: <SafeText text={r.reasons[0]} /></> : null}
              <br />{t('result.nextStep')}: {pick(ch.firstStep)}
              <br />{t('result.contact')}: {String(ch.contact.url.value)}{ch.contact.phone ? `, ${String(ch.contact.phone.value)}` : ''}{ch.contact.email ? `, ${String(ch.contact.email.value)}` : ''}
            </li>
          );
        })}
      </ol>
      {sources.length ? (
        <>
          <h2>{t('result.sources')}{sameDay ? ` (${checkedOn(sameDay)})` : ''}</h2>
          <ul className="letter-sources">
            {sources.map(([source, checked]) => <li key={source}>{source}{sameDay ? '' : `, ${checkedOn(checked)}`}</li>)}
          </ul>
        </>
      ) : null}
    </article>
  );
}

/** Prints the letter instead of the page, then returns to normal. */
export function printLetter() {
  const root = document.documentElement;
  root.classList.add('print-letter');
  const done = () => { root.classList.remove('print-letter'); removeEventListener('afterprint', done); };
  addEventListener('afterprint', done);
  window.print();
}
