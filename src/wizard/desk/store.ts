// Where the desk lives: IndexedDB on this device (through the idb library), one row per record, sealed
// when a passphrase is set (crypto.ts). Nothing leaves the device. Every failure is a DeskStorageError
// with a problem the UI names: the browser does not allow storage ("blocked"), it is full ("full"),
// or something else went wrong ("failed"). A row that cannot be read is kept as it is and reported.
import { openDB, type IDBPDatabase } from 'idb';
import type { Content } from '../../domain/content-model';
import type { Lang } from '../../domain/types';
import { createLock, LockSchema, openLock, seal, SealedSchema, unseal, type Lock, type Sealed } from './crypto';
import { readRecord, type DeskRecord, type RecordProblem } from './record';

export const DESK_DB = 'innovatiewijzer-desk';
const DB_VERSION = 1;
const RECORDS = 'records';
const META = 'meta';
/** Rows read and checked at a time (about 30 ms of work on a slow machine). */
const READ_CHUNK = 250;

/** A stored row: the record as it is, or sealed with the passphrase's key. */
interface Row {
  id: string;
  record?: unknown;
  sealed?: Sealed;
}

export type DeskProblem = 'blocked' | 'full' | 'failed';
export class DeskStorageError extends Error {
  constructor(readonly problem: DeskProblem, cause?: unknown) {
    super(`desk storage ${problem}`, { cause });
  }
}

/** The desk's own settings, stored beside the records. */
export interface DeskSettings {
  /** After how many weeks an entry whose status never moved comes first (1 to 52). */
  followUpWeeks: number;
}
export const DEFAULT_SETTINGS: DeskSettings = { followUpWeeks: 4 };
export const MAX_FOLLOW_UP_WEEKS = 52;

/** A row that could not be read: its id and why (a damaged row, or one sealed with another key). */
export interface UnreadableRow {
  id: string;
  problems: RecordProblem[];
}

const isQuota = (e: unknown) => e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED');
const failure = (e: unknown): DeskStorageError => (e instanceof DeskStorageError ? e : new DeskStorageError(isQuota(e) || isQuota((e as { cause?: unknown })?.cause) ? 'full' : 'failed', e));

export class DeskStore {
  private key: CryptoKey | null = null;

  private constructor(private readonly db: IDBPDatabase, private lockInfo: Lock | null) {}

  /** Opens (or creates) the desk of this browser. Throws DeskStorageError 'blocked' when the browser refuses IndexedDB. */
  static async open(name = DESK_DB): Promise<DeskStore> {
    let db: IDBPDatabase;
    try {
      db = await openDB(name, DB_VERSION, {
        upgrade(d) {
          d.createObjectStore(RECORDS, { keyPath: 'id' });
          d.createObjectStore(META);
        },
      });
    } catch (e) {
      throw new DeskStorageError('blocked', e);
    }
    try {
      const raw: unknown = await db.get(META, 'lock');
      const lock = raw === undefined ? null : LockSchema.safeParse(raw);
      // A damaged lock is no reason to show sealed rows as plain: it stays locked (and no passphrase opens it).
      return new DeskStore(db, lock === null ? null : lock.success ? lock.data : { salt: '', iterations: 1, check: { iv: '', data: '' } });
    } catch (e) {
      db.close();
      throw new DeskStorageError('blocked', e);
    }
  }

  close(): void {
    this.db.close();
  }

  /** A passphrase protects this desk. */
  get hasPassphrase(): boolean {
    return this.lockInfo !== null;
  }

  /** A passphrase protects this desk and has not been given yet: nothing can be read or written. */
  get locked(): boolean {
    return this.lockInfo !== null && this.key === null;
  }

  /** Tries a passphrase: true when it is right (the desk is then open), false when not (nothing changes). */
  async unlock(passphrase: string): Promise<boolean> {
    if (!this.lockInfo) return true;
    const key = await openLock(passphrase, this.lockInfo);
    if (key) this.key = key;
    return key !== null;
  }

  private async toRow(record: DeskRecord): Promise<Row> {
    return this.key ? { id: record.id, sealed: await seal(this.key, JSON.stringify(record)) } : { id: record.id, record };
  }

  private async fromRow(row: Row, content: Content, lang: Lang): Promise<{ ok: true; record: DeskRecord } | { ok: false; problems: RecordProblem[] }> {
    let data: unknown = row.record;
    if (row.sealed !== undefined) {
      const sealed = SealedSchema.safeParse(row.sealed);
      if (!this.key || !sealed.success) return { ok: false, problems: [{ field: 'record', rule: 'unknown' }] };
      try {
        data = JSON.parse(await unseal(this.key, sealed.data));
      } catch {
        return { ok: false, problems: [{ field: 'record', rule: 'unknown' }] };
      }
    }
    return readRecord(data, content, lang);
  }

  /**
   * Every record (the desk must be open), and the rows that could not be read (kept as they are). Read
   * and checked in chunks of READ_CHUNK rows with the main thread given back in between, so a desk of
   * thousands of firms never freezes the page; `onProgress(read, total)` follows along.
   */
  async readAll(content: Content, lang: Lang, onProgress?: (read: number, total: number) => void): Promise<{ records: DeskRecord[]; unreadable: UnreadableRow[] }> {
    if (this.locked) throw new DeskStorageError('failed', new Error('locked'));
    const records: DeskRecord[] = [];
    const unreadable: UnreadableRow[] = [];
    try {
      const keys = (await this.db.getAllKeys(RECORDS)) as string[];
      for (let i = 0; i < keys.length; i += READ_CHUNK) {
        const last = keys[Math.min(i + READ_CHUNK, keys.length) - 1]!;
        const rows = (await this.db.getAll(RECORDS, IDBKeyRange.bound(keys[i]!, last))) as Row[];
        for (const row of rows) {
          const r = await this.fromRow(row, content, lang);
          if (r.ok) records.push(r.record);
          else unreadable.push({ id: String(row.id), problems: r.problems });
        }
        onProgress?.(Math.min(i + READ_CHUNK, keys.length), keys.length);
        if (i + READ_CHUNK < keys.length) await new Promise((resolve) => setTimeout(resolve, 0));
      }
    } catch (e) {
      throw failure(e);
    }
    return { records, unreadable };
  }

  /** One record by its id: null when there is none or it cannot be read. The desk must be open. */
  async get(id: string, content: Content, lang: Lang): Promise<DeskRecord | null> {
    if (this.locked) throw new DeskStorageError('failed', new Error('locked'));
    let row: Row | undefined;
    try {
      row = (await this.db.get(RECORDS, id)) as Row | undefined;
    } catch (e) {
      throw failure(e);
    }
    if (!row) return null;
    const r = await this.fromRow(row, content, lang);
    return r.ok ? r.record : null;
  }

  /** Stores records (new or replacing those with the same id) in one transaction: all or none. */
  async putMany(records: readonly DeskRecord[]): Promise<void> {
    if (this.locked) throw new DeskStorageError('failed', new Error('locked'));
    const rows = await Promise.all(records.map((r) => this.toRow(r)));
    try {
      const tx = this.db.transaction(RECORDS, 'readwrite');
      await Promise.all([...rows.map((row) => tx.store.put(row)), tx.done]);
    } catch (e) {
      throw failure(e);
    }
  }

  put(record: DeskRecord): Promise<void> {
    return this.putMany([record]);
  }

  async remove(id: string): Promise<void> {
    try {
      await this.db.delete(RECORDS, id);
    } catch (e) {
      throw failure(e);
    }
  }

  /**
   * Sets, changes or (null) removes the passphrase: every readable record is sealed anew (or stored
   * plain) in one transaction with the new lock, so a failure leaves the desk as it was. Rows that
   * could not be read are left as they are. The desk must be open.
   */
  async setPassphrase(passphrase: string | null, content: Content, lang: Lang, iterations?: number): Promise<void> {
    const { records } = await this.readAll(content, lang);
    const next = passphrase === null ? null : await createLock(passphrase, iterations);
    const key = next?.key ?? null;
    const rows: Row[] = await Promise.all(records.map(async (r) => (key ? { id: r.id, sealed: await seal(key, JSON.stringify(r)) } : { id: r.id, record: r })));
    try {
      const tx = this.db.transaction([RECORDS, META], 'readwrite');
      const recordStore = tx.objectStore(RECORDS);
      const meta = tx.objectStore(META);
      await Promise.all([...rows.map((row) => recordStore.put(row)), next ? meta.put(next.lock, 'lock') : meta.delete('lock'), tx.done]);
    } catch (e) {
      throw failure(e);
    }
    this.lockInfo = next?.lock ?? null;
    this.key = key;
  }

  /** The desk's settings (the defaults where none are stored or they are out of range). */
  async settings(): Promise<DeskSettings> {
    try {
      const raw = (await this.db.get(META, 'settings')) as Partial<DeskSettings> | undefined;
      const weeks = raw?.followUpWeeks;
      return { followUpWeeks: Number.isInteger(weeks) && weeks! >= 1 && weeks! <= MAX_FOLLOW_UP_WEEKS ? weeks! : DEFAULT_SETTINGS.followUpWeeks };
    } catch {
      return DEFAULT_SETTINGS;
    }
  }

  async saveSettings(settings: DeskSettings): Promise<void> {
    try {
      await this.db.put(META, settings, 'settings');
    } catch (e) {
      throw failure(e);
    }
  }
}
