import { LANGS, type Lang } from '../domain/types';

const isTranslations = (o: Record<string, unknown>) => {
  const keys = Object.keys(o);
  return keys.length === LANGS.length && LANGS.every((l) => keys.includes(l));
};

/** The content with every {nl, en, fr} reduced to the one language (the shape stays, so t[lang] still works). */
export function onlyLanguage<T>(value: T, lang: Lang): T {
  if (Array.isArray(value)) return value.map((v) => onlyLanguage(v, lang)) as T;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (isTranslations(o)) return { [lang]: o[lang] } as T;
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, onlyLanguage(v, lang)])) as T;
  }
  return value;
}
