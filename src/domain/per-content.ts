// The one cache for what is derived from a content object alone (the engine, the profile schema):
// made on first use, kept as long as the content object lives.
import type { Content } from './content-model';

/**
 * Wraps `make` so it runs once per content object (a WeakMap: a replaced content is not kept alive).
 * A throw from `make` propagates and nothing is cached; `make` should not return undefined (it would run again).
 */
export function perContent<V>(make: (content: Content) => V): (content: Content) => V {
  const made = new WeakMap<Content, V>();
  return (content) => {
    let v = made.get(content);
    if (v === undefined) made.set(content, (v = make(content)));
    return v;
  };
}
