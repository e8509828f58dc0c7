// Desk records for the tests: made from answers with the real content, or with a test content variant
// (kmo-portefeuille's "advice: cybersecurity only" fact said otherwise), to see "what changed".
import type { Content } from '../../src/domain/content-model';
import type { Answers } from '../../src/wizard/answers';
import { recordFromAnswers, type DeskRecord } from '../../src/wizard/desk/record';
import { content } from '../helpers';

/** A metal workshop in West Flanders asking for a solution, training and advice (kmo-portefeuille first), filled in by its accountant. */
export const WORKSHOP: Answers = {
  mode: 'client', region: 'flanders', province: 'west-vlaanderen', staff: 14, turnoverEur: 1_800_000, balanceSheetEur: 900_000, ownedByLargeGroup: false,
  nace: '25.62', innovation: {}, introducedAnswered: true, practicesAnswered: true, needs: ['practical-problem', 'training', 'advice'], triggers: [], triggersAnswered: true,
  clientName: 'Metaal Vandamme', adviserName: 'An Peeters', notes: 'Wil een tweede CNC-machine.',
};

/** The fact the variant says otherwise, and what it says there. */
export const CHANGED_FACT = 'kmo-advice-cyber-only';
export const VARIANT_TEXT = { nl: 'Sinds 1 maart 2027 geeft de kmo-portefeuille geen steun meer voor advies.', en: 'Since 1 March 2027 the SME wallet no longer supports advice.', fr: 'Depuis le 1er mars 2027, le portefeuille PME ne soutient plus le conseil.' };

/** content/ with the kmo-portefeuille's advice fact rewritten (a stand-in for an earlier content version). */
export function variantContent(): Content {
  const c = structuredClone(content());
  const fact = c.channels['kmo-portefeuille']!.facts.find((f) => f.id === CHANGED_FACT)!;
  fact.text = VARIANT_TEXT;
  return c;
}

/** A record of `answers` saved at `at` with `c` (the real content by default), named `name`. */
export function recordOf(answers: Answers, name: string, at: Date, c: Content = content()): DeskRecord {
  const r = recordFromAnswers({ ...answers, clientName: name }, name, c, 'nl', at);
  if (!r) throw new Error('answers not finished');
  return r;
}
