// Policy figures as dated data (content/policy.yaml): the value in force on a day, the engine and the
// wizard reading them, and the content check refusing a policy file that is out of order.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { CONTENT_DIR, ContentError, loadContent } from '../../src/content/load';
import type { Content, Dated, SizeCeiling } from '../../src/domain/content-model';
import { createEngine } from '../../src/domain/refer';
import { inForce, largeFromStaff, smeCeilings } from '../../src/domain/policy';
import { questionPath, setWizardPolicy, staffMakesLarge } from '../../src/wizard/answers';
import type { Profile } from '../../src/domain/types';

const { content } = loadContent();
const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
// The wizard's figures are module state: put today's back after a test changes them.
afterEach(() => setWizardPolicy(content.policy, '2026-11-30'));

const v = <V>(since: string, value: V): Dated<V> => ({ since, value, source: 'https://example.org/', checked: '2026-11-30' });

describe('inForce', () => {
  const values = [v('2005-01-01', 'a'), v('2027-01-01', 'b')];
  it('the last value whose since is on or before the day', () => {
    expect(inForce(values, '2026-11-30').value).toBe('a');
    expect(inForce(values, '2027-01-01').value).toBe('b');
    expect(inForce(values, '2030-06-01').value).toBe('b');
  });
  it('a day before every value gets the first value (the content holds no older one)', () => {
    expect(inForce(values, '1999-01-01').value).toBe('a');
  });
});

describe('the SME ceilings in content/policy.yaml', () => {
  it('are those of Recommendation 2003/361/EC, in force since 1 January 2005, with source, checked date and page date', () => {
    const value = inForce(content.policy.smeCeilings.values, '2026-11-30');
    expect(value).toMatchObject({ since: '2005-01-01', checked: '2026-11-30', pageDate: '2003-05-20' });
    expect(value.source).toMatch(/^https:\/\/eur-lex\.europa\.eu\//);
    expect(value.value).toEqual([
      { sizeClass: 'micro', staffBelow: 10, turnoverMax: 2_000_000, balanceMax: 2_000_000 },
      { sizeClass: 'small', staffBelow: 50, turnoverMax: 10_000_000, balanceMax: 10_000_000 },
      { sizeClass: 'medium', staffBelow: 250, turnoverMax: 50_000_000, balanceMax: 43_000_000 },
    ]);
  });
  it('give the staff count that skips the figures page: 250', () => {
    expect(largeFromStaff(smeCeilings(content.policy, '2026-11-30'))).toBe(250);
  });
});

/** The content with a second, later value of the ceilings (medium: fewer than 300 staff from 2027). */
function withLaterCeilings(): Content {
  const now = content.policy.smeCeilings.values[0]!;
  const later: Dated<SizeCeiling[]> = { ...now, since: '2027-01-01', value: now.value.map((c) => (c.sizeClass === 'medium' ? { ...c, staffBelow: 300 } : c)) };
  return { ...content, policy: { smeCeilings: { ...content.policy.smeCeilings, values: [now, later] } } };
}

describe('the engine and the wizard read the figures in force', () => {
  const firm: Profile = { region: 'flanders', province: 'limburg', staff: 260, turnoverEur: 40_000_000, nace: '28.13', innovation: {}, needs: ['training'] };
  it('the engine: 260 staff is large today, medium once a new ceiling takes effect', () => {
    const engine = createEngine(withLaterCeilings());
    expect(engine.refer(firm, 'en', 'you', '2026-11-30').sizeClass).toBe('large');
    expect(engine.refer(firm, 'en', 'you', '2027-01-01').sizeClass).toBe('medium');
  });
  it('the wizard: the figures page is skipped from the staff count the policy gives', () => {
    expect(staffMakesLarge({ staff: 260 })).toBe(true);
    setWizardPolicy(withLaterCeilings().policy, '2027-02-01');
    expect(staffMakesLarge({ staff: 260 })).toBe(false);
    expect(questionPath({ region: 'flanders', staff: 260 })).toContain('figures');
    expect(staffMakesLarge({ staff: 300 })).toBe(true);
  });
});

describe('the content check refuses a policy file that is out of order', () => {
  function loadWith(change: (data: { smeCeilings: { values: Array<Record<string, unknown>> } }) => void): ContentError {
    const dir = mkdtempSync(join(tmpdir(), 'iw-policy-'));
    copies.push(dir);
    cpSync(CONTENT_DIR, dir, { recursive: true });
    const file = join(dir, 'policy.yaml');
    const data = parse(readFileSync(file, 'utf8'));
    change(data);
    writeFileSync(file, stringify(data));
    try { loadContent(dir); } catch (e) { if (e instanceof ContentError) return e; throw e; }
    throw new Error('expected a ContentError');
  }
  it('values not in the order they took effect', () => {
    const e = loadWith((d) => { d.smeCeilings.values.push({ ...d.smeCeilings.values[0], since: '2001-01-01' }); });
    expect(e.message).toMatch(/policy\.yaml: smeCeilings\.values: values must be in the order they took effect/);
  });
  it('a class whose ceilings do not rise above the class before', () => {
    const e = loadWith((d) => { (d.smeCeilings.values[0]!.value as Array<{ staffBelow: number }>)[1]!.staffBelow = 5; });
    expect(e.message).toMatch(/policy\.yaml: smeCeilings\.values\.0\.value: each class's ceilings must be higher than the class before/);
  });
  it('a value without its source', () => {
    const e = loadWith((d) => { delete d.smeCeilings.values[0]!.source; });
    expect(e.message).toMatch(/policy\.yaml: smeCeilings\.values\.0\.source/);
  });
});
