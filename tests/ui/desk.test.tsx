// @vitest-environment jsdom
// The desk page and "save to desk" in jsdom, with fake-indexeddb as the browser's IndexedDB: save
// from a client's result and find it on the desk; status per channel and the overview; delete and
// undo; search; the change marker for a record saved with an earlier content; import with merge;
// the passphrase (wrong one said, nothing lost); blocked storage.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import DeskPage from '../../src/ui/desk/DeskPage';
import { DeskStorageError, DeskStore } from '../../src/wizard/desk/store';
import { deskToJson } from '../../src/wizard/desk/transfer';
import type { DeskRecord } from '../../src/wizard/desk/record';
import { recordOf, variantContent, WORKSHOP } from '../wizard/desk-fixtures';
import { CONTENT, fill, renderAppAt, setupUi, T } from './render';

setupUi();
const D = T.desk;
const SAVE = T.saveToDesk;
const NOW = Date.now();
const daysAgo = (d: number) => new Date(NOW - d * 86_400_000);

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  sessionStorage.clear();
});

async function seed(records: DeskRecord[]) {
  const store = await DeskStore.open();
  await store.putMany(records);
  store.close();
}

async function openDesk() {
  const user = userEvent.setup();
  render(<DeskPage />);
  await screen.findByRole('heading', { level: 1, name: D.title });
  await waitFor(() => expect(document.querySelector('.loading')).toBeNull());
  return user;
}

const entry = (name: string) => screen.getByRole('listitem', { name });

describe('the desk', () => {
  it('saves a client\'s result under the client\'s name, and the desk lists it', async () => {
    const { user } = await renderAppAt('result', { ...WORKSHOP, clientName: '' });
    const save = await screen.findByRole('button', { name: SAVE.save });
    await user.click(save);
    expect(await screen.findByText(SAVE.saveNoName)).toBeInTheDocument();
    await user.type(screen.getByLabelText(T.letter.clientName), 'Metaal Vandamme');
    await user.click(screen.getByRole('button', { name: SAVE.save }));
    expect(await screen.findByText(fill(SAVE.savedNew, { name: 'Metaal Vandamme' }), {}, { timeout: 10_000 })).toBeInTheDocument();
    // Saved again from the same result: the entry is updated, not copied.
    await user.click(screen.getByRole('button', { name: fill(SAVE.saveUpdate, { name: 'Metaal Vandamme' }) }));
    expect(await screen.findByText(fill(SAVE.savedUpdated, { name: 'Metaal Vandamme' }), {}, { timeout: 10_000 })).toBeInTheDocument();
    const store = await DeskStore.open();
    const { records } = await store.readAll(CONTENT, 'nl');
    store.close();
    expect(records.map((r) => r.name)).toEqual(['Metaal Vandamme']);
    expect(screen.getByRole('link', { name: SAVE.openDesk })).toHaveAttribute('href', '?desk');
  });

  it('an empty desk says how to fill it', async () => {
    await openDesk();
    expect(screen.getByRole('heading', { name: D.emptyTitle })).toBeInTheDocument();
  });

  it('sets a status per channel with date and note, and the overview counts it', async () => {
    await seed([recordOf(WORKSHOP, 'Metaal Vandamme', daysAgo(2))]);
    const user = await openDesk();
    const item = entry('Metaal Vandamme');
    await user.click(within(item).getByRole('button', { name: new RegExp(D.more) }));
    const kmo = CONTENT.channels['kmo-portefeuille']!.name.nl;
    const form = within(item).getByRole('group', { name: fill(D.statusOf, { channel: kmo }) });
    await user.selectOptions(within(form).getByLabelText(D.statusLabel), D.status.applied);
    await user.clear(within(form).getByLabelText(D.statusDate));
    await user.click(within(form).getByRole('button', { name: fill(D.statusSave, { channel: kmo }) }));
    expect(await within(form).findByText(fill(D.statusDateError, { channel: kmo }))).toBeInTheDocument();
    await user.type(within(form).getByLabelText(D.statusDate), '2026-11-20');
    await user.type(within(form).getByLabelText(D.statusNote), 'Dossier ingediend');
    await user.click(within(form).getByRole('button', { name: fill(D.statusSave, { channel: kmo }) }));
    expect(await within(form).findByText(fill(D.statusSaved, { channel: kmo, status: D.status.applied }))).toBeInTheDocument();
    const table = screen.getByRole('table', { name: D.countsCaption });
    const row = within(table).getAllByRole('row').find((r) => r.querySelector('th')?.textContent === kmo)!;
    const cells = within(row).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['0', '0', '1', '0', '0', '0']);
    expect(within(item).getByText(/Dossier ingediend/, { selector: 'ol li' })).toBeInTheDocument();
  });

  it('deletes with undo, searches, and puts old entries whose status never moved first', async () => {
    await seed([recordOf(WORKSHOP, 'Recent BV', daysAgo(1)), recordOf(WORKSHOP, 'Oud NV', daysAgo(60))]);
    const user = await openDesk();
    const names = () => screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(names()).toEqual(['Oud NV', 'Recent BV']);
    expect(within(entry('Oud NV')).getByText(fill(D.followUpTag_other, { count: 4 }))).toBeInTheDocument();
    await user.type(screen.getByRole('searchbox', { name: D.search }), 'recent');
    expect(names()).toEqual(['Recent BV']);
    await user.clear(screen.getByRole('searchbox', { name: D.search }));
    await user.click(within(entry('Recent BV')).getByRole('button', { name: new RegExp(`^${D.delete}`) }));
    expect(await screen.findByText(fill(D.deleted, { name: 'Recent BV' }))).toBeInTheDocument();
    expect(names()).toEqual(['Oud NV']);
    await user.click(screen.getByRole('button', { name: fill(D.undo, { name: 'Recent BV' }) }));
    await waitFor(() => expect(names()).toEqual(['Oud NV', 'Recent BV']));
  });

  it('marks a firm whose referral changed since it was saved, with the plain-language line', async () => {
    await seed([recordOf(WORKSHOP, 'Veranderd', daysAgo(3), variantContent()), recordOf(WORKSHOP, 'Ongewijzigd', daysAgo(2))]);
    await openDesk();
    await waitFor(() => expect(within(entry('Veranderd')).getByText(D.changedTag)).toBeInTheDocument());
    const fact = CONTENT.channels['kmo-portefeuille']!.facts.find((f) => f.id === 'kmo-advice-cyber-only')!.text.nl;
    expect(within(entry('Veranderd')).getByText(new RegExp(fact.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))).toBeInTheDocument();
    expect(within(entry('Ongewijzigd')).queryByText(D.changedTag)).toBeNull();
  });

  it('imports a desk file, merging without duplicates, and says what it added, updated and skipped', async () => {
    const a = recordOf(WORKSHOP, 'Alfa', daysAgo(10));
    await seed([a]);
    const user = await openDesk();
    const b = recordOf(WORKSHOP, 'Beta', daysAgo(4));
    const file = new File([deskToJson([a, b])], 'kantoor.json', { type: 'application/json' });
    await user.upload(screen.getByLabelText(D.importLabel), file);
    expect(await screen.findByText(fill(D.imported, { file: 'kantoor.json', added: 1, updated: 0, skipped: 1, refused: 0 }))).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(2));
    await user.upload(screen.getByLabelText(D.importLabel), new File(['not json'], 'x.json'));
    expect(await screen.findByText(fill(D.importFailed['not-json'], { file: 'x.json' }))).toBeInTheDocument();
  });

  it('a passphrase locks the desk; a wrong one is said and nothing is lost', async () => {
    await seed([recordOf(WORKSHOP, 'Geheim BV', daysAgo(1))]);
    const user = await openDesk();
    await user.type(screen.getByLabelText(D.passphraseNew), 'kort');
    await user.click(screen.getByRole('button', { name: D.passphraseSetButton }));
    expect(await screen.findByText(fill(D.passphraseShort, { min: 8, length: 4 }))).toBeInTheDocument();
    await user.clear(screen.getByLabelText(D.passphraseNew));
    await user.type(screen.getByLabelText(D.passphraseNew), 'een lange zin');
    await user.type(screen.getByLabelText(D.passphraseAgain), 'een lange zin');
    await user.click(screen.getByRole('button', { name: D.passphraseSetButton }));
    expect(await screen.findByText(D.passphraseSet, {}, { timeout: 10_000 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: D.lockNow }));
    const field = await screen.findByLabelText(D.passphrase);
    await user.type(field, 'een andere zin');
    await user.click(screen.getByRole('button', { name: D.unlock }));
    expect(await screen.findByText(D.unlockWrong, {}, { timeout: 10_000 })).toBeInTheDocument();
    await user.clear(screen.getByLabelText(D.passphrase));
    await user.type(screen.getByLabelText(D.passphrase), 'een lange zin');
    await user.click(screen.getByRole('button', { name: D.unlock }));
    expect(await screen.findByRole('heading', { level: 3, name: 'Geheim BV' }, { timeout: 10_000 })).toBeInTheDocument();
  });

  it('full storage: the refused change is said, nothing else changes, and the export is offered', async () => {
    await seed([recordOf(WORKSHOP, 'Vol BV', daysAgo(1))]);
    const user = await openDesk();
    const putMany = vi.spyOn(DeskStore.prototype, 'putMany').mockRejectedValue(new DeskStorageError('full', new DOMException('quota', 'QuotaExceededError')));
    try {
      const item = entry('Vol BV');
      await user.click(within(item).getByRole('button', { name: new RegExp(D.more) }));
      const kmo = CONTENT.channels['kmo-portefeuille']!.name.nl;
      const form = within(item).getByRole('group', { name: fill(D.statusOf, { channel: kmo }) });
      await user.selectOptions(within(form).getByLabelText(D.statusLabel), D.status.granted);
      await user.click(within(form).getByRole('button', { name: fill(D.statusSave, { channel: kmo }) }));
      const alert = await screen.findByRole('alert');
      expect(within(alert).getByRole('heading', { name: D.problem.fullTitle })).toBeInTheDocument();
      expect(within(alert).getByRole('button', { name: D.exportJson })).toBeInTheDocument();
      expect(within(alert).getByRole('button', { name: D.exportCsv })).toBeInTheDocument();
      // The entry as stored is unchanged (still "to contact").
      const kmoLine = within(item).getAllByRole('listitem').find((li) => li.textContent?.startsWith(kmo))!;
      expect(within(kmoLine).getByText(D.status['to-contact'])).toBeInTheDocument();
    } finally {
      putMany.mockRestore();
    }
  });

  it('blocked storage is said clearly', async () => {
    const real = globalThis.indexedDB;
    globalThis.indexedDB = { open: () => { throw new DOMException('denied', 'SecurityError'); } } as unknown as IDBFactory;
    try {
      render(<DeskPage />);
      expect(await screen.findByRole('heading', { name: D.blockedTitle })).toBeInTheDocument();
    } finally {
      globalThis.indexedDB = real;
      await act(async () => {});
    }
  });
});
