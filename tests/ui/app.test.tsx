// @vitest-environment jsdom
// The whole wizard as a user meets it: a full walk, focus on every page change, the language switch
// and the browser's back button.
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CONTENT as content, enterWizard, fill, firstScreen, heading, renderApp, setupUi, STRINGS, submit, T } from './render';

setupUi();

const I = T.innovation;
const label = (id: string) => content.needs.find((n) => n.id === id)!.label.nl;

/** Each question page of a small Flemish firm, answered through the UI. */
const PAGES: Array<{ title: string; answer: (user: UserEvent) => Promise<void> }> = [
  { title: T.region.title, answer: async (user) => { await user.click(screen.getByRole('radio', { name: T.region.options.flanders })); await user.click(screen.getByRole('radio', { name: 'Limburg' })); } },
  { title: T.staff.title, answer: (user) => user.type(screen.getByRole('textbox', { name: T.staff.title }), '12,5') },
  { title: T.figures.title, answer: async (user) => { await user.type(screen.getByRole('textbox', { name: T.figures.turnoverLabel }), '1.800.000'); await user.type(screen.getByRole('textbox', { name: T.figures.balanceLabel }), 'EUR 2 mln'); } },
  { title: T.ownership.title, answer: (user) => user.click(screen.getByRole('radio', { name: T.common.no })) },
  { title: T.sector.title, answer: async (user) => { await user.type(screen.getByRole('searchbox'), 'bakkerij'); await user.click(await screen.findByRole('radio', { name: /^10\.7 / }, { timeout: 20_000 })); } }, // the NACE list loads on its own
  { title: I.introducedTitle, answer: async (user) => {
    await user.click(screen.getByRole('checkbox', { name: I.newGoods }));
    await user.click(within(screen.getByRole('group', { name: I.productInHouse })).getByRole('radio', { name: T.common.yes }));
    await user.click(within(screen.getByRole('group', { name: I.productNewToMarket })).getByRole('radio', { name: T.common.no }));
  } },
  { title: I.practicesTitle, answer: (user) => user.click(screen.getByRole('checkbox', { name: I.innovationSpending })) },
  { title: T.needs.title, answer: (user) => user.click(screen.getByRole('checkbox', { name: label('practical-problem') })) },
];

describe('the wizard', () => {
  it('a full walk: every page has a back link and progress, and focus moves to its heading', async () => {
    const { user } = await renderApp();
    await enterWizard(user, T.start.button);
    for (const [i, page] of PAGES.entries()) {
      expect(heading()).toHaveTextContent(page.title);
      expect(heading()).toHaveFocus();
      expect(screen.getByRole('button', { name: T.nav.back })).toBeInTheDocument();
      expect(screen.getByText(`Stap ${i + 1} van 10`)).toBeInTheDocument();
      await page.answer(user);
      await submit(user);
    }
    expect(heading()).toHaveTextContent(T.check.title);
    expect(heading()).toHaveFocus();
    await user.click(screen.getByRole('button', { name: T.check.submit }));
    expect(heading()).toHaveTextContent(T.result.title);
    expect(heading()).toHaveFocus();
    expect(screen.getByRole('region', { name: T.result.others })).toBeInTheDocument();
  });

  it('going back keeps every answer and what was typed but not submitted', async () => {
    const { user } = await renderApp();
    await enterWizard(user, T.start.button);
    for (const page of PAGES.slice(0, 2)) { await page.answer(user); await submit(user); }
    await user.type(screen.getByRole('textbox', { name: T.figures.turnoverLabel }), '1.800.000');
    await user.click(screen.getByRole('button', { name: T.nav.back }));
    expect(heading()).toHaveTextContent(T.staff.title);
    expect(heading()).toHaveFocus();
    expect(screen.getByRole('textbox', { name: T.staff.title })).toHaveValue('12,5');
    await submit(user);
    expect(screen.getByRole('textbox', { name: T.figures.turnoverLabel })).toHaveValue('1.800.000');
  });

  it('the browser back button walks back through the pages', async () => {
    const { user } = await renderApp();
    await enterWizard(user, T.start.button);
    for (const page of PAGES.slice(0, 2)) { await page.answer(user); await submit(user); }
    expect(heading()).toHaveTextContent(T.figures.title);
    history.back();
    await waitFor(() => expect(heading()).toHaveTextContent(T.staff.title));
    expect(heading()).toHaveFocus();
    history.back();
    await waitFor(() => expect(heading()).toHaveTextContent(T.region.title));
    expect(screen.getByRole('radio', { name: 'Limburg' })).toBeChecked();
    history.forward();
    await waitFor(() => expect(heading()).toHaveTextContent(T.staff.title));
  });

  describe('language switch (in the header on every page)', () => {
    const switcher = () => screen.getByRole('navigation', { name: STRINGS[document.documentElement.lang as 'nl'].lang.label });

    it('is offered in each language\'s own name, the current one marked', async () => {
      await renderApp();
      const nav = switcher();
      expect(within(nav).getAllByRole('button').map((b) => [b.textContent, b.getAttribute('lang')])).toEqual([['Nederlands', 'nl'], ['English', 'en'], ['Français', 'fr']]);
      expect(within(nav).getByRole('button', { name: 'Nederlands' })).toHaveAttribute('aria-current', 'true');
      expect(document.documentElement.lang).toBe('nl');
    });

    it('changes the words and <html lang>, and keeps the answers and what was typed', async () => {
      const { user } = await renderApp();
      await enterWizard(user, T.start.button);
      await PAGES[0]!.answer(user);
      await submit(user);
      await user.type(screen.getByRole('textbox', { name: T.staff.title }), '12,5');

      await user.click(within(switcher()).getByRole('button', { name: 'English' }));
      await waitFor(() => expect(document.documentElement.lang).toBe('en'));
      const en = STRINGS.en;
      expect(heading()).toHaveTextContent(en.staff.title);
      expect(within(switcher()).getByRole('button', { name: 'English' })).toHaveAttribute('aria-current', 'true');
      expect(screen.getByRole('textbox', { name: en.staff.title })).toHaveValue('12,5');
      expect(localStorage.getItem('innovatiewijzer.lang')).toBe('en');

      await user.click(screen.getByRole('button', { name: en.nav.back }));
      expect(heading()).toHaveTextContent(en.region.title);
      expect(screen.getByRole('radio', { name: en.region.options.flanders })).toBeChecked();
      expect(screen.getByRole('radio', { name: 'Limburg' })).toBeChecked();

      await user.click(within(switcher()).getByRole('button', { name: 'Français' }));
      await waitFor(() => expect(document.documentElement.lang).toBe('fr'));
      expect(heading()).toHaveTextContent(STRINGS.fr.region.title);
      expect(screen.getByRole('radio', { name: 'Limbourg' })).toBeChecked();
      expect(document.title).toBe(`${STRINGS.fr.region.title} - ${STRINGS.fr.app.title}`);
    });

    it('on the result page, the referral is given again in the new language', async () => {
      const { user } = await renderApp();
      await enterWizard(user, T.start.button);
      await user.click(screen.getByRole('radio', { name: T.region.options.brussels }));
      await submit(user);
      await user.click(within(switcher()).getByRole('button', { name: 'Français' }));
      await waitFor(() => expect(heading()).toHaveTextContent(STRINGS.fr.result.title), { timeout: 10_000 });
      // The first step in French: the sentence to act on, and "start here with" the French name.
      const first = screen.getByRole('region', { name: content.channels.brussels!.action.fr });
      expect(first).toBe(firstScreen());
      expect(within(first).getByText(fill(STRINGS.fr.result.startHere, { name: content.channels.brussels!.name.fr }))).toBeInTheDocument();
      expect(screen.queryByRole('region', { name: content.channels.brussels!.action.nl })).toBeNull();
    });
  });
});
