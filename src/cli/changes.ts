// `npm run --silent changes -- EARLIER_RESULT.csv [--lang nl|en|fr] [--notation be|en] [--out FILE]`:
// what changed for each firm of a batch since an earlier result file of `npm run refer` (or the batch
// page), with the current content. Streamed (src/domain/result-changes.ts): a file of any size in
// constant memory. Exit codes: 0 no row changed; 4 some rows changed; 3 some rows refused now
// (whatever changed); 2 bad arguments or a file that cannot be compared; 1 bad content or an internal error.
import { once } from 'node:events';
import { closeSync, createReadStream, createWriteStream, fstatSync, openSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { ContentError, loadContent } from '../content/load';
import { fileProblemText } from '../domain/batch-file';
import type { Content } from '../domain/content-model';
import type { Notation } from '../domain/numbers';
import { ChangesProblemError, ResultChangesStream, type ChangeRowView } from '../domain/result-changes';
import { isLang, type Lang } from '../domain/types';

export const CHANGES_USAGE = 'usage: npm run --silent changes -- EARLIER_RESULT.csv [--lang nl|en|fr] [--notation be|en] [--out FILE]   (a result file written earlier by npm run refer or the batch page; - reads standard input)';

/** A failure with its exit code (2: bad arguments or file, 0: help). */
export class ChangesExit extends Error {
  constructor(readonly code: number, message: string) { super(message); }
}

export interface ChangesArgs { file: string; lang: Lang; notation?: Notation; out?: string }

/** The command line: FILE, --lang, --notation, --out (also as --name=value). Throws ChangesExit. */
export function parseChangesArgs(argv: string[]): ChangesArgs {
  let file: string | undefined;
  let lang: Lang = 'nl';
  let notation: Notation | undefined;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (name: string) => (a.includes('=') ? a.slice(name.length + 1) : argv[++i]);
    if (a === '--lang' || a.startsWith('--lang=')) {
      const v = value('--lang');
      if (!isLang(v)) throw new ChangesExit(2, `--lang must be nl, en or fr (got ${v ?? 'nothing'}). ${CHANGES_USAGE}`);
      lang = v;
    } else if (a === '--notation' || a.startsWith('--notation=')) {
      const v = value('--notation');
      if (v !== 'be' && v !== 'en') throw new ChangesExit(2, `--notation must be be (1.800.000,50) or en (1,800,000.50) (got ${v ?? 'nothing'}). ${CHANGES_USAGE}`);
      notation = v;
    } else if (a === '--out' || a.startsWith('--out=')) {
      const v = value('--out');
      if (!v) throw new ChangesExit(2, `--out needs a file name. ${CHANGES_USAGE}`);
      out = v;
    } else if (a === '--help' || a === '-h') {
      throw new ChangesExit(0, CHANGES_USAGE);
    } else if (a.startsWith('--')) {
      throw new ChangesExit(2, `unknown option ${a}. ${CHANGES_USAGE}`);
    } else if (file === undefined) {
      file = a;
    } else {
      throw new ChangesExit(2, `only one EARLIER_RESULT.csv please (got ${file} and ${a}). ${CHANGES_USAGE}`);
    }
  }
  if (!file) throw new ChangesExit(2, `no EARLIER_RESULT.csv given. ${CHANGES_USAGE}`);
  return { file, lang, notation, out };
}

/** Where the command writes, and the directory FILE is relative to. */
export interface ChangesIo { stdout: Writable; stderr: Writable; cwd: string }

const CHUNK_BYTES = 256 * 1024;
const HOLD_CHARS = 1024 * 1024;
/** Changed rows named on stderr (the changes column names them all). */
const ROWS_ON_STDERR = 20;
const nf = new Intl.NumberFormat('en');

async function write(sink: Writable, text: string) {
  if (text && !sink.write(text)) await once(sink, 'drain');
}

/** Opens FILE (or stdin for "-"): a regular file or a pipe only. */
function openInput(file: string, cwd: string): number {
  if (file === '-') {
    const st = fstatSync(0);
    if (!st.isFIFO() && !st.isFile() && !st.isSocket()) throw new ChangesExit(2, 'standard input is not a file or a pipe: give a FILE, or pipe one in');
    return 0;
  }
  let fd: number;
  try {
    fd = openSync(resolve(cwd, file), 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ChangesExit(2, `cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message}`);
  }
  const st = fstatSync(fd);
  if (!st.isFile() && !st.isFIFO()) { closeSync(fd); throw new ChangesExit(2, `cannot read ${file}: ${st.isDirectory() ? 'it is a directory' : 'it is not a regular file or a pipe'}`); }
  return fd;
}

/**
 * Compares the earlier result file `args.file` with the current content: the changes CSV on stdout
 * (or `args.out`, written to a temporary file next to it and renamed when complete), then on stderr
 * what was compared (a result file keeps the recommended channels in order only), the counts and the
 * first changed rows. Resolves to the exit code (see the file comment). Throws ChangesExit (code 2)
 * for a file that cannot be read or is no result file.
 */
export async function runChanges(args: ChangesArgs, content: Content, io: ChangesIo): Promise<number> {
  const fd = openInput(args.file, io.cwd);
  let sink: Writable = io.stdout;
  let temp: string | null = null;
  let tempStream: WriteStream | null = null;
  if (args.out) {
    const target = resolve(io.cwd, args.out);
    temp = join(dirname(target), `.${basename(target)}.${process.pid}.part`);
    tempStream = createWriteStream(temp, { flags: 'wx' });
    await once(tempStream, 'open');
    sink = tempStream;
  }
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
    if (tempStream) {
      tempStream.end();
      await once(tempStream, 'finish');
      renameSync(temp!, resolve(io.cwd, args.out!));
      temp = null;
    }
  } catch (e) {
    if (e instanceof ChangesProblemError) {
      const p = e.problem;
      throw new ChangesExit(2, p.kind === 'not-a-result'
        ? `${args.file} has no recommendations column: it is not a result file of npm run refer or the batch page (run npm run refer on the profiles first, and keep its output)`
        : fileProblemText(args.file, p));
    }
    throw e;
  } finally {
    if (temp) { tempStream?.destroy(); rmSync(temp, { force: true }); }
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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => { process.exitCode = code; },
    (e: unknown) => {
      if (e instanceof ChangesExit) {
        (e.code === 0 ? process.stdout : process.stderr).write(`${e.message}\n`);
        process.exitCode = e.code;
      } else if (e instanceof ContentError) {
        process.stderr.write(`the content in content/ has problems:\n${e.message}\n`);
        process.exitCode = 1;
      } else {
        process.stderr.write(`internal error: ${(e as Error)?.message ?? String(e)}\n`);
        process.exitCode = 1;
      }
    },
  );
}
