// i18next with the strings of content/locales; only the active language is loaded. Switching the
// language also runs what registered with `alsoOnLanguageChange` (the UI's content texts, src/ui/content.ts),
// so this module knows nothing of the UI.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLang, type Lang } from '../domain/types';
import { LANG_KEY, stringLoaders as loaders } from './loaders';
import type { StringsPart } from './start-strings';

export { isLang };

/** Work that must finish before the page shows another language (e.g. loading that language's content texts). */
type LanguageLoader = (lang: Lang) => Promise<unknown> | null;
const languageLoaders: LanguageLoader[] = [];

/** Registers work that `changeLanguage` waits for before it switches. */
export function alsoOnLanguageChange(loader: LanguageLoader) {
  languageLoaders.push(loader);
}

export { LANG_KEY };

/** Parts already added to i18next, as "nl/start". */
const added = new Set<string>();
/** Whether the wizard or the batch page has run: from then on a language comes with all its strings. */
let allNeeded = false;

async function addStrings(lang: Lang, part: StringsPart) {
  if (added.has(`${lang}/${part}`)) return;
  const strings = (await loaders[lang][part]()).default;
  i18next.addResourceBundle(lang, 'translation', strings, true, true);
  added.add(`${lang}/${part}`);
}

/** Starts i18next in `lang`: with the start page's strings only, or with all of them. */
export async function initI18n(lang: Lang, parts: 'start' | 'all' = 'all') {
  if (parts === 'all') allNeeded = true;
  const load = (part: StringsPart) => loaders[lang][part]().then((m) => m.default);
  const [start, rest] = await Promise.all([load('start'), parts === 'all' ? load('rest') : {}]);
  await i18next.use(initReactI18next).init({
    lng: lang,
    fallbackLng: false,
    resources: { [lang]: { translation: { ...start, ...rest } } },
    // React escapes. `mode` picks the wording: "$t(firm.{{mode}})" is "your firm" or "your client's firm".
    interpolation: { escapeValue: false, defaultVariables: { mode: 'owner' } },
    returnNull: false,
  });
  added.add(`${lang}/start`);
  if (parts === 'all') added.add(`${lang}/rest`);
  document.documentElement.lang = lang;
  return i18next;
}

/** All strings of the active language, and of every language switched to later: the wizard and the batch page need them. */
export async function loadAllStrings() {
  allNeeded = true;
  const lang = isLang(i18next.language) ? i18next.language : 'nl';
  await addStrings(lang, 'rest');
}

export async function changeLanguage(lang: Lang) {
  await Promise.all([
    addStrings(lang, 'start'),
    allNeeded ? addStrings(lang, 'rest') : null,
    ...languageLoaders.map((load) => load(lang)),
  ]);
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

/** The strings of any language without switching to it (e.g. a hand-off e-mail in the contact's language). */
export async function stringsIn(lang: Lang) {
  await Promise.all([addStrings(lang, 'start'), addStrings(lang, 'rest')]);
  return i18next.getFixedT(lang);
}

/** Who the questions are about: the user's own firm, a client's firm, or the firm at intake. */
export function setWordingMode(mode: 'owner' | 'client' | 'intake') {
  const interpolation = i18next.options.interpolation;
  if (interpolation && interpolation.defaultVariables?.mode !== mode) interpolation.defaultVariables = { ...interpolation.defaultVariables, mode };
}
