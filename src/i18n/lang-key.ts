// Kept apart from loaders.ts (which imports the build's virtual string modules): vite.config.ts needs it too.
/** localStorage key of the language the visitor chose last. */
export const LANG_KEY = 'innovatiewijzer.lang';
