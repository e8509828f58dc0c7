// @vitest-environment jsdom
// Prefilled links (README, "Share and prefilled links"): a partial profile opens the first question it
// leaves open, its answers kept, in the mode the link names; links damaged by mail and copying still open.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { heading, renderApp, setupUi, submit, T, wording, wizardShown } from './render';

setupUi();

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o), 'utf8').toString('base64url');
/** What an accountant's CRM knows of a client: the firm's place, size and figures; not its ownership, activity or needs. */
const CRM = { region: 'flanders', province: 'limburg', staff: 12, turnoverEur: 1_800_000, balanceSheetEur: 900_000 };
const CLIENT = wording('client').nl;
const back = () => screen.getByText(T.nav.back);

describe('a prefilled link', () => {
  it('opens the first open question in the link\'s mode, with the given answers kept behind it', async () => {
    const { user } = await renderApp({ hash: `#r=${b64({ v: 1, mode: 'client', profile: CRM })}` });
    expect(heading()).toHaveTextContent(CLIENT.ownership.title);
    expect(CLIENT.ownership.title).not.toBe(T.ownership.title);
    expect(heading()).toHaveFocus();
    expect(location.hash).toBe('');
    // Nothing was answered on this page.
    expect(screen.getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked)).toHaveLength(0);

    await user.click(back());
    expect(heading()).toHaveTextContent(CLIENT.figures.title);
    expect(screen.getByRole('textbox', { name: T.figures.turnoverLabel })).toHaveValue('1.800.000');
    await user.click(back());
    expect(heading()).toHaveTextContent(CLIENT.staff.title);
    expect(screen.getByRole('textbox')).toHaveValue('12');
  });

  it('without a mode: the owner\'s wording', async () => {
    await renderApp({ hash: `#r=${b64({ v: 1, profile: CRM })}` });
    expect(heading()).toHaveTextContent(T.ownership.title);
  });

  it('with the answers of every page but the needs: the needs page', async () => {
    await renderApp({ hash: `#r=${b64({ v: 1, profile: { ...CRM, ownedByLargeGroup: false, nace: '25.62', innovation: { newGoods: true } } })}` });
    expect(heading()).toHaveTextContent(T.needs.title);
  });

  it('a province alone: the region page is answered, the staff page is next', async () => {
    const { user } = await renderApp({ hash: `#r=${b64({ v: 1, mode: 'intake', profile: { province: 'antwerpen' } })}` });
    expect(heading()).toHaveTextContent(wording('intake').nl.staff.title);
    await user.type(screen.getByRole('textbox'), '4');
    await submit(user);
    expect(heading()).toHaveTextContent(wording('intake').nl.figures.title);
  });

  it('the questions the link answered are not asked again: Continue goes to the next one it left open, then to check', async () => {
    // The CRM knows the size, the figures and the activity, but not the province, the ownership or the innovation.
    const { region: _, province: __, ...known } = CRM;
    const { user } = await renderApp({ hash: `#r=${b64({ v: 1, mode: 'client', profile: { region: 'flanders', ...known, nace: '25.62' } })}` });
    expect(heading()).toHaveTextContent(CLIENT.region.title);
    await user.click(within(screen.getByRole('group', { name: CLIENT.region.provinceLegend })).getAllByRole('radio')[0]!);
    await submit(user);
    // Not staff nor figures (the link answered both): the ownership question.
    expect(heading()).toHaveTextContent(CLIENT.ownership.title);
    await user.click(screen.getByRole('radio', { name: T.common.no }));
    await submit(user);
    // Not the sector (the link gave NACE 25.62): the first innovation question.
    expect(heading()).toHaveTextContent(CLIENT.innovation.introducedTitle);
    // Back still walks every page, answers kept.
    await user.click(back());
    expect(heading()).toHaveTextContent(CLIENT.sector.title);
  });

  it('Back from its first question to the start page keeps the link\'s mode chosen, and starting again keeps the wording', async () => {
    const { user } = await renderApp({ hash: `#r=${b64({ v: 1, mode: 'client', profile: { staff: 12 } })}` });
    expect(heading()).toHaveTextContent(CLIENT.region.title);
    await user.click(back());
    expect(heading()).toHaveTextContent(T.start.title);
    expect(screen.getByRole('radio', { name: T.start.mode.client })).toBeChecked();
    await user.click(screen.getByRole('button', { name: T.start.button }));
    expect(heading()).toHaveTextContent(CLIENT.region.title);
  });

  it('a bad field refuses the whole link with the notice, and nothing of it is kept', async () => {
    await renderApp({ hash: `#r=${b64({ v: 1, profile: { ...CRM, staff: -12 } })}` });
    // The notice says what is wrong: the field, its value and what is allowed.
    const [before, after] = T.notice['link-invalid'].split('{{detail}}') as [string, string];
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent(before.trim());
    expect(status).toHaveTextContent(after.trim());
    expect(status).toHaveTextContent(/staff heeft een ongeldige waarde \(-12\)\. Verwacht: een getal vanaf 0/);
    expect(heading()).toHaveTextContent(T.start.title);
  });

  it('a mode that is not one of the three refuses the link', async () => {
    await renderApp({ hash: `#r=${b64({ v: 1, mode: 'boss', profile: CRM })}` });
    expect(screen.getByRole('status')).toHaveTextContent('mode heeft een ongeldige waarde ("boss"). Verwacht: een van owner, client, intake.');
  });
});

describe('a link damaged by mail or copying', () => {
  const link = b64({ v: 1, profile: CRM });

  it('"#" percent-encoded into the path: it opens, and the address bar is the app\'s own again', async () => {
    history.replaceState(null, '', `/%23r=${link}`);
    await renderApp();
    await wizardShown();
    expect(heading()).toHaveTextContent(T.ownership.title);
    expect(location.pathname).toBe('/');
    expect(location.hash).toBe('');
  });

  it.each([
    ['"=" percent-encoded', `#r%3D${link}`],
    ['a full stop at the end', `#r=${link}.`],
    ['a closing bracket at the end', `#r=${link})`],
  ])('%s: it opens', async (_, hash) => {
    await renderApp({ hash });
    expect(heading()).toHaveTextContent(T.ownership.title);
    expect(location.hash).toBe('');
  });

  it('other damage still gets the damaged-link notice', async () => {
    await renderApp({ hash: `#r=${link},` });
    expect(screen.getByRole('status')).toHaveTextContent(T.notice['link-damaged']);
    expect(heading()).toHaveTextContent(T.start.title);
  });
});
