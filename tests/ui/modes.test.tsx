// @vitest-environment jsdom
// Who fills it in (owner, accountant, advisor at intake): the mode chosen on the start page, the wording that follows it in every
// language, the warning-lights page (always for accountants and advisors, on request for owners) and
// "which signal led where" on the result.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { refer } from '../../src/domain/refer';
import type { Lang } from '../../src/domain/types';
import { TriggersPage } from '../../src/ui/pages/TriggersPage';
import { NeedsPage } from '../../src/ui/pages/NeedsPage';
import { completeProfile, type Answers } from '../../src/wizard/answers';
import { type Mode } from '../../src/wizard/modes';
import { parseSaved } from '../../src/wizard/persistence';
import { SAVE_KEY } from '../../src/wizard/storage';
import { METAL_WORKSHOP, METAL_WORKSHOP_CLIENT } from '../helpers';
import { CONTENT as content, enterWizard, firstScreen, fold, heading, queryFolds, renderApp, renderAppAt, renderPage, sent, setupUi, STRINGS, submit, T, wording } from './render';

setupUi();

const CLIENT_WORDS = wording('client');
const INTAKE_WORDS = wording('intake');
/** How each language names the firm in each mode (content/locales firm.*). */
const FIRM: Record<Lang, Record<Mode, string>> = {
  nl: { owner: 'uw onderneming', client: 'de onderneming van uw klant', intake: 'de onderneming' },
  en: { owner: 'your firm', client: "your client's firm", intake: 'the firm' },
  fr: { owner: 'votre entreprise', client: "l'entreprise de votre client", intake: "l'entreprise" },
};
const triggerLabel = (id: string, lang: Lang = 'nl') => content.triggers.find((t) => t.id === id)!.label[lang];
const needLabel = (id: string) => content.needs.find((n) => n.id === id)!.label.nl;
const channelName = (id: string, lang: Lang = 'nl') => content.channels[id]!.name[lang];
/** The check page's summary as label -> value. */
const summary = () => Object.fromEntries([...document.querySelectorAll('dl.summary-list .summary-row')].map((r) => [r.querySelector('dt')!.textContent, r.querySelector('dd')!.textContent]));

describe('the mode, chosen on the start page', () => {
  it('offers "for my own firm" (chosen), "for a client" and "intake" as one radio group', async () => {
    await renderApp();
    const group = screen.getByRole('group', { name: T.start.modeLegend });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('value'))).toEqual(['owner', 'client', 'intake']);
    expect(within(group).getByRole('radio', { name: T.start.mode.owner })).toBeChecked();
    expect(within(group).getByRole('radio', { name: T.start.mode.client })).not.toBeChecked();
    expect(within(group).getByRole('radio', { name: T.start.mode.intake })).not.toBeChecked();
  });

  it('"for a client": the questions speak of the client\'s firm, the path has the warning lights, the mode is kept with the answers', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('radio', { name: T.start.mode.client }));
    await enterWizard(user, T.start.button);
    const W = CLIENT_WORDS.nl;
    expect(heading()).toHaveTextContent(W.region.title);
    expect(heading().textContent).toContain(FIRM.nl.client);
    // One more page than an owner's 10: the warning lights.
    expect(screen.getByText('Stap 1 van 11')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: T.region.options.flanders }));
    await user.click(screen.getByRole('radio', { name: 'Limburg' }));
    await submit(user);
    expect(heading()).toHaveTextContent(W.staff.title);
    expect(parseSaved(localStorage.getItem(SAVE_KEY))).toMatchObject({ ok: true, value: { answers: { mode: 'client', region: 'flanders' } } });
  });

  it('"intake": the questions speak of "the firm"', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('radio', { name: T.start.mode.intake }));
    await enterWizard(user, T.start.button);
    expect(heading()).toHaveTextContent(INTAKE_WORDS.nl.region.title);
    expect(heading().textContent).not.toContain(FIRM.nl.owner);
    expect(screen.getByText('Stap 1 van 11')).toBeInTheDocument();
  });

  it('by default the owner: "your firm", no warning lights on the path', async () => {
    const { user } = await renderApp();
    await enterWizard(user, T.start.button);
    expect(heading()).toHaveTextContent(T.region.title);
    expect(heading().textContent).toContain(FIRM.nl.owner);
    expect(screen.getByText('Stap 1 van 10')).toBeInTheDocument();
  });
});

describe('"for a client": the wording follows the mode in every language', () => {
  // Every page with the answers already given, from the region to the result.
  it.each(['nl', 'en', 'fr'] as const)('%s: each question speaks of the client\'s firm, through to the result', async (lang) => {
    const W = CLIENT_WORDS[lang];
    const firm = FIRM[lang].client;
    // (Turnover unknown: a saved amount shown again in English or French is misread, see the bug below.)
    const { user } = await renderAppAt('region', { ...METAL_WORKSHOP_CLIENT, turnoverEur: null }, lang);
    const pages: Array<[string, boolean]> = [
      [W.region.title, true],
      [W.staff.title, true],
      [W.figures.title, false],
      [W.ownership.title, true],
      [W.sector.title, true],
      [W.innovation.introducedTitle, true],
      [W.innovation.practicesTitle, true],
      [W.needs.title, false],
      [W.triggers.title, true],
    ];
    for (const [title, namesFirm] of pages) {
      expect(heading()).toHaveTextContent(title);
      if (namesFirm) expect(heading().textContent!.toLowerCase()).toContain(firm.toLowerCase());
      // The owner's wording of the same heading is not what the client's adviser reads.
      expect(heading().textContent).not.toContain(FIRM[lang].owner);
      if (title === W.innovation.introducedTitle) {
        // Follow-up questions too.
        expect(screen.getByRole('group', { name: W.innovation.processInHouse })).toBeInTheDocument();
      }
      await submit(user, W);
    }
    expect(heading()).toHaveTextContent(W.check.title);
    await user.click(screen.getByRole('button', { name: W.check.submit }));
    expect(heading()).toHaveTextContent(W.result.title);
    // The result speaks about the firm: the first step in the third person, "how we read the client's firm".
    const first = refer(completeProfile({ ...METAL_WORKSHOP_CLIENT, turnoverEur: null }, content)!, content, lang, 'about').recommendations[0]!.channel;
    const about = content.about.channels[first]!.action[lang];
    expect(about).not.toBe(content.channels[first]!.action[lang]);
    expect(within(firstScreen()!).getByRole('heading', { level: 2 })).toHaveTextContent(about);
    expect(fold(W.result.firmPlace).querySelector('summary')!.textContent!.toLowerCase()).toContain(firm.toLowerCase());
    expect(document.querySelector('main')!.textContent).not.toContain(content.channels[first]!.action[lang]);
    expect(document.querySelector('main')!.textContent).not.toContain(FIRM[lang].owner);
  });

  // BUG (reported): hints, error messages and some sub-questions still say "your firm" in client mode
  // (region.hint, region.required, region.provinceRequired, sector.required, innovation.newGoodsHint,
  // innovation.productNewToMarket, pyramid.description).
  it('no text on the question pages speaks of "your firm" to an accountant', async () => {
    const { user } = await renderAppAt('region', { ...METAL_WORKSHOP_CLIENT, innovation: { newGoods: true, productInHouse: true, productNewToMarket: false } });
    for (let i = 0; i < 9; i++) {
      expect(document.querySelector('main')!.textContent).not.toContain(FIRM.nl.owner);
      await submit(user, CLIENT_WORDS.nl);
    }
  });

  // BUG (reported, not about modes as such): the figures page shows a saved amount in the language's own
  // notation ("1,800,000" in English, "1 800 000" with U+202F in French) but reads it back with the
  // Belgian rules: "1,800,000" is refused, "250,000" silently becomes 250 euro. Going back to the
  // figures page (or following its change link) in English or French then breaks the walk.
  it.each(['en', 'fr'] as const)('%s: a saved turnover shown again on the figures page is read back unchanged', async (lang) => {
    const W = CLIENT_WORDS[lang];
    const { user } = await renderAppAt('figures', { ...METAL_WORKSHOP_CLIENT, turnoverEur: 250_000, balanceSheetEur: null }, lang);
    await submit(user, W);
    expect(heading()).toHaveTextContent(W.ownership.title);
    expect(parseSaved(localStorage.getItem(SAVE_KEY))).toMatchObject({ ok: true, value: { answers: { turnoverEur: 250_000, balanceSheetEur: null } } });
  });

  it('the advisor at intake reads "the firm" in every language', async () => {
    for (const lang of ['en', 'fr'] as const) {
      await renderAppAt('staff', { ...METAL_WORKSHOP_CLIENT, mode: 'intake' }, lang);
      expect(heading()).toHaveTextContent(INTAKE_WORDS[lang].staff.title);
      expect(heading().textContent).toContain(FIRM[lang].intake);
      expect(heading().textContent).not.toContain(FIRM[lang].owner);
      document.body.innerHTML = '';
    }
  });
});

describe('the warning-lights page', () => {
  const atNeeds = (mode: Mode): Answers => ({ ...METAL_WORKSHOP, mode, needs: undefined });

  it.each(['client', 'intake'] as const)('is always asked in mode %s (no opt-in on the needs page)', async (mode) => {
    const { user } = await renderAppAt('needs', atNeeds(mode));
    expect(screen.queryByRole('checkbox', { name: T.needs.showTriggers })).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: needLabel('practical-problem') }));
    await submit(user);
    expect(heading()).toHaveTextContent(wording(mode).nl.triggers.title);
    expect(screen.getByText(`Stap 9 van 11`)).toBeInTheDocument();
  });

  it('an owner goes from the needs to the check page, unless they tick the opt-in', async () => {
    const { user } = await renderAppAt('needs', atNeeds('owner'));
    const optIn = screen.getByRole('checkbox', { name: T.needs.showTriggers });
    expect(optIn).not.toBeChecked();
    expect(optIn).toHaveAccessibleDescription(T.needs.showTriggersHint);
    await user.click(screen.getByRole('checkbox', { name: needLabel('practical-problem') }));
    await submit(user);
    expect(heading()).toHaveTextContent(T.check.title);
    expect(Object.keys(summary())).not.toContain(T.check.triggers);

    await user.click(screen.getByRole('button', { name: T.nav.back }));
    expect(heading()).toHaveTextContent(T.needs.title);
    await user.click(screen.getByRole('checkbox', { name: T.needs.showTriggers }));
    await submit(user);
    expect(heading()).toHaveTextContent(T.triggers.title);
    expect(heading().textContent).toContain(FIRM.nl.owner);
    await user.click(screen.getByRole('checkbox', { name: triggerLabel('quality-complaints') }));
    await submit(user);
    expect(heading()).toHaveTextContent(T.check.title);
    expect(summary()[T.check.triggers]).toBe(triggerLabel('quality-complaints'));

    await user.click(screen.getByRole('button', { name: T.check.submit }));
    expect(heading()).toHaveTextContent(T.result.title);
    // The warning light counts: Blikopener's reasons now include the one about quality complaints ...
    const profile = (a: Answers) => completeProfile(a, content)!;
    const withLight = refer(profile({ ...METAL_WORKSHOP, showTriggers: true, triggers: ['quality-complaints'], triggersAnswered: true, needs: ['practical-problem'] }), content, 'nl');
    const without = refer(profile(METAL_WORKSHOP), content, 'nl');
    const why = (r: typeof without) => r.recommendations.find((x) => x.channel === 'led')!.why;
    const added = why(withLight).filter((w) => !why(without).includes(w));
    expect(added.length).toBeGreaterThan(0);
    for (const w of added) expect(screen.getByText(w)).toBeInTheDocument();
    // ... and "which signal led where" names it (folded).
    expect(withLight.signals.length).toBeGreaterThan(0);
    const signals = fold(T.result.signals);
    expect(signals.open).toBe(false);
    expect(within(signals).getByText(triggerLabel('quality-complaints'))).toBeInTheDocument();
  });

  it('an owner who unticks the opt-in again loses the page (and its signals leave the referral)', async () => {
    const owner: Answers = { ...METAL_WORKSHOP, mode: 'owner', showTriggers: true, triggers: ['quality-complaints'], triggersAnswered: true };
    const { user } = await renderAppAt('needs', owner);
    expect(screen.getByRole('checkbox', { name: T.needs.showTriggers })).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: T.needs.showTriggers }));
    await submit(user);
    expect(heading()).toHaveTextContent(T.check.title);
    await user.click(screen.getByRole('button', { name: T.check.submit }));
    expect(heading()).toHaveTextContent(T.result.title);
    expect(screen.queryByRole('heading', { name: T.result.signals })).not.toBeInTheDocument();
    expect(screen.queryByText(triggerLabel('quality-complaints'))).not.toBeInTheDocument();
  });

  it('the needs page sends the owner\'s opt-in, and no opt-in for other modes', async () => {
    const owner = renderPage(<NeedsPage />, { step: 'needs', answers: atNeeds('owner') });
    await owner.user.click(screen.getByRole('checkbox', { name: needLabel('training') }));
    await owner.user.click(screen.getByRole('checkbox', { name: T.needs.showTriggers }));
    await submit(owner.user);
    expect(sent(owner.send, 'NEXT')).toEqual([{ type: 'NEXT', answers: { needs: ['training'], showTriggers: true } }]);
    owner.unmount();

    const client = renderPage(<NeedsPage />, { step: 'needs', answers: atNeeds('client') });
    await client.user.click(screen.getByRole('checkbox', { name: needLabel('training') }));
    await submit(client.user);
    expect(sent(client.send, 'NEXT')).toEqual([{ type: 'NEXT', answers: { needs: ['training'] } }]);
  });

  it('lists every warning light of content/ with its hint, and "none of these"', () => {
    renderPage(<TriggersPage />, { step: 'triggers', answers: { ...METAL_WORKSHOP, mode: 'client' } });
    const group = screen.getByRole('group', { name: T.triggers.title });
    expect(within(group).getAllByRole('checkbox')).toHaveLength(content.triggers.length + 1);
    for (const tr of content.triggers) {
      expect(within(group).getByRole('checkbox', { name: tr.label.nl })).toHaveAccessibleDescription(tr.hint.nl);
    }
    expect(within(group).getByRole('checkbox', { name: T.triggers.none })).toBeInTheDocument();
    // At least the signals the issue names.
    const ids = content.triggers.map((t) => t.id);
    for (const id of ['falling-turnover', 'falling-margins', 'quality-complaints', 'lost-customer', 'customer-demand', 'new-regulation', 'skills-gap', 'digitalisation-pressure', 'sustainability-pressure', 'succession']) expect(ids).toContain(id);
  });

  it('sends the ticked signals; "none of these" sends an empty list', async () => {
    const a = renderPage(<TriggersPage />, { step: 'triggers', answers: { ...METAL_WORKSHOP, mode: 'client' } });
    await a.user.click(screen.getByRole('checkbox', { name: triggerLabel('new-regulation') }));
    await a.user.click(screen.getByRole('checkbox', { name: triggerLabel('skills-gap') }));
    await submit(a.user);
    expect(sent(a.send, 'NEXT')).toEqual([{ type: 'NEXT', answers: { triggers: ['new-regulation', 'skills-gap'], triggersAnswered: true } }]);
    a.unmount();

    const b = renderPage(<TriggersPage />, { step: 'triggers', answers: { ...METAL_WORKSHOP, mode: 'client' } });
    await b.user.click(screen.getByRole('checkbox', { name: T.triggers.none }));
    await submit(b.user);
    expect(sent(b.send, 'NEXT')).toEqual([{ type: 'NEXT', answers: { triggers: [], triggersAnswered: true } }]);
  });

  it('nothing ticked, or "none" with a signal: an error that says what to do, nothing sent', async () => {
    const { user, send } = renderPage(<TriggersPage />, { step: 'triggers', answers: { ...METAL_WORKSHOP, mode: 'client' } });
    await submit(user);
    expect(screen.getAllByText(T.triggers.required).length).toBeGreaterThan(0);
    await user.click(screen.getByRole('checkbox', { name: T.triggers.none }));
    await user.click(screen.getByRole('checkbox', { name: triggerLabel('succession') }));
    await submit(user);
    expect(screen.getAllByText(T.triggers.noneAndOthers).length).toBeGreaterThan(0);
    expect(sent(send, 'NEXT')).toEqual([]);
  });

  it('shows the signals given before ("none" when none were)', () => {
    renderPage(<TriggersPage />, { step: 'triggers', answers: { ...METAL_WORKSHOP_CLIENT } });
    expect(screen.getByRole('checkbox', { name: triggerLabel('quality-complaints') })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: triggerLabel('new-regulation') })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: T.triggers.none })).not.toBeChecked();
    document.body.innerHTML = '';
    renderPage(<TriggersPage />, { step: 'triggers', answers: { ...METAL_WORKSHOP_CLIENT, triggers: [] } });
    expect(screen.getByRole('checkbox', { name: T.triggers.none })).toBeChecked();
  });
});

describe('the result: which signal led where', () => {
  it('names each signal and the channels it led to: quality complaints to Blikopener, new regulation to the innovation advisor', async () => {
    await renderAppAt('result', METAL_WORKSHOP_CLIENT);
    const section = fold(T.result.signals);
    expect(section.open).toBe(false);
    const items = within(section).getAllByRole('listitem');
    const expected = refer(completeProfile(METAL_WORKSHOP_CLIENT, content)!, content, 'nl').signals;
    expect(items.map((li) => li.textContent)).toEqual(
      expected.map((s) => `${triggerLabel(s.trigger)}: ${s.channels.length ? s.channels.map((id) => channelName(id)).join(', ') : T.result.signalNoChannel}`),
    );
    const quality = items.find((li) => li.textContent!.startsWith(triggerLabel('quality-complaints')))!;
    expect(quality).toHaveTextContent(channelName('led'));
    const regulation = items.find((li) => li.textContent!.startsWith(triggerLabel('new-regulation')))!;
    expect(regulation).toHaveTextContent(channelName('innovation-centre'));
  });

  it('a signal that led to no channel of its own says so', async () => {
    // A large firm: the SME wallet is closed to it and Blikopener's sustainability rule is for SMEs.
    const answers: Answers = { ...METAL_WORKSHOP_CLIENT, staff: 400, turnoverEur: undefined, triggers: ['skills-gap', 'sustainability-pressure'] };
    const signals = refer(completeProfile(answers, content)!, content, 'nl').signals;
    expect(signals.find((s) => s.trigger === 'sustainability-pressure')!.channels).toEqual([]);
    await renderAppAt('result', answers);
    const section = fold(T.result.signals);
    const sustainability = within(section).getByText(triggerLabel('sustainability-pressure')).closest('li')!;
    expect(sustainability).toHaveTextContent(`${triggerLabel('sustainability-pressure')}: ${T.result.signalNoChannel}`);
    const skills = within(section).getByText(triggerLabel('skills-gap')).closest('li')!;
    for (const id of signals.find((s) => s.trigger === 'skills-gap')!.channels) expect(skills).toHaveTextContent(channelName(id));
  });

  it('in English, the signals and channels in English', async () => {
    await renderAppAt('result', METAL_WORKSHOP_CLIENT, 'en');
    const section = fold(STRINGS.en.result.signals);
    expect(within(section).getByText(triggerLabel('quality-complaints', 'en'))).toBeInTheDocument();
    expect(section).toHaveTextContent(channelName('led', 'en'));
  });

  it('no warning lights, no section', async () => {
    await renderAppAt('result', { ...METAL_WORKSHOP_CLIENT, triggers: [] });
    expect(heading()).toHaveTextContent(CLIENT_WORDS.nl.result.title);
    expect(firstScreen()).not.toBeNull();
    expect(queryFolds(T.result.signals)).toEqual([]);
    expect(screen.queryByRole('heading', { name: T.result.signals })).not.toBeInTheDocument();
  });
});

