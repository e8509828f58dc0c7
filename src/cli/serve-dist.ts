// Builds the app and serves a build on 127.0.0.1 for the e2e tests (`npm run bench` uses Vite's preview server).
// The e2e tests build into a folder of their own, so a bench or a second test run at the same time
// cannot replace the files under a running test.
import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist');

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf',
};

/** Builds the production bundle into `outDir` (dist/ by default). */
export function buildApp(outDir = dist): void {
  // A child process, not Vite's build() in-process: vitest sets NODE_ENV=test, and a build under
  // it would not be the production bundle that ships.
  const env = { ...process.env };
  delete env.NODE_ENV;
  const result = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], { cwd: root, env, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`vite build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

async function fileAt(dir: string, urlPath: string): Promise<string | undefined> {
  const file = path.join(dir, path.normalize(decodeURIComponent(urlPath)));
  if (!file.startsWith(dir + path.sep) && file !== dir) return undefined;
  const info = await stat(file).catch(() => undefined);
  if (info?.isFile()) return file;
  if (info?.isDirectory()) return fileAt(dir, path.posix.join(urlPath, 'index.html'));
  return undefined;
}

export interface ServeOptions {
  /** Headers added to every answer, e.g. `{ vary: 'Origin' }` as `vite preview` and many hosts send. */
  headers?: Record<string, string>;
  /** The port (default: a free one), e.g. to bring a server back where a page expects it. */
  port?: number;
}

/** Serves the build in `dir` (dist/ by default) on 127.0.0.1. */
export function serveDist(dir = dist, options: ServeOptions = {}): Promise<http.Server> {
  const server = http.createServer(async (req, res) => {
    const urlPath = new URL(req.url ?? '/', 'http://x').pathname;
    let file = await fileAt(dir, urlPath).catch(() => undefined);
    // SPA fallback for routes; a missing asset (path with an extension) stays a 404 so a broken
    // reference shows up as a console error instead of HTML served as JavaScript.
    if (!file && !path.extname(urlPath)) file = path.join(dir, 'index.html');
    if (!file) {
      res.writeHead(404, { ...options.headers, 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const type = contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, { ...options.headers, 'content-type': type });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve(server));
  });
}

