// `npm run content:check` checks against the local date (the one the person running it sees), not the UTC date.
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers';

it('in a time zone ahead of UTC (Kiritimati, UTC+14) the report names the local date', { timeout: 60_000 }, () => {
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: 'Pacific/Kiritimati' };
  delete env.CONTENT_CHECK_TODAY;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/content-check.ts'], { cwd: ROOT, env, encoding: 'utf8' });
  const local = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  expect(r.stdout.split('\n')[0]).toContain(`(checked against ${local})`);
});
