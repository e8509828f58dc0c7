// Provided by the content plugin in vite.config.ts; typed where it is imported (src/ui/content.ts).
declare module 'virtual:content/*' {
  const content: unknown;
  export default content;
}

// Provided by the strings plugin in vite.config.ts: one part of a language's UI strings.
declare module 'virtual:strings/*' {
  const strings: Record<string, unknown>;
  export default strings;
}

/** The content version, fixed at build time (vite.config.ts) so the app shell needs no content. */
declare const __CONTENT_VERSION__: string;

// Provided by the NACE search plugin in vite.config.ts: the sector page's data (src/ui/nace-search-data.ts).
declare module 'virtual:nace-search' {
  const data: unknown;
  export default data;
}
