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
import { LANG_KEY } from './src/i18n/lang-key';

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
 * Without `about` (content/about-voice.yaml, the texts written about the firm for client and intake
 * mode, 12% of the module): that is `virtual:content/nl-about`, which src/ui/content.ts adds when a
 * page needs it, so an owner's share link does not wait for it.
 */
function contentPlugin(): Plugin {
  const prefix = 'virtual:content/';
  return {
    ...dataModules('innovatiewijzer-content', prefix, (path) => {
      const [lang, part] = path.split('-');
      if (!(LANGS as readonly string[]).includes(lang!) || (part !== undefined && part !== 'about')) throw new Error(`no content module ${path}`);
      const { about, ...content } = onlyLanguage(contentOnce(), lang as Lang);
      if (part === 'about') return about;
      // The open questions (`unverified`) are for editors and the content check; the app never shows
      // them, and they are 7% of the module every result page loads.
      const channels = Object.fromEntries(Object.entries(content.channels).map(([id, ch]) => [id, { ...ch, unverified: [] }]));
      // The sectors' everyday words are for the sector page's search, which has them in its own module
      // (virtual:nace-search); here they would be 5% of the module.
      const { divisions, groups } = content.sectors;
      const sectors = { ...content.sectors, divisions: divisions.map(({ keywords: _, ...d }) => d), groups: groups.map(({ keywords: _, ...g }) => g) };
      return { ...content, channels, sectors };
    }),
    configureServer(server) {
      server.watcher.add(CONTENT_DIR);
      server.watcher.on('change', (file) => {
        if (!file.startsWith(CONTENT_DIR)) return;
        loaded = null;
        for (const id of LANGS.flatMap((lang) => [lang, `${lang}-about`])) {
          const mod = server.moduleGraph.getModuleById(`\0${prefix}${id}`);
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
 * `virtual:strings/nl-start`, `-rest` and `-desk` (en, fr): the UI strings of one language in three
 * parts, so the start page loads only the strings it shows, and the wizard not those of the desk and
 * the batch page (src/i18n/start-strings.ts).
 */
function stringsPlugin(): Plugin {
  return dataModules('innovatiewijzer-strings', 'virtual:strings/', (path, watch) => {
    const [lang, part] = path.split('-');
    if (!(LANGS as readonly string[]).includes(lang!) || (part !== 'start' && part !== 'rest' && part !== 'desk')) throw new Error(`no strings module ${path}`);
    const file = join(CONTENT_DIR, 'locales', `${lang}.json`);
    watch(file);
    return stringsPart(JSON.parse(readFileSync(file, 'utf8')), part as StringsPart);
  });
}

/**
 * Marks the page `opening-link` when the address may be a share link (`#r=`, also as mail gateways
 * damage it: `#r%3D`, `%23r=`), which hides the prerendered start page (styles.css). A superset of
 * src/wizard/share-link.ts' findShareLink on purpose: the app removes the mark as soon as it knows.
 */
const SHARE_LINK_TEST = '/(#|%23)r(=|%3D)/i.test(location.href)';
const OPENING_LINK_SCRIPT = `if(${SHARE_LINK_TEST})document.documentElement.classList.add('opening-link')`;

/**
 * The build's inline script: as OPENING_LINK_SCRIPT, and for a share link it also announces the modules
 * the result needs (the wizard with its imports, and the content and strings of the visitor's language,
 * as src/ui/loaders.ts preferredLanguage picks it), so the browser requests them with the entry instead
 * of after it has run: one round trip less on a slow connection. `common`: files for every language.
 */
function openingLinkScript(common: string[], byLang: Record<Lang, string[]>, langKey: string): string {
  return `if(${SHARE_LINK_TEST}){document.documentElement.classList.add('opening-link');var l='nl';try{l=localStorage.getItem(${JSON.stringify(langKey)})}catch(e){}`
    + `var f=${JSON.stringify(byLang)};(f[l]||f.nl).concat(${JSON.stringify(common)}).forEach(function(h){var k=document.createElement('link');k.rel='modulepreload';k.crossOrigin='';k.href='/'+h;document.head.appendChild(k)})}`;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

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
        // Outside #root (React never sees it): shown by main.tsx when the app itself cannot be loaded.
        const bootFailed = `<div id="boot-failed" class="container" role="alert" hidden><h2>${escapeHtml(nl.connection.offlineTitle)}</h2>`
          + `<p>${escapeHtml(nl.connection.offlineText)} ${escapeHtml(nl.connection.answersKept)}</p>`
          + `<button type="button" class="button">${escapeHtml(nl.connection.retry)}</button></div>`;
        let out = html.replace('<div id="root"></div>', `<div id="root">${startPageHtml(nl, versionText)}</div>\n    ${bootFailed}`);
        // A share link opens on its result: the prerendered start page must not flash meanwhile. This
        // runs before the first paint (the app's module scripts run after it); the CSP allows it by hash.
        out = out.replace('</head>', `  <script>${OPENING_LINK_SCRIPT}</script>\n  </head>`);
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
        // A chunk of the build (found by its entry module) with the chunks it imports, as file names.
        const filesOf = (entry: (id: string) => boolean): string[] => {
          const c = Object.values(ctx.bundle!).find((x) => x.type === 'chunk' && !!x.facadeModuleId && entry(x.facadeModuleId));
          return c?.type === 'chunk' ? [c.fileName, ...c.imports] : [];
        };
        const notInPage = (file: string) => !out.includes(`/${file}"`);
        // The app (src/boot.tsx and what it imports) is announced in the page itself, so the browser
        // fetches it alongside the small entry instead of after it: one round trip less before a share
        // link's result (the start page is prerendered and does not wait for it).
        const preloads = filesOf((id) => id.endsWith('/src/boot.tsx')).filter(notInPage).map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`);
        if (preloads.length) out = out.replace('</head>', `  ${preloads.join('\n    ')}\n  </head>`);
        const wizard = filesOf((id) => id.endsWith('/src/ui/Wizard.tsx'));
        const byLang = Object.fromEntries(LANGS.map((lang) => [lang, [`content/${lang}`, `strings/${lang}-start`, `strings/${lang}-rest`]
          .flatMap((name) => filesOf((id) => id === `\0virtual:${name}`))])) as Record<Lang, string[]>;
        const script = openingLinkScript([...new Set(wizard)].filter(notInPage), byLang, LANG_KEY);
        out = out.replace(`<script>${OPENING_LINK_SCRIPT}</script>`, `<script>${script}</script>`);
        const csp = CSP.replace("style-src 'self'", ["style-src 'self'", ...styleHashes].join(' '))
          .replace("script-src 'self'", `script-src 'self' 'sha256-${createHash('sha256').update(script).digest('base64')}'`);
        return out.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`);
      },
    },
  };
}

/**
 * Offline after the first visit, and deploys that never break an open page. The build writes a web
 * app manifest and a service worker (sw.js) that precaches every file of this build in a cache of its
 * own (`innovatiewijzer-<build>`), and marks index.html with the build (`<meta name="innovatiewijzer-build">`),
 * which each page reports to the worker (src/ui/service-worker.ts).
 *
 * - Pages go network-first, so a new build is what a new visit online gets; offline the cached page.
 * - Other files come from the caches of any build still kept (this build's first), matched without
 *   regard to `Vary` (`vite preview` answers `Vary: Origin`, and module scripts are requested with an
 *   Origin header: a match that honoured Vary would never hit) and to the query.
 * - A new build's worker installs in the background and then waits: it takes over only when no page
 *   uses the old one, or when a page asks it to (the "new version" prompt, at a moment that loses nothing).
 * - A build's cache is deleted only when no open page reports that build and it is older than the
 *   active worker's; until then a page of that build still loads its lazy chunks from it.
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
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        this.emitFile({ type: 'asset', fileName: 'manifest.webmanifest', source: JSON.stringify(manifest) });
        const files = ['/', '/index.html', '/favicon.svg', '/manifest.webmanifest', ...Object.keys(bundle).filter((f) => f !== 'index.html').map((f) => `/${f}`)];
        const version = createHash('sha256').update(files.join('\n')).update(contentVersion).digest('hex').slice(0, 12);
        const html = bundle['index.html'];
        if (html?.type === 'asset') html.source = String(html.source).replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta name="innovatiewijzer-build" content="${version}" />`);
        this.emitFile({ type: 'asset', fileName: 'sw.js', source: serviceWorker(version, [...new Set(files)]) });
      },
    },
  };
}

function serviceWorker(version: string, files: string[]): string {
  return `// Generated by vite.config.ts (offlinePlugin): precaches this build, keeps older builds' files
// while a page still uses them, pages network-first, matching that ignores Vary.
const PREFIX = 'innovatiewijzer-';
const BUILD = '${version}';
const CACHE = PREFIX + BUILD;
/** Not a build's cache: which build each open page uses, and the order builds were installed in. */
const STATE_CACHE = 'innovatiewijzer:state';
const STATE_URL = '/__innovatiewijzer/state';
const FILES = ${JSON.stringify(files)};
const MATCH = { ignoreSearch: true, ignoreVary: true };

async function readState() {
  const hit = await (await caches.open(STATE_CACHE)).match(STATE_URL);
  const state = hit ? await hit.json().catch(() => null) : null;
  return state && typeof state === 'object' ? { pages: state.pages || {}, builds: state.builds || [] } : { pages: {}, builds: [] };
}
async function writeState(state) {
  await (await caches.open(STATE_CACHE)).put(STATE_URL, new Response(JSON.stringify(state), { headers: { 'content-type': 'application/json' } }));
}

/**
 * Deletes the caches of builds older than this one that no open page uses. A page that has not said
 * which build it shows yet keeps everything (it may be loading).
 */
async function prune() {
  const state = await readState();
  const open = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const ids = new Set(open.map((c) => c.id));
  for (const id of Object.keys(state.pages)) if (!ids.has(id)) delete state.pages[id];
  await writeState(state);
  if (open.some((c) => !state.pages[c.id])) return;
  const used = new Set(Object.values(state.pages).map((b) => PREFIX + b));
  const mine = state.builds.indexOf(BUILD);
  const newer = new Set(mine < 0 ? [] : state.builds.slice(mine + 1).map((b) => PREFIX + b));
  for (const key of await caches.keys()) {
    if (key.startsWith(PREFIX) && key !== CACHE && !used.has(key) && !newer.has(key)) await caches.delete(key);
  }
  state.builds = state.builds.filter((b) => b === BUILD || newer.has(PREFIX + b) || used.has(PREFIX + b));
  await writeState(state);
}

self.addEventListener('install', (e) => {
  e.waitUntil((async () => {
    const state = await readState();
    state.builds = [...state.builds.filter((b) => b !== BUILD), BUILD];
    await writeState(state);
    await (await caches.open(CACHE)).addAll(FILES);
    // The very first worker takes over at once (offline from the first visit on); a new build waits.
    if (!self.registration.active) await self.skipWaiting();
  })());
});

self.addEventListener('activate', (e) => {
  e.waitUntil(prune().catch(() => undefined).then(() => self.clients.claim()));
});

self.addEventListener('message', (e) => {
  const data = e.data || {};
  if (data.type === 'skip-waiting') { e.waitUntil(self.skipWaiting()); return; }
  if (data.type === 'build' && typeof data.build === 'string' && e.source && e.source.id) {
    e.waitUntil((async () => {
      const state = await readState();
      state.pages[e.source.id] = data.build;
      await writeState(state);
      if (self.registration.active && self.registration.active.scriptURL === self.location.href) await prune();
    })().catch(() => undefined));
  }
});

/** This build's copy first, then any build still kept (an open page of an older build loads its chunks from there). */
async function cached(req) {
  return (await caches.match(req, { ...MATCH, cacheName: CACHE })) || (await caches.match(req, MATCH));
}

self.addEventListener('fetch', (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin || url.pathname === STATE_URL) return;
  if (req.mode === 'navigate') {
    e.respondWith(fetch(req).catch(async () => (await caches.match('/index.html', { ...MATCH, cacheName: CACHE })) || (await caches.match('/index.html', MATCH)) || Response.error()));
    return;
  }
  // The worker script itself and the page's connection check always go to the network.
  if (url.pathname === '/sw.js') return;
  e.respondWith(cached(req).then((hit) => hit || fetch(req)));
});
`;
}

const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
  "connect-src 'self'", "manifest-src 'self'", "worker-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
].join('; ');

const contentVersion = contentOnce().meta.contentVersion;

/**
 * Records which modules each module imports statically, so that a chunk group can capture "what X
 * imports" without X itself: `importedBy.test('/src/boot.tsx')` matches the modules boot.tsx imports
 * (the group then takes their own imports too).
 */
function importedByPlugin() {
  const imports = new Map<string, readonly string[]>();
  return {
    plugin: { name: 'innovatiewijzer-imported-by', moduleParsed(info) { imports.set(info.id, info.importedIds); } } satisfies Plugin,
    // (Not a stylesheet: it stays with the entry, whose stylesheet the build inlines into index.html.)
    test: (importer: string) => (id: string) => !id.endsWith('.css') && [...imports].some(([from, ids]) => from.endsWith(importer) && ids.includes(id)),
  };
}
const importedBy = importedByPlugin();

export default defineConfig({
  plugins: [
    react(),
    contentPlugin(),
    naceSearchPlugin(),
    stringsPlugin(),
    startPagePlugin(),
    offlinePlugin(),
    importedBy.plugin,
  ],
  define: { __CONTENT_VERSION__: JSON.stringify(contentVersion) },
  build: {
    target: 'es2022',
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'entry-shared', test: importedBy.test('/src/main.tsx'), priority: 3 },
            { name: 'app', test: importedBy.test('/src/boot.tsx'), priority: 2 },
            { name: 'wizard', test: /src[\\/]ui[\\/]Wizard\.tsx$/, priority: 1 },
          ],
        },
      },
    },
  },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    setupFiles: ['tests/setup.ts'],
    // Property tests run hundreds of cases; on a busy 2-core machine 5 s is too tight. Speed is measured by the bench, not here.
    testTimeout: 20_000,
  },
});
