// @vitest-environment jsdom
// index.html carries the start page prerendered from the Dutch strings (src/ui/prerender.ts), and React
// hydrates it: the two must be the same markup, or the first visit would flash and log a hydration error.
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import nl from '../../content/locales/nl.json';
import { formatDate } from '../../src/domain/format';
import { initI18n } from '../../src/i18n';
import { App } from '../../src/ui/App';
import { startPageHtml } from '../../src/ui/prerender';

/** Markup as the browser's parser sees it (self-closing tags, quoting and attribute order normalised). */
const parsed = (html: string) => {
  const div = document.createElement('div');
  div.innerHTML = html;
  for (const el of div.querySelectorAll('*')) {
    const attrs = [...el.attributes].map((a) => [a.name, a.value] as const).sort(([a], [b]) => a.localeCompare(b));
    for (const [name] of attrs) el.removeAttribute(name);
    for (const [name, value] of attrs) el.setAttribute(name, value);
  }
  return div.innerHTML;
};

describe('prerendered start page', () => {
  beforeAll(async () => {
    localStorage.clear();
    await initI18n('nl');
  });

  it('is exactly what the app renders first for a Dutch visitor without saved progress', () => {
    const version = nl.footer.contentVersion.replace('{{version}}', formatDate(__CONTENT_VERSION__, 'nl'));
    expect(parsed(startPageHtml(nl, version))).toBe(parsed(renderToStaticMarkup(<App />)));
  });
});
