// The entry: tiny on purpose. The prerendered start page (index.html) paints first; the app is loaded
// right after that paint (at once for a share link, which opens on its result).
import './ui/styles.css';
import { isShareFragment } from './wizard/share-link';

const boot = () => import('./boot');
if (isShareFragment(location.hash)) void boot();
else requestAnimationFrame(() => setTimeout(() => void boot(), 0));
