// `npm run --silent refer -- FILE [--lang nl|en|fr] [--notation be|en] [--out OUTFILE]`: the same
// refer() as the wizard, for files of any size, streamed (refer-run.ts).
// Exit codes: 0 all answered; 2 bad arguments, unreadable file or a bad single profile; 3 a batch with bad items.
import { loadContent } from '../content/load';
import { runMain } from './file-command';
import { parseArgs, runRefer } from './refer-run';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const { content } = loadContent();
  // npm runs scripts in the project root; resolve FILE against where the user typed the command.
  return runRefer(args, content, { stdout: process.stdout, stderr: process.stderr, cwd: process.env.INIT_CWD ?? process.cwd() });
}

runMain(main);
