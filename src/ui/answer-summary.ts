// The firm's answers in short, as rows of label and value: the check page, the referral letter and
// the hand-off e-mail all show them, each in its own language (t and content of that language).
import type { TFunction } from 'i18next';
import type { Content } from '../domain/content-model';
import { formatEuro, formatNumber } from '../domain/format';
import { withImplied } from '../domain/implied';
import { INTRODUCED_KEYS, PRACTICES_PAGE_KEYS, type InnovationKey, type Lang } from '../domain/types';
import { questionPath, type Answers, type QuestionStep } from '../wizard/answers';
import { loadedNaceSearch } from './nace-search-data';
import { naceName, sectorName } from './sector-search';

/** "25.30 Vervaardiging van wapens en munitie (NACE-BEL 2025)"; a code without a version is named from sectors.yaml (2008), as before there was a choice. */
function naceText(a: Answers, content: Content, lang: Lang): string {
  if (!a.nace) return '';
  if (a.naceVersion === '2025') {
    const data = loadedNaceSearch();
    return [a.nace, data ? naceName(a.nace, data, lang) : undefined, '(NACE-BEL 2025)'].filter(Boolean).join(' ');
  }
  const name = sectorName(a.nace, content.sectors, lang);
  return [a.nace, name, a.naceVersion ? `(NACE-BEL ${a.naceVersion})` : undefined].filter(Boolean).join(' ');
}


export interface AnswerRow { step: QuestionStep; label: string; value: string }

export function answerRows(a: Answers, t: TFunction, content: Content, lang: Lang): AnswerRow[] {
  // Answers implied by others count as given (in-house R&D or R&D staff is spending on innovation), as in the referral.
  const innovation = withImplied(a.innovation ?? {}).innovation;
  const yes = (keys: readonly InnovationKey[]) => {
    const list = keys.filter((k) => innovation[k]);
    return list.length ? list.map((k) => t(`innovation.short.${k}`)).join('; ') : t('check.noInnovation');
  };
  const amount = (n: number | null | undefined) => (n == null ? t('check.figureUnknown') : formatEuro(n, lang));
  const choices = (ids: string[] | undefined, list: Content['needs']) =>
    (ids ?? []).map((id) => list.find((c) => c.id === id)?.label[lang] ?? id).join('; ');
  const rows: AnswerRow[] = [
    { step: 'region', label: t('check.region'), value: [t(`region.options.${a.region}`), a.province ? content.labels.province[a.province][lang] : ''].filter(Boolean).join(', ') },
    { step: 'staff', label: t('check.staff'), value: a.staff === undefined ? '' : formatNumber(a.staff, lang) },
    { step: 'figures', label: t('check.turnover'), value: amount(a.turnoverEur) },
    { step: 'figures', label: t('check.balance'), value: amount(a.balanceSheetEur) },
    { step: 'ownership', label: t('check.ownership'), value: a.ownedByLargeGroup ? t('common.yes') : t('common.no') },
    { step: 'sector', label: t('check.sector'), value: naceText(a, content, lang) },
    { step: 'introduced', label: t('check.innovation'), value: yes(INTRODUCED_KEYS) },
    { step: 'practices', label: t('check.practices'), value: yes(PRACTICES_PAGE_KEYS) },
    { step: 'needs', label: t('check.needs'), value: choices(a.needs, content.needs) },
    // (A link made in owner mode, where this page is optional, and opened in client mode: never asked, not "none".)
    { step: 'triggers', label: t('check.triggers'), value: a.triggers?.length ? choices(a.triggers, content.triggers) : a.triggers || a.triggersAnswered ? t('check.noInnovation') : t('check.notAsked') },
  ];
  const path = questionPath(a);
  return rows.filter((r) => path.includes(r.step));
}
