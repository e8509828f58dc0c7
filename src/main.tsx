import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n, isLang, LANG_KEY } from './i18n';
import { App } from './ui/App';
import './ui/styles.css';

function preferredLanguage() {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (isLang(saved)) return saved;
  } catch {
    // storage unavailable: fall back to Dutch
  }
  return 'nl' as const;
}

const root = document.getElementById('root')!;
// A share link opens on its result: do not show the prerendered start page meanwhile.
if (location.hash.startsWith('#r=')) root.replaceChildren();
await initI18n(preferredLanguage());
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
