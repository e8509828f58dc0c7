// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { refer, referRegion } from '../../src/domain/refer';
import { formatDate } from '../../src/domain/format';
import { completeProfile, type Answers } from '../../src/wizard/answers';
import { decodeShareFragment, parseSaved } from '../../src/wizard/persistence';
import { SAVE_KEY } from '../../src/wizard/storage';
import { METAL_WORKSHOP_CLIENT, SME } from '../helpers';
import { CONTENT as content, enterWizard, heading, LARGE, renderApp, renderAppAt, setupUi, submit, T } from './render';

setupUi();

const R = T.result;
const referral = (a: Answers) => refer(completeProfile(a, content)!, content, 'nl');
const channelName = (id: string) => content.channels[id]!.name.nl;
/** Content text as the page shows it: the safe markup ([label](url), *emphasis*) rendered as text. */
const plain = (s: string) => s.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1').replace(/\*([^*]+)\*/g, '$1');
const section = (name: string) => screen.getByRole('region', { name });

describe('result page', () => {
  it('shows the first channel prominently: working name, why it fits, the next step and the contact', async () => {
    await renderAppAt('result', SME);
    const expected = referral(SME).recommendations[0]!;
    const channel = content.channels[expected.channel]!;

    expect(heading()).toHaveTextContent(R.title);
    const first = section(channel.name.nl);
    expect(within(first).getByText(R.startHere)).toBeInTheDocument();
    expect(within(first).getByRole('heading', { level: 2 })).toHaveTextContent(channel.name.nl);

    const why = within(first).getByRole('heading', { name: R.whyFits });
    const reasons = why.nextElementSibling as HTMLElement;
    expect([...reasons.querySelectorAll('li')].map((li) => li.textContent)).toEqual(expected.reasons.map(plain));

    expect(within(first).getByRole('heading', { name: R.nextStep }).nextElementSibling).toHaveTextContent(channel.firstStep.nl);
    within(first).getByRole('heading', { name: R.contact });
    const site = within(first).getAllByRole('link').find((a) => a.getAttribute('href') === String(channel.contact.url.value));
    expect(site).toBeDefined();
  });

  it('"good to know" clears up misunderstandings without repeating one a reason already quotes', async () => {
    let removed = 0;
    for (const answers of [SME, METAL_WORKSHOP_CLIENT]) {
      const expected = referral(answers).recommendations[0]!;
      const channel = content.channels[expected.channel]!;
      const myths = channel.facts.filter((f) => f.kind === 'myth');
      const shown = myths.filter((f) => !expected.facts.includes(f.id));
      removed += myths.length - shown.length;
      const { unmount } = await renderAppAt('result', answers);
      const first = section(channel.name.nl);
      const heading = within(first).queryByRole('heading', { name: R.goodToKnow });
      if (!shown.length) expect(heading).toBeNull();
      else expect([...(heading!.nextElementSibling as HTMLElement).querySelectorAll('li')].map((li) => li.textContent)).toEqual(shown.map((f) => f.text.nl));
      unmount();
    }
    // At least one of these firms has a misunderstanding quoted among its reasons (so the rule is exercised).
    expect(removed).toBeGreaterThan(0);
  });

  it('the profile line names size, segment and technology class', async () => {
    await renderAppAt('result', SME);
    const r = referral(SME);
    expect(document.querySelector('.profile-line')).toHaveTextContent(
      R.profileLine
        .replace('{{size}}', content.labels.sizeClass[r.sizeClass].nl)
        .replace('{{segment}}', content.labels.segment[r.segment].nl)
        .replace('{{tech}}', content.labels.techClass[r.techClass].nl),
    );
  });

  it('ranks the other recommendations, each with a line on why it comes after the first', async () => {
    await renderAppAt('result', SME);
    const expected = referral(SME).recommendations.slice(1);
    expect(expected.length).toBeGreaterThan(0);
    const others = section(R.others);
    const items = within(others).getAllByRole('listitem').filter((li) => li.classList.contains('other-channel'));
    expect(items.map((li) => within(li).getByRole('heading', { level: 3 }).textContent)).toEqual(expected.map((r) => channelName(r.channel)));
    expect(items[0]!.parentElement!.tagName).toBe('OL');
    for (const li of items) {
      expect(li.querySelector('.later')!.textContent).not.toBe('');
      expect(within(li).getByText(`${R.nextStep}:`)).toBeInTheDocument();
    }
  });

  it('a large firm sees what is not available and why', async () => {
    await renderAppAt('result', LARGE);
    const notEligible = referral(LARGE).notEligible;
    expect(notEligible.map((n) => n.channel)).toContain('kmo-portefeuille');
    const list = section(R.notAvailable);
    for (const n of notEligible) {
      const item = within(list).getByText(channelName(n.channel)).closest('li')!;
      expect(item).toHaveTextContent(n.reason);
    }
    expect(screen.queryByRole('region', { name: channelName('kmo-portefeuille') })).not.toBeInTheDocument();
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
    expect(section(R.pyramid)).toHaveTextContent(content.pyramid.segments[r.segment].next.nl);
  });

  it('lists the sources with their dates, and the content version', async () => {
    await renderAppAt('result', SME);
    const sources = section(R.sources);
    const items = within(sources).getAllByRole('listitem');
    expect(items.length).toBeGreaterThan(0);
    for (const li of items) {
      expect(within(li).getByRole('link').getAttribute('href')).toMatch(/^https?:\/\//);
      expect(li.textContent).toMatch(new RegExp(R.checkedOn.replace('{{date}}', '\\d{1,2} \\p{L}+ \\d{4}'), 'u'));
    }
    const version = R.contentVersion.replace('{{version}}', formatDate(content.meta.contentVersion, 'nl'));
    expect(sources).toHaveTextContent(version);
    expect(version).toMatch(/\d{4}/);
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
      const first = section(channelName('brussels'));
      expect(within(first).getByRole('heading', { level: 2 })).toHaveTextContent(channelName('brussels'));
      expect(within(first).getByRole('heading', { name: R.nextStep }).nextElementSibling).toHaveTextContent(content.channels.brussels!.firstStep.nl);
      expect(screen.getByText(content.engineTexts.warnings.outOfRegion.nl)).toBeInTheDocument();
      // nothing about Flemish size classes or the pyramid
      expect(screen.queryByRole('img')).not.toBeInTheDocument();
      expect(document.querySelector('.profile-line')).toBeNull();
      expect(parseSaved(localStorage.getItem(SAVE_KEY))).toMatchObject({ ok: true, value: { step: 'result', answers: { region: 'brussels' } } });
    });

    it('its back link returns to the region question', async () => {
      const { user } = await renderAppAt('result', { region: 'wallonia' });
      expect(section(channelName('wallonia'))).toBeInTheDocument();
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
