// Property tests for the two decoders that read what the outside world hands the wizard: share
// links (URL fragment) and saved progress (localStorage). Extends tests/wizard/persistence.test.ts
// (which has the fixed examples and fc.string / fc.jsonValue "never throws") with arbitrary valid
// answers, huge inputs, truncation anywhere, wrong types and markup in every field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateProfile } from '../../src/domain/profile';
import { refer } from '../../src/domain/refer';
import { completeProfile, toProfile, type Answers } from '../../src/wizard/answers';
import {
  decodeShareFragment, encodeShareFragment, parseSaved, SAVE_VERSION, serialiseSaved, SHARE_VERSION, type Decoded,
} from '../../src/wizard/persistence';
import { content } from '../helpers';
import {
  flemishAnswersArb, fragmentOf, knownAnswersArb, outOfRegionAnswersArb, partialAnswersArb, payloadOf, scriptArb, stepArb, SCRIPTS,
} from './arbitraries';

const c = content();

/**
 * What parseSaved gives for a string: never null (that means "nothing saved") and never "invalid"
 * (a share-link problem), though its type allows both.
 */
function expectSavedOutcome(r: Decoded<unknown> | null) {
  expect(r).not.toBeNull();
  if (r && !r.ok) expect(['damaged', 'outdated', 'newer']).toContain(r.problem);
}

/** An ok share link decodes to answers that the result page can use: a region outside Flanders, or a profile that validates. */
function expectUsable(r: Decoded<Answers>) {
  if (!r.ok) return;
  const a = r.value;
  if (a.region !== 'flanders') {
    expect(Object.keys(a)).toEqual(['region']);
    return;
  }
  expect(validateProfile(toProfile(a), c).ok).toBe(true);
}

describe('share link codec (property)', () => {
  it('round trip: any complete Flemish answers give the same profile and the same referral, and nothing private', () => {
    fc.assert(
      fc.property(flemishAnswersArb, (answers) => {
        const profile = completeProfile(answers, c);
        expect(profile, 'generated answers must be complete').not.toBeNull();
        const hash = encodeShareFragment(answers);
        expect(hash).toMatch(/^#r=[A-Za-z0-9_-]+$/);
        const decoded = decodeShareFragment(hash, c);
        expect(decoded.ok).toBe(true);
        if (!decoded.ok) return;
        expect(completeProfile(decoded.value, c)).toEqual(profile);
        expect(refer(completeProfile(decoded.value, c)!, c, 'en')).toEqual(refer(profile!, c, 'en'));
        // Notes, names and the mode stay on the device.
        for (const k of ['notes', 'adviserName', 'clientName', 'mode'] as const) expect(decoded.value[k]).toBeUndefined();
        expect(JSON.stringify(payloadOf(hash))).not.toMatch(/notes|adviserName|clientName/);
      }),
      { numRuns: 300 },
    );
  });

  it('round trip: any answers outside Flanders carry just the region (a profile of one field)', () => {
    fc.assert(
      fc.property(outOfRegionAnswersArb, (answers) => {
        const hash = encodeShareFragment(answers);
        expect(payloadOf(hash)).toEqual({ v: SHARE_VERSION, profile: { region: answers.region } });
        expect(decodeShareFragment(hash, c)).toEqual({ ok: true, value: { region: answers.region } });
      }),
    );
  });

  it('never throws on any string at all (with or without the prefix): not "#r=" + base64url (once repaired) is damaged, and an ok is usable', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string().map((s) => `#r=${s}`), fc.base64String().map((s) => `#r=${s}`)), (hash) => {
        const r = decodeShareFragment(hash, c);
        // The repairs of share-link.ts: "#r%3D" is "#r=", a "." or ")" at the end is dropped.
        const repaired = /^#r(=|%3[dD])/.test(hash) ? `#r=${hash.replace(/^#r(=|%3[dD])/, '').replace(/[.)]+$/, '')}` : hash;
        if (!/^#r=[A-Za-z0-9_-]*$/.test(repaired)) expect(r).toEqual({ ok: false, problem: 'damaged' });
        expectUsable(r);
      }),
      { numRuns: 500 },
    );
  });

  it('huge fragments (over 8,000 characters, up to 200 kB) are damaged, at once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8_001, max: 200_000 }), fc.constantFrom('A', '_', '-', 'z9'), (length, unit) => {
        const hash = `#r=${unit.repeat(Math.ceil(length / unit.length))}`;
        const started = performance.now();
        expect(decodeShareFragment(hash, c)).toEqual({ ok: false, problem: 'damaged' });
        expect(performance.now() - started).toBeLessThan(50);
      }),
      { numRuns: 50 },
    );
    // A real, valid payload padded beyond the limit is refused too: the size alone decides.
    const padded = fragmentOf({ v: 1, region: 'abroad', pad: 'x'.repeat(9_000) });
    expect(decodeShareFragment(padded, c)).toEqual({ ok: false, problem: 'damaged' });
  });

  it('a valid link of any firm, truncated anywhere, is damaged', () => {
    fc.assert(
      fc.property(fc.oneof(flemishAnswersArb, outOfRegionAnswersArb), fc.double({ min: 0, max: 1, noNaN: true }), (answers, where) => {
        const hash = encodeShareFragment(answers);
        const cut = 3 + Math.floor(where * (hash.length - 3));
        fc.pre(cut < hash.length);
        expect(decodeShareFragment(hash.slice(0, cut), c)).toEqual({ ok: false, problem: 'damaged' });
      }),
      { numRuns: 300 },
    );
  });

  it('a valid link with one character changed never throws, and an ok is usable', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    fc.assert(
      fc.property(flemishAnswersArb, fc.nat(), fc.constantFrom(...alphabet), (answers, at, ch) => {
        const hash = encodeShareFragment(answers);
        const i = 3 + (at % (hash.length - 3));
        const r = decodeShareFragment(`${hash.slice(0, i)}${ch}${hash.slice(i + 1)}`, c);
        expectUsable(r);
      }),
      { numRuns: 300 },
    );
  });

  it('any other version is newer or outdated (a larger or smaller number) or damaged (anything else), never ok', () => {
    fc.assert(
      fc.property(flemishAnswersArb, fc.jsonValue().filter((v) => v !== SHARE_VERSION), (answers, v) => {
        const payload = { ...payloadOf(encodeShareFragment(answers)), v };
        const r = decodeShareFragment(fragmentOf(payload), c);
        expect(r).toEqual({ ok: false, problem: typeof v === 'number' ? (v > SHARE_VERSION ? 'newer' : 'outdated') : 'damaged' });
      }),
      { numRuns: 200 },
    );
  });

  const FIELDS = ['region', 'province', 'staff', 'turnoverEur', 'balanceSheetEur', 'ownedByLargeGroup', 'nace', 'innovation', 'needs', 'triggers'] as const;

  it('valid JSON with any field of a valid link replaced by any JSON value: ok and usable, or invalid', () => {
    fc.assert(
      fc.property(flemishAnswersArb, fc.constantFrom(...FIELDS), fc.jsonValue(), (answers, field, value) => {
        const payload = payloadOf(encodeShareFragment(answers));
        const r = decodeShareFragment(fragmentOf({ ...payload, profile: { ...(payload.profile as object), [field]: value } }), c);
        if (r.ok) expectUsable(r);
        else expect(r.problem).toBe('invalid');
      }),
      { numRuns: 500 },
    );
  });

  it('a script tag in any string field, list item, key or extra field of a link is refused and never comes back out', () => {
    const where = fc.constantFrom('region', 'province', 'nace', 'needs', 'triggers', 'innovation-key', 'extra-field', 'out-of-region', 'version');
    fc.assert(
      fc.property(flemishAnswersArb, where, scriptArb, fc.constantFrom('replace', 'append'), (answers, at, script, how) => {
        const payload = payloadOf(encodeShareFragment(answers));
        const profile = payload.profile as Record<string, unknown>;
        const str = (old: unknown) => (how === 'append' && typeof old === 'string' ? `${old}${script}` : script);
        switch (at) {
          case 'needs': case 'triggers': profile[at] = [...((profile[at] as string[] | undefined) ?? []), script]; break;
          case 'innovation-key': profile.innovation = { ...(profile.innovation as object), [script]: true }; break;
          case 'extra-field': profile[script] = script; break;
          case 'out-of-region': delete payload.profile; payload.region = str('brussels'); break;
          case 'version': payload.v = script; break;
          default: profile[at] = str(profile[at]);
        }
        const r = decodeShareFragment(fragmentOf(payload), c);
        expect(r.ok).toBe(false);
        expect(JSON.stringify(r)).not.toMatch(/[<>]|script|onerror|javascript/i);
      }),
      { numRuns: 300 },
    );
  });
});

describe('saved progress loader (property)', () => {
  it('never throws on any string, with or without the content; the content only ever refuses more', () => {
    // Saves of any answers the format allows (ids and codes the content may not know) make both "ok" and "refused by the content" come up.
    const raws = fc.oneof(fc.string({ unit: 'binary' }), fc.jsonValue().map((v) => JSON.stringify(v)), fc.json(), fc.tuple(partialAnswersArb, stepArb).map(([a, step]) => serialiseSaved(a, step)));
    const seen = new Set<string>();
    fc.assert(
      fc.property(raws, (raw) => {
        const plain = parseSaved(raw);
        const checked = parseSaved(raw, c);
        expectSavedOutcome(plain);
        expectSavedOutcome(checked);
        // What passes the content check passes the format alone, unchanged; what the format refuses stays refused, for the same reason.
        if (checked?.ok) expect(plain).toEqual(checked);
        if (!plain?.ok) expect(checked).toEqual(plain);
        seen.add(`${plain?.ok ? 'ok' : plain?.problem} / ${checked?.ok ? 'ok' : checked?.problem}`);
      }),
      { numRuns: 500 },
    );
    expect(seen).toContain('ok / ok');
    expect(seen).toContain('ok / damaged');
  });

  it('strings around and far beyond the 100,000-character limit: damaged, without being parsed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100_001, max: 2_000_000 }), (length) => {
        const raw = `{"v":1,"answers":{},"step":"region","savedAt":"${'x'.repeat(length)}"}`;
        const started = performance.now();
        expect(parseSaved(raw, c)).toEqual({ ok: false, problem: 'damaged' });
        expect(performance.now() - started).toBeLessThan(50);
      }),
      { numRuns: 20 },
    );
  });

  it('round trip: serialise then parse gives the same answers, step and time, for any answers the format allows', () => {
    fc.assert(
      fc.property(partialAnswersArb, stepArb, fc.date({ min: new Date('2000-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }), (answers, step, now) => {
        const raw = serialiseSaved(answers, step, now);
        expect(parseSaved(raw)).toEqual({ ok: true, value: { v: SAVE_VERSION, answers, step, savedAt: now.toISOString(), rev: 1 } });
      }),
      { numRuns: 300 },
    );
  });

  it('round trip with the content: answers the content knows come back intact, markup in the notes stays text', () => {
    fc.assert(
      fc.property(knownAnswersArb, stepArb, (answers, step) => {
        const r = parseSaved(serialiseSaved(answers, step), c);
        expect(r).toMatchObject({ ok: true, value: { answers, step } });
      }),
      { numRuns: 300 },
    );
  });

  it('a valid save truncated anywhere is damaged', () => {
    fc.assert(
      fc.property(partialAnswersArb, stepArb, fc.double({ min: 0, max: 1, noNaN: true }), (answers, step, where) => {
        const raw = serialiseSaved(answers, step);
        const cut = Math.floor(where * raw.length);
        fc.pre(cut < raw.length);
        expect(parseSaved(raw.slice(0, cut), c)).toEqual({ ok: false, problem: 'damaged' });
      }),
      { numRuns: 300 },
    );
  });

  it('any other version is newer, outdated or (not a number) damaged, never ok', () => {
    fc.assert(
      fc.property(partialAnswersArb, stepArb, fc.jsonValue().filter((v) => v !== SAVE_VERSION), (answers, step, v) => {
        const raw = JSON.stringify({ ...JSON.parse(serialiseSaved(answers, step)), v });
        expect(parseSaved(raw, c)).toEqual({ ok: false, problem: typeof v === 'number' ? (v > SAVE_VERSION ? 'newer' : 'outdated') : 'damaged' });
      }),
    );
  });

  const SAVED_FIELDS = ['mode', 'region', 'province', 'staff', 'turnoverEur', 'balanceSheetEur', 'ownedByLargeGroup', 'nace', 'innovation', 'introducedAnswered', 'practicesAnswered', 'needs', 'triggers', 'showTriggers', 'triggersAnswered', 'notes', 'adviserName', 'clientName'] as const;

  it('valid JSON with any answer replaced by any JSON value: the same answers back, or damaged', () => {
    fc.assert(
      fc.property(knownAnswersArb, stepArb, fc.constantFrom(...SAVED_FIELDS, 'step', 'savedAt', 'extra'), fc.jsonValue(), (answers, step, field, value) => {
        const saved = JSON.parse(serialiseSaved(answers, step)) as Record<string, unknown>;
        if (field === 'step' || field === 'savedAt' || field === 'extra') saved[field] = value;
        else saved.answers = { ...(saved.answers as object), [field]: value };
        const r = parseSaved(JSON.stringify(saved), c);
        expectSavedOutcome(r);
        if (r!.ok) expect(r!.value).toEqual(JSON.parse(JSON.stringify(saved)));
        else expect(r!.problem).toBe('damaged');
      }),
      { numRuns: 500 },
    );
  });

  it('a script tag in a field the content checks (NACE, needs, triggers, step, region) is damaged; in the notes it is kept as text', () => {
    fc.assert(
      fc.property(knownAnswersArb, scriptArb, fc.constantFrom('nace', 'needs', 'triggers', 'region', 'step', 'mode', 'innovation'), (answers, script, field) => {
        const saved = JSON.parse(serialiseSaved(answers, 'check')) as { answers: Record<string, unknown>; step: unknown };
        if (field === 'step') saved.step = script;
        else if (field === 'needs' || field === 'triggers') saved.answers[field] = [script];
        else if (field === 'innovation') saved.answers.innovation = { [script]: true };
        else saved.answers[field] = script;
        expect(parseSaved(JSON.stringify(saved), c)).toEqual({ ok: false, problem: 'damaged' });
      }),
      { numRuns: 200 },
    );
    for (const script of SCRIPTS) {
      const r = parseSaved(serialiseSaved({ notes: script, clientName: script }, 'result'), c);
      expect(r).toMatchObject({ ok: true, value: { answers: { notes: script, clientName: script } } });
    }
  });
});
