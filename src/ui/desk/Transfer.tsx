// Moving the desk (issue 16, item 5): the whole desk as JSON (to import on another device) or CSV (for a
// spreadsheet), and the import of a desk file merged without duplicates, saying what it added, updated,
// skipped and refused (each refused entry with its field and what is allowed there).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, localDate } from '../../domain/format';
import { RECORD_RULES, type DeskRecord, type RecordProblem } from '../../wizard/desk/record';
import { deskToCsv, deskToJson, MAX_DESK_BYTES, mergeRecords, readDeskFile, type RefusedRecord } from '../../wizard/desk/transfer';
import { content, useLang } from '../content';
import { download } from '../download';
import type { Desk } from './use-desk';

/** The export buttons: also offered when the browser refuses to store (full storage), so nothing is lost. */
export function ExportButtons({ records }: { records: readonly DeskRecord[] }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const stamp = localDate();
  return (
    <div className="button-group">
      <button type="button" className="button" onClick={() => download(deskToJson(records), `innovatiewijzer-desk-${stamp}.json`, 'application/json')}>{t('desk.exportJson')}</button>
      <button type="button" className="button button--secondary" onClick={() => download(`\uFEFF${deskToCsv(records, content, lang)}`, `innovatiewijzer-desk-${stamp}.csv`, 'text/csv')}>{t('desk.exportCsv')}</button>
    </div>
  );
}

/** One problem of a record in words: the field, and what is allowed there. */
export function problemText(p: RecordProblem, t: (key: string, values?: Record<string, unknown>) => string, lang: string): string {
  const limits = RECORD_RULES[p.rule] as { max?: number };
  const allowed = p.text ?? t(`desk.allowed.${p.rule}`, { max: limits.max === undefined ? '' : formatNumber(limits.max, lang) });
  return t('desk.fieldProblem', { field: p.field, allowed });
}

type Outcome =
  | { kind: 'failed'; file: string; problem: string }
  | { kind: 'done'; file: string; added: string[]; updated: string[]; skipped: string[]; refused: RefusedRecord[]; stored: boolean };

export function Transfer({ desk }: { desk: Desk }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const names = (list: readonly DeskRecord[]) => list.map((r) => r.name);
  const importFile = async (file: File) => {
    if (file.size > MAX_DESK_BYTES) { setOutcome({ kind: 'failed', file: file.name, problem: 'too-large' }); return; }
    const read = readDeskFile(await file.text(), content, lang);
    if (!read.ok) { setOutcome({ kind: 'failed', file: file.name, problem: read.problem }); return; }
    const merge = mergeRecords(desk.records, read.records);
    const stored = merge.toStore.length === 0 || await desk.save(merge.toStore);
    setOutcome({ kind: 'done', file: file.name, added: names(merge.added), updated: names(merge.updated), skipped: names(merge.skipped), refused: read.refused, stored });
  };
  const list = (items: string[]) => (items.length > 10 ? `${items.slice(0, 10).join(', ')}, … (+${formatNumber(items.length - 10, lang)})` : items.join(', '));
  return (
    <section aria-labelledby="desk-transfer-title">
      <h2 id="desk-transfer-title">{t('desk.transferTitle')}</h2>
      <p>{t('desk.exportText')}</p>
      {desk.records.length ? <ExportButtons records={desk.records} /> : <p className="hint">{t('desk.exportNothing')}</p>}
      <div className="field">
        <label htmlFor="desk-import" className="label">{t('desk.importLabel')}</label>
        <p className="hint" id="desk-import-hint">{t('desk.importHint')}</p>
        <input id="desk-import" type="file" className="desk-file" accept=".json,application/json" aria-describedby="desk-import-hint" onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void importFile(file);
        }} />
      </div>
      <div role="status" className="desk-import-outcome">
        {outcome?.kind === 'failed' ? <p className="field-error">{t(`desk.importFailed.${outcome.problem}`, { file: outcome.file })}</p> : null}
        {outcome?.kind === 'done' ? (
          <>
            <p><strong>{outcome.stored
              ? t('desk.imported', { file: outcome.file, added: formatNumber(outcome.added.length, lang), updated: formatNumber(outcome.updated.length, lang), skipped: formatNumber(outcome.skipped.length, lang), refused: formatNumber(outcome.refused.length, lang) })
              : t('desk.importNotStored', { file: outcome.file })}</strong></p>
            {outcome.stored ? (
              <ul>
                {outcome.added.length ? <li>{t('desk.importAdded')}: {list(outcome.added)}</li> : null}
                {outcome.updated.length ? <li>{t('desk.importUpdated')}: {list(outcome.updated)}</li> : null}
                {outcome.skipped.length ? <li>{t('desk.importSkipped')}: {list(outcome.skipped)}</li> : null}
              </ul>
            ) : null}
            {outcome.refused.length ? (
              <>
                <p>{t('desk.importRefused')}</p>
                <ul>
                  {outcome.refused.slice(0, 20).map((r) => (
                    <li key={r.position}>{t('desk.refusedEntry', { position: formatNumber(r.position, lang), name: r.name ?? '' })} {r.problems.map((p) => problemText(p, t, lang)).join('; ')}</li>
                  ))}
                </ul>
                {outcome.refused.length > 20 ? <p>{t('desk.refusedMore', { count: outcome.refused.length - 20 })}</p> : null}
              </>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
