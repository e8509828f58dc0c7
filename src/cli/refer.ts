// `npm run --silent refer -- FILE [--lang nl|en|fr] [--notation be|en] [--out OUTFILE]`: the same
// refer() as the wizard, for files of any size, streamed (refer-run.ts).
// Exit codes: 0 all answered; 2 bad arguments, unreadable file or a bad single profile; 3 a batch with bad items.
import { ContentError, loadContent } from '../content/load';
import { Exit, parseArgs, runRefer } from './refer-run';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const { content } = loadContent();
  // npm runs scripts in the project root; resolve FILE against where the user typed the command.
  return runRefer(args, content, { stdout: process.stdout, stderr: process.stderr, cwd: process.env.INIT_CWD ?? process.cwd() });
}

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
