import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { buildApp, serveDist } from '../../src/cli/serve-dist';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the app under test is served, e.g. http://127.0.0.1:41234 (no trailing slash). */
    baseURL: string;
  }
}

export default async function setup(project: TestProject) {
  // E2E_BASE_URL=http://127.0.0.1:5173 runs the tests against a server you started yourself.
  const external = process.env.E2E_BASE_URL;
  if (external) {
    project.provide('baseURL', external.replace(/\/$/, ''));
    return;
  }
  buildApp();
  const server = await serveDist();
  const { port } = server.address() as AddressInfo;
  project.provide('baseURL', `http://127.0.0.1:${port}`);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
