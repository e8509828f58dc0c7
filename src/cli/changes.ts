// `npm run --silent changes -- EARLIER_RESULT.csv [--lang nl|en|fr] [--notation be|en] [--out FILE]`:
// what changed for each firm of a batch since an earlier result file of `npm run refer` (or the batch
// page), with the current content. Streamed (src/domain/result-changes.ts): a file of any size in
// constant memory. Exit codes: 0 no row changed; 4 some rows changed; 3 some rows refused now
// (whatever changed); 2 bad arguments or a file that cannot be compared; 1 bad content or an internal error.
import { createReadStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { loadContent } from '../content/load';
import { fileProblemText } from '../domain/batch-file';
import type { Content } from '../domain/content-model';
import { ChangesProblemError, ResultChangesStream, type ChangeRowView } from '../domain/result-changes';
import { Exit, openInput, openOutput, parseFileArgs, runMain, write, type FileArgs } from './file-command';

export const CHANGES_USAGE = 'usage: npm run --silent changes -- EARLIER_RESULT.csv [--lang nl|en|fr] [--notation be|en] [--out FILE]   (a result file written earlier by npm run refer or the batch page; - reads standard input)';

/** A failure with its exit code (2: bad arguments or file, 0: help): the file commands' Exit. */
export { Exit as ChangesExit };

export type ChangesArgs = FileArgs;

/** The command line: EARLIER_RESULT.csv, --lang, --notation, --out (also as --name=value). Throws ChangesExit. */
export function parseChangesArgs(argv: string[]): ChangesArgs {
  return parseFileArgs(argv, CHANGES_USAGE, 'EARLIER_RESULT.csv');
}

/** Where the command writes, and the directory FILE is relative to. */
export interface ChangesIo { stdout: Writable; stderr: Writable; cwd: string }

const CHUNK_BYTES = 256 * 1024;
const HOLD_CHARS = 1024 * 1024;
/** Changed rows named on stderr (the changes column names them all). */
const ROWS_ON_STDERR = 20;
const nf = new Intl.NumberFormat('en');

/**
 * Compares the earlier result file `args.file` with the current content: the changes CSV on stdout
 * (or `args.out`, written to a temporary file next to it and renamed when complete), then on stderr
 * what was compared (a result file keeps the recommended channels in order only), the counts and the
 * first changed rows. Resolves to the exit code (see the file comment). Throws ChangesExit (code 2)
 * for a file that cannot be read or is no result file.
 */
export async function runChanges(args: ChangesArgs, content: Content, io: ChangesIo): Promise<number> {
  const { fd } = openInput(args.file, io.cwd, '');
  const output = await openOutput(args.out, io.cwd, io.stdout);
  const sink = output.sink;
  const named: string[] = [];
  const onRow = (v: ChangeRowView) => {
    if (v.status !== 'same' && named.length < ROWS_ON_STDERR) named.push(`line ${v.line}${v.name ? ` (${v.name})` : ''}: ${v.summary}`);
  };
  const stream = new ResultChangesStream(content, { lang: args.lang, notation: args.notation }, onRow);
  try {
    // The first MiB of output waits, so a small file that turns out unreadable prints nothing on stdout.
    let held: string | null = '';
    const emit = async (text: string) => {
      if (held === null) return write(sink, text);
      held += text;
      if (held.length > HOLD_CHARS) { const all = held; held = null; await write(sink, all); }
    };
    for await (const chunk of createReadStream('', { fd, highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) await emit(stream.push(chunk));
    await emit(stream.end());
    if (held !== null) await write(sink, held);
    await output.complete();
  } catch (e) {
    if (e instanceof ChangesProblemError) {
      const p = e.problem;
      throw new Exit(2, p.kind === 'not-a-result'
        ? `${args.file} has no recommendations column: it is not a result file of npm run refer or the batch page (run npm run refer on the profiles first, and keep its output)`
        : fileProblemText(args.file, p));
    }
    throw e;
  } finally {
    output.close();
  }
  const { rows, changed, refused } = stream.counts;
  io.stderr.write(`note: ${content.engineTexts.changes.onlyRanks[args.lang]}\n`);
  io.stderr.write(`${nf.format(changed)} of ${nf.format(rows)} ${rows === 1 ? 'row' : 'rows'} changed with content ${content.meta.contentVersion}${refused ? `; ${nf.format(refused)} refused now (the error column says why)` : ''}${changed ? ':' : ''}\n`);
  if (named.length) io.stderr.write(`${named.join('\n')}\n`);
  if (changed > named.length) io.stderr.write(`... and ${nf.format(changed - named.length)} more (the changes column names them all)\n`);
  return refused ? 3 : changed ? 4 : 0;
}

async function main(): Promise<number> {
  const args = parseChangesArgs(process.argv.slice(2));
  const { content } = loadContent();
  // npm runs scripts in the project root; resolve FILE against where the user typed the command.
  return runChanges(args, content, { stdout: process.stdout, stderr: process.stderr, cwd: process.env.INIT_CWD ?? process.cwd() });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) runMain(main);
