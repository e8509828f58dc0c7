/**
 * Parses a number the way Belgians write it: "1.800.000", "12,5", "1 800 000", "€ 2,5 mln",
 * "EUR 2 mln", "2 miljoen", "1800000", "12.5". Returns null when it cannot be read safely.
 * A dot followed by exactly three digits (and no comma) is a thousands separator ("1.800" = 1800);
 * any other single dot is a decimal point ("12.5"). A scale word multiplies (k, mln, miljard...);
 * a euro sign or "EUR" is dropped, so the unit is the caller's. Rounded to 6 decimals; never throws.
 */
export function parseBelgianNumber(input: string): number | null {
  let s = input.trim().toLowerCase().replace(/[\u00a0\u202f]/g, ' ');
  s = s.replace(/^(euro|eur|€)\s*/, '').replace(/\s*(euro|eur|€)$/, '').trim();
  let factor = 1;
  const scale = s.match(/\s*(mln|miljoen|million|millions|mio|m|k|duizend|thousand|mille|md|mld|miljard|milliard|milliards|billion)\.?$/);
  if (scale) {
    const word = scale[1]!;
    factor = ['k', 'duizend', 'thousand', 'mille'].includes(word) ? 1e3 : ['md', 'mld', 'miljard', 'milliard', 'milliards', 'billion'].includes(word) ? 1e9 : 1e6;
    s = s.slice(0, scale.index).trim();
  }
  s = s.replace(/(\d) (?=\d{3}\b)/g, '$1');
  if (!/^[+-]?\d[\d.,]*$/.test(s)) return null;
  let normal: string;
  if (s.includes(',')) {
    // Comma is the decimal mark; dots are thousands separators and must group by three.
    if ((s.match(/,/g) ?? []).length > 1) return null;
    const [whole, frac] = s.split(',') as [string, string];
    if (whole.includes('.') && !/^[+-]?\d{1,3}(\.\d{3})+$/.test(whole)) return null;
    normal = `${whole.replace(/\./g, '')}.${frac}`;
  } else if ((s.match(/\./g) ?? []).length > 1 || /^[+-]?\d{1,3}\.\d{3}$/.test(s)) {
    if (!/^[+-]?\d{1,3}(\.\d{3})+$/.test(s)) return null;
    normal = s.replace(/\./g, '');
  } else {
    normal = s;
  }
  const n = Number(normal) * factor;
  return Number.isFinite(n) ? Math.round(n * 1e6) / 1e6 : null;
}

/**
 * A number typed (or shown back) in the page's language: in English commas group thousands and the
 * dot is the decimal mark ("1,800,000.50"); otherwise the Belgian rules above. `lang` is "nl",
 * "en" or "fr". Returns null when unreadable; never throws.
 */
export function parseNumberIn(input: string, lang: string): number | null {
  if (lang === 'en' && /^[^\d]*\d{1,3}(,\d{3})+(\.\d+)?[^\d]*$/.test(input.trim())) return parseBelgianNumber(input.replace(/,/g, ''));
  return parseBelgianNumber(input);
}
