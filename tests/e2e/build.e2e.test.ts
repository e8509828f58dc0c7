// The built app: its index.html declares Dutch, and so does the page the server sends.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appURL, distDir } from './browser';

const htmlLang = (html: string) => /<html\b[^>]*\blang="([^"]*)"/i.exec(html)?.[1];

describe('the build', () => {
  // global-setup builds the app unless E2E_BASE_URL points at a server started by hand.
  it.skipIf(Boolean(process.env.E2E_BASE_URL))('the built index.html declares lang="nl"', () => {
    const file = path.join(distDir(), 'index.html');
    expect(existsSync(file)).toBe(true);
    expect(htmlLang(readFileSync(file, 'utf8'))).toBe('nl');
  });

  it('the served page declares lang="nl" before any script runs', async () => {
    const response = await fetch(`${appURL()}/`);
    expect(response.status).toBe(200);
    expect(htmlLang(await response.text())).toBe('nl');
  });
});
