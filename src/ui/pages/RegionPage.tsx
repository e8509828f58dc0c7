import { useTranslation } from 'react-i18next';
import { PROVINCES, REGIONS, type Province, type Region } from '../../domain/types';
import { ChoiceGroup } from '../components/Fields';
import { QuestionPage, useQuestionForm } from '../components/QuestionPage';
import { content, useLang } from '../content';
import { useWizard } from '../wizard-context';

type Values = { region: Region | ''; province: Province | '' };

export function RegionPage() {
  const { t } = useTranslation();
  const { pick } = useLang();
  const { answers, send } = useWizard();
  const form = useQuestionForm<Values>('region', { region: answers.region ?? '', province: answers.province ?? '' });
  const region = form.watch('region');
  const provinceField = (
    <ChoiceGroup
      id="province"
      type="radio"
      legend={t('region.provinceLegend')}
      options={PROVINCES.map((p) => ({ value: p, label: pick(content.labels.province[p]) }))}
      error={form.formState.errors.province}
      selected={form.watch('province')}
      reg={form.register('province', { validate: (v, all) => all.region !== 'flanders' || v !== '' || t('region.provinceRequired') })}
    />
  );
  return (
    <QuestionPage form={form} onValid={(v) => send({ type: 'NEXT', answers: { region: v.region as Region, ...(v.region === 'flanders' ? { province: v.province as Province } : {}) } })}>
      <ChoiceGroup
        id="region"
        type="radio"
        isHeading
        legend={t('region.title')}
        hint={t('region.hint')}
        options={REGIONS.map((r) => ({ value: r, label: t(`region.options.${r}`), reveal: r === 'flanders' ? provinceField : undefined }))}
        error={form.formState.errors.region}
        selected={region}
        reg={form.register('region', { required: t('region.required') })}
      />
    </QuestionPage>
  );
}
