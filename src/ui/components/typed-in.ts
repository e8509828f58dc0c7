// A number is read in the notation it was written in: "1,250" typed on the English page is 1250, also
// when the advisor goes Back, switches to Dutch (where "1,250" would be 1.25) and presses Verder.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The language each text field's content was written in: the page's language when the page was
 * shown (the stored answer was formatted in it), then the language at the latest keystroke.
 * `langOf(key)` for parsing, `onType(key)` as the field's onChange.
 */
export function useTypedIn<K extends string>() {
  const { i18n } = useTranslation();
  const shownIn = useRef(i18n.language);
  const typed = useRef<Partial<Record<K, string>>>({});
  return {
    langOf: (key: K): string => typed.current[key] ?? shownIn.current,
    onType: (key: K) => {
      typed.current[key] = i18n.language;
    },
  };
}
