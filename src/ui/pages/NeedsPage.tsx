import { useTranslation } from 'react-i18next';
import { ChoiceGroup, tickedValues } from '../components/Fields';
import { QuestionPage, useQuestionForm } from '../components/QuestionPage';
import { content, useLang } from '../content';
import { useWizard } from '../wizard-context';

export function NeedsPage() {
  const { t } = useTranslation();
  const { pick } = useLang();
  const { answers, send } = useWizard();
  const owner = (answers.mode ?? 'owner') === 'owner';
  const form = useQuestionForm<{ needs: string[]; showTriggers: boolean }>('needs', { needs: answers.needs ?? [], showTriggers: answers.showTriggers ?? false });
  return (
    <QuestionPage
      form={form}
      onValid={(v) => send({ type: 'NEXT', answers: { needs: tickedValues(v.needs), ...(owner ? { showTriggers: v.showTriggers } : {}) } })}
    >
      <ChoiceGroup
        id="needs"
        type="checkbox"
        isHeading
        legend={t('needs.title')}
        hint={t('needs.hint')}
        options={content.needs.map((n) => ({ value: n.id, label: pick(n.label), hint: pick(n.hint) }))}
        error={form.formState.errors.needs}
        reg={form.register('needs', { validate: (v) => tickedValues(v).length > 0 || t('needs.required') })}
      />
      {owner ? (
        // Warning lights are asked of accountants and advisors; an owner can add them.
        <div className="choice">
          <input id="showTriggers" type="checkbox" aria-describedby="showTriggers-hint" {...form.register('showTriggers')} />
          <label htmlFor="showTriggers">{t('needs.showTriggers')}</label>
          <p className="hint choice-hint" id="showTriggers-hint">{t('needs.showTriggersHint')}</p>
        </div>
      ) : null}
    </QuestionPage>
  );
}
