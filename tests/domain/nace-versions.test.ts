// NACE-BEL 2008 and 2025 side by side: the profile check, the engine's readings and warnings, the
// sector providers of both versions, and `naceVersion` through CSV, share links and intake files.
import { describe, expect, it } from 'vitest';
import { readHeader, referRow } from '../../src/domain/batch';
import { parseCsv } from '../../src/domain/csv';
import { validateProfile } from '../../src/domain/profile';
import { createEngine, refer } from '../../src/domain/refer';
import type { Lang, Profile } from '../../src/domain/types';
import { fromProfile } from '../../src/wizard/answers';
import { importIntake } from '../../src/wizard/intake';
import { buildIntake, intakeToCsv, intakeToJson } from '../../src/wizard/intake-export';
import { decodeShareFragment, encodeShareFragment, parseSaved, serialiseSaved } from '../../src/wizard/persistence';
import { content, METAL_WORKSHOP_PROFILE } from '../helpers';

const C = content();
const engine = createEngine(C);
const firm = (nace: string, naceVersion?: '2008' | '2025'): Record<string, unknown> => ({
  ...METAL_WORKSHOP_PROFILE,
  nace,
  ...(naceVersion ? { naceVersion } : {}),
});
const valid = (input: Record<string, unknown>): Profile => {
  const v = validateProfile(input, C, 'en');
  if (!v.ok) throw new Error(v.errors.map((e) => e.message).join('; '));
  return v.profile;
};

describe('the profile check reads a code against the list of its version', () => {
  it.each<[Lang, string]>([
    ['en', 'did a spreadsheet drop a leading zero? 01.110?'],
    ['nl', 'heeft een rekenblad een voorloopnul weggelaten? 01.110?'],
    ['fr', 'un tableur a-t-il supprimé un zéro initial ? 01.110 ?'],
  ])('in %s, 1110 (a farm whose leading zero a spreadsheet dropped) is refused: "%s"', (lang, says) => {
    const v = validateProfile(firm('1110'), C, lang);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors).toEqual([{ field: 'nace', message: expect.stringContaining(says) }]);
  });

  it('the same code as a JSON number (a spreadsheet export) is refused the same way', () => {
    const v = validateProfile({ ...firm('x'), nace: 111 }, C, 'en');
    expect(v.ok ? [] : v.errors).toEqual([{ field: 'nace', message: expect.stringContaining('did a spreadsheet drop a leading zero? 01.11?') }]);
  });

  it('the KBO\'s five digits 01110 are 01.110, in both versions', () => {
    expect(valid(firm('01110')).nace).toBe('01.110');
    expect(valid(firm('01110', '2025'))).toMatchObject({ nace: '01.110', naceVersion: '2025' });
  });

  it('a code that does not exist in its version is refused with the codes that do', () => {
    const v = validateProfile(firm('62.01', '2025'), C, 'en');
    expect(v.ok ? [] : v.errors).toEqual([{ field: 'nace', message: 'nace "62.01" is not a code in the NACE-BEL 2025 list. Codes that do exist there include: 62.10, 62.20, 62.90.' }]);
    const w = validateProfile(firm('11.10'), C, 'nl');
    expect(w.ok ? [] : w.errors[0]!.message).toMatch(/^nace "11.10" is geen code in de lijst van NACE-BEL 2008 \/ 2025\. Wel bestaan onder meer: 11\.01, 11\.02/);
  });

  it('a code of the other version only: 45.20 (2008) is not a 2025 code, 62.10 (2025) not a 2008 code', () => {
    expect(validateProfile(firm('45.20', '2025'), C).ok).toBe(false);
    expect(validateProfile(firm('62.10', '2008'), C).ok).toBe(false);
    expect(valid(firm('45.20')).nace).toBe('45.20');
    expect(valid(firm('62.10')).nace).toBe('62.10');
  });

  it('naceVersion must be "2008" or "2025"', () => {
    const v = validateProfile({ ...firm('25.62'), naceVersion: '2021' }, C, 'en');
    expect(v.ok ? [] : v.errors).toEqual([{ field: 'naceVersion', message: expect.stringMatching(/^naceVersion has an invalid value \("2021"\)\. Expected: "2008" or "2025"/) }]);
  });
});

describe('the engine reads the code in its version and never chooses silently', () => {
  it('a 2025 weapons maker (25.30) is medium-high tech; read as 2008 it is steam generators, medium-low, and the result names both readings', () => {
    const as2025 = refer(valid(firm('25.30', '2025')), C, 'en');
    expect(as2025).toMatchObject({ techClass: 'medium-high', naceVersion: '2025', naceVersionAssumed: false });
    expect(as2025.warnings.join(' ')).not.toMatch(/NACE-BEL 2008 than in NACE-BEL 2025/);

    const unknown = refer(valid(firm('25.30')), C, 'en');
    expect(unknown).toMatchObject({ techClass: 'medium-low', naceVersion: '2008', naceVersionAssumed: true });
    const warning = unknown.warnings.find((w) => w.startsWith('NACE code 25.30 means something else'));
    expect(warning).toContain('As a 2008 code: 25.30 Manufacture of steam generators');
    expect(warning).toContain('medium-low-tech manufacturing');
    expect(warning).toContain('As a 2025 code: 25.30 Manufacture of weapons and ammunition (medium-high-tech manufacturing');
  });

  it.each<[Lang, RegExp]>([
    ['nl', /^De NACE-code 25\.40 betekent iets anders in NACE-BEL 2008 dan in NACE-BEL 2025.*Als 2008-code: 25\.40 Vervaardiging van wapens en munitie.*Als 2025-code: 25\.40 Smeden/],
    ['fr', /^Le code NACE 25\.40 ne désigne pas la même activité.*Comme code 2008 : 25\.40 Fabrication d.armes.*Comme code 2025 : 25\.40 Forgeage/],
  ])('in %s the forge\'s 25.40 warning names both readings', (lang, pattern) => {
    const r = refer(valid(firm('25.40')), C, lang);
    expect(r.warnings.some((w) => pattern.test(w))).toBe(true);
  });

  it('a code whose readings agree gets no warning (25.62: medium-low in both, same providers)', () => {
    const r = refer(valid(firm('25.62')), C, 'en');
    expect(r).toMatchObject({ naceVersion: '2008', naceVersionAssumed: true });
    expect(r.warnings.some((w) => w.includes('NACE-BEL 2008 than in NACE-BEL 2025'))).toBe(false);
  });

  it('lists the codes whose readings differ, 25.30 and 25.40 among them', () => {
    const codes = engine.naceDisagreements();
    expect(codes).toEqual(expect.arrayContaining(['25.30', '25.40', '25.3', '25.4']));
    expect(codes).not.toContain('25.62');
    // The titles of exactly those codes travel with the content (for the warning).
    expect(Object.keys(C.nace.titles['2025']).sort()).toEqual(codes);
  });
});

describe('providers mapped to sectors (clusters, colleges, federations) match both versions', () => {
  const names = (nace: string, version?: '2008' | '2025') => engine.clustersFor(nace, version).map((c) => c.name);

  it('the health cluster (keyed on 2008 72.11, biotech research) fits the 2025 class 72.10 that 72.11 went into', () => {
    const health = names('72.11', '2008');
    expect(health).toContain('MEDVIA');
    expect(names('72.10', '2025')).toContain('MEDVIA');
  });

  it('the logistics cluster (keyed on 2008 52) fits 2025 52.xx, and a 2025 code whose sources lie elsewhere does not get it', () => {
    const vil = names('52.10', '2008');
    expect(vil.length).toBeGreaterThan(0);
    expect(names('52.10', '2025')).toEqual(expect.arrayContaining(vil));
    expect(names('62.10', '2025')).toEqual([]);
  });

  it('the food cluster fits a 2025 bakery (10.71) and not a farm (01.110), however the farm\'s code is written', () => {
    expect(names('10.71', '2025')).toEqual(names('10.71', '2008'));
    const food = names('10.71', '2008');
    expect(food.length).toBeGreaterThan(0);
    for (const farm of ['01.110', '01.11', '01']) for (const v of ['2008', '2025'] as const) expect(names(farm, v)).not.toEqual(expect.arrayContaining(food));
  });

  it('a sector federation named for 2008 divisions (Sirris: 24-30, 33) fits a 2025 weapons maker and forge', () => {
    for (const code of ['25.30', '25.40']) expect(engine.naceReading(code, '2025', 'en').providers).toContain('Sirris');
  });
});

describe('naceVersion travels through CSV, share links and intake files', () => {
  it('a CSV column naceVersion is read per row; a row without it reads the code as before', () => {
    const csv = 'region;staff;nace;naceVersion;needs\nflanders;12;25.30;2025;practical-problem\nflanders;12;25.30;;practical-problem\nflanders;12;1110;;practical-problem\n';
    const [head, ...rows] = parseCsv(csv, ';').filter((r) => r.some((c) => c !== ''));
    const read = readHeader(head!, C);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    const [a, b, farm] = rows.map((cells) => referRow(read.header, cells, C, 'en'));
    expect(a).toMatchObject({ ok: true, referral: { techClass: 'medium-high', naceVersion: '2025' } });
    expect(b).toMatchObject({ ok: true, referral: { techClass: 'medium-low', naceVersion: '2008', naceVersionAssumed: true } });
    expect(farm).toMatchObject({ ok: false, errors: [expect.objectContaining({ field: 'nace', message: expect.stringContaining('01.110?') })] });
  });

  it('a share link keeps the version', () => {
    const answers = { ...fromProfile(valid(firm('25.40', '2025'))), mode: 'owner' as const };
    const decoded = decodeShareFragment(encodeShareFragment(answers), C);
    expect(decoded).toMatchObject({ ok: true, value: { nace: '25.40', naceVersion: '2025' } });
  });

  it('saved progress keeps the version; a saved code that is in no list (11.10) counts as damaged', () => {
    const saved = (nace: string, naceVersion?: '2008' | '2025') => parseSaved(serialiseSaved({ region: 'flanders', staff: 3, nace, ...(naceVersion ? { naceVersion } : {}) }, 'sector'), C);
    expect(saved('25.40', '2025')).toMatchObject({ ok: true, value: { answers: { nace: '25.40', naceVersion: '2025' } } });
    expect(saved('62.01', '2025')).toEqual({ ok: false, problem: 'damaged' });
    expect(saved('11.10')).toEqual({ ok: false, problem: 'damaged' });
  });

  it('an intake file (JSON and CSV) keeps the version, and imports it back', () => {
    const answers = { ...fromProfile(valid(firm('25.40', '2025'))), mode: 'intake' as const };
    const intake = buildIntake(answers, '', C, 'en')!;
    expect(intake.profile).toMatchObject({ nace: '25.40', naceVersion: '2025' });
    const back = importIntake(intakeToJson(intake), C, 'en');
    expect(back).toMatchObject({ ok: true, answers: { nace: '25.40', naceVersion: '2025' } });
    const [header, row] = intakeToCsv(intake, ';').trim().split(/\r?\n/).map((l) => l.split(';'));
    expect(row![header!.indexOf('naceVersion')]).toBe('2025');
  });
});
