// What changed for a firm since it was referred: a small snapshot of what it was told (savedReferral),
// kept with a saved referral or read from a batch result file, and the plain-language difference with
// a referral made again with the current content (referralChanges). The lines are content
// (content/engine-texts.yaml `changes`); no content id is written here. Pure.
import type { Content, Fact } from './content-model';
import { engineFor } from './refer';
import { fill } from './template';
import { LANGS, type Lang, type Referral, type RegionReferral, type Text } from './types';

/**
 * A text in the languages the content held when the snapshot was made: all three in the CLI and
 * in Node, one in the browser (the app loads the content of the page's language only).
 */
export type SomeText = Partial<Text>;

/** A quoted fact as it was shown (content/channels/*.yaml `facts`), language-independent where it can be. */
export interface SavedFact {
  /** The fact's id (unique in content/). */
  id: string;
  text: SomeText;
  /** The few words of the channel's cost-and-time line, for a fact shown there. */
  short?: SomeText;
  /** The bare value, as on the source ("30%", "EUR 7,500 per year"). */
  value?: string | number;
  /** The page the fact was read on, and the day it was checked (YYYY-MM-DD). */
  source: string;
  checked: string;
  /** The day the rule or figure took effect, where content knows it (YYYY-MM-DD). */
  changed?: string;
}

/** One channel of a snapshot and what the firm was told about it. */
export type SavedChannel =
  | {
    channel: string;
    status: 'recommended';
    /** 1 for the channel to go to first, then 2, 3, ... */
    rank: number;
    /** Ids of the rules that added to it (content/rules.yaml): the instruments they name give the call deadlines. */
    rules: string[];
    /** Ids of the facts quoted in its reasons and its cost-and-time line, in that order, each once. */
    facts: string[];
  }
  | {
    channel: string;
    status: 'notEligible';
    /** Why not, as shown (the voice of the referral: to the owner, or about the firm). */
    reason: SomeText;
    /**
     * The same reason in the owner's voice (the channel's `excludes` text, or engine-texts
     * `servesElsewhere`): what two snapshots are compared on, so a change of voice is no change.
     */
    basis: SomeText;
    /** Ids of the facts the exclusion rests on. */
    facts: string[];
  }
  | { channel: string; status: 'notRecommended' };

/**
 * What a firm was told, as a small JSON-serialisable snapshot (schema `savedReferral/1`): every
 * channel's place (recommended with its rank, not eligible with the reason, or not recommended),
 * the quoted facts, and the content version. A snapshot made from a batch result file knows the
 * recommended channels in rank order only (`knows`).
 */
export interface SavedReferral {
  format: 'savedReferral/1';
  /** The content version (content/meta.yaml `contentVersion`, YYYY-MM-DD) of the referral. */
  contentVersion: string;
  /** Recommended channels best first, then those not eligible, then those not recommended. */
  channels: SavedChannel[];
  /** Every fact of `channels[].facts`, by id. */
  facts: Record<string, SavedFact>;
  /** What the snapshot holds besides the recommendations in rank order: why channels were not eligible, which facts were quoted. */
  knows: { eligibility: boolean; facts: boolean };
}

/** One difference between two snapshots of a firm, for one channel, in one language. */
export interface ReferralChange {
  /** Channel id (content/channels/<id>.yaml). */
  channel: string;
  /**
   * added / removed: recommended now / before only (not for a change of eligibility); rank: its place
   * changed; eligibility: it became or stopped being eligible, or is not eligible for another reason;
   * fact: a fact quoted for it says something else now, or is quoted now or before only.
   */
  kind: 'added' | 'removed' | 'rank' | 'eligibility' | 'fact';
  /** The line, e.g. "kmo-portefeuille: no longer eligible. ..." (content/engine-texts.yaml `changes`). */
  text: string;
}

/** The languages `t` holds, of LANGS, in that order. */
const langsOf = (t: SomeText | undefined): Lang[] => (t ? LANGS.filter((l) => typeof t[l] === 'string') : []);
/** `t` with only the languages it holds (no undefined: the snapshot stays plain JSON). */
const someText = (t: SomeText): SomeText => Object.fromEntries(langsOf(t).map((l) => [l, t[l]])) as SomeText;

function savedFact(fact: Fact, langs: readonly Lang[]): SavedFact {
  const only = (t: SomeText) => Object.fromEntries(langsOf(t).filter((l) => langs.includes(l)).map((l) => [l, t[l]])) as SomeText;
  const out: SavedFact = { id: fact.id, text: only(fact.text), source: fact.source, checked: fact.checked };
  if (fact.short) out.short = only(fact.short);
  if (fact.value !== undefined) out.value = fact.value;
  if (fact.changed) out.changed = fact.changed;
  return out;
}

/**
 * The reason a referral gives for a channel that excludes the firm, in every language the content
 * holds, as shown and in the owner's voice: found among the channel's `excludes` (both voices) and
 * engine-texts `servesElsewhere`. A reason the content does not hold (another content) is kept as
 * shown, in the languages whose texts could not be told apart.
 */
function reasonTexts(content: Content, channelId: string, shown: string): { reason: SomeText; basis: SomeText } {
  const channel = content.channels[channelId];
  if (channel) {
    // A text that reads the same in both voices (often so in French) is taken as the owner's.
    const about = content.about.channels[channelId]?.excludes ?? [];
    for (let i = 0; i < channel.excludes.length; i++) {
      const own = channel.excludes[i]!.reason;
      const theirs = about[i];
      if (langsOf(own).some((l) => own[l] === shown)) return { reason: someText(own), basis: someText(own) };
      if (theirs && langsOf(theirs).some((l) => theirs[l] === shown)) return { reason: someText(theirs), basis: someText(own) };
    }
    if (channel.serves !== 'all') {
      const serves = channel.serves;
      const make = (texts: Text) => Object.fromEntries(langsOf(texts).map((l) => [l, fill(texts[l], { name: channel.name[l], serves: content.labels.region[serves][l] })])) as SomeText;
      const own = make(content.engineTexts.servesElsewhere);
      const theirs = make(content.about.engineTexts.servesElsewhere);
      if (langsOf(own).some((l) => own[l] === shown)) return { reason: own, basis: own };
      if (langsOf(theirs).some((l) => theirs[l] === shown)) return { reason: theirs, basis: own };
    }
  }
  // Not a text of this content: kept as shown, in the languages the content holds (it cannot tell which).
  const shownIn = Object.fromEntries(langsOf(content.engineTexts.changes.noChange).map((l) => [l, shown])) as SomeText;
  return { reason: shownIn, basis: shownIn };
}

/**
 * The snapshot of what `referral` told the firm (see SavedReferral), with the facts' texts from
 * `content` (the content the referral was made with: a fact the content does not hold is left out).
 * Small: ids, ranks and the quoted facts (their texts are most of it: about 5 kB of JSON per language
 * for a firm with five recommendations). `langs` keeps the fact texts of those languages only (default:
 * every language the content holds); a comparison in another language then says the earlier text in
 * the first language kept. A RegionReferral (a firm known by its region only) has no channels that are
 * not eligible or not recommended: its snapshot knows the recommendations and their facts only
 * (`knows.eligibility` false). Never throws.
 */
export function savedReferral(referral: Referral | RegionReferral, content: Content, langs: readonly Lang[] = LANGS): SavedReferral {
  const engine = engineFor(content);
  const facts: Record<string, SavedFact> = {};
  const known = (ids: readonly string[]) => [...new Set(ids)].filter((id) => {
    const fact = engine.fact(id);
    if (fact && !facts[id]) facts[id] = savedFact(fact, langs);
    return Boolean(fact);
  });
  const channels: SavedChannel[] = [
    ...referral.recommendations.map((r): SavedChannel => ({ channel: r.channel, status: 'recommended', rank: r.rank, rules: [...r.rules], facts: known([...r.facts, ...r.glanceFacts]) })),
    ...('notEligible' in referral ? referral.notEligible : []).map((n): SavedChannel => ({ channel: n.channel, status: 'notEligible', ...reasonTexts(content, n.channel, n.reason), facts: known(n.facts) })),
    ...('notRecommended' in referral ? referral.notRecommended : []).map((n): SavedChannel => ({ channel: n.channel, status: 'notRecommended' })),
  ];
  return { format: 'savedReferral/1', contentVersion: referral.contentVersion, channels, facts, knows: { eligibility: 'notEligible' in referral, facts: true } };
}

/**
 * A snapshot that knows only the recommended channels in rank order (a batch result file's
 * `recommendations` column, channel ids best first): eligibility and quoted facts unknown, so
 * referralChanges compares places only. Never throws.
 */
export function savedFromRanking(channels: readonly string[], contentVersion = ''): SavedReferral {
  return {
    format: 'savedReferral/1',
    contentVersion,
    channels: channels.map((channel, i) => ({ channel, status: 'recommended', rank: i + 1, rules: [], facts: [] })),
    facts: {},
    knows: { eligibility: false, facts: false },
  };
}

type Status = SavedChannel['status'];

/** A text in `lang`, else in the first language it holds, else ''. */
const textIn = (t: SomeText | undefined, lang: Lang) => t?.[lang] ?? (t ? t[langsOf(t)[0]!] : undefined) ?? '';

/**
 * Whether two snapshots of a fact say something different: their text and short in `lang`, else (one
 * of them saved on a page in another language) in the first language both hold, else their values.
 * Nothing to compare: not different.
 */
function factDiffers(a: SavedFact, b: SavedFact, lang: Lang): boolean {
  const common = a.text[lang] !== undefined && b.text[lang] !== undefined ? lang : langsOf(a.text).find((l) => b.text[l] !== undefined);
  if (common) return a.text[common] !== b.text[common] || (a.short?.[common] ?? null) !== (b.short?.[common] ?? null);
  return a.value !== undefined && b.value !== undefined && a.value !== b.value;
}

/**
 * The items of `before` (a list of ids) that moved in `after` (the same ids, reordered): those outside
 * a longest subsequence of `after` that keeps the order of `before`. n is the number of channels (14).
 */
function movedAgainstOthers(before: readonly string[], after: readonly string[]): Set<string> {
  const at = new Map(before.map((id, i) => [id, i]));
  const seq = after.map((id) => at.get(id)!);
  // O(n^2) longest increasing subsequence, with back links.
  const length = seq.map(() => 1);
  const prev = seq.map(() => -1);
  for (let i = 0; i < seq.length; i++) {
    for (let j = 0; j < i; j++) {
      if (seq[j]! < seq[i]! && length[j]! + 1 > length[i]!) { length[i] = length[j]! + 1; prev[i] = j; }
    }
  }
  const kept = new Set<string>();
  let end = length.indexOf(Math.max(0, ...length));
  while (end >= 0) { kept.add(after[end]!); end = prev[end]!; }
  return new Set(after.filter((id) => !kept.has(id)));
}

/** Whether two not-eligible reasons differ: their owner-voice texts in `lang`, else in a language both hold. */
function reasonDiffers(a: SomeText, b: SomeText, lang: Lang): boolean {
  if (a[lang] !== undefined && b[lang] !== undefined) return a[lang] !== b[lang];
  const common = langsOf(a).filter((l) => b[l] !== undefined);
  return common.length > 0 && a[common[0]!] !== b[common[0]!];
}

/**
 * What changed between two snapshots of one firm (`before`: as saved; `after`: the referral made
 * again, usually with the current content), as plain-language lines in `lang` from content/
 * engine-texts.yaml `changes` (channel names from `content`, else the channel id):
 *
 * - eligibility: recommended or not recommended before, not eligible now ("no longer eligible" with
 *   the reason); not eligible before, eligible now (recommended with its place, or not); not eligible
 *   in both for a reason that reads differently (compared in the owner's voice);
 * - added / removed: recommended now / before only (without a change of eligibility);
 * - rank: recommended in both at another place, reported only where it means something: the channel
 *   gained or lost the first place, or its order against the other channels recommended in both
 *   changed (a channel added above all others moves every place by one: that is not said N times);
 * - fact: a fact quoted in both (in any channel) whose text or short reads differently now (the line
 *   says what it says now and said before); or a fact quoted now or before only, under a channel whose
 *   place is the same kind in both (otherwise the channel's own line says it).
 *
 * What `before` does not know (`knows`, a batch result file) is not compared: a channel not recommended
 * before has an unknown eligibility, and facts are skipped. Lines in the order of `after`'s channels
 * (recommended first), then channels of `before` only; per channel its place first, then its facts.
 * Comparing a snapshot with itself gives []. Never throws.
 */
export function referralChanges(before: SavedReferral, after: SavedReferral, content: Content, lang: Lang): ReferralChange[] {
  const T = content.engineTexts.changes;
  const tx = (t: Text) => t[lang] ?? textIn(t, lang);
  const ordinal = (rank: number) => T.ordinals[lang]?.[rank - 1] ?? String(rank);
  const name = (id: string) => {
    const channel = content.channels[id];
    return channel ? textIn(channel.name, lang) || id : id;
  };
  const was = new Map(before.channels.map((c) => [c.channel, c]));
  const now = new Map(after.channels.map((c) => [c.channel, c]));
  const statusBefore = (id: string): Status | 'unknown' => was.get(id)?.status ?? (before.knows.eligibility ? 'notRecommended' : 'unknown');
  const statusNow = (id: string): Status => now.get(id)?.status ?? 'notRecommended';
  const byChannel = new Map<string, ReferralChange[]>();
  const add = (channel: string, kind: ReferralChange['kind'], template: Text, vars: Record<string, string>) => {
    const list = byChannel.get(channel) ?? [];
    list.push({ channel, kind, text: fill(tx(template), { channel: name(channel), ...vars }) });
    byChannel.set(channel, list);
  };

  // Of the channels recommended in both, those that moved against the others: all but a longest run
  // kept in the same order (so one channel moving up is one move, not a shift of all below it).
  const recommended = (s: SavedReferral) => s.channels.filter((c): c is Extract<SavedChannel, { status: 'recommended' }> => c.status === 'recommended').sort((x, y) => x.rank - y.rank);
  const inBoth = new Set(recommended(before).map((c) => c.channel).filter((id) => statusNow(id) === 'recommended'));
  const moved = movedAgainstOthers(recommended(before).filter((c) => inBoth.has(c.channel)).map((c) => c.channel), recommended(after).filter((c) => inBoth.has(c.channel)).map((c) => c.channel));

  const ids = [...new Set([...after.channels.map((c) => c.channel), ...before.channels.map((c) => c.channel)])];
  for (const id of ids) {
    const a = was.get(id);
    const b = now.get(id);
    const from = statusBefore(id);
    const to = statusNow(id);
    if (to === 'notEligible' && b?.status === 'notEligible') {
      if (from === 'recommended' || from === 'notRecommended') add(id, 'eligibility', T.noLongerEligible, { reason: textIn(b.reason, lang) });
      else if (a?.status === 'notEligible' && reasonDiffers(a.basis, b.basis, lang)) add(id, 'eligibility', T.otherReason, { reason: textIn(b.reason, lang) });
    } else if (from === 'notEligible') {
      if (b?.status === 'recommended') add(id, 'eligibility', T.nowEligible, { rank: ordinal(b.rank) });
      else add(id, 'eligibility', T.nowEligibleNotRecommended, {});
    } else if (b?.status === 'recommended' && from !== 'recommended') {
      add(id, 'added', T.added, { rank: ordinal(b.rank) });
    } else if (a?.status === 'recommended' && to !== 'recommended') {
      add(id, 'removed', T.removed, {});
    } else if (a?.status === 'recommended' && b?.status === 'recommended' && a.rank !== b.rank) {
      const firstChanged = (a.rank === 1) !== (b.rank === 1);
      if (firstChanged || moved.has(id)) add(id, 'rank', T.rank, { rank: ordinal(b.rank), before: ordinal(a.rank) });
    }
  }

  if (before.knows.facts && after.knows.facts) {
    // Where each fact is quoted: the first channel (in snapshot order) that quotes it.
    const quotedIn = (s: SavedReferral) => {
      const m = new Map<string, string>();
      for (const c of s.channels) if (c.status !== 'notRecommended') for (const f of c.facts) if (!m.has(f)) m.set(f, c.channel);
      return m;
    };
    const factsBefore = quotedIn(before);
    const factsNow = quotedIn(after);
    const shown = (f: SavedFact, other: SavedFact | undefined) =>
      (f.short?.[lang] !== undefined && other?.short?.[lang] !== undefined ? f.short[lang] : textIn(f.text, lang));
    for (const [fid, channel] of factsNow) {
      const f = after.facts[fid];
      if (!f) continue;
      const old = factsBefore.has(fid) ? before.facts[fid] : undefined;
      if (old) {
        if (factDiffers(old, f, lang)) add(channel, 'fact', T.factChanged, { now: shown(f, old), before: shown(old, f) });
      } else if (!factsBefore.has(fid) && statusBefore(channel) === statusNow(channel)) {
        add(channel, 'fact', T.factAdded, { now: textIn(f.text, lang) });
      }
    }
    for (const [fid, channel] of factsBefore) {
      const f = before.facts[fid];
      if (f && !factsNow.has(fid) && statusBefore(channel) === statusNow(channel)) add(channel, 'fact', T.factRemoved, { before: textIn(f.text, lang) });
    }
  }
  return ids.flatMap((id) => byChannel.get(id) ?? []);
}
