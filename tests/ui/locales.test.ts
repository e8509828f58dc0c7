// Every UI string exists in every language, and every key the UI asks for exists.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../content/locales/en.json';
import fr from '../../content/locales/fr.json';
import nl from '../../content/locales/nl.json';
import { INNOVATION_KEYS, LANGS, REGIONS } from '../../src/domain/types';
import { DESK_STRINGS, START_STRINGS, stringsPart } from '../../src/i18n/start-strings';
import { DESK_SORTS, DESK_STATUSES, RECORD_RULES } from '../../src/wizard/desk/record';

type Tree = { [key: string]: string | Tree };
const LOCALES: Record<(typeof LANGS)[number], Tree> = { nl, en, fr };

/** Dotted key -> string, for every leaf. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}
const flat = Object.fromEntries(LANGS.map((l) => [l, flatten(LOCALES[l])])) as Record<(typeof LANGS)[number], Map<string, string>>;
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Whether i18next finds `key` in this language (directly, or as plural forms). */
const hasKey = (lang: (typeof LANGS)[number], key: string) => flat[lang].has(key) || flat[lang].has(`${key}_other`);

const UI_DIR = join(import.meta.dirname, '../../src/ui');
function sources(dir: string): Array<{ file: string; text: string }> {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [{ file: path, text: readFileSync(path, 'utf8') }] : [];
  });
}
const SOURCES = sources(UI_DIR);

/** The notices of the app shell, read from its `type Notice = 'a' | 'b'` declaration wherever it lives. */
// The notices the app can show: every key of the notice strings but the dismiss button.
const NOTICES = Object.keys(nl.notice).filter((k) => k !== 'dismiss');
const MODES = ['owner', 'client', 'intake'] as const;
const FIGURE_FIELDS = ['turnover', 'balance'];

/** The values each template key of the UI can take. A new template in src/ui must be added here. */
const TEMPLATE_VALUES: Record<string, readonly string[]> = {
  'figures.${key}Label': FIGURE_FIELDS,
  'figures.${key}Hint': FIGURE_FIELDS,
  'figures.${key}Required': FIGURE_FIELDS,
  'innovation.${key}': INNOVATION_KEYS,
  'innovation.${key}Hint': INNOVATION_KEYS,
  'innovation.${k}': INNOVATION_KEYS,
  'innovation.${k}Hint': INNOVATION_KEYS,
  'innovation.short.${k}': INNOVATION_KEYS,
  'lang.${l}': LANGS,
  'notice.${notice}': NOTICES,
  'region.options.${r}': REGIONS,
  'region.options.${a.region}': REGIONS,
  'start.mode.${m}': MODES,
  'handoff.intro.${mode}': MODES,
  'languageName.${mail.lang}': LANGS,
  "letter.intro.${answers.mode ?? 'owner'}": MODES,
  'notice.${notice.key}': NOTICES,
  'lang.${langFailed}': LANGS,
  'desk.mode.${r.mode}': ['client', 'intake'],
  'region.options.${r.region}': REGIONS,
  'desk.status.${s.status}': DESK_STATUSES,
  'desk.status.${status}': DESK_STATUSES,
  'desk.status.${s}': DESK_STATUSES,
  'desk.problem.${desk.problem}Title': ['blocked', 'full', 'failed'],
  'desk.problem.${desk.problem}': ['blocked', 'full', 'failed'],
  'desk.sorts.${s}': DESK_SORTS,
  "saveToDesk.saveText.${answers.mode === 'intake' ? 'intake' : 'client'}": ['client', 'intake'],
  'saveToDesk.saveProblem.${state.problem}': ['blocked', 'full', 'failed', 'locked', 'unfinished', 'load'],
  'desk.allowed.${p.rule}': Object.keys(RECORD_RULES),
  'desk.importFailed.${outcome.problem}': ['too-large', 'not-json', 'not-a-desk', 'newer-version'],
  'savedWork.fields.${c.field}': ['mode', 'region', 'staff', 'turnoverEur', 'balanceSheetEur', 'ownedByLargeGroup', 'nace', 'innovation', 'needs', 'triggers', 'notes', 'adviserName', 'clientName'],
};

function keysUsed(files = SOURCES) {
  const literal = new Map<string, string>();
  const templates = new Map<string, string>();
  const namespaces = Object.keys(nl).join('|');
  for (const { file, text } of files) {
    for (const m of text.matchAll(/\bt\(\s*(['"])([a-zA-Z0-9_.-]+)\1/g)) literal.set(m[2]!, file);
    // keys handed to t() through a helper, e.g. useTickRule('innovation.tickRequired')
    for (const m of text.matchAll(new RegExp(`(['"])((?:${namespaces})\\.[a-zA-Z0-9_.-]+)\\1`, 'g'))) literal.set(m[2]!, file);
    for (const m of text.matchAll(/\bt\(\s*`([^`]+)`/g)) {
      if (m[1]!.includes('${')) templates.set(m[1]!, file);
      else literal.set(m[1]!, file);
    }
  }
  return { literal, templates };
}

describe('locales', () => {
  it.each(['en', 'fr'] as const)('%s has exactly the keys of nl', (lang) => {
    const missing = [...flat.nl.keys()].filter((k) => !flat[lang].has(k));
    const extra = [...flat[lang].keys()].filter((k) => !flat.nl.has(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(LANGS)('%s has no empty strings', (lang) => {
    expect([...flat[lang]].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it('every string uses the same {{placeholders}} in every language', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
    const differ = [...flat.nl.keys()].filter((k) => LANGS.some((l) => flat[l].has(k) && JSON.stringify(vars(flat[l].get(k)!)) !== JSON.stringify(vars(flat.nl.get(k)!))));
    expect(differ).toEqual([]);
  });

  it.each(LANGS)('%s has every plural form its language needs', (lang) => {
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    const bases = new Set([...flat.nl.keys(), ...flat[lang].keys()].filter((k) => PLURAL_SUFFIX.test(k)).map((k) => k.replace(PLURAL_SUFFIX, '')));
    const missing = [...bases].flatMap((base) => categories.map((c) => `${base}_${c}`)).filter((k) => !flat[lang].has(k));
    expect(missing).toEqual([]);
  });

  it('the scan finds the keys of the UI (sanity check of the test itself)', () => {
    const { literal, templates } = keysUsed();
    expect(literal.size).toBeGreaterThan(100);
    expect([...literal.keys()]).toEqual(expect.arrayContaining(['nav.continue', 'innovation.tickRequired', 'sector.results']));
    expect(templates.has('region.options.${r}')).toBe(true);
    expect(NOTICES).toEqual(expect.arrayContaining(['link-damaged', 'storage-unavailable']));
  });

  it.each(LANGS)('every key literal used in src/ui exists in %s', (lang) => {
    const { literal } = keysUsed();
    expect([...literal].filter(([k]) => !hasKey(lang, k)).map(([k, file]) => `${k} (${file.slice(UI_DIR.length + 1)})`)).toEqual([]);
  });

  it('every template key used in src/ui is known to this test', () => {
    const { templates } = keysUsed();
    expect([...templates.keys()].filter((t) => !(t in TEMPLATE_VALUES))).toEqual([]);
  });

  it.each(LANGS)('every expansion of the template keys exists in %s', (lang) => {
    const { templates } = keysUsed();
    const missing = [...templates.keys()].flatMap((template) =>
      (TEMPLATE_VALUES[template] ?? []).map((v) => template.replace(/\$\{[^}]+\}/, v)).filter((k) => !hasKey(lang, k)));
    expect(missing).toEqual([]);
  });

  describe('the start page loads only its own part of the strings (src/i18n/start-strings.ts)', () => {
    /** What renders before the wizard or the batch page (and their strings) have loaded. */
    const START_FILES = ['App.tsx', 'pages/StartPage.tsx', 'components/PageError.tsx', 'components/ErrorBoundary.tsx', 'components/PageHeading.tsx', 'prerender.ts'];
    const group = (key: string) => key.split('.')[0]!;

    it('every key the app shell and the start page use is in the start part', () => {
      const files = SOURCES.filter(({ file }) => START_FILES.some((f) => file.endsWith(join('ui', f))));
      expect(files).toHaveLength(START_FILES.length);
      const { literal, templates } = keysUsed(files);
      expect(literal.size).toBeGreaterThan(20);
      const outside = [...literal.keys(), ...templates.keys()].filter((k) => !(START_STRINGS as readonly string[]).includes(group(k)));
      expect(outside).toEqual([]);
    });

    it('the wizard uses none of the desk\'s and the batch page\'s strings, which it does not load', () => {
      const deskFiles = (file: string) => [join('ui', 'desk'), join('ui', 'batch')].some((dir) => file.includes(dir)) && !file.endsWith('SaveToDesk.tsx');
      const files = SOURCES.filter(({ file }) => !deskFiles(file));
      const { literal, templates } = keysUsed(files);
      const inDesk = [...literal.keys(), ...templates.keys()].filter((k) => (DESK_STRINGS as readonly string[]).includes(group(k)));
      expect(inDesk).toEqual([]);
    });

    it.each(LANGS)('%s: the three parts together are all the strings, with no key in two, and the start part refers only to itself', (lang) => {
      const start = stringsPart(LOCALES[lang], 'start');
      const rest = stringsPart(LOCALES[lang], 'rest');
      const desk = stringsPart(LOCALES[lang], 'desk');
      expect(Object.keys(start).sort()).toEqual([...START_STRINGS].sort());
      expect(Object.keys(desk).sort()).toEqual([...DESK_STRINGS].sort());
      expect(Object.keys(rest).filter((k) => k in start || k in desk)).toEqual([]);
      expect({ ...start, ...rest, ...desk }).toEqual(LOCALES[lang]);
      const nested = [...JSON.stringify(start).matchAll(/\$t\(([\w.]+)/g)].map((m) => group(m[1]!));
      expect(nested.filter((g) => !(START_STRINGS as readonly string[]).includes(g))).toEqual([]);
    });
  });
});
