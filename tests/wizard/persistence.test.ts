import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refer } from '../../src/domain/refer';
import { completeProfile, type Answers } from '../../src/wizard/answers';
import { decodeShareFragment, encodeShareFragment, parseSaved, SAVE_VERSION, serialiseSaved, SHARE_VERSION } from '../../src/wizard/persistence';
import { content, SME } from '../helpers';

/** The small Flemish firm of the other tests, in West Flanders. */
const WEST_FLEMISH_SME: Answers = { ...SME, province: 'west-vlaanderen' };

/** A fragment as the app would write it, around any payload. */
const fragment = (payload: unknown) => `#r=${Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url')}`;
const profileOf = (a: Answers) => completeProfile(a, content());

describe('saved progress (localStorage)', () => {
  it('round trip: answers, step and time come back as saved', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const parsed = parseSaved(serialiseSaved(WEST_FLEMISH_SME, 'practices', now));
    expect(parsed).toEqual({ ok: true, value: { v: SAVE_VERSION, answers: WEST_FLEMISH_SME, step: 'practices', savedAt: '2026-11-23T10:00:00.000Z' } });
  });

  it('round trip of partial answers and of a firm outside Flanders', () => {
    for (const [answers, step] of [[{}, 'region'], [{ region: 'flanders', province: 'limburg', staff: 0 }, 'figures'], [{ region: 'abroad' }, 'result']] as const) {
      expect(parseSaved(serialiseSaved(answers, step))).toMatchObject({ ok: true, value: { answers, step } });
    }
  });

  it('nothing saved: null (no message to show)', () => {
    expect(parseSaved(null)).toBeNull();
  });

  it.each([
    ['garbage', 'not json at all'],
    ['an empty string', ''],
    ['JSON null', 'null'],
    ['a JSON number', '42'],
    ['a JSON array', '[1,2]'],
    ['a JSON string', '"progress"'],
  ])('%s is damaged', (_, raw) => {
    expect(parseSaved(raw)).toEqual({ ok: false, problem: 'damaged' });
  });

  it('truncated JSON is damaged, wherever it was cut', () => {
    const raw = serialiseSaved(WEST_FLEMISH_SME, 'check');
    for (let cut = 0; cut < raw.length; cut++) expect(parseSaved(raw.slice(0, cut)), `cut at ${cut}`).toEqual({ ok: false, problem: 'damaged' });
  });

  it.each([0, 2, '1', null])('version %j is outdated', (v) => {
    const raw = JSON.stringify({ ...JSON.parse(serialiseSaved(WEST_FLEMISH_SME, 'check')), v });
    expect(parseSaved(raw)).toEqual({ ok: false, problem: 'outdated' });
  });

  it.each<[string, Record<string, unknown>]>([
    ['staff as text', { answers: { staff: 'twelve' } }],
    ['a negative amount', { answers: { turnoverEur: -1 } }],
    ['an unknown region', { answers: { region: 'mars' } }],
    ['an unknown innovation key', { answers: { innovation: { magic: true } } }],
    ['needs not a list', { answers: { needs: 'training' } }],
    ['an unknown answer field', { answers: { isAdmin: true } }],
    ['answers missing', { answers: undefined }],
    ['an unknown step', { step: 'payment' }],
    ['a step of the wrong type', { step: 3 }],
    ['savedAt missing', { savedAt: undefined }],
    ['an extra top-level field', { extra: 1 }],
  ])('wrong types (%s) are damaged', (_, patch) => {
    const raw = JSON.stringify({ ...JSON.parse(serialiseSaved({ region: 'flanders' }, 'staff')), ...patch });
    expect(parseSaved(raw)).toEqual({ ok: false, problem: 'damaged' });
  });

  it('an infinite number (1e400 in the JSON) is damaged', () => {
    expect(parseSaved('{"v":1,"answers":{"staff":1e400},"step":"staff","savedAt":"x"}')).toEqual({ ok: false, problem: 'damaged' });
  });

  it('a "__proto__" key does not pollute anything and is damaged', () => {
    const raw = '{"v":1,"answers":{"__proto__":{"polluted":true}},"step":"staff","savedAt":"x"}';
    expect(parseSaved(raw)).toEqual({ ok: false, problem: 'damaged' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an oversized value is damaged without being parsed', () => {
    expect(parseSaved(`{"v":1,"x":"${'a'.repeat(200_000)}"}`)).toEqual({ ok: false, problem: 'damaged' });
  });

  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string(), (raw) => {
      const r = parseSaved(raw);
      expect(r === null || r.ok || ['damaged', 'outdated'].includes(r.problem)).toBe(true);
    }));
  });

  it('never throws on any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      const r = parseSaved(JSON.stringify(value));
      expect(r !== null && (r.ok || ['damaged', 'outdated'].includes(r.problem))).toBe(true);
    }));
  });
});

describe('share links (URL fragment)', () => {
  it('round trip: a Flemish firm\'s answers give the same profile and the same referral', () => {
    const hash = encodeShareFragment(WEST_FLEMISH_SME);
    expect(hash).toMatch(/^#r=[A-Za-z0-9_-]+$/);
    const decoded = decodeShareFragment(hash, content());
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(profileOf(decoded.value)).toEqual(profileOf(WEST_FLEMISH_SME));
    expect(refer(profileOf(decoded.value)!, content())).toEqual(refer(profileOf(WEST_FLEMISH_SME)!, content()));
  });

  it('carries only the profile: no names, no step, nothing beyond Profile v1', () => {
    const json = JSON.parse(Buffer.from(encodeShareFragment(WEST_FLEMISH_SME).slice(3), 'base64url').toString('utf8'));
    expect(json).toEqual({ v: SHARE_VERSION, profile: expect.any(Object) });
    expect(Object.keys(json.profile).sort()).toEqual(['innovation', 'nace', 'needs', 'ownedByLargeGroup', 'province', 'region', 'staff', 'turnoverEur']);
    expect(json.profile.innovation).toEqual({ newGoods: true, productInHouse: true, innovationSpending: true });
  });

  it.each(['brussels', 'wallonia', 'abroad'] as const)('round trip: a firm in %s carries just its region', (region) => {
    const hash = encodeShareFragment({ region });
    expect(JSON.parse(Buffer.from(hash.slice(3), 'base64url').toString('utf8'))).toEqual({ v: SHARE_VERSION, region });
    expect(decodeShareFragment(hash, content())).toEqual({ ok: true, value: { region } });
  });

  it('accepts a link written by another base64url encoder (Node\'s Buffer)', () => {
    const payload = { v: 1, profile: { region: 'flanders', province: 'antwerpen', staff: 3, nace: '10.7', innovation: {}, needs: ['not-sure'] } };
    const decoded = decodeShareFragment(fragment(payload), content());
    expect(decoded).toMatchObject({ ok: true, value: { region: 'flanders', province: 'antwerpen', staff: 3, nace: '10.7', needs: ['not-sure'] } });
  });

  it.each([
    ['an empty string', ''],
    ['another fragment', '#section-2'],
    ['only the prefix', '#r='],
    ['characters outside base64url', '#r=abc$%^&*'],
    ['standard base64 with padding', `#r=${btoa('{"v":1}')}`],
    ['base64 of text that is not JSON', `#r=${Buffer.from('hello world').toString('base64url')}`],
    ['base64 of bytes that are not UTF-8', `#r=${Buffer.from([0xff, 0xfe, 0xfd]).toString('base64url')}`],
    ['JSON that is not an object', fragment([1, 2, 3])],
    ['JSON null', fragment(null)],
    ['a JSON string', fragment('v1')],
    ['no version', fragment({ profile: {} })],
    ['a version that is not a number', fragment({ v: '1', profile: {} })],
    ['an oversized fragment', `#r=${'A'.repeat(9000)}`],
  ])('garbage (%s) is damaged', (_, hash) => {
    expect(decodeShareFragment(hash, content())).toEqual({ ok: false, problem: 'damaged' });
  });

  it('truncated base64 is damaged, wherever it was cut', () => {
    const hash = encodeShareFragment(WEST_FLEMISH_SME);
    for (let cut = 3; cut < hash.length; cut++) {
      expect(decodeShareFragment(hash.slice(0, cut), content()), `cut at ${cut}`).toEqual({ ok: false, problem: 'damaged' });
    }
  });

  it.each([0, 2, 99, -1, 1.5])('version %s is outdated', (v) => {
    expect(decodeShareFragment(fragment({ v, profile: {} }), content())).toEqual({ ok: false, problem: 'outdated' });
  });

  it.each<[string, unknown]>([
    ['no profile', { v: 1 }],
    ['a profile that is not an object', { v: 1, profile: 'flanders' }],
    ['Flanders given as a region only', { v: 1, region: 'flanders' }],
    ['an unknown region only', { v: 1, region: 'mars' }],
    ['staff as text', { v: 1, profile: { region: 'flanders', staff: 'twelve', nace: '25.62', needs: ['training'] } }],
    ['a negative turnover', { v: 1, profile: { region: 'flanders', staff: 3, turnoverEur: -5, nace: '25.62', needs: ['training'] } }],
    ['needs missing', { v: 1, profile: { region: 'flanders', staff: 3, nace: '25.62' } }],
    ['an unknown need', { v: 1, profile: { region: 'flanders', staff: 3, nace: '25.62', needs: ['world-domination'] } }],
    ['innovation answers as text', { v: 1, profile: { region: 'flanders', staff: 3, nace: '25.62', innovation: { newGoods: 'yes' }, needs: ['training'] } }],
    ['a province outside Flanders', { v: 1, profile: { region: 'wallonia', province: 'limburg', staff: 3, nace: '25.62', needs: ['training'] } }],
  ])('valid JSON with wrong types (%s) is invalid', (_, payload) => {
    expect(decodeShareFragment(fragment(payload), content())).toEqual({ ok: false, problem: 'invalid' });
  });

  it.each<[string, unknown]>([
    ['the NACE code', { nace: '<script>alert(1)</script>' }],
    ['a need', { needs: ['<script>alert(1)</script>'] }],
    ['the province', { province: '<img src=x onerror=alert(1)>' }],
    ['an unknown field', { note: '<script>alert(1)</script>' }],
    ['a trigger', { triggers: ['<script>alert(1)</script>'] }],
  ])('a script tag in %s is refused as invalid and never comes back out', (_, patch) => {
    const base = JSON.parse(Buffer.from(encodeShareFragment(WEST_FLEMISH_SME).slice(3), 'base64url').toString('utf8'));
    const result = decodeShareFragment(fragment({ ...base, profile: { ...base.profile, ...(patch as object) } }), content());
    expect(result).toEqual({ ok: false, problem: 'invalid' });
    expect(JSON.stringify(result)).not.toMatch(/script|onerror/);
  });

  it('a script tag as the region of an out-of-region link is refused', () => {
    expect(decodeShareFragment(fragment({ v: 1, region: '<script>alert(1)</script>' }), content())).toEqual({ ok: false, problem: 'invalid' });
  });

  it('never throws on any string after the prefix', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (tail) => {
      const r = decodeShareFragment(`#r=${tail}`, content());
      expect(r.ok || ['damaged', 'outdated', 'invalid'].includes(r.problem)).toBe(true);
    }));
  });

  it('never throws on any JSON payload, and accepts only what validates', () => {
    fc.assert(fc.property(fc.jsonValue(), (payload) => {
      const r = decodeShareFragment(fragment(payload), content());
      if (r.ok) expect(r.value.region).toBeDefined();
      else expect(['damaged', 'outdated', 'invalid']).toContain(r.problem);
    }));
  });

  it('never throws on payloads that look almost like a share link', () => {
    const almost = fc.record({
      v: fc.oneof(fc.constant(1), fc.anything()),
      profile: fc.oneof(fc.anything(), fc.record({ region: fc.oneof(fc.constant('flanders'), fc.string()), staff: fc.anything(), nace: fc.oneof(fc.constant('25.62'), fc.string()), needs: fc.anything() })),
    }, { requiredKeys: [] });
    fc.assert(fc.property(almost, (payload) => {
      const r = decodeShareFragment(fragment(payload), content());
      expect(r.ok || ['damaged', 'outdated', 'invalid'].includes(r.problem)).toBe(true);
    }));
  });
});
