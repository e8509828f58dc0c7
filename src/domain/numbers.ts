// Numbers as people write them: Belgian ("1.800.000,50", "€ 1.800.000,-", "1,8 mln") and English
// ("1,800,000.50", "1.8m") notation, Excel's scientific form ("1,8E+06"), and the one form that
// reads back the same in both (formatPlainNumber). Own code: no parsing library knows the Belgian
// forms (",-", "mln", "miljoen") nor refuses a number whose reading depends on the notation.

/** Belgian notation: "." groups thousands, "," is the decimal mark. English: the other way round. */
export type Notation = 'be' | 'en';

/** What reading a number gave: a value, or why not (`ambiguous`: both readings, e.g. "1,250": be 1.25, en 1250). */
export type NumberReading =
  | { ok: true; value: number }
  | { ok: false; problem: 'unreadable' }
  | { ok: false; problem: 'too-large' }
  | { ok: false; problem: 'ambiguous'; be: number; en: number };

const SCALES: Array<[RegExp, number]> = [
  [/^(k|duizend|thousand|mille)$/, 1e3],
  [/^(mln|miljoen|miljoenen|million|millions|mio|m)$/, 1e6],
  [/^(md|mld|mrd|miljard|miljarden|milliard|milliards|billion|bn)$/, 1e9],
];

/** Digits with `dec` as the decimal mark and `group` grouping thousands, as a JS number literal ("1800000.5"); null when the grouping is off. */
function readDigits(s: string, dec: string, group: string): string | null {
  if (!/^[+-]?(\d[\d.,]*|[.,]\d+)$/.test(s)) return null;
  const decCount = s.split(dec).length - 1;
  const groupCount = s.split(group).length - 1;
  if (decCount > 1) return null;
  let whole = s;
  let frac = '';
  if (decCount === 1) [whole, frac] = s.split(dec) as [string, string];
  if (frac.includes(group)) return null;
  if (groupCount > 0 && decCount === 0 && groupCount === 1 && !/^[+-]?\d{1,3}[.,]\d{3}$/.test(s)) {
    // One separator not followed by exactly three digits cannot group thousands: it is the other
    // notation's decimal mark ("12.5" in a Belgian file, "12,5" in an English one), read as such.
    [whole, frac] = s.split(group) as [string, string];
  } else if (groupCount > 0) {
    if (!new RegExp(`^[+-]?\\d{1,3}(\\${group}\\d{3})+$`).test(whole)) return null;
    whole = whole.split(group).join('');
  }
  if (whole === '' || whole === '+' || whole === '-') whole += '0';
  return frac ? `${whole}.${frac}` : whole;
}

/**
 * Reads a number in one notation ("be" or "en"): a euro sign or "EUR"/"euro" and Belgian ",-" are
 * dropped (the unit is the caller's), spaces may group thousands, a scale word multiplies (k,
 * mln, miljoen, million, m, mld, miljard, milliard...), Excel's "1,8E+06" is read too. Beyond
 * 1e300 (Excel's limit is 1e308; "1e309" is Infinity) it is `too-large`. Exact to the last digit
 * JavaScript holds (no rounding). Never throws.
 */
export function readNumberAs(input: string, notation: Notation): NumberReading {
  let s = input.trim().toLowerCase().replace(/[\u00a0\u202f\u2009']/g, ' ');
  s = s.replace(/^(euro|eur|€)\s*/, '').replace(/\s*(euro|eur|€)$/, '').trim();
  s = s.replace(/[.,]-{1,2}$/, '').trim();
  let factor = 1;
  const scale = s.match(/\s*([a-z]+)\.?$/);
  if (scale && !/e[+-]?\d+$/.test(s)) {
    const hit = SCALES.find(([re]) => re.test(scale[1]!));
    if (!hit) return { ok: false, problem: 'unreadable' };
    factor = hit[1];
    s = s.slice(0, scale.index).trim();
  }
  s = s.replace(/(\d) (?=\d{3}\b)/g, '$1');
  let exponent = 0;
  const sci = s.match(/^(.*\d)e([+-]?\d{1,6})$/);
  if (sci) {
    s = sci[1]!;
    exponent = Number(sci[2]);
  }
  const digits = notation === 'be' ? readDigits(s, ',', '.') : readDigits(s, '.', ',');
  if (digits === null) return { ok: false, problem: 'unreadable' };
  // Scaled in the literal ("1.8e6"), so 1,8 mln is exactly 1800000, not 1800000.0000000002.
  const value = Number(`${digits}e${exponent + Math.log10(factor)}`);
  if (!Number.isFinite(value) || Math.abs(value) > 1e300) return { ok: false, problem: 'too-large' };
  return { ok: true, value: value === 0 ? 0 : value };
}

/**
 * Reads a number in `notation`, or, when it is undefined, in whichever notation reads it: when both
 * do and differ ("1,250": 1.25 in Belgian, 1250 in English notation) the answer is `ambiguous` with
 * both readings, never a guess. Never throws.
 */
export function readNumber(input: string, notation?: Notation): NumberReading {
  if (notation) return readNumberAs(input, notation);
  // Belgian ",-" ("€ 650.000,-") says the notation itself.
  if (/,-{1,2}\s*(€|eur|euro)?\s*$/i.test(input)) return readNumberAs(input, 'be');
  const be = readNumberAs(input, 'be');
  const en = readNumberAs(input, 'en');
  if (be.ok && en.ok) return be.value === en.value ? be : { ok: false, problem: 'ambiguous', be: be.value, en: en.value };
  if (be.ok) return be;
  if (en.ok) return en;
  return be.problem === 'too-large' || en.problem === 'too-large' ? { ok: false, problem: 'too-large' } : be;
}

/**
 * Parses a number the way Belgians write it: "1.800.000", "12,5", "1 800 000", "€ 2,5 mln",
 * "€ 1.800.000,-", "EUR 2 mln", "2 miljoen", "1800000", "12.5", "1,8E+06". Returns null when it
 * cannot be read (readNumberAs with "be"). A dot followed by exactly three digits (and no comma) is
 * a thousands separator ("1.800" = 1800); any other single dot a decimal point. Never throws.
 */
export function parseBelgianNumber(input: string): number | null {
  const r = readNumberAs(input, 'be');
  return r.ok ? r.value : null;
}

/**
 * A number typed (or shown back) in the page's language: in English commas group thousands and the
 * dot is the decimal mark ("1,800,000.50"); otherwise the Belgian rules above. `lang` is "nl",
 * "en" or "fr". Returns null when unreadable; never throws.
 */
export function parseNumberIn(input: string, lang: string): number | null {
  const r = readNumberAs(input, lang === 'en' ? 'en' : 'be');
  if (r.ok) return r.value;
  // Unreadable in the page's notation but readable in only one way ("1.800.000" typed on the English
  // page by a Belgian): that reading. A number both notations read differently stays refused.
  const other = readNumber(input);
  return other.ok ? other.value : null;
}

/**
 * A number written so that both notations read it back as the same value (readNumber without a
 * notation): no exponent ("0,0000001", not "1e-7"; "1000000000000000000000", not "1e+21"), no
 * thousands separators, `decimal` as the mark, and a fraction of exactly three digits padded to
 * four ("1,1250": "1,125" would read 1125 in English notation). Never throws; NaN/Infinity give "".
 */
export function formatPlainNumber(n: number, decimal: ',' | '.' = ','): string {
  if (!Number.isFinite(n)) return '';
  let s = expandExponent(String(n));
  const frac = s.split('.')[1];
  if (frac?.length === 3) s += '0';
  return decimal === ',' ? s.replace('.', ',') : s;
}

/** "1e-7" -> "0.0000001", "1.5e+21" -> "1500000000000000000000": the shortest digits JS gives, without exponent. */
function expandExponent(s: string): string {
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, rest = '', exp] = m;
  const digits = lead! + rest;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
