// The dates of a fact's source as the result lists them: the page's own date where it shows one
// (content `pageDate`), then the date the fact was checked on it.
import { useTranslation } from 'react-i18next';
import type { Fact } from '../../../domain/content-model';
import { formatDate } from '../../../domain/format';

/** "page dated 5 June 2024, checked on 30 November 2026" (or only the checked date). */
export function SourceDates({ fact }: { fact: Pick<Fact, 'checked' | 'pageDate'> }) {
  const { t, i18n } = useTranslation();
  const checked = t('result.checkedOn', { date: formatDate(fact.checked, i18n.language) });
  return <>{fact.pageDate ? `${t('result.pageDated', { date: formatDate(fact.pageDate, i18n.language) })}, ${checked}` : checked}</>;
}
