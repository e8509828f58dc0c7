import { describe, expect, it } from 'vitest';
import { normaliseNace, techClass } from '../../src/domain/nace';

describe('normaliseNace', () => {
  it.each([
    ['25.62', '25.62'], ['2562', '25.62'], ['25.620', '25.620'], ['25', '25'], ['25.6', '25.6'], [' 10.71 ', '10.71'], ['01.1', '01.1'],
  ])('%s -> %s', (input, out) => expect(normaliseNace(input)).toBe(out));
  it.each(['', 'ab', '2', '2a.62', '25..6', '25.6201', '25-62', '00', '04', '34', '40', '48', '54', '57', '67', '76', '83', '89', '123456'])(
    'rejects %j', (input) => expect(normaliseNace(input)).toBeNull(),
  );
});

describe('techClass (Tabel 13)', () => {
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
  it('throws on a code that is not NACE', () => expect(() => techClass('xx')).toThrow());
});
