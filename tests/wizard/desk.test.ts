// The desk's pure parts and its store (fake-indexeddb in Node): the record and its checks, the
// follow-up rule and the orders, search and counts, what changed against a test content variant,
// the prefilled link, export/import with merge, and the passphrase (PBKDF2 + AES-GCM).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { decodeShareFragment } from '../../src/wizard/persistence';
import { recordChanges } from '../../src/wizard/desk/changes';
import { createLock, openLock } from '../../src/wizard/desk/crypto';
import { knownFacts, prefilledLink } from '../../src/wizard/desk/link';
import { matchesSearch, needsFollowUp, readRecord, recordAnswers, sortRecords, statusCounts, type DeskRecord } from '../../src/wizard/desk/record';
import { DeskStore } from '../../src/wizard/desk/store';
import { DESK_CSV_COLUMNS, deskToCsv, deskToJson, mergeRecords, readDeskFile } from '../../src/wizard/desk/transfer';
import { parseCsv } from '../../src/domain/csv';
import { completeProfile } from '../../src/wizard/answers';
import { savedFromRanking } from '../../src/domain/referral-changes';
import { content } from '../helpers';
import { CHANGED_FACT, recordOf, variantContent, WORKSHOP } from './desk-fixtures';

const NOW = new Date('2026-11-30T10:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
let dbCount = 0;
const freshStore = () => DeskStore.open(`desk-test-${++dbCount}`);

describe('desk record', () => {
  it('is made from finished answers: name, mode, content version, profile, recommended channels and the referral snapshot', () => {
    const r = recordOf(WORKSHOP, 'Metaal Vandamme', NOW);
    expect(r).toMatchObject({ v: 1, name: 'Metaal Vandamme', adviserName: 'An Peeters', mode: 'client', savedAt: NOW.toISOString(), contentVersion: content().meta.contentVersion, notes: 'Wil een tweede CNC-machine.' });
    expect(r.profile).toEqual(completeProfile(WORKSHOP, content()));
    expect(r.channels[0]).toBe('kmo-portefeuille');
    expect(r.referral?.format).toBe('savedReferral/1');
    expect(readRecord(JSON.parse(JSON.stringify(r)), content())).toEqual({ ok: true, record: r });
    // It reopens as the same answers, with the names and notes.
    expect(completeProfile(recordAnswers(r), content())).toEqual(r.profile);
    expect(recordAnswers(r)).toMatchObject({ mode: 'client', clientName: 'Metaal Vandamme', adviserName: 'An Peeters', notes: 'Wil een tweede CNC-machine.' });
  });

  it('refuses a damaged record naming every field and its rule', () => {
    const r = JSON.parse(JSON.stringify(recordOf(WORKSHOP, 'X', NOW))) as Record<string, unknown>;
    const bad = { ...r, name: '', status: { 'kmo-portefeuille': { status: 'won', date: '30/11/2026', note: '' } }, extra: 1 };
    const read = readRecord(bad, content());
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => `${p.field}:${p.rule}`).sort()).toEqual(['extra:unknown', 'name:name', 'status.kmo-portefeuille.date:status', 'status.kmo-portefeuille.status:status']);
    const badProfile = readRecord({ ...r, profile: { ...(r.profile as object), staff: -3 } }, content(), 'en');
    expect(badProfile.ok === false && badProfile.problems[0]).toMatchObject({ field: 'profile.staff', rule: 'profile' });
    expect(badProfile.ok === false && badProfile.problems[0]!.text).toBeTruthy();
  });

  it('follow-up rule: older than N weeks and no status ever moved comes first, oldest first', () => {
    const old = recordOf(WORKSHOP, 'Oud', daysAgo(40));
    const older = recordOf(WORKSHOP, 'Ouder', daysAgo(60));
    const moved: DeskRecord = { ...recordOf(WORKSHOP, 'Bewogen', daysAgo(90)), status: { 'kmo-portefeuille': { status: 'contacted', date: '2026-10-01', note: '' } } };
    const recent = recordOf(WORKSHOP, 'Recent', daysAgo(3));
    const stillToContact: DeskRecord = { ...recordOf(WORKSHOP, 'Nog te contacteren', daysAgo(50)), status: { 'kmo-portefeuille': { status: 'to-contact', date: '2026-10-11', note: 'gebeld, geen antwoord' } } };
    expect(needsFollowUp(old, NOW, 4)).toBe(true);
    expect(needsFollowUp(old, NOW, 6)).toBe(false);
    expect(needsFollowUp(moved, NOW, 4)).toBe(false);
    expect(needsFollowUp(stillToContact, NOW, 4)).toBe(true);
    const all = [recent, old, moved, older, stillToContact];
    expect(sortRecords(all, 'followUp', NOW, 4, 'nl').map((r) => r.name)).toEqual(['Ouder', 'Nog te contacteren', 'Oud', 'Recent', 'Bewogen']);
    expect(sortRecords(all, 'newest', NOW, 4, 'nl').map((r) => r.name)).toEqual(['Recent', 'Oud', 'Nog te contacteren', 'Ouder', 'Bewogen']);
    expect(sortRecords(all, 'oldest', NOW, 4, 'nl').map((r) => r.name)[0]).toBe('Bewogen');
    expect(sortRecords(all, 'name', NOW, 4, 'nl').map((r) => r.name)).toEqual(['Bewogen', 'Nog te contacteren', 'Oud', 'Ouder', 'Recent']);
  });

  it('search finds by every word in name, notes, NACE code, province or channel name; counts per status and channel', () => {
    const r = recordOf(WORKSHOP, 'Metaal Vandamme', NOW);
    expect(matchesSearch(r, 'vandamme cnc', content(), 'nl')).toBe(true);
    expect(matchesSearch(r, '25.62 west-vlaanderen', content(), 'nl')).toBe(true);
    expect(matchesSearch(r, content().channels['kmo-portefeuille']!.name.nl.toLowerCase(), content(), 'nl')).toBe(true);
    expect(matchesSearch(r, 'bakkerij', content(), 'nl')).toBe(false);
    const granted: DeskRecord = { ...r, id: 'other-id-1', status: { 'kmo-portefeuille': { status: 'granted', date: '2026-11-01', note: '' } } };
    const counts = statusCounts([r, granted]);
    expect(counts.byChannel.get('kmo-portefeuille')).toMatchObject({ 'to-contact': 1, granted: 1 });
    expect(counts.total['to-contact']).toBe(r.channels.length * 2 - 1);
  });
});

describe('what changed', () => {
  it('a record saved with an earlier content (a fact said otherwise) is marked with a plain-language line; with the same content nothing', () => {
    const before = recordOf(WORKSHOP, 'Metaal Vandamme', NOW, variantContent());
    const lines = recordChanges(before, content(), 'en');
    expect(lines).toEqual([expect.objectContaining({ channel: 'kmo-portefeuille', kind: 'fact' })]);
    expect(lines[0]!.text).toContain(content().channels['kmo-portefeuille']!.facts.find((f) => f.id === CHANGED_FACT)!.text.en);
    expect(recordChanges(recordOf(WORKSHOP, 'Metaal Vandamme', NOW), content(), 'en')).toEqual([]);
  });

  it('a firm outside Flanders is compared on its region\'s front doors', () => {
    const brussels = recordOf({ mode: 'client', region: 'brussels' }, 'Atelier Brussel', NOW);
    expect(brussels.profile).toBeNull();
    expect(brussels.referral?.channels.map((c) => c.channel)).toContain('brussels');
    expect(recordChanges(brussels, content(), 'nl')).toEqual([]);
    // Saved when the region's first door was another one: that is a change now.
    const earlier = { ...brussels, referral: savedFromRanking(['een', 'brussels']) };
    expect(recordChanges(earlier, content(), 'en').map((c) => c.channel)).toContain('brussels');
  });
});

describe('prefilled link', () => {
  it('carries size, sector and province only, in the documented #r= format; the wizard opens it at the first open question', () => {
    const r = recordOf(WORKSHOP, 'Metaal Vandamme', NOW);
    const link = prefilledLink(r, 'https://example.be/');
    expect(link.startsWith('https://example.be/#r=')).toBe(true);
    const json = JSON.parse(Buffer.from(link.split('#r=')[1]!, 'base64url').toString('utf8')) as { v: number; mode?: string; profile: Record<string, unknown> };
    expect(json).toEqual({ v: 1, profile: knownFacts(r) });
    expect(Object.keys(json.profile).sort()).toEqual(['balanceSheetEur', 'nace', 'ownedByLargeGroup', 'province', 'region', 'staff', 'turnoverEur']);
    const decoded = decodeShareFragment(`#r=${link.split('#r=')[1]}`, content());
    expect(decoded.ok && decoded.value).toMatchObject({ region: 'flanders', province: 'west-vlaanderen', staff: 14, nace: '25.62' });
    expect(decoded.ok && decoded.value.needs).toBeUndefined();
    expect(decoded.ok && decoded.value.clientName).toBeUndefined();
  });
});

describe('export and import', () => {
  const a = recordOf(WORKSHOP, 'Alfa', daysAgo(10));
  const b = recordOf(WORKSHOP, 'Beta', daysAgo(5));

  it('JSON reads back the same records; CSV has one row per firm and channel, with the status', () => {
    const read = readDeskFile(deskToJson([a, b]), content(), 'nl');
    expect(read).toEqual({ ok: true, records: [a, b], refused: [] });
    const rows = parseCsv(deskToCsv([{ ...a, status: { 'kmo-portefeuille': { status: 'applied', date: '2026-11-20', note: 'dossier 12' } } }], content(), 'nl'));
    expect(rows[0]).toEqual([...DESK_CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + a.channels.length);
    const first = Object.fromEntries(rows[0]!.map((k, i) => [k, rows[1]![i]]));
    expect(first).toMatchObject({ name: 'Alfa', channel: 'kmo-portefeuille', rank: '1', status: 'applied', statusDate: '2026-11-20', statusNote: 'dossier 12', staff: '14', nace: '25.62' });
  });

  it('merges without duplicates: new added, changed-later updated, identical or older skipped; a bad record refused with its field', () => {
    const bLater: DeskRecord = { ...b, updatedAt: NOW.toISOString(), status: { 'kmo-portefeuille': { status: 'granted', date: '2026-11-29', note: '' } } };
    const aOlder: DeskRecord = { ...a, updatedAt: daysAgo(20).toISOString(), notes: 'oud' };
    const c = recordOf(WORKSHOP, 'Gamma', daysAgo(1));
    const file = JSON.parse(deskToJson([aOlder, bLater, c])) as { records: unknown[] };
    file.records.push({ ...JSON.parse(JSON.stringify(c)), id: 'bad-record-1', name: 'x'.repeat(300) });
    const read = readDeskFile(JSON.stringify(file), content(), 'nl');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.refused).toEqual([{ position: 4, name: 'x'.repeat(200), problems: [{ field: 'name', rule: 'name' }] }]);
    const merge = mergeRecords([a, b], read.records);
    expect(merge.added.map((r) => r.name)).toEqual(['Gamma']);
    expect(merge.updated.map((r) => r.name)).toEqual(['Beta']);
    expect(merge.skipped.map((r) => r.name)).toEqual(['Alfa']);
    // Into an empty desk everything is added; the same file twice adds nothing the second time.
    expect(mergeRecords([], read.records).added).toHaveLength(3);
    expect(mergeRecords(read.records, read.records)).toMatchObject({ added: [], updated: [] });
  });

  it('a file that is not a desk file is refused as a whole, saying why', () => {
    expect(readDeskFile('{', content(), 'nl')).toEqual({ ok: false, problem: 'not-json' });
    expect(readDeskFile('{"format":"innovatiewijzer-intake","version":1}', content(), 'nl')).toEqual({ ok: false, problem: 'not-a-desk' });
    expect(readDeskFile('{"format":"innovatiewijzer-desk","version":2,"records":[]}', content(), 'nl')).toEqual({ ok: false, problem: 'newer-version' });
  });
});

describe('store and passphrase', () => {
  it('keeps records in IndexedDB and reads them back; delete and put again (undo)', async () => {
    const store = await freshStore();
    const a = recordOf(WORKSHOP, 'Alfa', NOW);
    await store.put(a);
    expect((await store.readAll(content(), 'nl')).records).toEqual([a]);
    expect(await store.get(a.id, content(), 'nl')).toEqual(a);
    await store.remove(a.id);
    expect((await store.readAll(content(), 'nl')).records).toEqual([]);
    await store.put(a);
    expect((await store.readAll(content(), 'nl')).records).toEqual([a]);
    store.close();
  });

  it('a passphrase seals every record; a wrong one opens nothing and changes nothing; removing it stores them plain again', async () => {
    const name = `desk-test-${++dbCount}`;
    const store = await DeskStore.open(name);
    const a = recordOf(WORKSHOP, 'Alfa', NOW);
    await store.put(a);
    await store.setPassphrase('correct horse battery', content(), 'nl', 1_000);
    store.close();
    // What is stored no longer shows the name.
    const raw = await new Promise<unknown[]>((resolve) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => { const g = req.result.transaction('records').objectStore('records').getAll(); g.onsuccess = () => { resolve(g.result as unknown[]); req.result.close(); }; };
    });
    expect(JSON.stringify(raw)).not.toContain('Alfa');
    const again = await DeskStore.open(name);
    expect(again.locked).toBe(true);
    expect(await again.unlock('wrong passphrase')).toBe(false);
    expect(again.locked).toBe(true);
    expect(await again.unlock('correct horse battery')).toBe(true);
    expect((await again.readAll(content(), 'nl')).records).toEqual([a]);
    await again.setPassphrase(null, content(), 'nl');
    again.close();
    const plain = await DeskStore.open(name);
    expect(plain.locked).toBe(false);
    expect((await plain.readAll(content(), 'nl')).records).toEqual([a]);
    plain.close();
  });

  it('a lock opens with its passphrase only (PBKDF2-SHA-256 + AES-GCM)', async () => {
    const { lock } = await createLock('een lange zin', 1_000);
    expect(await openLock('een lange zin', lock)).not.toBeNull();
    expect(await openLock('een lange Zin', lock)).toBeNull();
  });

  it('a damaged row is reported with its id and kept', async () => {
    const name = `desk-test-${++dbCount}`;
    const store = await DeskStore.open(name);
    const a = recordOf(WORKSHOP, 'Alfa', NOW);
    await store.put(a);
    await new Promise<void>((resolve) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => { const tx = req.result.transaction('records', 'readwrite'); tx.objectStore('records').put({ id: 'broken-row', record: { v: 1, name: 'Kapot' } }); tx.oncomplete = () => { req.result.close(); resolve(); }; };
    });
    const { records, unreadable } = await store.readAll(content(), 'nl');
    expect(records).toEqual([a]);
    expect(unreadable.map((u) => u.id)).toEqual(['broken-row']);
    store.close();
  });

  it('opening fails as "blocked" when the browser refuses IndexedDB', async () => {
    const real = indexedDB.open.bind(indexedDB);
    indexedDB.open = () => { throw new DOMException('denied', 'SecurityError'); };
    try {
      await expect(freshStore()).rejects.toMatchObject({ problem: 'blocked' });
    } finally {
      indexedDB.open = real;
    }
  });
});
