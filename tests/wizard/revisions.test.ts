// Saved progress across tabs: revisions, three-way merge, conflicts (src/wizard/revisions.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/wizard/answers';
import { MAX_NOTES } from '../../src/wizard/limits';
import { parseSaved, serialiseSaved, syncedOf } from '../../src/wizard/persistence';
import { joinNotes, mergeAnswers, planSave, resolveConflicts, sameAnswers } from '../../src/wizard/revisions';

const intake: Answers = { mode: 'intake', region: 'flanders', province: 'limburg', staff: 12, nace: '25.62', needs: ['practical-problem'] };

describe('sameAnswers', () => {
  it('ignores the order of keys and absent versus undefined fields', () => {
    expect(sameAnswers({ staff: 3, nace: '25.62' }, { nace: '25.62', staff: 3, notes: undefined })).toBe(true);
    expect(sameAnswers({ staff: 3 }, { staff: 4 })).toBe(false);
    expect(sameAnswers({ needs: ['a', 'b'] }, { needs: ['b', 'a'] })).toBe(false);
  });
});

describe('mergeAnswers (three-way: base, mine, theirs)', () => {
  it('takes from each side what only that side changed (notes there, client name here)', () => {
    const base = { ...intake };
    const theirs = { ...intake, notes: 'Called on Monday; wants a second meeting.' };
    const mine = { ...intake, clientName: 'Metaal Peeters' };
    expect(mergeAnswers(base, mine, theirs)).toEqual({ answers: { ...intake, notes: theirs.notes, clientName: 'Metaal Peeters' }, conflicts: [] });
  });

  it('a field both changed the same way is no conflict', () => {
    const r = mergeAnswers(intake, { ...intake, staff: 20 }, { ...intake, staff: 20 });
    expect(r.conflicts).toEqual([]);
    expect(r.answers.staff).toBe(20);
  });

  it('a field both changed differently is a conflict, with both values; the merge keeps mine for now', () => {
    const r = mergeAnswers({ ...intake, notes: 'a' }, { ...intake, notes: 'a, mine' }, { ...intake, notes: 'a, theirs' });
    expect(r.conflicts).toEqual([{ field: 'notes', fields: ['notes'], mine: { notes: 'a, mine' }, theirs: { notes: 'a, theirs' } }]);
    expect(r.answers.notes).toBe('a, mine');
  });

  it('a field one side removed and the other left alone is removed', () => {
    const r = mergeAnswers({ ...intake, clientName: 'X' }, { ...intake }, { ...intake, clientName: 'X', notes: 'n' });
    expect(r.answers).toEqual({ ...intake, notes: 'n' });
  });

  it('region and province are decided together: never a province of one side with the region of the other', () => {
    const base = { ...intake };
    const mine: Answers = { ...intake, region: 'wallonia' };
    delete mine.province;
    const theirs: Answers = { ...intake, province: 'antwerpen' };
    const r = mergeAnswers(base, mine, theirs);
    expect(r.conflicts.map((c) => c.field)).toEqual(['region']);
    expect(r.conflicts[0]!.fields).toEqual(['region', 'province']);
    expect(resolveConflicts(r.answers, r.conflicts, { region: 'theirs' })).toMatchObject({ region: 'flanders', province: 'antwerpen' });
    expect(resolveConflicts(r.answers, r.conflicts, { region: 'mine' })).not.toHaveProperty('province');
  });

  it('property: the merge of a side with an unchanged other side is that side', () => {
    const notes = fc.option(fc.string({ maxLength: 20 }), { nil: undefined });
    fc.assert(fc.property(notes, notes, notes, (b, m, c) => {
      const base = { ...intake, notes: b };
      expect(sameAnswers(mergeAnswers(base, { ...intake, notes: m }, base).answers, { ...intake, notes: m })).toBe(true);
      expect(sameAnswers(mergeAnswers(base, base, { ...intake, notes: c }).answers, { ...intake, notes: c })).toBe(true);
    }));
  });
});

describe('planSave: what a tab does before writing', () => {
  const saved = (rev: number, answers: Answers) => ({ rev, answers });

  it('nothing stored: writes, one revision above its base', () => {
    expect(planSave(null, intake, null)).toEqual({ kind: 'write', answers: intake, rev: 1, merged: false });
    expect(planSave(saved(4, intake), intake, null)).toMatchObject({ kind: 'write', rev: 5 });
  });

  it('stored is its own base: writes the next revision', () => {
    const mine = { ...intake, notes: 'x' };
    expect(planSave(saved(3, intake), mine, saved(3, intake))).toEqual({ kind: 'write', answers: mine, rev: 4, merged: false });
  });

  it('an older tab editing the client name over newer notes keeps the notes (merged, next revision)', () => {
    const base = saved(3, intake);
    const stored = saved(5, { ...intake, notes: 'Notes typed in tab A' });
    const plan = planSave(base, { ...intake, clientName: 'Peeters' }, stored);
    expect(plan).toEqual({ kind: 'write', answers: { ...intake, notes: 'Notes typed in tab A', clientName: 'Peeters' }, rev: 6, merged: true });
  });

  it('both tabs changed the notes: asks, never writes over them', () => {
    const plan = planSave(saved(3, { ...intake, notes: 'a' }), { ...intake, notes: 'b' }, saved(4, { ...intake, notes: 'c' }));
    expect(plan.kind).toBe('ask');
    if (plan.kind === 'ask') expect(plan.theirs.rev).toBe(4);
  });

  it('a tab without a save meets one from another tab: asks before replacing it (unless they are the same)', () => {
    expect(planSave(null, { region: 'wallonia' }, saved(2, intake))).toEqual({ kind: 'ask-replace', theirs: saved(2, intake) });
    expect(planSave(null, intake, saved(2, intake))).toMatchObject({ kind: 'write', rev: 3 });
  });

  it('same revision number but other answers (a save from before revisions, rev 0): merged, not overwritten', () => {
    const plan = planSave(saved(0, intake), { ...intake, clientName: 'P' }, saved(0, { ...intake, notes: 'n' }));
    expect(plan).toMatchObject({ kind: 'write', answers: { notes: 'n', clientName: 'P' }, rev: 1 });
  });
});

describe('resolveConflicts and joinNotes', () => {
  const base = { ...intake, notes: 'start' };
  const { answers, conflicts } = mergeAnswers(base, { ...intake, notes: 'mine', clientName: 'A' }, { ...intake, notes: 'theirs', clientName: 'B' });

  it('applies each choice; a conflict without a choice keeps mine', () => {
    expect(resolveConflicts(answers, conflicts, { notes: 'theirs' })).toMatchObject({ notes: 'theirs', clientName: 'A' });
    expect(resolveConflicts(answers, conflicts, { clientName: 'theirs' })).toMatchObject({ notes: 'mine', clientName: 'B' });
  });

  it('"both" keeps both notes, this tab\'s first', () => {
    expect(resolveConflicts(answers, conflicts, { notes: 'both' }).notes).toBe('mine\n\ntheirs');
  });

  it('joinNotes refuses what would not fit (nothing is cut)', () => {
    expect(joinNotes('a'.repeat(MAX_NOTES - 10), 'b'.repeat(20))).toBeNull();
    expect(joinNotes('', 'b')).toBe('b');
  });
});

describe('saves carry a revision', () => {
  it('serialiseSaved writes it, syncedOf reads it back; a save from before revisions reads as revision 0', () => {
    const raw = serialiseSaved(intake, 'result', new Date('2026-11-30T10:00:00Z'), 7);
    expect(syncedOf(raw)).toEqual({ rev: 7, answers: intake, step: 'result', savedAt: '2026-11-30T10:00:00.000Z' });
    const old = JSON.stringify({ v: 1, answers: intake, step: 'result', savedAt: '2026-11-30T10:00:00.000Z' });
    expect(parseSaved(old)).toMatchObject({ ok: true });
    expect(syncedOf(old)?.rev).toBe(0);
  });

  it('a save from a newer version says so; an older one too', () => {
    expect(parseSaved(JSON.stringify({ v: 2, answers: {}, step: 'start', savedAt: '' }))).toEqual({ ok: false, problem: 'newer' });
    expect(parseSaved(JSON.stringify({ v: 0, answers: {}, step: 'start', savedAt: '' }))).toEqual({ ok: false, problem: 'outdated' });
  });
});
