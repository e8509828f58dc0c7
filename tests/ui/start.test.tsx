// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/wizard/answers';
import { parseSaved } from '../../src/wizard/persistence';
import { SAVE_KEY } from '../../src/wizard/storage';
import { content, SME } from '../helpers';
import { enterWizard, heading, renderApp, setupUi, submit, T } from './render';

setupUi();

const b64 = (o: unknown) => btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const notice = () => screen.getByRole('status');

describe('start page', () => {
  it('introduces the wizard and starts it, moving focus to the first question', async () => {
    const { user } = await renderApp();
    expect(heading()).toHaveTextContent(T.start.title);
    for (const point of [T.start.point1, T.start.point2, T.start.point3]) expect(screen.getByText(point)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: T.resume.title })).not.toBeInTheDocument();

    await enterWizard(user, T.start.button);

    expect(heading()).toHaveTextContent(T.region.title);
    expect(heading()).toHaveFocus();
    expect(screen.getByText('Stap 1 van 10')).toBeInTheDocument();
    expect(document.title).toBe(`${T.region.title} - ${T.app.title}`);
  });

  it('saves progress in the browser as the user answers', async () => {
    const { user } = await renderApp();
    await enterWizard(user, T.start.button);
    await user.click(screen.getByRole('radio', { name: T.region.options.flanders }));
    await user.click(screen.getByRole('radio', { name: 'Limburg' }));
    await submit(user);

    const saved = parseSaved(localStorage.getItem(SAVE_KEY));
    expect(saved).toMatchObject({ ok: true, value: { step: 'staff', answers: { region: 'flanders', province: 'limburg' } } });
  });

  describe('resume panel', () => {
    const answers: Answers = { region: 'flanders', province: 'limburg', staff: 12.5, turnoverEur: null, balanceSheetEur: null };

    it('offers to continue or start over instead of the start button', async () => {
      await renderApp({ saved: { answers, step: 'ownership' } });
      const panel = screen.getByRole('region', { name: T.resume.title });
      expect(within(panel).getByText(T.resume.text)).toBeInTheDocument();
      expect(within(panel).getByRole('button', { name: T.resume.continue })).toBeInTheDocument();
      expect(within(panel).getByRole('button', { name: T.resume.startOver })).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: T.start.button })).not.toBeInTheDocument();
    });

    it('"continue" returns to the saved page with the saved answers, focus on its heading', async () => {
      const { user } = await renderApp({ saved: { answers, step: 'ownership' } });
      await enterWizard(user, T.resume.continue);
      expect(heading()).toHaveTextContent(T.ownership.title);
      expect(heading()).toHaveFocus();
      await user.click(screen.getByRole('button', { name: T.nav.back }));
      await user.click(screen.getByRole('button', { name: T.nav.back }));
      expect(screen.getByRole('textbox', { name: T.staff.title })).toHaveValue('12,5');
    });

    it('"continue" lands on the first open question when the saved page cannot be shown yet', async () => {
      const { user } = await renderApp({ saved: { answers: { region: 'flanders', province: 'limburg', staff: 12.5 }, step: 'needs' } });
      await enterWizard(user, T.resume.continue);
      expect(heading()).toHaveTextContent(T.figures.title);
    });

    it('"start over" forgets the saved answers and starts at the first question', async () => {
      const { user } = await renderApp({ saved: { answers, step: 'ownership' } });
      // It asks first, saying what will be deleted; "do not delete" keeps everything.
      await user.click(screen.getByRole('button', { name: T.resume.startOver }));
      expect(screen.getByText(new RegExp(T.resume.discardQuestionOn.split('{{date}}')[0]!))).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: T.resume.discardCancel }));
      expect(localStorage.getItem(SAVE_KEY)).not.toBeNull();
      await user.click(screen.getByRole('button', { name: T.resume.startOver }));
      await enterWizard(user, T.resume.discardConfirm);
      expect(heading()).toHaveTextContent(T.region.title);
      expect(heading()).toHaveFocus();
      expect(screen.getByRole('radio', { name: T.region.options.flanders })).not.toBeChecked();
      const saved = parseSaved(localStorage.getItem(SAVE_KEY));
      expect(saved === null || (saved.ok && Object.keys(saved.value.answers).length === 0)).toBe(true);
    });
  });

  describe('unusable saved progress or share links: a clear message and a fresh start', () => {
    it('damaged saved progress', async () => {
      const { user } = await renderApp({ savedRaw: '{"v":1,"answers":{"staff":"twelve"' });
      await enterWizard(user, T.resume.continue);
      expect(notice()).toHaveTextContent(T.notice['saved-damaged']);
      expect(heading()).toHaveTextContent(T.start.title);
      await enterWizard(user, T.start.button);
      expect(heading()).toHaveTextContent(T.region.title);
    });

    it('saved progress from an older version', async () => {
      const { user } = await renderApp({ savedRaw: JSON.stringify({ v: 0, answers: {}, step: 'region', savedAt: '' }) });
      await enterWizard(user, T.resume.continue);
      expect(notice()).toHaveTextContent(T.notice['saved-outdated']);
    });

    it('saved progress from a newer version', async () => {
      const { user } = await renderApp({ savedRaw: JSON.stringify({ v: 2, answers: {}, step: 'region', savedAt: '' }) });
      await enterWizard(user, T.resume.continue);
      expect(notice()).toHaveTextContent(T.notice['saved-newer']);
    });

    it('a damaged share link, which is also taken out of the address bar', async () => {
      await renderApp({ hash: '#r=%%%not-base64' });
      expect(notice()).toHaveTextContent(T.notice['link-damaged']);
      expect(heading()).toHaveTextContent(T.start.title);
      expect(screen.getByRole('button', { name: T.start.button })).toBeInTheDocument();
      expect(location.hash).toBe('');
    });

    it('a share link from a newer version says so', async () => {
      await renderApp({ hash: `#r=${b64({ v: 99, profile: {} })}` });
      expect(notice()).toHaveTextContent(T.notice['link-newer']);
    });

    it('a share link from an older version says so', async () => {
      await renderApp({ hash: `#r=${b64({ v: 0, profile: {} })}` });
      expect(notice()).toHaveTextContent(T.notice['link-outdated']);
    });

    it('a share link with answers that are not valid', async () => {
      await renderApp({ hash: `#r=${b64({ v: 1, profile: { region: 'flanders', staff: -3 } })}` });
      expect(notice()).toHaveTextContent(T.notice['link-invalid'].replace('{{detail}}', `staff heeft een ongeldige waarde (-3). Verwacht: ${content().validation.expected.staff.nl}.`));
    });

    // Progress saved before a content update (a need removed, a code no longer valid) counts as damaged.
    it('saved answers with a need the content no longer has: a message, not a crash', async () => {
      const { user } = await renderApp({ saved: { answers: { ...SME, needs: ['retired-need'] }, step: 'check' } });
      await enterWizard(user, T.resume.continue);
      expect(notice()).toHaveTextContent(T.notice['saved-damaged']);
    });

    it('saved answers with a NACE code that is not valid: a message, not an empty result', async () => {
      const { user } = await renderApp({ saved: { answers: { ...SME, nace: '99.99.9' }, step: 'result' } });
      await enterWizard(user, T.resume.continue);
      expect(notice()).toHaveTextContent(T.notice['saved-damaged']);
    });

    it('the message can be dismissed', async () => {
      const { user } = await renderApp({ hash: '#r=garbage' });
      await user.click(screen.getByRole('button', { name: T.notice.dismiss }));
      expect(screen.queryByText(T.notice['link-damaged'])).not.toBeInTheDocument();
    });
  });

  it('a valid share link opens the result straight away, whatever progress is saved', async () => {
    await renderApp({
      saved: { answers: SME, step: 'check' },
      hash: `#r=${b64({ v: 1, profile: { region: 'flanders', province: 'antwerpen', staff: 5, nace: '62.01', innovation: {}, needs: ['advice'] } })}`,
    });
    expect(heading()).toHaveTextContent(T.result.title);
    expect(heading()).toHaveFocus();
    expect(location.hash).toBe('');
  });
});
