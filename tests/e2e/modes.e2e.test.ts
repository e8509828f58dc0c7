// The three modes end to end in Chromium: an owner (nl) who opts into the warning lights, an accountant (en)
// who prints the referral letter and prepares the hand-off e-mail, an advisor (fr) who exports the
// intake and opens it again in a fresh browser; wrong files on import. axe on the warning-lights page
// and on the result with the advisor view open.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './browser';
import {
  backLink, channel, channelName, expectCleanRun, expectNoA11yViolations, firstChannel, metalWorkshop, needLabel, onStep, openApp,
  provinceLabel, reloadApp, stepsFor, switchLanguage, t, triggerLabel, unfoldAll, walk, type Firm, type Lang, type Mode, type Step,
} from './wizard';

/** A1×1 PNG: an image someone might pick by mistake. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const VLAIO = 'innovation-centre';
/** A4 at 96 CSS px per inch. */
const A4 = { width: 794, height: 1123 };

/** The firm of every walk: the metal workshop, with the warning lights its user sees. */
const workshop = (lang: Lang, extra: Partial<Firm>): Firm => ({ ...metalWorkshop(lang), ...extra });

/** The result's advisor view (a <details> element; its summary holds the heading). */
const advisorView = (page: Page) => page.locator('details.advisor-view');

/** Decodes a mailto: link into address, subject and body. */
function parseMailto(href: string) {
  const m = /^mailto:([^?]*)\?(.*)$/s.exec(href);
  if (!m) throw new Error(`not a mailto: link with fields: ${href}`);
  const fields = Object.fromEntries(m[2]!.split('&').map((kv) => {
    const i = kv.indexOf('=');
    return [kv.slice(0, i), decodeURIComponent(kv.slice(i + 1))];
  }));
  return { to: decodeURIComponent(m[1]!), subject: fields.subject ?? '', body: fields.body ?? '', keys: Object.keys(fields) };
}

/** Walks from the start page to the result in `mode`; axe on the warning-lights page (as it opens and answered). */
async function walkTo(page: Page, lang: Lang, firm: Firm, mode: Mode): Promise<Step[]> {
  return walk(page, lang, firm, {
    mode,
    onPage: async (step) => { if (step === 'triggers') await expectNoA11yViolations(page, `${mode} ${lang} warning lights`); },
    onAnswered: async (step) => { if (step === 'triggers') await expectNoA11yViolations(page, `${mode} ${lang} warning lights (answered)`); },
  });
}

/** The signals section of the result: "warning light: channels" per line. */
async function signalLines(page: Page, lang: Lang): Promise<string[]> {
  const section = page.getByRole('region', { name: t(lang, 'result.signals'), exact: true });
  // The part of the result below the first channel comes in a deferred render, folded: unfold it.
  await section.locator('summary').click();
  await section.getByRole('listitem').first().waitFor();
  return (await section.getByRole('listitem').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
}

describe('accountants, advisors and owners, end to end', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('owner in Dutch: opts into the warning lights on the needs page; the result says which signal led where', async () => {
    const lang: Lang = 'nl';
    const app = await newPage(browser);
    const { page, context } = app;
    await openApp(page);
    const firm = workshop(lang, { showTriggers: true, triggers: ['quality-complaints'] });
    const seen = await walk(page, lang, firm, {
      mode: 'owner',
      onPage: async (step) => {
        if (step === 'needs') {
          // The opt-in is offered to the owner, unticked.
          expect(await page.getByRole('checkbox', { name: t(lang, 'needs.showTriggers'), exact: true }).isChecked()).toBe(false);
        }
        if (step === 'triggers') {
          expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain(t(lang, 'firm.owner'));
          await expectNoA11yViolations(page, 'owner nl warning lights');
        }
        if (step === 'check') expect(await page.getByRole('main').innerText()).toContain(triggerLabel(lang, 'quality-complaints'));
      },
    });
    expect(seen).toEqual(stepsFor(firm, 'owner'));
    expect(seen).toContain('triggers');

    const lines = await signalLines(page, lang);
    const quality = lines.find((l) => l.startsWith(triggerLabel(lang, 'quality-complaints')));
    expect(quality, lines.join('\n')).toContain(channelName(lang, 'led'));
    // The owner gets none of the advisor's or accountant's tools.
    expect(await advisorView(page).count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: t(lang, 'tools.printLetter'), exact: true }).count()).toBe(0);
    expectCleanRun(app);
    await context.close();
  });

  it('accountant in English: the client\'s wording, the warning lights, the hand-off e-mail and the referral letter in print', async () => {
    const lang: Lang = 'en';
    const app = await newPage(browser, { locale: 'en-GB' });
    const { page, context } = app;
    // The print dialog would block the page: a stub that does nothing (afterprint then never comes).
    await page.addInitScript(() => { window.print = () => {}; });
    await openApp(page);
    await switchLanguage(page, lang);
    const firm = workshop(lang, { triggers: ['quality-complaints', 'new-regulation'] });
    const seen = await walkTo(page, lang, firm, 'client');
    expect(seen).toEqual(stepsFor(firm, 'client'));
    expect(seen).toContain('triggers');
    expect(t(lang, 'region.title', { mode: 'client' })).toContain("your client's firm");

    const lines = await signalLines(page, lang);
    expect(lines.find((l) => l.startsWith(triggerLabel(lang, 'quality-complaints')))).toContain(channelName(lang, 'led'));
    expect(lines.find((l) => l.startsWith(triggerLabel(lang, 'new-regulation')))).toContain(channelName(lang, VLAIO));

    // The hand-off to VLAIO's innovation advisor, in that channel's fold: its address, and a Dutch mail (VLAIO works in Dutch).
    await unfoldAll(page);
    const link = page.getByRole('link', { name: t(lang, 'handoff.email', { name: channelName(lang, VLAIO) }), exact: true });
    const mail = parseMailto((await link.getAttribute('href'))!);
    expect(mail.to).toBe(channel(VLAIO).contact.email!.value);
    expect(mail.keys).toEqual(['subject', 'body']);
    expect(mail.subject).toBe(t('nl', 'handoff.subject', { name: channelName('nl', VLAIO) }));
    const body = mail.body.split('\n');
    expect(body[0]).toBe(t('nl', 'handoff.greeting'));
    expect(body).toEqual(expect.arrayContaining([
      t('nl', 'handoff.intro.client', { mode: 'client' }),
      `${t('nl', 'check.region')}: ${t('nl', 'region.options.flanders')}, ${provinceLabel('nl', 'west-vlaanderen')}`,
      `${t('nl', 'check.staff')}: 14`,
      `${t('nl', 'check.balance')}: ${t('nl', 'check.figureUnknown')}`,
      `${t('nl', 'check.needs')}: ${needLabel('nl', 'practical-problem')}`,
      `${t('nl', 'check.triggers')}: ${triggerLabel('nl', 'quality-complaints')}; ${triggerLabel('nl', 'new-regulation')}`,
      t('nl', 'handoff.why'),
      t('nl', 'handoff.closing'),
    ]));
    expect(body.find((l) => l.startsWith(`${t('nl', 'check.turnover')}: `))).toMatch(/1\.800\.000/);
    expect(mail.body).not.toContain(t(lang, 'handoff.greeting'));
    // Nothing is sent: the link only opens the user's own mail program.
    expect(app.externalRequests).toEqual([]);

    // The accountant gets no advisor reasoning and no export, but the letter; the page passes axe unfolded.
    expect(await advisorView(page).count()).toBe(0);
    expect(await page.getByRole('button', { name: t(lang, 'tools.exportJson'), exact: true }).count()).toBe(0);
    await unfoldAll(page);
    await expectNoA11yViolations(page, 'result unfolded (en, client)');

    // The referral letter, with the names typed on the result.
    await page.getByRole('textbox', { name: t(lang, 'letter.adviserName'), exact: true }).fill('Anne Accountant');
    await page.getByRole('textbox', { name: t(lang, 'letter.clientName'), exact: true }).fill('Vandamme Metalworks Ltd');
    await page.getByRole('button', { name: t(lang, 'tools.printLetter'), exact: true }).click();
    expect(await page.evaluate(() => document.documentElement.classList.contains('print-letter'))).toBe(true);
    await page.setViewportSize(A4);
    await page.emulateMedia({ media: 'print' });
    const letter = page.locator('article.letter');
    expect(await letter.isVisible()).toBe(true);
    const text = await letter.innerText();
    expect(text).toContain(t(lang, 'letter.title'));
    expect(text).toContain('Anne Accountant');
    expect(text).toContain('Vandamme Metalworks Ltd');
    expect(text).toContain(t(lang, 'letter.intro', { firm: 'Vandamme Metalworks Ltd' }));
    expect(text).toContain(t(lang, 'letter.answers'));
    expect(text).toContain(`${t(lang, 'letter.contact')} `);
    // Only the letter is visible: every element with a box is the letter, inside it, or one of its ancestors.
    const strays = await page.evaluate(() => {
      const l = document.querySelector('article.letter')!;
      return [...document.body.querySelectorAll('*')]
        .filter((el) => !l.contains(el) && !el.contains(l))
        .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; })
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    });
    expect(strays).toEqual([]);
    expect(await page.getByRole('heading', { level: 1, name: t(lang, 'result.title'), exact: true }).isVisible()).toBe(false);
    expect(await page.getByRole('banner').isVisible()).toBe(false);
    expect(await page.getByRole('contentinfo').isVisible()).toBe(false);
    await screenshot(page, 'referral-letter');
    // One A4 page, as Chromium really prints it (A4, the stylesheet's @page margins).
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBe(1);

    await page.emulateMedia({ media: 'screen' });
    expect(await letter.isVisible()).toBe(false);
    expectCleanRun(app);
    await context.close();
  });

  it('advisor in French: intake, the advisor view passes axe, notes; export JSON and open it in a fresh browser: same result, same notes', async () => {
    const lang: Lang = 'fr';
    const app = await newPage(browser, { locale: 'fr-BE' });
    const { page, context } = app;
    await openApp(page);
    await switchLanguage(page, lang);
    const firm = workshop(lang, { triggers: ['new-regulation', 'skills-gap'] });
    const seen = await walkTo(page, lang, firm, 'intake');
    expect(seen).toEqual(stepsFor(firm, 'intake'));

    // Open at intake: the rules with their weights, and the notes.
    expect(await advisorView(page).getAttribute('open')).not.toBeNull();
    await advisorView(page).getByRole('heading', { level: 2, name: t(lang, 'advisor.title'), exact: true }).waitFor();
    const rules = page.getByRole('table', { name: t(lang, 'advisor.rulesCaption'), exact: true });
    const ranking = page.getByRole('table', { name: t(lang, 'advisor.rankingCaption'), exact: true });
    expect(await rules.getByRole('row').count()).toBeGreaterThan(2);
    expect(await rules.innerText()).toMatch(/ic-trigger-regulation\s.*\+\d/);
    const notes = 'Rappeler après l\'audit ; voir "norme ISO" = priorité.';
    await page.getByRole('textbox', { name: t(lang, 'advisor.notes'), exact: true }).fill(notes);
    await page.getByRole('textbox', { name: t(lang, 'letter.clientName'), exact: true }).fill('Client Confidentiel SA');
    await expectNoA11yViolations(page, 'result with the advisor view open (fr, intake)');

    const before = {
      first: (await firstChannel(page, lang).name.innerText()).trim(),
      ranking: await ranking.innerText(),
      rules: await rules.innerText(),
      signals: await signalLines(page, lang),
    };

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: t(lang, 'tools.exportJson'), exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^innovatiewijzer-intake-\d{4}-\d{2}-\d{2}\.json$/);
    // The download lives only as long as its context: keep its bytes.
    const json = await readFile(await download.path(), 'utf8');
    const file = { name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(json, 'utf8') };
    const data = JSON.parse(json) as Record<string, unknown>;
    expect(data).toMatchObject({ format: 'innovatiewijzer-intake', version: 1, mode: 'intake', region: 'flanders', notes });
    expect(data.profile).toMatchObject({ staff: 14, nace: expect.stringMatching(/^25\.[56]/), triggers: ['new-regulation', 'skills-gap'] });
    expect(json).not.toContain('Client Confidentiel');
    expectCleanRun(app);
    await context.close();

    // A fresh browser (nothing saved): open the file from the start page.
    const fresh = await newPage(browser, { locale: 'fr-BE' });
    await openApp(fresh.page);
    await switchLanguage(fresh.page, lang);
    await fresh.page.getByLabel(t(lang, 'start.importLabel'), { exact: true }).setInputFiles(file);
    await onStep(fresh.page, lang, 'result', 'intake');
    expect((await firstChannel(fresh.page, lang).name.innerText()).trim()).toBe(before.first);
    expect(await fresh.page.getByRole('table', { name: t(lang, 'advisor.rankingCaption'), exact: true }).innerText()).toBe(before.ranking);
    expect(await fresh.page.getByRole('table', { name: t(lang, 'advisor.rulesCaption'), exact: true }).innerText()).toBe(before.rules);
    expect(await signalLines(fresh.page, lang)).toEqual(before.signals);
    expect(await fresh.page.getByRole('textbox', { name: t(lang, 'advisor.notes'), exact: true }).inputValue()).toBe(notes);
    // The names were never in the file.
    expect(await fresh.page.getByRole('textbox', { name: t(lang, 'letter.clientName'), exact: true }).inputValue()).toBe('');
    expectCleanRun(fresh);
    await fresh.context.close();
  });

  it('a wrong file (a PNG, a foreign JSON) gets a clear message, and the work in progress stays', async () => {
    const lang: Lang = 'nl';
    const app = await newPage(browser);
    const { page, context } = app;
    await openApp(page);
    await walk(page, lang, metalWorkshop(lang), { mode: 'client', until: 'sector' });
    await reloadApp(page);
    const resume = page.getByRole('region', { name: t(lang, 'resume.title'), exact: true });
    await resume.waitFor();
    const input = page.getByLabel(t(lang, 'start.importLabel'), { exact: true });

    await input.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('status').filter({ hasText: t(lang, 'notice.import-not-json') }).waitFor();
    await onStep(page, lang, 'start');
    expect(await resume.isVisible()).toBe(true);
    await expectNoA11yViolations(page, 'start page after a wrong file');

    await input.setInputFiles({ name: 'package.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ name: 'other-app', version: '1.0.0' })) });
    await page.getByRole('status').filter({ hasText: t(lang, 'notice.import-not-an-intake') }).waitFor();
    expect(await resume.isVisible()).toBe(true);

    // A hand-edited intake (field case 24: staff typed as text): the notice names the field and why.
    const handEdited = { format: 'innovatiewijzer-intake', version: 1, mode: 'intake', region: 'flanders', profile: { region: 'flanders', staff: '14', nace: '25.62', needs: ['training'] }, notes: '', contentVersion: '2026-11-22', exportedAt: '2026-11-30T11:44:33.360Z' };
    await input.setInputFiles({ name: 'intake-bewerkt.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(handEdited, null, 2)) });
    const [before, after] = t(lang, 'notice.import-invalid-profile').split('{{detail}}') as [string, string];
    const notice = page.getByRole('status').filter({ hasText: before });
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/staff: staff .*"14".*Verwacht: een getal vanaf 0/);
    expect(await notice.textContent()).toContain(after.trim());
    expect(await resume.isVisible()).toBe(true);

    // The work is still there: continue lands on the sector page, in the client's wording, answers kept.
    await resume.getByRole('button', { name: t(lang, 'resume.continue'), exact: true }).click();
    await onStep(page, lang, 'sector', 'client');
    await backLink(page, lang).click();
    await onStep(page, lang, 'ownership', 'client');
    expect(await page.getByRole('radio', { name: t(lang, 'common.no'), exact: true }).isChecked()).toBe(true);
    await backLink(page, lang).click();
    await backLink(page, lang).click();
    await onStep(page, lang, 'staff', 'client');
    expect(await page.getByRole('textbox', { name: t(lang, 'staff.title', { mode: 'client' }), exact: true }).inputValue()).toBe('14');
    expectCleanRun(app);
    await context.close();
  });
});
