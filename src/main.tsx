// The entry: tiny on purpose. The prerendered start page (index.html) paints first; the app is loaded
// right after that paint (at once for a share link, which opens on its result).
import './ui/styles.css';
import { stringLoaders } from './i18n/loaders';
import { aboutLoaders, contentLoaders, preferredLanguage } from './ui/loaders';
import { findShareLink, isOwnerLink } from './wizard/share-link';

// The app itself could not be loaded (no connection before the first visit was cached): after a second
// try, the message index.html carries (in Dutch, the prerendered page's language) with a reload.
const failed = () => {
  reveal();
  const message = document.getElementById('boot-failed');
  if (!message) return;
  message.hidden = false;
  message.querySelector('button')?.addEventListener('click', () => location.reload());
};
const boot = () => import('./boot').catch(() => new Promise((resolve) => setTimeout(resolve, 1000)).then(() => import('./boot'))).catch(failed);
// index.html hides the page (`opening-link`) when the address looks like a share link. It shows again
// once a page heading is there (the result, or the page a damaged or partial link leads to), so that
// neither the prerendered start page nor a loading line nor controls that do nothing yet come first;
// at the latest after 8 s, or when loading fails.
const reveal = () => {
  shown.disconnect();
  document.documentElement.classList.remove('opening-link');
};
const shown = new MutationObserver(() => { if (document.querySelector('#root main h1')) reveal(); });
const link = findShareLink(location);
if (link) {
  shown.observe(document.getElementById('root')!, { childList: true, subtree: true });
  setTimeout(reveal, 8000);
  // Everything the result needs, requested at once instead of each after the module that asks for it
  // (a chain of requests costs a round trip each on a slow connection). A failure here is shown where
  // the app needs the module: the wizard's load retries and explains (src/ui/connection.tsx).
  const lang = preferredLanguage();
  const quiet = (load: () => Promise<unknown>) => void load().catch(() => undefined);
  // (The texts about the firm and the client and intake tools only for such a link: App.tsx.)
  const notOwners = isOwnerLink(link) ? [] : [aboutLoaders[lang], () => import('./ui/pages/result/mode-tools')];
  [() => import('./ui/Wizard'), contentLoaders[lang], stringLoaders[lang].start, stringLoaders[lang].rest, ...notOwners].forEach(quiet);
  void boot();
} else {
  reveal();
  requestAnimationFrame(() => setTimeout(() => void boot(), 0));
}
