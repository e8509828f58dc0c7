// The batch page's "compare with an earlier result": a result file downloaded earlier (or written by
// `npm run refer`) is read a chunk at a time in the page and compared row by row with the current
// content (ResultChangesStream, the code of `npm run changes`), with a pause between chunks so the
// page keeps answering. The table keeps the first rows; the changes CSV holds them all.
import { useEffect, useEffectEvent, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../domain/format';
import { ChangesProblemError, ResultChangesStream, type ChangeCounts, type ChangeRowView, type ChangesProblem } from '../../domain/result-changes';
import type { Lang, Text } from '../../domain/types';
import { content, loadContentFor, useLang } from '../content';

/** Bytes read per step (then the page may paint and answer input). */
export const CHANGES_CHUNK_BYTES = 64 * 1024;
/** Rows kept for the table (and as many changed rows, for "only changed"). */
export const CHANGES_TABLE_ROWS = 200;

type Problem = ChangesProblem | { kind: 'failed'; message: string };

interface Result {
  fileName: string;
  lang: Lang;
  counts: ChangeCounts;
  rows: ChangeRowView[];
  changedRows: ChangeRowView[];
  nameColumn: string | null;
  csv: Blob;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const readChunk = (blob: Blob): Promise<ArrayBuffer> => (typeof blob.arrayBuffer === 'function'
  ? blob.arrayBuffer()
  : new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  }));

/** innovatiewijzer-changes-YYYY-MM-DD.csv, with today's local date. */
function changesFileName(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `innovatiewijzer-changes-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}

export default function ChangesSection() {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const nf = useMemo(() => new Intl.NumberFormat(lang), [lang]);
  const [running, setRunning] = useState<{ fileName: string; rows: number } | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [problem, setProblem] = useState<{ problem: Problem; fileName: string } | null>(null);
  const [stopped, setStopped] = useState<string | null>(null);
  const [onlyChanged, setOnlyChanged] = useState(false);
  const [announce, setAnnounce] = useState<'processing' | 'done' | null>(null);
  // The file of the result shown (compared again when the language changes); each job has a number, a newer one wins.
  const source = useRef<File | null>(null);
  const job = useRef(0);
  useEffect(() => () => { job.current++; }, []);

  async function compare(file: File, runLang: Lang) {
    const mine = ++job.current;
    const alive = () => mine === job.current;
    setRunning({ fileName: file.name, rows: 0 });
    setStopped(null);
    setAnnounce('processing');
    const rows: ChangeRowView[] = [];
    const changedRows: ChangeRowView[] = [];
    const parts: string[] = [];
    try {
      const texts = await loadContentFor(runLang);
      const stream = new ResultChangesStream(texts, { lang: runLang }, (v) => {
        if (rows.length < CHANGES_TABLE_ROWS) rows.push(v);
        if (v.status !== 'same' && changedRows.length < CHANGES_TABLE_ROWS) changedRows.push(v);
      });
      for (let at = 0; at < file.size; at += CHANGES_CHUNK_BYTES) {
        parts.push(stream.push(new Uint8Array(await readChunk(file.slice(at, at + CHANGES_CHUNK_BYTES)))));
        if (!alive()) return;
        setRunning({ fileName: file.name, rows: stream.counts.rows });
        await nextTask();
        if (!alive()) return;
      }
      parts.push(stream.end());
      source.current = file;
      // A UTF-8 BOM, so Excel reads the download as UTF-8 (as the batch result).
      setResult({ fileName: file.name, lang: runLang, counts: { ...stream.counts }, rows, changedRows, nameColumn: stream.nameColumn, csv: new Blob(['\uFEFF', ...parts], { type: 'text/csv;charset=utf-8' }) });
      setProblem(null);
      setAnnounce('done');
    } catch (e) {
      if (!alive()) return;
      setAnnounce(null);
      setProblem({ problem: e instanceof ChangesProblemError ? e.problem : { kind: 'failed', message: (e as Error).message }, fileName: file.name });
    } finally {
      if (alive()) setRunning(null);
    }
  }

  const stop = () => {
    job.current++;
    setStopped(running?.fileName ?? '');
    setRunning(null);
    setAnnounce(null);
  };

  // Another language: the lines follow, so compare the file again (an effect event: only the language runs it).
  const compareAgain = useEffectEvent((newLang: Lang) => {
    if (source.current && result && result.lang !== newLang) void compare(source.current, newLang);
  });
  useEffect(() => compareAgain(lang), [lang]);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    // Lets the user choose the same file again once corrected.
    e.target.value = '';
    await compare(file, lang);
  };

  const problemText = (p: Problem): string => {
    switch (p.kind) {
      case 'not-a-result': return t('changes.notAResult');
      case 'failed': return t('changes.failed', { message: p.message });
      case 'empty': return t('batch.problems.empty');
      case 'not-text': return t('batch.problems.notText', { line: nf.format(p.line) });
      case 'json': return t('batch.problems.json');
      case 'unclosed-quote': return t('batch.problems.unclosedQuote', { line: nf.format(p.line) });
      case 'stray-quote': return t('batch.problems.strayQuote', { line: nf.format(p.line) });
      case 'record-too-long': return t('batch.problems.recordTooLong', { line: nf.format(p.line) });
      case 'duplicate-column': return t('batch.problems.duplicateColumn', { field: p.field, columns: p.columns.map((c) => `"${c}"`).join(' + ') });
      case 'no-header': return t('batch.problems.noHeader');
    }
  };

  // The content holds the texts of one language; while the language switches it may be a step ahead.
  const textOf = (text: Text) => pick(text) ?? Object.values(text)[0] ?? '';
  const channelName = (id: string) => {
    const channel = content?.channels[id];
    return channel ? textOf(channel.name) : id;
  };
  const channels = (ids: string[]) => (ids.length ? <ol className="batch-channels">{ids.map((c) => <li key={c}>{channelName(c)}</li>)}</ol> : null);
  const download = () => {
    if (!result) return;
    const url = URL.createObjectURL(result.csv);
    const a = document.createElement('a');
    a.href = url;
    a.download = changesFileName();
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  const listed = result ? (onlyChanged ? result.changedRows : result.rows) : [];
  const listedTotal = result ? (onlyChanged ? result.counts.changed : result.counts.rows) : 0;
  const status = running && announce === 'processing'
    ? t('changes.processing', { file: running.fileName })
    : stopped !== null
      ? t('changes.stopped', { file: stopped })
      : result && announce === 'done'
        ? t('changes.done', { file: result.fileName, changed: nf.format(result.counts.changed), rows: nf.format(result.counts.rows) })
        : '';

  return (
    <section aria-labelledby="changes-title" className="batch-changes">
      <h2 id="changes-title">{t('changes.title')}</h2>
      <p>{t('changes.lead', { version: formatDate(__CONTENT_VERSION__, lang) })}</p>
      <div className={`field${problem ? ' field--error' : ''}`}>
        <label htmlFor="changes-file" className="label">{t('changes.fileLabel')}</label>
        <p className="hint" id="changes-file-hint">{t('changes.fileHint')}</p>
        {problem ? (
          <div className="field-error" id="changes-file-error" role="alert">
            <p><span className="visually-hidden">{t('changes.errorPrefix')} </span>{problemText(problem.problem)}</p>
          </div>
        ) : null}
        <input
          id="changes-file"
          type="file"
          accept=".csv,text/csv"
          className="batch-file"
          aria-describedby={problem ? 'changes-file-hint changes-file-error' : 'changes-file-hint'}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => void onFile(e)}
        />
      </div>
      {/* aria-live without role="status": the page's own status region stays the one status. */}
      <div aria-live="polite" className="batch-status" data-testid="changes-status">{status}</div>
      {running ? (
        <div className="batch-progress">
          <span className="batch-progress-count">{t('changes.progressCount', { rows: nf.format(running.rows) })}</span>
          <button type="button" className="button button--secondary" onClick={stop}>{t('changes.stop')}</button>
        </div>
      ) : null}

      {result ? (
        <div className="batch-result">
          <dl className="batch-summary">
            <div><dt>{t('changes.summaryRows')}</dt><dd>{nf.format(result.counts.rows)}</dd></div>
            <div><dt>{t('changes.summaryChanged')}</dt><dd>{nf.format(result.counts.changed)}</dd></div>
            <div><dt>{t('changes.summarySame')}</dt><dd>{nf.format(result.counts.same)}</dd></div>
            <div className={result.counts.refused ? 'batch-summary--error' : undefined}><dt>{t('changes.summaryRefused')}</dt><dd>{nf.format(result.counts.refused)}</dd></div>
          </dl>
          <p className="hint">{content?.engineTexts.changes.onlyRanks[result.lang]}</p>
          <button type="button" className="button" onClick={download}>{t('changes.download')}</button>
          <p className="hint">{t('changes.downloadHint')}</p>
          <div className="choice choice--small">
            <input id="changes-only-changed" type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} />
            <label htmlFor="changes-only-changed">{t('changes.onlyChanged')}</label>
          </div>
          {listedTotal > listed.length ? <p className="panel">{t('changes.moreRows', { shown: nf.format(listed.length), total: nf.format(listedTotal) })}</p> : null}
          <div className="batch-table-wrap" role="region" aria-labelledby="changes-caption" tabIndex={0}>
            <table className="batch-table">
              <caption id="changes-caption">{t('changes.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('changes.colRow')}</th>
                  {result.nameColumn ? <th scope="col">{result.nameColumn}</th> : null}
                  <th scope="col">{t('changes.colBefore')}</th>
                  <th scope="col">{t('changes.colNow')}</th>
                  <th scope="col">{t('changes.colChanges')}</th>
                </tr>
              </thead>
              <tbody>
                {listed.map((r) => (
                  <tr key={r.line} className={r.error !== undefined ? 'batch-row--error' : undefined}>
                    <th scope="row">{nf.format(r.line)}</th>
                    {result.nameColumn ? <td className="batch-name">{r.name}</td> : null}
                    <td>{channels(r.before)}</td>
                    <td>{channels(r.now)}</td>
                    <td className={r.error !== undefined ? 'batch-error' : undefined}>
                      {r.changes.length ? <ul className="batch-channels">{r.changes.map((c, i) => <li key={i}>{c.text}</li>)}</ul> : r.summary}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </section>
  );
}
