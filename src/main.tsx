// The entry: tiny on purpose. The prerendered start page (index.html) paints first; the app is loaded
// right after that paint (at once for a share link, which opens on its result).
import './ui/styles.css';
import { findShareLink } from './wizard/share-link';

const boot = () => import('./boot');
if (findShareLink(location)) void boot();
else requestAnimationFrame(() => setTimeout(() => void boot(), 0));
