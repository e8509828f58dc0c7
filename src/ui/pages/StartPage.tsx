import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading';

interface Props {
  onStart: () => void;
  /** Saved progress exists: offer to continue or start over instead of a plain start. */
  resumable?: boolean;
  onResume?: () => void;
  onDiscard?: () => void;
}

export function StartPage({ onStart, resumable = false, onResume, onDiscard }: Props) {
  const { t } = useTranslation();
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
        <button type="button" className="button button--start" onClick={onStart}>{t('start.button')}</button>
      )}
      <p className="privacy">{t('start.privacy')}</p>
    </>
  );
}
