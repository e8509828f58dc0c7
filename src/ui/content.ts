// The content shipped with the app (validated at build time by the content plugin in vite.config.ts),
// one module per language so a visitor loads the texts of their language only. `content` is a live
// binding: it always holds the texts of the active language once loaded.
//
// Each language comes in two modules: the content, and its `about` texts (content/about-voice.yaml,
// the texts written about the firm for client and intake mode), which are added to the content object
// when they arrive. An owner's share link opens without waiting for them; every other way into the
// wizard loads both. A page in the 'about' voice calls useVoiceTexts, which waits for them if needed.
import { use } from 'react';
import { useTranslation } from 'react-i18next';
import type { Content, Voice } from '../domain/content-model';
import { isLang, type Lang, type Text } from '../domain/types';
import { alsoOnLanguageChange } from '../i18n';
import { ChunkLoadError, withRetry } from './connection';
import { aboutLoaders, contentLoaders as loaders } from './loaders';

export { isLang };


export let content: Content;
let loadedLang: Lang | null = null;

/** Once the wizard has loaded the content, a language switch also switches its texts (with `about`). */
alsoOnLanguageChange((lang) => (loadedLang !== null ? loadContentFor(lang) : null));

/**
 * Loads the content of one language and makes it the active content. With `about: false`, without
 * waiting for its `about` texts (an owner's share link; loadAbout adds them later).
 */
export async function loadContentFor(lang: Lang, { about = true }: { about?: boolean } = {}): Promise<Content> {
  const [loaded] = await Promise.all([loaders[lang](), about ? loadAbout(lang) : null]);
  content = loaded.default as Content;
  loadedLang = lang;
  return content;
}

/** The content of any language without making it the active one (e.g. a hand-off e-mail in the contact's language), with its `about` texts. */
export async function contentIn(lang: Lang): Promise<Content> {
  const [loaded] = await Promise.all([loaders[lang](), loadAbout(lang)]);
  return loaded.default as Content;
}

const abouts = new Map<Lang, Promise<void>>();
/**
 * Adds the `about` texts to the content of `lang` (the module's own object, so every holder of it sees
 * them). Loaded once per language; a failure is not kept, so the next call tries again.
 */
export function loadAbout(lang: Lang): Promise<void> {
  let loading = abouts.get(lang);
  if (!loading) {
    loading = Promise.all([loaders[lang](), aboutLoaders[lang]()]).then(([loaded, about]) => {
      (loaded.default as Content).about = about.default as Content['about'];
    });
    loading.catch(() => abouts.delete(lang));
    abouts.set(lang, loading);
  }
  return loading;
}

/** The wait of useVoiceTexts per load (React's `use` needs the same promise on every render). */
const waits = new WeakMap<Promise<void>, Promise<void>>();
/**
 * For a page that writes in `voice`: in the 'about' voice, suspends (React `use`, up to the wizard's
 * Suspense boundary) until the active content has its `about` texts. A failed load, after a retry, is a
 * ChunkLoadError for the wizard's error boundary, which explains it and offers to try again.
 */
export function useVoiceTexts(voice: Voice, lang: Lang): void {
  // `about` is absent until loadAbout added it (the type describes the joined content).
  if (voice !== 'about' || (content as Partial<Content>).about) return;
  const loading = loadAbout(lang);
  let wait = waits.get(loading);
  if (!wait) waits.set(loading, (wait = withRetry(() => loadAbout(lang)).catch((e: unknown) => { throw new ChunkLoadError(e); })));
  use(wait);
}

/** The active language and a picker for content texts ({nl, en, fr}). */
export function useLang() {
  const { i18n } = useTranslation();
  const lang = isLang(i18n.language) ? i18n.language : 'nl';
  return { lang, pick: (t: Text) => t[lang] };
}
