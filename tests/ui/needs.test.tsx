// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NeedsPage } from '../../src/ui/pages/NeedsPage';
import { CONTENT as content, heading, renderPage, setupUi, submit, T } from './render';

setupUi();

const renderNeeds = (needs?: string[]) => renderPage(<NeedsPage />, { step: 'needs', answers: { region: 'flanders', province: 'limburg', needs } });
const need = (id: string) => content.needs.find((n) => n.id === id)!;

describe('needs page', () => {
  it('offers every need in plain words with examples, including "not sure yet"', () => {
    renderNeeds();
    expect(heading()).toHaveTextContent(T.needs.title);
    const group = screen.getByRole('group', { name: T.needs.title });
    expect(within(group).getAllByRole('checkbox')).toHaveLength(content.needs.length);
    for (const n of content.needs) {
      expect(within(group).getByRole('checkbox', { name: n.label.nl })).toBeInTheDocument();
      expect(within(group).getByText(n.hint.nl)).toBeInTheDocument();
    }
    expect(within(group).getByRole('checkbox', { name: need('not-sure').label.nl })).toBeInTheDocument();
  });

  // Option hints have their own ids (not the group hint's).
  it('each need is described by its own examples, and every id on the page is unique', () => {
    const { container } = renderNeeds();
    for (const n of content.needs) {
      expect(screen.getByRole('checkbox', { name: n.label.nl })).toHaveAccessibleDescription(n.hint.nl);
    }
    const ids = [...container.querySelectorAll('[id]')].map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('at least one: the message says so and offers "not sure yet"', async () => {
    const { user, send } = renderNeeds();
    await submit(user);
    expect(send).not.toHaveBeenCalled();
    expect(within(screen.getByRole('alert')).getByRole('link', { name: T.needs.required })).toHaveAttribute('href', '#needs');
  });

  it('one need is sent as a list of one', async () => {
    const { user, send } = renderNeeds();
    await user.click(screen.getByRole('checkbox', { name: need('not-sure').label.nl }));
    await submit(user);
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'NEXT', answers: { needs: ['not-sure'], showTriggers: false } });
  });

  it('several needs are all sent', async () => {
    const { user, send } = renderNeeds();
    await user.click(screen.getByRole('checkbox', { name: need('financing').label.nl }));
    await user.click(screen.getByRole('checkbox', { name: need('training').label.nl }));
    await submit(user);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![0]).toEqual({ type: 'NEXT', answers: { needs: expect.arrayContaining(['financing', 'training']), showTriggers: false } });
    expect((send.mock.calls[0]![0] as { answers: { needs: string[] } }).answers.needs).toHaveLength(2);
  });

  it('shows the saved needs', () => {
    renderNeeds(['advice', 'partners']);
    expect(screen.getByRole('checkbox', { name: need('advice').label.nl })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: need('partners').label.nl })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: need('training').label.nl })).not.toBeChecked();
  });
});
