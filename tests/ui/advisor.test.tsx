// @vitest-environment jsdom
// The result for accountants and advisors: the advisor view (rules and weights, not-eligible
// reasons, notes), the warm hand-off e-mail in the contact's language, the referral letter with the
// names (which never leave the device otherwise), export of the intake, and its import on the start page.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import jsQR from 'jsqr';
import { describe, expect, it, vi } from 'vitest';
import { formatDate, localDate } from '../../src/domain/format';
import { engineFor, refer, referRegion } from '../../src/domain/refer';
import type { Lang } from '../../src/domain/types';
import { handoffLanguage, handoffMail, mailtoHref } from '../../src/ui/pages/result/Handoff';
import { completeProfile, type Answers } from '../../src/wizard/answers';
import { buildIntake, intakeToJson } from '../../src/wizard/intake-export';
import { decodeShareFragment, encodeShareFragment, parseSaved, serialiseSaved } from '../../src/wizard/persistence';
import { SAVE_KEY } from '../../src/wizard/storage';
import { METAL_WORKSHOP, METAL_WORKSHOP_CLIENT, SME } from '../helpers';
import { CONTENT as content, enterWizard, fill, firstScreen, fold, heading, LARGE, renderApp, renderAppAt, setupUi, STRINGS, T, wording } from './render';

setupUi();

const C = wording('client');
const I = wording('intake');
const R = T.result;
const channelName = (id: string, lang: Lang = 'nl') => content.channels[id]!.name[lang];
const triggerLabel = (id: string, lang: Lang = 'nl') => content.triggers.find((t) => t.id === id)!.label[lang];
const needLabel = (id: string, lang: Lang = 'nl') => content.needs.find((n) => n.id === id)!.label[lang];
/** Content text as the page shows it: the safe markup ([label](url), *emphasis*) rendered as text. */
const plain = (s: string) => s.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1').replace(/\*([^*]+)\*/g, '$1');
/** A channel's one-sentence action written about the firm (client and intake mode). */
const aboutAction = (id: string, lang: Lang = 'nl') => content.about.channels[id]!.action[lang];
/** The kinds of fact the letter quotes in full: the firm's own figures. */
const FIGURES = new Set(['rate', 'cap', 'minimum']);

/** The accountant's client: the West-Flemish metal workshop with two warning lights (in-house process innovation left unanswered). */
const CLIENT: Answers = { ...METAL_WORKSHOP_CLIENT, innovation: { newProductionMethods: true, innovationSpending: true } };
const INTAKE: Answers = { ...CLIENT, mode: 'intake' };
/** The referral as the page computes it: about the firm for client and intake, to the owner otherwise. */
const referralOf = (a: Answers, lang: Lang = 'nl') => refer(completeProfile(a, content)!, content, lang, a.mode === 'client' || a.mode === 'intake' ? 'about' : 'you');

/** A mailto: link split into address, subject and body (decoded). */
function parseMailto(href: string) {
  const m = /^mailto:([^?]*)\?(.*)$/.exec(href);
  if (!m) throw new Error(`not a mailto: link with fields: ${href}`);
  const fields = Object.fromEntries(m[2]!.split('&').map((kv) => {
    const [k, v = ''] = kv.split('=');
    return [k!, decodeURIComponent(v)];
  }));
  return { to: decodeURIComponent(m[1]!), subject: fields.subject ?? '', body: fields.body ?? '', keys: Object.keys(fields) };
}
/** The referral letter (print only: hidden from assistive technology on screen). */
const letter = () => document.querySelector<HTMLElement>('article.letter')!;
const advisorView = () => document.querySelector<HTMLDetailsElement>('details.advisor-view')!;

/**
 * Reads the letter's QR code as a phone would: the SVG's unit squares (`M{x} {y}h1v1h-1z`) painted
 * onto a white image with its quiet zone, then decoded by jsQR. Returns the encoded text.
 */
function readQr(svg: SVGElement): string {
  const [, , side] = svg.getAttribute('viewBox')!.split(' ').map(Number) as [number, number, number];
  const quiet = -Number(svg.getAttribute('viewBox')!.split(' ')[0]);
  const scale = 4;
  const width = side * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y] of svg.querySelector('path')!.getAttribute('d')!.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const px = (Number(x) + quiet) * scale + dx;
        const py = (Number(y) + quiet) * scale + dy;
        pixels.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
      }
    }
  }
  const code = jsQR(pixels, width, width);
  if (!code) throw new Error('the QR code could not be read');
  return code.data;
}
const notesBox = () => screen.getByRole('textbox', { name: T.advisor.notes });

/** Captures what the page downloads (export buttons): file name and text. */
function captureDownloads() {
  const files: Array<{ name: string; type: string; text: Promise<string> }> = [];
  const blobs = new Map<string, Blob>();
  let n = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => { const url = `blob:test/${n++}`; blobs.set(url, blob as Blob); return url; });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob) files.push({ name: this.download, type: blob.type, text: blob.text() });
  });
  return files;
}
// jsdom has neither of these; the app feature-checks neither.
if (!URL.createObjectURL) Object.assign(URL, { createObjectURL: () => '', revokeObjectURL: () => {} });

describe('the advisor view', () => {
  it('is open at intake, with the notes at the top; accountants and owners get neither', async () => {
    await renderAppAt('result', INTAKE);
    expect(advisorView()).toHaveAttribute('open');
    expect(within(advisorView()).getByRole('heading', { level: 2 })).toHaveTextContent(T.advisor.title);
    // The notes come before the first step, unfolded.
    expect(notesBox().compareDocumentPosition(firstScreen()!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(notesBox().closest('details')).toBeNull();
    for (const answers of [CLIENT, METAL_WORKSHOP]) {
      cleanup();
      await renderAppAt('result', answers);
      expect(firstScreen()).not.toBeNull();
      expect(document.querySelector('.advisor-view')).toBeNull();
      expect(screen.queryByRole('heading', { name: T.advisor.title })).toBeNull();
      expect(screen.queryByRole('table')).toBeNull();
      expect(screen.queryByRole('textbox', { name: T.advisor.notes })).toBeNull();
    }
  });

  it('lists every rule that fired with its weight, and each channel with its score and rules', async () => {
    await renderAppAt('result', INTAKE);
    const referral = referralOf(INTAKE);
    expect(referral.firedRules.length).toBeGreaterThan(3);
    expect(referral.firedRules.some((r) => r.weight < 0) || referral.firedRules.every((r) => r.weight > 0)).toBe(true);

    const rules = screen.getByRole('table', { name: T.advisor.rulesCaption });
    const ruleRows = within(rules).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((c) => c.textContent));
    expect(ruleRows).toEqual(referral.firedRules.map((r) => [r.id, channelName(r.channel), r.weight > 0 ? `+${r.weight}` : String(r.weight)]));
    // The warning lights' rules are among them.
    expect(ruleRows.map((r) => r[0])).toEqual(expect.arrayContaining(['led-trigger-quality', 'ic-trigger-regulation']));

    const ranking = screen.getByRole('table', { name: T.advisor.rankingCaption });
    expect(within(ranking).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([T.advisor.rank, T.advisor.channel, T.advisor.score, T.advisor.rules]);
    const rankRows = within(ranking).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((c) => c.textContent));
    expect(rankRows).toEqual(referral.recommendations.map((r) => [String(r.rank), channelName(r.channel), String(r.score), r.rules.join(', ')]));
    // A channel's score is the sum of its fired rules' weights.
    for (const r of referral.recommendations) {
      expect(r.score).toBe(referral.firedRules.filter((f) => f.channel === r.channel).reduce((sum, f) => sum + f.weight, 0));
    }
    expect(advisorView()).toHaveTextContent(fill(T.advisor.intro, { version: content.meta.contentVersion }));
  });

  it('gives the not-eligible reasons (a large firm: no SME wallet)', async () => {
    const large = { ...LARGE, mode: 'intake' as const, triggers: [], triggersAnswered: true };
    await renderAppAt('result', large);
    const referral = referralOf(large);
    expect(referral.notEligible.map((n) => n.channel)).toContain('kmo-portefeuille');
    const title = within(advisorView()).getByRole('heading', { level: 3, name: T.advisor.notEligible });
    const list = title.nextElementSibling as HTMLElement;
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(referral.notEligible.map((n) => `${channelName(n.channel)}: ${n.reason}`));
  });

  it('notes typed there are kept while moving through the wizard and after a reload', async () => {
    const { user } = await renderAppAt('result', INTAKE);
    expect(notesBox()).toHaveAccessibleDescription(T.advisor.notesHint);
    await user.type(notesBox(), 'Bel dhr. Vandamme na de audit.');
    expect(notesBox()).toHaveValue('Bel dhr. Vandamme na de audit.');
    // Notes change nothing in the referral.
    expect(screen.getByRole('table', { name: T.advisor.rulesCaption })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: R.backToCheck }));
    expect(heading()).toHaveTextContent(T.check.title);
    await user.click(screen.getByRole('button', { name: T.check.submit }));
    expect(notesBox()).toHaveValue('Bel dhr. Vandamme na de audit.');
    expect(parseSaved(localStorage.getItem(SAVE_KEY))).toMatchObject({ ok: true, value: { step: 'result', answers: { notes: 'Bel dhr. Vandamme na de audit.' } } });

    // A reload: the app offers to continue, and the notes are back.
    cleanup();
    const again = await renderApp();
    await enterWizard(again.user, T.resume.continue);
    expect(heading()).toHaveTextContent(I.nl.result.title);
    expect(notesBox()).toHaveValue('Bel dhr. Vandamme na de audit.');
  });

  it('notes never go into the share link', async () => {
    const { user } = await renderAppAt('result', { ...INTAKE, notes: 'vertrouwelijk: faillissementsrisico' });
    await user.click(screen.getByRole('button', { name: R.share }));
    const url = await navigator.clipboard.readText();
    expect(Buffer.from(new URL(url).hash.slice(3), 'base64url').toString('utf8')).not.toContain('vertrouwelijk');
    const decoded = decodeShareFragment(new URL(url).hash, content);
    expect(decoded.ok && decoded.value.notes).toBe(undefined);
  });
});

describe('the warm hand-off', () => {
  const VLAIO = 'innovation-centre';

  it('VLAIO\'s innovation advisor: a mailto: to its address, subject and body in Dutch with the answers in short', async () => {
    await renderAppAt('result', CLIENT);
    const referral = referralOf(CLIENT);
    const rec = referral.recommendations.find((r) => r.channel === VLAIO)!;
    expect(rec).toBeDefined();
    // To the contact point the result names for this firm.
    expect(rec.contact.email).toMatch(/@/);
    const link = await screen.findByRole('link', { name: fill(T.handoff.email, { name: channelName(VLAIO) }) });
    expect(link.closest('details')).toBe(fold(fill(R.moreAbout, { name: channelName(VLAIO) })));
    const mail = parseMailto(link.getAttribute('href')!);
    expect(mail.to).toBe(rec.contact.email);
    expect(mail.keys).toEqual(['subject', 'body']);
    expect(mail.subject).toBe(fill(T.handoff.subject, { name: channelName(VLAIO) }));
    const lines = mail.body.split('\n');
    expect(lines[0]).toBe(T.handoff.greeting);
    expect(lines).toContain(C.nl.handoff.intro.client);
    // The answers in short, as on the check page.
    expect(lines).toEqual(expect.arrayContaining([
      `${T.check.region}: ${T.region.options.flanders}, West-Vlaanderen`,
      `${T.check.staff}: 14`,
      `${T.check.balance}: ${T.check.figureUnknown}`,
      `${T.check.ownership}: ${T.common.no}`,
      `${T.check.needs}: ${needLabel('practical-problem')}`,
      `${T.check.triggers}: ${triggerLabel('quality-complaints')}; ${triggerLabel('new-regulation')}`,
      T.handoff.why,
      T.handoff.closing,
    ]));
    expect(lines.find((l) => l.startsWith(`${T.check.turnover}: `))).toMatch(/1\.800\.000/);
    expect(lines.find((l) => l.startsWith(`${T.check.sector}: `))).toMatch(/^[^:]+: 25\.62 \S/);
    // Why this channel: its reason sentences (not the quoted facts), written about the firm.
    const reasons = rec.why.filter((r) => !r.includes('](')).slice(0, 2);
    expect(reasons.length).toBeGreaterThan(0);
    const at = lines.indexOf(T.handoff.why);
    expect(lines.slice(at + 1, at + 1 + reasons.length)).toEqual(reasons.map((r) => `- ${r}`));
    const owners = refer(completeProfile(CLIENT, content)!, content, 'nl', 'you').recommendations.find((r) => r.channel === VLAIO)!.why;
    const ownersOnly = owners.filter((w) => !rec.why.includes(w));
    expect(ownersOnly.length).toBeGreaterThan(0);
    for (const w of ownersOnly) expect(mail.body).not.toContain(w);
    for (const id of rec.facts) expect(mail.body).not.toContain(engineFor(content).fact(id)!.text.nl);
    expect(mail.body).not.toMatch(/\]\(/);
    // The note says the mail opens in the user's own program, in Dutch.
    expect(link.closest('p')).toHaveTextContent(fill(T.handoff.note, { language: T.languageName.nl }));
  });

  it('VLAIO works in Dutch: the mail stays Dutch when the page is in English', async () => {
    await renderAppAt('result', CLIENT, 'en');
    const E = STRINGS.en;
    const link = await screen.findByRole('link', { name: fill(E.handoff.email, { name: channelName(VLAIO, 'en') }) });
    const mail = parseMailto(link.getAttribute('href')!);
    expect(mail.subject).toBe(fill(T.handoff.subject, { name: channelName(VLAIO, 'nl') }));
    expect(mail.body.split('\n')).toEqual(expect.arrayContaining([T.handoff.greeting, C.nl.handoff.intro.client, `${T.check.region}: ${T.region.options.flanders}, West-Vlaanderen`]));
    expect(mail.body).not.toContain(E.handoff.greeting);
    expect(mail.body).not.toContain(E.check.region);
  });

  it('the mail follows the mode: owner and intake have their own introduction', async () => {
    const contact = referralOf(CLIENT).recommendations.find((r) => r.channel === VLAIO)!.contact;
    for (const mode of ['owner', 'intake'] as const) {
      const mail = await handoffMail(content.channels[VLAIO]!, contact, { ...CLIENT, mode, showTriggers: true }, completeProfile(CLIENT, content), 'nl');
      expect(mail.body.split('\n')).toContain(wording(mode).nl.handoff.intro[mode]);
      expect(mail.to).toBe(contact.email);
    }
  });

  it.each(['brussels', 'wallonia'] as const)('a %s contact (no e-mail, works in French): a copy button, and the summary is French when the page is English', async (region) => {
    const { user } = await renderAppAt('result', { mode: 'client', region }, 'en');
    const E = STRINGS.en;
    const F = C.fr;
    const rec = referRegion(region, content, 'en', 'about').recommendations[0]!;
    expect(rec.channel).toBe(region);
    expect(rec.contact.email).toBeUndefined();
    expect(content.channels[region]!.contact.languages[0]).toBe('fr');
    const firstStep = screen.getByRole('region', { name: aboutAction(region, 'en') });
    expect(firstStep).toBe(firstScreen());
    // The hand-off is in the channel's fold, not on the first screen.
    const first = fold(fill(E.result.moreAbout, { name: channelName(region, 'en') }));
    // Prepared after the result renders (it loads the contact's language first).
    const copy = await within(first).findByRole('button', { name: fill(E.handoff.copy, { name: channelName(region, 'en') }) }, { timeout: 15_000 });
    expect(within(firstStep).queryByRole('button', { name: fill(E.handoff.copy, { name: channelName(region, 'en') }) })).toBeNull();
    expect(within(first).queryByRole('link', { name: fill(E.handoff.email, { name: channelName(region, 'en') }) })).not.toBeInTheDocument();
    // It copies, and says so (not "opens in your mail program").
    expect(copy.closest('p')).toHaveTextContent(fill(E.handoff.copyNote, { language: E.languageName.fr, name: channelName(region, 'en') }));
    expect(copy.closest('p')).not.toHaveTextContent(fill(E.handoff.note, { language: E.languageName.fr }));
    // The language named in the page's language ("in French"), not in its own ("in Français").
    expect(copy.closest('p')).toHaveTextContent('in French,');
    await user.click(copy);
    const text = await navigator.clipboard.readText();
    const [subject, ...rest] = text.split('\n');
    expect(subject).toBe(fill(F.handoff.subject, { name: channelName(region, 'fr') }));
    const body = rest.join('\n');
    expect(body.split('\n')).toEqual(expect.arrayContaining([F.handoff.greeting, F.handoff.intro.client, `${F.check.region}: ${F.region.options[region]}`, F.handoff.closing]));
    expect(body).not.toContain(E.handoff.greeting);
    expect(await within(first).findByText(fill(E.handoff.copied, { name: channelName(region, 'en') }))).toBeInTheDocument();
    // Same as the function the page uses.
    const mail = await handoffMail(content.channels[region]!, rec.contact, { mode: 'client', region }, null, 'en');
    expect(mail).toMatchObject({ lang: 'fr', to: undefined });
    expect(text).toBe(`${mail.subject}\n\n${mail.body}`);
  });

  it('a channel without an e-mail of its own (Blikopener): the mail goes to the contact point the result names', async () => {
    await renderAppAt('result', CLIENT);
    const recs = referralOf(CLIENT).recommendations;
    const led = recs.find((r) => r.channel === 'led')!;
    expect(content.channels.led!.contact.email).toBeUndefined();
    expect(led.contact.email).toMatch(/@/);
    const link = await screen.findByRole('link', { name: fill(T.handoff.email, { name: channelName('led') }) });
    expect(parseMailto(link.getAttribute('href')!).to).toBe(led.contact.email);
    expect(screen.queryByRole('button', { name: fill(T.handoff.copy, { name: channelName('led') }) })).not.toBeInTheDocument();
    // Every recommended channel gets exactly one of the two, in its own fold: a mail to its contact point, or the copy button.
    await waitFor(() => {
      for (const r of recs) {
        const name = channelName(r.channel);
        const links = screen.queryAllByRole('link', { name: fill(T.handoff.email, { name }) });
        const buttons = screen.queryAllByRole('button', { name: fill(T.handoff.copy, { name }) });
        expect(links).toHaveLength(r.contact.email ? 1 : 0);
        expect(buttons).toHaveLength(r.contact.email ? 0 : 1);
        if (r.contact.email) expect(parseMailto(links[0]!.getAttribute('href')!).to).toBe(r.contact.email);
        expect([...links, ...buttons][0]!.closest('details')).toBe(fold(fill(R.moreAbout, { name })));
      }
    });
  });

  it('the contact\'s language: the user\'s own when the contact works in it, else the contact\'s first', () => {
    const ch = (languages: Lang[]) => ({ ...content.channels.brussels!, contact: { ...content.channels.brussels!.contact, languages } });
    expect(handoffLanguage(ch(['fr', 'nl']), 'nl')).toBe('nl');
    expect(handoffLanguage(ch(['fr', 'nl']), 'en')).toBe('fr');
    expect(handoffLanguage(ch(['fr']), 'nl')).toBe('fr');
    expect(handoffLanguage(content.channels[VLAIO]!, 'fr')).toBe('nl');
    expect(mailtoHref({ lang: 'nl', to: 'a@b.be', subject: 'a&b=c?', body: 'x\ny #1 %' })).toBe('mailto:a@b.be?subject=a%26b%3Dc%3F&body=x%0Ay%20%231%20%25');
  });
});

describe('the referral letter and the names', () => {
  const NAMES = { adviserName: 'An Adviseur-Janssens', clientName: 'Metaalwerken Vandamme BV' };

  it('names typed on the result appear in the letter, with the date, the answers, the channels and the sources', async () => {
    const { user } = await renderAppAt('result', CLIENT);
    await user.type(screen.getByRole('textbox', { name: T.letter.adviserName }), NAMES.adviserName);
    await user.type(screen.getByRole('textbox', { name: T.letter.clientName }), NAMES.clientName);
    expect(screen.getByRole('textbox', { name: T.letter.clientName })).toHaveAccessibleDescription(T.tools.namesHint);
    const l = letter();
    expect(l).toHaveAttribute('aria-hidden', 'true');
    expect(l).toHaveTextContent(`${T.letter.clientName}: ${NAMES.clientName}`);
    expect(l).toHaveTextContent(`${T.letter.adviserName}: ${NAMES.adviserName}`);
    expect(l.querySelector('h1')).toHaveTextContent(T.letter.title);
    expect(l).toHaveTextContent(formatDate(localDate(), 'nl'));
    // About the firm, by the name typed.
    expect(l).toHaveTextContent(fill(T.letter.intro, { firm: NAMES.clientName }));
    const answers = [...l.querySelectorAll('.letter-answers dt')].map((dt) => dt.textContent);
    expect(answers).toEqual(expect.arrayContaining([T.check.region, T.check.staff, T.check.needs, T.check.triggers]));
    const channels = [...l.querySelectorAll('ol > li')];
    const recs = referralOf(CLIENT).recommendations;
    expect(channels).toHaveLength(Math.min(3, recs.length));
    channels.forEach((li, i) => {
      const r = recs[i]!;
      const ch = content.channels[r.channel]!;
      expect(li).toHaveTextContent(ch.name.nl);
      // What to do, in the third person (not the owner's "u" sentence), and why.
      expect(li).toHaveTextContent(aboutAction(r.channel));
      expect(aboutAction(r.channel)).not.toBe(ch.action.nl);
      expect(li).not.toHaveTextContent(ch.action.nl);
      expect(li).toHaveTextContent(plain(r.why[0]!));
      // Whom to contact, with phone or e-mail.
      expect(r.contact.phone ?? r.contact.email).toBeDefined();
      expect(li).toHaveTextContent(`${T.letter.contact} ${r.contact.organisation}`);
      if (r.contact.phone) expect(li).toHaveTextContent(r.contact.phone);
      if (r.contact.email) expect(li).toHaveTextContent(r.contact.email);
    });
    // This client's channels have no figures of their own (rate, cap, minimum): nothing quoted, so no sources.
    expect(recs.slice(0, 3).flatMap((r) => r.glanceFacts).filter((id) => FIGURES.has(engineFor(content).fact(id)!.kind))).toEqual([]);
    expect(l.querySelector('.letter-sources')).toBeNull();
    expect(l).toHaveTextContent(fill(R.contentVersion, { version: formatDate(content.meta.contentVersion, 'nl') }));
  });

  it('the letter quotes what each channel brings this firm (its own rate and cap, in full) with the sources', async () => {
    const client: Answers = { ...SME, mode: 'client', triggers: [], triggersAnswered: true };
    const engine = engineFor(content);
    const kmo = referralOf(client).recommendations.slice(0, 3).find((r) => r.channel === 'kmo-portefeuille')!;
    expect(kmo).toBeDefined();
    // A small firm: the small firm's rate, and the cap; the practicalities (when to apply) stay on the page.
    expect(kmo.glanceFacts).toEqual(expect.arrayContaining(['kmo-rate-small', 'kmo-cap']));
    const figures = kmo.glanceFacts.filter((id) => FIGURES.has(engine.fact(id)!.kind));
    const practical = kmo.glanceFacts.filter((id) => !figures.includes(id));
    expect(practical.length).toBeGreaterThan(0);
    await renderAppAt('result', client);
    const item = [...letter().querySelectorAll('ol > li')].find((li) => li.textContent!.includes(channelName('kmo-portefeuille')))!;
    for (const id of figures) expect(item).toHaveTextContent(engine.fact(id)!.text.nl);
    for (const id of practical) expect(item).not.toHaveTextContent(engine.fact(id)!.text.nl);
    expect(item).not.toHaveTextContent(engine.fact('kmo-rate-medium')!.text.nl);
    // One line per web page of a quoted figure; the date it was checked once in the heading when it is the same for all.
    const sources = [...letter().querySelectorAll('.letter-sources li')].map((li) => li.textContent!);
    expect(sources.length).toBeGreaterThan(0);
    expect(new Set(sources.map((x) => x.split(',')[0])).size).toBe(sources.length);
    const quoted = referralOf(client).recommendations.slice(0, 3).flatMap((r) => r.glanceFacts).map((id) => engine.fact(id)!).filter((f) => FIGURES.has(f.kind));
    expect(new Set(sources.map((x) => x.split(',')[0]))).toEqual(new Set(quoted.map((f) => f.source)));
    const sourcesHeading = letter().querySelector('.letter-sources')!.previousElementSibling!.textContent!;
    for (const line of sources) {
      expect(line).toMatch(/^https?:\/\/\S+/);
      expect(`${sourcesHeading} ${line}`).toMatch(new RegExp(fill(R.checkedOn, { date: '\\d{1,2} \\S+ \\d{4}' })));
    }
    // No name typed: "the firm".
    expect(letter()).toHaveTextContent(fill(T.letter.intro, { firm: T.letter.theFirm }));
  });

  it('the letter carries a QR code that opens this referral (the share link, without the names)', async () => {
    await renderAppAt('result', { ...CLIENT, ...NAMES });
    const figure = letter().querySelector('figure')!;
    expect(figure.querySelector('figcaption')).toHaveTextContent(T.letter.qrCaption);
    // Encoded after the letter renders (the library loads on demand).
    const svg = await waitFor(() => { const el = figure.querySelector<SVGElement>('svg.letter-qr'); expect(el).not.toBeNull(); return el!; }, { timeout: 10_000 });
    expect(svg).toHaveAttribute('role', 'img');
    expect(svg).toHaveAttribute('aria-label', T.letter.qrLabel);
    const url = new URL(readQr(svg));
    expect(url.origin + url.pathname).toBe(location.origin + location.pathname);
    const saved = parseSaved(localStorage.getItem(SAVE_KEY));
    expect(saved?.ok).toBe(true);
    if (saved?.ok) expect(url.hash).toBe(encodeShareFragment(saved.value.answers));
    const decoded = decodeShareFragment(url.hash, content);
    expect(decoded.ok && completeProfile(decoded.value, content)).toEqual(completeProfile(CLIENT, content));
    for (const name of Object.values(NAMES)) expect(decodeURIComponent(url.href)).not.toContain(name);
  });

  it('the letter and its button are for accountants only; at intake: names and the export, no letter', async () => {
    await renderAppAt('result', INTAKE);
    expect(document.querySelector('article.letter')).toBeNull();
    expect(screen.queryByRole('button', { name: T.tools.printLetter })).toBeNull();
    expect(screen.getByRole('heading', { name: T.tools.exportTitle })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: T.letter.clientName })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: T.tools.exportJson })).toBeInTheDocument();
    cleanup();
    await renderAppAt('result', CLIENT);
    expect(letter()).not.toBeNull();
    expect(screen.getByRole('heading', { name: T.tools.letterTitle })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: T.tools.printLetter })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: T.tools.exportJson })).toBeNull();
    expect(screen.queryByRole('button', { name: T.tools.exportCsv })).toBeNull();
  });

  it('the letter is in the page\'s language', async () => {
    await renderAppAt('result', { ...CLIENT, ...NAMES }, 'fr');
    const F = C.fr;
    expect(letter().querySelector('h1')).toHaveTextContent(F.letter.title);
    expect(letter()).toHaveTextContent(fill(F.letter.intro, { firm: NAMES.clientName }));
    expect(letter()).toHaveTextContent(`${F.letter.clientName}: ${NAMES.clientName}`);
    expect(letter()).toHaveTextContent(channelName(referralOf(CLIENT).recommendations[0]!.channel, 'fr'));
  });

  it('"print referral letter" prints the letter (html.print-letter while printing), the plain print button does not', async () => {
    const whilePrinting: boolean[] = [];
    const print = vi.spyOn(window, 'print').mockImplementation(() => { whilePrinting.push(document.documentElement.classList.contains('print-letter')); });
    const { user } = await renderAppAt('result', CLIENT);
    await user.click(screen.getByRole('button', { name: T.tools.printLetter }));
    expect(whilePrinting).toEqual([true]);
    dispatchEvent(new Event('afterprint'));
    expect(document.documentElement).not.toHaveClass('print-letter');

    await user.click(screen.getByRole('button', { name: R.print }));
    expect(whilePrinting).toEqual([true, false]);
    expect(print).toHaveBeenCalledTimes(2);
  });

  it('the names never go into the share link, the exported JSON or the CSV row', async () => {
    const files = captureDownloads();
    const { user } = await renderAppAt('result', { ...INTAKE, notes: 'Eerst Blikopener bellen.' });
    await user.type(screen.getByRole('textbox', { name: T.letter.adviserName }), NAMES.adviserName);
    await user.type(screen.getByRole('textbox', { name: T.letter.clientName }), NAMES.clientName);
    // They are kept on this device (saved progress) ...
    expect(parseSaved(localStorage.getItem(SAVE_KEY))).toMatchObject({ ok: true, value: { answers: NAMES } });

    await user.click(screen.getByRole('button', { name: R.share }));
    const url = await navigator.clipboard.readText();
    const payload = Buffer.from(new URL(url).hash.slice(3), 'base64url').toString('utf8');
    for (const name of Object.values(NAMES)) {
      expect(payload).not.toContain(name);
      expect(location.href).not.toContain(encodeURIComponent(name));
    }
    expect(payload).not.toMatch(/adviserName|clientName/);

    await user.click(screen.getByRole('button', { name: T.tools.exportJson }));
    await user.click(screen.getByRole('button', { name: T.tools.exportCsv }));
    expect(files.map((f) => f.name)).toEqual([expect.stringMatching(/^innovatiewijzer-intake-\d{4}-\d{2}-\d{2}\.json$/), expect.stringMatching(/^innovatiewijzer-intake-\d{4}-\d{2}-\d{2}\.csv$/)]);
    const [jsonText, csvText] = await Promise.all(files.map((f) => f.text));
    for (const name of Object.values(NAMES)) {
      expect(jsonText).not.toContain(name);
      expect(csvText).not.toContain(name);
    }
    expect(jsonText).not.toMatch(/adviserName|clientName/);
    // ... while the notes and the mode do go into the export.
    const data = JSON.parse(jsonText!) as Record<string, unknown>;
    expect(data).toMatchObject({ format: 'innovatiewijzer-intake', version: 1, mode: 'intake', notes: 'Eerst Blikopener bellen.', contentVersion: content.meta.contentVersion });
    expect(data.profile).toEqual(JSON.parse(JSON.stringify(completeProfile(INTAKE, content))));
    // The referral itself (ranking, rules, scores); its texts' voice is the engine's business.
    const exported = data.referral as ReturnType<typeof referralOf>;
    const shown = referralOf(INTAKE);
    expect(exported.recommendations.map((r) => [r.channel, r.rank, r.score, r.rules])).toEqual(shown.recommendations.map((r) => [r.channel, r.rank, r.score, r.rules]));
    expect(exported.firedRules).toEqual(shown.firedRules);
    expect(exported.signals).toEqual(shown.signals);
    expect(csvText).toContain('Eerst Blikopener bellen.');
    expect(files[1]!.type).toBe('text/csv');
  });
});

describe('opening a saved intake from the start page', () => {
  const file = (text: string | Uint8Array, name: string, type = 'application/json') => new File([text as BlobPart], name, { type });
  const importInput = () => screen.getByLabelText(T.start.importLabel);
  /** A user who picks any file ("All files" in the dialog): `accept` only filters what the dialog offers. */
  const upload = (f: File) => userEvent.setup({ applyAccept: false }).upload(importInput(), f);
  const intakeFile = (a: Answers, notes: string) => intakeToJson(buildIntake(a, notes, content, 'nl')!);

  it('reopens the intake on its result, with the notes and the mode', async () => {
    const { user } = await renderApp();
    expect(importInput()).toHaveAttribute('accept', '.json,application/json');
    await user.upload(importInput(), file(intakeFile(INTAKE, 'Tweede gesprek in maart.'), 'intake.json'));
    await waitFor(() => expect(heading()).toHaveTextContent(I.nl.result.title), { timeout: 10_000 });
    const first = referralOf(INTAKE).recommendations[0]!.channel;
    expect(screen.getByRole('region', { name: aboutAction(first) })).toBe(firstScreen());
    // The rest of the result follows the first channel in a second render.
    await waitFor(() => expect(advisorView()).toHaveAttribute('open'));
    expect(notesBox()).toHaveValue('Tweede gesprek in maart.');
    expect(fold(R.signals)).toHaveTextContent(triggerLabel('quality-complaints'));
    expect(parseSaved(localStorage.getItem(SAVE_KEY))).toMatchObject({ ok: true, value: { step: 'result', answers: { mode: 'intake', notes: 'Tweede gesprek in maart.' } } });
  });

  it('an out-of-region intake reopens on its front door', async () => {
    const { user } = await renderApp();
    await user.upload(importInput(), file(intakeFile({ mode: 'client', region: 'wallonia' }, 'FR'), 'w.json'));
    await waitFor(() => expect(heading()).toHaveTextContent(C.nl.result.title), { timeout: 10_000 });
    expect(screen.getByRole('region', { name: aboutAction(referRegion('wallonia', content, 'nl', 'about').recommendations[0]!.channel) })).toBe(firstScreen());
  });

  const saved = { answers: { ...CLIENT, needs: undefined, triggers: undefined, triggersAnswered: undefined }, step: 'needs' as const };
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // The message with the field named in place of {{detail}}.
  const withDetail = (text: string) => new RegExp(`^${text.split('{{detail}}').map(escape).join('staff.+')}$`);
  const bad: Array<[string, () => File, string | RegExp]> = [
    ['a PNG', () => file(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]), 'logo.png', 'image/png'), T.notice['import-not-json']],
    ['a foreign JSON', () => file(JSON.stringify({ name: 'my-app', version: '1.0.0' }), 'package.json'), T.notice['import-not-an-intake']],
    ['a newer version', () => file(JSON.stringify({ ...JSON.parse(intakeFile(INTAKE, '')), version: 2 }), 'new.json'), T.notice['import-newer-version']],
    ['an invalid profile', () => file(JSON.stringify({ ...JSON.parse(intakeFile(INTAKE, '')), profile: { region: 'flanders' } }), 'bad.json'), withDetail(T.notice['import-invalid-profile'])],
    ['notes one character over the limit', () => file(JSON.stringify({ ...JSON.parse(intakeFile(INTAKE, '')), notes: 'n'.repeat(20_001) }), 'long.json'),
      T.notice['import-field-too-long'].replace('{{field}}', 'notes').replace('{{length}}', '20.001').replace('{{limit}}', '20.000')],
    ['a file over 1 MB', () => file(`{"padding":"${'x'.repeat(1024 * 1024)}"}`, 'huge.json'), T.notice['import-too-large']],
  ];

  it.each(bad)('%s: a clear message, and the work in progress stays', async (_, make, message) => {
    localStorage.setItem(SAVE_KEY, serialiseSaved(saved.answers, saved.step));
    const before = localStorage.getItem(SAVE_KEY);
    const { user } = await renderApp();
    await upload(make());
    const status = await screen.findByText(message, {}, { timeout: 10_000 });
    expect(status.closest('[role="status"]')).not.toBeNull();
    expect(status.textContent).toMatch(/\S/);
    expect(localStorage.getItem(SAVE_KEY)).toBe(before);
    // Still on the start page, with the saved work offered to continue.
    expect(heading()).toHaveTextContent(T.start.title);
    await enterWizard(user, T.resume.continue);
    // The saved work is a client's: its wording.
    expect(heading()).toHaveTextContent(C.nl.needs.title);
    expect(parseSaved(localStorage.getItem(SAVE_KEY))).toMatchObject({ ok: true, value: { answers: { mode: 'client', staff: 14, nace: '25.62' } } });
  });

  it('a wrong file while the wizard runs: a message, and the answers in the machine stay', async () => {
    const { user } = await renderAppAt('staff', { mode: 'client', region: 'flanders', province: 'limburg', staff: 7 });
    // Back to the start page (inside the wizard).
    await user.click(screen.getByRole('button', { name: T.nav.back }));
    await user.click(screen.getByRole('button', { name: T.nav.back }));
    expect(heading()).toHaveTextContent(T.start.title);
    await upload(file('{"not":"ours"}', 'x.json'));
    expect(await screen.findByText(T.notice['import-not-an-intake'])).toBeInTheDocument();
    expect(heading()).toHaveTextContent(T.start.title);
    expect(parseSaved(localStorage.getItem(SAVE_KEY))).toMatchObject({ ok: true, value: { answers: { region: 'flanders', province: 'limburg', staff: 7 } } });
  });
});
