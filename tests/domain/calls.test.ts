// Calls: when a firm can apply for the instruments its recommendations point to ("open now until",
// "next call", "submit any time", "closed with no next call"), and that a channel whose known calls
// are all closed with no next one is never ranked first.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load';
import type { Call, Content } from '../../src/domain/content-model';
import { createEngine } from '../../src/domain/refer';
import type { Profile } from '../../src/domain/types';

const { content } = loadContent();
// A small firm with a partners need, leader: rule vp-baekeland-leaders points vlaio-project to the Baekeland mandate.
const leader: Profile = {
  region: 'flanders', province: 'antwerpen', staff: 20, turnoverEur: 3_000_000, balanceSheetEur: 2_000_000, nace: '28.13',
  innovation: { newGoods: true, productInHouse: true, productNewToMarket: true, inHouseRnd: true, innovationSpending: true, rndStaff: true },
  needs: ['partners'],
};

/** The content with these calls for the Baekeland mandate (status calls). */
function withBaekelandCalls(calls: Array<Omit<Call, 'instrument' | 'title' | 'source' | 'checked'>>): Content {
  const vp = content.channels['vlaio-project']!;
  const full = calls.map((c) => ({ ...c, instrument: 'baekeland', title: { nl: 'Oproep', en: 'Call', fr: 'Appel' }, source: 'https://example.org/call', checked: '2026-11-30' }));
  return { ...content, channels: { ...content.channels, 'vlaio-project': { ...vp, calls: [...vp.calls, ...full] } } };
}
const baekeland = (c: Content, on: string) => {
  const rec = createEngine(c).refer(leader, 'en', 'you', on).recommendations.find((r) => r.channel === 'vlaio-project')!;
  return { application: rec.applications?.find((a) => a.instrument === 'baekeland'), reasons: rec.reasons.join('\n') };
};

describe('when the firm can apply', () => {
  it('an open call: "open now until" its closing day', () => {
    const r = baekeland(withBaekelandCalls([{ id: 'b1', opens: '2026-11-01', closes: '2027-03-31' }]), '2026-11-30');
    expect(r.application).toEqual({ instrument: 'baekeland', timing: 'openUntil', closes: '2027-03-31' });
    expect(r.reasons).toContain('*Baekeland mandate (PhD in collaboration with your firm)*: open now until 31 March 2027.');
  });
  it('a confirmed next call: the day it opens', () => {
    const r = baekeland(withBaekelandCalls([{ id: 'b1', opens: '2027-01-15', closes: '2027-03-31' }]), '2026-11-30');
    expect(r.application).toMatchObject({ timing: 'nextOpens', opens: '2027-01-15' });
    expect(r.reasons).toContain('the next call opens on 15 January 2027');
  });
  it('an expected next call: "next call expected", not confirmed', () => {
    const r = baekeland(withBaekelandCalls([{ id: 'b1', closes: '2026-09-02' }, { id: 'b2', opens: '2027-03-01', expected: true }]), '2026-11-30');
    expect(r.application).toMatchObject({ timing: 'nextExpected', opens: '2027-03-01' });
    expect(r.reasons).toContain('the next call is expected around 1 March 2027 (not yet confirmed)');
  });
  it('only past calls: closed, with the last closing day and no next call', () => {
    const r = baekeland(withBaekelandCalls([{ id: 'b1', closes: '2025-09-02' }, { id: 'b2', closes: '2026-03-31' }]), '2026-11-30');
    expect(r.application).toEqual({ instrument: 'baekeland', timing: 'closedNoNext', closes: '2026-03-31' });
    expect(r.reasons).toContain('the last call we know of closed on 31 March 2026; no next one has been announced yet');
  });
  it('no calls known for an instrument with calls: nothing is said', () => {
    expect(baekeland(content, '2026-11-30').application).toBeUndefined();
  });
  it('status open: "submit any time"', () => {
    const firm: Profile = { ...leader, needs: ['development-project'] };
    const rec = createEngine(content).refer(firm, 'en', 'you', '2026-11-30').recommendations.find((r) => r.channel === 'vlaio-project')!;
    expect(rec.applications).toContainEqual({ instrument: 'development-project', timing: 'anyTime' });
    expect(rec.reasons).toContain('*Development project*: submit any time.');
  });
  it('the innovative starters support, whose last call closed on 2 March 2022, is said to be closed', () => {
    const firm: Profile = { ...leader, staff: 3, turnoverEur: 150_000, balanceSheetEur: 100_000, needs: ['financing'] };
    const rec = createEngine(content).refer(firm, 'en', 'you', '2026-11-30').recommendations.find((r) => r.channel === 'vlaio-project')!;
    expect(rec.applications).toContainEqual({ instrument: 'innovative-starters', timing: 'closedNoNext', closes: '2022-03-02' });
  });
});

describe('a channel whose known calls are all closed with no next one is never ranked first', () => {
  // Only rule vp-baekeland-leaders (instrument baekeland) fires for vlaio-project; made heavy so it would win.
  const heavy = (c: Content): Content => ({ ...c, rules: c.rules.map((r) => (r.id === 'vp-baekeland-leaders' ? { ...r, weight: 500 } : r)) });
  it('closed: the best other channel goes first, the closed one right after', () => {
    const c = heavy(withBaekelandCalls([{ id: 'b1', closes: '2026-03-31' }]));
    const ranked = createEngine(c).refer(leader, 'en', 'you', '2026-11-30').recommendations.map((r) => r.channel);
    expect(ranked[0]).not.toBe('vlaio-project');
    expect(ranked[1]).toBe('vlaio-project');
  });
  it('with a next call known it may be first', () => {
    const c = heavy(withBaekelandCalls([{ id: 'b1', closes: '2026-03-31' }, { id: 'b2', opens: '2027-02-01', closes: '2027-03-31' }]));
    expect(createEngine(c).refer(leader, 'en', 'you', '2026-11-30').recommendations[0]!.channel).toBe('vlaio-project');
  });
  it('the whole content: no first recommendation of any scenario is a channel closed without a next call', () => {
    const engine = createEngine(content);
    const firms: Profile[] = [leader, { ...leader, needs: ['financing'] }, { ...leader, staff: 3, turnoverEur: 100_000, balanceSheetEur: 80_000, needs: ['financing'] }];
    for (const f of firms) {
      const first = engine.refer(f, 'en', 'you', '2026-11-30').recommendations[0]!;
      expect(first.applications?.every((a) => a.timing === 'closedNoNext') ?? false).toBe(false);
    }
  });
});
