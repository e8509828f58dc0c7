// The texts of what changed and of the calendar files (content/engine-texts.yaml `changes`, `calendar`)
// take exactly their placeholders, in every language: the content check names a missing or unknown one.
import { describe, expect, it } from 'vitest';
import { EngineTextsSchema } from '../../src/content/schema';
import type { EngineTexts } from '../../src/domain/content-model';
import { content } from '../helpers';

const issues = (mutate: (t: EngineTexts) => void) => {
  const texts = structuredClone(content().engineTexts);
  mutate(texts);
  const r = EngineTextsSchema.safeParse(texts);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('change and calendar texts', () => {
  it('the content\'s texts pass', () => {
    expect(issues(() => undefined)).toEqual([]);
  });

  it('a misspelt or missing placeholder is named with the language', () => {
    expect(issues((t) => { t.changes.rank.fr = '{chanel} : désormais en {rank} position (auparavant en {before}).'; }))
      .toEqual(['changes.rank.fr: placeholders: missing {channel}; unknown {chanel} (this text takes {channel}, {rank}, {before})']);
    expect(issues((t) => { t.calendar.deadlineDescription.nl = '{call} sluit op {closes}. Bron: {source}.'; }))
      .toEqual(['calendar.deadlineDescription.nl: placeholders: missing {checked} (this text takes {call}, {closes}, {source}, {checked})']);
  });

  it('a language missing is named', () => {
    expect(issues((t) => { delete (t.changes.noChange as Partial<typeof t.changes.noChange>).en; })).toEqual([expect.stringMatching(/^changes\.noChange\.en: /)]);
  });
});
