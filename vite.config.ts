/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { loadContent, CONTENT_DIR } from './src/content/load';

/**
 * `virtual:content`: content/ loaded and validated at build time (a bad file fails the build with
 * file, path and reason), shipped to the browser as plain data.
 */
function contentPlugin(): Plugin {
  const id = 'virtual:content';
  return {
    name: 'innovatiewijzer-content',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      const { content } = loadContent();
      return `export default ${JSON.stringify(content)};`;
    },
    configureServer(server) {
      server.watcher.add(CONTENT_DIR);
      server.watcher.on('change', (file) => {
        if (!file.startsWith(CONTENT_DIR)) return;
        const mod = server.moduleGraph.getModuleById(`\0${id}`);
        if (mod) server.moduleGraph.invalidateModule(mod);
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), contentPlugin()],
  build: { target: 'es2022' },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    setupFiles: ['tests/setup.ts'],
  },
});
