import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load';
import { smeCeilings } from '../../src/domain/policy';
import { sizeClass } from '../../src/domain/size';

// The ceilings in force today, read from content/policy.yaml (as the engine does).
const ceilings = smeCeilings(loadContent().content.policy, '2026-11-30');
const size = (staff: number, turnoverEur?: number, balanceSheetEur?: number, ownedByLargeGroup?: boolean) =>
  sizeClass({ staff, turnoverEur, balanceSheetEur, ownedByLargeGroup }, ceilings);
const M = 1_000_000;

describe('sizeClass: staff boundaries (figures under every ceiling)', () => {
  it.each([
    [9, 'micro'], [9.9, 'micro'], [10, 'small'], [49, 'small'], [49.5, 'small'], [50, 'medium'], [249, 'medium'], [250, 'large'], [0, 'micro'],
  ])('%d staff -> %s', (staff, cls) => {
    expect(size(staff, 1 * M, 1 * M).sizeClass).toBe(cls);
    expect(size(staff, 1 * M, 1 * M).provisional).toBe(false);
  });
});

describe('sizeClass: financial boundaries, on both sides', () => {
  it('micro: turnover EUR 2M is still micro, one euro more is not (unless the balance sheet saves it)', () => {
    expect(size(5, 2 * M, 3 * M).sizeClass).toBe('micro');
    expect(size(5, 2 * M + 1, 3 * M).sizeClass).toBe('small');
    expect(size(5, 3 * M, 2 * M).sizeClass).toBe('micro');
    expect(size(5, 3 * M, 2 * M + 1).sizeClass).toBe('small');
  });
  it('small: EUR 10M on either figure', () => {
    expect(size(20, 10 * M, 20 * M).sizeClass).toBe('small');
    expect(size(20, 10 * M + 1, 20 * M).sizeClass).toBe('medium');
    expect(size(20, 20 * M, 10 * M).sizeClass).toBe('small');
    expect(size(20, 20 * M, 10 * M + 1).sizeClass).toBe('medium');
  });
  it('medium: turnover EUR 50M or balance sheet EUR 43M', () => {
    expect(size(100, 50 * M, 60 * M).sizeClass).toBe('medium');
    expect(size(100, 50 * M + 1, 60 * M).sizeClass).toBe('large');
    expect(size(100, 60 * M, 43 * M).sizeClass).toBe('medium');
    expect(size(100, 60 * M, 43 * M + 1).sizeClass).toBe('large');
    // 43M < turnover <= 50M with a big balance sheet: medium through turnover
    expect(size(100, 45 * M, 45 * M).sizeClass).toBe('medium');
  });
  it('a micro headcount with large figures is large', () => {
    expect(size(3, 60 * M, 50 * M).sizeClass).toBe('large');
  });
});

describe('sizeClass: provisional', () => {
  it('staff without figures: classified on staff, provisional', () => {
    expect(size(12)).toEqual({ sizeClass: 'small', provisional: true, provisionalBecause: ['figures-missing'] });
    expect(size(9).sizeClass).toBe('micro');
    expect(size(249).sizeClass).toBe('medium');
  });
  it('250+ staff without figures is certainly large', () => {
    expect(size(300)).toEqual({ sizeClass: 'large', provisional: false, provisionalBecause: [] });
  });
  it('one figure under the staff class ceiling settles it', () => {
    expect(size(12, 1 * M).provisional).toBe(false);
    expect(size(12, undefined, 1 * M).provisional).toBe(false);
  });
  it('one figure above the ceiling: the missing one could lower the class, so provisional', () => {
    expect(size(5, 3 * M)).toEqual({ sizeClass: 'small', provisional: true, provisionalBecause: ['figures-missing'] });
  });
  it('owned 25% or more by another enterprise: provisional with its own reason', () => {
    expect(size(12, 1 * M, 1 * M, true)).toEqual({ sizeClass: 'small', provisional: true, provisionalBecause: ['linked-enterprise'] });
  });
});
