// "A new version is ready": shown when a new build has been installed in the background and the page is
// at a moment that loses nothing (service-worker.ts). Reloading keeps the answers: they are saved on this
// device, and the reloaded app opens them where they were.
import { useTranslation } from 'react-i18next';
import { applyUpdate, useUpdateReady } from './service-worker';

export function UpdateBanner() {
  const { t } = useTranslation();
  const ready = useUpdateReady();
  if (!ready) return null;
  return (
    <div className="panel panel--notice no-print" role="status">
      <p>{t('update.ready')}</p>
      <button type="button" className="button button--secondary" onClick={applyUpdate}>{t('update.reload')}</button>
    </div>
  );
}
