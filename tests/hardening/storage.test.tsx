// @vitest-environment jsdom
// Storage unavailable or full (private browsing, quota exceeded, storage disabled): the app keeps
// working, says so once, and offers the share link instead.
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readStorage, writeStorage } from '../../src/wizard/storage';
import { enterWizard, heading, renderApp, setupUi, submit, T } from '../ui/render';

setupUi();

const quota = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
const denied = () => { throw new DOMException('Access is denied for this document.', 'SecurityError'); };

/** The storage notice, however many times it is in the page. */
const storageNotices = () => screen.queryAllByText(T.notice['storage-unavailable']);

async function walkThreePages(user: Awaited<ReturnType<typeof renderApp>>['user']) {
  await enterWizard(user, T.start.button);
  await user.click(screen.getByRole('radio', { name: T.region.options.flanders }));
  await user.click(screen.getByRole('radio', { name: 'Limburg' }));
  await submit(user);
  expect(heading()).toHaveTextContent(T.staff.title);
  await user.type(screen.getByRole('textbox', { name: T.staff.title }), '12,5');
  await submit(user);
  expect(heading()).toHaveTextContent(T.figures.title);
  await user.type(screen.getByRole('textbox', { name: T.figures.turnoverLabel }), '1.800.000');
  await user.type(screen.getByRole('textbox', { name: T.figures.balanceLabel }), '900.000');
  await submit(user);
  expect(heading()).toHaveTextContent(T.ownership.title);
}

describe('storage that throws', () => {
  describe('readStorage / writeStorage never throw', () => {
    it.each([['QuotaExceededError', quota], ['SecurityError', denied]])('%s', (_, thrower) => {
      vi.spyOn(Storage.prototype, 'getItem').mockImplementation(thrower);
      vi.spyOn(Storage.prototype, 'setItem').mockImplementation(thrower);
      vi.spyOn(Storage.prototype, 'removeItem').mockImplementation(thrower);
      expect(readStorage('k')).toBeNull();
      expect(writeStorage('k', 'v')).toBe(false);
      expect(writeStorage('k', null)).toBe(false);
    });

    it('localStorage itself missing (the property throws, as with cookies blocked)', () => {
      const spy = vi.spyOn(window, 'localStorage', 'get').mockImplementation(denied);
      expect(readStorage('k')).toBeNull();
      expect(writeStorage('k', 'v')).toBe(false);
      spy.mockRestore();
    });
  });

  describe('the wizard with a full storage (setItem and getItem throw QuotaExceededError)', () => {
    beforeEach(() => {
      vi.spyOn(Storage.prototype, 'setItem').mockImplementation(quota);
      vi.spyOn(Storage.prototype, 'getItem').mockImplementation(quota);
    });

    it('keeps working: walks three pages, shows the notice exactly once, and keeps every answer', async () => {
      const { user } = await renderApp();
      // Nothing readable: a plain start, no resume offer.
      expect(screen.queryByRole('region', { name: T.resume.title })).toBeNull();
      await walkThreePages(user);
      expect(storageNotices()).toHaveLength(1);
      expect(storageNotices()[0]!.closest('[role="status"]')).not.toBeNull();
      // The notice offers the share link instead.
      expect(T.notice['storage-unavailable']).toMatch(/deellink/);

      await user.click(screen.getByRole('button', { name: T.nav.back }));
      expect(heading()).toHaveTextContent(T.figures.title);
      expect(screen.getByRole('textbox', { name: T.figures.turnoverLabel })).toHaveValue('1.800.000');
      await user.click(screen.getByRole('button', { name: T.nav.back }));
      expect(screen.getByRole('textbox', { name: T.staff.title })).toHaveValue('12,5');
      await user.click(screen.getByRole('button', { name: T.nav.back }));
      expect(screen.getByRole('radio', { name: 'Limburg' })).toBeChecked();
      expect(storageNotices()).toHaveLength(1);
    });

    it('the language switch still works (its choice just is not remembered)', async () => {
      const { user } = await renderApp();
      await user.click(screen.getByRole('button', { name: 'English' }));
      await vi.waitFor(() => expect(document.documentElement.lang).toBe('en'));
    });

    // KNOWN BUG (see the report): Wizard.tsx calls onNotice('storage-unavailable') after every failed
    // save, so once the user dismisses the notice it comes back on the very next answer, and it
    // replaces any other notice shown (e.g. "import-content-changed"). "Says so once" asks for a
    // remembered flag. Fixed.
    it('once dismissed, the notice does not come back on the next answer', async () => {
      const { user } = await renderApp();
      await enterWizard(user, T.start.button);
      await user.click(screen.getByRole('radio', { name: T.region.options.flanders }));
      await user.click(screen.getByRole('radio', { name: 'Limburg' }));
      await submit(user);
      expect(storageNotices()).toHaveLength(1);
      await user.click(screen.getByRole('button', { name: T.notice.dismiss }));
      expect(storageNotices()).toHaveLength(0);
      await user.type(screen.getByRole('textbox', { name: T.staff.title }), '3');
      await submit(user);
      expect(heading()).toHaveTextContent(T.figures.title);
      expect(storageNotices()).toHaveLength(0);
    });
  });
});
