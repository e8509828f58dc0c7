// The desk's state in the page: the store (opening, blocked, locked, open), its records and settings,
// every write with its failure kept for the page to explain, and "what changed" worked out in slices
// after the list shows, so a desk of thousands of firms opens at once and stays responsive.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Content } from '../../domain/content-model';
import type { Lang } from '../../domain/types';
import type { DeskRecord } from '../../wizard/desk/record';
import { DEFAULT_SETTINGS, DeskStorageError, DeskStore, type DeskProblem, type DeskSettings, type UnreadableRow } from '../../wizard/desk/store';

export type DeskPhase = 'opening' | 'blocked' | 'locked' | 'open';

/** How long one slice of "what changed" may run before the page gets the main thread back (ms). */
const SLICE_MS = 12;

export interface Desk {
  phase: DeskPhase;
  records: DeskRecord[];
  unreadable: UnreadableRow[];
  settings: DeskSettings;
  hasPassphrase: boolean;
  /** While opening: how many of the stored rows have been read and checked. */
  progress: { read: number; total: number } | null;
  /** The last write the browser refused (full or failed storage); cleared by the next write that works. */
  problem: DeskProblem | null;
  /** Tries the passphrase; false when it is wrong. */
  unlock: (passphrase: string) => Promise<boolean>;
  /** Stores records (new or changed); false when the browser refused (see `problem`). */
  save: (records: DeskRecord[]) => Promise<boolean>;
  remove: (record: DeskRecord) => Promise<boolean>;
  saveSettings: (settings: DeskSettings) => Promise<boolean>;
  setPassphrase: (passphrase: string | null) => Promise<boolean>;
  /** Forgets the passphrase's key: the desk is locked again. */
  lock: () => void;
}

export function useDesk(content: Content, lang: Lang): Desk {
  const store = useRef<DeskStore | null>(null);
  const [phase, setPhase] = useState<DeskPhase>('opening');
  const [records, setRecords] = useState<DeskRecord[]>([]);
  const [unreadable, setUnreadable] = useState<UnreadableRow[]>([]);
  const [settings, setSettings] = useState(DEFAULT_SETTINGS);
  const [hasPassphrase, setHasPassphrase] = useState(false);
  const [problem, setProblem] = useState<DeskProblem | null>(null);
  const [generation, setGeneration] = useState(0);
  const [progress, setProgress] = useState<{ read: number; total: number } | null>(null);

  const load = useCallback(async (s: DeskStore) => {
    const [all, stored] = await Promise.all([s.readAll(content, lang, (read, total) => setProgress({ read, total })), s.settings()]);
    setRecords(all.records);
    setUnreadable(all.unreadable);
    setSettings(stored);
    setHasPassphrase(s.hasPassphrase);
    setPhase('open');
  }, [content, lang]);

  useEffect(() => {
    let live = true;
    DeskStore.open().then(async (s) => {
      if (!live) { s.close(); return; }
      store.current = s;
      setHasPassphrase(s.hasPassphrase);
      if (s.locked) setPhase('locked');
      else await load(s);
    }).catch(() => { if (live) setPhase('blocked'); });
    return () => { live = false; store.current?.close(); store.current = null; };
    // load reads the records once per opening; a language switch re-reads nothing (the list's texts follow `lang`).
    // eslint-disable-next-line react-hooks/exhaustive-deps -- opened once per generation (a lock starts a new one)
  }, [generation]);

  /** Runs a write; a refusal is kept in `problem` for the page to explain. */
  const write = async (run: (s: DeskStore) => Promise<void>): Promise<boolean> => {
    const s = store.current;
    if (!s) return false;
    try {
      await run(s);
      setProblem(null);
      return true;
    } catch (e) {
      setProblem(e instanceof DeskStorageError ? e.problem : 'failed');
      return false;
    }
  };

  return {
    phase, records, unreadable, settings, hasPassphrase, problem, progress,
    unlock: async (passphrase) => {
      const s = store.current;
      if (!s || !(await s.unlock(passphrase))) return false;
      try {
        await load(s);
      } catch (e) {
        setProblem(e instanceof DeskStorageError ? e.problem : 'failed');
      }
      return true;
    },
    save: async (changed) => {
      const ok = await write((s) => s.putMany(changed));
      if (ok) {
        const byId = new Map(changed.map((r) => [r.id, r]));
        setRecords((all) => [...all.map((r) => byId.get(r.id) ?? r), ...changed.filter((r) => !all.some((x) => x.id === r.id))]);
      }
      return ok;
    },
    remove: async (record) => {
      const ok = await write((s) => s.remove(record.id));
      if (ok) setRecords((all) => all.filter((r) => r.id !== record.id));
      return ok;
    },
    saveSettings: async (next) => {
      const ok = await write((s) => s.saveSettings(next));
      if (ok) setSettings(next);
      return ok;
    },
    setPassphrase: async (passphrase) => {
      const ok = await write((s) => s.setPassphrase(passphrase, content, lang));
      if (ok) setHasPassphrase(passphrase !== null);
      return ok;
    },
    lock: () => {
      store.current?.close();
      store.current = null;
      setRecords([]);
      setPhase('opening');
      setGeneration((g) => g + 1);
    },
  };
}

/**
 * "What changed" for every record, worked out a slice at a time (SLICE_MS each, then the main thread is
 * given back), so the list shows first. Results are kept per record object and language: a record
 * that did not change is not worked out again. `done` counts the records worked out so far.
 */
export function useRecordChanges<C>(records: readonly DeskRecord[], lang: Lang, compare: (r: DeskRecord) => C[]): { changes: ReadonlyMap<string, C[]>; done: number } {
  const cache = useRef(new Map<Lang, WeakMap<DeskRecord, C[]>>());
  const [state, setState] = useState<{ changes: ReadonlyMap<string, C[]>; done: number; of: readonly DeskRecord[]; lang: Lang }>({ changes: new Map(), done: 0, of: [], lang });
  const compareRef = useRef(compare);
  useEffect(() => { compareRef.current = compare; });

  useEffect(() => {
    let byRecord = cache.current.get(lang);
    if (!byRecord) cache.current.set(lang, (byRecord = new WeakMap()));
    const known = byRecord;
    const changes = new Map<string, C[]>();
    let i = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slice = () => {
      const until = performance.now() + SLICE_MS;
      while (i < records.length && performance.now() < until) {
        const r = records[i++]!;
        let c = known.get(r);
        if (!c) known.set(r, (c = compareRef.current(r)));
        if (c.length) changes.set(r.id, c);
      }
      setState({ changes: new Map(changes), done: i, of: records, lang });
      if (i < records.length) timer = setTimeout(slice, 0);
    };
    slice();
    return () => clearTimeout(timer);
  }, [records, lang]);
  return state.of === records && state.lang === lang ? state : { changes: state.changes, done: Math.min(state.done, records.length) };
}
