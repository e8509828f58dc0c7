import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateProfile } from '../../src/domain/profile';
import { refer } from '../../src/domain/refer';
import { REGIONS, type Profile } from '../../src/domain/types';
import { completeProfile, firstOpenStep, fromProfile, type Answers } from '../../src/wizard/answers';
import {
  decodeShareFragment, encodeShareFragment, parseSaved, SAVE_VERSION, serialiseSaved, SHARE_VERSION, shareLinkErrors, type Decoded,
} from '../../src/wizard/persistence';
import { MODES } from '../../src/wizard/modes';
import { onlyLanguage } from '../../src/content/only-language';
import { content, SME } from '../helpers';

/** The small Flemish firm of the other tests, in West Flanders. */
const WEST_FLEMISH_SME: Answers = { ...SME, province: 'west-vlaanderen' };

/** A fragment as the app would write it, around any payload. */
const fragment = (payload: unknown) => `#r=${Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url')}`;
const profileOf = (a: Answers) => completeProfile(a, content());

const DAMAGED = { ok: false, problem: 'damaged' } as const;

/** A complete, valid profile without a province: each field of a partial profile is checked in its place. */
const BASE_PROFILE = { region: 'flanders', staff: 1, nace: '62.01', needs: ['training'] };

/**
 * What a share fragment must decode to, by the format's rules, worked out from the fragment itself:
 * - "#r%3D" counts as "#r=", and "." and ")" at the end are dropped (damage done by mail and copying);
 * - not "#r=" + unpadded base64url of UTF-8 JSON, or over 8,000 characters: damaged;
 * - JSON that is not an object: damaged; a version other than 1: newer if it is a larger number, outdated if a smaller one, else damaged;
 * - a mode other than owner, client, intake: invalid (field "mode");
 * - a region outside Flanders (the older format): that region and nothing else (and the mode);
 * - a profile that passes validateProfile: exactly the answers of the validated profile;
 * - otherwise each given field must pass in place of BASE_PROFILE's, and a province needs Flanders:
 *   then the answers of the given fields (a province alone means Flanders), the rest left open; else the
 *   link is invalid, naming the refused fields (no field is dropped to make the rest pass).
 */
function expectedDecode(raw: string): Decoded<Answers> {
  const hash = /^#r(=|%3[dD])/.test(raw) ? `#r=${raw.replace(/^#r(=|%3[dD])/, '').replace(/[.)]+$/, '')}` : raw;
  const tail = hash.slice(3);
  if (!hash.startsWith('#r=') || hash.length > 8_000 || !/^[A-Za-z0-9_-]*$/.test(tail) || tail.length % 4 === 1) return DAMAGED;
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(tail, 'base64url')));
  } catch {
    return DAMAGED;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return DAMAGED;
  const { v, mode, region, profile } = data as Record<string, unknown>;
  if (v !== SHARE_VERSION) return { ok: false, problem: typeof v === 'number' ? (v > SHARE_VERSION ? 'newer' : 'outdated') : 'damaged' };
  if (mode !== undefined && !(MODES as readonly unknown[]).includes(mode)) return { ok: false, problem: 'invalid', fields: ['mode'] };
  const withMode = (a: Answers): Answers => (mode === undefined ? a : { mode: mode as Answers['mode'], ...a });
  if (region === 'brussels' || region === 'wallonia' || region === 'abroad') return { ok: true, value: withMode({ region }) };
  if (typeof profile !== 'object' || profile === null || Array.isArray(profile)) return { ok: false, problem: 'invalid', fields: ['profile'] };
  const checked = validateProfile(profile, content());
  if (checked.ok) return { ok: true, value: withMode(fromProfile(checked.profile)) };
  const given = profile as Record<string, unknown>;
  const refused = Object.keys(given).filter((k) => !validateProfile({ ...BASE_PROFILE, [k]: given[k] }, content()).ok)
    .map((k) => k.split(/[.[]/)[0]!).map((k) => (/^[A-Za-z0-9_]{1,40}$/.test(k) ? k : 'profile'));
  const outside = REGIONS.filter((r) => r !== 'flanders') as unknown[];
  if ('province' in given && outside.includes(given.region) && !refused.includes('province')) refused.push('province');
  if (refused.length) return { ok: false, problem: 'invalid', fields: [...new Set(refused)].sort() };
  const one = (k: string) => (validateProfile({ ...BASE_PROFILE, [k]: given[k] }, content()) as { profile: Profile }).profile;
  const a: Answers = {};
  if ('region' in given || 'province' in given) a.region = 'region' in given ? (given.region as Answers['region']) : 'flanders';
  for (const k of ['province', 'staff', 'turnoverEur', 'balanceSheetEur', 'ownedByLargeGroup', 'nace', 'needs'] as const) {
    if (k in given) Object.assign(a, { [k]: one(k)[k] });
  }
  if ('innovation' in given) Object.assign(a, { innovation: one('innovation').innovation, introducedAnswered: true, practicesAnswered: true });
  if ('triggers' in given) {
    const triggers = one('triggers').triggers ?? [];
    Object.assign(a, { triggers, showTriggers: triggers.length > 0, triggersAnswered: true });
  }
  return { ok: true, value: withMode(a) };
}
/** A decoded link with its refused fields in order, to compare with expectedDecode. */
const sorted = (r: Decoded<Answers>): Decoded<Answers> => (!r.ok && r.fields ? { ...r, fields: [...r.fields].sort() } : r);
const outcome = (r: Decoded<unknown>) => (r.ok ? 'ok' : r.problem);

describe('saved progress (localStorage)', () => {
  it('round trip: answers, step and time come back as saved', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const parsed = parseSaved(serialiseSaved(WEST_FLEMISH_SME, 'practices', now));
    expect(parsed).toEqual({ ok: true, value: { v: SAVE_VERSION, answers: WEST_FLEMISH_SME, step: 'practices', savedAt: '2026-11-23T10:00:00.000Z', rev: 1 } });
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

  it.each([[0, 'outdated'], [-1, 'outdated'], [2, 'newer'], [99, 'newer'], ['1', 'damaged'], [null, 'damaged']])('version %j is %s', (v, problem) => {
    const raw = JSON.stringify({ ...JSON.parse(serialiseSaved(WEST_FLEMISH_SME, 'check')), v });
    expect(parseSaved(raw)).toEqual({ ok: false, problem });
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

  it('never throws on any string, and never answers null (that means "nothing saved") or "invalid" (a share-link problem)', () => {
    fc.assert(fc.property(fc.string(), (raw) => {
      const r = parseSaved(raw);
      expect(r !== null && (r.ok || ['damaged', 'outdated', 'newer'].includes(r.problem))).toBe(true);
    }));
  });

  describe('accepts only what validates: exactly the saved value back, or the whole save refused', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const ANSWERS: Answers = {
      ...WEST_FLEMISH_SME, mode: 'client', triggers: ['succession'], showTriggers: true, triggersAnswered: true, notes: 'Bel terug in maart', clientName: 'Bakkerij Peeters',
    };
    const saved = () => JSON.parse(serialiseSaved(ANSWERS, 'result', now)) as { v: unknown; answers: Record<string, unknown>; step: unknown; savedAt: unknown };

    it('a save the content knows: every answer, the step and the time, nothing added', () => {
      const expected = { ok: true, value: { v: SAVE_VERSION, answers: ANSWERS, step: 'result', savedAt: '2026-11-23T10:00:00.000Z', rev: 1 } };
      expect(parseSaved(serialiseSaved(ANSWERS, 'result', now))).toStrictEqual(expected);
      expect(parseSaved(serialiseSaved(ANSWERS, 'result', now), content())).toStrictEqual(expected);
    });

    // [what is wrong, the change, the outcome without the content (the format alone), with the content]
    it.each<[string, (s: ReturnType<typeof saved>) => void, 'ok' | 'damaged' | 'outdated' | 'newer', 'damaged' | 'outdated' | 'newer']>([
      ['staff as text (wrong type)', (s) => { s.answers.staff = '12,5'; }, 'damaged', 'damaged'],
      ['a need as a bare string (wrong type)', (s) => { s.answers.needs = 'training'; }, 'damaged', 'damaged'],
      ['an innovation answer as text (wrong type)', (s) => { s.answers.innovation = { newGoods: 'ja' }; }, 'damaged', 'damaged'],
      ['a need id the content does not know', (s) => { s.answers.needs = ['training', 'world-domination']; }, 'ok', 'damaged'],
      ['a warning-light id the content does not know', (s) => { s.answers.triggers = ['succession', 'alien-invasion']; }, 'ok', 'damaged'],
      ['a NACE code that is no code (any more)', (s) => { s.answers.nace = '00.00'; }, 'ok', 'damaged'],
      ['negative staff (out of range)', (s) => { s.answers.staff = -1; }, 'damaged', 'damaged'],
      ['a negative balance sheet (out of range)', (s) => { s.answers.balanceSheetEur = -0.01; }, 'damaged', 'damaged'],
      ['notes over 20,000 characters (out of range)', (s) => { s.answers.notes = 'n'.repeat(20_001); }, 'damaged', 'damaged'],
      ['a client name over 200 characters (out of range)', (s) => { s.answers.clientName = 'N'.repeat(201); }, 'damaged', 'damaged'],
      ['an unknown answer field', (s) => { s.answers.employees = 3; }, 'damaged', 'damaged'],
      ['an unknown innovation key', (s) => { s.answers.innovation = { newGoods: true, magic: true }; }, 'damaged', 'damaged'],
      ['an unknown mode', (s) => { s.answers.mode = 'admin'; }, 'damaged', 'damaged'],
      ['an unknown step', (s) => { s.step = 'payment'; }, 'damaged', 'damaged'],
      ['version 2 (a newer app)', (s) => { s.v = 2; }, 'newer', 'newer'],
      ['version 0', (s) => { s.v = 0; }, 'outdated', 'outdated'],
      ['a negative revision', (s) => { (s as Record<string, unknown>).rev = -1; }, 'damaged', 'damaged'],
    ])('%s', (_, change, formatOnly, withContent) => {
      const s = saved();
      change(s);
      const raw = JSON.stringify(s);
      // Without the content, ids and codes are only text: the save comes back exactly as written.
      expect(parseSaved(raw)).toStrictEqual(formatOnly === 'ok' ? { ok: true, value: s } : { ok: false, problem: formatOnly });
      expect(parseSaved(raw, content())).toStrictEqual({ ok: false, problem: withContent });
    });
  });

  it('never throws on any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      const r = parseSaved(JSON.stringify(value));
      expect(r !== null && (r.ok || ['damaged', 'outdated', 'newer'].includes(r.problem))).toBe(true);
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

  it.each(['brussels', 'wallonia', 'abroad'] as const)('round trip: a firm in %s carries just its region, as a profile of one field', (region) => {
    const hash = encodeShareFragment({ region });
    expect(JSON.parse(Buffer.from(hash.slice(3), 'base64url').toString('utf8'))).toEqual({ v: SHARE_VERSION, profile: { region } });
    expect(decodeShareFragment(hash, content())).toStrictEqual({ ok: true, value: { region } });
  });

  it.each(['brussels', 'wallonia', 'abroad'] as const)('the older link of a firm in %s (region beside the profile) still opens', (region) => {
    expect(decodeShareFragment(fragment({ v: 1, region }), content())).toStrictEqual({ ok: true, value: { region } });
  });

  it('accepts a link written by another base64url encoder (Node\'s Buffer)', () => {
    const payload = { v: 1, profile: { region: 'flanders', province: 'antwerpen', staff: 3, nace: '10.7', innovation: {}, needs: ['not-sure'] } };
    const decoded = decodeShareFragment(fragment(payload), content());
    expect(decoded).toMatchObject({ ok: true, value: { region: 'flanders', province: 'antwerpen', staff: 3, nace: '10.7', needs: ['not-sure'] } });
  });

  describe('accepts only what validates: exactly the answers of the profile, or the whole link refused', () => {
    const PROFILE = {
      region: 'flanders', province: 'antwerpen', staff: 3, turnoverEur: 450_000, ownedByLargeGroup: false, nace: '1071',
      innovation: { newGoods: true, productInHouse: false }, needs: ['training', 'advice'], triggers: ['succession'],
    };
    /** A link around PROFILE with `patch` applied to the profile (undefined removes a field). */
    const link = (patch: Record<string, unknown> = {}, top: Record<string, unknown> = {}) => fragment({ v: 1, profile: { ...PROFILE, ...patch }, ...top });

    it('a valid link: every answer of its profile, the NACE code normalised, the pages behind it marked answered, nothing else', () => {
      expect(decodeShareFragment(link(), content())).toStrictEqual({
        ok: true,
        value: {
          region: 'flanders', province: 'antwerpen', staff: 3, turnoverEur: 450_000, balanceSheetEur: null, ownedByLargeGroup: false, nace: '10.71',
          innovation: { newGoods: true, productInHouse: false }, introducedAnswered: true, practicesAnswered: true,
          needs: ['training', 'advice'], triggers: ['succession'], showTriggers: true, triggersAnswered: true,
        },
      });
    });

    it('optional fields left out come back as "not given" (no balance sheet, no group, no warning lights)', () => {
      expect(decodeShareFragment(link({ province: undefined, turnoverEur: undefined, ownedByLargeGroup: undefined, triggers: undefined, innovation: {} }), content())).toStrictEqual({
        ok: true,
        value: {
          region: 'flanders', province: undefined, staff: 3, turnoverEur: null, balanceSheetEur: null, ownedByLargeGroup: false, nace: '10.71',
          innovation: {}, introducedAnswered: true, practicesAnswered: true, needs: ['training', 'advice'], triggers: [], showTriggers: false, triggersAnswered: true,
        },
      });
    });

    it.each<[string, string, 'invalid' | 'outdated' | 'newer' | 'damaged', string?]>([
      ['staff as text (wrong type)', link({ staff: '3' }), 'invalid', 'staff'],
      ['ownership as text (wrong type)', link({ ownedByLargeGroup: 'nee' }), 'invalid', 'ownedByLargeGroup'],
      ['needs as a bare string (wrong type)', link({ needs: 'training' }), 'invalid', 'needs'],
      ['an innovation answer as text (wrong type)', link({ innovation: { newGoods: 'yes' } }), 'invalid', 'innovation'],
      ['one unknown need id among known ones', link({ needs: ['training', 'world-domination'] }), 'invalid', 'needs'],
      ['one unknown warning-light id', link({ triggers: ['succession', 'alien-invasion'] }), 'invalid', 'triggers'],
      ['the same need twice', link({ needs: ['training', 'training'] }), 'invalid', 'needs'],
      ['no needs at all', link({ needs: [] }), 'invalid', 'needs'],
      ['a NACE code in no division', link({ nace: '00.00' }), 'invalid', 'nace'],
      ['negative staff (out of range)', link({ staff: -1 }), 'invalid', 'staff'],
      ['a negative turnover (out of range)', link({ turnoverEur: -0.01 }), 'invalid', 'turnoverEur'],
      ['staff of 1e400, i.e. Infinity (out of range)', `#r=${Buffer.from('{"v":1,"profile":{"region":"flanders","staff":1e400,"nace":"25.62","needs":["training"]}}').toString('base64url')}`, 'invalid', 'staff'],
      ['an unknown profile field', link({ employees: 3 }), 'invalid', 'employees'],
      ['an unknown innovation key', link({ innovation: { newGoods: true, magic: true } }), 'invalid', 'innovation'],
      ['a province with a region outside Flanders', link({ region: 'wallonia' }), 'invalid', 'province'],
      ['a mode that is not one of the three', link({}, { mode: 'admin' }), 'invalid', 'mode'],
      ['a mode in capitals', link({}, { mode: 'Owner' }), 'invalid', 'mode'],
      ['version 2 (from a newer app)', link({}, { v: 2 }), 'newer'],
      ['version 0', link({}, { v: 0 }), 'outdated'],
      ['version "1" (a string)', link({}, { v: '1' }), 'damaged'],
    ])('%s: the whole link is refused (%s, naming %s), no field dropped to save the rest', (_, hash, problem, field) => {
      expect(decodeShareFragment(hash, content())).toStrictEqual({ ok: false, problem, ...(field ? { fields: [field] } : {}) });
    });
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

  it.each([[0, 'outdated'], [-1, 'outdated'], [0.5, 'outdated'], [2, 'newer'], [99, 'newer'], [1.5, 'newer']])('version %s is %s', (v, problem) => {
    expect(decodeShareFragment(fragment({ v, profile: {} }), content())).toEqual({ ok: false, problem });
  });

  it.each<[string, unknown, string]>([
    ['no profile', { v: 1 }, 'profile'],
    ['a profile that is not an object', { v: 1, profile: 'flanders' }, 'profile'],
    ['a profile that is a list', { v: 1, profile: [{ region: 'flanders' }] }, 'profile'],
    ['Flanders given as a region only', { v: 1, region: 'flanders' }, 'profile'],
    ['an unknown region only', { v: 1, region: 'mars' }, 'profile'],
    ['staff as text', { v: 1, profile: { region: 'flanders', staff: 'twelve', nace: '25.62', needs: ['training'] } }, 'staff'],
    ['a negative turnover', { v: 1, profile: { region: 'flanders', staff: 3, turnoverEur: -5, nace: '25.62', needs: ['training'] } }, 'turnoverEur'],
    ['an unknown need', { v: 1, profile: { region: 'flanders', staff: 3, nace: '25.62', needs: ['world-domination'] } }, 'needs'],
    ['innovation answers as text', { v: 1, profile: { region: 'flanders', staff: 3, nace: '25.62', innovation: { newGoods: 'yes' }, needs: ['training'] } }, 'innovation'],
    ['a province outside Flanders', { v: 1, profile: { region: 'wallonia', province: 'limburg', staff: 3, nace: '25.62', needs: ['training'] } }, 'province'],
    ['a partial profile with one bad field', { v: 1, profile: { province: 'limburg', staff: -2 } }, 'staff'],
  ])('valid JSON with wrong types (%s) is invalid, naming the field (%s)', (_, payload, field) => {
    expect(decodeShareFragment(fragment(payload), content())).toStrictEqual({ ok: false, problem: 'invalid', fields: [field] });
  });

  it.each<[string, unknown]>([
    ['the NACE code', { nace: '<script>alert(1)</script>' }],
    ['the name of an unknown field', { '<script>alert(1)</script>': 1 }],
    ['a need', { needs: ['<script>alert(1)</script>'] }],
    ['the province', { province: '<img src=x onerror=alert(1)>' }],
    ['an unknown field', { note: '<script>alert(1)</script>' }],
    ['a trigger', { triggers: ['<script>alert(1)</script>'] }],
  ])('a script tag in %s is refused as invalid and never comes back out', (_, patch) => {
    const base = JSON.parse(Buffer.from(encodeShareFragment(WEST_FLEMISH_SME).slice(3), 'base64url').toString('utf8'));
    const result = decodeShareFragment(fragment({ ...base, profile: { ...base.profile, ...(patch as object) } }), content());
    expect(result).toMatchObject({ ok: false, problem: 'invalid', fields: [expect.any(String)] });
    expect(JSON.stringify(result)).not.toMatch(/script|onerror|alert/);
  });

  it('a script tag as the region of an out-of-region link is refused', () => {
    expect(decodeShareFragment(fragment({ v: 1, region: '<script>alert(1)</script>' }), content())).toStrictEqual({ ok: false, problem: 'invalid', fields: ['profile'] });
  });

  const base = JSON.parse(Buffer.from(encodeShareFragment(WEST_FLEMISH_SME).slice(3), 'base64url').toString('utf8')) as { profile: Record<string, unknown> };
  const FIELDS = ['region', 'province', 'staff', 'turnoverEur', 'balanceSheetEur', 'ownedByLargeGroup', 'nace', 'innovation', 'needs', 'triggers', 'employees'];
  // Values that are right for some field and wrong for others, so that every outcome comes up.
  const nearValue = fc.oneof(
    fc.jsonValue(),
    fc.constantFrom<unknown>(...REGIONS, 'limburg', 0, 12.5, 250, -1, '25.62', '2562', '00', [], ['training'], ['training', 'training'], ['world-domination'], ['succession'], { newGoods: true }, { magic: true }, true, null),
  );
  const modeArb = fc.option(fc.constantFrom<unknown>(...MODES, 'admin', 1), { nil: undefined });
  /** Any JSON, a valid link with one profile field changed or removed, a partial profile, or a region-only link. */
  const payloadArb = fc.oneof(
    fc.jsonValue(),
    fc.record({ v: fc.oneof(fc.constant(1), fc.jsonValue()), field: fc.constantFrom(...FIELDS), value: fc.option(nearValue, { nil: undefined }), mode: modeArb })
      .map(({ v, field, value, mode }) => ({ v, mode, profile: { ...base.profile, [field]: value } })),
    // A partial profile: any subset of a valid profile's fields, one of them possibly changed.
    fc.record({ keep: fc.subarray(FIELDS), field: fc.constantFrom(...FIELDS), value: fc.option(nearValue, { nil: undefined }), mode: modeArb })
      .map(({ keep, field, value, mode }) => ({ v: 1, mode, profile: { ...Object.fromEntries(keep.filter((k) => k in base.profile).map((k) => [k, base.profile[k]])), [field]: value } })),
    fc.record({ v: fc.constant(1), region: fc.oneof(fc.constantFrom(...REGIONS), fc.jsonValue()) }),
  );

  it('never throws on any string after the prefix: outside base64url it is damaged, inside it decodes by the rules', () => {
    const json = (p: unknown) => Buffer.from(JSON.stringify(p), 'utf8');
    const tailArb = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.stringMatching(/^[A-Za-z0-9_-]*$/),
      fc.base64String(),
      payloadArb.map((p) => json(p).toString('base64url')),
      // Standard base64 ("+", "/", "=" padding) of the same payloads: not the link format.
      payloadArb.map((p) => json(p).toString('base64')),
    );
    fc.assert(fc.property(tailArb, (tail) => {
      const hash = `#r=${tail}`;
      const r = decodeShareFragment(hash, content());
      if (!/^[A-Za-z0-9_-]*$/.test(tail.replace(/[.)]+$/, ''))) expect(r).toStrictEqual(DAMAGED);
      expect(sorted(r)).toStrictEqual(expectedDecode(hash));
    }));
  });

  it('never throws on any JSON payload, and accepts only what validates: exactly the validated answers, else the problem', () => {
    const seen = new Set<string>();
    fc.assert(fc.property(payloadArb, (payload) => {
      const hash = fragment(payload);
      const r = decodeShareFragment(hash, content());
      expect(sorted(r)).toStrictEqual(expectedDecode(hash));
      seen.add(outcome(r));
    }), { numRuns: 300 });
    // The payloads reached every outcome (a property that only ever met garbage would prove little).
    expect([...seen].sort()).toEqual(expect.arrayContaining(['damaged', 'invalid', 'ok']));
    expect(seen.has('outdated') || seen.has('newer')).toBe(true);
  });

  it('never throws on payloads that look almost like a share link, and decodes them by the rules', () => {
    const almost = fc.record({
      v: fc.oneof(fc.constant(1), fc.anything()),
      region: fc.oneof(fc.constantFrom(...REGIONS), fc.anything()),
      profile: fc.oneof(fc.anything(), fc.record({ region: fc.oneof(fc.constant('flanders'), fc.string()), staff: fc.anything(), nace: fc.oneof(fc.constant('25.62'), fc.string()), needs: fc.anything() })),
    }, { requiredKeys: [] });
    fc.assert(fc.property(almost, (payload) => {
      const hash = fragment(payload);
      expect(sorted(decodeShareFragment(hash, content()))).toStrictEqual(expectedDecode(hash));
    }));
  });
});

describe('prefilled links: a partial profile and a mode (README, "Share and prefilled links")', () => {
  /** What an accountant's CRM knows of a client: where, how many people, what it does, no needs yet. */
  const CRM = { region: 'flanders', province: 'limburg', staff: 12, turnoverEur: 1_800_000, nace: '2562' };

  it('a partial profile gives exactly its answers, the NACE code normalised, everything else left open', () => {
    expect(decodeShareFragment(fragment({ v: 1, profile: CRM }), content())).toStrictEqual({
      ok: true, value: { region: 'flanders', province: 'limburg', staff: 12, turnoverEur: 1_800_000, nace: '25.62' },
    });
  });

  it('the answers given mark their pages answered: innovation both innovation pages, warning lights theirs', () => {
    const r = decodeShareFragment(fragment({ v: 1, profile: { staff: 3, innovation: { newGoods: true }, triggers: [] } }), content());
    expect(r).toStrictEqual({
      ok: true,
      value: { staff: 3, innovation: { newGoods: true }, introducedAnswered: true, practicesAnswered: true, triggers: [], showTriggers: false, triggersAnswered: true },
    });
  });

  it('a province alone means Flanders', () => {
    expect(decodeShareFragment(fragment({ v: 1, profile: { province: 'antwerpen' } }), content()))
      .toStrictEqual({ ok: true, value: { region: 'flanders', province: 'antwerpen' } });
  });

  it('an empty profile is a link to a fresh wizard (in its mode)', () => {
    expect(decodeShareFragment(fragment({ v: 1, mode: 'client', profile: {} }), content())).toStrictEqual({ ok: true, value: { mode: 'client' } });
  });

  it.each(MODES)('mode %s is kept with a partial profile and with a complete one', (mode) => {
    expect(decodeShareFragment(fragment({ v: 1, mode, profile: CRM }), content())).toMatchObject({ ok: true, value: { mode, nace: '25.62' } });
    const complete = decodeShareFragment(fragment({ v: 1, mode, profile: { ...CRM, needs: ['training'] } }), content());
    expect(complete).toMatchObject({ ok: true, value: { mode, needs: ['training'], triggersAnswered: true } });
  });

  it('no mode: none in the answers (the wizard\'s default, the owner)', () => {
    const r = decodeShareFragment(fragment({ v: 1, profile: CRM }), content());
    expect(r.ok && Object.hasOwn(r.value, 'mode')).toBe(false);
  });

  it('each bad field of a partial profile is named; none is dropped', () => {
    expect(sorted(decodeShareFragment(fragment({ v: 1, profile: { ...CRM, staff: 'twelve', nace: '99.99.9', needs: [] } }), content())))
      .toStrictEqual({ ok: false, problem: 'invalid', fields: ['nace', 'needs', 'staff'] });
    expect(decodeShareFragment(fragment({ v: 1, profile: { region: 'brussels', province: 'limburg' } }), content()))
      .toStrictEqual({ ok: false, problem: 'invalid', fields: ['province'] });
    expect(decodeShareFragment(fragment({ v: 1, profile: { turnoverEur: null } }), content()))
      .toStrictEqual({ ok: false, problem: 'invalid', fields: ['turnoverEur'] });
  });

  it('the wizard opens on the first question the link leaves open (complete: the result)', () => {
    const at = (profile: object) => {
      const r = decodeShareFragment(fragment({ v: 1, profile }), content());
      if (!r.ok) throw new Error(r.problem);
      return firstOpenStep(r.value);
    };
    expect(at({})).toBe('region');
    expect(at({ region: 'flanders' })).toBe('region');
    expect(at({ province: 'limburg' })).toBe('staff');
    expect(at(CRM)).toBe('figures');
    expect(at({ ...CRM, staff: 300 })).toBe('ownership');
    expect(at({ ...CRM, balanceSheetEur: 900_000, ownedByLargeGroup: false })).toBe('introduced');
    expect(at({ ...CRM, balanceSheetEur: 900_000, ownedByLargeGroup: false, innovation: {} })).toBe('needs');
    expect(at({ region: 'wallonia' })).toBeNull();
    expect(at({ ...CRM, needs: ['training'] })).toBeNull();
  });

  it('the README\'s example decodes to what the README says', () => {
    const example = '#r=eyJ2IjoxLCJtb2RlIjoiY2xpZW50IiwicHJvZmlsZSI6eyJyZWdpb24iOiJmbGFuZGVycyIsInByb3ZpbmNlIjoibGltYnVyZyIsInN0YWZmIjoxMiwibmFjZSI6IjI1LjYyIn19';
    expect(Buffer.from(example.slice(3), 'base64url').toString('utf8'))
      .toBe('{"v":1,"mode":"client","profile":{"region":"flanders","province":"limburg","staff":12,"nace":"25.62"}}');
    const r = decodeShareFragment(example, content());
    expect(r).toStrictEqual({ ok: true, value: { mode: 'client', region: 'flanders', province: 'limburg', staff: 12, nace: '25.62' } });
    expect(r.ok && firstOpenStep(r.value)).toBe('figures');
  });
});

describe('share links damaged by mail and copying', () => {
  const hash = encodeShareFragment(WEST_FLEMISH_SME);
  const tail = hash.slice(3);
  const intact = decodeShareFragment(hash, content());

  it.each([
    ['"=" percent-encoded', `#r%3D${tail}`],
    ['"=" percent-encoded in lower case', `#r%3d${tail}`],
    ['a full stop after it', `${hash}.`],
    ['a closing bracket after it', `${hash})`],
    ['a bracket and a full stop', `${hash}).`],
    ['"=" encoded and a full stop', `#r%3D${tail}.`],
  ])('%s: the same answers as the intact link', (_, damaged) => {
    expect(intact.ok).toBe(true);
    expect(decodeShareFragment(damaged, content())).toStrictEqual(intact);
  });

  it.each([
    ['a comma after it', `${hash},`],
    ['a full stop inside it', `#r=${tail.slice(0, 20)}.${tail.slice(20)}`],
    ['a space inside it', `#r=${tail.slice(0, 20)} ${tail.slice(20)}`],
    ['an encoded space inside it', `#r=${tail.slice(0, 20)}%20${tail.slice(20)}`],
    ['cut short and a full stop', `${hash.slice(0, -5)}.`],
    ['"#" doubled', `##r=${tail}`],
    ['"=" encoded twice', `#r%253D${tail}`],
  ])('%s: still damaged', (_, damaged) => {
    expect(decodeShareFragment(damaged, content())).toStrictEqual(DAMAGED);
  });
});

describe('what is wrong with an invalid share link (shareLinkErrors)', () => {
  const base = { region: 'flanders', staff: 12, nace: '25.62', needs: ['training'] };
  it('names each refused field, what it holds and what is allowed, in the language asked', () => {
    const [staff, needs] = shareLinkErrors(fragment({ v: 1, profile: { ...base, staff: -3, needs: ['training', 'world-domination'] } }), content(), 'en');
    expect(staff).toMatch(/^staff has an invalid value \(-3\)\. Expected: a number from 0/);
    expect(needs).toMatch(/^needs/);
    expect(needs).toContain('world-domination');
    expect(needs).toContain('training');
    const [fr] = shareLinkErrors(fragment({ v: 1, profile: { ...base, staff: -3 } }), content(), 'fr');
    expect(fr).toMatch(/^staff a une valeur non valable \(-3\)\. Attendu : un nombre à partir de 0/);
  });
  it('an unknown mode: the modes there are', () => {
    expect(shareLinkErrors(fragment({ v: 1, mode: 'boss', profile: base }), content(), 'nl'))
      .toEqual(['mode heeft een ongeldige waarde ("boss"). Verwacht: een van owner, client, intake.']);
  });
  it('nothing for a link that opens, nor for one that is damaged rather than invalid', () => {
    expect(shareLinkErrors(fragment({ v: 1, profile: base }), content(), 'nl')).toEqual([]);
    expect(shareLinkErrors('#r=garbage', content(), 'nl')).toEqual([]);
  });
});

describe('share links with the content of one language (as the browser has it)', () => {
  it.each(['en', 'fr'] as const)('a partial prefilled link opens with the %s content; an invalid one is refused in that language', (l) => {
    const one = onlyLanguage(content(), l);
    expect(decodeShareFragment(fragment({ v: 1, mode: 'client', profile: { region: 'flanders', staff: 12 } }), one))
      .toStrictEqual({ ok: true, value: { mode: 'client', region: 'flanders', staff: 12 } });
    const invalid = fragment({ v: 1, profile: { region: 'flanders', staff: -3 } });
    expect(decodeShareFragment(invalid, one)).toStrictEqual({ ok: false, problem: 'invalid', fields: ['staff'] });
    expect(shareLinkErrors(invalid, one, 'nl')[0]).toMatch(l === 'en' ? /^staff has an invalid value/ : /^staff a une valeur non valable/);
  });
});
