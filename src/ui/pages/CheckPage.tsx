import { useTranslation } from 'react-i18next';
import { BackLink, Progress } from '../components/PageNav';
import { PageHeading } from '../components/PageHeading';
import { content, useLang } from '../content';
import { answerRows } from '../answer-summary';
import { useNaceTitles } from '../nace-search-data';
import { useWizard } from '../wizard-context';

/** GOV.UK "check your answers": every answer with a change link that returns here. */
export function CheckPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { answers, send } = useWizard();
  useNaceTitles(answers.naceVersion === '2025');
  const rows = answerRows(answers, t, content, lang);
  return (
    <>
      <BackLink />
      <Progress />
      <PageHeading>{t('check.title')}</PageHeading>
      <dl className="summary-list">
        {rows.map((r) => (
          <div className="summary-row" key={r.label}>
            <dt>{r.label}</dt>
            <dd>{r.value}</dd>
            <dd className="summary-action">
              {/* A button that looks like a link: it opens the question in the wizard, not an address. */}
              <button type="button" className="link-button" onClick={() => send({ type: 'GOTO', step: r.step, fromCheck: true })}>
                {t('check.change')}<span className="visually-hidden"> {r.label}</span>
              </button>
            </dd>
          </div>
        ))}
      </dl>
      <button type="button" className="button" onClick={() => send({ type: 'NEXT', answers: {} })}>{t('check.submit')}</button>
    </>
  );
}
