// Moving the desk: the whole desk as one JSON file (to import on another device or keep as a copy) or
// as CSV for a spreadsheet (one row per firm and recommended channel, with its status), and the import
// of a desk file, merged into the desk without duplicates. An import never throws and never loses a
// record silently: each one is added, updated, skipped as already there, or refused with its problems.
import type { Content } from '../../domain/content-model';
import { writeCsv, type Delimiter } from '../../domain/csv';
import { formatPlainNumber } from '../../domain/numbers';
import type { Lang } from '../../domain/types';
import { readRecord, statusOf, type DeskRecord, type RecordProblem } from './record';

export const DESK_FORMAT = 'innovatiewijzer-desk';
export const DESK_VERSION = 1;
/** Bytes of a desk file to import: 10,000 firms take some 60 MB; anything larger is not one of ours. */
export const MAX_DESK_BYTES = 200 * 1024 * 1024;

/** The desk file: `{ format, version: 1, exportedAt, records: [record v1, ...] }` (see record.ts). */
export function deskToJson(records: readonly DeskRecord[], now = new Date()): string {
  return `${JSON.stringify({ format: DESK_FORMAT, version: DESK_VERSION, exportedAt: now.toISOString(), records }, null, 1)}\n`;
}

/** The CSV columns, one row per firm and recommended channel (a firm with none has one row without a channel). */
export const DESK_CSV_COLUMNS = ['id', 'name', 'adviserName', 'mode', 'savedAt', 'updatedAt', 'contentVersion', 'region', 'province', 'staff', 'nace',
  'needs', 'rank', 'channel', 'channelName', 'status', 'statusDate', 'statusNote', 'notes'] as const;

/** The desk for a spreadsheet, channel names in `lang`. */
export function deskToCsv(records: readonly DeskRecord[], content: Content, lang: Lang, delimiter: Delimiter = ';'): string {
  const rows: string[][] = [[...DESK_CSV_COLUMNS]];
  for (const r of records) {
    const base = {
      id: r.id, name: r.name, adviserName: r.adviserName, mode: r.mode, savedAt: r.savedAt, updatedAt: r.updatedAt, contentVersion: r.contentVersion,
      region: r.region, province: r.profile?.province ?? '', staff: r.profile ? formatPlainNumber(r.profile.staff, delimiter === ';' ? ',' : '.') : '',
      nace: r.profile?.nace ?? '', needs: r.profile?.needs.join('|') ?? '', notes: r.notes,
    };
    const channels = r.channels.length ? r.channels : [null];
    channels.forEach((c, i) => {
      const s = c ? statusOf(r, c) : null;
      const cells: Record<string, string> = { ...base, rank: c ? String(i + 1) : '', channel: c ?? '', channelName: c ? content.channels[c]?.name[lang] ?? c : '',
        status: s?.status ?? '', statusDate: s?.date ?? '', statusNote: s?.note ?? '' };
      rows.push(DESK_CSV_COLUMNS.map((k) => cells[k] ?? ''));
    });
  }
  return writeCsv(rows, delimiter);
}

/** A record of the file that was refused: its position (1 = first) and name where it has one, with its problems. */
export interface RefusedRecord {
  position: number;
  name?: string;
  problems: RecordProblem[];
}

export type DeskFileResult =
  | { ok: true; records: DeskRecord[]; refused: RefusedRecord[] }
  | { ok: false; problem: 'too-large' | 'not-json' | 'not-a-desk' | 'newer-version' };

/** The records of a desk file, each checked on its own (a bad one is refused with its problems, the rest read). Never throws. */
export function readDeskFile(text: string, content: Content, lang: Lang): DeskFileResult {
  if (text.length > MAX_DESK_BYTES) return { ok: false, problem: 'too-large' };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problem: 'not-json' };
  }
  if (!data || typeof data !== 'object' || (data as { format?: unknown }).format !== DESK_FORMAT) return { ok: false, problem: 'not-a-desk' };
  const { version, records } = data as { version?: unknown; records?: unknown };
  if (typeof version === 'number' && version > DESK_VERSION) return { ok: false, problem: 'newer-version' };
  if (version !== DESK_VERSION || !Array.isArray(records)) return { ok: false, problem: 'not-a-desk' };
  const out: DeskRecord[] = [];
  const refused: RefusedRecord[] = [];
  records.forEach((raw: unknown, i) => {
    const read = readRecord(raw, content, lang);
    if (read.ok) out.push(read.record);
    else {
      const name = (raw as { name?: unknown } | null)?.name;
      refused.push({ position: i + 1, ...(typeof name === 'string' ? { name: name.slice(0, 200) } : {}), problems: read.problems });
    }
  });
  return { ok: true, records: out, refused };
}

/** What a merge does: the records to store, and the names of those added, updated and skipped. */
export interface Merge {
  /** The records to write (added and updated). */
  toStore: DeskRecord[];
  added: DeskRecord[];
  updated: DeskRecord[];
  /** Already on the desk as they are, or older there than here (the desk's copy is kept). */
  skipped: DeskRecord[];
}

/**
 * Merges imported records into the desk without duplicates: a record is the same as one on the desk
 * when it has its id (an export of this desk, or of a desk that imported it). A new id is added; for a
 * known id the copy changed last (updatedAt) wins; an identical or older copy is skipped. A file that
 * holds the same id twice counts its later-changed copy.
 */
export function mergeRecords(desk: readonly DeskRecord[], incoming: readonly DeskRecord[]): Merge {
  const have = new Map(desk.map((r) => [r.id, r]));
  const latest = new Map<string, DeskRecord>();
  const skipped: DeskRecord[] = [];
  for (const r of incoming) {
    const seen = latest.get(r.id);
    if (!seen) latest.set(r.id, r);
    else if (Date.parse(r.updatedAt) > Date.parse(seen.updatedAt)) { skipped.push(seen); latest.set(r.id, r); }
    else skipped.push(r);
  }
  const added: DeskRecord[] = [];
  const updated: DeskRecord[] = [];
  for (const r of latest.values()) {
    const mine = have.get(r.id);
    if (!mine) added.push(r);
    else if (Date.parse(r.updatedAt) > Date.parse(mine.updatedAt) && JSON.stringify(r) !== JSON.stringify(mine)) updated.push(r);
    else skipped.push(r);
  }
  return { toStore: [...added, ...updated], added, updated, skipped };
}
