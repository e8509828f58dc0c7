// What the file commands (`refer`, `changes`) share: the command line (FILE, --lang, --notation, --out),
// opening FILE (a regular file or a pipe only, never a device), writing to stdout or to `--out` through
// a temporary file renamed when complete (an interrupted run leaves no half file), and the exit codes.
import { once } from 'node:events';
import { closeSync, createWriteStream, fstatSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { ContentError } from '../content/load';
import type { Notation } from '../domain/numbers';
import { isLang, type Lang } from '../domain/types';

/** A failure with its exit code (2: bad arguments or file, 0: help). */
export class Exit extends Error {
  constructor(readonly code: number, message: string) { super(message); }
}

export interface FileArgs { file: string; lang: Lang; notation?: Notation; out?: string }

/**
 * The command line: one `fileName` (FILE, EARLIER_RESULT.csv), --lang, --notation, --out (also as
 * --name=value), --help. Throws Exit (code 2 naming what is wrong, with `usage`; 0 for --help).
 */
export function parseFileArgs(argv: string[], usage: string, fileName: string): FileArgs {
  let file: string | undefined;
  let lang: Lang = 'nl';
  let notation: Notation | undefined;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (name: string) => (a.includes('=') ? a.slice(name.length + 1) : argv[++i]);
    if (a === '--lang' || a.startsWith('--lang=')) {
      const v = value('--lang');
      if (!isLang(v)) throw new Exit(2, `--lang must be nl, en or fr (got ${v ?? 'nothing'}). ${usage}`);
      lang = v;
    } else if (a === '--notation' || a.startsWith('--notation=')) {
      const v = value('--notation');
      if (v !== 'be' && v !== 'en') throw new Exit(2, `--notation must be be (1.800.000,50) or en (1,800,000.50) (got ${v ?? 'nothing'}). ${usage}`);
      notation = v;
    } else if (a === '--out' || a.startsWith('--out=')) {
      const v = value('--out');
      if (!v) throw new Exit(2, `--out needs a file name. ${usage}`);
      out = v;
    } else if (a === '--help' || a === '-h') {
      throw new Exit(0, usage);
    } else if (a.startsWith('--')) {
      throw new Exit(2, `unknown option ${a}. ${usage}`);
    } else if (file === undefined) {
      file = a;
    } else {
      throw new Exit(2, `only one ${fileName} please (got ${file} and ${a}). ${usage}`);
    }
  }
  if (!file) throw new Exit(2, `no ${fileName} given. ${usage}`);
  return { file, lang, notation, out };
}

/**
 * Opens FILE relative to `cwd`, or standard input for "-": a regular file or a pipe only (a device such
 * as /dev/zero is never read). `size` in bytes for a regular file, else null. Throws Exit (code 2);
 * `pipeHint` ends the message for a standard input that is neither.
 */
export function openInput(file: string, cwd: string, pipeHint: string): { fd: number; size: number | null } {
  if (file === '-') {
    const st = fstatSync(0);
    if (!st.isFIFO() && !st.isFile() && !st.isSocket()) throw new Exit(2, `standard input is not a file or a pipe: give a FILE, or pipe one in${pipeHint}`);
    return { fd: 0, size: st.isFile() ? st.size : null };
  }
  let fd: number;
  try {
    fd = openSync(resolve(cwd, file), 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Exit(2, `cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message}`);
  }
  const st = fstatSync(fd);
  if (st.isDirectory()) { closeSync(fd); throw new Exit(2, `cannot read ${file}: it is a directory`); }
  if (!st.isFile() && !st.isFIFO()) { closeSync(fd); throw new Exit(2, `cannot read ${file}: it is not a regular file or a pipe (a device or a socket is never read)`); }
  return { fd, size: st.isFile() ? st.size : null };
}

/** Writes `text` to `sink`, waiting for it to drain when its buffer is full. */
export async function write(sink: Writable, text: string): Promise<void> {
  if (text && !sink.write(text)) await once(sink, 'drain');
}

/**
 * Where a command writes: `stdout`, or with `out` a temporary file next to it (`.NAME.PID.part`), renamed
 * to `out` by `complete()`. `close()` (always, in a finally) removes the temporary file when the run did
 * not complete; Ctrl-C or a SIGTERM removes it too.
 */
export async function openOutput(out: string | undefined, cwd: string, stdout: Writable) {
  if (!out) return { sink: stdout, complete: async () => {}, close: () => {} };
  const target = resolve(cwd, out);
  let temp: string | null = join(dirname(target), `.${basename(target)}.${process.pid}.part`);
  let stream: Writable | null = null;
  const remove = () => { if (temp) { stream?.destroy(); rmSync(temp, { force: true }); } };
  const onSignal = (signal: NodeJS.Signals) => { remove(); process.kill(process.pid, signal); };
  // The handlers come first and the file is created synchronously: a signal handled in JS then always
  // finds the temporary file either not yet made or complete on disk (with an asynchronous open, a
  // Ctrl-C right after the file appeared could land before the handlers and leave it behind).
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let fd: number;
  try {
    fd = openSync(temp, 'wx');
  } catch (e) {
    // Not ours (another run's file, or no permission): never remove it on a signal.
    temp = null;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    throw e;
  }
  stream = createWriteStream('', { fd });
  return {
    sink: stream,
    async complete() {
      stream!.end();
      await once(stream!, 'finish');
      renameSync(temp!, target);
      temp = null;
    },
    close() {
      remove();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/**
 * Runs a command's `main` and sets the exit code: its own (0, 3, 4, ...), an Exit's (its message on
 * stdout for 0, else on stderr), 1 for problems in content/ (listed) and for anything else (one line,
 * no stack trace).
 */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => { process.exitCode = code; },
    (e: unknown) => {
      if (e instanceof Exit) {
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
