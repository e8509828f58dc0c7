// The intermediary's desk in a real Chromium (`?desk`): save a client's result and reopen it; status
// changes that survive a reload; the change marker for a firm saved with an earlier content (a test
// content variant); the follow-up calendar file parsed back with ical.js; export, then import into an
// empty and into a filled desk; the passphrase (lock, wrong passphrase); blocked storage. axe on every
// state, and nothing requested outside the app's origin.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskToJson } from '../../src/wizard/desk/transfer';
import { content } from '../helpers';
import { recordOf, variantContent, WORKSHOP } from '../wizard/desk-fixtures';
import { appURL, launchBrowser, newPage } from './browser';
import { expectCleanRun, expectNoA11yViolations, openApp, profileLink, switchLanguage, t, waitForApp } from './wizard';

const lang = 'nl';
const D = (key: string, vars: Record<string, string | number> = {}) => t(lang, `desk.${key}`, vars);
/** The result page's "save to the desk" strings. */
const SAVE = (key: string, vars: Record<string, string | number> = {}) => t(lang, `saveToDesk.${key}`, vars);
/** The metal workshop's answers as a complete Profile v1 (what a share link carries). */
const PROFILE = {
  region: 'flanders', province: 'west-vlaanderen', staff: 14, turnoverEur: 1_800_000, balanceSheetEur: 900_000, ownedByLargeGroup: false,
  nace: '25.62', innovation: {}, needs: ['practical-problem', 'training', 'advice'], triggers: [],
};

async function openDesk(page: Page): Promise<void> {
  await page.goto(`${appURL()}/?desk`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await page.getByRole('heading', { level: 1, name: D('title'), exact: true }).waitFor();
  // Opened once its rows are read (the status says how many meanwhile).
  await page.locator('main .loading').waitFor({ state: 'detached' });
}

/** Waits until "what changed" has been worked out for every entry. */
const checked = (page: Page) => page.getByText(/Nagegaan wat er veranderde/).waitFor();
const entry = (page: Page, name: string) => page.getByRole('listitem', { name, exact: true });

async function download(page: Page, trigger: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), trigger()]) as [Download, void];
  return { name: dl.suggestedFilename(), text: readFileSync(await dl.path(), 'utf8') };
}

/** A desk file with these records, as setInputFiles takes it. */
const deskFile = (name: string, json: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(json, 'utf8') });

/** The client's result (client mode) from a prefilled link, named and saved to the desk. */
async function saveClient(page: Page, name: string): Promise<void> {
  await openApp(page, profileLink(PROFILE, 'client'));
  await page.getByLabel(t(lang, 'letter.clientName')).fill(name);
  await page.getByRole('button', { name: SAVE('save'), exact: true }).click();
  await page.getByText(SAVE('savedNew', { name })).waitFor();
}

describe('the desk (?desk)', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); });

  it('saves a client\'s result and reopens it (result and answers); an empty desk and the list pass axe', async () => {
    const app = await newPage(browser);
    const { page } = app;
    await openDesk(page);
    await page.getByRole('heading', { name: D('emptyTitle') }).waitFor();
    await expectNoA11yViolations(page, 'the empty desk');
    await saveClient(page, 'Metaal Vandamme');
    await expectNoA11yViolations(page, 'the client result after saving to the desk');
    await page.getByRole('link', { name: SAVE('openDesk') }).click();
    await page.getByRole('heading', { level: 3, name: 'Metaal Vandamme' }).waitFor();
    await checked(page);
    await expectNoA11yViolations(page, 'the desk with one entry');
    await entry(page, 'Metaal Vandamme').getByRole('button', { name: D('openResult') }).click();
    await page.getByRole('heading', { level: 1, name: t(lang, 'result.title', { mode: 'client' }) }).waitFor();
    expect(await page.getByLabel(t(lang, 'letter.clientName')).inputValue()).toBe('Metaal Vandamme');
    // Saved again from the reopened result: the same entry is updated.
    await page.getByRole('button', { name: SAVE('saveUpdate', { name: 'Metaal Vandamme' }) }).click();
    await page.getByText(SAVE('savedUpdated', { name: 'Metaal Vandamme' })).waitFor();
    await page.goBack();
    await waitForApp(page);
    await page.getByRole('heading', { level: 3, name: 'Metaal Vandamme' }).waitFor();
    expect(await page.getByRole('heading', { level: 3 }).count()).toBe(1);
    await entry(page, 'Metaal Vandamme').getByRole('button', { name: D('openAnswers') }).click();
    await page.getByRole('heading', { level: 1, name: t(lang, 'check.title', { mode: 'client' }) }).waitFor();
    expectCleanRun(app);
    await app.context.close();
  });

  it('status changes are kept across a reload and counted in the overview; the expanded entry passes axe', async () => {
    const app = await newPage(browser);
    const { page } = app;
    await saveClient(page, 'Bakkerij Claes');
    await openDesk(page);
    const item = entry(page, 'Bakkerij Claes');
    await item.getByRole('button', { name: new RegExp(D('more')) }).click();
    const kmo = content().channels['kmo-portefeuille']!.name.nl;
    const form = item.getByRole('group', { name: D('statusOf', { channel: kmo }) });
    await form.getByLabel(D('statusLabel'), { exact: true }).selectOption({ label: D('status.contacted') });
    await form.getByLabel(D('statusDate')).fill('2026-11-25');
    await form.getByLabel(D('statusNote'), { exact: true }).fill('Gebeld met VLAIO');
    await form.getByRole('button', { name: D('statusSave', { channel: kmo }) }).click();
    await form.getByText(D('statusSaved', { channel: kmo, status: D('status.contacted') })).waitFor();
    await expectNoA11yViolations(page, 'the desk with an entry expanded (statuses, calendar, link and QR)');
    await page.reload();
    await waitForApp(page);
    await entry(page, 'Bakkerij Claes').getByText(/Gebeld met VLAIO/).waitFor();
    const row = page.getByRole('table').getByRole('row').filter({ has: page.getByRole('rowheader', { name: kmo, exact: true }) });
    expect(await row.getByRole('cell').allTextContents()).toEqual(['0', '1', '0', '0', '0', '0']);
    expectCleanRun(app);
    await app.context.close();
  });

  it('marks a firm saved with an earlier content (a test content variant) with what changed', async () => {
    const app = await newPage(browser);
    const { page } = app;
    await openDesk(page);
    const earlier = recordOf(WORKSHOP, 'Metaal Vroeger', new Date(), variantContent());
    const same = recordOf(WORKSHOP, 'Metaal Nu', new Date());
    await page.getByLabel(D('importLabel')).setInputFiles(deskFile('seed.json', deskToJson([earlier, same])));
    await page.getByText(D('imported', { file: 'seed.json', added: 2, updated: 0, skipped: 0, refused: 0 })).waitFor();
    // Opened anew: every saved firm is referred again with the app's (real) content.
    await openDesk(page);
    await checked(page);
    const fact = content().channels['kmo-portefeuille']!.facts.find((f) => f.id === 'kmo-advice-cyber-only')!.text.nl;
    await entry(page, 'Metaal Vroeger').getByText(D('changedTag'), { exact: true }).waitFor();
    expect(await entry(page, 'Metaal Vroeger').locator('.desk-changed li').allTextContents()).toEqual([expect.stringContaining(fact)]);
    expect(await entry(page, 'Metaal Nu').getByText(D('changedTag'), { exact: true }).count()).toBe(0);
    await page.getByText(D('countChanged_one', { n: 1 })).waitFor();
    await expectNoA11yViolations(page, 'the desk with a changed referral');
    // In English the desk speaks English, and the difference is said again in English.
    await switchLanguage(page, 'en');
    await page.getByRole('heading', { level: 1, name: t('en', 'desk.title'), exact: true }).waitFor();
    const factEn = content().channels['kmo-portefeuille']!.facts.find((f) => f.id === 'kmo-advice-cyber-only')!.text.en;
    await expect.poll(() => entry(page, 'Metaal Vroeger').locator('.desk-changed li').allTextContents()).toEqual([expect.stringContaining(factEn)]);
    await expectNoA11yViolations(page, 'the desk in English');
    expectCleanRun(app);
    await app.context.close();
  });

  it('the follow-up calendar file reads back with ical.js: the firm, the day N weeks on, the channels', async () => {
    const app = await newPage(browser);
    const { page } = app;
    await saveClient(page, 'Schrijnwerkerij Peeters');
    await openDesk(page);
    const item = entry(page, 'Schrijnwerkerij Peeters');
    await item.getByRole('button', { name: new RegExp(D('more')) }).click();
    const file = await download(page, () => item.getByRole('button', { name: D('calendarFollowUp_other', { count: 4 }) }).click());
    expect(file.name).toBe('follow-up-schrijnwerkerij-peeters.ics');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(file.text)).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Opvolgen: Schrijnwerkerij Peeters (Innovatiewijzer)');
    const day = new Date();
    day.setDate(day.getDate() + 28);
    const expected = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    expect(event.startDate.toString()).toBe(expected);
    expect(event.startDate.isDate).toBe(true);
    expect(event.description).toContain(content().channels['kmo-portefeuille']!.name.nl);
    expectCleanRun(app);
    await app.context.close();
  });

  it('exports the desk, imports it into an empty desk and into a filled one, saying what was added, updated and skipped', async () => {
    const first = await newPage(browser);
    await saveClient(first.page, 'Alfa BV');
    await saveClient(first.page, 'Beta NV');
    await openDesk(first.page);
    const json = await download(first.page, () => first.page.getByRole('button', { name: D('exportJson') }).first().click());
    expect(json.name).toMatch(/^innovatiewijzer-desk-\d{4}-\d{2}-\d{2}\.json$/);
    const csv = await download(first.page, () => first.page.getByRole('button', { name: D('exportCsv') }).first().click());
    expect(csv.text.split('\r\n')[0]).toContain('name;adviserName;mode');
    expect(csv.text).toContain('Alfa BV');
    // Into an empty desk (another browser profile): all added.
    const empty = await newPage(browser);
    await openDesk(empty.page);
    await empty.page.getByLabel(D('importLabel')).setInputFiles(deskFile(json.name, json.text));
    await empty.page.getByText(D('imported', { file: json.name, added: 2, updated: 0, skipped: 0, refused: 0 })).waitFor();
    await empty.page.getByRole('heading', { level: 3, name: 'Alfa BV' }).waitFor();
    await expectNoA11yViolations(empty.page, 'the desk after an import');
    // Into a filled desk: one entry of its own, one changed later than the export, one as exported.
    const filled = await newPage(browser);
    await saveClient(filled.page, 'Gamma CV');
    await openDesk(filled.page);
    const exported = JSON.parse(json.text) as { records: Array<{ name: string; updatedAt: string; notes: string }> };
    const later = { ...exported, records: exported.records.map((r) => (r.name === 'Beta NV' ? { ...r, notes: 'Later bijgewerkt', updatedAt: new Date(Date.now() + 60_000).toISOString() } : r)) };
    await filled.page.getByLabel(D('importLabel')).setInputFiles(deskFile('kantoor.json', JSON.stringify(later)));
    await filled.page.getByText(D('imported', { file: 'kantoor.json', added: 2, updated: 0, skipped: 0, refused: 0 })).waitFor();
    await filled.page.getByLabel(D('importLabel')).setInputFiles(deskFile('kantoor.json', JSON.stringify(later)));
    await filled.page.getByText(D('imported', { file: 'kantoor.json', added: 0, updated: 0, skipped: 2, refused: 0 })).waitFor();
    await empty.page.getByLabel(D('importLabel')).setInputFiles(deskFile('kantoor.json', JSON.stringify(later)));
    await empty.page.getByText(D('imported', { file: 'kantoor.json', added: 0, updated: 1, skipped: 1, refused: 0 })).waitFor();
    expect(await filled.page.getByRole('heading', { level: 3 }).allTextContents()).toEqual(expect.arrayContaining(['Alfa BV', 'Beta NV', 'Gamma CV']));
    for (const app of [first, empty, filled]) { expectCleanRun(app); await app.context.close(); }
  });

  it('a passphrase locks the desk: the locked page passes axe, a wrong passphrase is said and nothing is lost', async () => {
    const app = await newPage(browser);
    const { page } = app;
    await saveClient(page, 'Geheim BV');
    await openDesk(page);
    await page.getByLabel(D('passphraseNew')).fill('een lange zin');
    await page.getByLabel(D('passphraseAgain')).fill('een lange zin');
    await page.getByRole('button', { name: D('passphraseSetButton') }).click();
    await page.getByText(D('passphraseSet')).waitFor();
    await page.reload();
    await waitForApp(page);
    await page.getByLabel(D('passphrase'), { exact: true }).waitFor();
    expect(await page.getByText('Geheim BV').count()).toBe(0);
    await expectNoA11yViolations(page, 'the locked desk');
    await page.getByLabel(D('passphrase'), { exact: true }).fill('een andere zin');
    await page.getByRole('button', { name: D('unlock') }).click();
    await page.getByText(D('unlockWrong')).waitFor();
    await expectNoA11yViolations(page, 'the locked desk with a wrong passphrase');
    await page.getByLabel(D('passphrase'), { exact: true }).fill('een lange zin');
    await page.getByRole('button', { name: D('unlock') }).click();
    await page.getByRole('heading', { level: 3, name: 'Geheim BV' }).waitFor();
    // Saving from a result while the desk is locked: said, and offered as a file.
    await openApp(page, profileLink(PROFILE, 'client'));
    await page.getByLabel(t(lang, 'letter.clientName')).fill('Nog een BV');
    await page.getByRole('button', { name: SAVE('save'), exact: true }).click();
    await page.getByText(SAVE('saveProblem.locked')).waitFor();
    expectCleanRun(app);
    await app.context.close();
  });

  it('blocked storage: the desk says so clearly, and "save to desk" offers the entry as a file', async () => {
    const app = await newPage(browser);
    const { page, context } = app;
    await context.addInitScript(() => {
      IDBFactory.prototype.open = function () { throw new DOMException('The user denied permission to access the database.', 'SecurityError'); };
    });
    await openDesk(page);
    await page.getByRole('heading', { name: D('blockedTitle') }).waitFor();
    await expectNoA11yViolations(page, 'the desk with blocked storage');
    await openApp(page, profileLink(PROFILE, 'intake'));
    await page.getByLabel(t(lang, 'letter.clientName')).fill('Geblokkeerd NV');
    await page.getByRole('button', { name: SAVE('save'), exact: true }).click();
    await page.getByText(SAVE('saveProblem.blocked')).waitFor();
    await expectNoA11yViolations(page, 'the result with the desk blocked');
    const file = await download(page, () => page.getByRole('button', { name: SAVE('saveAsFile') }).click());
    const saved = JSON.parse(file.text) as { format: string; records: Array<{ name: string; mode: string }> };
    expect(saved.format).toBe('innovatiewijzer-desk');
    expect(saved.records.map((r) => [r.name, r.mode])).toEqual([['Geblokkeerd NV', 'intake']]);
    expectCleanRun(app);
    await app.context.close();
  });
});
