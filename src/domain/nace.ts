// NACE-BEL codes of both versions the KBO carries: reading a code as typed, checking it against
// Statbel's list of its version, the technology class (Tabel 13) and the link between the versions.
// Pure: the lists and tables are content (content/nace/, loaded into Content.nace).
import type { NaceData, TechClassTable } from './content-model';
import { NACE_VERSIONS, type NaceVersion, type TechClass } from './types';

/**
 * The 88 divisions (two digits, "01" to "99") of NACE-BEL 2008 (NACE Rev. 2, Regulation (EC)
 * No 1893/2006). NACE-BEL 2025 has the same ones except 45 (content/nace/nacebel-2025.csv).
 */
export const NACE_DIVISIONS: readonly string[] = [
  '01', '02', '03', '05', '06', '07', '08', '09',
  ...range(10, 33),
  '35', '36', '37', '38', '39', '41', '42', '43', '45', '46', '47',
  '49', '50', '51', '52', '53', '55', '56', '58', '59', '60', '61', '62', '63',
  '64', '65', '66', '68', '69', '70', '71', '72', '73', '74', '75',
  '77', '78', '79', '80', '81', '82', '84', '85', '86', '87', '88',
  '90', '91', '92', '93', '94', '95', '96', '97', '98', '99',
];

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(2, '0'));
}

const DIVISION_SET = new Set(NACE_DIVISIONS);

/**
 * Normalises the form of a NACE-BEL code as people type it ("25.62", "2562", "25.620", "25", "25.6",
 * the KBO's "01110") to the dotted form "25.62" / "25.620" / "25" / "25.6" / "01.110". Returns null
 * when it is not shaped like a NACE code (letters, one digit, more than 5 digits, a division that
 * exists in neither version). Checks the form only: whether the code exists is `readNace`'s job.
 */
export function normaliseNace(input: string): string | null {
  const raw = input.trim();
  if (!/^\d{2}(\.?\d{1,3})?$/.test(raw)) return null;
  const digits = raw.replace('.', '');
  const division = digits.slice(0, 2);
  if (!DIVISION_SET.has(division)) return null;
  const rest = digits.slice(2);
  return rest ? `${division}.${rest}` : division;
}

const digitsOf = (code: string) => code.replace('.', '');
/** The dotted code of a digit string ("2562" -> "25.62"). */
const dotted = (digits: string) => (digits.length > 2 ? `${digits.slice(0, 2)}.${digits.slice(2)}` : digits);

/** What the domain makes once per content from Content.nace: the codes of each version and the links between them. */
export interface NaceIndex {
  /** Every division, group, class and subclass (dotted) of each version. */
  codes: Record<NaceVersion, ReadonlySet<string>>;
  /** 2025 class -> its NACE Rev. 2 (2008) source classes, and 2008 class -> its 2025 classes (Eurostat correspondence). */
  to2008: ReadonlyMap<string, readonly string[]>;
  to2025: ReadonlyMap<string, readonly string[]>;
  tables: Record<NaceVersion, TechClassTable>;
  /** as2008 per 2025 division, group or class (digits), made on first use. */
  as2008: Map<string, readonly string[]>;
}

function buildIndex(nace: NaceData): NaceIndex {
  // Made on first use, as a referral needs little of it (a result page opens faster on a slow phone).
  let codes: Record<NaceVersion, ReadonlySet<string>> | undefined;
  let links: { to2008: Map<string, string[]>; to2025: Map<string, string[]> } | undefined;
  const makeLinks = () => {
    const to2008 = new Map<string, string[]>();
    const to2025 = new Map<string, string[]>();
    for (const [c2008, c2025] of nace.correspondence) {
      const a = to2008.get(c2025);
      if (a) a.push(c2008); else to2008.set(c2025, [c2008]);
      const b = to2025.get(c2008);
      if (b) b.push(c2025); else to2025.set(c2008, [c2025]);
    }
    return { to2008, to2025 };
  };
  return {
    get codes() {
      return (codes ??= Object.fromEntries(NACE_VERSIONS.map((v) => {
        // Subclasses are dotted ("25.620"): their division, group and class are its first 2, 4 and 5 characters.
        const set = new Set<string>();
        for (const sub of nace.subclasses[v]) {
          set.add(sub.slice(0, 2));
          if (sub.length > 3) set.add(sub.slice(0, 4));
          if (sub.length > 4) set.add(sub.slice(0, 5));
          set.add(sub);
        }
        return [v, set];
      })) as Record<NaceVersion, Set<string>>);
    },
    get to2008() { return (links ??= makeLinks()).to2008; },
    get to2025() { return (links ??= makeLinks()).to2025; },
    tables: nace.techClasses,
    as2008: new Map(),
  };
}

const indexes = new WeakMap<NaceData, NaceIndex>();
/** The index of a content's NACE data, made once per NaceData object (kept as long as it lives). */
export function naceIndex(nace: NaceData): NaceIndex {
  let index = indexes.get(nace);
  if (!index) indexes.set(nace, (index = buildIndex(nace)));
  return index;
}

/** What `readNace` makes of a typed code. */
export type NaceRead =
  /** `code` (dotted) exists in `versions` (those of the ones asked that list it, 2008 first). */
  | { ok: true; code: string; versions: NaceVersion[] }
  /** Not shaped like a NACE code at all. */
  | { ok: false; problem: 'format' }
  /** Well formed, but no such code in the version(s) asked; `near`: codes that do exist under its closest existing parent (at most 8). */
  | { ok: false; problem: 'unknown'; code: string; near: string[] }
  /**
   * An undotted 3- or 4-digit code ("111", "1110") that reads as an existing code once a leading zero is
   * put back ("01.11", "01.110"): a spreadsheet drops that zero. `padded` is that reading; `literal`
   * the reading as typed ("11.10"), when that exists too.
   */
  | { ok: false; problem: 'leadingZero'; padded: string; literal?: string };

/**
 * Reads a NACE-BEL code as typed and checks it against Statbel's list of `version`, or of both
 * versions when no version is given. Accepts the dotted form, the undotted form and the KBO's
 * 5 digits ("01110" -> "01.110"), from division to subclass. An undotted 3- or 4-digit code whose
 * reading with a leading zero exists is refused (`leadingZero`), whether or not the code as typed
 * exists as well: a zero is never put back, nor dropped, silently. Never throws.
 */
export function readNace(input: string, nace: NaceData, version?: NaceVersion): NaceRead {
  const code = normaliseNace(input);
  const raw = input.trim();
  const index = naceIndex(nace);
  const asked = version ? [version] : [...NACE_VERSIONS];
  const existsIn = (c: string) => asked.filter((v) => index.codes[v].has(c));
  if (/^\d{3,4}$/.test(raw)) {
    const padded = normaliseNace(`0${raw}`);
    if (padded !== null && existsIn(padded).length > 0) {
      return code !== null && existsIn(code).length > 0 ? { ok: false, problem: 'leadingZero', padded, literal: code } : { ok: false, problem: 'leadingZero', padded };
    }
  }
  if (code === null) return { ok: false, problem: 'format' };
  const versions = existsIn(code);
  if (versions.length) return { ok: true, code, versions };
  return { ok: false, problem: 'unknown', code, near: nearCodes(code, asked, index) };
}

/**
 * Existing codes near a code that does not exist (at most 8): those of the same level under its
 * closest existing parent ("11.10" -> 11.01 ... 11.07), else that parent's children; in the first
 * asked version that has the parent.
 */
function nearCodes(code: string, versions: NaceVersion[], index: NaceIndex): string[] {
  const d = digitsOf(code);
  for (let n = d.length - 1; n >= 2; n--) {
    const parent = d.slice(0, n);
    for (const v of versions) {
      if (!index.codes[v].has(dotted(parent))) continue;
      const under = [...index.codes[v]].filter((c) => digitsOf(c).startsWith(parent)).sort();
      const same = under.filter((c) => digitsOf(c).length === d.length);
      return (same.length ? same : under.filter((c) => digitsOf(c).length === n + 1)).slice(0, 8);
    }
  }
  return [];
}

/**
 * Technology class of a code (any level, dotted or not) in a Tabel 13 table of its version: the
 * class of its NACE class in `classes`, else of its group in `groups`, else of its division in
 * `divisions`; `non-manufacturing` outside them. Source of each table: content/nace/tech-classes.yaml.
 */
export function techClassOf(code: string, table: TechClassTable): TechClass {
  const d = digitsOf(code.trim());
  const cls = d.length >= 4 ? table.classes[dotted(d.slice(0, 4))] : undefined;
  if (cls) return cls;
  const group = d.length >= 3 ? table.groups[dotted(d.slice(0, 3))] : undefined;
  if (group) return group;
  const division = d.slice(0, 2);
  for (const [tc, list] of Object.entries(table.divisions) as Array<[TechClass, string[]]>) if (list.includes(division)) return tc;
  return 'non-manufacturing';
}

/**
 * The NACE-BEL 2008 (NACE Rev. 2) classes a code of `version` stands for, to match content written
 * in 2008 codes (clusters, federations, colleges). A 2008 code stands for itself. A 2025 code stands
 * for the main sources of the 2025 classes it covers (Eurostat's class correspondence): the 2008 class
 * with the same code where the correspondence links one, else all the class's sources. A 2025 code
 * without any source (46.89) or not in the correspondence gives [].
 */
export function as2008(code: string, version: NaceVersion, nace: NaceData): string[] {
  if (version === '2008') return [code];
  const index = naceIndex(nace);
  const d = digitsOf(code);
  const key = d.slice(0, 4);
  let made = index.as2008.get(key);
  if (!made) {
    const classes = d.length >= 4 ? [dotted(key)] : [...index.to2008.keys()].filter((c) => digitsOf(c).startsWith(d));
    const out = new Set<string>();
    for (const c of classes) mainSources(c, index).forEach((s) => out.add(s));
    made = [...out].sort();
    if (index.as2008.size < 10_000) index.as2008.set(key, made);
  }
  return [...made];
}

/** The main NACE Rev. 2 sources of a 2025 class: the same-code source where linked, else all sources (see as2008). */
export function mainSources(class2025: string, index: NaceIndex): readonly string[] {
  const sources = index.to2008.get(class2025) ?? [];
  return sources.includes(class2025) ? [class2025] : sources;
}

/**
 * The NACE-BEL 2025 manufacturing table as derived from the 2008 table (Tabel 13) through the
 * correspondence, class by class (the rule in content/nace/tech-classes.yaml `nace2025.rule`): each
 * 2025 class of divisions 10-33 gets the class of its main 2008 sources; where those disagree, the
 * majority of the sources in its own division (ties: the first in the order of the correspondence).
 * For the content check, which compares it with the table the content states.
 */
export function derive2025Classes(nace: NaceData): Map<string, TechClass> {
  const index = naceIndex(nace);
  const out = new Map<string, TechClass>();
  for (const c of [...index.codes['2025']].filter((x) => digitsOf(x).length === 4).sort()) {
    const division = Number(c.slice(0, 2));
    if (division < 10 || division > 33) continue;
    const sources = mainSources(c, index);
    const classes = sources.map((s) => techClassOf(s, nace.techClasses['2008']));
    if (new Set(classes).size <= 1) {
      if (classes[0]) out.set(c, classes[0]);
      continue;
    }
    const own = sources.filter((s) => s.slice(0, 2) === c.slice(0, 2)).map((s) => techClassOf(s, nace.techClasses['2008']));
    const pool = own.length ? own : classes;
    const count = new Map<TechClass, number>();
    pool.forEach((tc) => count.set(tc, (count.get(tc) ?? 0) + 1));
    out.set(c, [...count.entries()].sort((a, b) => b[1] - a[1])[0]![0]);
  }
  return out;
}
