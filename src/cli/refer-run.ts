// The `refer` command's work, streamed: a file of any size is read a chunk at a time and answered
// row by row, in constant memory (src/cli/refer.ts is the entry point; the bench runs this in a
// child process). CSV in, CSV out (the batch page's code path, CsvBatchStream); a JSON array in, a
// JSON array out; NDJSON in, NDJSON out; one JSON profile in, one referral out.
import { createReadStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { referOne } from '../domain/batch';
import { CsvBatchStream, FileProblemError, fileProblemText, type RowView } from '../domain/batch-file';
import type { Content } from '../domain/content-model';
import { ByteDecoder, NotTextError } from '../domain/csv';
import { JsonShapeError, JsonSplitter } from '../domain/json-stream';
import { fieldErrorText } from '../domain/profile';
import { Exit, openInput, openOutput, parseFileArgs, write, type FileArgs } from './file-command';

export { Exit };

export const USAGE = 'usage: npm run --silent refer -- FILE [--lang nl|en|fr] [--notation be|en] [--out OUTFILE]   (FILE: a .csv file, a JSON profile, a JSON array of profiles, or .ndjson; - reads standard input)';

export type ReferArgs = FileArgs;

/** The command line: FILE, --lang, --notation, --out. Throws Exit. */
export function parseArgs(argv: string[]): ReferArgs {
  return parseFileArgs(argv, USAGE, 'FILE');
}

export interface ReferIo {
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean };
  cwd: string;
}

const CHUNK_BYTES = 256 * 1024;
const HOLD_CHARS = 1024 * 1024;
/** Failed rows named on stderr (the result's error column names them all). */
const ROWS_ON_STDERR = 20;
const nf = new Intl.NumberFormat('en');

/** Progress on stderr, at most twice a second, only when stderr is a terminal. */
function progressReporter(stderr: ReferIo['stderr'], size: number | null) {
  const on = Boolean(stderr.isTTY);
  let last = 0;
  let shown = false;
  return {
    update(rows: number, bytes: number) {
      if (!on) return;
      const now = Date.now();
      if (now - last < 500) return;
      last = now;
      shown = true;
      const share = size ? `, ${Math.floor((bytes / size) * 100)}%` : '';
      stderr.write(`\r${nf.format(rows)} rows${share}\u001b[K`);
    },
    done() {
      if (on && shown) stderr.write('\r\u001b[K');
    },
  };
}

type Format = 'csv' | 'json' | 'ndjson';
const formatOf = (file: string): Format | null => {
  const f = file.toLowerCase();
  if (/\.(csv|tsv|txt)$/.test(f)) return 'csv';
  if (/\.(ndjson|jsonl)$/.test(f)) return 'ndjson';
  if (f.endsWith('.json')) return 'json';
  return null;
};

/**
 * Runs `refer` with parsed arguments; resolves to the exit code (0 all answered, 3 some rows
 * refused). Throws Exit (code 2) for a file that cannot be read. With `out`, the result goes to a
 * temporary file next to it, renamed to `out` only when complete.
 */
export async function runRefer(args: ReferArgs, content: Content, io: ReferIo): Promise<number> {
  const { fd, size } = openInput(args.file, io.cwd, ' (cat FILE | npm run refer -- -)');
  const output = await openOutput(args.out, io.cwd, io.stdout);
  try {
    const input = createReadStream('', { fd, highWaterMark: CHUNK_BYTES });
    const format = args.file === '-' ? null : formatOf(args.file);
    const code = format === 'csv' || format === null ? await runCsvOrSniff(input, format, args, content, io, output.sink, size) : await runJson(input, format, args, content, io, output.sink, size);
    await output.complete();
    return code;
  } finally {
    output.close();
  }
}

/** A CSV file (or standard input / a file without a known extension, sniffed: "[" or "{" is JSON). */
async function runCsvOrSniff(input: AsyncIterable<Buffer>, format: Format | null, args: ReferArgs, content: Content, io: ReferIo, sink: Writable, size: number | null): Promise<number> {
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head: Buffer = first.done ? Buffer.alloc(0) : first.value;
  const rest: AsyncIterable<Buffer> = { [Symbol.asyncIterator]: () => iterator };
  if (format === null) {
    const text = head.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, '').trimStart();
    if (text.startsWith('[') || text.startsWith('{')) return runJson(prepend(head, rest), text.startsWith('[') ? 'json' : 'ndjson', args, content, io, sink, size);
  }
  const failed: string[] = [];
  let failedCount = 0;
  const onRow = (v: RowView) => {
    if (v.error === undefined) return;
    failedCount++;
    if (failed.length < ROWS_ON_STDERR) failed.push(`line ${v.line}: ${v.error}`);
  };
  const batch = new CsvBatchStream(content, { lang: args.lang, notation: args.notation }, onRow);
  const progress = progressReporter(io.stderr, size);
  let bytes = 0;
  let noted = false;
  const note = () => {
    if (noted || !batch.info) return;
    noted = true;
    const cols = batch.info.unused.map((u) => (u.suggestion ? `${u.column} (did you mean ${u.suggestion}?)` : u.column));
    if (cols.length) io.stderr.write(`note: columns not used by the engine (kept in the output): ${cols.join(', ')}\n`);
  };
  // The first MiB of output waits, so a small file that turns out unreadable prints nothing on stdout.
  let held: string | null = '';
  const emit = async (out: string) => {
    if (held === null) return write(sink, out);
    held += out;
    if (held.length > HOLD_CHARS) {
      const text = held;
      held = null;
      await write(sink, text);
    }
  };
  try {
    for await (const chunk of prepend(head, rest)) {
      bytes += chunk.length;
      const out = batch.push(chunk);
      note();
      await emit(out);
      progress.update(batch.counts.answered + batch.counts.failed, bytes);
    }
    await emit(batch.end());
    if (held !== null) await write(sink, held);
    note();
  } catch (e) {
    progress.done();
    if (e instanceof FileProblemError) throw new Exit(2, fileProblemText(args.file, e.problem));
    throw e;
  }
  progress.done();
  const { answered } = batch.counts;
  if (batch.encoding === 'windows-1252' || batch.encoding === 'mixed') {
    io.stderr.write(`note: ${batch.encoding === 'mixed' ? 'some lines were' : 'the file was'} read as Windows-1252 (not UTF-8), the first on line ${batch.firstWindows1252Line}\n`);
  }
  if (failedCount) {
    io.stderr.write(`${nf.format(failedCount)} ${failedCount === 1 ? 'row' : 'rows'} of ${nf.format(answered + failedCount)} with an error (the error column says why):\n${failed.join('\n')}\n`);
    if (failedCount > failed.length) io.stderr.write(`... and ${nf.format(failedCount - failed.length)} more\n`);
  }
  return failedCount === 0 ? 0 : 3;
}

async function* prepend(head: Buffer, rest: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  if (head.length) yield head;
  yield* rest;
}

/** A JSON file: one profile, an array of profiles, or NDJSON; answered in the same shape, row by row. */
async function runJson(input: AsyncIterable<Buffer>, format: Format, args: ReferArgs, content: Content, io: ReferIo, sink: Writable, size: number | null): Promise<number> {
  const decoder = new ByteDecoder();
  const splitter = new JsonSplitter();
  const progress = progressReporter(io.stderr, size);
  let count = 0;
  let failed = 0;
  let single: unknown[] | null = format === 'json' ? [] : null;
  let bytes = 0;
  const answer = (piece: { text: string; line: number }) => {
    let data: unknown;
    try {
      data = JSON.parse(piece.text);
    } catch (e) {
      throw new Exit(2, `${args.file} is not valid JSON: the value starting on line ${piece.line}: ${(e as Error).message}`);
    }
    const item = referOne(data, content, args.lang);
    if (!item.ok) failed++;
    return item.ok ? item.referral : { line: piece.line, error: item.errors[0], errors: item.errors };
  };
  const emit = async (pieces: Array<{ text: string; line: number }>) => {
    let out = '';
    for (const p of pieces) {
      // A .json file with one object: kept until the end (then it is a single profile).
      if (single && splitter.shape === 'sequence') {
        single.push(p);
        if (single.length > 1) throw new Exit(2, `${args.file} holds several JSON values one after another: name it .ndjson (one profile per line), or put them in an array [ ... ]`);
        continue;
      }
      single = null;
      const result = answer(p);
      if (splitter.shape === 'array') out += `${count ? ',\n' : '[\n'}  ${JSON.stringify(result, null, 2).replace(/\n/g, '\n  ')}`;
      else out += `${JSON.stringify(result)}\n`;
      count++;
    }
    await write(sink, out);
  };
  try {
    for await (const chunk of input) {
      bytes += chunk.length;
      await emit(splitter.push(decoder.push(chunk)));
      progress.update(count, bytes);
    }
    await emit([...splitter.push(decoder.end()), ...splitter.end()]);
  } catch (e) {
    progress.done();
    if (e instanceof NotTextError) throw new Exit(2, `${args.file} is not a text file (binary data on line ${e.line}): save it as CSV (UTF-8) or JSON`);
    if (e instanceof JsonShapeError) throw new Exit(2, `${args.file} is not valid JSON: ${e.message}`);
    throw e;
  }
  progress.done();
  if (splitter.shape === null) throw new Exit(2, `${args.file} is not valid JSON: it is empty`);
  if (single && single.length === 1) {
    const p = single[0] as { text: string; line: number };
    let data: unknown;
    try {
      data = JSON.parse(p.text);
    } catch (e) {
      throw new Exit(2, `${args.file} is not valid JSON: ${(e as Error).message}`);
    }
    const item = referOne(data, content, args.lang);
    if (!item.ok) throw new Exit(2, item.errors.map(fieldErrorText).join(' | '));
    await write(sink, `${JSON.stringify(item.referral, null, 2)}\n`);
    return 0;
  }
  if (splitter.shape === 'array') await write(sink, count ? '\n]\n' : '[]\n');
  if (failed) io.stderr.write(`${nf.format(failed)} of ${nf.format(count)} ${count === 1 ? 'profile' : 'profiles'} with an error (see "errors" in the output)\n`);
  return failed === 0 ? 0 : 3;
}
