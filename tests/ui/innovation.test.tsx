// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { IntroducedPage, PracticesPage } from '../../src/ui/pages/InnovationPages';
import type { Answers } from '../../src/wizard/answers';
import { heading, renderPage, setupUi, submit, T } from './render';

setupUi();

const I = T.innovation;
const before: Answers = { region: 'flanders', province: 'limburg', staff: 12, turnoverEur: null, balanceSheetEur: null, ownedByLargeGroup: false, nace: '25.62' };
const box = (label: string) => screen.getByRole('checkbox', { name: label });
const followUp = (legend: string) => screen.queryByRole('group', { name: legend });
const answer = (user: UserEvent, legend: string, label: string) => user.click(within(followUp(legend)!).getByRole('radio', { name: label }));

describe('introduced page (what the firm introduced in the last three years)', () => {
  const renderIntroduced = (answers: Answers = before) => renderPage(<IntroducedPage />, { step: 'introduced', answers });

  it('asks one "tick all that apply" question with plain options and "none of these"', () => {
    renderIntroduced();
    expect(heading()).toHaveTextContent(I.introducedTitle);
    const group = screen.getByRole('group', { name: I.tickAll });
    expect(within(group).getAllByRole('checkbox').map((c) => c.getAttribute('value')))
      .toEqual(['newGoods', 'newServices', 'newProductionMethods', 'newLogistics', 'newSupportProcesses', 'none']);
    expect(box(I.newGoods)).toHaveAccessibleDescription(I.newGoodsHint);
  });

  it('no follow-up questions before anything is ticked, nor after "none of these"', async () => {
    const { user } = renderIntroduced();
    for (const q of [I.productInHouse, I.productNewToMarket, I.processInHouse]) expect(followUp(q)).toBeNull();
    await user.click(box(I.noneOfThese));
    for (const q of [I.productInHouse, I.productNewToMarket, I.processInHouse]) expect(followUp(q)).toBeNull();
  });

  it('a yes on new products or services asks whether they were developed in-house and new to the market', async () => {
    const { user } = renderIntroduced();
    await user.click(box(I.newServices));
    expect(followUp(I.productInHouse)).toBeInTheDocument();
    expect(followUp(I.productNewToMarket)).toBeInTheDocument();
    expect(followUp(I.processInHouse)).toBeNull();
    await user.click(box(I.newServices));
    expect(followUp(I.productInHouse)).toBeNull();
  });

  it('a yes on new processes asks only whether they were developed in-house', async () => {
    const { user } = renderIntroduced();
    await user.click(box(I.newLogistics));
    expect(followUp(I.processInHouse)).toBeInTheDocument();
    expect(followUp(I.productInHouse)).toBeNull();
    expect(followUp(I.productNewToMarket)).toBeNull();
  });

  it('sends every answer, with follow-ups that were not asked as "no"', async () => {
    const { user, send } = renderIntroduced();
    await user.click(box(I.newGoods));
    await answer(user, I.productInHouse, T.common.yes);
    await answer(user, I.productNewToMarket, T.common.no);
    await submit(user);
    expect(send).toHaveBeenCalledExactlyOnceWith({
      type: 'NEXT',
      answers: {
        introducedAnswered: true,
        innovation: {
          newGoods: true, newServices: false, newProductionMethods: false, newLogistics: false, newSupportProcesses: false,
          productInHouse: true, productNewToMarket: false, processInHouse: false,
        },
      },
    });
  });

  it('"none of these" sends all no, and keeps the answers of the practices page', async () => {
    const { user, send } = renderIntroduced({ ...before, innovation: { cooperation: true } });
    await user.click(box(I.noneOfThese));
    await submit(user);
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'NEXT', answers: { innovation: { cooperation: true, newGoods: false, processInHouse: false } } });
  });

  it('"none" plus another is an error that says how to resolve it', async () => {
    const { user, send } = renderIntroduced();
    await user.click(box(I.newGoods));
    await user.click(box(I.noneOfThese));
    await submit(user);
    expect(send).not.toHaveBeenCalled();
    expect(within(screen.getByRole('alert')).getByRole('link', { name: I.noneAndOthers })).toHaveAttribute('href', '#introduced');
  });

  it('nothing ticked, or a follow-up left open, is an error', async () => {
    const { user, send } = renderIntroduced();
    await submit(user);
    expect(screen.getByRole('alert')).toHaveTextContent(I.tickRequired);
    await user.click(box(I.newProductionMethods));
    await submit(user);
    expect(send).not.toHaveBeenCalled();
    expect(within(screen.getByRole('alert')).getByRole('link', { name: I.answerYesNo })).toHaveAttribute('href', '#processInHouse');
  });

  it('shows saved answers when the user comes back', () => {
    renderIntroduced({ ...before, introducedAnswered: true, innovation: { newProductionMethods: true, processInHouse: true } });
    expect(box(I.newProductionMethods)).toBeChecked();
    expect(box(I.newGoods)).not.toBeChecked();
    expect(within(followUp(I.processInHouse)!).getByRole('radio', { name: T.common.yes })).toBeChecked();
  });

  it('shows "none of these" ticked when that was the answer', () => {
    renderIntroduced({ ...before, introducedAnswered: true, innovation: { newGoods: false } });
    expect(box(I.noneOfThese)).toBeChecked();
  });
});

describe('practices page (how the firm goes about innovation)', () => {
  const renderPractices = (answers: Answers = { ...before, introducedAnswered: true, innovation: { newGoods: true } }) =>
    renderPage(<PracticesPage />, { step: 'practices', answers });

  it('asks one "tick all that apply" question', () => {
    renderPractices();
    expect(heading()).toHaveTextContent(I.practicesTitle);
    expect(within(screen.getByRole('group', { name: I.tickAll })).getAllByRole('checkbox').map((c) => c.getAttribute('value')))
      .toEqual(['inHouseRnd', 'innovationSpending', 'boughtKnowledge', 'cooperation', 'none']);
  });

  it('the R&D staff follow-up appears only after in-house R&D', async () => {
    const { user } = renderPractices();
    for (const label of [I.innovationSpending, I.boughtKnowledge, I.cooperation]) await user.click(box(label));
    expect(followUp(I.rndStaff)).toBeNull();
    await user.click(box(I.inHouseRnd));
    expect(followUp(I.rndStaff)).toBeInTheDocument();
    await user.click(box(I.inHouseRnd));
    expect(followUp(I.rndStaff)).toBeNull();
  });

  it('sends the practices, keeping the answers of the introduced page', async () => {
    const { user, send } = renderPractices();
    await user.click(box(I.inHouseRnd));
    await answer(user, I.rndStaff, T.common.yes);
    await user.click(box(I.innovationSpending));
    await submit(user);
    expect(send).toHaveBeenCalledExactlyOnceWith({
      type: 'NEXT',
      answers: {
        practicesAnswered: true,
        innovation: { newGoods: true, inHouseRnd: true, rndStaff: true, innovationSpending: true, boughtKnowledge: false, cooperation: false },
      },
    });
  });

  it('R&D staff counts only with in-house R&D (a yes given before un-ticking is dropped)', async () => {
    const { user, send } = renderPractices();
    await user.click(box(I.inHouseRnd));
    await answer(user, I.rndStaff, T.common.yes);
    await user.click(box(I.inHouseRnd));
    await user.click(box(I.cooperation));
    await submit(user);
    expect(send.mock.calls[0]![0]).toMatchObject({ answers: { innovation: { inHouseRnd: false, rndStaff: false, cooperation: true } } });
  });

  it('ticking in-house R&D ticks spending on innovation too, and says why (CIS: in-house R&D is innovation expenditure)', async () => {
    const { user, send } = renderPractices();
    expect(box(I.innovationSpending)).not.toBeChecked();
    expect(screen.queryByText(I.spendingImplied)).toBeNull();
    await user.click(box(I.inHouseRnd));
    expect(box(I.innovationSpending)).toBeChecked();
    expect(box(I.innovationSpending)).toHaveAccessibleDescription(`${I.innovationSpendingHint} ${I.spendingImplied}`);
    await answer(user, I.rndStaff, T.common.no);
    await submit(user);
    expect(send.mock.calls[0]![0]).toMatchObject({ answers: { innovation: { inHouseRnd: true, innovationSpending: true } } });
  });

  it('un-ticking spending while in-house R&D stays ticked still counts spending as yes (the note says so)', async () => {
    const { user, send } = renderPractices();
    await user.click(box(I.inHouseRnd));
    await answer(user, I.rndStaff, T.common.yes);
    await user.click(box(I.innovationSpending));
    expect(box(I.innovationSpending)).not.toBeChecked();
    expect(screen.getByText(I.spendingImplied)).toBeInTheDocument();
    await submit(user);
    expect(send.mock.calls[0]![0]).toMatchObject({ answers: { innovation: { inHouseRnd: true, rndStaff: true, innovationSpending: true } } });
  });

  it('in-house R&D without the follow-up answered is an error', async () => {
    const { user, send } = renderPractices();
    await user.click(box(I.inHouseRnd));
    await submit(user);
    expect(send).not.toHaveBeenCalled();
    expect(within(screen.getByRole('alert')).getByRole('link', { name: I.answerYesNo })).toHaveAttribute('href', '#rndStaff');
  });

  it('"none" plus another is an error', async () => {
    const { user, send } = renderPractices();
    await user.click(box(I.noneOfThese));
    await user.click(box(I.cooperation));
    await submit(user);
    expect(send).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent(I.noneAndOthers);
  });
});
