// Finding a NACE-BEL 2025 activity by everyday words in Dutch, French or English, or by its code. Pure.
// The data (Statbel's 2025 titles and the keywords of content/sectors.yaml carried over) is made at
// build time by src/content/nace-search.ts and loaded by the sector page when it opens.
import type { NaceData, NaceSearchData, NaceSearchEntry, Sectors } from '../domain/content-model';
import { naceIndex, normaliseNace, readNace } from '../domain/nace';
import type { Lang } from '../domain/types';

export type { NaceSearchData, NaceSearchEntry };

export interface SectorHit { code: string; name: string }

/** What a search found: the hits, and what the page should say about a typed code. */
export interface SectorSearch {
  hits: SectorHit[];
  /**
   * `leadingZero`: an undotted code that also exists with a leading zero put back ("1110": 01.110);
   * both readings are among the hits. `from2008`: a NACE-BEL 2008 code that does not exist, or means
   * something else, in 2025: `exists2025` says which; the hits are the 2025 code (when it exists) and
   * the 2025 classes the 2008 class went to (Eurostat's correspondence), as `moved`.
   */
  note?: { kind: 'leadingZero'; padded: string; literal?: string } | { kind: 'from2008'; code: string; exists2025: boolean; moved: string[] };
}

const fold = (s: string) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’']/g, ' ');
const words = (s: string) => fold(s).split(/[^a-z0-9]+/).filter((w) => w.length > 1);

/** Words that say nothing about an activity (nl, fr, en); never searched for. */
const STOPWORDS = new Set([
  'de', 'het', 'een', 'van', 'en', 'in', 'op', 'voor', 'met', 'of', 'te', 'aan', 'bij', 'door', 'uit', 'tot', 'ik', 'wij', 'we', 'mijn', 'onze',
  'des', 'du', 'la', 'le', 'les', 'et', 'au', 'aux', 'pour', 'par', 'sur', 'un', 'une', 'je', 'nous', 'notre', 'mon',
  'the', 'of', 'and', 'for', 'to', 'on', 'by', 'with', 'an', 'my', 'our',
]);

interface Indexed { code: string; entry: NaceSearchEntry; titleWords: string[]; keywordWords: string[]; phrases: string[] }

const indexes = new WeakMap<NaceSearchData, Indexed[]>();
function indexOf(data: NaceSearchData): Indexed[] {
  let index = indexes.get(data);
  if (!index) {
    index = data.entries.map((entry) => {
      const [code, nl, fr, en, keywords] = entry;
      const kw = keywords ? keywords.split('|') : [];
      return {
        code,
        entry,
        titleWords: [...new Set([nl, fr, en].flatMap(words))],
        keywordWords: [...new Set(kw.flatMap(words))],
        phrases: [...kw, nl, fr, en].map((p) => words(p).join(' ')),
      };
    });
    indexes.set(data, index);
  }
  return index;
}

/**
 * How well a query word matches a word of a title or keyword: 3 the same word; 2 the start of it
 * ("bakkerij" in "bakkerijproducten") or the same stem ("metal" ~ "metaux", "travail" ~ "travaux": a
 * common start of at least 4 letters that leaves at most 3 letters of the longer word; "software" is
 * not "soft"); 1 inside a compound
 * ("bewerking" in "plaatbewerking"); 0 no match.
 */
export function wordMatch(q: string, w: string): number {
  if (q === w) return 3;
  if (q.length >= 3 && w.startsWith(q)) return 2;
  let common = 0;
  while (common < q.length && common < w.length && q[common] === w[common]) common++;
  if (common >= 4 && common >= Math.max(q.length, w.length) - 3) return 2;
  if (q.length >= 5 && w.includes(q)) return 1;
  return 0;
}

const levelOf = (code: string) => code.replace('.', '').length;
/** On equal scores: groups first (the old list's level), then classes, divisions, subclasses. */
const LEVEL_ORDER: Record<number, number> = { 3: 0, 4: 1, 2: 2, 5: 3 };
const nameOf = (e: NaceSearchEntry, lang: Lang) => (lang === 'nl' ? e[1] : lang === 'fr' ? e[2] : e[3]);

/**
 * Searches the NACE-BEL 2025 activities. Words are looked up in the titles and everyday words of all
 * three languages (a French word finds the activity while the page is in Dutch), accents and case
 * aside; each query word counts once (its best match, everyday words weigh more), and only the entries
 * that match the most query words are kept ("travail des métaux" prefers metalworking, which matches
 * both, over temp agencies, which match "travail" only). Best first; on equal scores groups, then
 * classes, divisions, subclasses. A typed code (dotted, undotted, the KBO's 5 digits) gives that code with
 * its group and division; see SectorSearch.note for the leading-zero and 2008 cases. `nace`: the
 * content's NACE data (for the 2008 codes). Names are in `lang`. Never throws.
 */
export function searchNace(query: string, data: NaceSearchData, nace: NaceData, lang: Lang, limit = 12): SectorSearch {
  const q = query.trim();
  if (fold(q).replace(/\s/g, '').length < 2) return { hits: [] };
  if (/^\d[\d.\s]*$/.test(q)) return searchCode(q.replace(/\s/g, ''), data, nace, lang, limit);
  const tokens = [...new Set(words(q))].filter((w) => !STOPWORDS.has(w));
  if (!tokens.length) return { hits: [] };
  const phrase = tokens.join(' ');
  const scored: Array<{ e: Indexed; matched: number; score: number }> = [];
  for (const e of indexOf(data)) {
    let matched = 0;
    let score = 0;
    for (const t of tokens) {
      let best = 0;
      for (const w of e.keywordWords) best = Math.max(best, wordMatch(t, w) * 1.5);
      for (const w of e.titleWords) if (best < 3) best = Math.max(best, wordMatch(t, w));
      if (best > 0) { matched++; score += best; }
    }
    if (!matched) continue;
    if (tokens.length > 1 && e.phrases.some((p) => p.includes(phrase))) score += 5;
    scored.push({ e, matched, score });
  }
  const most = Math.max(0, ...scored.map((s) => s.matched));
  const hits = scored
    .filter((s) => s.matched === most)
    .sort((a, b) => b.score - a.score || LEVEL_ORDER[levelOf(a.e.code)]! - LEVEL_ORDER[levelOf(b.e.code)]! || a.e.code.localeCompare(b.e.code))
    .slice(0, limit)
    .map((s) => ({ code: s.e.code, name: nameOf(s.e.entry, lang) }));
  return { hits };
}

/** The 2025 classes a 2008 class went to, when that is not just the same code: [] when it kept its code. */
function movedTo(code2008: string, nace: NaceData): string[] {
  const targets = naceIndex(nace).to2025.get(code2008.slice(0, 5)) ?? [];
  return targets.length === 1 && targets[0] === code2008.slice(0, 5) ? [] : [...targets].sort();
}

function searchCode(typed: string, data: NaceSearchData, nace: NaceData, lang: Lang, limit: number): SectorSearch {
  const byCode = new Map(data.entries.map((e) => [e[0], e] as const));
  const hit = (code: string): SectorHit[] => {
    const e = byCode.get(code) ?? byCode.get(code.slice(0, 5));
    return e ? [{ code, name: nameOf(e, lang) }] : [];
  };
  /** The code, its parents, then its children. */
  const family = (code: string): SectorHit[] => {
    const d = code.replace('.', '');
    const parents = [4, 3, 2].filter((n) => n < d.length).map((n) => (n > 2 ? `${d.slice(0, 2)}.${d.slice(2, n)}` : d.slice(0, 2)));
    const children = data.entries.filter((e) => levelOf(e[0]) === d.length + 1 && e[0].replace('.', '').startsWith(d)).map((e) => e[0]);
    return [code, ...parents, ...children].flatMap(hit);
  };
  const read = readNace(typed, nace, '2025');
  if (!read.ok && read.problem === 'leadingZero') {
    const hits = [...hit(read.padded), ...(read.literal ? hit(read.literal) : [])];
    return { hits, note: { kind: 'leadingZero', padded: read.padded, ...(read.literal ? { literal: read.literal } : {}) } };
  }
  // Also a 2008 class (or finer) that went elsewhere in 2025: say where (25.40 weapons -> 25.30).
  const code = read.ok ? read.code : normaliseNace(typed);
  const moved = code && code.length >= 5 && readNace(code, nace, '2008').ok ? movedTo(code, nace) : [];
  const hits = [...(read.ok ? family(read.code) : []), ...moved.filter((m) => !(read.ok && m === read.code)).flatMap(hit)];
  if (code && moved.length) return { hits: [...new Map(hits.map((h) => [h.code, h])).values()].slice(0, limit), note: { kind: 'from2008', code, exists2025: read.ok, moved } };
  return { hits: hits.slice(0, limit) };
}

/** The name of a NACE-BEL 2025 code in the search data (a subclass without its own entry: its class's). */
export function naceName(code: string, data: NaceSearchData, lang: Lang): string | undefined {
  const e = data.entries.find((x) => x[0] === code) ?? data.entries.find((x) => x[0] === code.slice(0, 5));
  return e && nameOf(e, lang);
}

/** The name of a NACE-BEL 2008 code in content/sectors.yaml: the group if it is there, else its division (answers saved before the 2025 list). */
export function sectorName(code: string, sectors: Sectors, lang: Lang): string | undefined {
  const group = sectors.groups.find((g) => code.startsWith(g.code.replace(/\.$/, '')) && code.replace('.', '').startsWith(g.code.replace('.', '')));
  const division = sectors.divisions.find((d) => code.startsWith(d.code));
  return (group ?? division)?.name[lang];
}
