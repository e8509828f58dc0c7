// Warning lights: observable signals (mostly seen first by the accountant) that the rules use.
import { useTranslation } from 'react-i18next';
import { ChoiceGroup, NONE, tickAllRule, tickedValues } from '../components/Fields';
import { QuestionPage, useQuestionForm } from '../components/QuestionPage';
import { content, useLang } from '../content';
import { useWizard } from '../wizard-context';

export function TriggersPage() {
  const { t } = useTranslation();
  const { pick } = useLang();
  const { answers, send } = useWizard();
  const form = useQuestionForm<{ triggers: string[] }>('triggers', {
    triggers: answers.triggersAnswered ? (answers.triggers?.length ? answers.triggers : [NONE]) : [],
  });
  return (
    <QuestionPage
      form={form}
      onValid={(v) => {
        const list = tickedValues(v.triggers).filter((x) => x !== NONE);
        send({ type: 'NEXT', answers: { triggers: list, triggersAnswered: true } });
      }}
    >
      <ChoiceGroup
        id="triggers"
        type="checkbox"
        isHeading
        legend={t('triggers.title')}
        hint={t('triggers.hint')}
        options={[
          ...content.triggers.map((tr) => ({ value: tr.id, label: pick(tr.label), hint: pick(tr.hint) })),
          { value: NONE, label: t('triggers.none') },
        ]}
        error={form.formState.errors.triggers}
        reg={form.register('triggers', tickAllRule(t, 'triggers.required', 'triggers.noneAndOthers'))}
      />
    </QuestionPage>
  );
}
