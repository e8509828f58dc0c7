// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { changeLanguage } from '../../src/i18n';
import { StaffPage } from '../../src/ui/pages/StaffPage';
import { heading, renderPage, setupUi, STRINGS, submit, T } from './render';

setupUi();

const renderStaff = (answers = {}) => renderPage(<StaffPage />, { step: 'staff', answers: { region: 'flanders', province: 'limburg', ...answers } });
const input = () => screen.getByRole('textbox', { name: T.staff.title });

describe('staff page', () => {
  it('asks for staff in annual work units, explained in a sentence, with the label as page heading', () => {
    renderStaff();
    expect(heading()).toHaveTextContent(T.staff.title);
    expect(input()).toHaveAccessibleDescription(T.staff.hint);
    expect(input()).toHaveAttribute('inputmode', 'decimal');
  });

  it('accepts Belgian notation: "12,5" is twelve and a half', async () => {
    const { user, send } = renderStaff();
    await user.type(input(), '12,5');
    await submit(user);
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'NEXT', answers: { staff: 12.5 } });
  });

  it('"twaalf": an inline error that says how to fix it, linked from the summary; the typed value stays', async () => {
    const { user, send } = renderStaff();
    await user.type(input(), 'twaalf');
    await submit(user);

    expect(send).not.toHaveBeenCalled();
    expect(input()).toHaveValue('twaalf');
    expect(input()).toBeInvalid();
    expect(input()).toHaveAccessibleDescription(expect.stringContaining(T.staff.notANumber));
    expect(T.staff.notANumber).toMatch(/12,5/); // the message shows how to write it
    const link = within(screen.getByRole('alert')).getByRole('link', { name: T.staff.notANumber });
    await user.click(link);
    expect(input()).toHaveFocus();

    await user.clear(input());
    await user.type(input(), '12');
    await submit(user);
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'NEXT', answers: { staff: 12 } });
  });

  it.each([
    ['', T.staff.required],
    ['-3', T.staff.negative],
    ['2000000', T.staff.tooLarge],
  ])('%j is refused with "%s"', async (typed, message) => {
    const { user, send } = renderStaff();
    if (typed) await user.type(input(), typed);
    await submit(user);
    expect(send).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent(message);
  });

  it('shows the saved answer in the notation of the language', async () => {
    renderStaff({ staff: 12.5 });
    expect(input()).toHaveValue('12,5');
  });

  it('shows the saved answer in English notation in English', async () => {
    await changeLanguage('en');
    renderStaff({ staff: 1250.5 });
    expect(screen.getByRole('textbox', { name: STRINGS.en.staff.title })).toHaveValue('1,250.5');
  });

  it('"1,250" shown in English, then the language switched to Dutch: still 1250, never re-read as 1.25', async () => {
    await changeLanguage('en');
    const { user, send } = renderStaff({ staff: 1250 });
    expect(screen.getByRole('textbox', { name: STRINGS.en.staff.title })).toHaveValue('1,250');
    await act(() => changeLanguage('nl'));
    await submit(user);
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'NEXT', answers: { staff: 1250 } });
  });

  it('"1,250" typed in English, then the language switched before Continue: read as typed, 1250', async () => {
    await changeLanguage('en');
    const { user, send } = renderStaff();
    await user.type(screen.getByRole('textbox', { name: STRINGS.en.staff.title }), '1,250');
    await act(() => changeLanguage('nl'));
    await submit(user);
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'NEXT', answers: { staff: 1250 } });
  });

  it('keeps what was typed (not submitted) when the page goes away', async () => {
    const { user, drafts, unmount } = renderStaff();
    await user.type(input(), 'twaalf');
    unmount();
    expect(drafts.staff).toEqual({ staff: 'twaalf' });
  });
});
