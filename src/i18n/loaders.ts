// Where each language's UI strings come from. Kept tiny and free of i18next: the entry (src/main.tsx)
// requests a share link's strings with it before the app itself has loaded.
import type { Lang } from '../domain/types';
import type { StringsPart } from './start-strings';

export { LANG_KEY } from './lang-key';

/** The UI strings of one language in three parts (the start page's, the desk's and batch page's, and the rest: src/i18n/start-strings.ts). */
export const stringLoaders: Record<Lang, Record<StringsPart, () => Promise<{ default: Record<string, unknown> }>>> = {
  nl: { start: () => import('virtual:strings/nl-start'), rest: () => import('virtual:strings/nl-rest'), desk: () => import('virtual:strings/nl-desk') },
  en: { start: () => import('virtual:strings/en-start'), rest: () => import('virtual:strings/en-rest'), desk: () => import('virtual:strings/en-desk') },
  fr: { start: () => import('virtual:strings/fr-start'), rest: () => import('virtual:strings/fr-rest'), desk: () => import('virtual:strings/fr-desk') },
};
