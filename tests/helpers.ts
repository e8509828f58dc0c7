import { loadContent } from '../src/content/load';
import type { Content } from '../src/content/schema';

let cached: Content | undefined;
/** The real content/ (validated), loaded once per test file. */
export function content(): Content {
  return (cached ??= loadContent().content);
}
