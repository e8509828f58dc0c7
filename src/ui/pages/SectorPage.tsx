import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseNace } from '../../domain/nace';
import { ChoiceGroup, InlineError } from '../components/Fields';
import { PageHeading, QuestionPage, useQuestionForm } from '../components/QuestionPage';
import { content, useLang } from '../content';
import { searchSectors, sectorName } from '../sector-search';
import { useWizard } from '../wizard-context';

type Values = { query: string; nace: string; section: string };

export function SectorPage() {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const { answers, send } = useWizard();
  const form = useQuestionForm<Values>('sector', { query: '', nace: answers.nace ?? '', section: '' });
  const [mode, setMode] = useState<'search' | 'browse'>('search');
  const query = form.watch('query');
  const section = form.watch('section');
  const chosen = form.watch('nace');
  const hits = useMemo(() => searchSectors(query, content.sectors, lang), [query, lang]);
  const divisions = content.sectors.sections.find((s) => s.code === section)?.divisions ?? [];
  const options = (list: Array<{ code: string; name: string }>) =>
    list.map((h) => ({ value: h.code, label: <><span className="nace-code">{h.code}</span> {h.name}</> }));
  const naceReg = form.register('nace', { validate: (v) => (v && normaliseNace(v) !== null) || t('sector.required') });
  const { errors } = form.formState;

  return (
    <QuestionPage form={form} onValid={(v) => send({ type: 'NEXT', answers: { nace: normaliseNace(v.nace)! } })} focusFallback={{ nace: mode === 'search' ? 'query' : 'section' }}>
      <PageHeading>{t('sector.title')}</PageHeading>
      <p className="hint">{t('sector.hint')}</p>
      {chosen && normaliseNace(chosen) ? (
        <p className="chosen" aria-live="polite">
          {t('sector.chosen')} <strong><span className="nace-code">{chosen}</span> {sectorName(chosen, content.sectors, lang)}</strong>
        </p>
      ) : null}
      <InlineError id="nace" error={errors.nace} />
      <div className="tabs" role="group" aria-label={t('sector.howToFind')}>
        <button type="button" className="link-button" aria-pressed={mode === 'search'} onClick={() => setMode('search')}>{t('sector.searchMode')}</button>
        <button type="button" className="link-button" aria-pressed={mode === 'browse'} onClick={() => setMode('browse')}>{t('sector.browseMode')}</button>
      </div>
      {mode === 'search' ? (
        <>
          <div className="field">
            <label className="label" htmlFor="query">{t('sector.searchLabel')}</label>
            <p className="hint" id="query-hint">{t('sector.searchHint')}</p>
            <input id="query" className="input" type="search" autoComplete="off" aria-describedby="query-hint" {...form.register('query')}
              onKeyDown={(e) => { if (e.key === 'Enter') e.preventDefault(); }} />
          </div>
          <div aria-live="polite">
            {query.trim().length >= 2 && hits.length === 0 ? <p>{t('sector.noHits')}</p> : null}
            {hits.length ? (
              <ChoiceGroup id="nace" type="radio" legend={t('sector.results', { count: hits.length })} options={options(hits)} selected={chosen} reg={naceReg} error={errors.nace} />
            ) : null}
          </div>
        </>
      ) : (
        <>
          <div className="field">
            <label className="label" htmlFor="section">{t('sector.sectionLabel')}</label>
            <select id="section" className="select" {...form.register('section')}>
              <option value="">{t('sector.sectionPlaceholder')}</option>
              {content.sectors.sections.map((s) => <option key={s.code} value={s.code}>{s.code}: {pick(s.name)}</option>)}
            </select>
          </div>
          {divisions.length ? (
            <ChoiceGroup
              id="nace"
              type="radio"
              legend={t('sector.divisionLegend')}
              options={options(divisions.map((code) => ({ code, name: pick(content.sectors.divisions.find((d) => d.code === code)!.name) })))}
              selected={chosen}
              reg={naceReg}
              error={errors.nace}
            />
          ) : null}
        </>
      )}
      {!hits.length && mode === 'search' ? <input type="hidden" {...naceReg} /> : null}
      {!divisions.length && mode === 'browse' ? <input type="hidden" {...naceReg} /> : null}
    </QuestionPage>
  );
}
