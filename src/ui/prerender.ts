// The start page as static HTML, from the Dutch strings, put into index.html at build time so the
// heading shows before any JavaScript runs. It mirrors App + StartPage (React replaces it on load);
// tests/ui/prerender.test.tsx keeps the two identical.
import { LANGS } from '../domain/types';
import { MODES } from '../wizard/modes';

type Strings = Record<string, Record<string, unknown>>;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function startPageHtml(nl: Strings, contentVersionText: string): string {
  const t = (key: string) => {
    const v = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], nl);
    if (typeof v !== 'string') throw new Error(`prerender: no string ${key} in content/locales/nl.json`);
    return esc(v);
  };
  const mode = (m: string) => `<div class="choice"><input id="mode-${m}" type="radio" name="mode" value="${m}"${m === 'owner' ? ' checked=""' : ''}><label for="mode-${m}">${t(`start.mode.${m}`)}</label></div>`;
  const langs = LANGS.map((l) => `<li><button type="button" class="link-button" lang="${l}"${l === 'nl' ? ' aria-current="true"' : ''}>${t(`lang.${l}`)}</button></li>`).join('');
  return [
    `<a href="#main" class="skip-link">${t('app.skip')}</a>`,
    `<header class="header"><div class="container header-inner"><span class="brand">${t('app.title')}</span>`,
    `<nav aria-label="${t('lang.label')}" class="lang-switch"><ul>${langs}</ul></nav></div></header>`,
    `<main id="main" class="container" tabindex="-1"><h1 tabindex="-1">${t('start.title')}</h1>`,
    `<p class="lead">${t('start.lead')}</p>`,
    `<ul class="list"><li>${t('start.point1')}</li><li>${t('start.point2')}</li><li>${t('start.point3')}</li></ul>`,
    `<fieldset class="fieldset field"><legend class="legend">${t('start.modeLegend')}</legend><div class="radios">${MODES.map(mode).join('')}</div></fieldset>`,
    `<button type="button" class="button button--start">${t('start.button')}</button>`,
    `<p class="privacy">${t('start.privacy')}</p>`,
    `<h2 class="h-small">${t('start.advisorsTitle')}</h2>`,
    `<ul class="list"><li><label for="import-file" class="file-label">${t('start.importLabel')}</label> <input id="import-file" type="file" accept=".json,application/json"></li>`,
    `<li><a href="?batch">${t('start.batchLink')}</a></li><li><a href="?desk">${t('start.deskLink')}</a></li></ul></main>`,
    `<footer class="footer"><div class="container"><p>${t('footer.privacy')}</p><p>${esc(contentVersionText)}</p></div></footer>`,
  ].join('');
}
