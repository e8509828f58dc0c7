/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent, CONTENT_DIR } from './src/content/load';
import { onlyLanguage } from './src/content/only-language';
import { formatDate } from './src/domain/format';
import { LANGS, type Lang } from './src/domain/types';
import { startPageHtml } from './src/ui/prerender';

/**
 * `virtual:content/nl` (en, fr): content/ loaded and validated at build time (a bad file fails the
 * build with file, path and reason), shipped to the browser as plain data with the texts of one language.
 */
function contentPlugin(): Plugin {
  const prefix = 'virtual:content/';
  return {
    name: 'innovatiewijzer-content',
    resolveId: (source) => (source.startsWith(prefix) ? `\0${source}` : undefined),
    load(resolved) {
      if (!resolved.startsWith(`\0${prefix}`)) return undefined;
      const lang = resolved.slice(prefix.length + 1);
      if (!(LANGS as readonly string[]).includes(lang)) throw new Error(`no content language ${lang}`);
      // JSON.parse of a string is much faster for the browser than a large object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(onlyLanguage(loadContent().content, lang as Lang)))});`;
    },
    configureServer(server) {
      server.watcher.add(CONTENT_DIR);
      server.watcher.on('change', (file) => {
        if (!file.startsWith(CONTENT_DIR)) return;
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

const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
  "connect-src 'self'", "manifest-src 'self'", "worker-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
].join('; ');

const contentVersion = loadContent().content.meta.contentVersion;

export default defineConfig({
  plugins: [
    react(),
    contentPlugin(),
    startPagePlugin(),
    // Offline after the first visit: every asset is precached; a new build (new content version) is
    // installed in the background and served from the next visit on.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: null, // registered from src/main.tsx after load, so nothing blocks the first paint
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'Innovatiewijzer',
        short_name: 'Innovatiewijzer',
        description: 'Waar kan uw kmo terecht voor innovatiesteun in Vlaanderen?',
        lang: 'nl',
        start_url: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b3d91',
        icons: [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,webmanifest}'],
        navigateFallback: '/index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  define: { __CONTENT_VERSION__: JSON.stringify(contentVersion) },
  build: { target: 'es2022' },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    setupFiles: ['tests/setup.ts'],
  },
});
