// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OwnershipPage } from '../../src/ui/pages/OwnershipPage';
import { heading, renderPage, setupUi, submit, T } from './render';

setupUi();

const renderOwnership = (answers = {}) => renderPage(<OwnershipPage />, { step: 'ownership', answers: { region: 'flanders', province: 'limburg', staff: 12, ...answers } });

describe('ownership page', () => {
  it('asks one yes/no question in a fieldset whose legend is the heading, with an explanation', () => {
    renderOwnership();
    expect(heading()).toHaveTextContent(T.ownership.title);
    const group = screen.getByRole('group', { name: T.ownership.title });
    expect(group).toHaveAccessibleDescription(T.ownership.hint);
    expect(within(group).getAllByRole('radio')).toHaveLength(2);
  });

  it.each([[T.common.yes, true], [T.common.no, false]])('"%s" is sent as ownedByLargeGroup: %s', async (label, value) => {
    const { user, send } = renderOwnership();
    await user.click(screen.getByRole('radio', { name: label }));
    await submit(user);
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'NEXT', answers: { ownedByLargeGroup: value } });
  });

  it('nothing chosen: "choose yes or no", linked to the field', async () => {
    const { user, send } = renderOwnership();
    await submit(user);
    expect(send).not.toHaveBeenCalled();
    expect(within(screen.getByRole('alert')).getByRole('link', { name: T.ownership.required })).toHaveAttribute('href', '#owned');
  });

  it('shows the saved answer', () => {
    renderOwnership({ ownedByLargeGroup: false });
    expect(screen.getByRole('radio', { name: T.common.no })).toBeChecked();
    expect(screen.getByRole('radio', { name: T.common.yes })).not.toBeChecked();
  });
});
