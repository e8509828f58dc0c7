// How old is the source? Facts carry the page's own date (`pageDate`); the content check lists those
// resting on pages older than three years, and quoted facts name the page date next to the checked date.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, OLD_PAGE_YEARS, onOldPages, sourcedItems } from '../../src/content/check';
import { CONTENT_DIR, loadContent } from '../../src/content/load';
import { createEngine } from '../../src/domain/refer';
import type { Profile } from '../../src/domain/types';

const loaded = loadContent();

describe('page dates', () => {
  const report = checkContent(loaded, { today: '2026-11-30', localesDir: join(CONTENT_DIR, 'locales') });
  it('the check passes with 0 stale facts and lists the facts on pages older than three years', () => {
    expect(OLD_PAGE_YEARS).toBe(3);
    expect(report.stale).toBe(0);
    expect(report.failingScenarios).toEqual([]);
    expect(report.uncoveredInstruments).toEqual([]);
    expect(report.oldPages).toBe(report.oldPageFacts.length);
    expect(report.oldPageFacts.every((f) => f.pageDate! < '2023-11-30')).toBe(true);
    // The EU SME definition (2003) and the STS database page (28 Sep 2021) are among them; the 2024 ecology page is not.
    expect(report.oldPageFacts.map((f) => f.pageDate)).toEqual(expect.arrayContaining(['2003-05-20', '2021-09-28']));
    expect(report.oldPageFacts.map((f) => f.pageDate)).not.toContain('2024-07-16');
  });
  it('a later day makes more pages old', () => {
    const items = sourcedItems(loaded.content, 'content');
    expect(onOldPages(items, '2026-11-30').map((f) => f.pageDate)).not.toContain('2024-07-16');
    expect(onOldPages(items, '2027-07-20').map((f) => f.pageDate)).toContain('2024-07-16');
  });
  it('a quoted fact with a page date says it next to the checked date', () => {
    const firm: Profile = { region: 'flanders', province: 'antwerpen', staff: 9, turnoverEur: 900_000, nace: '69.20', innovation: {}, needs: ['cybersecurity'] };
    const r = createEngine(loaded.content).refer(firm, 'en', 'you', '2026-11-30');
    expect(r.recommendations[0]!.reasons.join('\n')).toContain('page dated 1 March 2023, checked on 30 November 2026)');
  });
});
