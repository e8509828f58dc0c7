// @vitest-environment jsdom
// "Earlier saved answers are kept until the user chooses": what happens to progress saved on this
// device when the page is opened with a share link, a damaged link, or after a failed import.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parseSaved, serialiseSaved } from '../../src/wizard/persistence';
import { SAVE_KEY } from '../../src/wizard/storage';
import { SME } from '../helpers';
import { enterWizard, heading, renderApp, setupUi, T } from '../ui/render';

setupUi();

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o), 'utf8').toString('base64url');
const OTHER_FIRM = { v: 1, profile: { region: 'flanders', province: 'antwerpen', staff: 5, nace: '62.01', innovation: {}, needs: ['advice'] } };

describe('saved progress and links', () => {
  it('a damaged link: the message, and the saved answers are still offered, untouched', async () => {
    const raw = serialiseSaved(SME, 'check');
    const { user } = await renderApp({ savedRaw: raw, hash: '#r=<script>alert(1)</script>' });
    expect(screen.getByRole('status')).toHaveTextContent(T.notice['link-damaged']);
    expect(localStorage.getItem(SAVE_KEY)).toBe(raw);
    await user.click(screen.getByRole('button', { name: T.resume.continue }));
    expect(heading()).toHaveTextContent(T.check.title);
    expect(parseSaved(localStorage.getItem(SAVE_KEY))).toMatchObject({ ok: true, value: { answers: SME } });
  });

  it('a failed import: the message, and the saved answers are still offered, untouched', async () => {
    const raw = serialiseSaved(SME, 'check');
    const { user } = await renderApp({ savedRaw: raw });
    const input = document.querySelector<HTMLInputElement>('#import-file')!;
    await user.upload(input, new File(['{"hello":"world"}'], 'x.json', { type: 'application/json' }));
    await screen.findByText(T.notice['import-not-an-intake']);
    expect(localStorage.getItem(SAVE_KEY)).toBe(raw);
    await enterWizard(user, T.resume.continue);
    expect(heading()).toHaveTextContent(T.check.title);
  });

  // KNOWN GAP (see the report): a valid share link opens its result and the autosave writes the
  // link's answers over the progress saved on this device, without asking: someone who opens a
  // colleague's link loses their own half-finished answers. The app now keeps it (until the user works with the link; (or asks
  // before replacing) the earlier save.
  it('a valid share link of another firm does not overwrite the progress saved on this device', async () => {
    const raw = serialiseSaved(SME, 'check');
    await renderApp({ savedRaw: raw, hash: `#r=${b64(OTHER_FIRM)}` });
    expect(heading()).toHaveTextContent(T.result.title);
    expect(localStorage.getItem(SAVE_KEY)).toBe(raw);
  });
});
