// @vitest-environment jsdom
// "Compare with an earlier result" on the batch page (src/ui/batch/ChangesSection.tsx): an earlier result
// file in, per row what changed with the current content, the same CSV as `npm run changes`.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { processCsv } from '../../src/domain/batch-file';
import { compareResultFile } from '../../src/domain/result-changes';
import { changeLanguage } from '../../src/i18n';
import BatchPage from '../../src/ui/batch/BatchPage';
import { CONTENT, setupUi, STRINGS, T } from './render';

setupUi();

const C = T.changes;
const PROFILES = [
  'klant;region;province;staff;turnoverEur;nace;innovation;needs',
  'Bakkerij Peeters;flanders;limburg;4,5;450.000;10.71;;training',
  'Metaal Vandamme;flanders;west-vlaanderen;14;1.800.000;25.62;;practical-problem|training|advice',
].join('\r\n');
const bytes = (s: string) => new TextEncoder().encode(s);
const today = (() => {
  const r = processCsv(bytes(PROFILES), CONTENT, 'nl');
  if (!r.ok) throw new Error(r.problem.kind);
  return r.result.csv;
})();
/** The result file as if written with another content: the bakery's two channels the other way round, and a channel that no longer exists. */
const EARLIER = today.replace(/;kmo-portefeuille\|innovation-centre;/, ';innovation-centre|kmo-portefeuille|old-channel;');

function renderPage() {
  const user = userEvent.setup({ applyAccept: false });
  render(<BatchPage />);
  return user;
}
const input = () => screen.getByLabelText(C.fileLabel) as HTMLInputElement;
const status = () => screen.getByTestId('changes-status');
const table = () => within(screen.getByRole('region', { name: C.tableCaption })).getByRole('table');

describe('compare with an earlier result (batch page)', () => {
  it('is on the batch page, and says per row what changed since the earlier file', async () => {
    const user = renderPage();
    expect(screen.getByRole('heading', { level: 2, name: C.title })).toBeInTheDocument();
    await user.upload(input(), new File([EARLIER], 'triage-2026-01.csv', { type: 'text/csv' }));
    await waitFor(() => expect(status()).toHaveTextContent('Klaar: triage-2026-01.csv vergeleken. Veranderd: 1 van 2 rijen.'), { timeout: 10_000 });
    const rows = within(table()).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const bakery = rows[0]!;
    expect(within(bakery).getByRole('rowheader')).toHaveTextContent('2');
    expect(bakery).toHaveTextContent('Bakkerij Peeters');
    const lines = within(bakery).getAllByRole('listitem').map((li) => li.textContent);
    const name = (id: string) => CONTENT.channels[id]!.name.nl;
    expect(lines).toEqual(expect.arrayContaining([
      `${name('kmo-portefeuille')}: nu aanbevolen op de eerste plaats (was de tweede).`,
      'old-channel: niet langer aanbevolen.',
    ]));
    expect(rows[1]).toHaveTextContent('geen verandering');
    // What a result file cannot tell is said.
    expect(screen.getByText(CONTENT.engineTexts.changes.onlyRanks.nl)).toBeInTheDocument();
    // Only the changed rows.
    await user.click(screen.getByLabelText(C.onlyChanged));
    expect(within(table()).getAllByRole('row').slice(1)).toHaveLength(1);
  });

  it('offers the same CSV as npm run changes for download', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => { blobs.push(b as Blob); return 'blob:test'; });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const user = renderPage();
    await user.upload(input(), new File([EARLIER], 'earlier.csv', { type: 'text/csv' }));
    await waitFor(() => expect(status()).toHaveTextContent(/^Klaar/), { timeout: 10_000 });
    await user.click(screen.getByRole('button', { name: C.download }));
    const expected = compareResultFile(bytes(EARLIER), CONTENT, { lang: 'nl' });
    const got = new Uint8Array(await blobs[0]!.arrayBuffer());
    // A UTF-8 BOM for Excel, then exactly what npm run changes prints.
    expect([...got.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(expected.ok && new TextDecoder().decode(got.subarray(3))).toBe(expected.ok && expected.csv);
  });

  it('follows the language: the lines are compared again in English', async () => {
    const user = renderPage();
    await user.upload(input(), new File([EARLIER], 'earlier.csv', { type: 'text/csv' }));
    await waitFor(() => expect(status()).toHaveTextContent(/^Klaar/), { timeout: 10_000 });
    await changeLanguage('en');
    await waitFor(() => expect(screen.getByRole('region', { name: STRINGS.en.changes.tableCaption })).toHaveTextContent('old-channel: no longer recommended.'), { timeout: 10_000 });
  });

  it('names what is wrong with a file that is no result file, and keeps the page usable', async () => {
    const user = renderPage();
    await user.upload(input(), new File([PROFILES], 'profiles.csv', { type: 'text/csv' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(C.notAResult);
    expect(input()).toHaveAttribute('aria-invalid', 'true');
    expect(input()).toHaveAccessibleDescription(expect.stringContaining(C.fileHint));
    expect(input()).toHaveAccessibleDescription(expect.stringContaining(C.notAResult));
    await user.upload(input(), new File(['klant,region,recommendations\r\n"A,flanders,led\r\n'], 'broken.csv', { type: 'text/csv' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(T.batch.problems.unclosedQuote.replace('{{line}}', '2')));
    // A good file clears the message.
    await user.upload(input(), new File([EARLIER], 'earlier.csv', { type: 'text/csv' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull(), { timeout: 10_000 });
  });
});
