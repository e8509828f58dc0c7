import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildApp, serveDist } from '../../src/cli/serve-dist';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the app under test is served, e.g. http://127.0.0.1:41234 (no trailing slash). */
    baseURL: string;
    /** The build under test (a folder of this run's own), or '' when E2E_BASE_URL points elsewhere. */
    distDir: string;
  }
}

export default async function setup(project: TestProject) {
  // E2E_BASE_URL=http://127.0.0.1:5173 runs the tests against a server you started yourself.
  const external = process.env.E2E_BASE_URL;
  if (external) {
    project.provide('baseURL', external.replace(/\/$/, ''));
    project.provide('distDir', '');
    return;
  }
  // This run's own build: a bench or another test run building dist/ meanwhile cannot break it.
  const distDir = mkdtempSync(path.join(tmpdir(), 'innovatiewijzer-e2e-'));
  buildApp(distDir);
  const server = await serveDist(distDir);
  const { port } = server.address() as AddressInfo;
  project.provide('baseURL', `http://127.0.0.1:${port}`);
  project.provide('distDir', distDir);
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(distDir, { recursive: true, force: true });
  };
}
