// How the product reads the firm, in plain words: its size (EU SME definition), its place in the
// innovation pyramid with the step up, and its sector's technology class. Folded.
import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../domain/types';
import { PyramidSvg } from '../../components/PyramidSvg';
import { content, useLang } from '../../content';
import { pyramidText, type Voice } from '../../voice';

export function FirmPlace({ referral, voice }: { referral: Referral; voice: Voice }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const L = content.labels;
  return (
    <details className="fold">
      <summary><h2 className="inline-heading" id="pyramid-heading">{t('result.firmPlace')}</h2></summary>
      <dl className="firm-place">
        <div><dt>{t('result.sizeTerm')}</dt><dd>{pick(L.sizeClass[referral.sizeClass])}{referral.sizeProvisional ? ` ${t('result.provisional')}` : ''}</dd></div>
        <div><dt>{t('result.segmentTerm')}</dt><dd>{pick(L.segment[referral.segment])}: {pick(pyramidText(content, referral.segment, 'meaning', voice))}</dd></div>
        <div><dt>{t('result.techTerm')}</dt><dd>{pick(L.techClass[referral.techClass])}</dd></div>
      </dl>
      <PyramidSvg segment={referral.segment} techClass={referral.techClass} />
      <h3>{t('result.pathUp')}</h3>
      <p>{pick(pyramidText(content, referral.segment, 'next', voice))}</p>
    </details>
  );
}
