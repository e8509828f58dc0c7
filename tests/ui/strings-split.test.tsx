// @vitest-environment jsdom
// The start page starts with only its own strings (first-load budget); the wizard brings the rest,
// also for a language switched to before or after it opened. A missing string would show its key.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../src/i18n';
import { App } from '../../src/ui/App';
import { STRINGS } from './render';

vi.setConfig({ testTimeout: 30_000 });

describe('strings in two parts', () => {
  beforeAll(async () => {
    localStorage.clear();
    await initI18n('nl', 'start');
  });
  afterAll(() => cleanup());

  it('the start page shows with its own strings; the wizard and a later language switch bring all of theirs', async () => {
    const user = userEvent.setup();
    render(<App />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(STRINGS.nl.start.title);
    // Not loaded yet: the strings of the question pages.
    expect(i18next.exists('region.title')).toBe(false);

    // Switching the language on the start page loads only that language's start strings.
    await user.click(screen.getByRole('button', { name: STRINGS.fr.lang.fr }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(STRINGS.fr.start.title));
    expect(i18next.exists('region.title', { lng: 'fr' })).toBe(false);

    await user.click(screen.getByRole('button', { name: STRINGS.fr.start.button }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(STRINGS.fr.region.title.replace('$t(firm.{{mode}})', STRINGS.fr.firm.owner)), { timeout: 10_000 });
    expect(screen.getByRole('button', { name: STRINGS.fr.nav.continue })).toBeInTheDocument();

    // A language first met inside the wizard comes with all its strings.
    await user.click(screen.getByRole('button', { name: STRINGS.en.lang.en }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(STRINGS.en.region.title.replace('$t(firm.{{mode}})', STRINGS.en.firm.owner)));
    expect(screen.getByRole('button', { name: STRINGS.en.nav.continue })).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/\b(region|nav|start)\.\w+/);
  });
});
