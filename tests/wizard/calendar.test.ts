// The follow-up and deadline calendar files, parsed back with ical.js (another RFC 5545 implementation),
// and the call deadlines content knows for a referral.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Content } from '../../src/domain/content-model';
import { INNOVATION_BY_SEGMENT } from '../../src/domain/profile-space';
import { refer } from '../../src/domain/refer';
import { savedReferral } from '../../src/domain/referral-changes';
import type { Profile } from '../../src/domain/types';
import { deadlineIcs, followUpIcs, knownDeadlines, type KnownDeadline } from '../../src/wizard/calendar';
import { content } from '../helpers';

const NOW = new Date('2026-11-30T14:05:00Z');
const URL_ = 'https://innovatiewijzer.example/#r=eyJ2IjoxfQ';

/** The one VEVENT of an .ics text, as ical.js reads it (throws when the text is not iCalendar). */
function eventOf(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  expect(String(calendar.getFirstPropertyValue('prodid'))).toMatch(/Innovatiewijzer/);
  const events = calendar.getAllSubcomponents('vevent');
  expect(events).toHaveLength(1);
  return { vevent: events[0]!, event: new ICAL.Event(events[0]!) };
}

/** A young developing micro firm looking for financing: the VLAIO support for innovative starters (which has calls) is recommended. */
const STARTER: Profile = { region: 'flanders', province: 'antwerpen', staff: 3, turnoverEur: 200_000, balanceSheetEur: 150_000, nace: '62.01', innovation: INNOVATION_BY_SEGMENT.developer, needs: ['financing'] };

/** content/ with calls of the starters' support: one open, one expected, one passed; and one of an instrument no rule of the firm names. */
function withCalls(): Content {
  const c = structuredClone(content());
  const vp = c.channels['vlaio-project']!;
  const base = { instrument: 'innovative-starters', source: 'https://www.vlaio.be/nl/test-call', checked: '2026-11-30' };
  vp.calls.push(
    { ...base, id: 'iss-test-expected', title: { nl: 'Verwachte oproep', en: 'Expected call', fr: 'Appel attendu' }, opens: '2027-06-01', closes: '2027-09-15', expected: true },
    { ...base, id: 'iss-test-open', title: { nl: 'Oproep innovatieve starters 2027', en: 'Innovative starters call 2027', fr: 'Appel starters innovants 2027' }, opens: '2026-11-01', closes: '2027-01-20' },
    { ...base, id: 'iss-test-passed', title: { nl: 'Oude oproep', en: 'Old call', fr: 'Ancien appel' }, closes: '2026-11-29' },
    { ...base, id: 'baek-test', instrument: 'baekeland', title: { nl: 'Baekeland', en: 'Baekeland', fr: 'Baekeland' }, closes: '2027-03-31' },
  );
  return c;
}

describe('followUpIcs', () => {
  it('makes an all-day event N weeks from today about the client, with the channels and the link, that ical.js reads back', () => {
    const c = content();
    const ics = followUpIcs({ content: c, firm: 'Bakkerij De Smet; "Bakker, & zn."', weeksFromNow: 6, url: URL_, lang: 'nl', channels: ['led', 'kmo-portefeuille'], referredOn: '2026-11-30', now: NOW });
    expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const { vevent, event } = eventOf(ics);
    expect(event.summary).toBe('Opvolgen: Bakkerij De Smet; "Bakker, & zn." (Innovatiewijzer)');
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2027-01-11');
    expect(event.description).toBe([
      'Vraag Bakkerij De Smet; "Bakker, & zn." of ze contact had met de aanbevolen kanalen en wat het resultaat was.',
      `Aanbevolen: ${c.channels.led!.name.nl}; ${c.channels['kmo-portefeuille']!.name.nl}.`,
      `Verwijzing van 30 november 2026: ${URL_}`,
    ].join('\n'));
    expect(event.uid).toMatch(/^followup-[0-9a-f]{8}@innovatiewijzer$/);
    expect(vevent.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-11-30T14:05:00Z');
    expect(vevent.getFirstPropertyValue('url')).toBe(URL_);
    expect(vevent.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
  });

  it('makes a timed event on a given day in English and French, with a stable UID per entry', () => {
    const en = followUpIcs({ content: content(), firm: 'Metaal NV', date: '2027-02-03', time: '09:30', durationMinutes: 45, url: URL_, lang: 'en', channels: [], referredOn: '2026-11-30', id: 'desk-42', now: NOW });
    const { event } = eventOf(en);
    expect(event.summary).toBe('Follow up: Metaal NV (Innovatiewijzer)');
    expect(event.startDate.isDate).toBe(false);
    expect(event.startDate.toString()).toBe('2027-02-03T09:30:00');
    expect(event.endDate.toString()).toBe('2027-02-03T10:15:00');
    // Floating: the wall-clock time of the calendar, no time zone.
    expect(en).toMatch(/\r\nDTSTART:20270203T093000\r\n/);
    expect(event.startDate.zone?.tzid ?? 'floating').toBe('floating');
    expect(event.description).toBe(`Ask Metaal NV whether it reached the recommended channels and with what result.\nReferral of 30 November 2026: ${URL_}`);
    const fr = eventOf(followUpIcs({ content: content(), firm: 'Metaal NV', weeksFromNow: 2, url: URL_, lang: 'fr', channels: ['led'], referredOn: '2026-11-30', id: 'desk-42', now: new Date('2026-12-05T08:00:00Z') })).event;
    expect(fr.summary).toBe('Suivi : Metaal NV (Innovatiewijzer)');
    expect(fr.description).toMatch(/^Demandez à Metaal NV si elle a contacté les canaux recommandés/);
    expect(fr.uid).toBe(event.uid);
  });

  it('works on a page without crypto.randomUUID (plain HTTP): ical-generator asks for one before our UID replaces it', () => {
    const crypto = globalThis.crypto;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true, writable: true });
    try {
      const { event } = eventOf(followUpIcs({ content: content(), firm: 'X', weeksFromNow: 1, url: URL_, lang: 'en', channels: [], referredOn: '2026-11-30', now: NOW }));
      expect(event.uid).toMatch(/^followup-[0-9a-f]{8}@innovatiewijzer$/);
      expect(String((crypto.randomUUID as () => string)())).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      Reflect.deleteProperty(crypto, 'randomUUID');
    }
    expect(typeof globalThis.crypto.randomUUID).toBe('function');
  });

  it('refuses what it cannot make, naming the field', () => {
    const base = { content: content(), firm: 'X', url: URL_, lang: 'nl' as const, channels: [], referredOn: '2026-11-30', now: NOW };
    expect(() => followUpIcs({ ...base, firm: '  ', weeksFromNow: 2 })).toThrow(/firm/);
    expect(() => followUpIcs(base)).toThrow(/exactly one of weeksFromNow and date/);
    expect(() => followUpIcs({ ...base, weeksFromNow: 2, date: '2027-01-01' })).toThrow(/exactly one/);
    expect(() => followUpIcs({ ...base, weeksFromNow: 0 })).toThrow(/weeksFromNow/);
    expect(() => followUpIcs({ ...base, weeksFromNow: 1.5 })).toThrow(/weeksFromNow/);
    expect(() => followUpIcs({ ...base, date: '2027-02-30' })).toThrow(/date must be a day/);
    expect(() => followUpIcs({ ...base, date: '2027-02-03', time: '25:00' })).toThrow(/time/);
    expect(() => followUpIcs({ ...base, date: '2027-02-03', time: '10:00', durationMinutes: 0 })).toThrow(/durationMinutes/);
    expect(() => followUpIcs({ ...base, weeksFromNow: 2, referredOn: 'yesterday' })).toThrow(/referredOn/);
  });
});

describe('knownDeadlines', () => {
  it('gives the calls still to come of the instruments the recommended channels\' rules name, soonest first, from a Referral or a saved one', () => {
    const c = withCalls();
    const r = refer(STARTER, c, 'en', 'about', '2026-11-30');
    expect(r.recommendations.some((x) => x.channel === 'vlaio-project')).toBe(true);
    const deadlines = knownDeadlines(r, c, '2026-11-30');
    expect(deadlines.map((d) => [d.call, d.closes, d.expected])).toEqual([['iss-test-open', '2027-01-20', false], ['iss-test-expected', '2027-09-15', true]]);
    expect(deadlines[0]).toMatchObject({ channel: 'vlaio-project', instrument: 'innovative-starters', instrumentName: c.channels['vlaio-project']!.instruments.find((i) => i.id === 'innovative-starters')!.name, source: 'https://www.vlaio.be/nl/test-call', checked: '2026-11-30', opens: '2026-11-01' });
    expect(knownDeadlines(savedReferral(r, c), c, '2026-11-30')).toEqual(deadlines);
    // The closing day itself is still offered; the day after, not.
    expect(knownDeadlines(r, c, '2027-01-20').map((d) => d.call)).toEqual(['iss-test-open', 'iss-test-expected']);
    expect(knownDeadlines(r, c, '2027-01-21').map((d) => d.call)).toEqual(['iss-test-expected']);
  });

  it('finds the one call content/ knows today only before it closed (2 March 2022), and none after', () => {
    const r = refer(STARTER, content(), 'nl', 'you', '2022-01-10');
    expect(knownDeadlines(r, content(), '2022-01-10').map((d) => [d.call, d.closes])).toEqual([['iss-2022', '2022-03-02']]);
    expect(knownDeadlines(r, content(), '2026-11-30')).toEqual([]);
  });
});

describe('deadlineIcs', () => {
  const deadline = (c: Content, call: string): KnownDeadline => knownDeadlines(refer(STARTER, c, 'en'), c, '2026-11-30').find((d) => d.call === call)!;

  it('makes an all-day event on the closing day with the source and a reminder a week before', () => {
    const c = withCalls();
    const ics = deadlineIcs({ content: c, firm: 'Start-up BV', deadline: deadline(c, 'iss-test-open'), url: URL_, referredOn: '2026-11-30', lang: 'en', now: NOW });
    const { vevent, event } = eventOf(ics);
    const name = c.channels['vlaio-project']!.instruments.find((i) => i.id === 'innovative-starters')!.name.en;
    expect(event.summary).toBe(`Deadline ${name}: Start-up BV`);
    expect(event.startDate.toString()).toBe('2027-01-20');
    expect(event.startDate.isDate).toBe(true);
    expect(event.description).toBe(`Innovative starters call 2027 closes on 20 January 2027. Source: https://www.vlaio.be/nl/test-call (checked on 30 November 2026); check the hour and the conditions on that page.\nReferral of 30 November 2026: ${URL_}`);
    expect(event.uid).toMatch(/^deadline-iss-test-open-[0-9a-f]{8}@innovatiewijzer$/);
    const alarm = vevent.getFirstSubcomponent('valarm')!;
    expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(alarm.getFirstPropertyValue('trigger')!.toString()).toBe('-P7D');
  });

  it('says an expected deadline is not confirmed, in Dutch, and leaves the reminder out when asked', () => {
    const c = withCalls();
    const { vevent, event } = eventOf(deadlineIcs({ content: c, firm: 'Start-up BV', deadline: deadline(c, 'iss-test-expected'), url: URL_, referredOn: '2026-11-30', lang: 'nl', remindDaysBefore: 0, now: NOW }));
    expect(event.summary).toMatch(/^Verwachte deadline .* \(nog niet bevestigd\): Start-up BV$/);
    expect(event.description).toMatch(/^Verwachte oproep sluit op 15 september 2027\. Bron: /);
    expect(vevent.getFirstSubcomponent('valarm')).toBeNull();
    expect(() => deadlineIcs({ content: c, firm: 'X', deadline: deadline(c, 'iss-test-open'), url: URL_, referredOn: '2026-11-30', lang: 'nl', remindDaysBefore: 61 })).toThrow(/remindDaysBefore/);
  });
});
