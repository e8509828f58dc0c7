// `npm run content:check [-- --json]`: validates content/ and prints a readable report (or one JSON object).
// Fails on a missing source, a failing scenario, a missing translation, an unreachable rule or an
// uncovered profile; stale facts (checked more than 12 months ago) are warnings, and facts resting on
// pages whose own date (`pageDate`) is more than three years old are listed for an editor to re-read.
import { join } from 'node:path';
import { checkContent, OLD_PAGE_YEARS } from '../content/check';
import { CONTENT_DIR, ContentError, loadContent } from '../content/load';
import { localDate } from '../domain/format';

const json = process.argv.includes('--json');
// The local date, as the person running the check sees it (not UTC: in Belgium the UTC date lags until 01:00 or 02:00).
const today = process.env.CONTENT_CHECK_TODAY ?? localDate();

function run(): number {
  let loaded;
  try {
    loaded = loadContent();
  } catch (e) {
    if (!(e instanceof ContentError)) throw e;
    if (json) process.stdout.write(`${JSON.stringify({ ok: false, problems: e.problems })}\n`);
    else process.stderr.write(`content/ has ${e.problems.length} problem(s):\n${e.message}\n`);
    return 1;
  }
  const r = checkContent(loaded, { today, localesDir: join(CONTENT_DIR, 'locales') });
  const failures = [
    ...(r.facts !== r.factsWithSource ? [`${r.facts - r.factsWithSource} fact(s) without a source URL and date`] : []),
    ...r.failingScenarios.map((f) => `scenario "${f.name}" (${f.file}): ${f.problem}`),
    ...r.missingTranslations.map((m) => `missing translation ${m}`),
    ...r.unreachableRules.map((id) => `rule ${id} can never fire`),
    ...r.uncoveredInstruments.map((id) => `instrument ${id} is pointed to by a rule but covered by no scenario`),
    ...r.uncoveredProfiles.map((p) => `no recommendation for a Flemish firm: ${p}`),
  ];
  if (json) {
    const { staleFacts, failingScenarios, oldPageFacts, ...summary } = r;
    process.stdout.write(`${JSON.stringify({ ok: failures.length === 0, ...summary, failures, staleFacts, oldPageFacts, failingScenarios })}\n`);
  } else {
    const line = (label: string, value: string | number) => `  ${label.padEnd(28)} ${value}`;
    const out = [
      `Innovatiewijzer content ${r.contentVersion} (checked against ${today})`,
      line('facts (sourced)', `${r.factsWithSource} of ${r.facts}`),
      line('stale (> 12 months)', r.stale),
      line('with a page date', r.withPageDate),
      line(`on pages > ${OLD_PAGE_YEARS} years old`, r.oldPages),
      line('scenarios passing', `${r.scenariosPassing} of ${r.scenarios}`),
      line('rules (unreachable)', `${r.rules} (${r.unreachableRules.length})`),
      line('instruments without scenario', r.uncoveredInstruments.length),
      line('missing translations', r.missingTranslations.length),
      line('uncovered profiles', r.uncoveredProfiles.length),
      line('open questions (unverified)', r.unverified),
      ...r.staleFacts.map((f) => `  warning: stale fact ${f.where} (checked ${f.checked}, ${f.source})`),
      ...r.oldPageFacts.map((f) => `  old page: ${f.where} rests on a page dated ${f.pageDate} (${f.source})`),
      ...failures.map((f) => `  FAIL: ${f}`),
      failures.length ? `content check failed (${failures.length})` : 'content check passed',
    ];
    (failures.length ? process.stderr : process.stdout).write(`${out.join('\n')}\n`);
  }
  return failures.length ? 1 : 0;
}

try {
  process.exitCode = run();
} catch (e) {
  process.stderr.write(`content check could not run: ${(e as Error).message}\n`);
  process.exitCode = 1;
}
