// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FiguresPage } from '../../src/ui/pages/FiguresPage';
import { heading, renderPage, setupUi, submit, T } from './render';

setupUi();

const renderFigures = (answers = {}) =>
  renderPage(<FiguresPage />, { step: 'figures', answers: { region: 'flanders', province: 'limburg', staff: 12, ...answers } });
const turnover = () => screen.getByRole('textbox', { name: T.figures.turnoverLabel });
const balance = () => screen.getByRole('textbox', { name: T.figures.balanceLabel });
const unknownBoxes = () => screen.getAllByRole('checkbox', { name: new RegExp(`^${T.figures.unknown}`) });

describe('figures page', () => {
  it('asks turnover and balance-sheet total, each with a hint and an "I don\'t know"', () => {
    renderFigures();
    expect(heading()).toHaveTextContent(T.figures.title);
    expect(turnover()).toHaveAccessibleDescription(T.figures.turnoverHint);
    expect(balance()).toHaveAccessibleDescription(T.figures.balanceHint);
    expect(unknownBoxes()).toHaveLength(2);
    // each "I don't know" says which figure it is about, for screen-reader users
    expect(unknownBoxes()[0]).toHaveAccessibleName(expect.stringContaining(T.figures.turnoverLabel));
    expect(unknownBoxes()[1]).toHaveAccessibleName(expect.stringContaining(T.figures.balanceLabel));
  });

  it('accepts "1.800.000" and "EUR 2 mln"', async () => {
    const { user, send } = renderFigures();
    await user.type(turnover(), '1.800.000');
    await user.type(balance(), 'EUR 2 mln');
    await submit(user);
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'NEXT', answers: { turnoverEur: 1_800_000, balanceSheetEur: 2_000_000 } });
  });

  it('money as Belgians write it: "€ 1.800.000,-" and "1,8 miljoen"', async () => {
    const { user, send } = renderFigures();
    await user.type(turnover(), '€ 1.800.000,-');
    await user.type(balance(), '1,8 miljoen');
    await submit(user);
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'NEXT', answers: { turnoverEur: 1_800_000, balanceSheetEur: 1_800_000 } });
  });

  it('"I don\'t know" disables its input and is sent as unknown (null)', async () => {
    const { user, send } = renderFigures();
    const [turnoverUnknown] = unknownBoxes();
    await user.click(turnoverUnknown!);
    expect(turnover()).toBeDisabled();
    expect(balance()).toBeEnabled();
    await user.type(balance(), '900.000');
    await submit(user);
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'NEXT', answers: { turnoverEur: null, balanceSheetEur: 900_000 } });
  });

  it('both unknown is a valid answer', async () => {
    const { user, send } = renderFigures();
    for (const box of unknownBoxes()) await user.click(box);
    await submit(user);
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'NEXT', answers: { turnoverEur: null, balanceSheetEur: null } });
  });

  it('empty and not ticked: a required message per field that says how to fix it', async () => {
    const { user, send } = renderFigures();
    await submit(user);
    expect(send).not.toHaveBeenCalled();
    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('link', { name: T.figures.turnoverRequired })).toHaveAttribute('href', '#turnover');
    expect(within(summary).getByRole('link', { name: T.figures.balanceRequired })).toHaveAttribute('href', '#balance');
    expect(turnover()).toBeInvalid();
    expect(turnover()).toHaveAccessibleDescription(expect.stringContaining(T.figures.turnoverRequired));
  });

  it('ticking "I don\'t know" clears that field\'s error', async () => {
    const { user } = renderFigures();
    await submit(user);
    await user.click(unknownBoxes()[0]!);
    expect(screen.queryByText(T.figures.turnoverRequired)).not.toBeInTheDocument();
    expect(screen.getAllByText(T.figures.balanceRequired).length).toBeGreaterThan(0);
  });

  it('an amount it cannot read: the message gives examples and the typed text stays', async () => {
    const { user, send } = renderFigures();
    await user.type(turnover(), 'ongeveer twee miljoen');
    await user.type(balance(), '1,2,3');
    await submit(user);
    expect(send).not.toHaveBeenCalled();
    expect(turnover()).toHaveValue('ongeveer twee miljoen');
    expect(balance()).toHaveValue('1,2,3');
    expect(screen.getAllByText(T.figures.notAnAmount)).not.toHaveLength(0);
  });

  it('shows saved answers: amounts in Belgian notation, unknown ticked and disabled', () => {
    renderFigures({ turnoverEur: 1_800_000, balanceSheetEur: null });
    expect(turnover()).toHaveValue('1.800.000');
    expect(unknownBoxes()[1]).toBeChecked();
    expect(balance()).toBeDisabled();
  });
});
