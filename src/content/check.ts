// The content report: facts and their freshness, scenarios, rules, translations, coverage.
// Pure given a loaded content; the CLI (src/cli/content-check.ts) prints it.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { walkCondition } from '../domain/conditions';
import { profileSpace } from '../domain/profile-space';
import { fieldErrorText, validateProfile } from '../domain/profile';
import { engineFor, refer } from '../domain/refer';
import { LANGS, type Lang } from '../domain/types';
import type { Condition, Content } from '../domain/content-model';
import type { LoadedContent } from './load';

/** A sourced value: where it is, its page, when it was checked and (where the page shows one) the page's own date. */
export interface SourcedItem { where: string; source: string; checked: string; pageDate?: string }

/** Pages older than this many years are reported (a fact may still hold, but its page should be looked at again). */
export const OLD_PAGE_YEARS = 3;

export interface ContentReport {
  contentVersion: string;
  facts: number;
  factsWithSource: number;
  stale: number;
  staleFacts: SourcedItem[];
  /** Facts (and other sourced values) whose page's own date is more than OLD_PAGE_YEARS before today. */
  oldPages: number;
  oldPageFacts: SourcedItem[];
  /** How many sourced values carry a page date (`pageDate`, or `dated` on contact values). */
  withPageDate: number;
  scenarios: number;
  scenariosPassing: number;
  failingScenarios: Array<{ file: string; name: string; problem: string }>;
  rules: number;
  unreachableRules: string[];
  /** Instruments that rules point to (by `instrument` or a quoted fact) but no scenario reaches. */
  uncoveredInstruments: string[];
  missingTranslations: string[];
  uncoveredProfiles: string[];
  unverified: number;
}

/** Every object with a `source` (a fact, a sourced contact value, a provider) counts as a fact. */
export function sourcedItems(value: unknown, where: string, out: SourcedItem[] = []): SourcedItem[] {
  // Items of a list are named by their id where they have one ("facts.kmo-cap"), else by their index.
  if (Array.isArray(value)) value.forEach((v, i) => sourcedItems(v, `${where}.${(v as { id?: unknown } | null)?.id ?? i}`, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('source' in o && 'checked' in o) {
      const pageDate = o.pageDate ?? o.dated;
      out.push({ where, source: String(o.source ?? ''), checked: String(o.checked ?? ''), ...(pageDate !== undefined ? { pageDate: String(pageDate) } : {}) });
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'source') sourcedItems(v, `${where}.${k}`, out);
  }
  return out;
}

/** The sourced values whose page's own date is more than OLD_PAGE_YEARS before `today` (YYYY-MM-DD). */
export function onOldPages(items: readonly SourcedItem[], today: string): SourcedItem[] {
  const limit = new Date(`${today}T00:00:00Z`);
  limit.setUTCFullYear(limit.getUTCFullYear() - OLD_PAGE_YEARS);
  const day = limit.toISOString().slice(0, 10);
  return items.filter((f) => f.pageDate !== undefined && f.pageDate < day);
}

/** The NACE codes a condition names (a division as its "NN.00" class), so the profile space tries them. */
function conditionNace(c: Condition, out: Set<string>) {
  walkCondition(c, ({ node }) => node.nace?.forEach((n) => out.add(n.length === 2 ? `${n}.00` : n)));
}

/** Keys of a nested locale object, dotted ("result.title"). */
function localeKeys(o: unknown, prefix = ''): string[] {
  if (!o || typeof o !== 'object') return [prefix];
  return Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => localeKeys(v, prefix ? `${prefix}.${k}` : k));
}

function missingLocaleKeys(localesDir: string): string[] {
  if (!existsSync(localesDir)) return [];
  const files = readdirSync(localesDir).filter((f) => f.endsWith('.json'));
  const keys: Partial<Record<Lang, Map<string, string>>> = {};
  for (const lang of LANGS) {
    if (!files.includes(`${lang}.json`)) return [`content/locales/${lang}.json is missing`];
    const data = JSON.parse(readFileSync(join(localesDir, `${lang}.json`), 'utf8')) as unknown;
    keys[lang] = new Map(localeKeys(data).map((k) => [k, k]));
  }
  const all = new Set(LANGS.flatMap((l) => [...keys[l]!.keys()]));
  const missing: string[] = [];
  for (const key of [...all].sort()) for (const lang of LANGS) if (!keys[lang]!.has(key)) missing.push(`${lang}: ${key}`);
  return missing;
}

export function checkContent(loaded: LoadedContent, opts: { today: string; localesDir: string }): ContentReport {
  const { content, scenarios } = loaded;
  const items = sourcedItems(content, 'content');
  const yearAgo = new Date(`${opts.today}T00:00:00Z`);
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  const staleFacts = items.filter((f) => f.checked < yearAgo.toISOString().slice(0, 10));
  const oldPageFacts = onOldPages(items, opts.today);

  const failingScenarios: ContentReport['failingScenarios'] = [];
  const instrumentOfRule = new Map(content.rules.flatMap((r) => (r.instrument ? [[r.id, r.instrument] as const] : [])));
  const covered = new Set<string>();
  for (const { file, scenario } of scenarios) {
    const fail = (problem: string) => failingScenarios.push({ file, name: scenario.name, problem });
    const v = validateProfile(scenario.profile, content, 'en');
    const e = scenario.expect;
    if (e.refused) {
      const says = e.refused.says;
      if (v.ok) fail(`expected the profile to be refused (${e.refused.field}: ...${says}...), but it is valid`);
      else if (!v.errors.some((x) => x.field === e.refused!.field && x.message.includes(says))) fail(`expected an error on ${e.refused.field} saying "${says}", got ${v.errors.map(fieldErrorText).join('; ')}`);
      continue;
    }
    if (!v.ok) { fail(`profile is not valid: ${v.errors.map(fieldErrorText).join('; ')}`); continue; }
    const r = refer(v.profile, content, 'en', 'you', opts.today);
    const ranked = r.recommendations.map((x) => x.channel);
    if (e.techClass && r.techClass !== e.techClass) fail(`expected technology class ${e.techClass}, got ${r.techClass}`);
    if (e.naceVersion && r.naceVersion !== e.naceVersion) fail(`expected the code read as NACE-BEL ${e.naceVersion}, got ${r.naceVersion}`);
    if (e.naceWarning !== undefined) {
      const start = content.engineTexts.warnings.naceReadingsDiffer.en.split('{code}')[0]!;
      const warned = r.warnings.some((w) => w.startsWith(start));
      if (warned !== e.naceWarning) fail(e.naceWarning ? 'expected a warning that names the 2008 and 2025 readings' : `expected no warning about the NACE readings, got: ${r.warnings.join(' | ')}`);
    }
    if (e.first && ranked[0] !== e.first) fail(`expected ${e.first} first, got ${ranked.join(' > ') || 'nothing'}`);
    if (e.top2 && !(e.top2.includes(ranked[0] ?? '') && e.top2.includes(ranked[1] ?? '') )) fail(`expected top two ${e.top2.join(' + ')}, got ${ranked.join(' > ')}`);
    for (const a of e.absent) if (ranked.includes(a)) fail(`${a} must not be recommended, got ${ranked.join(' > ')}`);
    if (e.outOfRegion !== undefined && r.outOfRegion !== e.outOfRegion) fail(`expected outOfRegion ${e.outOfRegion}`);
    for (const n of e.notEligible ?? []) if (!r.notEligible.some((x) => x.channel === n)) fail(`expected ${n} to be listed as not eligible`);
    for (const id of e.fires ?? []) if (!r.firedRules.some((x) => x.id === id)) fail(`expected rule ${id} to fire, fired: ${r.firedRules.map((x) => x.id).join(', ')}`);
    for (const c of e.recommends ?? []) if (!ranked.includes(c)) fail(`expected ${c} to be recommended, got ${ranked.join(' > ')}`);
    // What this scenario covers: the instruments of the rules that fired and of the facts quoted.
    for (const f of r.firedRules) { const ins = instrumentOfRule.get(f.id); if (ins) covered.add(ins); }
    for (const rec of r.recommendations) for (const id of rec.facts) { const ins = engineFor(content).fact(id)?.instrument; if (ins) covered.add(ins); }
  }
  // Every instrument a rule points to (its `instrument`, or the instrument of a fact it quotes) is met by a scenario.
  const pointedTo = new Set<string>();
  for (const r of content.rules) {
    if (r.instrument) pointedTo.add(r.instrument);
    for (const id of r.quote) { const ins = engineFor(content).fact(id)?.instrument; if (ins) pointedTo.add(ins); }
  }
  const uncoveredInstruments = [...pointedTo].filter((i) => !covered.has(i)).sort();

  // Rules that can fire somewhere in the profile space. A rule that fires for a channel the firm cannot
  // use still counts: it lists that channel under notEligible, with the channel's reason.
  const extraNace = new Set<string>();
  content.rules.forEach((r) => conditionNace(r.when, extraNace));
  const needIds = content.needs.map((n) => n.id);
  const triggerIds = content.triggers.map((t) => t.id);
  const unfired = new Set(content.rules.map((r) => r.id));
  const engine = engineFor(content);
  for (const profile of profileSpace({ needs: needIds, provinces: true, triggers: triggerIds, extraNace: [...extraNace], sizeVariants: true })) {
    if (unfired.size === 0) break;
    for (const id of engine.rulesThatHold(engine.situation(profile, opts.today))) unfired.delete(id);
  }

  // Every size class x segment x need of a Flemish firm must get at least one recommendation.
  const uncovered = new Set<string>();
  for (const profile of profileSpace({ needs: needIds, regions: ['flanders'], provinces: true, extraNace: [...extraNace] })) {
    const r = refer(profile, content, 'en', 'you', opts.today);
    if (r.recommendations.length === 0) uncovered.add(`${r.sizeClass} x ${r.segment} x ${profile.needs[0]}`);
  }

  const unverified = sourcedUnverified(content);
  return {
    contentVersion: content.meta.contentVersion,
    facts: items.length,
    factsWithSource: items.filter((f) => /^https?:\/\//.test(f.source) && /^\d{4}-\d{2}-\d{2}$/.test(f.checked)).length,
    stale: staleFacts.length,
    staleFacts,
    oldPages: oldPageFacts.length,
    oldPageFacts,
    withPageDate: items.filter((f) => f.pageDate !== undefined).length,
    scenarios: scenarios.length,
    scenariosPassing: scenarios.length - new Set(failingScenarios.map((f) => `${f.file}#${f.name}`)).size,
    failingScenarios,
    rules: content.rules.length,
    unreachableRules: [...unfired],
    uncoveredInstruments,
    missingTranslations: missingLocaleKeys(opts.localesDir),
    uncoveredProfiles: [...uncovered],
    unverified,
  };
}

function sourcedUnverified(content: Content): number {
  return Object.values(content.channels).reduce((n, c) => n + c.unverified.length, 0);
}
