// The published contracts (public/schemas/*.schema.json, made by src/cli/json-schemas.ts): the checked-in
// files are what the generator makes now, and they say what the code does. There is no JSON Schema
// validator among the dependencies, so the files are read back with zod's own fromJSONSchema (a separate
// code path from toJSONSchema) to validate against them; it does not know `dependentSchemas`, which
// `readBack` rewrites into the equivalent `anyOf` first.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { fromJSONSchema } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { main as jsonSchemas, renderJsonSchemas, SCHEMAS_DIR } from '../../src/cli/json-schemas';
import { NACE_DIVISIONS, normaliseNace } from '../../src/domain/nace';
import { validateProfile } from '../../src/domain/profile';
import { profileSpace } from '../../src/domain/profile-space';
import { refer, referRegion } from '../../src/domain/refer';
import { OUTSIDE_REGIONS, referralIds, referralSchemas } from '../../src/domain/referral-schema';
import {
  INNOVATION_KEYS, LANGS, PROVINCES, REGIONS, type OutsideRegion, type Referral, type RegionReferral,
} from '../../src/domain/types';
import type { z } from '../../src/domain/zod';
import { MODES } from '../../src/wizard/modes';
import { importIntake } from '../../src/wizard/intake';
import { buildIntake, intakeToJson } from '../../src/wizard/intake-export';
import { intakeSchema } from '../../src/wizard/intake-schema';
import { content, METAL_WORKSHOP_CLIENT, ROOT } from '../helpers';

// --- compile time: the zod schema of Referral v1 says exactly what the interfaces say ------------------

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
type Schemas = ReturnType<typeof referralSchemas>;
const referralTypeMatches: Equal<z.output<Schemas['referral']>, Referral> = true;
const regionReferralTypeMatches: Equal<z.output<Schemas['regionReferral']>, RegionReferral> = true;
const outsideRegionsComplete: Equal<(typeof OUTSIDE_REGIONS)[number], OutsideRegion> = true;

// --- helpers -----------------------------------------------------------------------------------------

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- walking arbitrary JSON Schema

const C = content();
const FILES = ['profile-v1.schema.json', 'referral-v1.schema.json', 'intake-v1.schema.json'] as const;
const onDisk = (file: string): Json => JSON.parse(readFileSync(join(SCHEMAS_DIR, file), 'utf8'));
const PROFILE = onDisk('profile-v1.schema.json');
const REFERRAL = onDisk('referral-v1.schema.json');
const INTAKE = onDisk('intake-v1.schema.json');

/**
 * `dependentSchemas: { key: S }` on an object schema O, as two alternatives fromJSONSchema knows:
 * O without `key`, or O with `key` required and S's property constraints added (allOf per property).
 */
function rewriteDependents(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteDependents);
  if (!node || typeof node !== 'object') return node;
  const { dependentSchemas, ...rest } = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, rewriteDependents(v)])) as Json;
  if (!dependentSchemas) return rest;
  const entries = Object.entries(dependentSchemas as Record<string, Json>);
  if (entries.length !== 1) throw new Error('readBack handles one dependent key per object');
  const [key, dep] = entries[0]!;
  expect(Object.keys(dep).sort()).toEqual(['description', 'properties', 'required']);
  const without = { ...rest, properties: { ...rest.properties, [key]: false } };
  const withIt = {
    ...rest,
    properties: { ...rest.properties, ...Object.fromEntries(Object.entries(dep.properties as Json).map(([p, s]) => [p, { allOf: [rest.properties[p], s] }])) },
    required: [...new Set([...(rest.required ?? []), ...dep.required, key])],
  };
  return { anyOf: [without, withIt] };
}

/** A checked-in JSON Schema as a validator: `accepts(data)`. */
function readBack(schema: Json): (data: unknown) => boolean {
  const validator = fromJSONSchema(rewriteDependents(schema) as Parameters<typeof fromJSONSchema>[0]);
  return (data) => validator.safeParse(data).success;
}

const acceptsProfile = readBack(PROFILE);
const acceptsReferral = readBack(REFERRAL);
const acceptsIntake = readBack(INTAKE);
const { referral: referralZod, regionReferral: regionReferralZod } = referralSchemas(referralIds(C));
const intakeZod = intakeSchema(C);

/** Every `properties` entry anywhere in the schema, with its path. */
function* propertiesOf(node: unknown, path = '#'): Generator<[string, Json]> {
  if (Array.isArray(node)) {
    for (const [i, v] of node.entries()) yield* propertiesOf(v, `${path}/${i}`);
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node)) {
    if (k === 'properties') for (const [p, s] of Object.entries(v as Json)) yield [`${path}/properties/${p}`, s as Json];
    yield* propertiesOf(v, `${path}/${k}`);
  }
}

/** `tsx src/cli/json-schemas.ts ...args` as `npm run schemas` runs it: exit code and stderr. */
function runGenerator(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/json-schemas.ts', ...args], { cwd: ROOT });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stderr }));
  });
}

const temp: string[] = [];
afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// --- the files ---------------------------------------------------------------------------------------

describe('public/schemas: checked in and in sync', () => {
  it('the type-level checks above hold (tsc fails otherwise)', () => {
    expect([referralTypeMatches, regionReferralTypeMatches, outsideRegionsComplete]).toEqual([true, true, true]);
  });

  it('each checked-in file is exactly what `npm run schemas` makes now', () => {
    const made = renderJsonSchemas(C);
    expect(Object.keys(made)).toEqual([...FILES]);
    for (const file of FILES) {
      expect(readFileSync(join(SCHEMAS_DIR, file), 'utf8'), `${file} is out of date: run npm run schemas`).toBe(made[file]);
    }
  });

  it('`--check` exits 0 when the files are current, 1 naming the one that is not; without it the file is rewritten', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schemas-'));
    temp.push(dir);
    cpSync(SCHEMAS_DIR, dir, { recursive: true });
    expect(jsonSchemas(['--check', '--out', dir])).toBe(0);
    const stale = join(dir, 'referral-v1.schema.json');
    writeFileSync(stale, readFileSync(stale, 'utf8').replace('"title": "Innovatiewijzer Referral v1"', '"title": "old"'));
    const run = await runGenerator(['--check', '--out', dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('referral-v1.schema.json is out of date');
    expect(run.stderr).not.toContain('profile-v1');
    expect(readFileSync(stale, 'utf8')).toContain('"title": "old"'); // --check writes nothing
    expect(jsonSchemas(['--out', dir])).toBe(0);
    expect(readFileSync(stale, 'utf8')).toBe(readFileSync(join(SCHEMAS_DIR, 'referral-v1.schema.json'), 'utf8'));
  }, 60_000);

  it.each(FILES)('%s is draft 2020-12 with $id, title and a description that names its version', (file) => {
    const s = onDisk(file);
    expect(Object.keys(s).slice(0, 4)).toEqual(['$schema', '$id', 'title', 'description']);
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(s.$id).toBe(`/schemas/${file}`);
    expect(s.title).toMatch(/^Innovatiewijzer .* v1$/);
    expect(s.description).toMatch(/v1: /);
  });

  it('every field of every schema has a description', () => {
    const bare = FILES.flatMap((file) => [...propertiesOf(onDisk(file))]
      .filter(([path, s]) => !path.includes('/dependentSchemas/') && typeof s === 'object' && !(typeof s.description === 'string' && s.description.length > 10))
      .map(([path]) => `${file}${path}`));
    expect(bare).toEqual([]);
  });
});

// --- Profile v1 ----------------------------------------------------------------------------------------

describe('profile-v1.schema.json', () => {
  const needIds = C.needs.map((n) => n.id);
  const triggerIds = C.triggers.map((t) => t.id);
  const ok = { region: 'flanders', staff: 12.5, nace: '25.62', needs: ['training'] };

  it('lists the real fields, required fields and ids', () => {
    expect(PROFILE.type).toBe('object');
    expect(PROFILE.additionalProperties).toBe(false);
    expect(PROFILE.required).toEqual(['region', 'staff', 'nace', 'needs']);
    expect(Object.keys(PROFILE.properties)).toEqual(['region', 'province', 'staff', 'turnoverEur', 'balanceSheetEur', 'ownedByLargeGroup', 'nace', 'naceVersion', 'innovation', 'needs', 'triggers']);
    expect(PROFILE.properties.region.enum).toEqual([...REGIONS]);
    expect(PROFILE.properties.province.enum).toEqual([...PROVINCES]);
    expect(Object.keys(PROFILE.properties.innovation.properties)).toEqual([...INNOVATION_KEYS]);
    expect(PROFILE.properties.innovation.additionalProperties).toBe(false);
    expect(PROFILE.properties.needs).toMatchObject({ type: 'array', minItems: 1, uniqueItems: true, items: { enum: needIds } });
    expect(PROFILE.properties.triggers).toMatchObject({ type: 'array', uniqueItems: true, items: { enum: triggerIds } });
    expect(PROFILE.properties.staff.description).toMatch(/annual work units/);
    expect(PROFILE.properties.turnoverEur.description).toMatch(/EUR/);
    expect(PROFILE.properties.nace.description).toMatch(/NACE-BEL/);
    expect(PROFILE.dependentSchemas).toEqual({ province: { description: expect.any(String), properties: { region: { const: 'flanders' } }, required: ['region'] } });
  });

  it('accepts every profile in examples/ (and so does the engine)', () => {
    const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.json'));
    expect(examples.length).toBeGreaterThan(0);
    for (const file of examples) {
      const data: unknown = JSON.parse(readFileSync(join(ROOT, 'examples', file), 'utf8'));
      for (const profile of Array.isArray(data) ? data : [data]) {
        expect(acceptsProfile(profile), file).toBe(true);
        expect(validateProfile(profile, C).ok, file).toBe(true);
      }
    }
  });

  it('refuses an unknown field, a wrong region, a province outside Flanders, a duplicate need, a made-up code', () => {
    expect(acceptsProfile(ok)).toBe(true);
    expect(acceptsProfile({ ...ok, employees: 12 })).toBe(false);
    expect(acceptsProfile({ ...ok, innovation: { newGoods: true, newIdeas: true } })).toBe(false);
    expect(acceptsProfile({ ...ok, region: 'flemish' })).toBe(false);
    expect(acceptsProfile({ ...ok, region: 'Flanders' })).toBe(false);
    expect(acceptsProfile({ ...ok, province: 'limburg' })).toBe(true);
    expect(acceptsProfile({ ...ok, region: 'brussels', province: 'limburg' })).toBe(false);
    expect(acceptsProfile({ ...ok, region: 'brussels' })).toBe(true);
    expect(acceptsProfile({ ...ok, needs: ['training', 'training'] })).toBe(false);
    expect(acceptsProfile({ ...ok, needs: [] })).toBe(false);
    expect(acceptsProfile({ ...ok, needs: ['money'] })).toBe(false);
    expect(acceptsProfile({ ...ok, staff: -1 })).toBe(false);
    expect(acceptsProfile({ ...ok, turnoverEur: null })).toBe(false);
    expect(acceptsProfile({ ...ok, nace: '00.11' })).toBe(false);
    expect(acceptsProfile({ ...ok, nace: '25.' })).toBe(false);
    const { nace: _nace, ...noNace } = ok;
    expect(acceptsProfile(noNace)).toBe(false);
  });

  it('the NACE pattern accepts exactly the codes the engine reads (written without spaces)', () => {
    const pattern = new RegExp(PROFILE.properties.nace.pattern as string);
    fc.assert(fc.property(
      fc.oneof(fc.stringMatching(/^[0-9.]{0,7}$/), fc.tuple(fc.constantFrom(...NACE_DIVISIONS), fc.stringMatching(/^\.?[0-9]{0,4}$/)).map(([d, r]) => d + r)),
      (code) => pattern.test(code) === (normaliseNace(code) !== null),
    ), { numRuns: 2000 });
  });

  it('accepts a profile exactly when validateProfile does (random near-valid profiles)', () => {
    const profileArb = fc.record({
      region: fc.constantFrom(...REGIONS, 'flemish'),
      province: fc.constantFrom(...PROVINCES, 'gent'),
      staff: fc.oneof(fc.double({ min: -5, max: 500, noNaN: true }), fc.constant('12')),
      turnoverEur: fc.oneof(fc.integer({ min: -1, max: 60_000_000 }), fc.constant(null)),
      balanceSheetEur: fc.integer({ min: 0, max: 50_000_000 }),
      ownedByLargeGroup: fc.oneof(fc.boolean(), fc.constant('yes')),
      nace: fc.constantFrom('25.62', '2562', '25', '25.6', '25.620', '62.01', '10.71', '00.11', '2', '25.', '25.6200', 'C25'),
      innovation: fc.dictionary(fc.constantFrom(...INNOVATION_KEYS, 'newIdeas'), fc.oneof(fc.boolean(), fc.constant('ja')), { maxKeys: 4 }),
      needs: fc.array(fc.constantFrom(...needIds, 'money'), { maxLength: 3 }),
      triggers: fc.array(fc.constantFrom(...triggerIds, 'rain'), { maxLength: 3 }),
      employees: fc.constant(12),
    }, { requiredKeys: [] });
    fc.assert(fc.property(profileArb, (p) => {
      const checked = validateProfile(p, C);
      expect(acceptsProfile(p)).toBe(checked.ok);
      // And what the engine makes of a valid one keeps to Referral v1.
      if (checked.ok) {
        const referral = refer(checked.profile, C, 'en');
        expect(referralZod.safeParse(referral).success).toBe(true);
        expect(acceptsReferral(referral)).toBe(true);
      }
    }), { numRuns: 400 });
  });
});

// --- Referral v1 ---------------------------------------------------------------------------------------

describe('referral-v1.schema.json and the Referral v1 zod schema', () => {
  it('list the real fields and ids', () => {
    expect(REFERRAL.additionalProperties).toBe(false);
    expect(REFERRAL.required).toEqual(['sizeClass', 'sizeProvisional', 'segment', 'techClass', 'naceVersion', 'naceVersionAssumed', 'outOfRegion', 'recommendations', 'notEligible', 'notRecommended', 'warnings', 'firedRules', 'signals', 'contentVersion']);
    const recommendation = REFERRAL.properties.recommendations.items;
    expect(recommendation.required).toEqual(['channel', 'rank', 'score', 'reasons', 'laterBecause', 'rules', 'facts', 'why', 'glance', 'glanceFacts', 'contact']);
    expect(recommendation.properties.contact.required).toEqual(['organisation']);
    expect(recommendation.properties.contact.additionalProperties).toBe(false);
    expect(Object.keys(recommendation.properties.contact.properties)).toEqual(['organisation', 'phone', 'email', 'url', 'address', 'note']);
    expect(recommendation.properties.channel.enum).toEqual(C.meta.channelOrder);
    expect(recommendation.properties.channel.description).toContain('led = ');
    expect(REFERRAL.properties.signals.items.properties.trigger.enum).toEqual(C.triggers.map((t) => t.id));
    expect(REFERRAL.properties.sizeClass.enum).toEqual(['micro', 'small', 'medium', 'large']);
  });

  it('every referral refer() makes across the profile space, in every language, validates (zod and JSON Schema)', () => {
    const triggers = C.triggers.map((t) => t.id);
    const space = [
      ...profileSpace({ needs: C.needs.map((n) => n.id), triggers }),
      ...profileSpace({ needs: ['practical-problem', 'not-sure'], provinces: true, sizeVariants: true }),
    ];
    let checked = 0;
    // Every 11th profile (11 divides none of the space's dimensions), the language rotating.
    for (let i = 0; i < space.length; i += 11) {
      const referral = refer(space[i]!, C, LANGS[i % LANGS.length]!);
      const parsed = referralZod.safeParse(referral);
      expect(parsed.success, JSON.stringify(parsed.error?.issues[0])).toBe(true);
      expect(acceptsReferral(referral)).toBe(true);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(5_000);
  }, 60_000);

  it('every region referral validates against the region-referral schema', () => {
    for (const region of OUTSIDE_REGIONS) {
      for (const lang of LANGS) {
        const r = referRegion(region, C, lang);
        expect(regionReferralZod.safeParse(r).success).toBe(true);
        expect(referralZod.safeParse(r).success).toBe(false);
      }
    }
  });

  it('refuses a referral with a field too many, one missing, or an unknown channel', () => {
    const r = refer({ region: 'flanders', staff: 14, nace: '25.62', innovation: {}, needs: ['practical-problem'], triggers: ['quality-complaints'] }, C, 'en');
    expect(acceptsReferral(r)).toBe(true);
    expect(acceptsReferral({ ...r, score: 3 })).toBe(false);
    expect(referralZod.safeParse({ ...r, score: 3 }).success).toBe(false);
    const { signals: _signals, ...noSignals } = r;
    expect(acceptsReferral(noSignals)).toBe(false);
    expect(referralZod.safeParse(noSignals).success).toBe(false);
    const renamed = { ...r, recommendations: [{ ...r.recommendations[0]!, channel: 'vlaio' }] };
    expect(acceptsReferral(renamed)).toBe(false);
    expect(referralZod.safeParse(renamed).success).toBe(false);
  });
});

// --- the intake file -------------------------------------------------------------------------------------

describe('intake-v1.schema.json: what the import accepts', () => {
  const NOW = new Date('2026-11-23T10:15:00Z');
  const flemish = JSON.parse(intakeToJson(buildIntake({ ...METAL_WORKSHOP_CLIENT, mode: 'intake' }, 'Zaakvoerder wil overdragen.', C, 'nl', NOW)!));
  const brussels = JSON.parse(intakeToJson(buildIntake({ region: 'brussels', mode: 'client' }, '', C, 'fr', NOW)!));
  const both = (data: unknown) => ({ import: importIntake(JSON.stringify(data), C).ok, schema: acceptsIntake(data), zod: intakeZod.safeParse(data).success });

  it('lists the real fields, modes and versions', () => {
    const [inFlanders, elsewhere] = INTAKE.oneOf as Json[];
    expect(inFlanders!.properties.region.const).toBe('flanders');
    expect(elsewhere!.properties.region.enum).toEqual([...OUTSIDE_REGIONS]);
    for (const branch of [inFlanders!, elsewhere!]) {
      expect(branch.properties.format.const).toBe('innovatiewijzer-intake');
      expect(branch.properties.version.const).toBe(1);
      expect(branch.properties.mode.enum).toEqual([...MODES]);
      expect(branch.properties.notes.maxLength).toBe(20_000);
      expect(branch.additionalProperties).toBeUndefined(); // other keys are ignored on import
      expect(branch.required).not.toContain('referral');
    }
    expect(inFlanders!.required).toContain('profile');
    expect(elsewhere!.required).toContain('profile');
    expect(elsewhere!.properties.profile).toEqual({ description: expect.any(String) }); // any value
    // The embedded profile is Profile v1, the embedded referrals Referral v1 and the region referral.
    const { $schema: _s, $id: _i, title: _t, description: _d, ...profile } = PROFILE;
    expect(inFlanders!.properties.profile).toMatchObject(profile);
    expect(inFlanders!.properties.referral.properties.signals).toEqual(REFERRAL.properties.signals);
    expect(elsewhere!.properties.referral.required).toEqual(['region', 'outOfRegion', 'recommendations', 'warnings', 'contentVersion']);
  });

  it('accepts what the export writes, in and outside Flanders', () => {
    expect(both(flemish)).toEqual({ import: true, schema: true, zod: true });
    expect(both(brussels)).toEqual({ import: true, schema: true, zod: true });
  });

  it('agrees with the import on files it accepts and files it refuses', () => {
    const { referral: _r, ...noReferral } = flemish;
    const { profile: _p, ...noProfile } = brussels;
    const cases: Array<[string, unknown, boolean]> = [
      ['without the referral', noReferral, true],
      ['with a key of its own', { ...flemish, crmId: 'A-123' }, true],
      ['outside Flanders, without the profile key', noProfile, false],
      ['outside Flanders, any profile', { ...brussels, profile: { whatever: 1 } }, true],
      ['a newer version', { ...flemish, version: 2 }, false],
      ['another format', { ...flemish, format: 'crm-export' }, false],
      ['an unknown mode', { ...flemish, mode: 'advisor' }, false],
      ['a wrong region', { ...flemish, region: 'vlaanderen' }, false],
      ['a Flemish firm without a profile', { ...flemish, profile: null }, false],
      ['a profile with an unknown field', { ...flemish, profile: { ...flemish.profile, employees: 12 } }, false],
      ['a profile with a made-up need', { ...flemish, profile: { ...flemish.profile, needs: ['money'] } }, false],
      ['notes over 20,000 characters', { ...flemish, notes: 'x'.repeat(20_001) }, false],
    ];
    for (const [what, data, accepted] of cases) {
      const { import: imported, schema, zod } = both(data);
      expect({ what, imported, schema, zod }).toEqual({ what, imported: accepted, schema: accepted, zod: accepted });
    }
  });
});
