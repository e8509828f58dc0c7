// @vitest-environment jsdom
// An unexpected error on a page shows a calm message with a way back to the last good step; the
// answers stay intact and nothing is sent anywhere. The figures page is replaced by one that throws
// while `failing.on` is set (React retries a failed render once, so it must keep throwing until the
// test says stop), then renders the real page.
import { screen, waitFor, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseSaved } from '../../src/wizard/persistence';
import { SAVE_KEY } from '../../src/wizard/storage';
import { heading, renderAppAt, setupUi, submit, T } from '../ui/render';

const failing = vi.hoisted(() => ({ on: false, renders: 0 }));

vi.mock('../../src/ui/pages/FiguresPage', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/ui/pages/FiguresPage')>();
  return {
    ...actual,
    FiguresPage: () => {
      failing.renders++;
      if (failing.on) throw new Error('boom: the figures page broke');
      return createElement(actual.FiguresPage);
    },
  };
});

setupUi();

const ANSWERS = { region: 'flanders', province: 'limburg', staff: 12.5 } as const;

describe('error boundary around every page', () => {
  let sent: Array<ReturnType<typeof vi.fn>>;
  beforeEach(() => {
    failing.on = false;
    failing.renders = 0;
    // React reports a caught render error on the console; the test checks the page instead.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    sent = [
      vi.spyOn(globalThis, 'fetch').mockImplementation(() => Promise.reject(new Error('no network in this test'))),
      ...(typeof navigator.sendBeacon === 'function' ? [vi.spyOn(navigator, 'sendBeacon')] : []),
      vi.spyOn(XMLHttpRequest.prototype, 'open'),
    ];
  });
  afterEach(() => { failing.on = false; });

  it('a page that throws: a calm message (a heading, focus on it, a way back), the answers intact, nothing sent', async () => {
    failing.on = true;
    const { user } = await renderAppAt('figures', ANSWERS);
    expect(failing.renders).toBeGreaterThan(0);

    const alert = screen.getByRole('alert');
    expect(heading()).toHaveTextContent(T.pageError.title);
    await waitFor(() => expect(heading()).toHaveFocus());
    expect(within(alert).getByText(T.pageError.text)).toBeInTheDocument();
    // The header, the language switch and the footer are still there: only the page was replaced.
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('contentinfo')).toBeInTheDocument();
    // The saved progress is untouched by the failure.
    expect(parseSaved(localStorage.getItem(SAVE_KEY))).toMatchObject({ ok: true, value: { answers: ANSWERS, step: 'figures' } });

    // The way back: the last good step, with its answer.
    failing.on = false;
    await user.click(within(alert).getByRole('button', { name: T.pageError.back }));
    expect(heading()).toHaveTextContent(T.staff.title);
    expect(screen.getByRole('textbox', { name: T.staff.title })).toHaveValue('12,5');
    expect(screen.queryByRole('alert')).toBeNull();

    // Going on works again, and the earlier answers are all still there.
    await submit(user);
    expect(heading()).toHaveTextContent(T.figures.title);
    expect(screen.getByRole('textbox', { name: T.figures.turnoverLabel })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: T.nav.back }));
    await user.click(screen.getByRole('button', { name: T.nav.back }));
    expect(heading()).toHaveTextContent(T.region.title);
    expect(screen.getByRole('radio', { name: T.region.options.flanders })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Limburg' })).toBeChecked();

    for (const spy of sent) expect(spy).not.toHaveBeenCalled();
  });

  it('a page that throws after the user answered the page before: the message, then back with that answer', async () => {
    const { user } = await renderAppAt('staff', { region: 'flanders', province: 'limburg' });
    await user.type(screen.getByRole('textbox', { name: T.staff.title }), '7');
    failing.on = true;
    await submit(user);
    expect(heading()).toHaveTextContent(T.pageError.title);
    failing.on = false;
    await user.click(screen.getByRole('button', { name: T.pageError.back }));
    expect(heading()).toHaveTextContent(T.staff.title);
    expect(screen.getByRole('textbox', { name: T.staff.title })).toHaveValue('7');
    for (const spy of sent) expect(spy).not.toHaveBeenCalled();
  });

  it('the message is in the language the user chose', async () => {
    failing.on = true;
    const { user } = await renderAppAt('figures', ANSWERS);
    const { STRINGS } = await import('../ui/render');
    await user.click(within(screen.getByRole('navigation', { name: T.lang.label })).getByRole('button', { name: 'English' }));
    await waitFor(() => expect(heading()).toHaveTextContent(STRINGS.en.pageError.title));
    expect(screen.getByRole('button', { name: STRINGS.en.pageError.back })).toBeInTheDocument();
  });
});
