// @vitest-environment jsdom
// The result page names whom to contact first (Recommendation.contact), with tap-to-call and mail
// links, right under the first channel's name: before why it fits and the next step.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { refer } from '../../src/domain/refer';
import type { Lang } from '../../src/domain/types';
import { completeProfile, type Answers } from '../../src/wizard/answers';
import { METAL_WORKSHOP, SME } from '../helpers';
import { CONTENT as content, renderAppAt, setupUi, STRINGS } from './render';

setupUi();

const firstOf = (a: Answers, lang: Lang) => refer(completeProfile(a, content)!, content, lang).recommendations[0]!;

describe('result page: the first contact', () => {
  it.each([
    ['SME in Limburg', 'nl', SME],
    ['metal workshop in West Flanders', 'en', METAL_WORKSHOP],
    ['metal workshop in West Flanders', 'fr', METAL_WORKSHOP],
  ] as const)('%s (%s): organisation, tel: and mailto: links before the reasons', async (_name, lang, answers) => {
    await renderAppAt('result', answers, lang);
    const expected = firstOf(answers, lang);
    const first = screen.getByRole('region', { name: content.channels[expected.channel]!.name[lang] });
    const organisation = within(first).getByText(expected.contact.organisation);
    const why = within(first).getByRole('heading', { name: STRINGS[lang].result.whyFits });
    // The contact comes before "why this fits you".
    expect(organisation.compareDocumentPosition(why) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const links = within(first).getAllByRole('link').map((a) => a.getAttribute('href'));
    expect(expected.contact.phone ?? expected.contact.email).toBeDefined();
    if (expected.contact.phone) expect(links).toContain(`tel:${expected.contact.phone.replace(/[^\d+]/g, '')}`);
    if (expected.contact.email) expect(links).toContain(`mailto:${expected.contact.email}`);
    // Each number or address is linked once in the first channel's section.
    const tel = links.filter((h) => h?.startsWith('tel:'));
    expect(new Set(tel).size).toBe(tel.length);
    if (expected.contact.note) expect(within(first).getByText(expected.contact.note)).toBeInTheDocument();
  });
});
