// Reads content/ from disk, validates every file with zod and cross-checks references.
// A problem is reported as "file: path: reason" so an editor can find and fix it.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import type { zc as z } from '../domain/zod';
import { walkCondition } from '../domain/conditions';
import { NACE_DIVISIONS } from '../domain/nace';
import {
  AdvisorsFileSchema, ChannelSchema, ChoicesFileSchema, ClustersFileSchema, CollegesFileSchema, EngineTextsSchema,
  LabelsSchema, MetaSchema, PolicySchema, PyramidSchema, ReasonsFileSchema, RulesFileSchema, ScenariosFileSchema, SectorsFileSchema,
  ValidationMessagesSchema, type Scenario,
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

  if (meta && rules && reasons && needs && triggers && labels && engineTexts && validation && clusters && colleges && advisors && sectors && pyramid && policy) {
    const content: Content = {
      meta, channels, rules, reasons, needs, triggers, labels, engineTexts, validation,
      clusters: clusters.items, colleges: colleges.items, advisors: advisors.items, sectors, pyramid, policy,
    };
    problems.push(...crossCheck(content, brokenChannels));
    if (problems.length === 0) return { content, scenarios };
  }
  throw new ContentError(problems);
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
