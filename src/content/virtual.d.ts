// Provided by the content plugin in vite.config.ts; typed where it is imported (src/ui/content.ts).
declare module 'virtual:content/*' {
  const content: unknown;
  export default content;
}

/** The content version, fixed at build time (vite.config.ts) so the app shell needs no content. */
declare const __CONTENT_VERSION__: string;
