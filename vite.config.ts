/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent, CONTENT_DIR } from './src/content/load';
import { naceSearchData } from './src/content/nace-search';
import type { Content } from './src/domain/content-model';
import { onlyLanguage } from './src/content/only-language';
import { formatDate } from './src/domain/format';
import { LANGS, type Lang } from './src/domain/types';
import { startPageHtml } from './src/ui/prerender';
import { stringsPart, type StringsPart } from './src/i18n/start-strings';

/**
 * Modules `${prefix}<path>` whose default export is `data(path)`, made at build time. Shipped as
 * JSON.parse of a string: much faster for the browser than a large object literal.
 */
function dataModules(name: string, prefix: string, data: (path: string, watch: (file: string) => void) => unknown): Plugin {
  return {
    name,
    resolveId: (source) => (source.startsWith(prefix) ? `\0${source}` : undefined),
    load(resolved) {
      if (!resolved.startsWith(`\0${prefix}`)) return undefined;
      const value = data(resolved.slice(prefix.length + 1), (file) => this.addWatchFile(file));
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});`;
    },
  };
}

/** content/ loaded once for the three languages and the sector page's data; loaded again after a change under content/. */
let loaded: Content | null = null;
const contentOnce = (): Content => (loaded ??= loadContent().content);

/**
 * `virtual:content/nl` (en, fr): content/ loaded and validated at build time (a bad file fails the
 * build with file, path and reason), shipped to the browser as plain data with the texts of one language.
 */
function contentPlugin(): Plugin {
  const prefix = 'virtual:content/';
  return {
    ...dataModules('innovatiewijzer-content', prefix, (lang) => {
      if (!(LANGS as readonly string[]).includes(lang)) throw new Error(`no content language ${lang}`);
      const content = onlyLanguage(contentOnce(), lang as Lang);
      // The open questions (`unverified`) are for editors and the content check; the app never shows
      // them, and they are 7% of the module every result page loads.
      const channels = Object.fromEntries(Object.entries(content.channels).map(([id, ch]) => [id, { ...ch, unverified: [] }]));
      return { ...content, channels };
    }),
    configureServer(server) {
      server.watcher.add(CONTENT_DIR);
      server.watcher.on('change', (file) => {
        if (!file.startsWith(CONTENT_DIR)) return;
        loaded = null;
        for (const lang of LANGS) {
          const mod = server.moduleGraph.getModuleById(`\0${prefix}${lang}`);
          if (mod) server.moduleGraph.invalidateModule(mod);
        }
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}

/**
 * `virtual:nace-search`: the sector page's NACE-BEL 2025 titles (nl/fr/en) and everyday words
 * (src/content/nace-search.ts), a chunk of its own that the page loads when it opens.
 */
function naceSearchPlugin(): Plugin {
  return dataModules('innovatiewijzer-nace-search', 'virtual:nace-search', (_path, watch) => {
    for (const file of ['nace/nacebel-2025.csv', 'nace/correspondence-nace2-to-nace21.csv', 'nace/sections.csv', 'sectors.yaml']) watch(join(CONTENT_DIR, file));
    return naceSearchData(contentOnce());
  });
}

/**
 * `virtual:strings/nl-start` and `virtual:strings/nl-rest` (en, fr): the UI strings of one language in
 * two parts, so the start page loads only the strings it shows (src/i18n/start-strings.ts).
 */
function stringsPlugin(): Plugin {
  return dataModules('innovatiewijzer-strings', 'virtual:strings/', (path, watch) => {
    const [lang, part] = path.split('-');
    if (!(LANGS as readonly string[]).includes(lang!) || (part !== 'start' && part !== 'rest')) throw new Error(`no strings module ${path}`);
    const file = join(CONTENT_DIR, 'locales', `${lang}.json`);
    watch(file);
    return stringsPart(JSON.parse(readFileSync(file, 'utf8')), part as StringsPart);
  });
}

/**
 * The start page prerendered into index.html (from the Dutch strings), and in the build a
 * Content-Security-Policy that allows nothing but the app's own origin and no inline script.
 */
function startPagePlugin(): Plugin {
  return {
    name: 'innovatiewijzer-start-page',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const nl = JSON.parse(readFileSync(join(CONTENT_DIR, 'locales/nl.json'), 'utf8'));
        const versionText = String(nl.footer.contentVersion).replace('{{version}}', formatDate(contentVersion, 'nl'));
        let out = html.replace('<div id="root"></div>', `<div id="root">${startPageHtml(nl, versionText)}</div>`);
        if (ctx.server || !ctx.bundle) return out;
        // The stylesheet is small: inline it so the first paint waits for nothing; the CSP allows it by hash.
        const styleHashes: string[] = [];
        out = out.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g, (tag, file: string) => {
          const asset = ctx.bundle![file];
          if (!asset || asset.type !== 'asset') return tag;
          const css = String(asset.source);
          styleHashes.push(`'sha256-${createHash('sha256').update(css).digest('base64')}'`);
          return `<style>${css}</style>`;
        });
        const csp = CSP.replace("style-src 'self'", ["style-src 'self'", ...styleHashes].join(' '));
        return out.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`);
      },
    },
  };
}

/**
 * Offline after the first visit: the build writes a web app manifest and a small service worker
 * (sw.js) that precaches every file of this build. Pages go network-first, so a new build (a new
 * content version) is picked up on the next visit online; offline the cached copy is served.
 */
function offlinePlugin(): Plugin {
  const manifest = {
    name: 'Innovatiewijzer',
    short_name: 'Innovatiewijzer',
    description: 'Waar kan uw kmo terecht voor innovatiesteun in Vlaanderen?',
    lang: 'nl',
    start_url: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#0b3d91',
    icons: [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  };
  return {
    name: 'innovatiewijzer-offline',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'link', attrs: { rel: 'manifest', href: '/manifest.webmanifest' }, injectTo: 'head' }],
    generateBundle(_options, bundle) {
      this.emitFile({ type: 'asset', fileName: 'manifest.webmanifest', source: JSON.stringify(manifest) });
      const files = ['/', '/index.html', '/favicon.svg', '/manifest.webmanifest', ...Object.keys(bundle).filter((f) => f !== 'index.html').map((f) => `/${f}`)];
      const version = createHash('sha256').update(files.join('\n')).update(contentVersion).digest('hex').slice(0, 12);
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: serviceWorker(version, [...new Set(files)]) });
    },
  };
}

function serviceWorker(version: string, files: string[]): string {
  return `// Generated by vite.config.ts (offlinePlugin). Precaches this build; pages network-first.
const CACHE = 'innovatiewijzer-${version}';
const FILES = ${JSON.stringify(files)};
self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (e) => {
  e.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k)))).then(() => self.clients.claim()));
});
self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    e.respondWith(fetch(req).catch(() => caches.match('/index.html', { cacheName: CACHE })));
    return;
  }
  e.respondWith(caches.match(req, { cacheName: CACHE, ignoreSearch: true }).then((hit) => hit || fetch(req)));
});
`;
}

const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
  "connect-src 'self'", "manifest-src 'self'", "worker-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
].join('; ');

const contentVersion = contentOnce().meta.contentVersion;

export default defineConfig({
  plugins: [
    react(),
    contentPlugin(),
    naceSearchPlugin(),
    stringsPlugin(),
    startPagePlugin(),
    offlinePlugin(),
  ],
  define: { __CONTENT_VERSION__: JSON.stringify(contentVersion) },
  build: { target: 'es2022' },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    setupFiles: ['tests/setup.ts'],
  },
});
