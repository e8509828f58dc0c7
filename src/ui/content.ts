// The content shipped with the app (validated at build time by the content plugin in vite.config.ts),
// one module per language so a visitor loads the texts of their language only. `content` is a live
// binding: it always holds the texts of the active language once loaded.
import { useTranslation } from 'react-i18next';
import type { Content } from '../domain/content-model';
import { isLang, type Lang, type Text } from '../domain/types';
import { alsoOnLanguageChange } from '../i18n';
import { contentLoaders as loaders } from './loaders';

export { isLang };


export let content: Content;
let loadedLang: Lang | null = null;

/** Once the wizard has loaded the content, a language switch also switches its texts. */
alsoOnLanguageChange((lang) => (loadedLang !== null ? loadContentFor(lang) : null));

/** Loads the content of one language and makes it the active content. */
export async function loadContentFor(lang: Lang): Promise<Content> {
  if (loadedLang !== lang) {
    content = (await loaders[lang]()).default as Content;
    loadedLang = lang;
  }
  return content;
}

/** The content of any language without making it the active one (e.g. a hand-off e-mail in the contact's language). */
export async function contentIn(lang: Lang): Promise<Content> {
  if (lang === loadedLang) return content;
  return (await loaders[lang]()).default as Content;
}

/** The active language and a picker for content texts ({nl, en, fr}). */
export function useLang() {
  const { i18n } = useTranslation();
  const lang = isLang(i18n.language) ? i18n.language : 'nl';
  return { lang, pick: (t: Text) => t[lang] };
}
