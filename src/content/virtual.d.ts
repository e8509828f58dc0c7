declare module 'virtual:content' {
  import type { Content } from './schema';
  const content: Content;
  export default content;
}
