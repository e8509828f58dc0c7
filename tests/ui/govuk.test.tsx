// @vitest-environment jsdom
// GOV.UK details (issue 12, item 7): focus on the error summary after every failed submit, the hidden
// inline-error prefix and the title's error prefix in the page's language, Back from a change link
// returns to check, Back and Change are buttons, and the copy button says what it does.
import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Lang } from '../../src/domain/types';
import { changeLanguage } from '../../src/i18n';
import { ErrorSummary } from '../../src/ui/components/ErrorSummary';
import { handoffLanguage } from '../../src/ui/pages/result/Handoff';
import { RegionPage } from '../../src/ui/pages/RegionPage';
import { SME } from '../helpers';
import { CONTENT as content, heading, renderAppAt, renderPage, setupUi, STRINGS, submit, T } from './render';

setupUi();

const LANGS = ['nl', 'en', 'fr'] as const satisfies readonly Lang[];
const fill = (s: string, vars: Record<string, string>) => s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? `{{${k}}}`);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the error summary takes focus after every failed submit', () => {
  const problem = { field: 'region', message: T.region.required };

  it('also when the failed submit is reported before its errors (react-hook-form does so on the first submit)', () => {
    const { rerender } = render(<ErrorSummary problems={[]} attempt={0} />);
    // The attempt first, without problems yet: nothing to focus.
    rerender(<ErrorSummary problems={[]} attempt={1} />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // Then the problems of that attempt: focus moves to the summary.
    rerender(<ErrorSummary problems={[problem]} attempt={1} />);
    expect(screen.getByRole('alert')).toHaveFocus();
  });

  it('not again while the problems change as the user types, but again on the next failed submit', () => {
    const { rerender } = render(<><input aria-label="field" /><ErrorSummary problems={[]} attempt={0} /></>);
    rerender(<><input aria-label="field" /><ErrorSummary problems={[problem]} attempt={1} /></>);
    expect(screen.getByRole('alert')).toHaveFocus();
    screen.getByRole('textbox', { name: 'field' }).focus();
    rerender(<><input aria-label="field" /><ErrorSummary problems={[{ ...problem, message: T.region.provinceRequired }]} attempt={1} /></>);
    expect(screen.getByRole('textbox', { name: 'field' })).toHaveFocus();
    rerender(<><input aria-label="field" /><ErrorSummary problems={[{ ...problem, message: T.region.provinceRequired }]} attempt={2} /></>);
    expect(screen.getByRole('alert')).toHaveFocus();
  });

  it('on a page: the first failed submit focuses it, and the second', async () => {
    const { user } = renderPage(<RegionPage />, { step: 'region' });
    await submit(user);
    expect(screen.getByRole('alert')).toHaveFocus();
    await user.click(screen.getByRole('radio', { name: T.region.options.flanders }));
    await submit(user);
    expect(screen.getByRole('alert')).toHaveTextContent(T.region.provinceRequired);
    expect(screen.getByRole('alert')).toHaveFocus();
  });
});

describe.each(LANGS)('error prefixes in the page\'s language (%s)', (lang) => {
  const S = STRINGS[lang];

  it('the hidden prefix of an inline error', async () => {
    await changeLanguage(lang);
    const { user } = renderPage(<RegionPage />, { step: 'region' });
    await submit(user, S);
    const inline = document.getElementById('region-error')!;
    expect(inline.querySelector('.visually-hidden')).toHaveTextContent(S.errors.prefix.trim());
    expect(inline.textContent).toBe(`${S.errors.prefix}${S.region.required}`);
    // (jsdom's accessible description drops the space after the hidden prefix; browsers keep it.)
    const description = expect.stringMatching(new RegExp(`${escape(S.errors.prefix.trim())}\\s*${escape(S.region.required)}$`));
    expect(screen.getByRole('group', { name: S.region.title })).toHaveAccessibleDescription(description);
    if (lang !== 'en') expect(inline.textContent).not.toContain('Error:');
  });

  it('the title: prefixed after a failed submit, not once the errors are gone nor on the next page', async () => {
    const { user } = await renderAppAt('staff', { region: 'flanders', province: 'limburg' }, lang);
    const plain = `${S.staff.title} - ${S.app.title}`;
    expect(document.title).toBe(plain);
    await submit(user, S);
    expect(document.title).toBe(`${S.errors.prefix}${plain}`);
    // Typing a valid number clears the errors (react-hook-form validates again on change): no prefix.
    await user.type(screen.getByRole('textbox', { name: S.staff.title }), '12');
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(document.title).toBe(plain);
    // Failed again, then corrected and sent: the next page's title has no prefix.
    await user.clear(screen.getByRole('textbox', { name: S.staff.title }));
    await submit(user, S);
    expect(document.title).toBe(`${S.errors.prefix}${plain}`);
    await user.type(screen.getByRole('textbox', { name: S.staff.title }), '12');
    await submit(user, S);
    expect(heading()).toHaveTextContent(S.figures.title);
    expect(document.title).toBe(`${S.figures.title} - ${S.app.title}`);
  });
});

describe('Back and Change', () => {
  const changeButton = (label: string) => screen.getByRole('button', { name: new RegExp(`^${escape(T.check.change)}\\s*${escape(label)}$`) });

  it('are buttons, not links to "#"', async () => {
    const { user } = await renderAppAt('check', SME);
    expect(document.querySelectorAll('a[href="#"]')).toHaveLength(0);
    expect(screen.getByRole('button', { name: T.nav.back })).toHaveAttribute('type', 'button');
    const rows = document.querySelectorAll('dl.summary-list .summary-row');
    expect(screen.getAllByRole('button', { name: new RegExp(`^${escape(T.check.change)}`) })).toHaveLength(rows.length);
    for (const b of screen.getAllByRole('button', { name: new RegExp(`^${escape(T.check.change)}`) })) expect(b).toHaveAttribute('type', 'button');
    await user.click(changeButton(T.check.staff));
    expect(heading()).toHaveTextContent(T.staff.title);
    expect(document.querySelectorAll('a[href="#"]')).toHaveLength(0);
  });

  it('Back on a page opened from a change link returns to check answers, not to the question before', async () => {
    const { user } = await renderAppAt('check', SME);
    await user.click(changeButton(T.check.ownership));
    expect(heading()).toHaveTextContent(T.ownership.title);
    await user.click(screen.getByRole('button', { name: T.nav.back }));
    await waitFor(() => expect(heading()).toHaveTextContent(T.check.title));
    expect(heading()).toHaveFocus();
    // The change link is done with: Back on check goes to the last question as always.
    await user.click(screen.getByRole('button', { name: T.nav.back }));
    await waitFor(() => expect(heading()).toHaveTextContent(T.needs.title));
  });
});

describe.each(LANGS)('the copy button says what it does (%s)', (lang) => {
  const S = STRINGS[lang];
  const region = 'brussels';
  const name = content.channels[region]!.name[lang];
  const mailLang = handoffLanguage(content.channels[region]!, lang);
  const language = S.languageName[mailLang];

  it('its label and note say it copies (no mail program opens), and the confirmation says what was copied', async () => {
    const { user } = await renderAppAt('result', { mode: 'client', region }, lang);
    expect(content.channels[region]!.contact.email).toBeUndefined();
    const copy = await screen.findByRole('button', { name: fill(S.handoff.copy, { name }) });
    const paragraph = copy.closest('p')!;
    expect(paragraph).toHaveTextContent(fill(S.handoff.copyNote, { language, name }));
    expect(paragraph).not.toHaveTextContent(fill(S.handoff.note, { language }));
    await user.click(copy);
    await waitFor(() => expect(within(paragraph).getByRole('status')).toHaveTextContent(fill(S.handoff.copied, { name })));
    expect((await navigator.clipboard.readText()).split('\n')).toContain(STRINGS[mailLang].handoff.greeting);
  });

  it('says so when the browser refuses to copy', async () => {
    const { user } = await renderAppAt('result', { mode: 'client', region }, lang);
    const copy = await screen.findByRole('button', { name: fill(S.handoff.copy, { name }) });
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    await user.click(copy);
    await waitFor(() => expect(within(copy.closest('p')!).getByRole('status')).toHaveTextContent(S.handoff.copyFailed));
  });
});
