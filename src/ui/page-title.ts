// The document title: the page's heading and the app's name, with GOV.UK's error prefix ("Error: ",
// in the page's language) while the page shows an error summary.
import type { TFunction } from 'i18next';

/** Sets document.title from the page as it is now (call it in an effect, after the DOM is updated). */
export function showPageTitle(t: TFunction): void {
  const errors = document.querySelector('main .error-summary') !== null;
  document.title = `${errors ? t('errors.prefix') : ''}${document.querySelector('main h1')?.textContent ?? ''} - ${t('app.title')}`;
}
