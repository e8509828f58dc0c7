// The UI strings (content/locales/*.json) come in two parts per language: what the app shell and
// the start page show, loaded first (first-load budget), and the rest, loaded with the wizard or the
// batch page. The build makes the two modules (vite.config.ts); tests/ui/locales.test.ts checks that
// the start page uses only the first part.

/** Top-level groups of the strings that the header, footer, start page, notices and error page use. */
export const START_STRINGS = ['app', 'lang', 'languageName', 'start', 'resume', 'footer', 'notice', 'pageError', 'connection', 'update'] as const;

export type StringsPart = 'start' | 'rest';

/** The part of a language's strings: the start groups, or everything else. */
export function stringsPart(all: Record<string, unknown>, part: StringsPart): Record<string, unknown> {
  const isStart = (key: string) => (START_STRINGS as readonly string[]).includes(key);
  return Object.fromEntries(Object.entries(all).filter(([key]) => isStart(key) === (part === 'start')));
}
