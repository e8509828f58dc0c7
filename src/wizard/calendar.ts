// Follow-up without a server: calendar files (.ics, RFC 5545) made on the device with ical-generator,
// to ask a client after N weeks whether it reached the recommended channels, and to remember a known
// call deadline of a recommended instrument. Texts are content (content/engine-texts.yaml `calendar`),
// written about the firm (client and intake mode). Import this module only where a file is made (the
// desk): ical-generator then stays out of the first load.
import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventTransparency } from 'ical-generator';
import type { Content } from '../domain/content-model';
import { knownDeadlines, type KnownDeadline } from '../domain/deadlines';
import { formatDate, localDate } from '../domain/format';
import { fill } from '../domain/template';
import type { Lang, Text } from '../domain/types';

export { knownDeadlines, type KnownDeadline };

/** The media type of the files made here (for a download's Blob). */
export const ICS_TYPE = 'text/calendar;charset=utf-8';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A YYYY-MM-DD day as a Date at 00:00 UTC (ical-generator writes an all-day date from the UTC fields); throws RangeError when it is no day. */
function utcDay(day: string, what: string): Date {
  const m = ISO_DAY.exec(day);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!d || d.toISOString().slice(0, 10) !== day) throw new RangeError(`${what} must be a day written YYYY-MM-DD (got ${JSON.stringify(day)})`);
  return d;
}

/** `day` plus `n` days, YYYY-MM-DD. */
const addDays = (day: string, n: number) => new Date(utcDay(day, 'day').getTime() + n * 86_400_000).toISOString().slice(0, 10);

/** A short stable hash (FNV-1a, 32 bits, hex) for a UID made from what identifies the event. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** A text in `lang` (the browser's content holds one language), else the first it holds. */
const pick = (t: Partial<Text> | undefined, lang: Lang) => t?.[lang] ?? Object.values(t ?? {})[0] ?? '';

/**
 * ical-generator gives every event a random id first (crypto.randomUUID, then ours replaces it), and
 * browsers offer randomUUID only on secure pages (HTTPS, localhost). On a page served over plain HTTP
 * (an office server) it is missing: an RFC 4122 version 4 id from getRandomValues, which every page has.
 */
function ensureRandomUuid() {
  const c = globalThis.crypto as Crypto | undefined;
  if (!c || typeof c.randomUUID === 'function') return;
  Object.defineProperty(c, 'randomUUID', {
    configurable: true,
    value: () => {
      const b = c.getRandomValues(new Uint8Array(16));
      b[6] = (b[6]! & 0x0f) | 0x40;
      b[8] = (b[8]! & 0x3f) | 0x80;
      const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  });
}

function calendar(lang: Lang) {
  ensureRandomUuid();
  return ical({ prodId: { company: 'Innovatiewijzer', product: 'Innovatiewijzer', language: lang.toUpperCase() }, method: ICalCalendarMethod.PUBLISH });
}

/** What a follow-up reminder needs. */
export interface FollowUpInput {
  /** Texts (engine-texts.yaml `calendar`) and channel names, in `lang`. */
  content: Content;
  /** The client's or firm's name as the user typed it (any characters: they are escaped). Must not be blank. */
  firm: string;
  /** When: in this many whole weeks (1 to 104) from today, ... */
  weeksFromNow?: number;
  /** ... or on this day (YYYY-MM-DD). Exactly one of the two. */
  date?: string;
  /** A time of day "HH:MM" (24 h, the calendar's own local time: a floating time in RFC 5545 terms); without it an all-day event. */
  time?: string;
  /** The length of a timed event in minutes (default 30). */
  durationMinutes?: number;
  /** The link back to the referral (the desk entry or the result), in the description and as URL. */
  url: string;
  lang: Lang;
  /** The recommended channels (ids, best first), named in the description (a line left out when empty). */
  channels: readonly string[];
  /** The day of the referral (YYYY-MM-DD), said with the link. */
  referredOn: string;
  /**
   * What identifies the follow-up (e.g. the desk entry's id): the UID is made from it, so a file made
   * again for the same entry (another day) updates the event in the calendar instead of adding one.
   * Default: the url and the firm.
   */
  id?: string;
  /** "Now" (DTSTAMP, and today for weeksFromNow); default the device's clock. */
  now?: Date;
}

/**
 * An .ics file (RFC 5545 text, CRLF lines) with one event to follow up a referral: summary "Follow up:
 * <firm> (Innovatiewijzer)", a description asking whether the firm reached the recommended channels,
 * then the channels, then the referral's day and link; all-day on the day (weeksFromNow weeks after today, on the device's
 * calendar, or `date`), or timed at `time` for `durationMinutes`. UID `followup-<hash>@innovatiewijzer`
 * (stable, see `id`), DTSTAMP `now`, TRANSP TRANSPARENT (it does not block the day).
 * Throws RangeError for a blank firm, a referredOn that is no day, both or neither of weeksFromNow and date, weeks outside
 * 1-104, a day or time that does not exist, or a duration outside 5-480 minutes.
 */
export function followUpIcs(input: FollowUpInput): string {
  const { content, firm, lang, url } = input;
  const now = input.now ?? new Date();
  if (!firm.trim()) throw new RangeError('firm must not be blank');
  if ((input.weeksFromNow === undefined) === (input.date === undefined)) throw new RangeError('give exactly one of weeksFromNow and date');
  if (input.weeksFromNow !== undefined && !(Number.isInteger(input.weeksFromNow) && input.weeksFromNow >= 1 && input.weeksFromNow <= 104)) {
    throw new RangeError(`weeksFromNow must be a whole number of weeks from 1 to 104 (got ${input.weeksFromNow})`);
  }
  const day = input.date ?? addDays(localDate(now), input.weeksFromNow! * 7);
  const start = utcDay(day, 'date');
  const T = content.engineTexts.calendar;
  // Channel names hold commas and colons: joined with semicolons.
  const channels = input.channels.map((id) => pick(content.channels[id]?.name, lang) || id).join('; ');
  utcDay(input.referredOn, 'referredOn');
  const cal = calendar(lang);
  const event = {
    id: `followup-${hash(input.id ?? `${url}\n${firm}`)}@innovatiewijzer`,
    stamp: now,
    summary: fill(pick(T.followUpSummary, lang), { firm }),
    description: [
      fill(pick(T.followUpDescription, lang), { firm }),
      ...(channels ? [fill(pick(T.followUpChannels, lang), { channels })] : []),
      fill(pick(T.referralLink, lang), { date: formatDate(input.referredOn, lang), url }),
    ].join('\n'),
    url,
    transparency: ICalEventTransparency.TRANSPARENT,
  };
  if (input.time === undefined) {
    cal.createEvent({ ...event, start, allDay: true });
  } else {
    const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(input.time);
    if (!m) throw new RangeError(`time must be HH:MM from 00:00 to 23:59 (got ${JSON.stringify(input.time)})`);
    const minutes = input.durationMinutes ?? 30;
    if (!(Number.isInteger(minutes) && minutes >= 5 && minutes <= 480)) throw new RangeError(`durationMinutes must be a whole number from 5 to 480 (got ${minutes})`);
    // Floating: the wall-clock time wherever the calendar is (ical-generator reads the UTC fields, without "Z").
    const at = new Date(start.getTime() + (Number(m[1]) * 60 + Number(m[2])) * 60_000);
    cal.createEvent({ ...event, start: at, end: new Date(at.getTime() + minutes * 60_000), floating: true });
  }
  return cal.toString();
}

/** What a deadline reminder needs. */
export interface DeadlineInput {
  /** Texts (engine-texts.yaml `calendar`), in `lang`. */
  content: Content;
  /** The client's or firm's name as typed. Must not be blank. */
  firm: string;
  /** One of knownDeadlines(...): the instrument, the call, its closing day and source. */
  deadline: KnownDeadline;
  /** The link back to the referral. */
  url: string;
  /** The day of the referral (YYYY-MM-DD), said with the link. */
  referredOn: string;
  lang: Lang;
  /** A reminder (VALARM, display) this many days before the deadline (0 to 60; default 7; 0: none). */
  remindDaysBefore?: number;
  /** As FollowUpInput.id: identifies the entry, so the UID (with the call's id) is stable. */
  id?: string;
  /** DTSTAMP; default the device's clock. */
  now?: Date;
}

/**
 * An .ics file with one all-day event on a call's closing day: summary "Deadline <instrument>: <firm>"
 * ("Expected deadline ... (not yet confirmed)" for an expected call), a description with the call,
 * its closing day, the source page and the day it was checked (the hour is on that page), then the
 * referral's day and link; a display alarm `remindDaysBefore` days before. UID `deadline-<call>-<hash>@innovatiewijzer`,
 * DTSTAMP `now`. Throws RangeError for a blank firm, a closing or referral day that does not exist or a reminder outside 0-60 days.
 */
export function deadlineIcs(input: DeadlineInput): string {
  const { content, firm, lang, url, deadline } = input;
  if (!firm.trim()) throw new RangeError('firm must not be blank');
  utcDay(input.referredOn, 'referredOn');
  const remind = input.remindDaysBefore ?? 7;
  if (!(Number.isInteger(remind) && remind >= 0 && remind <= 60)) throw new RangeError(`remindDaysBefore must be a whole number from 0 to 60 (got ${remind})`);
  const T = content.engineTexts.calendar;
  const instrument = pick(deadline.instrumentName, lang);
  const summary = fill(pick(deadline.expected ? T.deadlineExpectedSummary : T.deadlineSummary, lang), { instrument, firm });
  const cal = calendar(lang);
  cal.createEvent({
    id: `deadline-${deadline.call}-${hash(input.id ?? `${url}\n${firm}`)}@innovatiewijzer`,
    stamp: input.now ?? new Date(),
    start: utcDay(deadline.closes, 'deadline.closes'),
    allDay: true,
    summary,
    description: [
      fill(pick(T.deadlineDescription, lang), { call: pick(deadline.title, lang), closes: formatDate(deadline.closes, lang), source: deadline.source, checked: formatDate(deadline.checked, lang) }),
      fill(pick(T.referralLink, lang), { date: formatDate(input.referredOn, lang), url }),
    ].join('\n'),
    url,
    transparency: ICalEventTransparency.TRANSPARENT,
    alarms: remind > 0 ? [{ type: ICalAlarmType.display, triggerBefore: remind * 86_400, description: summary }] : [],
  });
  return cal.toString();
}
