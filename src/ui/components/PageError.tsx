import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from './PageHeading';

/** The calm message shown when a page fails: the answers are safe, and a way back. */
export function PageError({ onBack, backLabel }: { onBack: () => void; backLabel: string }) {
  const { t } = useTranslation();
  useEffect(() => { document.querySelector<HTMLElement>('main h1')?.focus(); }, []);
  return (
    <div role="alert">
      <PageHeading>{t('pageError.title')}</PageHeading>
      <p>{t('pageError.text')}</p>
      <button type="button" className="button" onClick={onBack}>{backLabel}</button>
    </div>
  );
}
