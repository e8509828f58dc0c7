import { useTranslation } from 'react-i18next';
import { ChoiceGroup } from '../components/Fields';
import { QuestionPage, useQuestionForm } from '../components/QuestionPage';
import { content, useLang } from '../content';
import { useWizard } from '../wizard-context';

export function NeedsPage() {
  const { t } = useTranslation();
  const { pick } = useLang();
  const { answers, send } = useWizard();
  const form = useQuestionForm<{ needs: string[] }>('needs', { needs: answers.needs ?? [] });
  return (
    <QuestionPage form={form} onValid={(v) => send({ type: 'NEXT', answers: { needs: Array.isArray(v.needs) ? v.needs : [v.needs] } })}>
      <ChoiceGroup
        id="needs"
        type="checkbox"
        isHeading
        legend={t('needs.title')}
        hint={t('needs.hint')}
        options={content.needs.map((n) => ({ value: n.id, label: pick(n.label), hint: pick(n.hint) }))}
        error={form.formState.errors.needs}
        reg={form.register('needs', { validate: (v) => (Array.isArray(v) ? v.length > 0 : Boolean(v)) || t('needs.required') })}
      />
    </QuestionPage>
  );
}
