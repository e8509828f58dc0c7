// What changed for a saved firm when it is referred again with another content: a test content
// variant (a copy of content/ with one fact's text and some rules changed) gives every kind of line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { onlyLanguage } from '../../src/content/only-language';
import type { Content } from '../../src/domain/content-model';
import { refer, referRegion } from '../../src/domain/refer';
import { referralChanges, savedFromRanking, savedReferral, type SavedReferral } from '../../src/domain/referral-changes';
import { LANGS, type Lang, type Profile } from '../../src/domain/types';
import { profileArb } from '../hardening/arbitraries';
import { content } from '../helpers';

/** A metal workshop in West Flanders asking for a solution, training and advice: kmo-portefeuille first, then LED, the innovation advisor, the federation, cybersecurity. */
const FIRM: Profile = {
  region: 'flanders', province: 'west-vlaanderen', staff: 14, turnoverEur: 1_800_000, balanceSheetEur: 900_000,
  nace: '25.62', innovation: {}, needs: ['practical-problem', 'training', 'advice'],
};
const ON = '2026-11-30';

const snap = (c: Content, p: Profile = FIRM, lang: Lang = 'en', voice: 'you' | 'about' = 'you') => savedReferral(refer(p, c, lang, voice, ON), c);
const channelsOf = (s: SavedReferral, status: string) => s.channels.filter((c) => c.status === status).map((c) => c.channel);

/** content/ with the kmo-portefeuille's "advice: cybersecurity only" fact rewritten. */
function withFactText(): Content {
  const c = structuredClone(content());
  const fact = c.channels['kmo-portefeuille']!.facts.find((f) => f.id === 'kmo-advice-cyber-only')!;
  fact.text = { nl: 'Sinds 1 maart 2027 geeft de kmo-portefeuille geen steun meer voor advies.', en: 'Since 1 March 2027 the SME wallet no longer supports advice.', fr: 'Depuis le 1er mars 2027, le portefeuille PME ne soutient plus le conseil.' };
  return c;
}

describe('savedReferral', () => {
  it('keeps every channel\'s place, the quoted facts in three languages and the content version, as plain JSON', () => {
    const r = refer(FIRM, content(), 'en', 'you', ON);
    const s = savedReferral(r, content());
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(s.contentVersion).toBe(content().meta.contentVersion);
    expect(channelsOf(s, 'recommended')).toEqual(r.recommendations.map((x) => x.channel));
    expect(s.channels.filter((c) => c.status === 'recommended').map((c) => c.status === 'recommended' && c.rank)).toEqual(r.recommendations.map((x) => x.rank));
    expect(channelsOf(s, 'notRecommended')).toEqual(r.notRecommended.map((x) => x.channel));
    const kmo = s.channels.find((c) => c.channel === 'kmo-portefeuille')!;
    expect(kmo.status === 'recommended' && kmo.facts).toEqual([...new Set([...r.recommendations[0]!.facts, ...r.recommendations[0]!.glanceFacts])]);
    expect(Object.keys(s.facts[('kmo-advice-cyber-only')]!.text)).toEqual(['nl', 'en', 'fr']);
    expect(s.facts['kmo-cap']!.short?.en).toBe('up to EUR 7,500 a year');
    expect(s.knows).toEqual({ eligibility: true, facts: true });
  });

  it('keeps a not-eligible reason in the voice shown and in the owner\'s voice, in every language', () => {
    const large: Profile = { ...FIRM, staff: 400, turnoverEur: 90_000_000, balanceSheetEur: 60_000_000 };
    const s = snap(content(), large, 'en', 'about');
    const kmo = s.channels.find((c) => c.channel === 'kmo-portefeuille');
    expect(kmo?.status).toBe('notEligible');
    if (kmo?.status !== 'notEligible') return;
    const i = content().channels['kmo-portefeuille']!.excludes.findIndex((e) => e.reason.en === kmo.basis.en);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(kmo.reason).toEqual(content().about.channels['kmo-portefeuille']!.excludes[i]);
    expect(kmo.basis).toEqual(content().channels['kmo-portefeuille']!.excludes[i]!.reason);
  });

  it('keeps what a region-only referral knows: its recommendations and their facts, not eligibility', () => {
    const s = savedReferral(referRegion('brussels', content(), 'fr'), content());
    expect(s.knows).toEqual({ eligibility: false, facts: true });
    expect(channelsOf(s, 'recommended')[0]).toBe('brussels');
    // Referred again as a whole firm: its channels not eligible are not news (the region-only snapshot did not know them).
    const full = snap(content(), { ...FIRM, region: 'brussels', province: undefined }, 'fr');
    expect(referralChanges(s, full, content(), 'fr').filter((l) => l.kind === 'eligibility')).toEqual([]);
  });

  it('keeps the languages the content holds (the app\'s content holds one), or those asked for', () => {
    const nl = onlyLanguage(content(), 'nl');
    expect(Object.keys(snap(nl, FIRM, 'nl').facts['kmo-cap']!.text)).toEqual(['nl']);
    expect(Object.keys(savedReferral(refer(FIRM, content(), 'en'), content(), ['en']).facts['kmo-cap']!.text)).toEqual(['en']);
  });
});

describe('referralChanges', () => {
  it('finds nothing when the content is the same, whatever the voice or the language of either referral', () => {
    const before = snap(content(), FIRM, 'nl', 'about');
    for (const lang of LANGS) {
      expect(referralChanges(before, snap(content(), FIRM, lang, 'you'), content(), lang)).toEqual([]);
    }
  });

  it('says what a changed fact says now and said before, under the channel that quotes it, in each language', () => {
    const before = snap(content());
    const after = snap(withFactText());
    expect(referralChanges(before, after, withFactText(), 'en')).toEqual([{
      channel: 'kmo-portefeuille',
      kind: 'fact',
      text: `${content().channels['kmo-portefeuille']!.name.en}: Since 1 March 2027 the SME wallet no longer supports advice. (before: ${content().channels['kmo-portefeuille']!.facts.find((f) => f.id === 'kmo-advice-cyber-only')!.text.en})`,
    }]);
    expect(referralChanges(before, after, withFactText(), 'nl')[0]!.text).toMatch(/^Kmo-portefeuille.*: Sinds 1 maart 2027 .* \(eerder: Sinds 1 februari 2026 /);
    expect(referralChanges(before, after, withFactText(), 'fr')[0]!.text).toMatch(/ : Depuis le 1er mars 2027.* \(auparavant : Depuis le 1er février 2026/);
  });

  it('compares a glance fact on its few words', () => {
    const c = structuredClone(content());
    const cap = c.channels['kmo-portefeuille']!.facts.find((f) => f.id === 'kmo-cap')!;
    cap.short = { nl: 'tot 5.000 euro per jaar', en: 'up to EUR 5,000 a year', fr: "jusqu'à 5 000 euros par an" };
    const lines = referralChanges(snap(content()), snap(c), c, 'en');
    expect(lines).toEqual([{ channel: 'kmo-portefeuille', kind: 'fact', text: expect.stringMatching(/: up to EUR 5,000 a year \(before: up to EUR 7,500 a year\)$/) }]);
  });

  it('shows every kind of change with a content whose rules changed', () => {
    const c = withFactText();
    // rank: the innovation advisor's rules weigh far more (it goes from third to first).
    for (const r of c.rules) if (r.channel === 'innovation-centre' && r.weight > 0) r.weight += 500;
    // removed: the cybersecurity rule no longer fires for this firm.
    for (const r of c.rules) if (r.channel === 'cybersecurity') r.when = { needs: ['cybersecurity'] };
    // added: a rule sends a firm with a practical problem to a VLAIO project.
    c.rules.push({ id: 'test-vlaio-practical', channel: 'vlaio-project', when: { needs: ['practical-problem'] }, weight: 5, reason: c.rules[0]!.reason, quote: [] });
    // eligibility: the federation now excludes small firms.
    c.channels.federation!.excludes.push({ when: { sizeClass: ['small'] }, reason: { nl: 'Alleen voor grote bedrijven (test).', en: 'Only for large firms (test).', fr: 'Seulement pour les grandes entreprises (test).' }, facts: [] });
    c.about.channels.federation!.excludes.push({ nl: 'Alleen voor grote bedrijven (test).', en: 'Only for large firms (test).', fr: 'Seulement pour les grandes entreprises (test).' });

    const before = snap(content());
    const after = snap(c);
    const lines = referralChanges(before, after, c, 'en');
    const name = (id: string) => c.channels[id]!.name.en;
    expect(lines).toContainEqual({ channel: 'innovation-centre', kind: 'rank', text: `${name('innovation-centre')}: now recommended in first place (was third).` });
    expect(lines).toContainEqual({ channel: 'kmo-portefeuille', kind: 'rank', text: `${name('kmo-portefeuille')}: now recommended in second place (was first).` });
    expect(lines).toContainEqual({ channel: 'cybersecurity', kind: 'removed', text: `${name('cybersecurity')}: no longer recommended.` });
    expect(lines).toContainEqual({ channel: 'vlaio-project', kind: 'added', text: expect.stringMatching(new RegExp(`^${name('vlaio-project').replace(/[()]/g, '\\$&')}: now recommended, in \\w+ place\\.$`)) });
    expect(lines).toContainEqual({ channel: 'federation', kind: 'eligibility', text: `${name('federation')}: no longer eligible. Only for large firms (test).` });
    // The changed fact is said once, under the channel that quotes it now (the advisor, now first, quotes it too).
    expect(lines.filter((l) => l.kind === 'fact')).toEqual([{ channel: 'innovation-centre', kind: 'fact', text: expect.stringContaining('Since 1 March 2027') }]);
    // LED moves from second to third only because the advisor moved above it: not said.
    expect(lines.some((l) => l.channel === 'led')).toBe(false);
    // The lines follow the channels of the new referral: its first channel first.
    expect(lines[0]!.channel).toBe('innovation-centre');
    // And back: the other way round, the same channels change.
    const back = referralChanges(after, before, content(), 'nl');
    expect(back.find((l) => l.channel === 'federation')).toEqual({ channel: 'federation', kind: 'eligibility', text: `${content().channels.federation!.name.nl}: komt nu wel in aanmerking en wordt aanbevolen, op de vierde plaats.` });
    expect(back.find((l) => l.channel === 'cybersecurity')?.kind).toBe('added');
    expect(back.find((l) => l.channel === 'vlaio-project')?.kind).toBe('removed');
  });

  it('says when a channel is still not eligible, but for another reason', () => {
    const large: Profile = { ...FIRM, staff: 400, turnoverEur: 90_000_000, balanceSheetEur: 60_000_000 };
    const c = structuredClone(content());
    const kmo = c.channels['kmo-portefeuille']!;
    const before = snap(content(), large);
    const shown = before.channels.find((x) => x.channel === 'kmo-portefeuille')!;
    const i = kmo.excludes.findIndex((e) => shown.status === 'notEligible' && e.reason.en === shown.basis.en);
    kmo.excludes[i]!.reason = { nl: 'Niet voor grote ondernemingen (nieuw).', en: 'Not for large enterprises (new).', fr: 'Pas pour les grandes entreprises (nouveau).' };
    expect(referralChanges(before, snap(c, large), c, 'en')).toContainEqual({ channel: 'kmo-portefeuille', kind: 'eligibility', text: `${kmo.name.en}: still not eligible, now for another reason. Not for large enterprises (new).` });
  });

  it('phrases a snapshot saved in one language in another, taking the earlier text in the language it was saved in', () => {
    const nlOnly = onlyLanguage(content(), 'nl');
    const before = snap(nlOnly, FIRM, 'nl');
    // The same content in another language: the values and the Dutch texts agree, so nothing changed.
    expect(referralChanges(before, snap(content(), FIRM, 'en'), content(), 'en')).toEqual([]);
    const lines = referralChanges(before, snap(withFactText(), FIRM, 'en'), withFactText(), 'en');
    expect(lines).toEqual([{ channel: 'kmo-portefeuille', kind: 'fact', text: expect.stringMatching(/: Since 1 March 2027 .* \(before: Sinds 1 februari 2026 /) }]);
  });

  it('compares places only against a snapshot that knows the ranking alone (a batch result file)', () => {
    const before = savedFromRanking(['led', 'kmo-portefeuille', 'innovation-centre', 'federation', 'cybersecurity', 'fiscal']);
    const lines = referralChanges(before, snap(content()), content(), 'en');
    const name = (id: string) => content().channels[id]!.name.en;
    expect(lines).toEqual([
      { channel: 'kmo-portefeuille', kind: 'rank', text: `${name('kmo-portefeuille')}: now recommended in first place (was second).` },
      { channel: 'led', kind: 'rank', text: `${name('led')}: now recommended in second place (was first).` },
      { channel: 'fiscal', kind: 'removed', text: `${name('fiscal')}: no longer recommended.` },
    ]);
  });

  it('finds no change between a snapshot and itself, for any firm and language (property)', () => {
    const c = content();
    fc.assert(fc.property(profileArb, fc.constantFrom(...LANGS), fc.constantFrom<'you' | 'about'>('you', 'about'), (p, lang, voice) => {
      const s = snap(c, p, lang, voice);
      expect(referralChanges(s, s, c, lang)).toEqual([]);
      expect(referralChanges(s, structuredClone(s), c, lang)).toEqual([]);
    }), { numRuns: 150 });
  });
});
