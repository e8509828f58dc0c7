// The call deadlines a firm can put in its calendar: those of the instruments its recommendations
// point to, as content/ knows them (a channel's `calls`, each with its source). Pure.
import type { Content } from './content-model';
import { localDate } from './format';
import type { SavedReferral } from './referral-changes';
import type { Referral, RegionReferral, Text } from './types';

/** One call deadline of a recommended instrument (content/channels/<channel>.yaml `calls`). */
export interface KnownDeadline {
  /** The recommended channel whose rules name the instrument. */
  channel: string;
  /** Instrument id (the channel's `instruments`). */
  instrument: string;
  /** The instrument's name (the channel's name when the call is the channel's own). */
  instrumentName: Text;
  /** The call's id and title. */
  call: string;
  title: Text;
  /** The day applications open, where known (YYYY-MM-DD). */
  opens?: string;
  /** The last day to apply (YYYY-MM-DD); the hour is on the source page. */
  closes: string;
  /** Announced or expected, not yet confirmed by the call text. */
  expected: boolean;
  /** The page the call was read on, the day it was checked (YYYY-MM-DD), and the page's own date where it shows one. */
  source: string;
  checked: string;
  pageDate?: string;
}

/**
 * The call deadlines still to come (closing on `on` or later; default: the device's day) of the
 * instruments that the positive rules of the recommended channels name (content/rules.yaml
 * `instrument`), from the channels' `calls` in `content` (each call carries its source and checked
 * date; a call known only by its opening has no deadline and is left out). Soonest first, then by
 * channel rank. Works on a Referral, a RegionReferral or a SavedReferral (its rule ids, read against the current
 * content: a rule that no longer exists names nothing). Facts of kind `call` are prose, not dates,
 * and are not read. Never throws.
 */
export function knownDeadlines(referral: Referral | RegionReferral | SavedReferral, content: Content, on: string = localDate()): KnownDeadline[] {
  const ruleById = new Map(content.rules.map((r) => [r.id, r]));
  const recommended = 'recommendations' in referral
    ? referral.recommendations.map((r) => ({ channel: r.channel, rank: r.rank, rules: r.rules }))
    : referral.channels.flatMap((c) => (c.status === 'recommended' ? [{ channel: c.channel, rank: c.rank, rules: c.rules }] : []));
  const out: Array<KnownDeadline & { rank: number }> = [];
  for (const { channel: id, rank, rules } of recommended) {
    const channel = content.channels[id];
    if (!channel) continue;
    const instruments = new Set(rules.flatMap((r) => {
      const rule = ruleById.get(r);
      return rule && rule.weight > 0 && rule.channel === id && rule.instrument ? [rule.instrument] : [];
    }));
    for (const call of channel.calls) {
      if (!instruments.has(call.instrument) || call.closes === undefined || call.closes < on) continue;
      const instrument = channel.instruments.find((i) => i.id === call.instrument);
      out.push({
        channel: id,
        rank,
        instrument: call.instrument,
        instrumentName: instrument?.name ?? channel.name,
        call: call.id,
        title: call.title,
        ...(call.opens ? { opens: call.opens } : {}),
        closes: call.closes,
        expected: call.expected === true,
        source: call.source,
        checked: call.checked,
        ...(call.pageDate ? { pageDate: call.pageDate } : {}),
      });
    }
  }
  return out.sort((a, b) => a.closes.localeCompare(b.closes) || a.rank - b.rank).map(({ rank: _rank, ...d }) => d);
}
