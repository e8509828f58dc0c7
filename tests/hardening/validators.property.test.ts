// Property tests for the Profile validator (every input path ends there: share links, intake
// imports, CSV rows, CLI files) and the intake import. Extends tests/domain/properties.test.ts, whose
// fc.anything() property still keeps keys named like Object.prototype members out: here they are in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateProfile } from '../../src/domain/profile';
import { LANGS } from '../../src/domain/types';
import { completeProfile, fromProfile } from '../../src/wizard/answers';
import { importIntake, INTAKE_FORMAT } from '../../src/wizard/intake';
import { buildIntake, intakeToJson } from '../../src/wizard/intake-export';
import { MAX_INTAKE_BYTES, MAX_NOTES } from '../../src/wizard/limits';
import { parseSaved, serialiseSaved } from '../../src/wizard/persistence';
import { content } from '../helpers';
import { flemishAnswersArb, outOfRegionAnswersArb, profileArb, scriptArb } from './arbitraries';

const c = content();
const langArb = fc.constantFrom(...LANGS);

/** Keys that have broken validators before: prototype members, the empty key, markup. */
const nastyKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', 'region ', '<script>', '0', 'innovation.newGoods');
const keyArb = fc.oneof(fc.string(), nastyKey);

function expectFieldErrors(r: ReturnType<typeof validateProfile>) {
  if (r.ok) return;
  expect(r.errors.length).toBeGreaterThan(0);
  const fields = r.errors.map((e) => e.field);
  expect(new Set(fields).size, 'one error per field').toBe(fields.length);
  for (const e of r.errors) {
    // A blank key (" ") is named as it is: the message reads "  is not a field" (minor, see the report).
    expect(e.field.length).toBeGreaterThan(0);
    // "profile" (the whole input is not an object) is worded in the language: "Het profiel ...".
    if (e.field !== 'profile') expect(e.message).toContain(e.field);
    expect(e.message.trim().length).toBeGreaterThan(e.field.length);
  }
}

describe('validateProfile (property)', () => {
  it('never throws on fc.anything() (prototype-named and empty keys included), and every error has a field and a message', () => {
    fc.assert(
      fc.property(fc.anything({ key: keyArb, maxDepth: 4 }), langArb, (input, lang) => {
        expectFieldErrors(validateProfile(input, c, lang));
      }),
      { numRuns: 2_000 },
    );
  });

  it('never throws on a valid profile with any field replaced or added (anything, nasty keys), and names only that field', () => {
    fc.assert(
      fc.property(profileArb, keyArb, fc.anything({ key: keyArb, maxDepth: 3 }), langArb, (p, key, value, lang) => {
        const input = JSON.parse(JSON.stringify(p)) as Record<string, unknown>;
        Object.defineProperty(input, key, { value, enumerable: true, configurable: true, writable: true });
        const r = validateProfile(input, c, lang);
        expectFieldErrors(r);
        if (!r.ok) for (const e of r.errors) expect(e.field === key || e.field.startsWith(`${key}.`) || e.field.startsWith(`${key}[`) || (key === '' && e.field.startsWith('""')) || (key === 'region' && e.field === 'province')).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });

  it('valid profiles pass, in every language, unchanged', () => {
    fc.assert(
      fc.property(profileArb, langArb, (p, lang) => {
        const r = validateProfile(p, c, lang);
        expect(r).toEqual({ ok: true, profile: p });
      }),
      { numRuns: 500 },
    );
  });

  it('markup in any string field or list is refused', () => {
    fc.assert(
      fc.property(profileArb, fc.constantFrom('region', 'province', 'nace', 'needs', 'triggers'), scriptArb, (p, field, script) => {
        const value = field === 'needs' || field === 'triggers' ? [script] : script;
        const r = validateProfile({ ...p, [field]: value }, c, 'en');
        expect(r.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

const intakeShell = (profile: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({
  format: INTAKE_FORMAT, version: 1, mode: 'intake', region: 'flanders', profile, notes: '', contentVersion: c.meta.contentVersion, exportedAt: '2026-11-22T10:00:00.000Z', ...extra,
});
const PROBLEMS = ['too-large', 'not-json', 'not-an-intake', 'newer-version', 'invalid-profile'];

describe('intake import (property)', () => {
  it('round trip: any intake exported by the app imports to the same profile, mode and notes', () => {
    fc.assert(
      fc.property(fc.oneof(flemishAnswersArb, outOfRegionAnswersArb), langArb, (answers, lang) => {
        const intake = buildIntake(answers, answers.notes ?? '', c, lang);
        expect(intake).not.toBeNull();
        const r = importIntake(intakeToJson(intake!), c, lang);
        expect(r).toMatchObject({ ok: true, notes: answers.notes ?? '', contentChanged: false });
        if (!r.ok) return;
        expect(r.answers.mode).toBe(answers.mode ?? 'owner');
        if (answers.region === 'flanders') expect(completeProfile(r.answers, c)).toEqual(completeProfile(answers, c));
        else expect(r.answers.region).toBe(answers.region);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on any text, any JSON value, or an intake whose fields hold anything, and names the first step that fails', () => {
    // Each field mostly right (weight 4), so that whole intakes that import come up too.
    const mostly = <T>(right: fc.Arbitrary<T>, ...wrong: fc.Arbitrary<unknown>[]) => fc.oneof({ weight: 4, arbitrary: right }, ...wrong.map((arbitrary) => ({ weight: 1, arbitrary })));
    const nearFields = {
      format: mostly(fc.constant(INTAKE_FORMAT), fc.jsonValue()),
      version: mostly(fc.constant(1), fc.integer(), fc.jsonValue()),
      mode: mostly(fc.constantFrom('intake', 'client'), fc.jsonValue()),
      region: mostly(fc.constantFrom('flanders', 'abroad'), fc.jsonValue()),
      profile: mostly(profileArb, fc.jsonValue()),
      notes: mostly(fc.oneof(fc.string(), scriptArb), fc.jsonValue()),
      contentVersion: mostly(fc.constantFrom(c.meta.contentVersion, '2000-01-01'), fc.jsonValue()),
      exportedAt: mostly(fc.constant('2026-11-22'), fc.jsonValue()),
    };
    const nearIntake = fc.oneof(fc.record(nearFields, { requiredKeys: [] }), fc.record(nearFields));
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.json(), nearIntake.map((o) => JSON.stringify(o))), (text) => {
        const r = importIntake(text, c);
        seen.add(r.ok ? 'ok' : r.problem);
        // The steps of the import, in order: the first that fails names the problem.
        let data: unknown;
        try {
          data = JSON.parse(text.replace(/^\uFEFF/, ''));
        } catch {
          expect(r).toEqual({ ok: false, problem: 'not-json' });
          return;
        }
        const head = (typeof data === 'object' && data !== null ? data : {}) as { format?: unknown; version?: unknown };
        if (head.format !== INTAKE_FORMAT || !Number.isSafeInteger(head.version)) expect(r).toEqual({ ok: false, problem: 'not-an-intake' });
        else if ((head.version as number) > 1) expect(r).toEqual({ ok: false, problem: 'newer-version' });
        else if (!r.ok) {
          expect(['not-an-intake', 'invalid-profile']).toContain(r.problem);
          // Only a bad profile says which field: "field: message", as validateProfile words it.
          if (r.problem === 'invalid-profile') expect(r.detail).toMatch(/^[^:]+: ./);
          else expect(r.detail).toBeUndefined();
        } else {
          // Accepted: exactly what the file holds, the profile as validateProfile reads it (Flanders), or just the region.
          const file = data as { region: string; mode: string; profile: unknown; notes: string; contentVersion: string };
          const checked = validateProfile(file.profile, c);
          const answers = file.region !== 'flanders' ? { region: file.region, mode: file.mode } : checked.ok ? { ...fromProfile(checked.profile), mode: file.mode } : 'a refusal';
          expect(r).toEqual({ ok: true, answers, notes: file.notes, contentChanged: file.contentVersion !== c.meta.contentVersion });
        }
      }),
      // Besides the random runs, one intake of each kind (a random run reaches a bad profile in a Flemish
      // intake only now and then: the check below would fail by chance).
      { numRuns: 1_000, examples: [
        [JSON.stringify({ format: INTAKE_FORMAT, version: 1, mode: 'intake', region: 'flanders', profile: { region: 'flanders', staff: -3 }, notes: '', contentVersion: c.meta.contentVersion, exportedAt: '2026-11-22' })],
        [JSON.stringify({ format: INTAKE_FORMAT, version: 2 })],
        [JSON.stringify({ format: 'something else', version: 1 })],
        ['{not json'],
      ] },
    );
    // Every step was reached (the arbitraries are not stuck on one problem).
    expect([...seen].sort()).toEqual([...PROBLEMS.filter((p) => p !== 'too-large'), 'ok'].sort());
  });

  it('a newer version is refused as such; a file over the limit is too large without being parsed', () => {
    expect(importIntake(intakeShell({}, { version: 2 }), c)).toEqual({ ok: false, problem: 'newer-version' });
    const started = performance.now();
    expect(importIntake(`{"x":"${'a'.repeat(MAX_INTAKE_BYTES)}"}`, c)).toEqual({ ok: false, problem: 'too-large' });
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('a byte order mark in front (Windows Notepad) is fine', () => {
    const intake = buildIntake({ region: 'abroad', mode: 'client' }, 'n', c, 'nl')!;
    expect(importIntake(`\uFEFF${intakeToJson(intake)}`, c)).toMatchObject({ ok: true, answers: { region: 'abroad', mode: 'client' } });
  });
});

// Bugs found while hardening, now fixed; each test keeps them fixed.

describe('known bugs', () => {
  const deep = (n: number) => JSON.parse(`${'['.repeat(n)}${']'.repeat(n)}`) as unknown;

  // profile.ts show() calls JSON.stringify on the offending value to quote it in the message: a deeply
  // nested value overflows the stack. Reachable from a CLI file (exit 1 "internal error") and from an
  // intake import (the page's error boundary, or an unhandled rejection from the start page's import).
  it('validateProfile on a deeply nested value (20,000 levels) does not throw (was a RangeError): it names the field, the value shown as [...]', () => {
    const r = validateProfile({ region: deep(20_000) }, c, 'en');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual(['region', 'staff', 'nace', 'needs']);
    expect(r.errors[0]!.message).toContain('region');
    expect(r.errors[0]!.message).toContain('([...])');
  });

  it('importIntake of an intake whose profile is deeply nested (a 40 kB file) does not throw: invalid-profile, naming the field', () => {
    // The file's text is built by hand: JSON.stringify itself cannot write a value this deep.
    const text = intakeShell('DEEP').replace('"DEEP"', `{"region":${'['.repeat(20_000)}${']'.repeat(20_000)}}`);
    // Not "not-an-intake": that is what importIntake's last-resort catch answers when the check itself throws.
    expect(importIntake(text, c, 'en')).toEqual({ ok: false, problem: 'invalid-profile', detail: expect.stringMatching(/^region: .*\(\[\.\.\.\]\)/) });
  });

  // show() again: JSON.stringify cannot serialise a BigInt. Not reachable from JSON, but breaks "never throws on anything".
  it('validateProfile on a BigInt value does not throw (was a TypeError): one error, naming the field and the value as 1n', () => {
    const r = validateProfile({ region: 'flanders', staff: 1n, nace: '25', needs: ['training'] }, c, 'en');
    expect(r).toEqual({ ok: false, errors: [{ field: 'staff', message: expect.stringMatching(/^staff .*\(1n\)/) }] });
  });

  // The notes textarea and the name inputs have no maxLength, but the saved-progress format caps notes
  // at 20,000 and names at 200 characters: a longer note makes the whole save unreadable ("saved-damaged"
  // after a reload: every answer lost), and the exported intake is refused as "not an intake".
  it('notes longer than 20,000 characters survive a save and a reload, cut to 20,000', () => {
    const r = parseSaved(serialiseSaved({ region: 'abroad', notes: 'n'.repeat(20_001) }, 'result'), c);
    expect(r).toMatchObject({ ok: true, value: { answers: { region: 'abroad', notes: 'n'.repeat(20_000) }, step: 'result' } });
  });

  it('a client name longer than 200 characters survives a save and a reload, cut to 200', () => {
    const r = parseSaved(serialiseSaved({ region: 'abroad', clientName: 'N'.repeat(201) }, 'result'), c);
    expect(r).toMatchObject({ ok: true, value: { answers: { region: 'abroad', clientName: 'N'.repeat(200) }, step: 'result' } });
  });

  it('an intake exported with notes longer than 20,000 characters imports again, the notes cut to 20,000', () => {
    const intake = buildIntake({ region: 'abroad', mode: 'intake' }, 'n'.repeat(20_001), c, 'nl')!;
    expect(importIntake(intakeToJson(intake), c)).toEqual({ ok: true, answers: { region: 'abroad', mode: 'intake' }, notes: 'n'.repeat(MAX_NOTES), contentChanged: false });
  });

  // parseSaved refuses anything over 100,000 characters before parsing; notes within their own
  // 20,000-character limit can serialise to more than that when JSON escapes them (control characters
  // become \u00XX: 6 characters each), and the save is then "damaged".
  it('notes of 20,000 characters that JSON escapes survive a save and a reload, unchanged', () => {
    const r = parseSaved(serialiseSaved({ region: 'abroad', notes: '\u0001'.repeat(20_000) }, 'result'), c);
    expect(r).toMatchObject({ ok: true, value: { answers: { region: 'abroad', notes: '\u0001'.repeat(20_000) } } });
  });
});

describe('known gaps in the intake format', () => {
  // importIntake refuses only versions above INTAKE_VERSION: version 0, -1 or 0 read as if they were
  // version 1. No such files exist yet, but "another version" should be named, not guessed at.
  it('an intake of a version below 1 is refused, not read as version 1', () => {
    const intake = JSON.parse(intakeToJson(buildIntake({ region: 'abroad', mode: 'intake' }, '', c, 'nl')!)) as Record<string, unknown>;
    for (const version of [0, -1]) expect(importIntake(JSON.stringify({ ...intake, version }), c)).toEqual({ ok: false, problem: 'not-an-intake' });
  });
});
