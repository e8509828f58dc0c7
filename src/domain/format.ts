// How numbers, amounts and dates are written in each language. Pure.
// The first Intl formatter a page creates costs ~100 ms of main thread on a throttled phone (ICU
// locale and time-zone data), enough to fail the result page's performance budget. So the common
// cases are written here directly, exactly as Intl writes them (tests/domain/format.test.ts compares
// them with Intl): dates from a month table, whole non-negative numbers by grouping digits. Anything
// else (fractions, negative amounts) goes through Intl, each formatter made once per language.

const locale = (lang: string) => (lang === 'en' ? 'en-GB' : lang === 'fr' ? 'fr-BE' : 'nl-BE');

function cached<F>(make: (lang: string) => F): (lang: string) => F {
  const byLang = new Map<string, F>();
  return (lang) => {
    let f = byLang.get(lang);
    if (!f) byLang.set(lang, (f = make(lang)));
    return f;
  };
}

const numberFormat = cached((lang) => new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 2 }));
const euroFormat = cached((lang) => new Intl.NumberFormat(locale(lang), { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }));

/** Month names as Intl writes them for nl-BE, en-GB and fr-BE (dates read "day month year" in all three). */
const MONTHS: Record<string, readonly string[]> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
};

/** Thousands separators as Intl uses them for nl-BE, en-GB and fr-BE (fr: narrow no-break space). */
const GROUP: Record<string, string> = { nl: '.', en: ',', fr: '\u202f' };

/** A whole non-negative number with thousands grouped, or null when Intl must do it. */
function grouped(n: number, lang: string): string | null {
  const sep = GROUP[lang];
  if (sep === undefined || !Number.isSafeInteger(n) || n < 0 || Object.is(n, -0)) return null;
  return String(n).replace(/\B(?=(\d{3})+$)/g, sep);
}

/**
 * Numbers as people in the chosen language write them (1.800.000 in nl, 1,800,000 in en, 1 800 000 in fr),
 * at most 2 decimals. `lang` is "nl", "en" or "fr" (anything else is written as nl-BE). Never throws.
 */
export function formatNumber(n: number, lang: string): string {
  return grouped(n, lang) ?? numberFormat(lang).format(n);
}

/**
 * An amount in EUR, rounded to whole euros: "€ 1.800.000" (nl), "€1,800,000" (en), "1 800 000 €" (fr);
 * `lang` as in formatNumber. Never throws.
 */
export function formatEuro(n: number, lang: string): string {
  const digits = grouped(n, lang);
  if (digits === null) return euroFormat(lang).format(n);
  return lang === 'fr' ? `${digits}\u00a0€` : lang === 'en' ? `€${digits}` : `€\u00a0${digits}`;
}

/** The device's local day of `now` as an ISO date YYYY-MM-DD (not the UTC day: in Belgium that is still yesterday until 1 or 2 am). */
export function localDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * An ISO date "2026-11-22" as "22 november 2026" (nl), "22 November 2026" (en), "22 novembre 2026" (fr);
 * another language gets the nl month names. Anything not YYYY-MM-DD with a month 01-12 is returned unchanged; never throws.
 */
export function formatDate(iso: string, lang: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? (MONTHS[lang] ?? MONTHS.nl!)[Number(m[2]) - 1] : undefined;
  if (!m || !month) return iso;
  return `${Number(m[3])} ${month} ${Number(m[1])}`;
}
