// @vitest-environment jsdom
// The batch triage page (src/ui/batch/BatchPage.tsx) in jsdom. jsdom has no Worker, so the page
// refers the rows itself a chunk at a time; one test gives it a fake Worker that runs the worker's
// code, to check the messages between the two.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { processCsv, type BatchResult } from '../../src/domain/batch-file';
import { changeLanguage } from '../../src/i18n';
import BatchPage, { resultFileName } from '../../src/ui/batch/BatchPage';
import { EXAMPLE_CSV } from '../../src/ui/batch/example';
import { CHUNK_BYTES, runBatchRequest, type BatchRequest, type BatchResponse } from '../../src/ui/batch/worker-core';
import { bigCsv } from '../fixtures/batch/big';
import { CONTENT, setupUi, STRINGS, T } from './render';

setupUi();

const ROOT = resolve(import.meta.dirname, '../..');
const fixture = (name: string) => readFileSync(join(ROOT, 'tests/fixtures/batch', name));
const csvFile = (bytes: Uint8Array | string, name = 'firms.csv', type = 'text/csv') => new File([bytes as BlobPart], name, { type });
const B = T.batch;

/** What `npm run --silent refer -- FILE --lang <lang>` prints (tests/domain/batch-equivalence.test.ts checks this is the CLI's output). */
const referred = (bytes: Uint8Array | string, lang: 'nl' | 'en' | 'fr' = 'nl'): BatchResult => {
  const r = processCsv(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes, CONTENT, lang);
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r.result;
};
const cliOutput = (bytes: Uint8Array, lang: 'nl' | 'en' | 'fr' = 'nl') => referred(bytes, lang).csv;
/** The byte positions the progress bar shows for a file of `size` bytes: 0, then after each chunk. */
const chunkSteps = (size: number) => [0, ...Array.from({ length: Math.ceil(size / CHUNK_BYTES) }, (_, i) => Math.min((i + 1) * CHUNK_BYTES, size))];

function renderBatch() {
  // Users can pick any file in the dialog ("All files"), whatever the input's accept says.
  const user = userEvent.setup({ applyAccept: false });
  const view = render(<BatchPage />);
  return { user, ...view };
}
const fileInput = () => screen.getByLabelText(B.fileLabel) as HTMLInputElement;
const table = () => screen.getByRole('table');
const bodyRows = () => within(table()).getAllByRole('row').slice(1);
const finished = () => waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Klaar/), { timeout: 10_000 });

/** Every value the progress bar shows from now on (a bar that comes and goes between two awaits is seen too). */
function watchProgress() {
  const seen: Array<{ value: number; max: number; label: string }> = [];
  const observer = new MutationObserver(() => {
    const bar = document.querySelector('progress');
    if (!bar) return;
    const entry = { value: bar.value, max: bar.max, label: bar.labels?.[0]?.textContent ?? '' };
    const last = seen.at(-1);
    if (!last || last.value !== entry.value || last.max !== entry.max) seen.push(entry);
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  return { seen, stop: () => observer.disconnect() };
}

/** Captures what the page offers for download: the Blob's bytes and the file name. */
function captureDownloads() {
  const blobs = new Map<string, Blob>();
  let n = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${++n}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  const downloads: Array<{ name: string; blob: Blob }> = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.href)! });
  });
  return downloads;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('batch page', () => {
  it('explains the format, offers the example file and a labelled file input', () => {
    renderBatch();
    const h1 = screen.getByRole('heading', { level: 1, name: B.title });
    expect(h1).toHaveAttribute('tabindex', '-1');
    expect(document.title).toBe(`${B.title} - ${T.app.title}`);
    expect(screen.getByText(B.formatLists)).toBeInTheDocument();
    expect(screen.getByText(B.formatDelimiter)).toBeInTheDocument();
    expect(screen.getByText(/region, province, staff, turnoverEur, balanceSheetEur, ownedByLargeGroup, nace, naceVersion, innovation, needs, triggers/)).toBeInTheDocument();

    const example = screen.getByRole('link', { name: B.example });
    expect(example).toHaveAttribute('download', 'firms.csv');
    const href = example.getAttribute('href')!;
    expect(href.startsWith('data:text/csv;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(href.slice(href.indexOf(',') + 1))).toBe(EXAMPLE_CSV);
    expect(EXAMPLE_CSV).toBe(readFileSync(join(ROOT, 'examples/firms.csv'), 'utf8'));

    expect(fileInput()).toHaveAttribute('type', 'file');
    expect(fileInput()).toHaveAttribute('accept', '.csv,text/csv');
    expect(fileInput()).toHaveAccessibleDescription(B.fileHint);
    // No size cap: the hint says large files are read step by step.
    expect(B.fileHint).toContain('1.000.000');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('refers an uploaded file: summary, a table with the errors per row, channel names in Dutch', async () => {
    const { user } = renderBatch();
    const bytes = fixture('bad-rows.csv');
    await user.upload(fileInput(), csvFile(bytes, 'bad-rows.csv'));
    await finished();

    const batch = referred(bytes);
    const { failed } = batch;
    const summary = screen.getByRole('heading', { level: 2, name: B.resultTitle }).closest('section')!;
    expect(within(summary).getByText(B.summaryRows).nextElementSibling).toHaveTextContent(String(batch.rows.length));
    expect(within(summary).getByText(B.summaryAnswered).nextElementSibling).toHaveTextContent(String(batch.rows.length - failed));
    expect(within(summary).getByText(B.summaryErrors).nextElementSibling).toHaveTextContent(String(failed));
    expect(screen.getByRole('status')).toHaveTextContent(`bad-rows.csv, ${batch.rows.length} rijen, ${batch.rows.length - failed} beantwoord, ${failed} met een fout`);

    const headers = within(table()).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual([B.colRow, 'name', B.colSize, B.colSegment, B.colTech, B.colRecommendations, B.colError]);
    expect(bodyRows()).toHaveLength(batch.rows.length);

    // Every row: the line of the file it is on, and either the referral or every problem, marked.
    batch.rows.forEach((view, i) => {
      const row = bodyRows()[i]!;
      const cells = within(row).getAllByRole('cell');
      expect(within(row).getByRole('rowheader')).toHaveTextContent(String(i + 2));
      expect(view.line).toBe(i + 2);
      if (view.error === undefined) {
        expect(row).not.toHaveClass('batch-row--error');
        expect(cells[1]).toHaveTextContent(CONTENT.labels.sizeClass[view.sizeClass!].nl);
        const names = within(cells[4]!).getAllByRole('listitem').map((li) => li.textContent);
        expect(names).toEqual(view.channels!.map((c) => CONTENT.channels[c]!.name.nl));
        expect(cells[5]).toHaveTextContent('');
      } else {
        expect(row).toHaveClass('batch-row--error');
        expect(cells[5]).toHaveTextContent(view.error);
      }
    });
    expect(within(bodyRows()[1]!).getAllByRole('cell')[0]).toHaveTextContent('Bad Nace');
    // The input is emptied, so the same file, once corrected, can be chosen again.
    expect(fileInput().value).toBe('');
    expect(screen.getByText(/kolommen die niet meetellen/i)).toHaveTextContent('name, note');

    // Only the rows with an error.
    await user.click(screen.getByRole('checkbox', { name: B.onlyErrors }));
    expect(bodyRows()).toHaveLength(failed);
    expect(bodyRows().every((r) => r.classList.contains('batch-row--error'))).toBe(true);
  });

  it('downloads the CLI output with a UTF-8 BOM, named innovatiewijzer-triage-<date>.csv', async () => {
    const downloads = captureDownloads();
    const { user } = renderBatch();
    const bytes = fixture('semicolon-excel.csv');
    await user.upload(fileInput(), csvFile(bytes, 'klanten.csv'));
    await finished();
    await user.click(screen.getByRole('button', { name: B.download }));

    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.name).toBe(resultFileName());
    expect(resultFileName(new Date(2026, 0, 5))).toBe('innovatiewijzer-triage-2026-01-05.csv');
    const got = new Uint8Array(await downloads[0]!.blob.arrayBuffer());
    expect([...got.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(got.subarray(3))).toBe(cliOutput(bytes));
    expect(downloads[0]!.blob.type).toBe('text/csv;charset=utf-8');
  });

  it('shows progress while it works, yields between chunks, and shows the first 200 rows of a big file', async () => {
    const { user } = renderBatch();
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(Date.now()), 0);
    const progress = watchProgress();
    const statuses: string[] = [];
    const statusWatch = new MutationObserver(() => statuses.push(screen.getByRole('status').textContent ?? ''));
    statusWatch.observe(screen.getByRole('status'), { childList: true, characterData: true, subtree: true });
    await user.upload(fileInput(), csvFile(bigCsv(1200), 'big.csv'));
    await finished();
    clearInterval(timer);
    progress.stop();
    statusWatch.disconnect();
    // The bar, labelled, showed the file's size at once and went through it chunk by chunk.
    const size = new TextEncoder().encode(bigCsv(1200)).length;
    const seen = progress.seen.filter((p) => p.max === size).map((p) => p.value);
    // (React may draw two steps in one frame: every value seen is a step, in order.)
    expect(seen[0]).toBe(0);
    expect(seen.every((v, i) => chunkSteps(size).includes(v) && (i === 0 || v > seen[i - 1]!))).toBe(true);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(progress.seen.every((p) => p.label === B.progressLabel)).toBe(true);
    // The live region spoke twice: when it started and when it was done, not on every chunk.
    expect(statuses.filter((s, i) => s !== statuses[i - 1])).toEqual(['big.csv wordt verwerkt...', expect.stringMatching(/^Klaar: big\.csv/)]);
    // Timers ran while the rows were referred: the page did not hold the thread for the whole file.
    expect(ticks.length).toBeGreaterThan(2);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();

    // The table is drawn a slice at a time (reveal.ts): the first slice at once, all 200 soon after.
    expect(bodyRows()).toHaveLength(25);
    await waitFor(() => expect(bodyRows()).toHaveLength(200), { timeout: 15_000 });
    expect(screen.getByText(`De tabel toont de eerste 200 van ${(1200).toLocaleString('nl')} rijen. Het resultaat (CSV) bevat alle rijen.`)).toBeInTheDocument();
    // 1 row in 50 is bad: with only those, all 24 fit.
    await user.click(screen.getByRole('checkbox', { name: B.onlyErrors }));
    expect(bodyRows()).toHaveLength(24);
    expect(screen.queryByText(/De tabel toont de eerste/)).not.toBeInTheDocument();
  });

  it('a wrong file gets a clear message, and the previous result stays', async () => {
    const { user } = renderBatch();
    await user.upload(fileInput(), csvFile(fixture('comma.csv'), 'good.csv'));
    await finished();
    const rowsBefore = bodyRows().length;

    const problems: Array<[File, string]> = [
      [csvFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'logo.png', 'image/png'), B.problems.notText.replace('{{line}}', '3')],
      [csvFile('[{"region":"flanders","staff":5}]', 'firms.json', 'application/json'), B.problems.json],
      [csvFile('firm;city\nPeeters;Gent\n', 'other.csv'), B.problems.noHeader],
      [csvFile('region;staff;nace\nflanders;"5;25.62\n', 'broken.csv'), B.problems.unclosedQuote.replace('{{line}}', '2')],
      [csvFile('', 'empty.csv'), B.problems.empty],
      [csvFile('region;staff;personeel;nace\n', 'twice.csv'), B.problems.duplicateColumn.replace('{{field}}', 'staff').replace('{{columns}}', '"staff" + "personeel"')],
      [csvFile('name;region;staff;nace;needs\n"Acme;flanders;3\nB;flanders;3;25.62;training\n"Zon" BV;flanders\n', 'stray.csv'), B.problems.strayQuote.replace('{{line}}', '2')],
    ];
    for (const [file, message] of problems) {
      await user.upload(fileInput(), file);
      const alert = await screen.findByRole('alert');
      await waitFor(() => expect(alert).toHaveTextContent(message));
      expect(alert).toHaveTextContent(B.keptResult.replace('{{file}}', 'good.csv'));
      expect(fileInput()).toHaveAttribute('aria-invalid', 'true');
      expect(fileInput()).toHaveAccessibleDescription(expect.stringContaining(message));
      expect(bodyRows()).toHaveLength(rowsBefore);
      expect(screen.getByText(/^good\.csv: gelezen als UTF-8/)).toBeInTheDocument();
    }

    // A good file again: the message goes.
    await user.upload(fileInput(), csvFile(fixture('bad-rows.csv'), 'next.csv'));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(fileInput()).not.toHaveAttribute('aria-invalid');
  });

  it('reads Windows-1252 and names what it read', async () => {
    const { user } = renderBatch();
    await user.upload(fileInput(), csvFile(fixture('windows-1252.csv'), 'oud-excel.csv'));
    await finished();
    expect(screen.getByText(/^oud-excel\.csv: gelezen als Windows-1252, scheidingsteken puntkomma/)).toBeInTheDocument();
    expect(within(table()).getByRole('columnheader', { name: 'naam' })).toBeInTheDocument();
    expect(within(table()).getByText('Café Müller')).toBeInTheDocument();
  });

  it('follows the language: texts, channel names and error messages (the file is referred again)', async () => {
    const downloads = captureDownloads();
    const { user } = renderBatch();
    const bytes = fixture('bad-rows.csv');
    await user.upload(fileInput(), csvFile(bytes, 'bad-rows.csv'));
    await finished();

    await act(() => changeLanguage('en'));
    const EN = STRINGS.en.batch;
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(EN.title);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Done: bad-rows\.csv/), { timeout: 10_000 });
    const en = referred(bytes, 'en');
    const first = en.rows[0]!;
    const cells = within(bodyRows()[0]!).getAllByRole('cell');
    expect(within(cells[4]!).getAllByRole('listitem')[0]).toHaveTextContent(CONTENT.channels[first.channels![0]!]!.name.en);
    expect(within(bodyRows()[1]!).getAllByRole('cell')[5]).toHaveTextContent(en.rows[1]!.error!);

    await user.click(screen.getByRole('button', { name: EN.download }));
    const got = new Uint8Array(await downloads[0]!.blob.arrayBuffer());
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(got.subarray(3))).toBe(cliOutput(bytes, 'en'));
  });

  it('everything works from the keyboard', async () => {
    const downloads = captureDownloads();
    const { user } = renderBatch();
    await user.tab();
    expect(screen.getByRole('link', { name: B.example })).toHaveFocus();
    await user.tab();
    expect(fileInput()).toHaveFocus();
    await user.upload(fileInput(), csvFile(fixture('bad-rows.csv')));
    await finished();
    await user.tab();
    expect(screen.getByRole('combobox', { name: B.notationLabel })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: B.download })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(downloads).toHaveLength(1);
    await user.tab();
    expect(screen.getByRole('checkbox', { name: B.onlyErrors })).toHaveFocus();
    await user.keyboard(' ');
    expect(screen.getByRole('checkbox', { name: B.onlyErrors })).toBeChecked();
    await user.tab();
    // The table scrolls sideways on a narrow screen: its region takes focus so the keys can scroll it.
    expect(screen.getByRole('region', { name: new RegExp(B.tableCaption) })).toHaveFocus();
  });

  it('file lines, all problems of a row, value aliases and plural forms: a file with several kinds', async () => {
    const { user } = renderBatch();
    const text = 'sep=;\r\nNaam;Regio;Personeel;Omzet;NACE;Noden\r\n;;;;;\r\nBakkerij A;Vlaanderen;6;€ 650.000,-;10.71;Opleiding\r\n\r\nFout B;Vlaanderen;veel;1e309;ab;training\r\n';
    await user.upload(fileInput(), csvFile(text, 'kinds.csv'));
    await finished();
    expect(screen.getByRole('status')).toHaveTextContent('kinds.csv, 2 rijen, 1 beantwoord, 1 met een fout');
    const rows = bodyRows();
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent('4');
    expect(within(rows[1]!).getByRole('rowheader')).toHaveTextContent('6');
    const error = within(rows[1]!).getAllByRole('cell')[5]!.textContent!;
    expect(error).toContain('Personeel (staff): ');
    expect(error).toContain('Omzet (turnoverEur): ');
    expect(error).toContain('NACE (nace): ');
    // One row: the singular.
    await user.upload(fileInput(), csvFile('region;staff;nace;needs\nflanders;3;25.62;training\n', 'one.csv'));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('one.csv, 1 rij, 1 beantwoord, 0 met een fout'));
  });

  it('the notation: "1,250" in a comma file is an error naming both readings until the notation is chosen', async () => {
    const { user } = renderBatch();
    await user.upload(fileInput(), csvFile('region,staff,nace,needs\nflanders,"1,250",25.62,training\n', 'staff.csv'));
    await finished();
    expect(within(bodyRows()[0]!).getAllByRole('cell')[4]).toHaveTextContent(/1\.25 .* 1250/);
    await user.selectOptions(screen.getByRole('combobox', { name: B.notationLabel }), 'en');
    await waitFor(() => expect(within(bodyRows()[0]!).getAllByRole('cell')[0]).toHaveTextContent(CONTENT.labels.sizeClass.large.nl), { timeout: 10_000 });
  });

  it('a running job can be stopped: the page says so, and keeps no half result', async () => {
    const { user } = renderBatch();
    await user.upload(fileInput(), csvFile(bigCsv(3000), 'big.csv'));
    await user.click(await screen.findByRole('button', { name: B.stop }));
    expect(screen.getByRole('status')).toHaveTextContent(B.stopped.replace('{{file}}', 'big.csv'));
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  describe('with a Web Worker', () => {
    /** A Worker that runs the worker's code (worker-core) in this thread, answering asynchronously. */
    class FakeWorker {
      static created: Array<{ url: string; options: WorkerOptions | undefined; worker: FakeWorker }> = [];
      static broken = false;
      onmessage: ((e: MessageEvent<BatchResponse>) => void) | null = null;
      onerror: ((e: ErrorEvent) => void) | null = null;
      terminated = false;
      received: BatchRequest[] = [];
      constructor(url: URL | string, options?: WorkerOptions) {
        FakeWorker.created.push({ url: String(url), options, worker: this });
      }
      postMessage(req: BatchRequest) {
        this.received.push(req);
        setTimeout(() => {
          if (FakeWorker.broken) {
            this.onerror?.({ message: 'failed to load', preventDefault: () => undefined } as unknown as ErrorEvent);
            return;
          }
          // The worker's messages arrive one by one, a few milliseconds apart, as from a real worker.
          const messages: BatchResponse[] = [];
          void runBatchRequest(req, (m) => messages.push(m)).then(async () => {
            for (const m of messages) {
              await new Promise((r) => setTimeout(r, 5));
              if (!this.terminated) this.onmessage?.({ data: m } as MessageEvent<BatchResponse>);
            }
          });
        }, 0);
      }
      terminate() { this.terminated = true; }
    }

    it('sends the file and the content to a module worker, shows its progress and result, then ends it', async () => {
      FakeWorker.created = [];
      FakeWorker.broken = false;
      vi.stubGlobal('Worker', FakeWorker);
      const { user } = renderBatch();
      const progress = watchProgress();
      await user.upload(fileInput(), csvFile(bigCsv(700), 'big.csv'));
      await finished();
      progress.stop();
      const size = new TextEncoder().encode(bigCsv(700)).length;
      expect(progress.seen.filter((p) => p.max === size).map((p) => p.value)).toEqual(chunkSteps(size));

      expect(FakeWorker.created).toHaveLength(1);
      const { url, options, worker } = FakeWorker.created[0]!;
      expect(url).toMatch(/batch\.worker\.ts/);
      expect(options).toEqual({ type: 'module' });
      expect(worker.received).toHaveLength(1);
      expect(worker.received[0]!.lang).toBe('nl');
      expect(worker.received[0]!.content.meta.contentVersion).toBe(CONTENT.meta.contentVersion);
      expect(worker.terminated).toBe(true);
      await waitFor(() => expect(bodyRows()).toHaveLength(200), { timeout: 15_000 });
      expect(within(screen.getByRole('heading', { name: B.resultTitle }).closest('section')!).getByText(B.summaryRows).nextElementSibling).toHaveTextContent('700');
    });

    it('falls back to the page when the worker cannot start', async () => {
      FakeWorker.created = [];
      FakeWorker.broken = true;
      vi.stubGlobal('Worker', FakeWorker);
      const { user } = renderBatch();
      await user.upload(fileInput(), csvFile(fixture('comma.csv')));
      await finished();
      expect(FakeWorker.created).toHaveLength(1);
      expect(bodyRows()).toHaveLength(8);
    });

    it('a new file while the last one is still running: the old job is ended and its answer dropped', async () => {
      FakeWorker.created = [];
      FakeWorker.broken = false;
      vi.stubGlobal('Worker', FakeWorker);
      const { user } = renderBatch();
      await user.upload(fileInput(), csvFile(bigCsv(3000), 'first.csv'));
      await user.upload(fileInput(), csvFile(fixture('comma.csv'), 'second.csv'));
      await finished();
      await new Promise((r) => setTimeout(r, 300));
      expect(FakeWorker.created).toHaveLength(2);
      expect(FakeWorker.created[0]!.worker.terminated).toBe(true);
      expect(screen.getByRole('status')).toHaveTextContent('second.csv');
      expect(bodyRows()).toHaveLength(8);
    });
  });
});
