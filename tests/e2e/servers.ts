// Servers the continuity tests start, stop and replace themselves: the e2e static server (optionally
// sending `Vary: Origin`, as many hosts do), the README's `vite preview`, and a second "deploy" of the
// build under test. Playwright's setOffline also blocks the service worker's cache (playwright#2311),
// so "offline" here means the server is really gone.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { serveDist, type ServeOptions } from '../../src/cli/serve-dist';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Running {
  url: string;
  port: number;
  stop: () => Promise<void>;
}

/** A free port of 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The e2e static server (src/cli/serve-dist.ts) on `dir`. */
export async function serve(dir: string, options: ServeOptions = {}): Promise<Running> {
  const server = await serveDist(dir, options);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    stop: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/**
 * `vite preview` as `npm run preview` runs it (package.json: `vite preview --host 127.0.0.1 --port 4173`),
 * on `dir` and a free port so it cannot clash with one started by hand.
 */
export async function vitePreview(dir: string): Promise<Running> {
  const port = await freePort();
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const child: ChildProcess = spawn(process.execPath, [vite, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dir], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr?.on('data', (d: Buffer) => { output += d.toString(); });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`vite preview ended (${child.exitCode}):\n${output}`);
    if (await fetch(url).then(() => true, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    port,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) { resolve(); return; }
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

/**
 * A second deploy of the build in `dir`: a copy in which every file under assets/ has a new name (and
 * every reference to it follows), and the build id is another; as when every chunk of a new version
 * changed. The old build's chunks are not on a server that serves this copy.
 */
export function secondDeploy(dir: string): { dir: string; build: string; remove: () => void } {
  const out = mkdtempSync(path.join(tmpdir(), 'innovatiewijzer-deploy-'));
  cpSync(dir, out, { recursive: true });
  const assets = readdirSync(path.join(out, 'assets'));
  const renamed = new Map(assets.map((f) => [f, `v2${f}`]));
  const names = new RegExp(assets.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length).join('|'), 'g');
  const oldBuild = /<meta name="innovatiewijzer-build" content="([0-9a-f]+)"/.exec(readFileSync(path.join(out, 'index.html'), 'utf8'))![1]!;
  const build = [...oldBuild].reverse().join('') === oldBuild ? `f${oldBuild.slice(1)}` : [...oldBuild].reverse().join('');
  const rewrite = (file: string) => {
    const text = readFileSync(file, 'utf8').replace(names, (m) => renamed.get(m)!).replaceAll(oldBuild, build);
    writeFileSync(file, text);
  };
  for (const f of assets) {
    const from = path.join(out, 'assets', f);
    if (/\.(js|css|html|json)$/.test(f)) rewrite(from);
    cpSync(from, path.join(out, 'assets', renamed.get(f)!));
    rmSync(from);
  }
  for (const f of ['index.html', 'sw.js']) rewrite(path.join(out, f));
  return { dir: out, build, remove: () => rmSync(out, { recursive: true, force: true }) };
}

/** The build id of the page (index.html's meta). */
export const pageBuild = (page: Page) => page.evaluate(() => document.querySelector<HTMLMetaElement>('meta[name="innovatiewijzer-build"]')?.content ?? '');

/** The number of files the build in `dir` precaches (sw.js's list). */
export function precacheCount(dir: string): number {
  const sw = readFileSync(path.join(dir, 'sw.js'), 'utf8');
  return (JSON.parse(/const FILES = (\[.*\]);/.exec(sw)![1]!) as string[]).length;
}

/**
 * Waits until a service worker controls the page and the build's cache holds every file of its list;
 * then a moment more (seen: Chromium sends navigations to the network for a moment after the worker is ready).
 */
export async function waitUntilOffline(page: Page, dir: string): Promise<void> {
  const build = await pageBuild(page);
  await waitInPage(page, async ([cache, expected]) => {
    if (navigator.serviceWorker.controller === null) return false;
    if (!(await caches.has(cache))) return false;
    return (await (await caches.open(cache)).keys()).length >= expected;
  }, [`innovatiewijzer-${build}`, precacheCount(dir)] as const, 'the service worker controls the page with every file cached');
  await page.waitForTimeout(3_000);
}

/**
 * Polls an async condition in the page (every 250 ms, up to `timeoutMs`) until it gives true; throws
 * naming `what` when it never does. (Playwright's waitForFunction takes the promise an async predicate
 * returns as a true value and returns at once: it cannot wait for an async condition.)
 */
export async function waitInPage<A>(page: Page, condition: (arg: A) => Promise<boolean>, arg: A, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(condition as (arg: unknown) => Promise<boolean>, arg as unknown))) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms in vain: ${what}`);
    await page.waitForTimeout(250);
  }
}
