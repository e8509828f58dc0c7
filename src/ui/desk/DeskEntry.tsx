// One firm on the desk: who, when, with which content; the mark when its referral changed since; the
// recommended channels with their status; and what can be done with it: open the result or the answers,
// start a new intake from its answers, delete it (with undo), set a status per channel, download a
// follow-up or deadline calendar file, and give the client a prefilled link (with a printable QR code).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, localDate } from '../../domain/format';
import { DESK_STATUSES, MAX_STATUS_NOTE, recordAnswers, statusOf, type DeskRecord, type DeskStatus } from '../../wizard/desk/record';
import type { RecordChange } from '../../wizard/desk/changes';
import type { Answers, Step } from '../../wizard/answers';
import { content, useLang } from '../content';
import { Calendar } from './Calendar';
import { PrefilledLink } from './PrefilledLink';

interface Props {
  record: DeskRecord;
  /** The differences with the referral of today (none: unchanged or not yet worked out, see `checked`). */
  changes: RecordChange[] | undefined;
  checked: boolean;
  followUp: boolean;
  weeks: number;
  onSave: (record: DeskRecord) => Promise<boolean>;
  onDelete: () => void;
  onOpen: (answers: Answers, step: Step, entry: { id: string; name: string } | null) => void;
}

export function DeskEntry({ record: r, changes, followUp, weeks, onSave, onDelete, onOpen }: Props) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const [expanded, setExpanded] = useState(false);
  const id = useId();
  const channelName = (c: string) => (content.channels[c] ? pick(content.channels[c].name) : c);
  const answers = recordAnswers(r);
  const facts = [
    t(`desk.mode.${r.mode}`),
    t('desk.savedOn', { date: formatDate(localDate(new Date(r.savedAt)), lang) }),
    t('desk.contentOf', { version: formatDate(r.contentVersion, lang) }),
    r.profile?.province ? content.labels.province[r.profile.province][lang] : t(`region.options.${r.region}`),
    r.profile ? t('desk.staff', { count: r.profile.staff, staff: formatNumber(r.profile.staff, lang) }) : '',
    r.profile ? `NACE-BEL ${r.profile.nace}` : '',
  ].filter(Boolean);
  return (
    <li className="desk-entry" aria-labelledby={`${id}-name`}>
      <h3 id={`${id}-name`} className="desk-entry-name">{r.name}</h3>
      <p className="desk-entry-facts">{facts.join(' · ')}</p>
      {followUp ? <p className="desk-tag desk-tag--follow"><strong>{t('desk.followUpTag', { count: weeks })}</strong></p> : null}
      {changes?.length ? (
        <div className="desk-changed">
          <p><strong className="desk-tag desk-tag--changed">{t('desk.changedTag')}</strong> {t('desk.changedIntro', { date: formatDate(content.meta.contentVersion, lang) })}</p>
          <ul>{changes.map((c, i) => <li key={i}>{c.text}</li>)}</ul>
        </div>
      ) : null}
      {r.channels.length ? (
        <ol className="desk-channels">
          {r.channels.map((c) => {
            const s = statusOf(r, c);
            return <li key={c}>{channelName(c)}: <strong>{t(`desk.status.${s.status}`)}</strong> ({formatDate(s.date, lang)}){s.note ? `: ${s.note}` : ''}</li>;
          })}
        </ol>
      ) : <p>{t('desk.noChannels')}</p>}
      {r.notes ? <p className="desk-notes"><strong>{t('desk.notes')}:</strong> {r.notes.length > 300 ? `${r.notes.slice(0, 300)}…` : r.notes}</p> : null}
      <div className="button-group">
        <button type="button" className="button" onClick={() => onOpen(answers, 'result', { id: r.id, name: r.name })} aria-describedby={`${id}-name`}>{t('desk.openResult')}</button>
        <button type="button" className="button button--secondary" onClick={() => onOpen(answers, 'check', { id: r.id, name: r.name })} aria-describedby={`${id}-name`}>{t('desk.openAnswers')}</button>
        <button type="button" className="button button--secondary" aria-describedby={`${id}-name`}
          onClick={() => { const { clientName: _c, adviserName: _a, notes: _n, ...rest } = answers; onOpen(rest, 'check', null); }}>{t('desk.duplicate')}</button>
        <button type="button" className="button button--secondary" aria-expanded={expanded} aria-controls={`${id}-more`} onClick={() => setExpanded((x) => !x)}>
          {t(expanded ? 'desk.less' : 'desk.more')}<span className="visually-hidden"> ({r.name})</span>
        </button>
        <button type="button" className="button button--warning" onClick={onDelete}>{t('desk.delete')}<span className="visually-hidden"> ({r.name})</span></button>
      </div>
      <div id={`${id}-more`} hidden={!expanded}>
        {expanded ? (
          <>
            {r.channels.map((c) => <StatusForm key={c} record={r} channel={c} name={channelName(c)} onSave={onSave} />)}
            <Calendar record={r} weeks={weeks} />
            <PrefilledLink record={r} />
          </>
        ) : null}
      </div>
    </li>
  );
}

/** The status of one channel: what, since when, and a note. The date must be a day; the note at most MAX_STATUS_NOTE characters (both said by name). */
function StatusForm({ record, channel, name, onSave }: { record: DeskRecord; channel: string; name: string; onSave: (r: DeskRecord) => Promise<boolean> }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const current = statusOf(record, channel);
  const [status, setStatus] = useState<DeskStatus>(current.status);
  const [date, setDate] = useState(current.date);
  const [note, setNote] = useState(current.note);
  const [errors, setErrors] = useState<{ date?: string; note?: string }>({});
  const [saved, setSaved] = useState('');
  const base = `${useId()}-${channel}`;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) next.date = t('desk.statusDateError', { channel: name });
    if (note.length > MAX_STATUS_NOTE) next.note = t('desk.statusNoteError', { channel: name, limit: formatNumber(MAX_STATUS_NOTE, lang), length: formatNumber(note.length, lang) });
    setErrors(next);
    if (next.date || next.note) { setSaved(''); document.getElementById(`${base}-${next.date ? 'date' : 'note'}`)?.focus(); return; }
    const ok = await onSave({ ...record, updatedAt: new Date().toISOString(), status: { ...record.status, [channel]: { status, date, note } } });
    setSaved(ok ? t('desk.statusSaved', { channel: name, status: t(`desk.status.${status}`) }) : '');
  };
  return (
    <form className="desk-status" noValidate onSubmit={(e) => void submit(e)}>
      <fieldset className="fieldset">
        <legend className="legend desk-status-legend">{t('desk.statusOf', { channel: name })}</legend>
        <div className="desk-status-fields">
          <div className="field">
            <label className="label" htmlFor={`${base}-status`}>{t('desk.statusLabel')}</label>
            <select id={`${base}-status`} className="select" value={status} onChange={(e) => { setStatus(e.currentTarget.value as DeskStatus); setDate(localDate()); }}>
              {DESK_STATUSES.map((s) => <option key={s} value={s}>{t(`desk.status.${s}`)}</option>)}
            </select>
          </div>
          <div className={`field${errors.date ? ' field--error' : ''}`}>
            <label className="label" htmlFor={`${base}-date`}>{t('desk.statusDate')}</label>
            {errors.date ? <p className="field-error" id={`${base}-date-error`} role="alert">{errors.date}</p> : null}
            <input id={`${base}-date`} type="date" className="input input--medium" value={date} aria-invalid={errors.date ? true : undefined}
              aria-describedby={errors.date ? `${base}-date-error` : undefined} onChange={(e) => setDate(e.currentTarget.value)} />
          </div>
        </div>
        <div className={`field${errors.note ? ' field--error' : ''}`}>
          <label className="label" htmlFor={`${base}-note`}>{t('desk.statusNote')}</label>
          <p className="hint" id={`${base}-note-hint`}>{t('desk.statusNoteHint', { limit: formatNumber(MAX_STATUS_NOTE, lang) })}</p>
          {errors.note ? <p className="field-error" id={`${base}-note-error`} role="alert">{errors.note}</p> : null}
          <textarea id={`${base}-note`} className="input desk-note" rows={2} value={note} aria-invalid={errors.note ? true : undefined}
            aria-describedby={errors.note ? `${base}-note-hint ${base}-note-error` : `${base}-note-hint`} onChange={(e) => setNote(e.currentTarget.value)} />
        </div>
        <button type="submit" className="button button--secondary">{t('desk.statusSave', { channel: name })}</button>
        <p role="status" className="desk-status-saved">{saved}</p>
      </fieldset>
    </form>
  );
}
