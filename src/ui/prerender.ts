// The start page as static HTML, from the Dutch strings, put into index.html at build time so the
// heading shows before any JavaScript runs. It mirrors App + StartPage (React replaces it on load);
// tests/ui/prerender.test.tsx keeps the two identical.
import { LANGS } from '../domain/types';

type Strings = Record<string, Record<string, string>>;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function startPageHtml(nl: Strings, contentVersionText: string): string {
  const t = (key: string) => {
    const [ns, k] = key.split('.') as [string, string];
    const v = nl[ns]?.[k];
    if (typeof v !== 'string') throw new Error(`prerender: no string ${key} in content/locales/nl.json`);
    return esc(v);
  };
  const langs = LANGS.map((l) => `<li><button type="button" class="link-button" lang="${l}"${l === 'nl' ? ' aria-current="true"' : ''}>${t(`lang.${l}`)}</button></li>`).join('');
  return [
    `<a href="#main" class="skip-link">${t('app.skip')}</a>`,
    `<header class="header"><div class="container header-inner"><span class="brand">${t('app.title')}</span>`,
    `<nav aria-label="${t('lang.label')}" class="lang-switch"><ul>${langs}</ul></nav></div></header>`,
    `<main id="main" class="container" tabindex="-1"><h1 tabindex="-1">${t('start.title')}</h1>`,
    `<p class="lead">${t('start.lead')}</p>`,
    `<ul class="list"><li>${t('start.point1')}</li><li>${t('start.point2')}</li><li>${t('start.point3')}</li></ul>`,
    `<button type="button" class="button button--start">${t('start.button')}</button>`,
    `<p class="privacy">${t('start.privacy')}</p></main>`,
    `<footer class="footer"><div class="container"><p>${t('footer.privacy')}</p><p>${esc(contentVersionText)}</p></div></footer>`,
  ].join('');
}
