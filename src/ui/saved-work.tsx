// The wizard's saved progress, kept in step with other tabs and never replaced or deleted without the
// user's choice (the rules are pure functions in src/wizard/revisions.ts; this is their I/O and UI).
//
// - Every change is saved with a revision one higher than the save it replaces. Another tab's save
//   (the `storage` event) is taken over at once when this tab has nothing unsaved; otherwise, and when a
//   write finds a save newer than the one this tab knows, the two are merged: what only one side changed
//   is kept from that side, and what both changed differently is asked (notes can also be kept both).
// - A share link or an imported intake opens beside the saved progress: it is saved only once the user
//   works with it, and if saved progress exists then, the user chooses between replacing it and not
//   saving the shared result. "Start again" on a shared result leaves the saved progress alone (the
//   start page offers it again); on one's own progress it asks before deleting it.
import { useCallback, useEffect, useEffectEvent, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActorRefFrom } from 'xstate';
import type { Answers, Step } from '../wizard/answers';
import type { wizardMachine, WizardEvent } from '../wizard/machine';
import { serialiseSaved, syncedOf } from '../wizard/persistence';
import { joinNotes, planSave, resolveConflicts, sameAnswers, type Choice, type Conflict, type Synced } from '../wizard/revisions';
import { readStorage, SAVE_KEY, writeStorage } from '../wizard/storage';
import { formatDate, localDate } from '../domain/format';
import { setSafeToReload } from './service-worker';

/** What is stored, as the questions describe it. */
type Stored = NonNullable<ReturnType<typeof syncedOf>>;

/** Where the answers in this tab came from, while they are not the saved progress: a link, an import, or the user chose not to save them. */
type Detached = 'link' | 'import' | 'desk' | 'kept' | null;

type Question =
  /** A shared result or an import, worked on, while other progress is saved. */
  | { kind: 'replace'; source: 'link' | 'import' | 'desk'; saved: Stored }
  /** A fresh start in this tab, while another tab saved progress meanwhile. */
  | { kind: 'other-tab'; saved: Stored }
  /** Both tabs changed the same answers. */
  | { kind: 'conflict'; answers: Answers; conflicts: Conflict[]; theirs: Synced }
  /** "Start again" would delete the saved progress. */
  | { kind: 'restart'; saved: Stored };

const hasAnswers = (a: Answers) => Object.keys(a).some((k) => k !== 'mode');
const readStored = () => syncedOf(readStorage(SAVE_KEY));
/** Pages where a reload loses nothing once the answers are saved (no half-typed form). */
const CALM_STEPS: readonly Step[] = ['start', 'check', 'result'];

export interface SavedWork {
  /** The wizard's `send` goes through this: it marks work on a shared result and asks before a restart deletes anything. */
  intercept: (event: WizardEvent) => boolean;
  /** The user continued the saved progress (from the wizard's start page). */
  resumed: () => void;
  /** An intake was imported from the wizard's start page: it opens beside the saved progress. */
  imported: () => void;
  /** The saved progress was deleted by the user's choice ("start over" on the start page). */
  discarded: () => void;
  /** The question or status to show above the page, if any. */
  panel: React.ReactNode;
}

interface Args {
  actor: ActorRefFrom<typeof wizardMachine>;
  entry: 'start' | 'resume' | 'link' | 'import' | 'desk';
  answers: Answers;
  step: Step;
  clearDrafts: () => void;
  /** Said once when the browser refuses to save; said when another tab's changes were merged in. */
  notify: (notice: 'storage-unavailable' | 'saved-merged') => void;
}

export function useSavedWork({ actor, entry, answers, step, clearDrafts, notify }: Args): SavedWork {
  const [detached, setDetached] = useState<Detached>(entry === 'link' || entry === 'import' || entry === 'desk' ? entry : null);
  const [question, setQuestion] = useState<Question | null>(null);
  /** The save this tab last wrote or took over; null when it has none. */
  const base = useRef<Synced | null>(entry === 'resume' ? readStored() : null);
  /** The user worked with a shared result (answered, annotated): from then on it would be saved. */
  const worked = useRef(false);
  /** Answers taken over from another tab: their change is no reason to write again. */
  const adopted = useRef<Answers | null>(null);
  const storageWarned = useRef(false);

  const write = (toSave: Answers, rev: number) => {
    if (writeStorage(SAVE_KEY, serialiseSaved(toSave, step, new Date(), rev))) base.current = { rev, answers: toSave };
    else if (!storageWarned.current) { storageWarned.current = true; notify('storage-unavailable'); }
  };
  const adopt = (next: Answers) => {
    if (sameAnswers(next, answers) || step === 'start') return;
    adopted.current = next;
    actor.send({ type: 'RESTORE', answers: next, step });
  };
  /** Saves `mine` by the rules of revisions.ts: writes, merges, or asks. */
  const save = (mine: Answers, stored: Stored | null) => {
    const plan = planSave(base.current, mine, stored);
    if (plan.kind === 'write') {
      write(plan.answers, plan.rev);
      if (plan.merged) { adopt(plan.answers); notify('saved-merged'); }
    } else if (plan.kind === 'ask') setQuestion({ kind: 'conflict', answers: plan.answers, conflicts: plan.conflicts, theirs: plan.theirs });
    else setQuestion({ kind: 'other-tab', saved: stored! });
  };

  const sync = useEffectEvent((incoming: boolean) => {
    if (question || !hasAnswers(answers) || detached === 'kept') return;
    if (!incoming && adopted.current && sameAnswers(adopted.current, answers)) { adopted.current = null; return; }
    const stored = readStored();
    if (detached) {
      if (incoming) return;
      const nothingElse = stored === null || sameAnswers(stored.answers, answers);
      // An import with nothing else saved becomes the saved progress at once; a shared result once worked on.
      if (nothingElse && (detached === 'import' || detached === 'desk' || worked.current)) { setDetached(null); base.current = stored; write(answers, (stored?.rev ?? 0) + 1); }
      else if (!nothingElse && worked.current) setQuestion({ kind: 'replace', source: detached, saved: stored });
      return;
    }
    if (incoming) {
      // Deleted in another tab (its user chose to): this tab's next change saves its answers again.
      if (stored === null) { base.current = null; return; }
      // Nothing unsaved here: take the other tab's save over as it is.
      if (base.current && sameAnswers(answers, base.current.answers)) { base.current = stored; adopt(stored.answers); return; }
    }
    save(answers, stored);
  });

  // Save on every change of the answers or the page.
  useEffect(() => { sync(false); }, [answers, step]);
  // Another tab saved (or deleted) progress.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => { if (e.key === SAVE_KEY || e.key === null) sync(true); };
    addEventListener('storage', onStorage);
    return () => removeEventListener('storage', onStorage);
  }, []);
  // "A new version is ready" only when a reload loses nothing (service-worker.ts).
  useEffect(() => {
    setSafeToReload(question === null && detached === null && CALM_STEPS.includes(step));
    return () => setSafeToReload(false);
  }, [question, detached, step]);

  const interceptNow = (event: WizardEvent): boolean => {
    if (event.type === 'NEXT' || event.type === 'ANNOTATE') worked.current = true;
    if (event.type !== 'RESTART') return false;
    const stored = readStored();
    if (detached || !stored) {
      // A shared result, an import, or nothing saved: starting again deletes nothing; saved progress is offered on the start page.
      setDetached(null);
      base.current = null;
      worked.current = false;
      clearDrafts();
      actor.send(event);
    } else setQuestion({ kind: 'restart', saved: stored });
    return true;
  };

  const close = () => setQuestion(null);
  const panel = question ? (
    <QuestionPanel question={question} onClose={close} act={{
      replace: () => {
        const stored = readStored();
        setDetached(null);
        base.current = stored;
        close();
        write(answers, (stored?.rev ?? 0) + 1);
      },
      keep: () => { setDetached('kept'); close(); },
      restart: () => {
        writeStorage(SAVE_KEY, null);
        base.current = null;
        clearDrafts();
        close();
        actor.send({ type: 'RESTART' });
      },
      resolve: (choices) => {
        if (question.kind !== 'conflict') return;
        const resolved = resolveConflicts(question.answers, question.conflicts, choices);
        // The user has now seen the other tab's save: it is the base; a still newer one is merged again.
        base.current = question.theirs;
        close();
        adopt(resolved);
        save(resolved, readStored());
      },
    }} />
  ) : detached === 'kept' ? <p className="panel panel--notice no-print" role="status"><NotSaved /></p> : null;

  // One `intercept` for the wizard's life (its `send` keeps its identity), always running the latest closure.
  const latest = useRef(interceptNow);
  useLayoutEffect(() => { latest.current = interceptNow; });
  const intercept = useCallback((event: WizardEvent) => latest.current(event), []);

  return {
    intercept,
    resumed: () => { setDetached(null); base.current = readStored(); worked.current = false; },
    imported: () => { setDetached('import'); base.current = null; worked.current = false; },
    discarded: () => { setDetached(null); base.current = null; worked.current = false; },
    panel,
  };
}

function NotSaved() {
  const { t } = useTranslation();
  return <>{t('savedWork.notSaved')}</>;
}

/** "saved on 30 november 2026 at 14:03, client: Metaalwerken Peeters, with notes" */
function SavedDescription({ saved }: { saved: Stored }) {
  const { t, i18n } = useTranslation();
  const when = new Date(saved.savedAt);
  const valid = !Number.isNaN(when.getTime());
  const time = valid ? `${String(when.getHours()).padStart(2, '0')}:${String(when.getMinutes()).padStart(2, '0')}` : '';
  const parts = [valid ? t('savedWork.savedAt', { date: formatDate(localDate(when), i18n.language), time }) : t('savedWork.savedEarlier')];
  if (saved.answers.clientName) parts.push(t('savedWork.client', { name: saved.answers.clientName }));
  if (saved.answers.notes) parts.push(t('savedWork.withNotes'));
  return <p className="saved-description">{t('savedWork.yourSave', { details: parts.join(', ') })}</p>;
}

interface Actions {
  replace: () => void;
  keep: () => void;
  restart: () => void;
  resolve: (choices: Partial<Record<keyof Answers, Choice>>) => void;
}

/** One question about the saved progress, with what each choice does. Focused when it appears. */
function QuestionPanel({ question, act, onClose }: { question: Question; act: Actions; onClose: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView?.({ block: 'nearest' });
  }, [question]);
  const title = (key: string) => <h2 id="saved-work-title" ref={heading} tabIndex={-1}>{t(key)}</h2>;
  const box = (children: React.ReactNode) => <section className="panel panel--warning no-print saved-work" role="region" aria-labelledby="saved-work-title">{children}</section>;

  if (question.kind === 'restart') {
    return box(<>
      {title('savedWork.restartTitle')}
      <SavedDescription saved={question.saved} />
      <p>{t('savedWork.restartText')}</p>
      <div className="button-group">
        <button type="button" className="button" onClick={act.restart}>{t('savedWork.restartConfirm')}</button>
        <button type="button" className="button button--secondary" onClick={onClose}>{t('savedWork.cancel')}</button>
      </div>
    </>);
  }
  if (question.kind === 'replace' || question.kind === 'other-tab') {
    const from = question.kind === 'other-tab' ? 'savedWork.fromOtherTab' : question.source === 'link' ? 'savedWork.fromLink' : question.source === 'desk' ? 'savedWork.fromDesk' : 'savedWork.fromImport';
    return box(<>
      {title('savedWork.replaceTitle')}
      <p>{t(from)}</p>
      <SavedDescription saved={question.saved} />
      <p>{t('savedWork.replaceText')}</p>
      <div className="button-group">
        <button type="button" className="button" onClick={act.keep}>{t('savedWork.keepSaved')}</button>
        <button type="button" className="button button--secondary" onClick={act.replace}>{t('savedWork.replaceSaved')}</button>
      </div>
    </>);
  }
  return box(<ConflictForm conflicts={question.conflicts} title={title('savedWork.conflictTitle')} onResolve={act.resolve} />);
}

/** What a field held, short enough to compare at a glance. */
function preview(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  const text = Array.isArray(value) ? value.join(', ') : typeof value === 'object' ? '…' : String(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function ConflictForm({ conflicts, title, onResolve }: { conflicts: Conflict[]; title: React.ReactNode; onResolve: Actions['resolve'] }) {
  const { t } = useTranslation();
  const [choices, setChoices] = useState<Partial<Record<keyof Answers, Choice>>>({});
  return (
    <form onSubmit={(e) => { e.preventDefault(); onResolve(choices); }}>
      {title}
      <p>{t('savedWork.conflictText')}</p>
      {conflicts.map((c) => {
        const canJoin = c.field === 'notes' && joinNotes(c.mine.notes, c.theirs.notes) !== null;
        const options: Array<[Choice, string, string | null]> = [
          ['mine', t('savedWork.keepMine'), preview(c.mine[c.field])],
          ['theirs', t('savedWork.keepTheirs'), preview(c.theirs[c.field])],
          ...(canJoin ? [['both', t('savedWork.keepBoth'), null] as [Choice, string, null]] : []),
        ];
        const chosen = choices[c.field] ?? 'mine';
        return (
          <fieldset className="fieldset field" key={c.field}>
            <legend className="legend">{t(`savedWork.fields.${c.field}`)}</legend>
            <div className="radios">
              {options.map(([choice, label, value]) => (
                <div className="choice" key={choice}>
                  <input type="radio" id={`conflict-${c.field}-${choice}`} name={`conflict-${c.field}`} checked={chosen === choice}
                    onChange={() => setChoices((all) => ({ ...all, [c.field]: choice }))} />
                  <label htmlFor={`conflict-${c.field}-${choice}`}>{label}{value !== null ? <span className="conflict-value">: {value}</span> : null}</label>
                </div>
              ))}
            </div>
          </fieldset>
        );
      })}
      <button type="submit" className="button">{t('savedWork.conflictSave')}</button>
    </form>
  );
}
