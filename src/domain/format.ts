// How numbers, amounts and dates are written in each language. Pure (Intl only). Formatters are
// costly to create, so each is made once per language.

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
const dateFormat = cached((lang) => new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
const dates = new Map<string, string>();

/** Numbers as people in the chosen language write them (1.800.000 in nl, 1,800,000 in en, 1 800 000 in fr). */
export function formatNumber(n: number, lang: string): string {
  return numberFormat(lang).format(n);
}

export function formatEuro(n: number, lang: string): string {
  return euroFormat(lang).format(n);
}

/** "2026-11-22" as "22 november 2026" (nl), "22 November 2026" (en), "22 novembre 2026" (fr). */
export function formatDate(iso: string, lang: string): string {
  const key = `${lang}:${iso}`;
  let text = dates.get(key);
  if (text === undefined) dates.set(key, (text = dateFormat(lang).format(new Date(`${iso}T00:00:00Z`))));
  return text;
}
