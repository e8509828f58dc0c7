// Batch triage for advisors (`?batch`): a CSV in the `refer` CLI's format in, a table of referrals
// with the errors per row, and the CLI's result CSV to download. The rows are referred off the main
// thread (run.ts), with the same engine and CSV rules as the CLI (process.ts).
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PROFILE_COLUMNS } from '../../domain/batch';
import { MAX_CSV_BYTES } from '../../domain/csv';
import { localDate } from '../../domain/format';
import type { Lang, Text } from '../../domain/types';
import { content, loadContentFor, useLang } from '../content';
import { EXAMPLE_CSV, EXAMPLE_FILE_NAME } from './example';
import type { BatchResult, FileProblem, Progress } from '../../domain/batch-file';
import { startBatch } from './run';
import './batch.css';

/** Rows shown in the table; the result CSV always holds them all. */
export const TABLE_ROWS = 200;

type PageProblem = FileProblem | { kind: 'unreadable' } | { kind: 'failed'; message: string };

interface Source { bytes: Uint8Array; fileName: string }

const ENCODING_NAMES: Record<BatchResult['encoding'], string> = { 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16' };

/** innovatiewijzer-triage-YYYY-MM-DD.csv, with today's local date. */
export function resultFileName(now = new Date()): string {
  return `innovatiewijzer-triage-${localDate(now)}.csv`;
}

/** Offers a text as a file download (a Blob URL), with a UTF-8 BOM so Excel reads it as UTF-8. */
function downloadText(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([`\uFEFF${text}`], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const readBytes = async (file: File): Promise<Uint8Array> => {
  if (typeof file.arrayBuffer === 'function') return new Uint8Array(await file.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
};

export default function BatchPage() {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const [running, setRunning] = useState<{ fileName: string; progress: Progress | null } | null>(null);
  const [problem, setProblem] = useState<{ problem: PageProblem; fileName: string } | null>(null);
  const [result, setResult] = useState<(BatchResult & { fileName: string }) | null>(null);
  const [onlyErrors, setOnlyErrors] = useState(false);
  // What the live region says: set on start and end of a job only, so it is announced twice, not per chunk.
  const [announce, setAnnounce] = useState<'processing' | 'done' | null>(null);
  // The file of the result shown (re-referred when the language changes) and of the job under way.
  const source = useRef<Source | null>(null);
  const pending = useRef<(Source & { lang: Lang }) | null>(null);
  const cancel = useRef<(() => void) | null>(null);
  const runCount = useRef(0);
  const nf = useMemo(() => new Intl.NumberFormat(lang), [lang]);

  useEffect(() => () => cancel.current?.(), []);
  useEffect(() => {
    document.title = `${t('batch.title')} - ${t('app.title')}`;
  }, [t, lang]);

  const run = useCallback(async (file: Source, runLang: Lang) => {
    cancel.current?.();
    cancel.current = null;
    const mine = ++runCount.current;
    pending.current = { ...file, lang: runLang };
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
    cancel.current = startBatch(file.bytes, texts, runLang, {
      onProgress: (progress) => setRunning({ fileName: file.fileName, progress }),
      onDone: (r) => {
        finish();
        source.current = file;
        setResult({ ...r, fileName: file.fileName });
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

  // Another language: the error texts (and the names in the table) follow, so refer the file again.
  // An effect event: it reads the latest result, but only a change of language runs it.
  const referAgainIn = useEffectEvent((newLang: Lang) => {
    const job = pending.current ?? (result && result.lang !== newLang ? source.current : null);
    if (job && (!('lang' in job) || job.lang !== newLang)) void run({ bytes: job.bytes, fileName: job.fileName }, newLang);
  });
  useEffect(() => referAgainIn(lang), [lang]);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_CSV_BYTES) {
      setAnnounce(null);
      setProblem({ problem: { kind: 'too-large', bytes: file.size }, fileName: file.name });
      return;
    }
    const input = e.target;
    let bytes: Uint8Array;
    try {
      bytes = await readBytes(file);
    } catch {
      setAnnounce(null);
      setProblem({ problem: { kind: 'unreadable' }, fileName: file.name });
      return;
    }
    // Lets the advisor choose the same file again once corrected (no change event otherwise).
    input.value = '';
    await run({ bytes, fileName: file.name }, lang);
  };

  const mb = (bytes: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024);
  const problemText = (p: PageProblem): string => {
    switch (p.kind) {
      case 'too-large': return t('batch.problems.tooLarge', { size: mb(p.bytes), max: mb(MAX_CSV_BYTES) });
      case 'empty': return t('batch.problems.empty');
      case 'not-text': return t('batch.problems.notText');
      case 'json': return t('batch.problems.json');
      case 'unclosed-quote': return t('batch.problems.unclosedQuote', { line: p.line });
      case 'no-header': return t('batch.problems.noHeader');
      case 'unreadable': return t('batch.problems.unreadable');
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

  const listed = result ? (onlyErrors ? result.rows.filter((r) => r.error !== undefined) : result.rows) : [];
  const shown = listed.slice(0, TABLE_ROWS);
  const exampleHref = `data:text/csv;charset=utf-8,${encodeURIComponent(EXAMPLE_CSV)}`;
  const status = running && announce === 'processing'
    ? t('batch.processing', { file: running.fileName })
    : result && announce === 'done'
      ? t('batch.done', { file: result.fileName, rows: nf.format(result.rows.length), answered: nf.format(result.answered), failed: nf.format(result.failed) })
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
        <p className="hint" id="batch-file-hint">{t('batch.fileHint', { max: mb(MAX_CSV_BYTES) })}</p>
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

      <div role="status" aria-live="polite" className="batch-status">{status}</div>
      {running ? (
        <div className="batch-progress">
          <label htmlFor="batch-progress">{t('batch.progressLabel')}</label>
          <progress id="batch-progress" max={running.progress?.total || 1} value={running.progress?.done ?? 0} />
          <span className="batch-progress-count">
            {running.progress ? t('batch.progressCount', { done: nf.format(running.progress.done), total: nf.format(running.progress.total) }) : t('batch.reading')}
          </span>
        </div>
      ) : null}

      {result ? (
        <section aria-labelledby="batch-result-title" className="batch-result">
          <h2 id="batch-result-title">{t('batch.resultTitle')}</h2>
          <dl className="batch-summary">
            <div><dt>{t('batch.summaryRows')}</dt><dd>{nf.format(result.rows.length)}</dd></div>
            <div><dt>{t('batch.summaryAnswered')}</dt><dd>{nf.format(result.answered)}</dd></div>
            <div className={result.failed ? 'batch-summary--error' : undefined}><dt>{t('batch.summaryErrors')}</dt><dd>{nf.format(result.failed)}</dd></div>
          </dl>
          <p className="hint">
            {t('batch.fileInfo', {
              file: result.fileName,
              encoding: ENCODING_NAMES[result.encoding],
              delimiter: result.delimiter === ';' ? t('batch.semicolon') : t('batch.comma'),
            })}
            {result.ignoredColumns.length ? ` ${t('batch.ignoredColumns', { columns: result.ignoredColumns.join(', ') })}` : ''}
          </p>

          <button type="button" className="button" onClick={() => downloadText(result.csv, resultFileName())}>{t('batch.download')}</button>
          <p className="hint">{t('batch.downloadHint')}</p>

          {result.failed ? (
            <div className="choice choice--small">
              <input id="batch-only-errors" type="checkbox" checked={onlyErrors} onChange={(e) => setOnlyErrors(e.target.checked)} />
              <label htmlFor="batch-only-errors">{t('batch.onlyErrors')}</label>
            </div>
          ) : null}
          {listed.length > shown.length ? (
            <p className="panel">{t('batch.moreRows', { shown: nf.format(shown.length), total: nf.format(listed.length) })}</p>
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
                {shown.map((r) => (
                  <tr key={r.row} className={r.error !== undefined ? 'batch-row--error' : undefined}>
                    <th scope="row">{nf.format(r.row)}</th>
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

      <p className="privacy">{t('batch.privacy')}</p>
      <p><a href={location.pathname || '/'}>{t('batch.toWizard')}</a></p>
    </div>
  );
}
