import { describe, expect, it } from 'vitest';
import { as2008, derive2025Classes, normaliseNace, readNace, techClassOf } from '../../src/domain/nace';
import { content } from '../helpers';

const C = content();
const techClass = (code: string) => techClassOf(code, C.nace.techClasses['2008']);
const techClass2025 = (code: string) => techClassOf(code, C.nace.techClasses['2025']);

describe('normaliseNace', () => {
  it.each([
    ['25.62', '25.62'], ['2562', '25.62'], ['25.620', '25.620'], ['25', '25'], ['25.6', '25.6'], [' 10.71 ', '10.71'], ['01.1', '01.1'],
  ])('%s -> %s', (input, out) => expect(normaliseNace(input)).toBe(out));
  it.each(['', 'ab', '2', '2a.62', '25..6', '25.6201', '25-62', '00', '04', '34', '40', '48', '54', '57', '67', '76', '83', '89', '123456'])(
    'rejects %j', (input) => expect(normaliseNace(input)).toBeNull(),
  );
});

describe('techClassOf, NACE-BEL 2008 (Tabel 13 as content, content/nace/tech-classes.yaml)', () => {
  it.each([
    // high: 21; 26; 30.3
    ['21', 'high'], ['21.20', 'high'], ['26', 'high'], ['26.11', 'high'], ['30.3', 'high'], ['30.30', 'high'],
    // medium-high: 20; 25.4; 27-29; 30 except 30.1 and 30.3; 32.5
    ['20', 'medium-high'], ['25.4', 'medium-high'], ['2540', 'medium-high'], ['27', 'medium-high'], ['28.41', 'medium-high'],
    ['29', 'medium-high'], ['30', 'medium-high'], ['30.2', 'medium-high'], ['30.4', 'medium-high'], ['30.9', 'medium-high'], ['32.5', 'medium-high'], ['32.50', 'medium-high'],
    // medium-low: 18.2; 19; 22-24; 25 except 25.4; 30.1; 33
    ['18.2', 'medium-low'], ['18.20', 'medium-low'], ['19', 'medium-low'], ['22', 'medium-low'], ['23', 'medium-low'], ['24', 'medium-low'],
    ['25', 'medium-low'], ['25.62', 'medium-low'], ['25.11', 'medium-low'], ['30.1', 'medium-low'], ['30.11', 'medium-low'], ['33', 'medium-low'],
    // low: 10-17; 18 except 18.2; 31; 32 except 32.5
    ['10', 'low'], ['10.71', 'low'], ['11', 'low'], ['12', 'low'], ['13', 'low'], ['14', 'low'], ['15', 'low'], ['16', 'low'], ['17', 'low'],
    ['18', 'low'], ['18.1', 'low'], ['18.13', 'low'], ['31', 'low'], ['32', 'low'], ['32.1', 'low'], ['32.99', 'low'],
    // outside manufacturing
    ['01', 'non-manufacturing'], ['09', 'non-manufacturing'], ['35', 'non-manufacturing'], ['41', 'non-manufacturing'],
    ['62.01', 'non-manufacturing'], ['99', 'non-manufacturing'],
  ])('%s is %s', (nace, cls) => expect(techClass(nace)).toBe(cls));
  it('is non-manufacturing for what is not a NACE code (it never throws)', () => expect(techClass('xx')).toBe('non-manufacturing'));
  it('is dated and sourced content', () => {
    expect(C.nace.techClasses['2008']).toMatchObject({ source: expect.stringMatching(/^https?:/), checked: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), inForce: '2008-01-01' });
    expect(C.nace.techClasses['2008'].derivedBy).toBeUndefined();
  });
});

describe('techClassOf, NACE-BEL 2025 (Tabel 13 carried over through the Eurostat class correspondence)', () => {
  it.each([
    // Weapons moved from 25.4 to 25.3, forging from 25.5 to 25.4 (Eurostat: 25.40 -> 25.30, 25.50 -> 25.40).
    ['25.30', 'medium-high'], ['25.3', 'medium-high'], ['25.300', 'medium-high'], ['25.40', 'medium-low'], ['25.4', 'medium-low'],
    ['25', 'medium-low'], ['30.3', 'high'], ['30.31', 'high'], ['30.11', 'medium-low'], ['32.50', 'medium-high'], ['18.20', 'medium-low'],
    ['21.20', 'high'], ['26.11', 'high'], ['10.71', 'low'], ['33.18', 'medium-low'], ['62.10', 'non-manufacturing'], ['91.30', 'non-manufacturing'],
  ])('%s is %s', (code, cls) => expect(techClass2025(code)).toBe(cls));
  it('is marked as derived by this project, with the correspondence as its source', () => {
    const t = C.nace.techClasses['2025'];
    expect(t.derivedBy).toMatch(/this project/);
    expect(t.source).toMatch(/eurostat\/correspondenceTables/);
    expect(t.rule).toMatch(/same code/);
    expect(t.inForce).toBe('2025-01-01');
  });
  it('states, for every manufacturing class of NACE-BEL 2025, what the derivation gives', () => {
    const derived = derive2025Classes(C.nace);
    expect(derived.size).toBeGreaterThan(200);
    for (const [code, cls] of derived) expect([code, techClass2025(code)]).toEqual([code, cls]);
  });
  it('a class with sources of different classes takes its same-code source (27.33: 27.33 medium-high, 26.11 high)', () => {
    expect(derive2025Classes(C.nace).get('27.33')).toBe('medium-high');
    expect(derive2025Classes(C.nace).get('33.18')).toBe('medium-low');
  });
});

describe('readNace: codes checked against the list of their version', () => {
  it.each<[string, '2008' | '2025' | undefined, string, string[]]>([
    ['25.62', undefined, '25.62', ['2008', '2025']],
    ['01110', undefined, '01.110', ['2008', '2025']], // the KBO's 5 digits
    ['01110', '2025', '01.110', ['2025']],
    ['2562', '2025', '25.62', ['2025']],
    ['62.10', undefined, '62.10', ['2025']], // new in 2025
    ['45.20', undefined, '45.20', ['2008']], // division 45 is gone in 2025
    ['256', undefined, '25.6', ['2008', '2025']], // 02.56 does not exist: only one reading
  ])('%s (version %s) is %s in %j', (input, version, code, versions) => {
    expect(readNace(input, C.nace, version)).toEqual({ ok: true, code, versions });
  });

  it.each([['1110', '01.110'], ['111', '01.11']])('%s: a spreadsheet dropped the leading zero of %s: refused, not read as beverages', (input, padded) => {
    expect(readNace(input, C.nace)).toEqual({ ok: false, problem: 'leadingZero', padded });
    expect(readNace(input, C.nace, '2025')).toEqual({ ok: false, problem: 'leadingZero', padded });
  });

  it('a code that does not exist in its version is refused, with the codes that do exist nearby', () => {
    expect(readNace('11.10', C.nace)).toEqual({ ok: false, problem: 'unknown', code: '11.10', near: ['11.01', '11.02', '11.03', '11.04', '11.05', '11.06', '11.07'] });
    expect(readNace('62.01', C.nace, '2025')).toMatchObject({ ok: false, problem: 'unknown', near: expect.arrayContaining(['62.10']) });
    expect(readNace('45.20', C.nace, '2025')).toEqual({ ok: false, problem: 'unknown', code: '45.20', near: [] });
  });

  it('a code that is no NACE code at all', () => {
    expect(readNace('abc', C.nace)).toEqual({ ok: false, problem: 'format' });
    expect(readNace('00.11', C.nace)).toEqual({ ok: false, problem: 'format' });
  });

  it('an undotted code whose both readings exist is refused and names both', () => {
    // Find one in the lists: the literal 4-digit class and the padded subclass both exist.
    const both = ['8110', '8130', '2100', '2200', '2300', '2400', '3110', '3210', '5100', '5200', '7110', '7210', '8910', '9100', '9900']
      .find((c) => readNace(`0${c}`, C.nace).ok && readNace(`${c.slice(0, 2)}.${c.slice(2)}`, C.nace).ok);
    if (both === undefined) return; // none of these collide in the lists
    expect(readNace(both, C.nace)).toMatchObject({ ok: false, problem: 'leadingZero', literal: `${both.slice(0, 2)}.${both.slice(2)}` });
  });
});

describe('as2008: a 2025 code stands for its NACE Rev. 2 sources (for content written in 2008 codes)', () => {
  it.each([
    ['25.30', ['25.40']], ['25.40', ['25.50']], ['62.10', ['62.01']], ['25.62', ['25.72']], ['10.71', ['10.71']],
  ])('%s -> %j', (code, sources) => expect(as2008(code, '2025', C.nace)).toEqual(sources));
  it('a 2008 code stands for itself', () => expect(as2008('25.30', '2008', C.nace)).toEqual(['25.30']));
});
