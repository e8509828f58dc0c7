// The innovation questions of the last three years (CIS 2013; keys in src/domain/types.ts). The pyramid segment is
// derived from these answers, never asked. Follow-ups appear only when they apply.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { withImplied } from '../../domain/implied';
import { PRACTICE_KEYS, PROCESS_KEYS, PRODUCT_KEYS, type Innovation, type InnovationKey } from '../../domain/types';
import { ChoiceGroup, NONE, tickAllRule, tickedValues } from '../components/Fields';
import { PageHeading, QuestionPage, useQuestionForm } from '../components/QuestionPage';
import { useWizard } from '../wizard-context';


const ticked = (inn: Innovation | undefined, keys: readonly InnovationKey[], answered: boolean | undefined) => {
  const list = keys.filter((k) => inn?.[k]);
  return answered && list.length === 0 ? [NONE] : list;
};
const yesNo = (v: boolean | undefined) => (v === undefined ? '' : v ? 'yes' : 'no');

function useYesNo() {
  const { t } = useTranslation();
  return [{ value: 'yes', label: t('common.yes') }, { value: 'no', label: t('common.no') }];
}


type IntroducedValues = { introduced: string[]; productInHouse: string; productNewToMarket: string; processInHouse: string };

export function IntroducedPage() {
  const { t } = useTranslation();
  const { answers, send } = useWizard();
  const inn = answers.innovation;
  const form = useQuestionForm<IntroducedValues>('introduced', {
    introduced: ticked(inn, [...PRODUCT_KEYS, ...PROCESS_KEYS], answers.introducedAnswered),
    productInHouse: answers.introducedAnswered ? yesNo(inn?.productInHouse) : '',
    productNewToMarket: answers.introducedAnswered ? yesNo(inn?.productNewToMarket) : '',
    processInHouse: answers.introducedAnswered ? yesNo(inn?.processInHouse) : '',
  });
  const yn = useYesNo();
  const chosen = tickedValues(form.watch('introduced'));
  const hasProduct = PRODUCT_KEYS.some((k) => chosen.includes(k));
  const hasProcess = PROCESS_KEYS.some((k) => chosen.includes(k));
  const { errors } = form.formState;
  const followUp = (key: 'productInHouse' | 'productNewToMarket' | 'processInHouse', shown: boolean) =>
    shown ? (
      <ChoiceGroup id={key} type="radio" legend={t(`innovation.${key}`)} hint={t(`innovation.${key}Hint`)} options={yn} error={errors[key]}
        selected={form.watch(key)} reg={form.register(key, { validate: (v, all) => !followUpShown(key, all) || v !== '' || t('innovation.answerYesNo') })} />
    ) : null;

  return (
    <QuestionPage
      form={form}
      onValid={(v) => {
        const set = tickedValues(v.introduced);
        const product = PRODUCT_KEYS.some((k) => set.includes(k));
        const process = PROCESS_KEYS.some((k) => set.includes(k));
        const innovation: Innovation = { ...answers.innovation };
        for (const k of [...PRODUCT_KEYS, ...PROCESS_KEYS]) innovation[k] = set.includes(k);
        innovation.productInHouse = product && v.productInHouse === 'yes';
        innovation.productNewToMarket = product && v.productNewToMarket === 'yes';
        innovation.processInHouse = process && v.processInHouse === 'yes';
        send({ type: 'NEXT', answers: { innovation, introducedAnswered: true } });
      }}
    >
      <PageHeading caption={t('innovation.caption')}>{t('innovation.introducedTitle')}</PageHeading>
      <ChoiceGroup
        id="introduced"
        type="checkbox"
        legend={t('innovation.tickAll')}
        options={[
          ...[...PRODUCT_KEYS, ...PROCESS_KEYS].map((k) => ({ value: k, label: t(`innovation.${k}`), hint: t(`innovation.${k}Hint`) })),
          { value: NONE, label: t('innovation.noneOfThese') },
        ]}
        error={errors.introduced}
        reg={form.register('introduced', tickAllRule(t, 'innovation.tickRequired', 'innovation.noneAndOthers'))}
      />
      {followUp('productInHouse', hasProduct)}
      {followUp('productNewToMarket', hasProduct)}
      {followUp('processInHouse', hasProcess)}
    </QuestionPage>
  );
}

function followUpShown(key: string, all: IntroducedValues) {
  const set = tickedValues(all.introduced);
  return key === 'processInHouse' ? PROCESS_KEYS.some((k) => set.includes(k)) : PRODUCT_KEYS.some((k) => set.includes(k));
}

type PracticesValues = { practices: string[]; rndStaff: string };

export function PracticesPage() {
  const { t } = useTranslation();
  const { answers, send } = useWizard();
  const inn = answers.innovation;
  const form = useQuestionForm<PracticesValues>('practices', {
    practices: ticked(inn, PRACTICE_KEYS, answers.practicesAnswered),
    rndStaff: answers.practicesAnswered ? yesNo(inn?.rndStaff) : '',
  });
  const yn = useYesNo();
  const chosen = tickedValues(form.watch('practices'));
  const { errors } = form.formState;
  // In-house R&D is spending on innovation (CIS question 22; domain/implied.ts): ticking it ticks spending
  // too, once, when it is ticked; the note under spending says why, and the answer counts as yes anyway.
  const doesRnd = chosen.includes('inHouseRnd');
  const hadRnd = useRef(doesRnd);
  useEffect(() => {
    if (doesRnd && !hadRnd.current) {
      const now = tickedValues(form.getValues('practices'));
      if (!now.includes('innovationSpending')) form.setValue('practices', [...now.filter((v) => v !== NONE), 'innovationSpending']);
    }
    hadRnd.current = doesRnd;
  }, [doesRnd, form]);
  return (
    <QuestionPage
      form={form}
      onValid={(v) => {
        const set = tickedValues(v.practices);
        const given: Innovation = { ...answers.innovation };
        for (const k of PRACTICE_KEYS) given[k] = set.includes(k);
        given.rndStaff = set.includes('inHouseRnd') && v.rndStaff === 'yes';
        const { innovation } = withImplied(given);
        send({ type: 'NEXT', answers: { innovation, practicesAnswered: true } });
      }}
    >
      <PageHeading caption={t('innovation.caption')}>{t('innovation.practicesTitle')}</PageHeading>
      <ChoiceGroup
        id="practices"
        type="checkbox"
        legend={t('innovation.tickAll')}
        options={[
          ...PRACTICE_KEYS.map((k) => ({
            value: k,
            label: t(`innovation.${k}`),
            hint: k === 'innovationSpending' && doesRnd ? <>{t(`innovation.${k}Hint`)} <strong>{t('innovation.spendingImplied')}</strong></> : t(`innovation.${k}Hint`),
            reveal: k === 'inHouseRnd' && chosen.includes('inHouseRnd') ? (
              <ChoiceGroup id="rndStaff" type="radio" legend={t('innovation.rndStaff')} hint={t('innovation.rndStaffHint')} options={yn} error={errors.rndStaff}
                selected={form.watch('rndStaff')}
                reg={form.register('rndStaff', { validate: (val, all) => !tickedValues(all.practices).includes('inHouseRnd') || val !== '' || t('innovation.answerYesNo') })} />
            ) : undefined,
          })),
          { value: NONE, label: t('innovation.noneOfThese') },
        ]}
        selected={chosen}
        error={errors.practices}
        reg={form.register('practices', tickAllRule(t, 'innovation.tickRequired', 'innovation.noneAndOthers'))}
      />
    </QuestionPage>
  );
}
