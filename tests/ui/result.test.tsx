// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { engineFor, refer, referRegion } from '../../src/domain/refer';
import { formatDate } from '../../src/domain/format';
import { completeProfile, type Answers } from '../../src/wizard/answers';
import { decodeShareFragment, parseSaved } from '../../src/wizard/persistence';
import { SAVE_KEY } from '../../src/wizard/storage';
import { METAL_WORKSHOP, METAL_WORKSHOP_CLIENT, SME } from '../helpers';
import { CONTENT as content, enterWizard, fill, firstScreen, fold, heading, LARGE, queryFolds, renderApp, renderAppAt, setupUi, STRINGS, submit, T, wording } from './render';

setupUi();

const R = T.result;
const voiceOf = (a: Answers) => (a.mode === 'client' || a.mode === 'intake' ? 'about' : 'you');
const referral = (a: Answers) => refer(completeProfile(a, content)!, content, 'nl', voiceOf(a));
const channelName = (id: string) => content.channels[id]!.name.nl;
/** A channel's one-sentence action as the owner reads it. */
const action = (id: string) => content.channels[id]!.action.nl;
/** Content text as the page shows it: the safe markup ([label](url), *emphasis*) rendered as text. */
const plain = (s: string) => s.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1').replace(/\*([^*]+)\*/g, '$1');
const section = (name: string) => screen.getByRole('region', { name });
const costLine = (glance: string[]) => `${R.costTime}${R.colon} ${glance.length ? glance.join(' · ') : R.costTimeAsk}`;
/** The facts-and-sources fold, whatever its count. */
const factsFold = () => {
  const found = [...document.querySelectorAll<HTMLDetailsElement>('main details')].filter((d) => d.querySelector(':scope > summary')?.textContent?.startsWith(R.factsSources.split('(')[0]!));
  expect(found).toHaveLength(1);
  return found[0]!;
};
const factTexts = () => [...factsFold().querySelectorAll('ul.sources > li')].map((li) => li.textContent!);

describe('result page', () => {
  it('the first screen says what to do first, with whom and what it costs; the rest is folded', async () => {
    for (const answers of [SME, LARGE]) {
      const { unmount } = await renderAppAt('result', answers);
      const expected = referral(answers).recommendations[0]!;
      const channel = content.channels[expected.channel]!;

      expect(heading()).toHaveTextContent(R.title);
      // The section is named by the sentence to act on.
      const first = section(action(expected.channel));
      expect(first).toBe(firstScreen());
      expect(within(first).getByRole('heading', { level: 2 })).toHaveTextContent(action(expected.channel));
      expect(within(first).getByText(fill(R.startHere, { name: channel.name.nl }))).toBeInTheDocument();
      expect(within(first).getByText(expected.contact.organisation)).toBeInTheDocument();
      expect(first.querySelector('.glance')).toHaveTextContent(costLine(expected.glance));
      // Not folded, and before anything folded.
      expect(first.closest('details')).toBeNull();
      const folds = [...document.querySelectorAll('main details')];
      expect(folds.length).toBeGreaterThan(2);
      for (const d of folds) expect(first.compareDocumentPosition(d) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      // The owner's result opens with nothing unfolded.
      expect(folds.filter((d) => (d as HTMLDetailsElement).open)).toEqual([]);
      unmount();
    }
    // One of the two firms has cost-and-time facts for its first channel, so the line is not always "ask".
    expect([SME, LARGE].some((a) => referral(a).recommendations[0]!.glance.length > 0)).toBe(true);
  });

  it('the first channel\'s fold: what it is, why it fits (without the quoted facts), how it goes on, its website', async () => {
    await renderAppAt('result', SME);
    const expected = referral(SME).recommendations[0]!;
    const channel = content.channels[expected.channel]!;
    const details = fold(fill(R.moreAbout, { name: channel.name.nl }));
    expect(details.open).toBe(false);
    expect(details).toHaveTextContent(channel.summary.nl);

    const why = within(details).getByRole('heading', { name: R.whyFits });
    const reasons = [...(why.nextElementSibling as HTMLElement).querySelectorAll('li')].map((li) => li.textContent);
    expect(reasons).toEqual(expected.why.map(plain));
    // The facts a reason quotes are under "facts and sources", not repeated among the reasons.
    expect(expected.facts.length).toBeGreaterThan(0);
    for (const id of expected.facts) {
      const text = engineFor(content).fact(id)!.text.nl;
      for (const r of reasons) expect(r).not.toContain(text);
    }

    expect(within(details).getByRole('heading', { name: R.howItGoes }).nextElementSibling).toHaveTextContent(channel.firstStep.nl);
    const site = within(details).getAllByRole('link').find((a) => a.getAttribute('href') === String(channel.contact.url.value));
    expect(site).toBeDefined();
    // The first screen already says whom to contact: the fold does not repeat the contact point.
    expect(within(details).queryByText(expected.contact.organisation)).toBeNull();
  });

  it('misunderstandings worth clearing up ("good to know") are among the facts, each fact once', async () => {
    let quoted = 0;
    for (const answers of [SME, METAL_WORKSHOP_CLIENT]) {
      const expected = referral(answers).recommendations[0]!;
      const channel = content.channels[expected.channel]!;
      const myths = channel.facts.filter((f) => f.kind === 'myth');
      expect(myths.length).toBeGreaterThan(0);
      quoted += myths.filter((f) => expected.facts.includes(f.id)).length;
      const { unmount } = await renderAppAt('result', answers);
      const texts = factTexts();
      for (const myth of myths) expect(texts.filter((t) => t.startsWith(myth.text.nl))).toHaveLength(1);
      // Each fact once, and the count in the summary is the number listed.
      expect(new Set(texts).size).toBe(texts.length);
      expect(factsFold().querySelector('summary')).toHaveTextContent(fill(wording(answers.mode ?? 'owner').nl.result.factsSources, { count: texts.length }));
      unmount();
    }
    // At least one of these firms has a misunderstanding quoted among its reasons too (so "once" is exercised).
    expect(quoted).toBeGreaterThan(0);
  });

  it('facts: what the cost line and the reasons rest on; background (history, figures) only at intake', async () => {
    const expected = referral(METAL_WORKSHOP).recommendations;
    const engine = engineFor(content);
    const ids = [...new Set(expected.flatMap((r) => [...r.glanceFacts, ...r.facts]))];
    const background = ids.filter((id) => ['history', 'figure'].includes(engine.fact(id)!.kind));
    expect(background.length).toBeGreaterThan(0);

    const { unmount } = await renderAppAt('result', METAL_WORKSHOP);
    let texts = factTexts();
    for (const id of ids) {
      const f = engine.fact(id)!;
      expect(texts.some((t) => t.startsWith(f.text.nl))).toBe(!background.includes(id));
    }
    unmount();

    const intake: Answers = { ...METAL_WORKSHOP_CLIENT, mode: 'intake' };
    const intakeIds = new Set(referral(intake).recommendations.flatMap((r) => [...r.glanceFacts, ...r.facts]));
    expect(background.every((id) => intakeIds.has(id))).toBe(true);
    await renderAppAt('result', intake);
    texts = factTexts();
    for (const id of intakeIds) expect(texts.some((t) => t.startsWith(engine.fact(id)!.text.nl))).toBe(true);
  });

  it('"how we read the firm" (folded): size, segment with its meaning, technology class, the pyramid and the step up', async () => {
    await renderAppAt('result', SME);
    const r = referral(SME);
    const details = fold(R.firmPlace);
    expect(details.open).toBe(false);
    const terms = Object.fromEntries([...details.querySelectorAll('dl > div')].map((row) => [row.querySelector('dt')!.textContent, row.querySelector('dd')!.textContent]));
    expect(terms).toEqual({
      [R.sizeTerm]: content.labels.sizeClass[r.sizeClass].nl,
      [R.segmentTerm]: `${content.labels.segment[r.segment].nl}: ${content.pyramid.segments[r.segment].meaning.nl}`,
      [R.techTerm]: content.labels.techClass[r.techClass].nl,
    });
    expect(within(details).getByRole('heading', { name: R.pathUp }).nextElementSibling).toHaveTextContent(content.pyramid.segments[r.segment].next.nl);
    // The old profile line above the result is gone: this is the one place.
    expect(document.querySelector('.profile-line')).toBeNull();
  });

  it('a provisional size says so where the size is named', async () => {
    const unsure: Answers = { ...SME, turnoverEur: null, balanceSheetEur: null };
    const r = referral(unsure);
    expect(r.sizeProvisional).toBe(true);
    await renderAppAt('result', unsure);
    const size = [...fold(R.firmPlace).querySelectorAll('dl > div')].find((row) => row.querySelector('dt')!.textContent === R.sizeTerm)!;
    expect(size.querySelector('dd')).toHaveTextContent(`${content.labels.sizeClass[r.sizeClass].nl} ${R.provisional}`);
  });

  it('ranks the other channels as short cards: name, one line, the rest folded', async () => {
    await renderAppAt('result', SME);
    const recs = referral(SME).recommendations;
    const expected = recs.slice(1);
    expect(expected.length).toBeGreaterThan(0);
    const others = section(R.others);
    const items = [...others.querySelectorAll<HTMLElement>('li.other-channel')];
    expect(items.map((li) => li.querySelector(':scope > h3')!.textContent)).toEqual(expected.map((r) => channelName(r.channel)));
    expect(items[0]!.parentElement!.tagName).toBe('OL');
    items.forEach((li, i) => {
      const r = expected[i]!;
      const line = r.laterBecause[0] ?? r.why[0] ?? fill(R.afterFirst, { first: channelName(recs[0]!.channel) });
      expect(li.querySelector(':scope > .later')!.textContent).toBe(plain(line));
      // Everything else about it is folded: its action, contact point, cost line and reasons.
      const details = li.querySelector<HTMLDetailsElement>(':scope > details')!;
      expect(details.open).toBe(false);
      expect(details.querySelector('summary')).toHaveTextContent(fill(R.moreAbout, { name: channelName(r.channel) }));
      expect(details).toHaveTextContent(`${R.nextStep}: ${action(r.channel)}`);
      expect(within(details).getByText(r.contact.organisation)).toBeInTheDocument();
      expect(details.querySelector('.glance')).toHaveTextContent(costLine(r.glance));
      expect(within(li).queryByText(r.contact.organisation)!.closest('details')).toBe(details);
    });
  });

  it('what does not fit (a large firm: the SME wallet) and what would bring other channels into view, folded', async () => {
    await renderAppAt('result', LARGE);
    const r = referral(LARGE);
    expect(r.notEligible.map((n) => n.channel)).toContain('kmo-portefeuille');
    expect(r.notRecommended.length).toBeGreaterThan(0);
    const details = fold(R.notNow);
    expect(details.open).toBe(false);
    const notAvailable = within(details).getByRole('heading', { name: R.notAvailable }).nextElementSibling as HTMLElement;
    expect(within(notAvailable).getAllByRole('listitem').map((li) => li.textContent)).toEqual(r.notEligible.map((n) => `${channelName(n.channel)}: ${n.reason}`));
    const wouldOpen = within(details).getByRole('heading', { name: R.wouldOpen }).nextElementSibling as HTMLElement;
    expect(within(wouldOpen).getAllByRole('listitem').map((li) => li.textContent)).toEqual(r.notRecommended.map((n) => n.opensWith));
    // Not offered as a channel anywhere.
    expect(screen.queryByRole('heading', { level: 3, name: channelName('kmo-portefeuille') })).toBeNull();
    expect(firstScreen()).not.toHaveTextContent(channelName('kmo-portefeuille'));
  });

  it('the pyramid is an SVG with a title and a description naming the firm\'s segment and the distribution', async () => {
    await renderAppAt('result', SME);
    const r = referral(SME);
    const svg = screen.getByRole('img', { name: new RegExp(`^${T.pyramid.title}`) });
    expect(svg.tagName.toLowerCase()).toBe('svg');
    expect(svg.querySelector('title')).toHaveTextContent(T.pyramid.title);
    const desc = svg.querySelector('desc')!.textContent!;
    expect(desc).toContain(content.labels.segment[r.segment].nl);
    expect(desc).toContain(`${content.labels.segment.leader.nl} ${content.pyramid.distribution['low-tech'].leader}%`);
    expect(svg.getAttribute('aria-labelledby')).toBe('pyramid-title pyramid-desc');
    expect(svg.querySelectorAll('.pyramid-band--mine')).toHaveLength(1);
    expect(svg.closest('details')).toBe(fold(R.firmPlace));
  });

  it('lists the facts with their sources and dates (folded), and the content version in view', async () => {
    await renderAppAt('result', SME);
    const details = factsFold();
    expect(details.open).toBe(false);
    const sources = details.closest('section')!;
    const items = [...details.querySelectorAll('ul.sources > li')] as HTMLElement[];
    expect(sources).toBe(section(fill(R.factsSources, { count: items.length })));
    expect(items.length).toBeGreaterThan(0);
    for (const li of items) {
      expect(within(li).getByRole('link').getAttribute('href')).toMatch(/^https?:\/\//);
      expect(li.textContent).toMatch(new RegExp(R.checkedOn.replace('{{date}}', '\\d{1,2} \\p{L}+ \\d{4}'), 'u'));
    }
    const version = R.contentVersion.replace('{{version}}', formatDate(content.meta.contentVersion, 'nl'));
    expect(version).toMatch(/\d{4}/);
    const shown = within(sources).getByText(version);
    expect(shown.closest('details')).toBeNull();
  });

  it('printing unfolds every fold, and folds them again after', async () => {
    await renderAppAt('result', SME);
    const folds = [...document.querySelectorAll<HTMLDetailsElement>('main details')];
    expect(folds.length).toBeGreaterThan(2);
    dispatchEvent(new Event('beforeprint'));
    expect(folds.every((d) => d.open)).toBe(true);
    dispatchEvent(new Event('afterprint'));
    expect(folds.some((d) => d.open)).toBe(false);
  });

  it('an owner gets print, share and start again: no names, letter, export, hand-off or reasoning', async () => {
    const owner: Answers = { ...METAL_WORKSHOP, mode: 'owner', showTriggers: true, triggers: ['quality-complaints'], triggersAnswered: true };
    await renderAppAt('result', owner);
    const main = document.querySelector('main')!;
    expect(within(main).getAllByRole('button').filter((b) => b.tagName === 'BUTTON').map((b) => b.textContent)).toEqual([R.backToCheck, R.print, R.share, R.startAgain]);
    expect(within(main).queryAllByRole('textbox')).toEqual([]);
    expect(within(main).queryAllByRole('link').filter((a) => a.getAttribute('href')!.startsWith('mailto:') && a.getAttribute('href')!.includes('?'))).toEqual([]);
    expect(document.querySelector('article.letter')).toBeNull();
    expect(document.querySelector('.advisor-view')).toBeNull();
    expect(document.querySelector('.handoff')).toBeNull();
    expect(screen.queryByRole('heading', { name: T.advisor.title })).toBeNull();
  });

  it('a source with its own page date shows that date next to the checked date', async () => {
    // A small firm that asks for cybersecurity: the trajectory's rate rests on a page of 1 March 2023.
    await renderAppAt('result', { ...SME, needs: ['cybersecurity'] });
    const fact = content.channels.cybersecurity!.facts.find((f) => f.id === 'cyber-rate')!;
    const facts = document.querySelector<HTMLElement>('ul.sources')!;
    const item = within(facts).getByText((_, el) => el?.tagName === 'LI' && el.textContent!.startsWith(fact.text.nl));
    const dated = R.pageDated.replace('{{date}}', formatDate(fact.pageDate!, 'nl'));
    const checked = R.checkedOn.replace('{{date}}', formatDate(fact.checked, 'nl'));
    expect(item).toHaveTextContent(`${dated}, ${checked}`);
  });

  it('print opens the print dialog', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const { user } = await renderAppAt('result', SME);
    await user.click(screen.getByRole('button', { name: R.print }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('share copies a link whose fragment carries the answers, and says where it is', async () => {
    const { user } = await renderAppAt('result', SME);
    await user.click(screen.getByRole('button', { name: R.share }));
    expect(await screen.findByText(R.shareCopied)).toBeInTheDocument();
    const url = new URL(await navigator.clipboard.readText());
    expect(url.origin + url.pathname).toBe(location.origin + location.pathname);
    expect(url.search).toBe('');
    expect(location.hash).toBe(url.hash);
    const decoded = decodeShareFragment(url.hash, content);
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(referral(decoded.value)).toEqual(referral(SME));
  });

  it('the share message follows a later language switch (it is not left in the language it was given in)', async () => {
    const { user } = await renderAppAt('result', SME);
    await user.click(screen.getByRole('button', { name: R.share }));
    expect(await screen.findByText(R.shareCopied)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByText(STRINGS.en.result.shareCopied)).toBeInTheDocument();
    expect(screen.queryByText(R.shareCopied)).toBeNull();
  });

  it('share without a clipboard asks to copy the address bar', async () => {
    const { user } = await renderAppAt('result', SME);
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    await user.click(screen.getByRole('button', { name: R.share }));
    expect(await screen.findByText(R.shareManual)).toBeInTheDocument();
    expect(location.hash).toMatch(/^#r=/);
  });

  it('start again asks first, saying what is deleted; then clears the answers and the saved progress', async () => {
    const { user } = await renderAppAt('result', SME);
    await user.click(screen.getByRole('button', { name: R.startAgain }));
    // The question: nothing is deleted until the user confirms; cancel keeps everything.
    const question = screen.getByRole('region', { name: T.savedWork.restartTitle });
    expect(question).toHaveTextContent(T.savedWork.restartText);
    await user.click(within(question).getByRole('button', { name: T.savedWork.cancel }));
    expect(localStorage.getItem(SAVE_KEY)).not.toBeNull();
    expect(heading()).toHaveTextContent(R.title);
    await user.click(screen.getByRole('button', { name: R.startAgain }));
    await user.click(screen.getByRole('button', { name: T.savedWork.restartConfirm }));
    expect(heading()).toHaveTextContent(T.start.title);
    expect(localStorage.getItem(SAVE_KEY)).toBeNull();
    await user.click(screen.getByRole('button', { name: T.start.button }));
    expect(screen.getByRole('radio', { name: T.region.options.flanders })).not.toBeChecked();
  });

  it('the back link returns to the answers', async () => {
    const { user } = await renderAppAt('result', SME);
    await user.click(screen.getByRole('button', { name: R.backToCheck }));
    expect(heading()).toHaveTextContent(T.check.title);
  });

  describe('a firm outside Flanders', () => {
    it('a Brussels firm goes from the region question straight to the Brussels front door', async () => {
      const { user } = await renderApp();
      await enterWizard(user, T.start.button);
      await user.click(screen.getByRole('radio', { name: T.region.options.brussels }));
      await submit(user);

      expect(heading()).toHaveTextContent(R.title);
      expect(heading()).toHaveFocus();
      const expected = referRegion('brussels', content, 'nl');
      expect(expected.recommendations[0]!.channel).toBe(content.meta.frontDoors.brussels);
      const first = section(action('brussels'));
      expect(first).toBe(firstScreen());
      expect(within(first).getByText(fill(R.startHere, { name: channelName('brussels') }))).toBeInTheDocument();
      expect(within(first).getByText(expected.recommendations[0]!.contact.organisation)).toBeInTheDocument();
      const details = fold(fill(R.moreAbout, { name: channelName('brussels') }));
      expect(within(details).getByRole('heading', { name: R.howItGoes }).nextElementSibling).toHaveTextContent(content.channels.brussels!.firstStep.nl);
      expect(screen.getByText(content.engineTexts.warnings.outOfRegion.nl)).toBeInTheDocument();
      // nothing about Flemish size classes or the pyramid
      expect(screen.queryByRole('img')).not.toBeInTheDocument();
      expect(queryFolds(R.firmPlace)).toEqual([]);
      expect(parseSaved(localStorage.getItem(SAVE_KEY))).toMatchObject({ ok: true, value: { step: 'result', answers: { region: 'brussels' } } });
    });

    it('its back link returns to the region question', async () => {
      const { user } = await renderAppAt('result', { region: 'wallonia' });
      expect(section(action('wallonia'))).toBe(firstScreen());
      await user.click(screen.getByRole('button', { name: T.nav.back }));
      expect(heading()).toHaveTextContent(T.region.title);
      expect(screen.getByRole('radio', { name: T.region.options.wallonia })).toBeChecked();
    });

    it('its share link opens the same front door', async () => {
      const { user } = await renderAppAt('result', { region: 'abroad' });
      await user.click(screen.getByRole('button', { name: R.share }));
      const hash = new URL(await navigator.clipboard.readText()).hash;
      expect(decodeShareFragment(hash, content)).toEqual({ ok: true, value: { region: 'abroad' } });
    });
  });
});
