// @vitest-environment jsdom
// The result's first screen names whom to contact first (Recommendation.contact), with tap-to-call and
// mail links and the cost-and-time line, right under the sentence to act on: the reasons come later, folded.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { refer } from '../../src/domain/refer';
import type { Lang } from '../../src/domain/types';
import { completeProfile, type Answers } from '../../src/wizard/answers';
import { METAL_WORKSHOP, SME } from '../helpers';
import { CONTENT as content, fill, firstScreen, fold, renderAppAt, setupUi, STRINGS } from './render';

setupUi();

const firstOf = (a: Answers, lang: Lang) => refer(completeProfile(a, content)!, content, lang).recommendations[0]!;

describe('result page: the first contact', () => {
  it.each([
    ['SME in Limburg', 'nl', SME],
    ['metal workshop in West Flanders', 'en', METAL_WORKSHOP],
    ['metal workshop in West Flanders', 'fr', METAL_WORKSHOP],
  ] as const)('%s (%s): organisation, tel: and mailto: links on the first screen, before the reasons', async (_name, lang, answers) => {
    await renderAppAt('result', answers, lang);
    const R = STRINGS[lang].result;
    const expected = firstOf(answers, lang);
    const channel = content.channels[expected.channel]!;
    const first = screen.getByRole('region', { name: channel.action[lang] });
    expect(first).toBe(firstScreen());
    expect(first.closest('details')).toBeNull();
    const organisation = within(first).getByText(expected.contact.organisation);
    // The reasons are folded under the first screen, after the contact.
    const why = within(fold(fill(R.moreAbout, { name: channel.name[lang] }))).getByRole('heading', { name: R.whyFits });
    expect(organisation.compareDocumentPosition(why) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const links = within(first).getAllByRole('link').map((a) => a.getAttribute('href'));
    expect(expected.contact.phone ?? expected.contact.email).toBeDefined();
    if (expected.contact.phone) {
      const tel = within(first).getByRole('link', { name: expected.contact.phone });
      expect(tel).toHaveAttribute('href', `tel:${expected.contact.phone.replace(/[^\d+]/g, '')}`);
      expect(tel).toHaveAttribute('href', expect.stringMatching(/^tel:\+?\d+$/));
    }
    if (expected.contact.email) expect(within(first).getByRole('link', { name: expected.contact.email })).toHaveAttribute('href', `mailto:${expected.contact.email}`);
    // Each number or address is linked once on the first screen.
    expect(new Set(links).size).toBe(links.length);
    if (expected.contact.note) expect(within(first).getByText(expected.contact.note)).toBeInTheDocument();
    // What it costs and how long it takes, in the page's language.
    expect(first.querySelector('.glance')).toHaveTextContent(`${R.costTime}${R.colon} ${expected.glance.length ? expected.glance.join(' · ') : R.costTimeAsk}`);
  });
});
