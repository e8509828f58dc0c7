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
    it('missing rndStaff in the second bracket makes it a developer', () => {
      expect(segment(yes('processInHouse', 'inHouseRnd', 'innovationSpending'))).toBe('developer');
    });
    // R&D staff implies in-house R&D and spending on innovation (implied.ts, CIS question 22).
    for (const missing of ['inHouseRnd', 'innovationSpending'] as const) {
      it(`missing ${missing} with R&D staff still makes a leader: R&D staff implies it`, () => {
        const all = yes('processInHouse', 'inHouseRnd', 'innovationSpending', 'rndStaff');
        delete all[missing];
        expect(segment(all)).toBe('leader');
      });
    }
  });
  describe('developer: [10a or 16a] and [21a or 22f or 25]', () => {
    for (const a of ['productInHouse', 'processInHouse'] as const) {
      for (const b of ['inHouseRnd', 'innovationSpending'] as const) {
        it(`${a} + ${b}`, () => expect(segment(yes(a, b))).toBe('developer'));
      }
      // R&D staff alone implies in-house R&D and spending: with 16a that is a leader, with 10a (no 11a) a developer.
      it(`${a} + rndStaff`, () => expect(segment(yes(a, 'rndStaff'))).toBe(a === 'processInHouse' ? 'leader' : 'developer'));
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
    for (const k of ['productInHouse', 'processInHouse', 'innovationSpending'] as const) {
      it(`${k} alone does not count (not in the follower list)`, () => expect(segment(yes(k))).toBe('non-innovator'));
    }
    it('rndStaff alone implies in-house R&D (21a), which is in the follower list', () => expect(segment(yes('rndStaff'))).toBe('follower'));
  });
});
