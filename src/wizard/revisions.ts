// Saved progress shared by several tabs: each save carries a revision (persistence.ts), and a tab
// remembers the save it last wrote or read (its base). Before writing, a tab compares the stored save
// with its base: the same revision is written over (revision + 1); a newer one, written by another tab,
// is merged with this tab's answers field by field (three-way: base, mine, theirs). What only one side
// changed is taken from that side; what both changed differently is a conflict, for the user to decide.
// Nothing is ever dropped silently. Pure functions: no storage, no DOM (the UI does the I/O).
import { MAX_NOTES } from './limits';
import type { Answers } from './answers';

/** A save as the tabs compare them: its revision (0 for a save from before revisions) and its answers. */
export interface Synced {
  rev: number;
  answers: Answers;
}

/**
 * The answers that only make sense together, merged and decided as one: the region and its province,
 * the innovation answers and whether their pages were answered, the warning lights and theirs.
 * Every other field of Answers is a group on its own.
 */
export const FIELD_GROUPS: ReadonlyArray<ReadonlyArray<keyof Answers>> = [
  ['region', 'province'],
  ['innovation', 'introducedAnswered', 'practicesAnswered'],
  ['triggers', 'showTriggers', 'triggersAnswered'],
];

/** The group a field belongs to (its own when it is in none), named by its first field. */
function groupOf(field: keyof Answers): ReadonlyArray<keyof Answers> {
  return FIELD_GROUPS.find((g) => g.includes(field)) ?? [field];
}

/** JSON with the object keys sorted: equal answers give equal text whatever order they were set in. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

const pick = (a: Answers, fields: ReadonlyArray<keyof Answers>) => Object.fromEntries(fields.map((f) => [f, a[f]]));
const sameGroup = (x: Answers, y: Answers, fields: ReadonlyArray<keyof Answers>) => stable(pick(x, fields)) === stable(pick(y, fields));

/** Whether two sets of answers are the same (the order of keys does not matter; an absent field equals undefined). */
export function sameAnswers(x: Answers, y: Answers): boolean {
  return stable(x) === stable(y);
}

/** A field group both tabs changed, each in its own way. `field`: the group's first field, e.g. "notes", "region". */
export interface Conflict {
  field: keyof Answers;
  fields: ReadonlyArray<keyof Answers>;
  mine: Partial<Answers>;
  theirs: Partial<Answers>;
}

/**
 * Three-way merge of this tab's answers (`mine`) and another tab's (`theirs`), both changed since `base`.
 * Returns the merged answers (conflicting groups: mine for now) and the conflicts.
 */
export function mergeAnswers(base: Answers, mine: Answers, theirs: Answers): { answers: Answers; conflicts: Conflict[] } {
  const fields = new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)] as Array<keyof Answers>);
  const seen = new Set<string>();
  const merged: Record<string, unknown> = {};
  const conflicts: Conflict[] = [];
  for (const field of fields) {
    const group = groupOf(field);
    if (seen.has(group[0]!)) continue;
    seen.add(group[0]!);
    const iChanged = !sameGroup(base, mine, group);
    const theyChanged = !sameGroup(base, theirs, group);
    const source = theyChanged && !iChanged ? theirs : mine;
    if (iChanged && theyChanged && !sameGroup(mine, theirs, group)) {
      conflicts.push({ field: group[0]!, fields: group, mine: pick(mine, group), theirs: pick(theirs, group) });
    }
    for (const f of group) if (source[f] !== undefined) merged[f] = source[f];
  }
  return { answers: merged as Answers, conflicts };
}

/** What a tab does with its answers before writing them. */
export type SavePlan =
  /** Write `answers` as revision `rev` (they may include another tab's changes: show them too). */
  | { kind: 'write'; answers: Answers; rev: number; merged: boolean }
  /** Another tab changed the same answers: ask the user, per conflict; `answers` is the merge with mine kept. */
  | { kind: 'ask'; answers: Answers; conflicts: Conflict[]; theirs: Synced }
  /** This tab never had a save, and another tab wrote one meanwhile: ask before replacing it. */
  | { kind: 'ask-replace'; theirs: Synced };

/**
 * Decides how this tab saves `mine`, given the save it last wrote or read (`base`, null when it has none)
 * and what is stored now (`stored`, null when nothing is).
 */
export function planSave(base: Synced | null, mine: Answers, stored: Synced | null): SavePlan {
  if (stored === null) return { kind: 'write', answers: mine, rev: (base?.rev ?? 0) + 1, merged: false };
  if (base === null) {
    return sameAnswers(mine, stored.answers) ? { kind: 'write', answers: mine, rev: stored.rev + 1, merged: false } : { kind: 'ask-replace', theirs: stored };
  }
  if (stored.rev === base.rev && sameAnswers(stored.answers, base.answers)) return { kind: 'write', answers: mine, rev: base.rev + 1, merged: false };
  const { answers, conflicts } = mergeAnswers(base.answers, mine, stored.answers);
  if (conflicts.length) return { kind: 'ask', answers, conflicts, theirs: stored };
  return { kind: 'write', answers, rev: Math.max(stored.rev, base.rev) + 1, merged: !sameAnswers(answers, mine) };
}

/** How the user settles one conflict: this tab's version, the other tab's, or (notes only) both, one after the other. */
export type Choice = 'mine' | 'theirs' | 'both';

/** The notes of both tabs, this tab's first, when together they fit in MAX_NOTES; null when they do not. */
export function joinNotes(mine: string | undefined, theirs: string | undefined): string | null {
  const joined = [mine ?? '', theirs ?? ''].filter((n) => n.trim() !== '').join('\n\n');
  return joined.length <= MAX_NOTES ? joined : null;
}

/**
 * The answers once the user has settled each conflict (`choices` by conflict field; a conflict without a
 * choice keeps mine). 'both' applies to notes only, and only when `joinNotes` fits; otherwise it keeps mine.
 */
export function resolveConflicts(merged: Answers, conflicts: Conflict[], choices: Partial<Record<keyof Answers, Choice>>): Answers {
  const out: Record<string, unknown> = { ...merged };
  for (const c of conflicts) {
    const choice = choices[c.field] ?? 'mine';
    const both = choice === 'both' && c.field === 'notes' ? joinNotes(c.mine.notes, c.theirs.notes) : null;
    const side = choice === 'theirs' ? c.theirs : c.mine;
    for (const f of c.fields) {
      if (side[f] === undefined) delete out[f];
      else out[f] = side[f];
    }
    if (both !== null) out.notes = both;
  }
  return out as Answers;
}
