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
/** The parts a page has needed so far (the wizard: 'rest'; the desk and the batch page: also 'desk'): a language switched to later comes with them. */
const needed = new Set<StringsPart>(['start']);

async function addStrings(lang: Lang, part: StringsPart) {
  if (added.has(`${lang}/${part}`)) return;
  const strings = (await loaders[lang][part]()).default;
  i18next.addResourceBundle(lang, 'translation', strings, true, true);
  added.add(`${lang}/${part}`);
}

/** Starts i18next in `lang`: with the start page's strings only, or with the wizard's too. */
export async function initI18n(lang: Lang, parts: 'start' | 'all' = 'all') {
  if (parts === 'all') needed.add('rest');
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

/**
 * The strings the wizard needs (with `desk`: also the desk's and the batch page's) in the active
 * language, and in every language switched to later.
 */
export async function loadAllStrings({ desk = false }: { desk?: boolean } = {}) {
  needed.add('rest');
  if (desk) needed.add('desk');
  const lang = isLang(i18next.language) ? i18next.language : 'nl';
  await Promise.all([...needed].map((part) => addStrings(lang, part)));
}

export async function changeLanguage(lang: Lang) {
  await Promise.all([
    ...[...needed].map((part) => addStrings(lang, part)),
    ...languageLoaders.map((load) => load(lang)),
  ]);
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

/** The wizard's strings of any language without switching to it (e.g. a hand-off e-mail in the contact's language). */
export async function stringsIn(lang: Lang) {
  await Promise.all([addStrings(lang, 'start'), addStrings(lang, 'rest')]);
  return i18next.getFixedT(lang);
}

/** Who the questions are about: the user's own firm, a client's firm, or the firm at intake. */
export function setWordingMode(mode: 'owner' | 'client' | 'intake') {
  const interpolation = i18next.options.interpolation;
  if (interpolation && interpolation.defaultVariables?.mode !== mode) interpolation.defaultVariables = { ...interpolation.defaultVariables, mode };
}
