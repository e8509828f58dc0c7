import { useTranslation } from 'react-i18next';
import { parseNumberIn } from '../../domain/numbers';
import { InlineError } from '../components/Fields';
import { PageHeading, QuestionPage, useQuestionForm } from '../components/QuestionPage';
import { formatNumber } from '../../domain/format';
import { useTypedIn } from '../components/typed-in';
import { useWizard } from '../wizard-context';

type Values = { turnover: string; turnoverUnknown: boolean; balance: string; balanceUnknown: boolean };
const asText = (n: number | null | undefined, lang: string) => (n == null ? '' : formatNumber(n, lang));

export function FiguresPage() {
  const { t, i18n } = useTranslation();
  const { answers, send } = useWizard();
  const typedIn = useTypedIn<'turnover' | 'balance'>();
  const form = useQuestionForm<Values>('figures', {
    turnover: asText(answers.turnoverEur, i18n.language),
    turnoverUnknown: answers.turnoverEur === null,
    balance: asText(answers.balanceSheetEur, i18n.language),
    balanceUnknown: answers.balanceSheetEur === null,
  });
  const { errors } = form.formState;
  const amountRule = (unknownField: 'turnoverUnknown' | 'balanceUnknown', key: 'turnover' | 'balance') => ({
    onChange: () => typedIn.onType(key),
    validate: (v: string, all: Values) => {
      if (all[unknownField]) return true;
      if (v.trim() === '') return t(`figures.${key}Required`);
      const n = parseNumberIn(v, typedIn.langOf(key));
      if (n === null) return t('figures.notAnAmount');
      if (n < 0) return t('figures.negative');
      return true;
    },
  });
  const field = (key: 'turnover' | 'balance', unknown: 'turnoverUnknown' | 'balanceUnknown') => (
    <div className={`field${errors[key] ? ' field--error' : ''}`}>
      <label className="label" htmlFor={key}>{t(`figures.${key}Label`)}</label>
      <p className="hint" id={`${key}-hint`}>{t(`figures.${key}Hint`)}</p>
      <InlineError id={key} error={errors[key]} />
      <div className="input-prefix">
        <span aria-hidden="true">€</span>
        <input
          id={key}
          type="text"
          inputMode="decimal"
          className="input input--medium"
          disabled={form.watch(unknown)}
          aria-invalid={errors[key] ? true : undefined}
          aria-describedby={`${key}-hint${errors[key] ? ` ${key}-error` : ''}`}
          {...form.register(key, amountRule(unknown, key))}
        />
      </div>
      <div className="choice choice--small">
        <input id={unknown} type="checkbox" {...form.register(unknown, { onChange: () => form.clearErrors(key) })} />
        <label htmlFor={unknown}>{t('figures.unknown')}<span className="visually-hidden"> ({t(`figures.${key}Label`)})</span></label>
      </div>
    </div>
  );
  return (
    <QuestionPage
      form={form}
      onValid={(v) => send({
        type: 'NEXT',
        answers: {
          turnoverEur: v.turnoverUnknown ? null : parseNumberIn(v.turnover, typedIn.langOf('turnover')),
          balanceSheetEur: v.balanceUnknown ? null : parseNumberIn(v.balance, typedIn.langOf('balance')),
        },
      })}
    >
      <PageHeading>{t('figures.title')}</PageHeading>
      <p className="lead">{t('figures.intro')}</p>
      {field('turnover', 'turnoverUnknown')}
      {field('balance', 'balanceUnknown')}
    </QuestionPage>
  );
}
