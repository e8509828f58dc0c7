import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { wizardMachine, progress, restoredSnapshot } from '../../src/wizard/machine';
import type { Step } from '../../src/wizard/answers';
import type { Answers } from '../../src/wizard/answers';

function walk(steps: Array<Partial<Answers>>) {
  const actor = createActor(wizardMachine, { input: undefined }).start();
  actor.send({ type: 'START' });
  const seen: string[] = [String(actor.getSnapshot().value)];
  for (const answers of steps) {
    actor.send({ type: 'NEXT', answers });
    seen.push(String(actor.getSnapshot().value));
  }
  return { actor, seen };
}

const sme: Array<Partial<Answers>> = [
  { region: 'flanders', province: 'west-vlaanderen' },
  { staff: 14 },
  { turnoverEur: 1_800_000, balanceSheetEur: null },
  { ownedByLargeGroup: false },
  { nace: '25.62' },
  { innovation: { newGoods: true, productInHouse: true }, introducedAnswered: true },
  { innovation: { newGoods: true, productInHouse: true, innovationSpending: true }, practicesAnswered: true },
  { needs: ['practical-problem'] },
  {},
];

describe('wizard machine', () => {
  it('walks a Flemish SME through every question to the check page and the result', () => {
    const { seen, actor } = walk(sme);
    expect(seen).toEqual(['region', 'staff', 'figures', 'ownership', 'sector', 'introduced', 'practices', 'needs', 'check', 'result']);
    expect(actor.getSnapshot().context.answers.nace).toBe('25.62');
  });

  it('skips the figures when staff alone makes the firm large', () => {
    const { seen } = walk([{ region: 'flanders', province: 'antwerpen' }, { staff: 300 }]);
    expect(seen).toEqual(['region', 'staff', 'ownership']);
  });

  it('sends a firm outside Flanders straight to the result', () => {
    const { seen } = walk([{ region: 'brussels' }]);
    expect(seen).toEqual(['region', 'result']);
  });

  it('does not move on without the answers of the page', () => {
    const { seen } = walk([{ region: 'flanders' }]);
    expect(seen).toEqual(['region', 'region']);
  });

  it('back goes to the previous page of this firm\'s path, keeping the answers', () => {
    const { actor } = walk([{ region: 'flanders', province: 'limburg' }, { staff: 400 }]);
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().value).toBe('staff');
    expect(actor.getSnapshot().context.answers.staff).toBe(400);
    actor.send({ type: 'BACK' });
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().value).toBe('start');
  });

  it('a change link from the check page returns to the check page', () => {
    const { actor } = walk(sme.slice(0, 8));
    expect(actor.getSnapshot().value).toBe('check');
    actor.send({ type: 'GOTO', step: 'sector', fromCheck: true });
    expect(actor.getSnapshot().value).toBe('sector');
    actor.send({ type: 'NEXT', answers: { nace: '10.71' } });
    expect(actor.getSnapshot().value).toBe('check');
  });

  it('a change that opens a new question asks it before returning to check', () => {
    const { actor } = walk([...sme.slice(0, 1), { staff: 300 }, ...sme.slice(3, 8)]);
    expect(actor.getSnapshot().value).toBe('check');
    actor.send({ type: 'GOTO', step: 'staff', fromCheck: true });
    actor.send({ type: 'NEXT', answers: { staff: 20 } });
    // figures were skipped for a large firm; now they are needed
    expect(actor.getSnapshot().value).toBe('figures');
    actor.send({ type: 'NEXT', answers: { turnoverEur: null, balanceSheetEur: null } });
    expect(actor.getSnapshot().value).toBe('check');
  });

  it('guards: the result cannot be reached with an incomplete profile', () => {
    const { actor } = walk([{ region: 'flanders', province: 'limburg' }]);
    actor.send({ type: 'GOTO', step: 'result' });
    expect(actor.getSnapshot().value).toBe('staff');
    actor.send({ type: 'RESTORE', answers: { region: 'flanders', province: 'limburg', staff: 3 }, step: 'result' });
    expect(actor.getSnapshot().value).toBe('figures');
  });

  it('opening straight on restored answers lands where RESTORE leads, and the machine runs on from there', () => {
    const full = sme.reduce<Answers>((a, patch) => ({ ...a, ...patch }), {});
    const cases: Array<[Answers, Step | undefined]> = [
      [full, 'result'], [full, 'check'], [full, 'staff'], [full, undefined],
      [{ region: 'flanders', province: 'limburg', staff: 3 }, 'result'],
      [{ region: 'wallonia' }, 'result'], [{}, 'result'], [{ region: 'flanders' }, 'needs'],
    ];
    for (const [answers, step] of cases) {
      const viaEvent = createActor(wizardMachine, { input: undefined }).start();
      viaEvent.send({ type: 'RESTORE', answers, step });
      const direct = createActor(wizardMachine, { input: undefined, snapshot: restoredSnapshot(answers, step) }).start();
      expect(direct.getSnapshot().value).toBe(viaEvent.getSnapshot().value);
      expect(direct.getSnapshot().context).toEqual(viaEvent.getSnapshot().context);
      direct.send({ type: 'BACK' });
      viaEvent.send({ type: 'BACK' });
      expect(direct.getSnapshot().value).toBe(viaEvent.getSnapshot().value);
    }
  });

  it('progress counts the screens of this firm\'s path', () => {
    expect(progress('region', {})).toEqual({ current: 1, total: 10 });
    expect(progress('staff', { region: 'flanders', staff: 300 })).toEqual({ current: 2, total: 9 });
    expect(progress('result', { region: 'wallonia' })).toEqual({ current: 2, total: 2 });
  });

  it('restart clears the answers', () => {
    const { actor } = walk(sme.slice(0, 3));
    actor.send({ type: 'RESTART' });
    expect(actor.getSnapshot().value).toBe('start');
    expect(actor.getSnapshot().context.answers).toEqual({});
  });

  it('a page whose earlier questions are open cannot be jumped to', () => {
    const { actor } = walk([{ region: 'flanders', province: 'limburg' }]);
    actor.send({ type: 'GOTO', step: 'needs' });
    expect(actor.getSnapshot().value).toBe('staff');
    actor.send({ type: 'GOTO', step: 'check' });
    expect(actor.getSnapshot().value).toBe('staff');
    actor.send({ type: 'GOTO', step: 'region' });
    expect(actor.getSnapshot().value).toBe('region');
  });

  it('back from the result outside Flanders returns to the region question; from a Flemish result to check', () => {
    const outside = walk([{ region: 'abroad' }]).actor;
    outside.send({ type: 'BACK' });
    expect(outside.getSnapshot().value).toBe('region');
    const { actor } = walk(sme);
    expect(actor.getSnapshot().value).toBe('result');
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().value).toBe('check');
  });

  it('leaving a change link with back forgets the way back to check', () => {
    const { actor } = walk(sme.slice(0, 8));
    actor.send({ type: 'GOTO', step: 'ownership', fromCheck: true });
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().value).toBe('figures');
    actor.send({ type: 'NEXT', answers: { turnoverEur: null, balanceSheetEur: null } });
    expect(actor.getSnapshot().value).toBe('ownership');
    expect(actor.getSnapshot().context.returnToCheck).toBe(false);
  });

  it('changing the region to Brussels from check leads straight to the result and drops the province', () => {
    const { actor } = walk(sme.slice(0, 8));
    actor.send({ type: 'GOTO', step: 'region', fromCheck: true });
    actor.send({ type: 'NEXT', answers: { region: 'brussels' } });
    expect(actor.getSnapshot().value).toBe('result');
    expect(actor.getSnapshot().context.answers.province).toBeUndefined();
    expect(progress('result', actor.getSnapshot().context.answers)).toEqual({ current: 2, total: 2 });
  });

  it('restoring answers from outside Flanders opens their result', () => {
    const actor = createActor(wizardMachine, { input: undefined }).start();
    actor.send({ type: 'RESTORE', answers: { region: 'wallonia' }, step: 'result' });
    expect(actor.getSnapshot().value).toBe('result');
  });
});
