// @vitest-environment jsdom
// Field cases of the figures page (/work/shared/cases/field/30 and 31), in each language the case
// names: money as people type it in English ("€1,800,000", "1.8m") next to the Dutch forms
// (tests/ui/figures.test.tsx), and the inline error of a refused amount prefixed in the page's
// language ("Fout: ", "Erreur : "), never in English.
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/domain/types';
import { changeLanguage } from '../../src/i18n';
import { FiguresPage } from '../../src/ui/pages/FiguresPage';
import { renderPage, setupUi, STRINGS, submit } from './render';

setupUi();
afterEach(async () => {
  await changeLanguage('nl');
});

const renderFigures = async (lang: Lang) => {
  await changeLanguage(lang);
  return renderPage(<FiguresPage />, { step: 'figures', answers: { region: 'flanders', province: 'limburg', staff: 12 }, lang });
};
const turnover = (lang: Lang) => screen.getByRole('textbox', { name: STRINGS[lang].figures.turnoverLabel });
const balance = (lang: Lang) => screen.getByRole('textbox', { name: STRINGS[lang].figures.balanceLabel });

describe('field case 30: money typed on the figures page', () => {
  it.each([
    ['en', '€1,800,000', '1.8m', 1_800_000, 1_800_000],
    ['en', '1,800,000.50', 'EUR 2 million', 1_800_000.5, 2_000_000],
    ['nl', '€ 1.800.000,-', '1,8 miljoen', 1_800_000, 1_800_000],
    ['fr', '1 800 000 €', '1,8 million', 1_800_000, 1_800_000],
  ] as const)('%s: "%s" and "%s" are read as typed', async (lang, t, b, turnoverEur, balanceSheetEur) => {
    const { user, send } = await renderFigures(lang);
    await user.type(turnover(lang), t);
    await user.type(balance(lang), b);
    await submit(user, STRINGS[lang]);
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'NEXT', answers: { turnoverEur, balanceSheetEur } });
  });
});

describe('field case 31: the inline error of a refused amount is prefixed in the page\'s language', () => {
  it.each(['nl', 'fr', 'en'] as const)('%s', async (lang) => {
    const S = STRINGS[lang];
    const { user, send } = await renderFigures(lang);
    await user.type(turnover(lang), 'ongeveer twee miljoen');
    await user.type(balance(lang), '900.000');
    await submit(user, S);
    expect(send).not.toHaveBeenCalled();
    const describedBy = turnover(lang).getAttribute('aria-describedby')!.split(' ');
    const inline = describedBy.map((id) => document.getElementById(id)!).find((el) => el.textContent!.includes(S.figures.notAnAmount))!;
    expect(inline.textContent).toBe(`${S.errors.prefix}${S.figures.notAnAmount}`);
    expect(inline.querySelector('.visually-hidden')).toHaveTextContent(S.errors.prefix.trim());
    if (lang !== 'en') expect(inline.textContent).not.toContain(STRINGS.en.errors.prefix.trim());
  });
});
