import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/QuestionPage';
import { useWizard } from '../wizard-context';

export function StartPage({ resumable, onResume, onDiscard }: { resumable: boolean; onResume: () => void; onDiscard: () => void }) {
  const { t } = useTranslation();
  const { send } = useWizard();
  return (
    <>
      <PageHeading>{t('start.title')}</PageHeading>
      <p className="lead">{t('start.lead')}</p>
      <ul className="list">
        <li>{t('start.point1')}</li>
        <li>{t('start.point2')}</li>
        <li>{t('start.point3')}</li>
      </ul>
      {resumable ? (
        <div className="panel" role="region" aria-labelledby="resume-title">
          <h2 id="resume-title">{t('resume.title')}</h2>
          <p>{t('resume.text')}</p>
          <div className="button-group">
            <button type="button" className="button" onClick={onResume}>{t('resume.continue')}</button>
            <button type="button" className="button button--secondary" onClick={onDiscard}>{t('resume.startOver')}</button>
          </div>
        </div>
      ) : (
        <button type="button" className="button button--start" onClick={() => send({ type: 'START' })}>{t('start.button')}</button>
      )}
      <p className="privacy">{t('start.privacy')}</p>
    </>
  );
}
