import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDate, formatEuro, formatNumber, localDate } from '../../src/domain/format';

const INTL_LOCALE = { nl: 'nl-BE', en: 'en-GB', fr: 'fr-BE' } as const;
const intlDate = (iso: string, lang: keyof typeof INTL_LOCALE) =>
  new Intl.DateTimeFormat(INTL_LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

describe('formatDate', () => {
  it('writes every date as Intl does for nl-BE, en-GB and fr-BE', () => {
    fc.assert(fc.property(
      fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }),
      fc.constantFrom('nl', 'en', 'fr' as const),
      (d, lang) => {
        const iso = d.toISOString().slice(0, 10);
        expect(formatDate(iso, lang)).toBe(intlDate(iso, lang));
      },
    ), { numRuns: 2000 });
  });

  it('reads the examples people see', () => {
    expect(formatDate('2026-11-22', 'nl')).toBe('22 november 2026');
    expect(formatDate('2026-08-01', 'fr')).toBe('1 août 2026');
    expect(formatDate('2026-03-09', 'en')).toBe('9 March 2026');
  });

  it('leaves anything that is not an ISO date as it is', () => {
    for (const bad of ['', '2026-13-01', '22/11/2026', '2026-1-2']) expect(formatDate(bad, 'nl')).toBe(bad);
  });
});

describe('formatNumber and formatEuro', () => {
  it('write numbers the Belgian way in Dutch and French, the British way in English', () => {
    expect(formatNumber(1_800_000, 'nl')).toBe('1.800.000');
    expect(formatNumber(1_800_000, 'en')).toBe('1,800,000');
    expect(formatNumber(1234.5, 'fr')).toBe('1\u202f234,5');
    expect(formatEuro(2_000_000, 'nl')).toBe('€\u00a02.000.000');
    expect(formatEuro(2_000_000, 'en')).toBe('€2,000,000');
  });
});

describe('formatNumber and formatEuro against Intl', () => {
  const intlNumber = (n: number, lang: keyof typeof INTL_LOCALE) => new Intl.NumberFormat(INTL_LOCALE[lang], { maximumFractionDigits: 2 }).format(n);
  const intlEuro = (n: number, lang: keyof typeof INTL_LOCALE) => new Intl.NumberFormat(INTL_LOCALE[lang], { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(n);
  const numbers = fc.oneof(fc.nat(), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer(), fc.double({ noNaN: true, min: -1e12, max: 1e12 }));

  it('write every number, whole or not, negative or not, exactly as Intl does', () => {
    fc.assert(fc.property(numbers, fc.constantFrom('nl', 'en', 'fr' as const), (n, lang) => {
      expect(formatNumber(n, lang)).toBe(intlNumber(n, lang));
      expect(formatEuro(n, lang)).toBe(intlEuro(n, lang));
    }), { numRuns: 3000 });
  });

  it('at every length of digits', () => {
    for (const lang of ['nl', 'en', 'fr'] as const) {
      for (let n = 1, i = 0; i < 16; i++, n = n * 10 + (i % 10)) {
        expect(formatNumber(n, lang)).toBe(intlNumber(n, lang));
        expect(formatEuro(n, lang)).toBe(intlEuro(n, lang));
      }
    }
  });
});

describe('localDate', () => {
  it('is the day on the device, also late in the evening and early in the morning', () => {
    // In Belgium's time zone, where half past midnight is still yesterday in UTC.
    const tz = process.env.TZ;
    process.env.TZ = 'Europe/Brussels';
    try {
      expect(localDate(new Date(2026, 10, 22, 0, 30))).toBe('2026-11-22');
      expect(localDate(new Date(2026, 10, 22, 23, 59))).toBe('2026-11-22');
      expect(localDate(new Date(2026, 0, 5, 12))).toBe('2026-01-05');
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});
