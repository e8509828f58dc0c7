// Provided by the content plugin in vite.config.ts; typed where it is imported (src/ui/content.ts).
declare module 'virtual:content' {
  const content: unknown;
  export default content;
}
