// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatEuro } from '../../src/domain/format';
import { SME } from '../helpers';
import i18next from 'i18next';
import { answerRows } from '../../src/ui/answer-summary';
import { CONTENT as content, heading, LARGE, renderAppAt, setupUi, submit, T } from './render';

setupUi();

const C = T.check;
/** The summary list as label -> value. */
function rows(): Record<string, string> {
  const list = document.querySelector('dl.summary-list')!;
  return Object.fromEntries([...list.querySelectorAll('.summary-row')].map((row) => [row.querySelector('dt')!.textContent, row.querySelector('dd')!.textContent]));
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// jsdom's accessible-name computation drops the space before the visually hidden part; browsers keep it.
const changeLink = (label: string) => screen.getByRole('button', { name: new RegExp(`^${C.change}\\s*${escape(label)}$`) });

describe('check your answers', () => {
  it('warning lights never asked (a link made by an owner, opened in client mode) read "not asked", not "none"; answered without any: "none"', () => {
    const value = (a: Parameters<typeof answerRows>[0]) => answerRows(a, i18next.t, content, 'nl').find((r) => r.step === 'triggers')?.value;
    const client = { ...SME, mode: 'client' as const };
    expect(value(client)).toBe(C.notAsked);
    expect(value({ ...client, triggers: [], triggersAnswered: true })).toBe(C.noInnovation);
  });

  it('shows every answer of a small firm in the user\'s words', async () => {
    await renderAppAt('check', SME);
    expect(heading()).toHaveTextContent(C.title);
    expect(rows()).toEqual({
      [C.region]: `${T.region.options.flanders}, Limburg`,
      [C.staff]: '12,5',
      [C.turnover]: formatEuro(1_800_000, 'nl'),
      [C.balance]: T.check.figureUnknown,
      [C.ownership]: T.common.no,
      [C.sector]: `25.62 ${content.sectors.groups.find((g) => g.code === '25.6')!.name.nl}`,
      [C.innovation]: [T.innovation.short.newGoods, T.innovation.short.productInHouse].join('; '),
      [C.practices]: T.innovation.short.innovationSpending,
      [C.needs]: ['practical-problem', 'training'].map((id) => content.needs.find((n) => n.id === id)!.label.nl).join('; '),
    });
    expect(rows()[C.turnover]).toMatch(/1\.800\.000/);
  });

  it('names a NACE-BEL 2025 code by its title also when the sector page was never opened (a prefilled link)', async () => {
    await renderAppAt('check', { ...SME, nace: '25.53', naceVersion: '2025' });
    // The titles load on demand: first the code, then the code with its title.
    await screen.findByText(/^25\.53 Verspanend bewerken van metalen \(NACE-BEL 2025\)$/);
  });

  it('leaves out the figures when staff alone made the firm large', async () => {
    await renderAppAt('check', LARGE);
    expect(Object.keys(rows())).not.toContain(C.turnover);
    expect(Object.keys(rows())).not.toContain(C.balance);
    expect(rows()[C.staff]).toBe('400');
  });

  it('says "none" when nothing was innovated', async () => {
    await renderAppAt('check', { ...SME, innovation: {} });
    expect(rows()[C.innovation]).toBe(C.noInnovation);
  });

  it('has a change link per answer, named after the answer for screen readers', async () => {
    await renderAppAt('check', SME);
    for (const label of Object.keys(rows())) expect(changeLink(label)).toBeInTheDocument();
  });

  it('a change link opens the page with the answer filled in, and continuing returns to check', async () => {
    const { user } = await renderAppAt('check', SME);
    await user.click(changeLink(C.staff));
    expect(heading()).toHaveTextContent(T.staff.title);
    expect(heading()).toHaveFocus();
    const input = screen.getByRole('textbox', { name: T.staff.title });
    expect(input).toHaveValue('12,5');
    await user.clear(input);
    await user.type(input, '20');
    await submit(user);
    expect(heading()).toHaveTextContent(C.title);
    expect(heading()).toHaveFocus();
    expect(rows()[C.staff]).toBe('20');
  });

  it.each([
    [C.region, T.region.title],
    [C.turnover, T.figures.title],
    [C.ownership, T.ownership.title],
    [C.sector, T.sector.title],
    [C.innovation, T.innovation.introducedTitle],
    [C.needs, T.needs.title],
  ])('"%s" changes on its page and comes straight back', async (label, pageTitle) => {
    const { user } = await renderAppAt('check', SME);
    await user.click(changeLink(label));
    expect(heading()).toHaveTextContent(pageTitle);
    await submit(user);
    expect(heading()).toHaveTextContent(C.title);
  });

  // The practices answers have their own row and change link.
  it('the practices answers can be changed from here too', async () => {
    const { user } = await renderAppAt('check', SME);
    const changeLinks = () => screen.getAllByRole('button', { name: new RegExp(`^${C.change}`) });
    const reached: string[] = [];
    for (const i of changeLinks().keys()) {
      await user.click(changeLinks()[i]!);
      // Follow the change (answers unchanged) until it is back on this page, noting every page shown.
      for (let guard = 0; heading().textContent !== C.title && guard < 10; guard++) {
        reached.push(heading().textContent!);
        await submit(user);
      }
    }
    expect(reached).toContain(T.innovation.practicesTitle);
  });

  it('a change that makes the figures necessary asks them before returning to check', async () => {
    const { user } = await renderAppAt('check', LARGE);
    await user.click(changeLink(C.staff));
    const input = screen.getByRole('textbox', { name: T.staff.title });
    await user.clear(input);
    await user.type(input, '30');
    await submit(user);
    expect(heading()).toHaveTextContent(T.figures.title);
    for (const box of screen.getAllByRole('checkbox', { name: new RegExp(`^${T.figures.unknown}`) })) await user.click(box);
    await submit(user);
    expect(heading()).toHaveTextContent(C.title);
    expect(rows()[C.turnover]).toBe(T.check.figureUnknown);
  });

  it('the back link goes to the last question; the button shows the referral', async () => {
    const { user } = await renderAppAt('check', SME);
    await user.click(screen.getByRole('button', { name: T.nav.back }));
    expect(heading()).toHaveTextContent(T.needs.title);
    await submit(user);
    await user.click(screen.getByRole('button', { name: C.submit }));
    expect(heading()).toHaveTextContent(T.result.title);
    expect(heading()).toHaveFocus();
  });

  it('shows the progress: step 9 of 10', async () => {
    await renderAppAt('check', SME);
    expect(screen.getByText('Stap 9 van 10')).toBeInTheDocument();
    expect(within(document.querySelector('.progress')!).getByRole('progressbar')).toHaveAttribute('value', '9');
  });
});
