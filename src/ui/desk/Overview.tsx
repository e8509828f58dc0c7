// The desk at a glance: how many entries, how many to follow up and how many changed, and the counts
// per status, for every channel and in total (issue 16, item 2).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../domain/format';
import { DESK_STATUSES, statusCounts, type DeskRecord } from '../../wizard/desk/record';
import { content, useLang } from '../content';

export function Overview({ records, dueCount, changedCount, weeks }: { records: readonly DeskRecord[]; dueCount: number; changedCount: number; weeks: number }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const counts = useMemo(() => statusCounts(records), [records]);
  const n = (x: number) => formatNumber(x, lang);
  const rows = [...counts.byChannel].sort(([a], [b]) => (content.channels[a] ? pick(content.channels[a].name) : a).localeCompare(content.channels[b] ? pick(content.channels[b].name) : b, lang));
  return (
    <section aria-labelledby="desk-overview-title">
      <h2 id="desk-overview-title">{t('desk.overviewTitle')}</h2>
      <ul className="desk-summary">
        <li>{t('desk.countEntries', { count: records.length, n: n(records.length) })}</li>
        <li>{t('desk.countFollowUp', { count: dueCount, n: n(dueCount), weeks })}</li>
        <li>{t('desk.countChanged', { count: changedCount, n: n(changedCount) })}</li>
      </ul>
      <table className="table desk-counts" tabIndex={0}>
        <caption>{t('desk.countsCaption')}</caption>
        <thead>
          <tr><th scope="col">{t('desk.channel')}</th>{DESK_STATUSES.map((s) => <th scope="col" key={s}>{t(`desk.status.${s}`)}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map(([c, row]) => (
            <tr key={c}><th scope="row">{content.channels[c] ? pick(content.channels[c].name) : c}</th>{DESK_STATUSES.map((s) => <td key={s}>{n(row[s])}</td>)}</tr>
          ))}
        </tbody>
        <tfoot>
          <tr><th scope="row">{t('desk.total')}</th>{DESK_STATUSES.map((s) => <td key={s}>{n(counts.total[s])}</td>)}</tr>
        </tfoot>
      </table>
    </section>
  );
}
