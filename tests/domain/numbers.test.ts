import { describe, expect, it } from 'vitest';
import { parseBelgianNumber } from '../../src/domain/numbers';

describe('parseBelgianNumber', () => {
  it.each([
    ['1.800.000', 1_800_000], ['12,5', 12.5], ['1800000', 1_800_000], ['12.5', 12.5], ['1.800', 1800], ['1 800 000', 1_800_000],
    ['EUR 2 mln', 2_000_000], ['euro 5', 5], ['5 euro', 5], ['€ 2,5 mln', 2_500_000], ['2 miljoen', 2_000_000], ['1.250.000,50', 1_250_000.5], ['0', 0],
    ['750k', 750_000], ['3 million', 3_000_000], ['  42 ', 42], ['1,5 miljard', 1_500_000_000],
  ])('%j -> %d', (input, n) => expect(parseBelgianNumber(input)).toBe(n));
  it.each(['', 'abc', '1,2,3', '12.34.5', '1.80.000', 'twaalf', '12 appels', '--3'])('rejects %j', (input) => {
    expect(parseBelgianNumber(input)).toBeNull();
  });
});
