// What the sector page searches: Statbel's NACE-BEL 2025 titles in nl/fr/en and the everyday words
// of content/sectors.yaml (written for 2008 codes) carried to the 2025 codes through Eurostat's class
// correspondence. Made at build time (vite.config.ts, module `virtual:nace-search`), loaded by the
// sector page only when it opens. Node only (reads content/).
import type { Content, NaceSearchData, NaceSearchEntry } from '../domain/content-model';
import { loadContent, readNaceLists, CONTENT_DIR, type NaceListRow } from './load';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../domain/csv';
import { naceIndex } from '../domain/nace';

/** "LANDBOUW, BOSBOUW EN VISSERIJ" -> "Landbouw, bosbouw en visserij" (Statbel writes the 2025 section titles in capitals). */
function sentenceCase(title: string): string {
  if (title !== title.toUpperCase()) return title;
  const lower = title.toLocaleLowerCase('nl');
  return lower.charAt(0).toLocaleUpperCase('nl') + lower.slice(1);
}

const digits = (code: string) => code.replace('.', '');

/**
 * The sector page's search data, from content/ (the loaded content for sectors.yaml and the
 * correspondence, the 2025 list in `dir` for the titles). Divisions, groups and classes; a subclass only
 * where its title says more than its class's. Keywords of a 2008 division or group go to the 2025
 * entries of the same level that receive most of its classes (all of them on a tie), a division's
 * also to the 2025 division with its number.
 */
export function naceSearchData(content: Content = loadContent().content, dir: string = CONTENT_DIR): NaceSearchData {
  const lists = readNaceLists(dir)!;
  const rows = lists['2025'];
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const index = naceIndex(content.nace);

  // 2008 entry with keywords -> the 2025 entries of its level that receive most of its classes.
  const keywords = new Map<string, Record<'nl' | 'fr' | 'en', string[]>>();
  const entries2008 = [...content.sectors.divisions, ...content.sectors.groups];
  for (const e of entries2008) {
    if (!e.keywords) continue;
    const level = digits(e.code).length;
    const counts = new Map<string, number>();
    for (const [from, to] of content.nace.correspondence) {
      if (!digits(from).startsWith(digits(e.code))) continue;
      const target = to.slice(0, level === 2 ? 2 : 4);
      counts.set(target, (counts.get(target) ?? 0) + 1);
    }
    const most = Math.max(0, ...counts.values());
    // A division keeps its number in 2025 (and mostly its meaning): its words go there too (63: hosting).
    if (level === 2 && index.codes['2025'].has(e.code)) counts.set(e.code, most);
    for (const [target, n] of counts) {
      if (n !== most || !index.codes['2025'].has(target)) continue;
      const add = keywords.get(target) ?? { nl: [], fr: [], en: [] };
      for (const lang of ['nl', 'fr', 'en'] as const) add[lang].push(...e.keywords[lang]);
      keywords.set(target, add);
    }
  }

  const entry = (r: NaceListRow): NaceSearchEntry => {
    const k = keywords.get(r.code);
    return [r.code, sentenceCase(r.title.nl), sentenceCase(r.title.fr), sentenceCase(r.title.en), k ? [...new Set([...k.nl, ...k.fr, ...k.en])].join('|') : ''];
  };
  const sameAsClass = (r: NaceListRow) => {
    const cls = byCode.get(r.code.slice(0, 5));
    return cls !== undefined && cls.title.nl === r.title.nl && cls.title.fr === r.title.fr;
  };
  const ranges = readSectionRanges(dir);
  const divisions = rows.filter((r) => r.level === 2).map((r) => r.code);
  const sections = rows.filter((r) => r.level === 1).map((r) => {
    const range = ranges.find((x) => x.section === r.code);
    const own = range ? divisions.filter((d) => Number(d) >= range.from && Number(d) <= range.to) : [];
    if (!own.length) throw new Error(`content/nace/sections.csv: no divisions for NACE-BEL 2025 section ${r.code}`);
    return { code: r.code, name: { nl: sentenceCase(r.title.nl), fr: sentenceCase(r.title.fr), en: sentenceCase(r.title.en) }, divisions: own };
  });
  return {
    version: '2025',
    sections,
    entries: rows.filter((r) => r.level >= 2 && r.level <= 4 || (r.level === 5 && !sameAsClass(r))).map(entry),
  };
}

/** The NACE-BEL 2025 sections as division ranges (content/nace/sections.csv, KBO open data seeds; see content/nace/README.md). */
function readSectionRanges(dir: string): Array<{ section: string; from: number; to: number }> {
  const rows = parseCsv(readFileSync(join(dir, 'nace/sections.csv'), 'utf8'), ',').slice(1);
  return rows.filter((r) => r[0] === '2025').map(([, from, to, section]) => ({ section: section ?? '', from: Number(from), to: Number(to) }));
}
