// The intermediary's desk (issue 16; `?desk`, loaded only when opened): the clients (accountants) and
// intakes (advisors) saved on this device, found by search and order, each with its status per
// recommended channel, what changed in its referral since it was saved, a follow-up calendar file, a
// prefilled link for the client, and the desk's export, import and passphrase. Nothing leaves the device.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, localDate } from '../../domain/format';
import type { Answers, Step } from '../../wizard/answers';
import { DESK_SORTS, matchesSearch, needsFollowUp, sortRecords, type DeskRecord, type DeskSort } from '../../wizard/desk/record';
import { recordChanges, type RecordChange } from '../../wizard/desk/changes';
import { serialiseSaved } from '../../wizard/persistence';
import { PageHeading } from '../components/PageHeading';
import { content, useLang } from '../content';
import { showPageTitle } from '../page-title';
import { DeskEntry } from './DeskEntry';
import { Overview } from './Overview';
import { Passphrase, Unlock } from './Passphrase';
import { ExportButtons, Transfer } from './Transfer';
import { leaveDeskHandoff } from './handoff';
import { useDesk, useRecordChanges } from './use-desk';
import './desk.css';

/** Entries shown at first, and added by "show more": the list stays quick with thousands saved. */
const PAGE = 50;

export default function DeskPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const desk = useDesk(content, lang);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<DeskSort>('followUp');
  const [shown, setShown] = useState(PAGE);
  /** The last thing done, said in the live region; with the deleted record for "undo". */
  const [message, setMessage] = useState<{ text: string; undo?: DeskRecord } | null>(null);
  const [now] = useState(() => new Date());
  const weeks = desk.settings.followUpWeeks;
  const { changes, done } = useRecordChanges<RecordChange>(desk.records, lang, (r) => recordChanges(r, content, lang));

  useEffect(() => { showPageTitle(t); }, [t, desk.phase]);
  useEffect(() => { document.querySelector<HTMLElement>('main h1')?.focus(); }, []);

  const list = useMemo(() => sortRecords(desk.records.filter((r) => matchesSearch(r, query, content, lang)), sort, now, weeks, lang),
    [desk.records, query, sort, now, weeks, lang]);
  const dueCount = useMemo(() => desk.records.filter((r) => needsFollowUp(r, now, weeks)).length, [desk.records, now, weeks]);

  /** Opens answers in the wizard (a full load of the app, so the browser's back button returns here). */
  const open = (answers: Answers, step: Step, entry: { id: string; name: string } | null) => {
    if (!leaveDeskHandoff(serialiseSaved(answers, step), entry)) { setMessage({ text: t('desk.openRefused') }); return; }
    location.assign(location.pathname);
  };
  const remove = async (r: DeskRecord) => {
    if (await desk.remove(r)) setMessage({ text: t('desk.deleted', { name: r.name }), undo: r });
  };
  const undo = async (r: DeskRecord) => {
    if (await desk.save([r])) setMessage({ text: t('desk.restored', { name: r.name }) });
  };

  if (desk.phase === 'opening') {
    return (
      <>
        <PageHeading>{t('desk.title')}</PageHeading>
        <p className="loading" role="status">{desk.progress && desk.progress.total > 0
          ? t('desk.reading', { read: formatNumber(desk.progress.read, lang), total: formatNumber(desk.progress.total, lang) }) : t('desk.opening')}</p>
      </>
    );
  }
  if (desk.phase === 'blocked') {
    return (
      <div className="desk">
        <PageHeading>{t('desk.title')}</PageHeading>
        <div className="panel panel--warning" role="alert">
          <h2>{t('desk.blockedTitle')}</h2>
          <p>{t('desk.blockedText')}</p>
          <p>{t('desk.blockedKept')}</p>
        </div>
        <p><a href="./">{t('desk.toStart')}</a></p>
      </div>
    );
  }
  if (desk.phase === 'locked') return <div className="desk"><PageHeading>{t('desk.title')}</PageHeading><Unlock onUnlock={desk.unlock} /></div>;

  const remaining = desk.records.length - done;
  return (
    <div className="desk">
      <PageHeading>{t('desk.title')}</PageHeading>
      <p className="lead">{t('desk.lead')}</p>
      <p className="hint">{t('desk.private')}</p>

      {desk.problem ? (
        <div className="panel panel--warning" role="alert">
          <h2>{t(`desk.problem.${desk.problem}Title`)}</h2>
          <p>{t(`desk.problem.${desk.problem}`)}</p>
          <ExportButtons records={desk.records} />
        </div>
      ) : null}
      {desk.unreadable.length ? (
        <div className="panel panel--warning">
          <h2>{t('desk.unreadableTitle', { count: desk.unreadable.length })}</h2>
          <p>{t('desk.unreadableText')}</p>
        </div>
      ) : null}

      <div className="desk-message" role="status">
        {message ? (
          <p>
            {message.text}{' '}
            {message.undo ? <button type="button" className="link-button" onClick={() => void undo(message.undo!)}>{t('desk.undo', { name: message.undo.name })}</button> : null}
          </p>
        ) : null}
      </div>

      {desk.records.length === 0 ? (
        <div className="panel">
          <h2>{t('desk.emptyTitle')}</h2>
          <p>{t('desk.emptyText')}</p>
          <p><a href="./">{t('desk.toStart')}</a></p>
        </div>
      ) : (
        <>
          <Overview records={desk.records} dueCount={dueCount} changedCount={changes.size} weeks={weeks} />
          <p className="desk-changes-status" role="status">
            {remaining > 0 ? t('desk.checking', { done: formatNumber(done, lang), total: formatNumber(desk.records.length, lang) })
              : t('desk.checked', { count: desk.records.length, total: formatNumber(desk.records.length, lang), changed: formatNumber(changes.size, lang), version: content.meta.contentVersion })}
          </p>

          <section aria-labelledby="desk-list-title">
            <h2 id="desk-list-title">{t('desk.listTitle')}</h2>
            <div className="desk-tools">
              <div className="field">
                <label className="label" htmlFor="desk-search">{t('desk.search')}</label>
                <p className="hint" id="desk-search-hint">{t('desk.searchHint')}</p>
                <input id="desk-search" type="search" className="input" value={query} aria-describedby="desk-search-hint"
                  onChange={(e) => { setQuery(e.currentTarget.value); setShown(PAGE); }} />
              </div>
              <div className="field">
                <label className="label" htmlFor="desk-sort">{t('desk.sort')}</label>
                <select id="desk-sort" className="select input--medium" value={sort} onChange={(e) => setSort(e.currentTarget.value as DeskSort)}>
                  {DESK_SORTS.map((s) => <option key={s} value={s}>{t(`desk.sorts.${s}`, { count: weeks })}</option>)}
                </select>
              </div>
            </div>
            <p>{query ? t('desk.found', { count: list.length, shown: formatNumber(Math.min(shown, list.length), lang), total: formatNumber(list.length, lang) })
              : t('desk.showing', { count: list.length, shown: formatNumber(Math.min(shown, list.length), lang), total: formatNumber(list.length, lang) })}</p>
            <ul className="desk-list">
              {list.slice(0, shown).map((r) => (
                <DeskEntry key={r.id} record={r} changes={changes.get(r.id)} checked={done >= desk.records.length} followUp={needsFollowUp(r, now, weeks)} weeks={weeks}
                  onSave={(next) => desk.save([next])} onDelete={() => void remove(r)} onOpen={open} />
              ))}
            </ul>
            {list.length > shown ? (
              <button type="button" className="button button--secondary" onClick={() => setShown((n) => n + PAGE)}>
                {t('desk.showMore', { count: Math.min(PAGE, list.length - shown) })}
              </button>
            ) : null}
          </section>
        </>
      )}

      <Transfer desk={desk} />
      <Passphrase desk={desk} />
      <FollowUpSetting weeks={weeks} onSave={(w) => desk.saveSettings({ ...desk.settings, followUpWeeks: w })} />
      <p className="desk-today hint">{t('desk.today', { date: localDate(now) })}</p>
    </div>
  );
}

/** After how many weeks an entry whose status never moved comes first; a whole number from 1 to 52, else said. */
function FollowUpSetting({ weeks, onSave }: { weeks: number; onSave: (weeks: number) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(String(weeks));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  return (
    <section aria-labelledby="desk-followup-title">
      <h2 id="desk-followup-title">{t('desk.followUpTitle')}</h2>
      <form noValidate onSubmit={(e) => {
        e.preventDefault();
        const n = Number(value.trim());
        if (!/^\d+$/.test(value.trim()) || n < 1 || n > 52) { setError(t('desk.followUpWeeksError', { value: value.trim() })); setSaved(false); input.current?.focus(); return; }
        setError(null);
        void onSave(n).then(setSaved);
      }}>
        <div className={`field${error ? ' field--error' : ''}`}>
          <label className="label" htmlFor="desk-weeks">{t('desk.followUpWeeks')}</label>
          <p className="hint" id="desk-weeks-hint">{t('desk.followUpWeeksHint')}</p>
          {error ? <p className="field-error" id="desk-weeks-error" role="alert">{error}</p> : null}
          <input ref={input} id="desk-weeks" className="input input--short" inputMode="numeric" value={value} aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'desk-weeks-hint desk-weeks-error' : 'desk-weeks-hint'} onChange={(e) => { setValue(e.currentTarget.value); setSaved(false); }} />
        </div>
        <button type="submit" className="button button--secondary">{t('desk.followUpSave')}</button>
        <p role="status">{saved ? t('desk.followUpSaved', { count: weeks }) : ''}</p>
      </form>
    </section>
  );
}
