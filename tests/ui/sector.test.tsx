// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/domain/types';
import { changeLanguage } from '../../src/i18n';
import { loadNaceSearch } from '../../src/ui/nace-search-data';
import { SectorPage } from '../../src/ui/pages/SectorPage';
import { heading, renderPage, setupUi, STRINGS, submit, T } from './render';

setupUi();
// The sector page loads its NACE-BEL 2025 list on its own (a separate chunk): load it once here.
beforeAll(async () => { await loadNaceSearch(); }, 60_000);

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
      expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'NEXT', answers: { nace: '10.7', naceVersion: '2025' } });
    },
  );

  it.each(['métal', 'travail des métaux'])('French "%s" finds metalworking (NACE-BEL 2025 division 25), also on the Dutch page', async (words) => {
    const { user } = renderSector();
    await user.type(screen.getByRole('searchbox'), words);
    const values = screen.getAllByRole('radio').map((r) => r.getAttribute('value'));
    expect(values).toContain('25');
    if (words === 'travail des métaux') expect(values[0]).toBe('25');
    // Not clothing (14) nor employment agencies (78), which it found before the 2025 list.
    expect(values).not.toContain('78');
    expect(values).not.toContain('14');
  });

  it('a code a spreadsheet stripped of its leading zero (1110) is not read as beverages: the page asks and offers 01.110', async () => {
    const { user, send } = renderSector();
    await user.type(screen.getByRole('searchbox'), '1110');
    expect(screen.getByText(/01\.110\?/)).toBeInTheDocument();
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['01.110']);
    await user.click(option('01.110'));
    await submit(user);
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'NEXT', answers: { nace: '01.110', naceVersion: '2025' } });
  });

  it('an ambiguous code (25.40: forging in 2025, weapons in 2008) says so and offers both', async () => {
    const { user } = renderSector();
    await user.type(screen.getByRole('searchbox'), '25.40');
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(expect.arrayContaining(['25.40', '25.30']));
    expect(screen.getByText(/25\.40.*NACE-BEL 2025.*25\.30/)).toBeInTheDocument();
  });

  it('"I can\'t find my activity" still ends in a code: the section\'s "other" class', async () => {
    const { user, send } = renderSector();
    await user.click(screen.getByRole('button', { name: T.sector.cannotFind }));
    expect(screen.getByText(T.sector.cannotFindHint)).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: T.sector.sectionLabel }), 'C');
    await user.click(screen.getByRole('radio', { name: T.sector.notInList }));
    expect(screen.getByText(T.sector.chosen).closest('p')).toHaveTextContent(/32\.99/);
    await submit(user);
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'NEXT', answers: { nace: '32.99', naceVersion: '2025' } });
  });

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
    expect(within(divisions).getAllByRole('radio')).toHaveLength(25); // NACE 10 to 33, and "not in this list"
    await user.click(within(divisions).getByRole('radio', { name: /^25 / }));
    await submit(user);
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'NEXT', answers: { nace: '25', naceVersion: '2025' } });
  });

  it('a typed NACE code is offered as typed, with its group and division, each shown with its code', async () => {
    const { user, send } = renderSector();
    await user.type(screen.getByRole('searchbox'), '25.62');
    // 25.62 is locks and hinges in 2025; a 2008 25.62 (machining) became 25.53, which is offered too.
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['25.62', '25.6', '25', '25.53']);
    await user.click(option('25.62'));
    await submit(user);
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'NEXT', answers: { nace: '25.62', naceVersion: '2025' } });
  });

  it('a typed code without a dot works too', async () => {
    const { user } = renderSector();
    await user.type(screen.getByRole('searchbox'), '1071');
    expect(option('10.71')).toBeInTheDocument();
    expect(option('10.7')).toBeInTheDocument();
  });

  it('a NACE-BEL 2008 code that is gone in 2025 (72.11) offers the 2025 class it became', async () => {
    const { user, send } = renderSector();
    await user.type(screen.getByRole('searchbox'), '72.11');
    expect(screen.getByText(/72\.11.*NACE-BEL 2008.*72\.10/)).toBeInTheDocument();
    await user.click(option('72.10'));
    await submit(user);
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'NEXT', answers: { nace: '72.10', naceVersion: '2025' } });
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
    expect(screen.getByText(T.sector.chosen).closest('p')).toHaveTextContent('10.7 Vervaardiging van bakkerijproducten');
    await submit(user);
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'NEXT', answers: { nace: '10.7' } });
  });

  it('a saved 2025 code shows its 2025 title and keeps its version', async () => {
    const { user, send } = renderSector({ nace: '25.30', naceVersion: '2025' });
    expect(screen.getByText(T.sector.chosen).closest('p')).toHaveTextContent('25.30 Vervaardiging van wapens en munitie');
    await submit(user);
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'NEXT', answers: { nace: '25.30', naceVersion: '2025' } });
  });
});
