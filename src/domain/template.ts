// Content texts with placeholders: "{sizeClass}" is replaced by the value of sizeClass. Templates are
// split once and cached, since the engine fills the same few texts for every referral.

type Vars = Record<string, string | undefined> | ((key: string) => string | undefined);

const compiled = new Map<string, string[]>();

/** Literal text at even indexes, placeholder names at odd ones. */
function parts(template: string): string[] {
  let p = compiled.get(template);
  if (!p) compiled.set(template, (p = template.split(/\{(\w+)\}/)));
  return p;
}

/**
 * Fills the `{name}` placeholders (word characters only) of a content text from `vars` (a record or a
 * lookup function); a placeholder with no value (undefined) stays as written, so a typo is visible.
 * Never throws.
 */
export function fill(template: string, vars: Vars): string {
  const p = parts(template);
  if (p.length === 1) return template;
  const get = typeof vars === 'function' ? vars : (k: string) => vars[k];
  let out = p[0]!;
  for (let i = 1; i < p.length; i += 2) out += (get(p[i]!) ?? `{${p[i]}}`) + p[i + 1]!;
  return out;
}
