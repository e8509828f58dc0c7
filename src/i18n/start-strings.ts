// The UI strings (content/locales/*.json) come in three parts per language: what the app shell and
// the start page show, loaded first (first-load budget); what only the intermediary's desk and the batch
// page show, loaded with those pages; and the rest (the wizard), loaded with the wizard. The build makes
// the modules (vite.config.ts); tests/ui/locales.test.ts checks that each page uses only its parts.

/** Top-level groups of the strings that the header, footer, start page, notices and error page use. */
export const START_STRINGS = ['app', 'lang', 'languageName', 'start', 'resume', 'footer', 'notice', 'pageError', 'connection', 'update'] as const;

/** Top-level groups of the strings that only the desk (?desk) and the batch page (?batch) use. */
export const DESK_STRINGS = ['desk', 'batch', 'changes', 'calendar'] as const;

export type StringsPart = 'start' | 'rest' | 'desk';

const partOf = (key: string): StringsPart => ((START_STRINGS as readonly string[]).includes(key) ? 'start' : (DESK_STRINGS as readonly string[]).includes(key) ? 'desk' : 'rest');

/** The part of a language's strings: the start groups, the desk groups, or everything else. */
export function stringsPart(all: Record<string, unknown>, part: StringsPart): Record<string, unknown> {
  return Object.fromEntries(Object.entries(all).filter(([key]) => partOf(key) === part));
}
