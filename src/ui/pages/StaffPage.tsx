import { useTranslation } from 'react-i18next';
import { parseNumberIn } from '../../domain/numbers';
import { TextField } from '../components/Fields';
import { QuestionPage, useQuestionForm } from '../components/QuestionPage';
import { useWizard } from '../wizard-context';
import { formatNumber } from '../../domain/format';
import { useTypedIn } from '../components/typed-in';

export function StaffPage() {
  const { t, i18n } = useTranslation();
  const { answers, send } = useWizard();
  const typedIn = useTypedIn<'staff'>();
  const form = useQuestionForm<{ staff: string }>('staff', { staff: answers.staff === undefined ? '' : formatNumber(answers.staff, i18n.language) });
  return (
    <QuestionPage form={form} onValid={(v) => send({ type: 'NEXT', answers: { staff: parseNumberIn(v.staff, typedIn.langOf('staff'))! } })}>
      <TextField
        id="staff"
        isHeading
        label={t('staff.title')}
        hint={t('staff.hint')}
        inputMode="decimal"
        width="input--short"
        error={form.formState.errors.staff}
        reg={form.register('staff', {
          onChange: () => typedIn.onType('staff'),
          validate: (v) => {
            if (v.trim() === '') return t('staff.required');
            const n = parseNumberIn(v, typedIn.langOf('staff'));
            if (n === null) return t('staff.notANumber');
            if (n < 0) return t('staff.negative');
            if (n > 1_000_000) return t('staff.tooLarge');
            return true;
          },
        })}
      />
    </QuestionPage>
  );
}
