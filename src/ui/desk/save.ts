// "Save to desk" from the result page, loaded only when pressed: the answers become a record (or update
// the entry opened from the desk in this tab) and are stored. Every failure comes back named, with the
// record, so the page can offer it as a file instead: nothing typed is lost.
import type { Content } from '../../domain/content-model';
import type { Lang } from '../../domain/types';
import type { Answers } from '../../wizard/answers';
import { recordFromAnswers, type DeskRecord } from '../../wizard/desk/record';
import { DeskStorageError, DeskStore, type DeskProblem } from '../../wizard/desk/store';
import { deskToJson } from '../../wizard/desk/transfer';

export type SaveOutcome =
  | { ok: true; record: DeskRecord; updated: boolean }
  | { ok: false; problem: DeskProblem | 'locked' | 'unfinished'; record: DeskRecord | null };

/** Saves the answers under `name`; `previousId`: the desk entry they were opened from (updated, keeping its statuses). */
export async function saveToDesk(answers: Answers, name: string, content: Content, lang: Lang, previousId: string | null): Promise<SaveOutcome> {
  const fresh = recordFromAnswers(answers, name, content, lang);
  if (!fresh) return { ok: false, problem: 'unfinished', record: null };
  let store: DeskStore;
  try {
    store = await DeskStore.open();
  } catch (e) {
    return { ok: false, problem: e instanceof DeskStorageError ? e.problem : 'blocked', record: fresh };
  }
  try {
    if (store.locked) return { ok: false, problem: 'locked', record: fresh };
    const previous = previousId ? await store.get(previousId, content, lang) : null;
    const record = previous ? recordFromAnswers(answers, name, content, lang, new Date(), previous)! : fresh;
    await store.put(record);
    return { ok: true, record, updated: previous !== null };
  } catch (e) {
    return { ok: false, problem: e instanceof DeskStorageError ? e.problem : 'failed', record: fresh };
  } finally {
    store.close();
  }
}

/** The record as a desk file of one entry (to import into the desk later). */
export const recordFile = (record: DeskRecord): string => deskToJson([record]);
