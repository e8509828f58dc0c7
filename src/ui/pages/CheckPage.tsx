import { useTranslation } from 'react-i18next';
import type { InnovationKey } from '../../domain/types';
import { questionPath, type QuestionStep } from '../../wizard/answers';
import { BackLink, PageHeading, Progress } from '../components/QuestionPage';
import { content, useLang } from '../content';
import { formatEuro, formatNumber } from '../../domain/format';
import { sectorName } from '../sector-search';
import { useWizard } from '../wizard-context';

const INTRODUCED_KEYS: InnovationKey[] = ['newGoods', 'newServices', 'productInHouse', 'productNewToMarket', 'newProductionMethods', 'newLogistics', 'newSupportProcesses', 'processInHouse'];
const PRACTICE_KEYS: InnovationKey[] = ['inHouseRnd', 'rndStaff', 'innovationSpending', 'boughtKnowledge', 'cooperation'];

/** GOV.UK "check your answers": every answer with a change link that returns here. */
export function CheckPage() {
  const { t, i18n } = useTranslation();
  const { lang, pick } = useLang();
  const { answers: a, send } = useWizard();
  const yes = (keys: readonly InnovationKey[]) => {
    const list = keys.filter((k) => a.innovation?.[k]);
    return list.length ? list.map((k) => t(`innovation.short.${k}`)).join('; ') : t('check.noInnovation');
  };
  const amount = (n: number | null | undefined) => (n == null ? t('figures.unknown') : formatEuro(n, i18n.language));
  const rows: Array<{ step: QuestionStep; label: string; value: string }> = [
    { step: 'region', label: t('check.region'), value: [t(`region.options.${a.region}`), a.province ? pick(content.labels.province[a.province]) : ''].filter(Boolean).join(', ') },
    { step: 'staff', label: t('check.staff'), value: a.staff === undefined ? '' : formatNumber(a.staff, i18n.language) },
    { step: 'figures', label: t('check.turnover'), value: amount(a.turnoverEur) },
    { step: 'figures', label: t('check.balance'), value: amount(a.balanceSheetEur) },
    { step: 'ownership', label: t('check.ownership'), value: a.ownedByLargeGroup ? t('common.yes') : t('common.no') },
    { step: 'sector', label: t('check.sector'), value: a.nace ? `${a.nace} ${sectorName(a.nace, content.sectors, lang) ?? ''}` : '' },
    { step: 'introduced', label: t('check.innovation'), value: yes(INTRODUCED_KEYS) },
    { step: 'practices', label: t('check.practices'), value: yes(PRACTICE_KEYS) },
    { step: 'needs', label: t('check.needs'), value: (a.needs ?? []).map((id) => { const need = content.needs.find((n) => n.id === id); return need ? pick(need.label) : id; }).join('; ') },
  ];
  const path = questionPath(a);
  return (
    <>
      <BackLink />
      <Progress />
      <PageHeading>{t('check.title')}</PageHeading>
      <dl className="summary-list">
        {rows.filter((r) => path.includes(r.step)).map((r) => (
          <div className="summary-row" key={r.label}>
            <dt>{r.label}</dt>
            <dd>{r.value}</dd>
            <dd className="summary-action">
              <a href="#" onClick={(e) => { e.preventDefault(); send({ type: 'GOTO', step: r.step, fromCheck: true }); }}>
                {t('check.change')}<span className="visually-hidden"> {r.label}</span>
              </a>
            </dd>
          </div>
        ))}
      </dl>
      <button type="button" className="button" onClick={() => send({ type: 'NEXT', answers: {} })}>{t('check.submit')}</button>
    </>
  );
}
