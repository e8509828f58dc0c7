import { describe, expect, it } from 'vitest';
import { segment } from '../../src/domain/segment';
import type { Innovation } from '../../src/domain/types';

const yes = (...keys: Array<keyof Innovation>): Innovation => Object.fromEntries(keys.map((k) => [k, true]));

describe('segment (Tabel 12, tested leader -> developer -> applier -> follower -> non-innovator)', () => {
  describe('leader: [(10a and 11a) or 16a] and [21a and 22f and 25]', () => {
    it('product developed in house and new to the market, with R&D, spending and R&D staff', () => {
      expect(segment(yes('productInHouse', 'productNewToMarket', 'inHouseRnd', 'innovationSpending', 'rndStaff'))).toBe('leader');
    });
    it('process developed in house, with R&D, spending and R&D staff', () => {
      expect(segment(yes('processInHouse', 'inHouseRnd', 'innovationSpending', 'rndStaff'))).toBe('leader');
    });
    it('10a without 11a is not enough for the first bracket (falls to developer)', () => {
      expect(segment(yes('productInHouse', 'inHouseRnd', 'innovationSpending', 'rndStaff'))).toBe('developer');
    });
    it('11a without 10a is not enough either (falls to follower)', () => {
      expect(segment(yes('productNewToMarket', 'inHouseRnd', 'innovationSpending', 'rndStaff'))).toBe('follower');
    });
    for (const missing of ['inHouseRnd', 'innovationSpending', 'rndStaff'] as const) {
      it(`missing ${missing} in the second bracket makes it a developer`, () => {
        const all = yes('processInHouse', 'inHouseRnd', 'innovationSpending', 'rndStaff');
        delete all[missing];
        expect(segment(all)).toBe('developer');
      });
    }
  });
  describe('developer: [10a or 16a] and [21a or 22f or 25]', () => {
    for (const a of ['productInHouse', 'processInHouse'] as const) {
      for (const b of ['inHouseRnd', 'innovationSpending', 'rndStaff'] as const) {
        it(`${a} + ${b}`, () => expect(segment(yes(a, b))).toBe('developer'));
      }
    }
    it('10a alone (no R&D, spending or staff) is not a developer', () => {
      expect(segment(yes('productInHouse'))).toBe('non-innovator');
    });
  });
  describe('applier: [8a or 8b or 14a or 14b or 14c] and [21d or 29]', () => {
    for (const a of ['newGoods', 'newServices', 'newProductionMethods', 'newLogistics', 'newSupportProcesses'] as const) {
      for (const b of ['boughtKnowledge', 'cooperation'] as const) {
        it(`${a} + ${b}`, () => expect(segment(yes(a, b))).toBe('applier'));
      }
    }
  });
  describe('follower: at least one of 8a, 8b, 11a, 14a, 14b, 14c, 21a, 21d, 29', () => {
    for (const k of ['newGoods', 'newServices', 'productNewToMarket', 'newProductionMethods', 'newLogistics', 'newSupportProcesses', 'inHouseRnd', 'boughtKnowledge', 'cooperation'] as const) {
      it(`${k} alone`, () => expect(segment(yes(k))).toBe('follower'));
    }
  });
  describe('non-innovator', () => {
    it('no answers', () => expect(segment({})).toBe('non-innovator'));
    it('all no', () => expect(segment({ newGoods: false, inHouseRnd: false, cooperation: false })).toBe('non-innovator'));
    for (const k of ['productInHouse', 'processInHouse', 'innovationSpending', 'rndStaff'] as const) {
      it(`${k} alone does not count (not in the follower list)`, () => expect(segment(yes(k))).toBe('non-innovator'));
    }
  });
});
