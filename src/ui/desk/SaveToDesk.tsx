// The result page's "save to desk" (client and intake mode only): stores this referral on the desk of
// this device, under the client's name (the name field above), or updates the entry it was opened from.
// When the browser refuses (storage blocked or full, or the desk locked) it says so and offers the entry
// as a file to import later. The code that stores is loaded only when the button is pressed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDate } from '../../domain/format';
import type { DeskRecord } from '../../wizard/desk/record';
import { content, useLang } from '../content';
import { download } from '../download';
import { useWizard } from '../wizard-context';
import { currentDeskEntry, setCurrentDeskEntry } from './handoff';

type State =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'noName' }
  | { kind: 'saved'; name: string; updated: boolean }
  | { kind: 'problem'; problem: string; record: DeskRecord | null; file: string | null };

export function SaveToDesk() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { answers } = useWizard();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const name = (answers.clientName ?? '').trim();
  const current = currentDeskEntry();
  const updating = current !== null && current.name === name;
  const save = async () => {
    if (!name) { setState({ kind: 'noName' }); document.getElementById('clientName')?.focus(); return; }
    setState({ kind: 'saving' });
    try {
      const { saveToDesk, recordFile } = await import('./save');
      const outcome = await saveToDesk(answers, name, content, lang, updating ? current.id : null);
      if (outcome.ok) {
        setCurrentDeskEntry({ id: outcome.record.id, name });
        setState({ kind: 'saved', name, updated: outcome.updated });
      } else setState({ kind: 'problem', problem: outcome.problem, record: outcome.record, file: outcome.record ? recordFile(outcome.record) : null });
    } catch {
      setState({ kind: 'problem', problem: 'load', record: null, file: null });
    }
  };
  return (
    <section className="no-print desk-save" aria-labelledby="desk-save-title">
      <h2 id="desk-save-title">{t('saveToDesk.saveTitle')}</h2>
      <p>{t(`saveToDesk.saveText.${answers.mode === 'intake' ? 'intake' : 'client'}`)}</p>
      <div className="button-group">
        <button type="button" className="button" onClick={() => void save()} disabled={state.kind === 'saving'}>
          {updating ? t('saveToDesk.saveUpdate', { name }) : t('saveToDesk.save')}
        </button>
        <a href="?desk" className="desk-open-link">{t('saveToDesk.openDesk')}</a>
      </div>
      <div role="status" className="desk-save-status">
        {state.kind === 'saving' ? <p>{t('saveToDesk.saving')}</p> : null}
        {state.kind === 'saved' ? <p>{t(state.updated ? 'saveToDesk.savedUpdated' : 'saveToDesk.savedNew', { name: state.name })}</p> : null}
        {state.kind === 'noName' ? <p className="field-error"><a href="#clientName">{t('saveToDesk.saveNoName')}</a></p> : null}
        {state.kind === 'problem' ? (
          <div className="panel panel--warning">
            <p>{t(`saveToDesk.saveProblem.${state.problem}`)}</p>
            {state.file ? (
              <button type="button" className="button button--secondary" onClick={() => download(state.file!, `innovatiewijzer-desk-${localDate()}.json`, 'application/json')}>
                {t('saveToDesk.saveAsFile')}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
