// The accountant's tools (names and the referral letter) and the advisor's (names and the export of the intake).
import { useTranslation } from 'react-i18next';
import type { Answers } from '../../../wizard/answers';
import { localDate } from '../../../domain/format';
import { buildIntake, intakeToCsv, intakeToJson } from '../../../wizard/intake-export';
import { MAX_NAME } from '../../../wizard/limits';
import { content, useLang } from '../../content';
import { useWizard } from '../../wizard-context';
import { printLetter } from './Letter';
import { download } from '../../download';

/** The adviser's and the client's names: on the letter, in hand-off e-mails and exports, never in a share link. */
function Names() {
  const { t } = useTranslation();
  const { answers, send } = useWizard();
  const annotate = (key: 'adviserName' | 'clientName') => (e: React.ChangeEvent<HTMLInputElement>) =>
    send({ type: 'ANNOTATE', annotations: { [key]: e.currentTarget.value } as Pick<Answers, typeof key> });
  return (
    <>
      <div className="field">
        <label className="label" htmlFor="adviserName">{t('letter.adviserName')}</label>
        <input id="adviserName" maxLength={MAX_NAME} className="input input--medium" autoComplete="name" value={answers.adviserName ?? ''} onChange={annotate('adviserName')} aria-describedby="names-hint" />
      </div>
      <div className="field">
        <label className="label" htmlFor="clientName">{t('letter.clientName')}</label>
        <input id="clientName" maxLength={MAX_NAME} className="input input--medium" autoComplete="organization" value={answers.clientName ?? ''} onChange={annotate('clientName')} aria-describedby="names-hint" />
        <p className="hint" id="names-hint">{t('tools.namesHint')}</p>
      </div>
    </>
  );
}

/** Client mode: the names and the one-page referral letter to hand to the client. */
export function ClientTools() {
  const { t } = useTranslation();
  return (
    <section className="no-print" aria-labelledby="tools-title">
      <h2 id="tools-title">{t('tools.letterTitle')}</h2>
      <Names />
      <div className="button-group">
        <button type="button" className="button" onClick={printLetter}>{t('tools.printLetter')}</button>
      </div>
    </section>
  );
}

/** Intake mode: the names and the export of the intake (JSON to reopen, a CSV row for a spreadsheet). */
export function IntakeExport() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { answers } = useWizard();
  const stamp = localDate();
  const intake = () => buildIntake(answers, answers.notes ?? '', content, lang);
  return (
    <section className="no-print" aria-labelledby="tools-title">
      <h2 id="tools-title">{t('tools.exportTitle')}</h2>
      <Names />
      <div className="button-group">
        <button type="button" className="button" onClick={() => { const i = intake(); if (i) download(intakeToJson(i), `innovatiewijzer-intake-${stamp}.json`, 'application/json'); }}>{t('tools.exportJson')}</button>
        <button type="button" className="button button--secondary" onClick={() => { const i = intake(); if (i) download(`\uFEFF${intakeToCsv(i)}`, `innovatiewijzer-intake-${stamp}.csv`, 'text/csv'); }}>{t('tools.exportCsv')}</button>
      </div>
      <p className="hint">{t('tools.exportHint')}</p>
    </section>
  );
}
