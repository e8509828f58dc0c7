// Where each language's content texts come from, and which language a visitor last chose. Kept tiny and
// free of React and i18next: the entry (src/main.tsx) uses it to request everything a share link's result
// needs at once, before the app itself has loaded.
import { isLang, type Lang } from '../domain/types';
import { LANG_KEY } from '../i18n/loaders';
import { readStorage } from '../wizard/storage';

/** The language the visitor chose last, else Dutch (the prerendered start page's). */
export function preferredLanguage(): Lang {
  const saved = readStorage(LANG_KEY);
  return isLang(saved) ? saved : 'nl';
}

/** The content (content/, validated at build time) with the texts of one language (vite.config.ts, contentPlugin), without `about`. */
export const contentLoaders: Record<Lang, () => Promise<{ default: unknown }>> = {
  nl: () => import('virtual:content/nl'),
  en: () => import('virtual:content/en'),
  fr: () => import('virtual:content/fr'),
};

/** The content's `about` texts of one language (content/about-voice.yaml: client and intake mode), which src/ui/content.ts adds to it. */
export const aboutLoaders: Record<Lang, () => Promise<{ default: unknown }>> = {
  nl: () => import('virtual:content/nl-about'),
  en: () => import('virtual:content/en-about'),
  fr: () => import('virtual:content/fr-about'),
};
