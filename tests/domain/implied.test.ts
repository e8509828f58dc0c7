// Answers that imply others (CIS logic behind Tabel 12): in-house R&D or R&D staff is spending on innovation.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load';
import { withImplied } from '../../src/domain/implied';
import { refer } from '../../src/domain/refer';
import type { Profile } from '../../src/domain/types';

describe('withImplied', () => {
  it('in-house R&D implies spending on innovation', () => {
    expect(withImplied({ inHouseRnd: true })).toEqual({
      innovation: { inHouseRnd: true, innovationSpending: true },
      implied: [{ key: 'innovationSpending', because: 'inHouseRnd' }],
    });
  });
  it('R&D staff implies in-house R&D and spending, each named with the answer it follows from', () => {
    const r = withImplied({ rndStaff: true });
    expect(r.innovation).toEqual({ rndStaff: true, inHouseRnd: true, innovationSpending: true });
    expect(r.implied).toEqual([{ key: 'inHouseRnd', because: 'rndStaff' }, { key: 'innovationSpending', because: 'rndStaff' }]);
  });
  it('adds nothing already answered yes, and leaves the input unchanged', () => {
    const given = { inHouseRnd: true, innovationSpending: true };
    expect(withImplied(given).implied).toEqual([]);
    expect(given).toEqual({ inHouseRnd: true, innovationSpending: true });
  });
  it('an explicit no is overruled by what implies it (and said so)', () => {
    expect(withImplied({ rndStaff: true, innovationSpending: false }).innovation.innovationSpending).toBe(true);
  });
});

describe('no referral shows a firm with R&D staff as not spending on innovation', () => {
  const { content } = loadContent();
  const base: Profile = { region: 'flanders', province: 'antwerpen', staff: 20, turnoverEur: 3_000_000, balanceSheetEur: 2_000_000, nace: '28.13', innovation: {}, needs: ['development-project'] };
  it('R&D staff without the spending tick: counted, with a warning that says why', () => {
    const r = refer({ ...base, innovation: { newGoods: true, productInHouse: true, rndStaff: true } }, content, 'en', 'you', '2026-11-30');
    expect(r.impliedAnswers).toContainEqual({ key: 'innovationSpending', because: 'rndStaff' });
    expect(r.warnings.join(' ')).toMatch(/spends on its own R&D counts as spending on innovation/);
    expect(r.segment).toBe('developer');
  });
  it('nothing implied: no impliedAnswers field and no such warning', () => {
    const r = refer({ ...base, innovation: { newGoods: true } }, content, 'en', 'you', '2026-11-30');
    expect(r.impliedAnswers).toBeUndefined();
    expect(r.warnings.join(' ')).not.toMatch(/counts as spending on innovation/);
  });
});
