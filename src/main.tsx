// The entry: tiny on purpose. The prerendered start page (index.html) paints first; the app is loaded
// right after that paint (at once for a share link, which opens on its result).
import './ui/styles.css';
import { findShareLink } from './wizard/share-link';

// The app itself could not be loaded (no connection before the first visit was cached): after a second
// try, the message index.html carries (in Dutch, the prerendered page's language) with a reload.
const failed = () => {
  const message = document.getElementById('boot-failed');
  if (!message) return;
  message.hidden = false;
  message.querySelector('button')?.addEventListener('click', () => location.reload());
};
const boot = () => import('./boot').catch(() => new Promise((resolve) => setTimeout(resolve, 1000)).then(() => import('./boot'))).catch(failed);
if (findShareLink(location)) void boot();
else requestAnimationFrame(() => setTimeout(() => void boot(), 0));
