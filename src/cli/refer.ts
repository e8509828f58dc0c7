// `npm run --silent refer -- FILE [--lang nl|en|fr]`: the same refer() as the wizard, for files.
// Exit codes: 0 all answered; 2 bad arguments, unreadable file or a bad single profile; 3 a batch with bad items.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { referOne } from '../domain/batch';
import { processCsv, readTextFile, type FileProblem } from '../domain/batch-file';
import { MAX_CSV_BYTES } from '../domain/csv';
import { fieldErrorText } from '../domain/profile';
import { isLang, type Lang } from '../domain/types';
import { ContentError, loadContent } from '../content/load';

const USAGE = 'usage: npm run --silent refer -- FILE [--lang nl|en|fr]   (FILE: a JSON profile, a JSON array of profiles, or a .csv file)';

class Exit extends Error {
  constructor(readonly code: number, message: string) { super(message); }
}

function parseArgs(argv: string[]): { file: string; lang: Lang } {
  let file: string | undefined;
  let lang: Lang = 'nl';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lang' || a.startsWith('--lang=')) {
      const v = a.includes('=') ? a.slice(7) : argv[++i];
      if (!isLang(v)) throw new Exit(2, `--lang must be nl, en or fr (got ${v ?? 'nothing'}). ${USAGE}`);
      lang = v;
    } else if (a === '--help' || a === '-h') {
      throw new Exit(0, USAGE);
    } else if (a.startsWith('--')) {
      throw new Exit(2, `unknown option ${a}. ${USAGE}`);
    } else if (file === undefined) {
      file = a;
    } else {
      throw new Exit(2, `only one FILE please (got ${file} and ${a}). ${USAGE}`);
    }
  }
  if (!file) throw new Exit(2, `no FILE given. ${USAGE}`);
  return { file, lang };
}

/** A file problem (the same checks as the batch page) in one line of English. */
function problemText(file: string, problem: FileProblem): string {
  switch (problem.kind) {
    case 'too-large': return `${file} is too large (${Math.round(problem.bytes / 1024 / 1024)} MB; at most ${MAX_CSV_BYTES / 1024 / 1024} MB)`;
    case 'not-text': return `${file} is not a text file (it holds binary data): save it as CSV (UTF-8) or JSON`;
    case 'unclosed-quote': return `${file} is not a readable CSV file: a quoted cell starting on line ${problem.line} is never closed`;
    case 'json': return `${file} holds JSON, not CSV: give it a .json name to refer the profiles in it`;
    case 'empty':
    case 'no-header': return `${file} has no header line with profile columns (region, staff, nace, innovation, needs, ...)`;
  }
}

function main(argv: string[]): number {
  const { file, lang } = parseArgs(argv);
  let bytes: Buffer;
  try {
    // npm runs scripts in the project root; resolve FILE against where the user typed the command.
    bytes = readFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Exit(2, `cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message}`);
  }
  const { content } = loadContent();

  if (file.toLowerCase().endsWith('.csv')) {
    // The batch page's code path, to the end: the same checks, rows and result CSV.
    const run = processCsv(bytes, content, lang);
    if (!run.ok) throw new Exit(2, problemText(file, run.problem));
    const { result } = run;
    if (result.ignoredColumns.length) process.stderr.write(`note: columns not used by the engine (kept in the output): ${result.ignoredColumns.join(', ')}\n`);
    process.stdout.write(result.csv);
    return result.failed === 0 ? 0 : 3;
  }

  const read = readTextFile(bytes);
  if (!read.ok) throw new Exit(2, problemText(file, read.problem));
  let data: unknown;
  try {
    data = JSON.parse(read.text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new Exit(2, `${file} is not valid JSON: ${(e as Error).message}`);
  }
  if (Array.isArray(data)) {
    const items = data.map((p) => referOne(p, content, lang));
    process.stdout.write(`${JSON.stringify(items.map((i) => (i.ok ? i.referral : { error: i.error })), null, 2)}\n`);
    return items.every((i) => i.ok) ? 0 : 3;
  }
  const item = referOne(data, content, lang);
  if (!item.ok) throw new Exit(2, fieldErrorText(item.error));
  process.stdout.write(`${JSON.stringify(item.referral, null, 2)}\n`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
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
}
