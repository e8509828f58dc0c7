// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RegionPage } from '../../src/ui/pages/RegionPage';
import { heading, renderPage, setupUi, submit, T } from './render';

setupUi();

const renderRegion = (answers = {}) => renderPage(<RegionPage />, { step: 'region', answers });
const errorSummary = () => screen.getByRole('alert');

describe('region page', () => {
  it('asks where the firm operates in a fieldset whose legend is the page heading', () => {
    renderRegion();
    const group = screen.getByRole('group', { name: T.region.title });
    expect(heading()).toHaveTextContent(T.region.title);
    for (const label of Object.values(T.region.options)) expect(within(group).getByRole('radio', { name: label })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: T.nav.back })).toBeInTheDocument();
  });

  it('reveals the provinces only once Flanders is chosen', async () => {
    const { user } = renderRegion();
    expect(screen.queryByRole('group', { name: T.region.provinceLegend })).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: T.region.options.flanders }));
    const provinces = screen.getByRole('group', { name: T.region.provinceLegend });
    expect(within(provinces).getAllByRole('radio')).toHaveLength(5);
    await user.click(screen.getByRole('radio', { name: T.region.options.brussels }));
    expect(screen.queryByRole('group', { name: T.region.provinceLegend })).not.toBeInTheDocument();
  });

  it('with nothing chosen: an error summary linked to the field, an inline error, and nothing sent', async () => {
    const { user, send } = renderRegion();
    await submit(user);

    expect(send).not.toHaveBeenCalled();
    expect(errorSummary()).toHaveTextContent(T.errors.summaryTitle);
    expect(errorSummary()).toHaveFocus();
    const link = within(errorSummary()).getByRole('link', { name: T.region.required });
    expect(link).toHaveAttribute('href', '#region');
    const group = screen.getByRole('group', { name: T.region.title });
    expect(within(group).getByText(T.region.required)).toHaveAttribute('id', 'region-error');
    expect(group).toHaveAttribute('aria-describedby', expect.stringContaining('region-error'));

    await user.click(link);
    expect(screen.getByRole('radio', { name: T.region.options.flanders })).toHaveFocus();
  });

  it('a province is required for Flanders', async () => {
    const { user, send } = renderRegion();
    await user.click(screen.getByRole('radio', { name: T.region.options.flanders }));
    await submit(user);

    expect(send).not.toHaveBeenCalled();
    const link = within(errorSummary()).getByRole('link', { name: T.region.provinceRequired });
    expect(link).toHaveAttribute('href', '#province');
    await user.click(link);
    expect(screen.getByRole('radio', { name: 'Antwerpen' })).toHaveFocus();

    await user.click(screen.getByRole('radio', { name: 'West-Vlaanderen' }));
    await submit(user);
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'NEXT', answers: { region: 'flanders', province: 'west-vlaanderen' } });
  });

  it('a region outside Flanders needs no province (and none is sent)', async () => {
    const { user, send } = renderRegion({ region: 'flanders', province: 'limburg' });
    await user.click(screen.getByRole('radio', { name: T.region.options.wallonia }));
    await submit(user);
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'NEXT', answers: { region: 'wallonia' } });
  });

  it('shows the saved answer when the user comes back', () => {
    renderRegion({ region: 'flanders', province: 'oost-vlaanderen' });
    expect(screen.getByRole('radio', { name: T.region.options.flanders })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Oost-Vlaanderen' })).toBeChecked();
  });

  it('the back link asks the machine to go back', async () => {
    const { user, send } = renderRegion();
    await user.click(screen.getByRole('button', { name: T.nav.back }));
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'BACK' });
  });
});
