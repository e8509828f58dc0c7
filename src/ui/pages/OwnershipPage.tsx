import { useTranslation } from 'react-i18next';
import { ChoiceGroup } from '../components/Fields';
import { QuestionPage, useQuestionForm } from '../components/QuestionPage';
import { useWizard } from '../wizard-context';

export function OwnershipPage() {
  const { t } = useTranslation();
  const { answers, send } = useWizard();
  const form = useQuestionForm<{ owned: string }>('ownership', { owned: answers.ownedByLargeGroup === undefined ? '' : answers.ownedByLargeGroup ? 'yes' : 'no' });
  return (
    <QuestionPage form={form} onValid={(v) => send({ type: 'NEXT', answers: { ownedByLargeGroup: v.owned === 'yes' } })}>
      <ChoiceGroup
        id="owned"
        type="radio"
        isHeading
        legend={t('ownership.title')}
        hint={t('ownership.hint')}
        options={[{ value: 'yes', label: t('common.yes') }, { value: 'no', label: t('common.no') }]}
        error={form.formState.errors.owned}
        selected={form.watch('owned')}
        reg={form.register('owned', { required: t('ownership.required') })}
      />
    </QuestionPage>
  );
}
