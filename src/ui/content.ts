// The content shipped with the app (validated at build time) and small helpers to read it.
import raw from 'virtual:content';
import type { Content } from '../content/schema';
import { useTranslation } from 'react-i18next';
import type { Text } from '../domain/types';
import { isLang } from '../i18n';

/** Validated by the content plugin at build time (vite.config.ts). */
export const content = raw as Content;

/** The active language and a picker for content texts ({nl, en, fr}). */
export function useLang() {
  const { i18n } = useTranslation();
  const lang = isLang(i18n.language) ? i18n.language : 'nl';
  return { lang, pick: (t: Text) => t[lang] };
}
