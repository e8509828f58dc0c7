// The parts of a referral the result page is built from: the cost-and-time line (glance), the reason
// sentences apart from the quoted facts (why), what would bring a channel into view (notRecommended),
// and the same referral written about the firm (voice 'about', for client and intake mode).
import { describe, expect, it, vi } from 'vitest';
import { engineFor, refer } from '../../src/domain/refer';
import { profileSpace } from '../../src/domain/profile-space';
import { LANGS, type Profile, type Referral } from '../../src/domain/types';
import { content, METAL_WORKSHOP_PROFILE } from '../helpers';

const C = content();
const ids = (r: Referral) => r.recommendations.map((x) => x.channel);
const rec = (r: Referral, id: string) => r.recommendations.find((x) => x.channel === id);
const SMALL_TRAINING: Profile = { region: 'flanders', province: 'antwerpen', staff: 30, turnoverEur: 4_000_000, nace: '46.90', innovation: {}, needs: ['training'] };
const MEDIUM_TRAINING: Profile = { ...SMALL_TRAINING, staff: 120, turnoverEur: 20_000_000 };
const triggers = C.triggers.map((t) => t.id);
const SPACE = [...profileSpace({ needs: C.needs.map((n) => n.id), triggers })].filter((_, i) => i % 31 === 0);

vi.setConfig({ testTimeout: 60_000 });

describe('glance: what it costs and how long it takes, from sourced facts', () => {
  it('quotes the rate for the firm\'s own size, and the cap', () => {
    const small = rec(refer(SMALL_TRAINING, C, 'nl'), 'kmo-portefeuille')!;
    const medium = rec(refer(MEDIUM_TRAINING, C, 'nl'), 'kmo-portefeuille')!;
    expect(small.glanceFacts).toContain('kmo-rate-small');
    expect(small.glanceFacts).not.toContain('kmo-rate-medium');
    expect(medium.glanceFacts).toContain('kmo-rate-medium');
    expect(medium.glanceFacts).not.toContain('kmo-rate-small');
    for (const r of [small, medium]) expect(r.glanceFacts).toContain('kmo-cap');
  });

  it('every line is the short form of a fact of the channel that applies to the firm, in the channel\'s order', () => {
    let lines = 0;
    for (const p of SPACE) {
      for (const lang of LANGS) {
        for (const r of refer(p, C, lang).recommendations) {
          const channel = C.channels[r.channel]!;
          expect(r.glance).toEqual(r.glanceFacts.map((id) => channel.facts.find((f) => f.id === id)!.short![lang]));
          expect(channel.glance.filter((id) => r.glanceFacts.includes(id))).toEqual(r.glanceFacts);
          lines += r.glance.length;
        }
      }
    }
    expect(lines).toBeGreaterThan(0);
  });
});

describe('why: the reasons without the quoted facts', () => {
  it('is `reasons` less the quoted-fact lines, and quotes no source', () => {
    for (const p of SPACE) {
      for (const r of refer(p, C, 'en').recommendations) {
        expect(r.why.every((line) => r.reasons.includes(line))).toBe(true);
        expect(r.reasons.length - r.why.length).toBe(r.facts.length);
        for (const line of r.why) expect(line).not.toMatch(/\]\(https?:\/\/[^)]+\), checked on/);
      }
    }
  });
});

describe('notRecommended: what would bring a channel into view, from its rules', () => {
  it('names the need that would bring the project subsidy and the SME wallet to a metal workshop, and that need does', () => {
    const r = refer(METAL_WORKSHOP_PROFILE, C, 'nl');
    const project = r.notRecommended.find((n) => n.channel === 'vlaio-project');
    const wallet = r.notRecommended.find((n) => n.channel === 'kmo-portefeuille');
    expect(project?.opensWith).toContain(C.needs.find((n) => n.id === 'development-project')!.label.nl.replace(/^./, (c) => c.toLowerCase()));
    expect(wallet?.opensWith).toContain(C.needs.find((n) => n.id === 'training')!.label.nl.replace(/^./, (c) => c.toLowerCase()));
    expect(project?.opensWith.startsWith(C.channels['vlaio-project']!.name.nl)).toBe(true);
    // What it says is true: with that need the channel is recommended.
    expect(ids(refer({ ...METAL_WORKSHOP_PROFILE, needs: [...METAL_WORKSHOP_PROFILE.needs, 'development-project'] }, C, 'nl'))).toContain('vlaio-project');
    expect(ids(refer({ ...METAL_WORKSHOP_PROFILE, needs: [...METAL_WORKSHOP_PROFILE.needs, 'training'] }, C, 'nl'))).toContain('kmo-portefeuille');
  });

  it('never lists a recommended or an excluded channel, nor one only another region or sector could open', () => {
    let listed = 0;
    for (const p of SPACE) {
      const r = refer(p, C, 'nl');
      for (const n of r.notRecommended) {
        expect(ids(r)).not.toContain(n.channel);
        expect(r.notEligible.map((x) => x.channel)).not.toContain(n.channel);
        // A Flemish firm is never told a Brussels or Walloon front door would open for it.
        expect(C.channels[n.channel]!.serves === 'all' || C.channels[n.channel]!.serves === p.region).toBe(true);
        expect(n.opensWith.length).toBeGreaterThan(20);
        listed++;
      }
    }
    expect(listed).toBeGreaterThan(SPACE.length);
  });

  it('never suggests "not sure" as the way in', () => {
    const unsure = C.needs.find((n) => n.unsure)!.label;
    for (const p of SPACE) for (const lang of LANGS) for (const n of refer(p, C, lang).notRecommended) expect(n.opensWith.toLowerCase()).not.toContain(unsure[lang].toLowerCase());
  });
});

describe("voice 'about': the same referral, written about the firm", () => {
  // Whole words, with edges that know accented letters (JS \b does not: it reads the "u" of "reçu" as a word).
  const word = (...w: string[]) => new RegExp(`(?<![\\p{L}\\p{N}])(${w.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
  const SECOND_PERSON = { nl: word('u', 'uw', 'jij', 'je', 'jouw'), en: word('you', 'your', 'yours'), fr: word('vous', 'votre', 'vos') } as const;

  it('makes the same decisions and speaks about the firm, never to it, in every language', () => {
    let sentences = 0;
    for (const p of SPACE.slice(0, 200)) {
      for (const lang of LANGS) {
        const you = refer(p, C, lang);
        const about = refer(p, C, lang, 'about');
        expect(ids(about)).toEqual(ids(you));
        expect(about.notEligible.map((n) => n.channel)).toEqual(you.notEligible.map((n) => n.channel));
        expect(about.warnings.length).toBe(you.warnings.length);
        const texts = [...about.recommendations.flatMap((r) => [...r.why, ...r.laterBecause, r.contact.note ?? '']), ...about.notEligible.map((n) => n.reason), ...about.warnings];
        for (const text of texts) expect(text, text).not.toMatch(SECOND_PERSON[lang]);
        sentences += texts.length;
      }
    }
    expect(sentences).toBeGreaterThan(1000);
  });

  // The facts are quoted in the folded facts, the cost-and-time line and the client's referral letter.
  it('quotes facts that speak about the firm too: every fact of its reasons, cost lines and exclusions, in every language', () => {
    const engine = engineFor(C);
    const quoted = new Set<string>();
    for (const p of SPACE.slice(0, 200)) {
      for (const lang of LANGS) {
        const about = refer(p, C, lang, 'about');
        const factIds = [...about.recommendations.flatMap((r) => [...r.facts, ...r.glanceFacts]), ...about.notEligible.flatMap((n) => n.facts)];
        for (const id of factIds) {
          const fact = engine.fact(id);
          expect(fact, `fact ${id}`).toBeDefined();
          for (const text of [fact!.text[lang], fact!.short?.[lang] ?? '']) expect(text, `${id} (${lang})`).not.toMatch(SECOND_PERSON[lang]);
          quoted.add(id);
        }
      }
    }
    // The facts that used to speak to the owner are among those quoted (so this looks where it matters).
    for (const id of ['kmo-apply-14-days', 'vp-dev-amount', 'ic-project-advisor']) expect(quoted).toContain(id);
    expect(quoted.size).toBeGreaterThan(30);
  });
});
