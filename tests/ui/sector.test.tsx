// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/domain/types';
import { changeLanguage } from '../../src/i18n';
import { SectorPage } from '../../src/ui/pages/SectorPage';
import { heading, renderPage, setupUi, STRINGS, submit, T } from './render';

setupUi();

const renderSector = (answers = {}) => renderPage(<SectorPage />, { step: 'sector', answers: { region: 'flanders', province: 'limburg', staff: 12, ownedByLargeGroup: false, ...answers } });
/** A sector option: its label starts with the NACE code. */
const option = (code: string) => screen.getByRole('radio', { name: new RegExp(`^${code.replace('.', '\\.')} `) });

describe('sector page', () => {
  it('explains the two ways to find the sector; search is the default', () => {
    renderSector();
    expect(heading()).toHaveTextContent(T.sector.title);
    const modes = screen.getByRole('group', { name: T.sector.howToFind });
    expect(within(modes).getByRole('button', { name: T.sector.searchMode })).toHaveAttribute('aria-pressed', 'true');
    expect(within(modes).getByRole('button', { name: T.sector.browseMode })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('searchbox', { name: T.sector.searchLabel })).toHaveAccessibleDescription(T.sector.searchHint);
  });

  it.each<[Lang, string]>([['nl', 'bakkerij'], ['en', 'bakery'], ['fr', 'boulangerie']])(
    'in %s, searching "%s" finds NACE 10.7 (bakery products) and sends its code',
    async (lang, word) => {
      await changeLanguage(lang);
      const strings = STRINGS[lang];
      const { user, send } = renderSector();
      await user.type(screen.getByRole('searchbox', { name: strings.sector.searchLabel }), word);
      const hits = screen.getAllByRole('radio');
      expect(hits[0]).toHaveAccessibleName(expect.stringMatching(/^10\.7 /));
      await user.click(option('10.7'));
      expect(screen.getByText(strings.sector.chosen).closest('p')).toHaveTextContent(/10\.7/);
      await submit(user, strings);
      expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'NEXT', answers: { nace: '10.7' } });
    },
  );

  it('says so when a word finds nothing', async () => {
    const { user } = renderSector();
    await user.type(screen.getByRole('searchbox'), 'xyzzyq');
    expect(screen.getByText(T.sector.noHits)).toBeInTheDocument();
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
  });

  it('browse: section C, then a division', async () => {
    const { user, send } = renderSector();
    await user.click(screen.getByRole('button', { name: T.sector.browseMode }));
    const section = screen.getByRole('combobox', { name: T.sector.sectionLabel });
    expect(screen.queryByRole('group', { name: T.sector.divisionLegend })).not.toBeInTheDocument();
    await user.selectOptions(section, 'C');
    const divisions = screen.getByRole('group', { name: T.sector.divisionLegend });
    expect(within(divisions).getAllByRole('radio')).toHaveLength(24); // NACE 10 to 33
    await user.click(within(divisions).getByRole('radio', { name: /^25 / }));
    await submit(user);
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'NEXT', answers: { nace: '25' } });
  });

  it('a typed NACE code is offered as typed, with its group and division, each shown with its code', async () => {
    const { user, send } = renderSector();
    await user.type(screen.getByRole('searchbox'), '25.62');
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['25.62', '25.6', '25']);
    await user.click(option('25.62'));
    await submit(user);
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'NEXT', answers: { nace: '25.62' } });
  });

  it('a typed code without a dot works too', async () => {
    const { user } = renderSector();
    await user.type(screen.getByRole('searchbox'), '1071');
    expect(option('10.71')).toBeInTheDocument();
    expect(option('10.7')).toBeInTheDocument();
  });

  // A typed full code is offered as typed: clusters can be keyed on a finer code (e.g. 72.11).
  it('a finer code than the sector list knows (72.11) can be chosen', async () => {
    const { user, send } = renderSector();
    await user.type(screen.getByRole('searchbox'), '72.11');
    await user.click(option('72.11'));
    await submit(user);
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'NEXT', answers: { nace: '72.11' } });
  });

  it('nothing chosen: the message says how to find the sector', async () => {
    const { user, send } = renderSector();
    await submit(user);
    expect(send).not.toHaveBeenCalled();
    expect(within(screen.getByRole('alert')).getByRole('link', { name: T.sector.required })).toHaveAttribute('href', '#nace');
  });

  // With no list on screen, the summary's link lands on the search field (or the section list).
  it('the error summary link moves focus to a field the user can act on', async () => {
    const { user } = renderSector();
    await submit(user);
    await user.click(within(screen.getByRole('alert')).getByRole('link', { name: T.sector.required }));
    expect(screen.getByRole('searchbox')).toHaveFocus();

    await user.click(screen.getByRole('button', { name: T.sector.browseMode }));
    await submit(user);
    await user.click(within(screen.getByRole('alert')).getByRole('link', { name: T.sector.required }));
    expect(screen.getByRole('combobox', { name: T.sector.sectionLabel })).toHaveFocus();
  });

  it('shows the saved sector as chosen, and sends it unchanged', async () => {
    const { user, send } = renderSector({ nace: '10.7' });
    expect(screen.getByText(T.sector.chosen).closest('p')).toHaveTextContent('10.7 Vervaardiging van brood');
    await submit(user);
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'NEXT', answers: { nace: '10.7' } });
  });
});
