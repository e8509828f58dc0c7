// i18next with the strings of content/locales; only the active language is loaded. Switching the
// language also switches the content texts when the wizard has loaded them (src/ui/content.ts).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../domain/types';
import { contentLoaded, isLang, loadContentFor } from '../ui/content';

export { isLang };

const loaders = import.meta.glob<{ default: Record<string, unknown> }>('../../content/locales/*.json');

export const LANG_KEY = 'innovatiewijzer.lang';

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
    // React escapes. `mode` picks the wording: "$t(firm.{{mode}})" is "your firm" or "your client's firm".
    interpolation: { escapeValue: false, defaultVariables: { mode: 'owner' } },
    returnNull: false,
  });
  document.documentElement.lang = lang;
  return i18next;
}

export async function changeLanguage(lang: Lang) {
  await Promise.all([
    i18next.hasResourceBundle(lang, 'translation') ? null : resources(lang).then((r) => i18next.addResourceBundle(lang, 'translation', r)),
    contentLoaded() ? loadContentFor(lang) : null,
  ]);
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

/** The strings of any language without switching to it (e.g. a hand-off e-mail in the contact's language). */
export async function stringsIn(lang: Lang) {
  if (!i18next.hasResourceBundle(lang, 'translation')) i18next.addResourceBundle(lang, 'translation', await resources(lang));
  return i18next.getFixedT(lang);
}

/** Who the questions are about: the user's own firm, a client's firm, or the firm at intake. */
export function setWordingMode(mode: 'owner' | 'client' | 'intake') {
  const interpolation = i18next.options.interpolation;
  if (interpolation && interpolation.defaultVariables?.mode !== mode) interpolation.defaultVariables = { ...interpolation.defaultVariables, mode };
}
