// Follow-up without a server (issue 16, item 4): calendar files (.ics, RFC 5545) made on the device, to
// follow up with the client after the desk's number of weeks, and for each known call deadline of a
// recommended instrument. The code that writes them (ical-generator) loads only when one is asked for.
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knownDeadlines } from '../../domain/deadlines';
import { formatDate, localDate } from '../../domain/format';
import type { DeskRecord } from '../../wizard/desk/record';
import { content, useLang } from '../content';
import { download } from '../download';
import type * as calendar from '../../wizard/calendar';

type CalendarModule = typeof calendar;

/** A file name part from the firm's name: letters and digits, the rest as hyphens. */
const slug = (name: string) => name.normalize('NFKD').replace(/[^\w]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).toLowerCase() || 'firm';

export function Calendar({ record, weeks }: { record: DeskRecord; weeks: number }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const id = useId();
  const [failed, setFailed] = useState(false);
  const deadlines = useMemo(() => (record.referral ? knownDeadlines(record.referral, content) : []), [record.referral]);
  const url = `${location.origin}${location.pathname}?desk`;
  const referredOn = localDate(new Date(record.savedAt));
  const make = async (build: (m: CalendarModule) => string, file: string) => {
    try {
      const m = await import('../../wizard/calendar');
      download(build(m), file, m.ICS_TYPE);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };
  return (
    <section className="desk-calendar" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('desk.calendarTitle')}</h4>
      <p className="hint">{t('desk.calendarHint')}</p>
      <div className="button-group">
        <button type="button" className="button button--secondary" onClick={() => void make((m) => m.followUpIcs({
          content, firm: record.name, weeksFromNow: weeks, url, lang, channels: record.channels, referredOn, id: record.id,
        }), `follow-up-${slug(record.name)}.ics`)}>
          {t('desk.calendarFollowUp', { count: weeks })}
        </button>
        {deadlines.map((d) => (
          <button key={d.call} type="button" className="button button--secondary" onClick={() => void make((m) => m.deadlineIcs({
            content, firm: record.name, deadline: d, url, lang, referredOn, id: record.id,
          }), `deadline-${d.call}-${slug(record.name)}.ics`)}>
            {t(d.expected ? 'desk.calendarDeadlineExpected' : 'desk.calendarDeadline', { instrument: pick(d.instrumentName), date: formatDate(d.closes, lang) })}
          </button>
        ))}
      </div>
      {deadlines.length ? null : <p>{t('desk.calendarNoDeadline')}</p>}
      <p role="status">{failed ? t('desk.calendarFailed') : ''}</p>
    </section>
  );
}
