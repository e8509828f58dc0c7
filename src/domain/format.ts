// How numbers, amounts and dates are written in each language. Pure (Intl only).
/** Numbers as people in the chosen language write them (1.800.000 in nl, 1,800,000 in en, 1 800 000 in fr). */
export function formatNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : lang === 'fr' ? 'fr-BE' : 'nl-BE', { maximumFractionDigits: 2 }).format(n);
}

export function formatEuro(n: number, lang: string): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : lang === 'fr' ? 'fr-BE' : 'nl-BE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(n);
}

export function formatDate(iso: string, lang: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang === 'fr' ? 'fr-BE' : 'nl-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}
