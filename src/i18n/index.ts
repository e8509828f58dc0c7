// i18next with the strings of content/locales; only the active language is loaded.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGS, type Lang } from '../domain/types';

const loaders = import.meta.glob<{ default: Record<string, unknown> }>('../../content/locales/*.json');

export const LANG_KEY = 'innovatiewijzer.lang';

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

async function resources(lang: Lang) {
  const load = loaders[`../../content/locales/${lang}.json`];
  if (!load) throw new Error(`no strings for ${lang}`);
  return (await load()).default;
}

export async function initI18n(lang: Lang) {
  await i18next.use(initReactI18next).init({
    lng: lang,
    fallbackLng: false,
    resources: { [lang]: { translation: await resources(lang) } },
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = lang;
  return i18next;
}

export async function changeLanguage(lang: Lang) {
  if (!i18next.hasResourceBundle(lang, 'translation')) i18next.addResourceBundle(lang, 'translation', await resources(lang));
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}
