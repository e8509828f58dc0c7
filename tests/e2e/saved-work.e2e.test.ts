// Saved work is never overwritten or deleted without the user's choice: a colleague's share link opens
// beside the saved intake ("start again" and typing a name on it ask first), and two tabs editing the
// notes and the client name merge their changes, or ask when both changed the same thing.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appURL, launchBrowser, newPage } from './browser';
import { expectNoA11yViolations, metalWorkshop, t, walk, waitForApp } from './wizard';

const lang = 'nl';
const SAVE_KEY = 'innovatiewijzer.progress';
/** A colleague advisor's link (intake mode, the documented format): another firm (Antwerp, 5 staff, IT services, asks for advice). */
const colleagueLink = () => {
  const payload = { v: 1, mode: 'intake', profile: { region: 'flanders', province: 'antwerpen', staff: 5, nace: '62.01', innovation: {}, needs: ['advice'] } };
  return `${appURL()}/#r=${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
};

const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), SAVE_KEY);
const storedAnswers = async (page: Page) => (JSON.parse((await stored(page))!) as { answers: Record<string, unknown>; rev: number });
const notesBox = (page: Page) => page.getByRole('textbox', { name: t(lang, 'advisor.notes'), exact: true });
const clientName = (page: Page) => page.getByLabel(t(lang, 'letter.clientName'));
const resultHeading = (page: Page) => page.getByRole('heading', { level: 1, name: t(lang, 'result.title', { mode: 'intake' }) });

/** An intake walked to its result in `page`, with notes and a client name typed. */
async function savedIntake(page: Page) {
  await page.goto(`${appURL()}/`);
  await waitForApp(page);
  await walk(page, lang, metalWorkshop(lang), { mode: 'intake' });
  await notesBox(page).fill('Eigen notities: tweede gesprek in maart.');
  await clientName(page).fill('Metaalwerken Peeters');
  await expect.poll(async () => (await storedAnswers(page)).answers.clientName).toBe('Metaalwerken Peeters');
}

describe('saved work and other sources', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); });

  it('a share link opens beside the saved intake: typing a name and "start again" ask first, and the save survives until the user chooses', async () => {
    const app = await newPage(browser);
    const { page, context } = app;
    try {
      await savedIntake(page);
      const mine = await stored(page);

      // The colleague's link: its result is shown, the save is untouched.
      await page.goto(colleagueLink());
      await waitForApp(page);
      await resultHeading(page).waitFor();
      expect(await stored(page)).toBe(mine);

      // Typing a client name on it asks what should happen, saying what the save is.
      await clientName(page).fill('Klant van de collega');
      const question = page.getByRole('region', { name: t(lang, 'savedWork.replaceTitle') });
      await question.waitFor();
      await question.getByText(t(lang, 'savedWork.fromLink')).waitFor();
      expect(await question.innerText()).toContain('Metaalwerken Peeters');
      await expectNoA11yViolations(page, 'the question over saved work');
      expect(await stored(page)).toBe(mine);
      // "Keep my saved progress": this result stays unsaved (and says so), the typed name stays on screen.
      await question.getByRole('button', { name: t(lang, 'savedWork.keepSaved') }).click();
      await page.getByText(t(lang, 'savedWork.notSaved')).waitFor();
      expect(await clientName(page).inputValue()).toBe('Klant van de collega');
      expect(await stored(page)).toBe(mine);

      // "Start again" on the shared result deletes nothing: the start page offers the saved intake.
      await page.getByRole('button', { name: t(lang, 'result.startAgain'), exact: true }).click();
      const resume = page.getByRole('region', { name: t(lang, 'resume.title') });
      await resume.waitFor();
      expect(await stored(page)).toBe(mine);
      await resume.getByRole('button', { name: t(lang, 'resume.continue') }).click();
      await resultHeading(page).waitFor();
      expect(await notesBox(page).inputValue()).toBe('Eigen notities: tweede gesprek in maart.');
      expect(await clientName(page).inputValue()).toBe('Metaalwerken Peeters');

      // The link again, and this time the user chooses to save it: only then is the save replaced.
      await page.goto(colleagueLink());
      await waitForApp(page);
      await resultHeading(page).waitFor();
      await clientName(page).fill('Klant van de collega');
      await page.getByRole('button', { name: t(lang, 'savedWork.replaceSaved') }).click();
      await expect.poll(async () => (await storedAnswers(page)).answers).toMatchObject({ province: 'antwerpen', clientName: 'Klant van de collega' });

      // "Start again" on one's own saved work asks before deleting it; cancel keeps it.
      await page.getByRole('button', { name: t(lang, 'result.startAgain'), exact: true }).click();
      const restart = page.getByRole('region', { name: t(lang, 'savedWork.restartTitle') });
      await restart.getByText(t(lang, 'savedWork.restartText')).waitFor();
      await restart.getByRole('button', { name: t(lang, 'savedWork.cancel') }).click();
      expect((await storedAnswers(page)).answers.clientName).toBe('Klant van de collega');
      await page.getByRole('button', { name: t(lang, 'result.startAgain'), exact: true }).click();
      await page.getByRole('button', { name: t(lang, 'savedWork.restartConfirm') }).click();
      await page.getByRole('heading', { level: 1, name: t(lang, 'start.title') }).waitFor();
      expect(await stored(page)).toBeNull();
      expect(app.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('two tabs: notes typed in one and the client name edited in the other are both kept; the same field changed in both is asked', async () => {
    const app = await newPage(browser);
    const { page: a, context } = app;
    try {
      await savedIntake(a);
      // Tab B opens the saved intake.
      const b = await context.newPage();
      await b.goto(`${appURL()}/`);
      await waitForApp(b);
      await b.getByRole('button', { name: t(lang, 'resume.continue') }).click();
      await resultHeading(b).waitFor();

      // Notes in A, then the client name in B (the older tab): B has taken A's notes over and keeps them.
      await notesBox(a).fill('Notities uit tab A.');
      await expect.poll(() => notesBox(b).inputValue()).toBe('Notities uit tab A.');
      await clientName(b).fill('Peeters & Zonen');
      await expect.poll(async () => (await storedAnswers(a)).answers).toMatchObject({ notes: 'Notities uit tab A.', clientName: 'Peeters & Zonen' });
      await expect.poll(() => clientName(a).inputValue()).toBe('Peeters & Zonen');
      const rev = (await storedAnswers(a)).rev;
      expect(rev).toBeGreaterThan(2);

      // A save B never heard of (as from a tab that was asleep): notes changed elsewhere, then B changes the notes too.
      await b.evaluate(([key, raw]) => {
        const saved = JSON.parse(raw) as { answers: { notes: string }; rev: number };
        localStorage.setItem(key, JSON.stringify({ ...saved, answers: { ...saved.answers, notes: 'Notities van elders.' }, rev: saved.rev + 1 }));
      }, [SAVE_KEY, (await stored(b))!] as const);
      await notesBox(b).fill('Notities uit tab B.');
      const conflict = b.getByRole('region', { name: t(lang, 'savedWork.conflictTitle') });
      await conflict.waitFor();
      await expectNoA11yViolations(b, 'the conflict question');
      // Nothing was written over meanwhile.
      expect((await storedAnswers(b)).answers.notes).toBe('Notities van elders.');
      await conflict.getByRole('radio', { name: new RegExp(t(lang, 'savedWork.keepBoth').replace(/[()]/g, '\\$&')) }).check();
      await conflict.getByRole('button', { name: t(lang, 'savedWork.conflictSave') }).click();
      const both = 'Notities uit tab B.\n\nNotities van elders.';
      await expect.poll(async () => (await storedAnswers(b)).answers.notes).toBe(both);
      expect(await notesBox(b).inputValue()).toBe(both);
      await expect.poll(() => notesBox(a).inputValue()).toBe(both);
      expect((await storedAnswers(b)).answers.clientName).toBe('Peeters & Zonen');
      expect(app.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
