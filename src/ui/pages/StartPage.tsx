import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_INTAKE_BYTES } from '../../wizard/limits';
import { MODES, type Mode } from '../../wizard/modes';
import { PageHeading } from '../components/PageHeading';
import { formatDate, localDate } from '../../domain/format';

interface Props {
  onStart: (mode: Mode) => void;
  /** The mode chosen before (Back from the first question, e.g. of an accountant's prefilled link): chosen again. */
  initialMode?: Mode;
  /** Saved progress exists: offer to continue or start over instead of a plain start. */
  resumable?: boolean;
  onResume?: () => void;
  onDiscard?: () => void;
  /** When the saved progress was saved (ISO time), said before "start over" deletes it. */
  savedAt?: string;
  /** An exported intake file was chosen (its text), or it was too large to read. */
  onImport?: (text: string | null) => void;
}

// Keep in step with src/ui/prerender.ts: index.html carries this page, prerendered, for React to take over.
export function StartPage({ onStart, initialMode = 'owner', resumable = false, onResume, onDiscard, onImport, savedAt }: Props) {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<Mode>(initialMode);
  /** "Start over" was pressed: it asks before deleting the saved progress. */
  const [confirming, setConfirming] = useState(false);
  const when = savedAt ? new Date(savedAt) : null;
  const savedOn = when && !Number.isNaN(when.getTime()) ? formatDate(localDate(when), i18n.language) : null;
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
          {confirming ? (
            <div role="group" aria-labelledby="discard-question">
              <p id="discard-question">{savedOn ? t('resume.discardQuestionOn', { date: savedOn }) : t('resume.discardQuestion')}</p>
              <div className="button-group">
                <button type="button" className="button" onClick={onDiscard}>{t('resume.discardConfirm')}</button>
                <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>{t('resume.discardCancel')}</button>
              </div>
            </div>
          ) : (
            <div className="button-group">
              <button type="button" className="button" onClick={onResume}>{t('resume.continue')}</button>
              <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>{t('resume.startOver')}</button>
            </div>
          )}
        </div>
      ) : (
        <>
          <fieldset className="fieldset field">
            <legend className="legend">{t('start.modeLegend')}</legend>
            <div className="radios">
              {MODES.map((m) => (
                <div className="choice" key={m}>
                  <input id={`mode-${m}`} type="radio" name="mode" value={m} defaultChecked={m === initialMode} onChange={() => setMode(m)} />
                  <label htmlFor={`mode-${m}`}>{t(`start.mode.${m}`)}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <button type="button" className="button button--start" onClick={() => onStart(mode)}>{t('start.button')}</button>
        </>
      )}
      <p className="privacy">{t('start.privacy')}</p>
      <h2 className="h-small">{t('start.advisorsTitle')}</h2>
      <ul className="list">
        <li>
          <label htmlFor="import-file" className="file-label">{t('start.importLabel')}</label>{' '}
          <input id="import-file" type="file" accept=".json,application/json" onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (!file || !onImport) return;
            if (file.size > MAX_INTAKE_BYTES) onImport(null);
            else void file.text().then(onImport);
          }} />
        </li>
        <li><a href="?batch">{t('start.batchLink')}</a></li>
        <li><a href="?desk">{t('start.deskLink')}</a></li>
      </ul>
    </>
  );
}
