// The referral letter an accountant hands to the client (client mode): one A4 page, printed only, in the
// chosen language and about the firm (third person). For each of the first channels: what to do, why,
// what it brings this firm (the sourced facts for its size: rate, cap), and whom to contact with phone
// or e-mail; the answers in short; the sources; and a QR code that opens this referral (the share link).
// The names stay on this device and the paper.
import { useTranslation } from 'react-i18next';
import type { Fact } from '../../../domain/content-model';
import { formatDate, localDate } from '../../../domain/format';
import type { Recommendation } from '../../../domain/types';
import { encodeShareFragment } from '../../../wizard/persistence';
import { answerRows } from '../../answer-summary';
import { useNaceTitles } from '../../nace-search-data';
import { QrCode } from '../../components/QrCode';
import { SafeText } from '../../components/SafeText';
import { content, useLang } from '../../content';
import { channelText } from '../../voice';
import { useWizard } from '../../wizard-context';

const MAX_CHANNELS = 3;
/** The facts the letter quotes in full: this firm's figures (rate for its size, cap, minimum), not the practicalities. */
const FIGURE_KINDS = new Set<Fact['kind']>(['rate', 'cap', 'minimum']);

export function Letter({ recommendations, facts }: { recommendations: Array<Omit<Recommendation, 'score'>>; facts: Fact[] }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const { answers } = useWizard();
  useNaceTitles(answers.naceVersion === '2025');
  const today = localDate();
  const shown = recommendations.slice(0, MAX_CHANNELS);
  const factById = new Map(facts.map((f) => [f.id, f]));
  // The facts the letter quotes: what each channel brings this firm (its glance facts, for its size).
  const quoted = shown.flatMap((r) => r.glanceFacts.map((id) => factById.get(id)).filter((f): f is Fact => f !== undefined && FIGURE_KINDS.has(f.kind)));
  // One line per web page, with the latest date it was checked (several facts often share a page).
  const checkedBySource = new Map<string, string>();
  for (const f of quoted) if ((checkedBySource.get(f.source) ?? '') < f.checked) checkedBySource.set(f.source, f.checked);
  const sources = [...checkedBySource];
  // Usually every page was checked the same day: then the date is said once, in the heading.
  const dates = new Set(checkedBySource.values());
  const sameDay = dates.size === 1 ? [...dates][0]! : undefined;
  const checkedOn = (date: string) => t('result.checkedOn', { date: formatDate(date, lang) });
  const shareUrl = `${location.origin}${location.pathname}${encodeShareFragment(answers)}`;
  const firm = answers.clientName?.trim() || t('letter.theFirm');
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
      <p>{t('letter.intro', { firm })}</p>
      <h2>{t('letter.channels')}</h2>
      <ol className="letter-channels">
        {shown.map((r) => {
          const ch = content.channels[r.channel]!;
          const brings = r.glanceFacts.map((id) => factById.get(id)).filter((f): f is Fact => f !== undefined && FIGURE_KINDS.has(f.kind));
          const c = r.contact;
          return (
            <li key={r.channel}>
              <strong>{pick(ch.name)}.</strong> {pick(channelText(content, ch, 'action', 'about'))}
              {r.why[0] ? <> <SafeText text={r.why[0]} /></> : null}
              {brings.length ? <> {brings.map((f) => pick(f.text)).join(' ')}</> : null}
              <br /><strong>{t('letter.contact')}</strong> {c.organisation}
              {c.phone ? `, ${t('result.phone').toLowerCase()} ${c.phone}` : ''}{c.email ? `, ${c.email}` : ''}.
            </li>
          );
        })}
      </ol>
      <div className="letter-bottom">
        <div className="letter-bottom-text">
          <h2>{t('letter.answers')}</h2>
          <dl className="letter-answers">
            {answerRows(answers, t, content, lang).map((r) => <div key={r.label}><dt>{r.label}</dt><dd>{r.value}</dd></div>)}
          </dl>
          {sources.length ? (
            <>
              <h2>{t('result.sources')}{sameDay ? ` (${checkedOn(sameDay)})` : ''}</h2>
              <ul className="letter-sources">
                {sources.map(([source, checked]) => <li key={source}>{source}{sameDay ? '' : `, ${checkedOn(checked)}`}</li>)}
              </ul>
            </>
          ) : null}
        </div>
        <figure className="letter-qr-figure">
          <QrCode className="letter-qr" url={shareUrl} label={t('letter.qrLabel')} />
          <figcaption>{t('letter.qrCaption')}</figcaption>
        </figure>
      </div>
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
