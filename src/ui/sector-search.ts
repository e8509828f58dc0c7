// Finding a sector by word in the user's language, or by its NACE code. Pure.
import type { Sectors } from '../domain/content-model';
import { normaliseNace } from '../domain/nace';
import type { Lang } from '../domain/types';

export interface SectorHit { code: string; name: string }

const fold = (s: string) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim();

export function searchSectors(query: string, sectors: Sectors, lang: Lang, limit = 12): SectorHit[] {
  const q = fold(query);
  if (q.length < 2) return [];
  const entries = [...sectors.groups, ...sectors.divisions];
  const scored: Array<{ hit: SectorHit; score: number }> = [];
  const code = /^\d/.test(q) ? normaliseNace(q) : null;
  for (const e of entries) {
    const name = e.name[lang];
    let score = 0;
    if (code && (code.startsWith(e.code) || e.code.startsWith(code))) score = 100 - Math.abs(code.length - e.code.length);
    const words = (e.keywords?.[lang] ?? []).map(fold);
    const foldedName = fold(name);
    for (const w of q.split(/\s+/)) {
      if (words.includes(w)) score += 30;
      else if (words.some((k) => k.startsWith(w) || (w.length >= 4 && k.includes(w)))) score += 15;
      if (foldedName.includes(w)) score += 10;
    }
    // Prefer the more specific group over its division when both match.
    if (score > 0) scored.push({ hit: { code: e.code, name }, score: score + (e.code.includes('.') ? 1 : 0) });
  }
  const hits = scored.sort((a, b) => b.score - a.score || a.hit.code.localeCompare(b.hit.code)).slice(0, limit).map((s) => s.hit);
  // A full code the user typed (a class like 72.11) is offered as it is: finer codes can matter (clusters).
  if (code && code.length > 4 && !hits.some((h) => h.code === code)) {
    const name = sectorName(code, sectors, lang);
    if (name) hits.unshift({ code, name });
  }
  return hits.slice(0, limit);
}

/** The name of a code: the group if we know it, else its division. */
export function sectorName(code: string, sectors: Sectors, lang: Lang): string | undefined {
  const group = sectors.groups.find((g) => code.startsWith(g.code.replace(/\.$/, '')) && code.replace('.', '').startsWith(g.code.replace('.', '')));
  const division = sectors.divisions.find((d) => code.startsWith(d.code));
  return (group ?? division)?.name[lang];
}
