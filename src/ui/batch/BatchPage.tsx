// Batch triage for advisors (`?batch`): a CSV in the `refer` CLI's format in, a table of referrals
// with the errors per row, and the CLI's result CSV to download. The rows are referred off the main
// thread (run.ts), with the same engine and CSV rules as the CLI (process.ts).
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PROFILE_COLUMNS } from '../../domain/batch';
import { localDate } from '../../domain/format';
import type { Notation } from '../../domain/numbers';
import type { Lang, Text } from '../../domain/types';
import { content, loadContentFor, useLang } from '../content';
import { EXAMPLE_CSV, EXAMPLE_FILE_NAME } from './example';
import type { FileProblem } from '../../domain/batch-file';
import ChangesSection from './ChangesSection';
import { useRevealed } from './reveal';
import { startBatch } from './run';
import { TABLE_ROWS, type BatchSummary, type Progress } from './worker-core';
import './batch.css';

export { TABLE_ROWS };

type PageProblem = FileProblem | { kind: 'failed'; message: string };

interface Source { file: Blob; fileName: string }
type NotationChoice = Notation | 'auto';

const ENCODING_NAMES: Record<BatchSummary['encoding'], string> = { 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252', mixed: 'UTF-8 + Windows-1252', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16' };

/** innovatiewijzer-triage-YYYY-MM-DD.csv, with today's local date. */
export function resultFileName(now = new Date()): string {
  return `innovatiewijzer-triage-${localDate(now)}.csv`;
}

/** Offers a Blob as a file download (a Blob URL). */
function downloadBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export default function BatchPage() {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const [running, setRunning] = useState<{ fileName: string; progress: Progress | null } | null>(null);
  const [problem, setProblem] = useState<{ problem: PageProblem; fileName: string } | null>(null);
  const [result, setResult] = useState<(BatchSummary & { fileName: string; notation: NotationChoice }) | null>(null);
  const [onlyErrors, setOnlyErrors] = useState(false);
  const [notation, setNotation] = useState<NotationChoice>('auto');
  const [stopped, setStopped] = useState<string | null>(null);
  // What the live region says: set on start and end of a job only, so it is announced twice, not per chunk.
  const [announce, setAnnounce] = useState<'processing' | 'done' | null>(null);
  // The file of the result shown (re-referred when the language or notation changes) and of the job under way.
  const source = useRef<Source | null>(null);
  const pending = useRef<(Source & { lang: Lang; notation: NotationChoice }) | null>(null);
  const cancel = useRef<(() => void) | null>(null);
  const runCount = useRef(0);
  const nf = useMemo(() => new Intl.NumberFormat(lang), [lang]);

  useEffect(() => () => cancel.current?.(), []);
  useEffect(() => {
    document.title = `${t('batch.title')} - ${t('app.title')}`;
  }, [t, lang]);

  const run = useCallback(async (file: Source, runLang: Lang, runNotation: NotationChoice) => {
    cancel.current?.();
    cancel.current = null;
    const mine = ++runCount.current;
    pending.current = { ...file, lang: runLang, notation: runNotation };
    setStopped(null);
    setRunning({ fileName: file.fileName, progress: null });
    setAnnounce('processing');
    let texts;
    try {
      texts = await loadContentFor(runLang);
    } catch (e) {
      if (mine !== runCount.current) return;
      setRunning(null);
      setAnnounce(null);
      setProblem({ problem: { kind: 'failed', message: (e as Error).message }, fileName: file.fileName });
      return;
    }
    if (mine !== runCount.current) return;
    const finish = () => {
      pending.current = null;
      cancel.current = null;
      setRunning(null);
    };
    cancel.current = startBatch(file.file, texts, runLang, runNotation === 'auto' ? undefined : runNotation, {
      onProgress: (progress) => setRunning({ fileName: file.fileName, progress }),
      onDone: (r) => {
        finish();
        source.current = file;
        setResult({ ...r, fileName: file.fileName, notation: runNotation });
        setProblem(null);
        setAnnounce('done');
      },
      onProblem: (p) => {
        finish();
        setAnnounce(null);
        setProblem({ problem: p, fileName: file.fileName });
      },
      onError: (message) => {
        finish();
        setAnnounce(null);
        setProblem({ problem: { kind: 'failed', message }, fileName: file.fileName });
      },
    });
  }, []);

  const stop = () => {
    cancel.current?.();
    cancel.current = null;
    runCount.current++;
    setStopped(running?.fileName ?? '');
    pending.current = null;
    setRunning(null);
    setAnnounce(null);
  };

  // Another language: the error texts (and the names in the table) follow, so refer the file again;
  // another notation: the numbers are read anew. An effect event: it reads the latest result, but
  // only a change of language or notation runs it.
  const referAgain = useEffectEvent((newLang: Lang, newNotation: NotationChoice) => {
    const job = pending.current ?? (result && (result.lang !== newLang || result.notation !== newNotation) ? source.current : null);
    const underWay = pending.current;
    if (job && (!underWay || underWay.lang !== newLang || underWay.notation !== newNotation)) void run({ file: job.file, fileName: job.fileName }, newLang, newNotation);
  });
  useEffect(() => referAgain(lang, notation), [lang, notation]);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    // Lets the advisor choose the same file again once corrected (no change event otherwise).
    e.target.value = '';
    await run({ file, fileName: file.name }, lang, notation);
  };

  const problemText = (p: PageProblem): string => {
    switch (p.kind) {
      case 'empty': return t('batch.problems.empty');
      case 'not-text': return t('batch.problems.notText', { line: nf.format(p.line) });
      case 'json': return t('batch.problems.json');
      case 'unclosed-quote': return t('batch.problems.unclosedQuote', { line: nf.format(p.line) });
      case 'stray-quote': return t('batch.problems.strayQuote', { line: nf.format(p.line) });
      case 'record-too-long': return t('batch.problems.recordTooLong', { line: nf.format(p.line) });
      case 'duplicate-column': return t('batch.problems.duplicateColumn', { field: p.field, columns: p.columns.map((c) => `"${c}"`).join(' + ') });
      case 'no-header': return t('batch.problems.noHeader');
      case 'failed': return t('batch.problems.failed', { message: p.message });
    }
  };

  // The content holds the texts of one language; while the language switches it may be a step ahead.
  const textOf = (text: Text) => pick(text) ?? Object.values(text)[0] ?? '';
  const channelName = (id: string) => {
    const channel = content?.channels[id];
    return channel ? textOf(channel.name) : id;
  };
  const label = (kind: 'sizeClass' | 'segment' | 'techClass', id: string | undefined) => {
    const texts = content?.labels[kind] as Record<string, Text> | undefined;
    const text = id ? texts?.[id] : undefined;
    return text ? textOf(text) : (id ?? '');
  };

  const total = result ? result.answered + result.failed : 0;
  const listed = result ? (onlyErrors ? result.errorRows : result.rows) : [];
  const listedTotal = result ? (onlyErrors ? result.failed : total) : 0;
  const shown = listed.slice(0, TABLE_ROWS);
  const drawn = useRevealed(shown.length, result && (onlyErrors ? result.errorRows : result.rows));
  const exampleHref = `data:text/csv;charset=utf-8,${encodeURIComponent(EXAMPLE_CSV)}`;
  const status = running && announce === 'processing'
    ? t('batch.processing', { file: running.fileName })
    : stopped !== null
      ? t('batch.stopped', { file: stopped })
      : result && announce === 'done'
      ? t('batch.done', { file: result.fileName, count: total, rows: nf.format(total), answered: nf.format(result.answered), failed: nf.format(result.failed) })
      : '';

  return (
    <div className="batch">
      <h1 tabIndex={-1}>{t('batch.title')}</h1>
      <p className="lead">{t('batch.lead')}</p>

      <h2>{t('batch.formatTitle')}</h2>
      <p>{t('batch.formatColumns')}</p>
      <p><code className="batch-columns">{PROFILE_COLUMNS.join(', ')}</code></p>
      <ul className="list">
        <li>{t('batch.formatLists')}</li>
        <li>{t('batch.formatDelimiter')}</li>
        <li>{t('batch.formatOther')}</li>
      </ul>
      <p>
        <a href={exampleHref} download={EXAMPLE_FILE_NAME}>{t('batch.example')}</a>
      </p>

      <div className={`field${problem ? ' field--error' : ''}`}>
        <label htmlFor="batch-file" className="label">{t('batch.fileLabel')}</label>
        <p className="hint" id="batch-file-hint">{t('batch.fileHint')}</p>
        {problem ? (
          <div className="field-error" id="batch-file-error" role="alert">
            <p><span className="visually-hidden">{t('batch.errorPrefix')} </span>{problemText(problem.problem)}</p>
            {result ? <p className="batch-kept">{t('batch.keptResult', { file: result.fileName })}</p> : null}
          </div>
        ) : null}
        <input
          id="batch-file"
          type="file"
          accept=".csv,text/csv"
          className="batch-file"
          aria-describedby={problem ? 'batch-file-hint batch-file-error' : 'batch-file-hint'}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => void onFile(e)}
        />
      </div>
      <div className="field">
        <label htmlFor="batch-notation" className="label">{t('batch.notationLabel')}</label>
        <p className="hint" id="batch-notation-hint">{t('batch.notationHint')}</p>
        <select id="batch-notation" className="select" aria-describedby="batch-notation-hint" value={notation} onChange={(e) => setNotation(e.target.value as NotationChoice)}>
          <option value="auto">{t('batch.notationAuto')}</option>
          <option value="be">{t('batch.notationBe')}</option>
          <option value="en">{t('batch.notationEn')}</option>
        </select>
      </div>

      <div role="status" aria-live="polite" className="batch-status">{status}</div>
      {running ? (
        <div className="batch-progress">
          <label htmlFor="batch-progress">{t('batch.progressLabel')}</label>
          <progress id="batch-progress" max={running.progress?.totalBytes || 1} value={running.progress?.bytes ?? 0} />
          <span className="batch-progress-count">
            {running.progress
              ? t('batch.progressCount', { count: running.progress.rows, rows: nf.format(running.progress.rows), percent: nf.format(Math.floor((running.progress.bytes / (running.progress.totalBytes || 1)) * 100)) })
              : t('batch.reading')}
          </span>
          <button type="button" className="button button--secondary" onClick={stop}>{t('batch.stop')}</button>
        </div>
      ) : null}

      {result ? (
        <section aria-labelledby="batch-result-title" className="batch-result">
          <h2 id="batch-result-title">{t('batch.resultTitle')}</h2>
          <dl className="batch-summary">
            <div><dt>{t('batch.summaryRows')}</dt><dd>{nf.format(total)}</dd></div>
            <div><dt>{t('batch.summaryAnswered')}</dt><dd>{nf.format(result.answered)}</dd></div>
            <div className={result.failed ? 'batch-summary--error' : undefined}><dt>{t('batch.summaryErrors')}</dt><dd>{nf.format(result.failed)}</dd></div>
          </dl>
          <p className="hint">
            {t('batch.fileInfo', {
              file: result.fileName,
              encoding: ENCODING_NAMES[result.encoding],
              delimiter: result.delimiter === ';' ? t('batch.semicolon') : result.delimiter === '\t' ? t('batch.tab') : t('batch.comma'),
            })}
            {result.unused.length
              ? ` ${t('batch.ignoredColumns', { columns: result.unused.map((u) => (u.suggestion ? t('batch.didYouMean', { column: u.column, field: u.suggestion }) : u.column)).join(', ') })}`
              : ''}
          </p>

          <button type="button" className="button" onClick={() => downloadBlob(result.csv, resultFileName())}>{t('batch.download')}</button>
          <p className="hint">{t('batch.downloadHint')}</p>

          {result.failed ? (
            <div className="choice choice--small">
              <input id="batch-only-errors" type="checkbox" checked={onlyErrors} onChange={(e) => setOnlyErrors(e.target.checked)} />
              <label htmlFor="batch-only-errors">{t('batch.onlyErrors')}</label>
            </div>
          ) : null}
          {listedTotal > shown.length ? (
            <p className="panel">{t('batch.moreRows', { shown: nf.format(shown.length), total: nf.format(listedTotal) })}</p>
          ) : null}

          <div className="batch-table-wrap" role="region" aria-labelledby="batch-caption" tabIndex={0}>
            <table className="batch-table">
              <caption id="batch-caption">
                {t('batch.tableCaption')} <span className="batch-caption-hint">{t('batch.rowHint')}</span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('batch.colRow')}</th>
                  {result.nameColumn ? <th scope="col">{result.nameColumn}</th> : null}
                  <th scope="col">{t('batch.colSize')}</th>
                  <th scope="col">{t('batch.colSegment')}</th>
                  <th scope="col">{t('batch.colTech')}</th>
                  <th scope="col">{t('batch.colRecommendations')}</th>
                  <th scope="col">{t('batch.colError')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.slice(0, drawn).map((r) => (
                  <tr key={r.line} className={r.error !== undefined ? 'batch-row--error' : undefined}>
                    <th scope="row">{nf.format(r.line)}</th>
                    {result.nameColumn ? <td className="batch-name">{r.name}</td> : null}
                    <td>{label('sizeClass', r.sizeClass)}</td>
                    <td>{label('segment', r.segment)}</td>
                    <td>{label('techClass', r.techClass)}</td>
                    <td>
                      {r.channels?.length ? (
                        <ol className="batch-channels">{r.channels.map((c) => <li key={c}>{channelName(c)}</li>)}</ol>
                      ) : null}
                    </td>
                    <td className="batch-error">{r.error !== undefined ? <><span className="visually-hidden">{t('batch.errorPrefix')} </span>{r.error}</> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      <ChangesSection />
      <p className="privacy">{t('batch.privacy')}</p>
      <p><a href={location.pathname || '/'}>{t('batch.toWizard')}</a></p>
    </div>
  );
}
