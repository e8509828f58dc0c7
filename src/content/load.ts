// Reads content/ from disk, validates every file with zod and cross-checks references.
// A problem is reported as "file: path: reason" so an editor can find and fix it.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import type { zc as z } from '../domain/zod';
import { walkCondition } from '../domain/conditions';
import { parseCsv, CsvError } from '../domain/csv';
import { derive2025Classes, NACE_DIVISIONS, techClassOf } from '../domain/nace';
import { NACE_VERSIONS, type NaceVersion, type Text } from '../domain/types';
import { engineFor } from '../domain/refer';
import {
  AboutVoiceSchema, AdvisorsFileSchema, ChannelSchema, ChoicesFileSchema, ClustersFileSchema, CollegesFileSchema, EngineTextsSchema,
  LabelsSchema, MetaSchema, PolicySchema, PyramidSchema, ReasonsFileSchema, RulesFileSchema, ScenariosFileSchema, SectorsFileSchema,
  TechClassesFileSchema, ValidationMessagesSchema, type Scenario,
} from './schema';
import type { Channel, Condition, Content } from '../domain/content-model';

export const CONTENT_DIR = resolve(import.meta.dirname, '../../content');

export interface ContentProblem { file: string; path: string; reason: string }

export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(problems.map((p) => `${p.file}: ${p.path || '(top)'}: ${p.reason}`).join('\n'));
    this.name = 'ContentError';
  }
}

const REQUIRED_NEEDS = ['practical-problem', 'training', 'advice', 'explore-idea', 'development-project', 'feasibility-study',
  'partners', 'go-to-market', 'ip-legal', 'international', 'financing', 'not-sure', 'invest-transform', 'cybersecurity'];

export interface LoadedContent { content: Content; scenarios: Array<{ file: string; scenario: Scenario }> }

export function loadContent(dir: string = CONTENT_DIR): LoadedContent {
  const problems: ContentProblem[] = [];
  const rel = (f: string) => relative(process.cwd(), f) || f;

  function read<T extends z.ZodType>(file: string, schema: T): z.infer<T> | undefined {
    const full = join(dir, file);
    let raw: unknown;
    try {
      raw = parse(readFileSync(full, 'utf8'));
    } catch (e) {
      problems.push({ file: rel(full), path: '', reason: existsSync(full) ? `not valid YAML: ${(e as Error).message.split('\n')[0]}` : 'file is missing' });
      return undefined;
    }
    const r = schema.safeParse(raw);
    if (r.success) return r.data;
    for (const issue of r.error.issues) {
      problems.push({ file: rel(full), path: issue.path.map(String).join('.'), reason: issue.message });
    }
    return undefined;
  }

  const meta = read('meta.yaml', MetaSchema);
  const rules = read('rules.yaml', RulesFileSchema);
  const reasons = read('reasons.yaml', ReasonsFileSchema);
  const needs = read('needs.yaml', ChoicesFileSchema);
  const triggers = read('triggers.yaml', ChoicesFileSchema);
  const labels = read('labels.yaml', LabelsSchema);
  const engineTexts = read('engine-texts.yaml', EngineTextsSchema);
  const validation = read('validation.yaml', ValidationMessagesSchema);
  const clusters = read('providers/clusters.yaml', ClustersFileSchema);
  const colleges = read('providers/colleges.yaml', CollegesFileSchema);
  const advisors = read('providers/advisors.yaml', AdvisorsFileSchema);
  const sectors = read('sectors.yaml', SectorsFileSchema);
  const pyramid = read('pyramid.yaml', PyramidSchema);
  const about = read('about-voice.yaml', AboutVoiceSchema);
  const techClasses = read('nace/tech-classes.yaml', TechClassesFileSchema);
  const naceLists = readNaceLists(dir, problems);
  const correspondence = readCorrespondence(dir, problems);
  const policy = read('policy.yaml', PolicySchema);

  const channels: Record<string, Channel> = {};
  // Channel files that failed their own format: counted as present so one mistake gives one message.
  const brokenChannels = new Set<string>();
  const channelDir = join(dir, 'channels');
  for (const name of existsSync(channelDir) ? readdirSync(channelDir).filter((f) => f.endsWith('.yaml')).sort() : []) {
    const channel = read(`channels/${name}`, ChannelSchema);
    if (!channel) { brokenChannels.add(name.replace(/\.yaml$/, '')); continue; }
    if (`${channel.id}.yaml` !== name) problems.push({ file: rel(join(channelDir, name)), path: 'id', reason: `id "${channel.id}" must match the file name` });
    channels[channel.id] = channel;
  }

  const scenarios: LoadedContent['scenarios'] = [];
  const scenarioDir = join(dir, 'scenarios');
  for (const name of existsSync(scenarioDir) ? readdirSync(scenarioDir).filter((f) => f.endsWith('.yaml')).sort() : []) {
    const list = read(`scenarios/${name}`, ScenariosFileSchema);
    for (const scenario of list ?? []) scenarios.push({ file: `content/scenarios/${name}`, scenario });
  }

  if (meta && rules && reasons && needs && triggers && labels && engineTexts && validation && clusters && colleges && advisors && sectors && pyramid && about
    && techClasses && naceLists && correspondence && policy) {
    const subclasses = (v: NaceVersion) => naceLists[v].filter((r) => r.level === 5).map((r) => r.code);
    const content: Content = {
      meta, channels, rules, reasons, needs, triggers, labels, engineTexts, validation,
      clusters: clusters.items, colleges: colleges.items, advisors: advisors.items, sectors, pyramid, about, policy,
      nace: {
        subclasses: { '2008': subclasses('2008'), '2025': subclasses('2025') },
        correspondence,
        techClasses: { '2008': techClasses.nace2008, '2025': techClasses.nace2025 },
        // The titles of the codes whose 2008 and 2025 readings differ, for the warning that names both:
        // worked out on first use (a referral that warns, the build), not on every load.
        get titles() {
          const titles: Record<NaceVersion, Record<string, Text>> = { '2008': {}, '2025': {} };
          for (const code of engineFor(content).naceDisagreements()) {
            for (const v of NACE_VERSIONS) {
              const row = naceLists[v].find((r) => r.code === code);
              if (row) titles[v][code] = row.title;
            }
          }
          Object.defineProperty(this, 'titles', { value: titles, enumerable: true });
          return titles;
        },
      },
    };
    problems.push(...crossCheck(content, brokenChannels), ...aboutVoiceCheck(content, brokenChannels), ...naceCheck(content, naceLists));
    if (problems.length === 0) return { content, scenarios };
  }
  throw new ContentError(problems);
}

/** content/about-voice.yaml has the third-person form of every text that speaks to the owner, and no other. */
function aboutVoiceCheck(c: Content, brokenChannels: ReadonlySet<string>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add = (path: string, reason: string) => problems.push({ file: 'content/about-voice.yaml', path, reason });
  const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
  const samePlaceholders = (path: string, you: Record<string, string>, about: Record<string, string>) => {
    for (const lang of Object.keys(you)) {
      if (placeholders(you[lang]!) !== placeholders(about[lang]!)) add(`${path}.${lang}`, `must have the same {placeholders} as the original (${placeholders(you[lang]!) || 'none'})`);
    }
  };
  for (const key of Object.keys(c.reasons)) {
    const about = c.about.reasons[key];
    if (!about) add(`reasons.${key}`, 'missing: write the third-person form of reasons.yaml\'s text');
    else samePlaceholders(`reasons.${key}`, c.reasons[key]!, about);
  }
  // A key a rule still uses is reported there (missing from reasons.yaml), once.
  const used = new Set(c.rules.map((r) => r.reason));
  for (const key of Object.keys(c.about.reasons)) if (!c.reasons[key] && !used.has(key)) add(`reasons.${key}`, 'no such reason in reasons.yaml');
  for (const ch of Object.values(c.channels)) {
    const about = c.about.channels[ch.id];
    const at = `channels.${ch.id}`;
    if (!about) { add(at, `missing: write the third-person forms of channels/${ch.id}.yaml's summary, action, firstStep and excludes`); continue; }
    if (Boolean(ch.contact.note) !== Boolean(about.contactNote)) add(`${at}.contactNote`, ch.contact.note ? 'missing: the channel\'s contact has a note' : 'the channel\'s contact has no note');
    if (Boolean(ch.contact.via) !== Boolean(about.viaNote)) add(`${at}.viaNote`, ch.contact.via ? 'missing: the channel\'s contact has a via note' : 'the channel\'s contact has no via');
    if (about.excludes.length !== ch.excludes.length) add(`${at}.excludes`, `must have ${ch.excludes.length} texts, one per entry of the channel's excludes, in order (has ${about.excludes.length})`);
  }
  for (const id of Object.keys(c.about.channels)) if (!c.channels[id] && !brokenChannels.has(id)) add(`channels.${id}`, `no file channels/${id}.yaml`);
  samePlaceholders('engineTexts.servesElsewhere', c.engineTexts.servesElsewhere, c.about.engineTexts.servesElsewhere);
  samePlaceholders('engineTexts.clustersForSector', c.engineTexts.clustersForSector, c.about.engineTexts.clustersForSector);
  samePlaceholders('engineTexts.officeForProvince', c.engineTexts.officeForProvince, c.about.engineTexts.officeForProvince);
  return problems;
}

/** One line of a NACE-BEL list (content/nace/nacebel-<version>.csv): level 1 = section ... 5 = subclass, 7 = Statbel's detail code. */
export interface NaceListRow { level: 1 | 2 | 3 | 4 | 5 | 7; code: string; title: Text }

const NACE_LEVEL_CODE: Record<number, RegExp> = {
  1: /^[A-V]$/, 2: /^\d{2}$/, 3: /^\d{2}\.\d$/, 4: /^\d{2}\.\d{2}$/, 5: /^\d{2}\.\d{3}$/, 7: /^\d{2}\.\d{5}$/,
};

function readCsvFile(dir: string, file: string, header: string[], problems: ContentProblem[]): string[][] | undefined {
  const full = join(dir, file);
  const at = relative(process.cwd(), full) || full;
  if (!existsSync(full)) { problems.push({ file: at, path: '', reason: 'file is missing' }); return undefined; }
  let rows: string[][];
  try {
    rows = parseCsv(readFileSync(full, 'utf8'), ',');
  } catch (e) {
    problems.push({ file: at, path: e instanceof CsvError ? `line ${e.line}` : '', reason: `not readable CSV: ${(e as Error).message}` });
    return undefined;
  }
  if (rows[0]?.join(',') !== header.join(',')) { problems.push({ file: at, path: 'line 1', reason: `the header must be ${header.join(',')}` }); return undefined; }
  return rows.slice(1).filter((r) => r.some((c) => c !== ''));
}

/**
 * Statbel's NACE-BEL lists of both versions (content/nace/nacebel-2008.csv, nacebel-2025.csv: level,
 * code, nl, fr, en). A subclass without an English title (Statbel's 2008 list has none) takes its
 * class's. Problems (a bad level, a code not of its level, a missing title, a code twice) name the line.
 */
export function readNaceLists(dir: string = CONTENT_DIR, problems: ContentProblem[] = []): Record<NaceVersion, NaceListRow[]> | undefined {
  const out = {} as Record<NaceVersion, NaceListRow[]>;
  for (const version of NACE_VERSIONS) {
    const file = `nace/nacebel-${version}.csv`;
    const rows = readCsvFile(dir, file, ['level', 'code', 'nl', 'fr', 'en'], problems);
    if (!rows) return undefined;
    const list: NaceListRow[] = [];
    const seen = new Map<string, NaceListRow>();
    const before = problems.length;
    rows.forEach(([level, code = '', nl = '', fr = '', en = ''], i) => {
      const bad = (reason: string) => problems.push({ file: `content/${file}`, path: `line ${i + 2}`, reason });
      const lv = Number(level);
      if (!NACE_LEVEL_CODE[lv]) return bad(`level "${level}" must be 1, 2, 3, 4, 5 or 7`);
      if (!NACE_LEVEL_CODE[lv]!.test(code)) return bad(`code "${code}" is not a code of level ${lv}`);
      if (seen.has(code)) return bad(`code ${code} is listed twice`);
      if (!nl.trim() || !fr.trim()) return bad(`code ${code} needs a Dutch and a French title`);
      const parentEn = lv === 5 ? seen.get(code.slice(0, 5))?.title.en : undefined;
      const title = { nl: nl.trim(), fr: fr.trim(), en: en.trim() || parentEn || '' };
      if (!title.en) return bad(`code ${code} needs an English title`);
      const row = { level: lv as NaceListRow['level'], code, title };
      seen.set(code, row);
      list.push(row);
    });
    if (problems.length > before) return undefined;
    out[version] = list;
  }
  return out;
}

/** Eurostat's class correspondence NACE Rev. 2 -> Rev. 2.1 (content/nace/correspondence-nace2-to-nace21.csv). */
function readCorrespondence(dir: string, problems: ContentProblem[]): Array<[string, string]> | undefined {
  const file = 'nace/correspondence-nace2-to-nace21.csv';
  const rows = readCsvFile(dir, file, ['nace2008', 'nace2025'], problems);
  if (!rows) return undefined;
  const before = problems.length;
  const pairs: Array<[string, string]> = [];
  rows.forEach(([a = '', b = ''], i) => {
    if (!/^\d{2}\.\d{2}$/.test(a) || !/^\d{2}\.\d{2}$/.test(b)) problems.push({ file: `content/${file}`, path: `line ${i + 2}`, reason: `"${a}","${b}" must be two NACE classes like 25.40` });
    else pairs.push([a, b]);
  });
  return problems.length > before ? undefined : pairs;
}

/** Statbel's titles compared without differences of spacing, case, apostrophe or Statbel's "general -- purpose". */
const sameTitle = (a: string, b: string) => {
  const norm = (x: string) => x.toLowerCase().replace(/[’‘]/g, "'").replace(/\s*--\s*/g, '-').replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
};

/**
 * The NACE files against each other: every code of the correspondence exists in its list; the 2025
 * Tabel 13 states, class by class, what derive2025Classes makes of the 2008 table and the
 * correspondence; the names of sectors.yaml are Statbel's NACE-BEL 2008 titles.
 */
function naceCheck(c: Content, lists: Record<NaceVersion, NaceListRow[]>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add = (file: string, path: string, reason: string) => problems.push({ file: `content/${file}`, path, reason });
  const byCode = Object.fromEntries(NACE_VERSIONS.map((v) => [v, new Map(lists[v].map((r) => [r.code, r]))])) as Record<NaceVersion, Map<string, NaceListRow>>;
  c.nace.correspondence.forEach(([a, b], i) => {
    if (!byCode['2008'].has(a)) add('nace/correspondence-nace2-to-nace21.csv', `line ${i + 2}`, `${a} is not a class of NACE-BEL 2008 (nace/nacebel-2008.csv)`);
    if (!byCode['2025'].has(b)) add('nace/correspondence-nace2-to-nace21.csv', `line ${i + 2}`, `${b} is not a class of NACE-BEL 2025 (nace/nacebel-2025.csv)`);
  });
  if (problems.length) return problems;
  for (const [code, derived] of derive2025Classes(c.nace)) {
    const stated = techClassOf(code, c.nace.techClasses['2025']);
    if (stated !== derived) add('nace/tech-classes.yaml', 'nace2025', `class ${code} is ${stated} in this table, but its 2008 sources through the correspondence make it ${derived} (the rule in nace2025.rule)`);
  }
  const names: Array<[string, { code: string; name: Text }[]]> = [['sections', c.sectors.sections], ['divisions', c.sectors.divisions], ['groups', c.sectors.groups]];
  for (const [part, entries] of names) {
    entries.forEach((e, i) => {
      const row = byCode['2008'].get(e.code);
      if (!row) { add('sectors.yaml', `${part}.${i}.code`, `${e.code} is not in Statbel's NACE-BEL 2008 list (nace/nacebel-2008.csv)`); return; }
      for (const lang of ['nl', 'fr', 'en'] as const) {
        if (!sameTitle(e.name[lang], row.title[lang])) add('sectors.yaml', `${part}.${i}.name.${lang}`, `"${e.name[lang]}" is not Statbel's title of ${e.code}: "${row.title[lang]}"`);
      }
    });
  }
  return problems;
}

/** References between files: every id used exists, every id defined once. */
function crossCheck(c: Content, brokenChannels: ReadonlySet<string> = new Set()): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add = (file: string, path: string, reason: string) => problems.push({ file: `content/${file}`, path, reason });
  const channelIds = new Set([...Object.keys(c.channels), ...brokenChannels]);
  // With a broken channel file its facts are unknown: do not report references to them.
  const factsKnown = brokenChannels.size === 0;
  const factIds = new Map<string, string>();
  for (const ch of Object.values(c.channels)) {
    ch.facts.forEach((f, i) => {
      if (factIds.has(f.id)) add(`channels/${ch.id}.yaml`, `facts.${i}.id`, `fact id "${f.id}" is also used in ${factIds.get(f.id)}`);
      factIds.set(f.id, `channels/${ch.id}.yaml`);
    });
  }
  for (const ch of Object.values(c.channels)) {
    ch.excludes.forEach((e, i) => e.facts.forEach((id, j) => {
      if (factsKnown && !factIds.has(id)) add(`channels/${ch.id}.yaml`, `excludes.${i}.facts.${j}`, `unknown fact "${id}"`);
    }));
    ch.glance.forEach((id, i) => {
      const fact = ch.facts.find((f) => f.id === id);
      if (!fact) add(`channels/${ch.id}.yaml`, `glance.${i}`, `"${id}" is not a fact of this channel`);
      else if (!fact.short) add(`channels/${ch.id}.yaml`, `glance.${i}`, `fact "${id}" has no \`short\` (the few words shown in the one-line summary)`);
    });
    const via = ch.contact.via?.channel;
    if (via !== undefined && (!channelIds.has(via) || via === ch.id)) add(`channels/${ch.id}.yaml`, 'contact.via.channel', `unknown channel "${via}" (or the channel itself)`);
    if (via !== undefined && c.channels[via]?.contact.via) add(`channels/${ch.id}.yaml`, 'contact.via.channel', `channel "${via}" has a via itself: point to a channel with its own contact`);
    ch.calls.forEach((call, i) => {
      const ins = ch.instruments.find((x) => x.id === call.instrument);
      if (!ins && call.instrument !== ch.id) add(`channels/${ch.id}.yaml`, `calls.${i}.instrument`, `unknown instrument "${call.instrument}"`);
      else if (ins && ins.status === 'open') add(`channels/${ch.id}.yaml`, `calls.${i}.instrument`, `instrument "${call.instrument}" has status open (submit any time): give it status calls, or drop the call`);
    });
  }
  const needIds = new Set(c.needs.map((n) => n.id));
  const triggerIds = new Set(c.triggers.map((t) => t.id));
  for (const id of REQUIRED_NEEDS) if (!needIds.has(id)) add('needs.yaml', '', `the need "${id}" is missing`);
  const checkCondition = (cond: Condition, file: string, path: string) => walkCondition(cond, ({ node, path: at }) => {
    const where = at ? `${path}.${at}` : path;
    node.needs?.forEach((n, i) => { if (!needIds.has(n)) add(file, `${where}.needs.${i}`, `unknown need "${n}"`); });
    node.triggers?.forEach((t, i) => { if (!triggerIds.has(t)) add(file, `${where}.triggers.${i}`, `unknown trigger "${t}"`); });
  });
  const ruleIds = new Set<string>();
  c.rules.forEach((r, i) => {
    if (ruleIds.has(r.id)) add('rules.yaml', `${i}.id`, `rule id "${r.id}" is used twice`);
    ruleIds.add(r.id);
    if (!channelIds.has(r.channel)) add('rules.yaml', `${i}.channel`, `unknown channel "${r.channel}"`);
    if (!c.reasons[r.reason]) add('rules.yaml', `${i}.reason`, `no text for reason "${r.reason}" in reasons.yaml`);
    r.quote.forEach((id, j) => { if (factsKnown && !factIds.has(id)) add('rules.yaml', `${i}.quote.${j}`, `unknown fact "${id}"`); });
    const ruleChannel = c.channels[r.channel];
    if (r.instrument !== undefined && ruleChannel && !ruleChannel.instruments.some((ins) => ins.id === r.instrument)) {
      add('rules.yaml', `${i}.instrument`, `channel "${r.channel}" has no instrument "${r.instrument}"`);
    }
    checkCondition(r.when, 'rules.yaml', `${i}.when`);
  });
  for (const ch of Object.values(c.channels)) {
    ch.facts.forEach((f, i) => f.appliesTo && checkCondition(f.appliesTo, `channels/${ch.id}.yaml`, `facts.${i}.appliesTo`));
    ch.excludes.forEach((e, i) => checkCondition(e.when, `channels/${ch.id}.yaml`, `excludes.${i}.when`));
  }
  const order = c.meta.channelOrder;
  for (const id of channelIds) if (!order.includes(id)) add('meta.yaml', 'channelOrder', `channel "${id}" is missing from channelOrder`);
  order.forEach((id, i) => { if (!channelIds.has(id)) add('meta.yaml', `channelOrder.${i}`, `no file channels/${id}.yaml`); });
  for (const [region, id] of Object.entries(c.meta.frontDoors)) {
    if (!channelIds.has(id)) add('meta.yaml', `frontDoors.${region}`, `no file channels/${id}.yaml`);
  }
  for (const core of ['led', 'innovation-centre', 'kmo-portefeuille', 'vlaio-project', 'cluster']) {
    if (!channelIds.has(core)) add(`channels/${core}.yaml`, '', 'a core channel file is missing');
    else if (c.channels[core] && !c.channels[core].core) add(`channels/${core}.yaml`, 'core', 'must be true for a core channel');
  }
  const divisions = new Set(c.sectors.divisions.map((d) => d.code));
  for (const d of NACE_DIVISIONS) if (!divisions.has(d)) add('sectors.yaml', 'divisions', `division ${d} is missing`);
  c.sectors.divisions.forEach((d, i) => { if (!NACE_DIVISIONS.includes(d.code)) add('sectors.yaml', `divisions.${i}.code`, `${d.code} is not a NACE division`); });
  c.sectors.groups.forEach((g, i) => { if (!divisions.has(g.division) || !g.code.startsWith(g.division)) add('sectors.yaml', `groups.${i}.division`, `group ${g.code} does not belong to division ${g.division}`); });
  return problems;
}
