import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NaceSearchData } from '../../domain/content-model';
import { normaliseNace } from '../../domain/nace';
import { ChoiceGroup, InlineError } from '../components/Fields';
import { PageHeading, QuestionPage, useQuestionForm } from '../components/QuestionPage';
import { content, useLang } from '../content';
import { useNaceSearch } from '../nace-search-data';
import { naceName, searchNace, sectorName } from '../sector-search';
import { useWizard } from '../wizard-context';

type Values = { query: string; nace: string; section: string };

/** The value of the way out "my activity is not in this list" for a section. */
const OTHER = 'other:';

/**
 * The stand-in code for "my activity is not in this list" in a section: its last class whose English
 * title ends in "n.e.c." (not elsewhere classified), else its last class. Null when the section has none.
 */
export function otherCodeOf(section: string, data: NaceSearchData): string | null {
  const divisions = data.sections.find((s) => s.code === section)?.divisions ?? [];
  const classes = data.entries.filter((e) => /^\d{2}\.\d{2}$/.test(e[0]) && divisions.includes(e[0].slice(0, 2)));
  const nec = classes.filter((e) => /n\.e\.c\.?$/.test(e[3].trim()));
  return (nec[nec.length - 1] ?? classes[classes.length - 1])?.[0] ?? null;
}

export function SectorPage() {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const { answers, send } = useWizard();
  const data = useNaceSearch();
  const form = useQuestionForm<Values>('sector', { query: '', nace: answers.nace ?? '', section: '' });
  const [mode, setMode] = useState<'search' | 'browse'>('search');
  const [wayOut, setWayOut] = useState(false);
  const query = form.watch('query');
  const section = form.watch('section');
  const chosen = form.watch('nace');
  const search = useMemo(() => (data ? searchNace(query, data, content.nace, lang) : { hits: [] }), [query, data, lang]);
  const hits = search.hits;
  const divisions = data?.sections.find((s) => s.code === section)?.divisions ?? [];
  const options = (list: Array<{ code: string; name: string }>) =>
    list.map((h) => ({ value: h.code, label: <><span className="nace-code">{h.code}</span> {h.name}</> }));
  /** The code a choice stands for: the section's stand-in for the way out. */
  const codeOf = (v: string) => (v.startsWith(OTHER) && data ? otherCodeOf(v.slice(OTHER.length), data) ?? '' : v);
  const naceReg = form.register('nace', { validate: (v) => (v && normaliseNace(codeOf(v)) !== null) || t('sector.required') });
  const { errors } = form.formState;
  // A code kept from before (saved answers, a share link) keeps its version; a code chosen here is a 2025 code.
  const unchanged = chosen === answers.nace;
  const chosenCode = chosen ? codeOf(chosen) : '';
  const chosenName = !chosenCode ? undefined
    : unchanged && answers.naceVersion !== '2025' ? sectorName(chosenCode, content.sectors, lang)
    : data ? naceName(chosenCode, data, lang) : undefined;

  const onValid = (v: Values) => {
    const nace = normaliseNace(codeOf(v.nace))!;
    if (v.nace === answers.nace) send({ type: 'NEXT', answers: answers.naceVersion ? { nace, naceVersion: answers.naceVersion } : { nace } });
    else send({ type: 'NEXT', answers: { nace, naceVersion: '2025' } });
  };

  const note = search.note;
  return (
    <QuestionPage form={form} onValid={onValid} focusFallback={{ nace: mode === 'search' ? 'query' : 'section' }}>
      <PageHeading>{t('sector.title')}</PageHeading>
      <p className="hint">{t('sector.hint')}</p>
      {chosenCode && normaliseNace(chosenCode) ? (
        <p className="chosen" aria-live="polite">
          {t('sector.chosen')} <strong><span className="nace-code">{chosenCode}</span> {chosenName}</strong>
          {chosen.startsWith(OTHER) ? <> <span>{t('sector.otherChosen')}</span></> : null}
        </p>
      ) : null}
      <InlineError id="nace" error={errors.nace} />
      <div className="tabs" role="group" aria-label={t('sector.howToFind')}>
        <button type="button" className="link-button" aria-pressed={mode === 'search'} onClick={() => setMode('search')}>{t('sector.searchMode')}</button>
        <button type="button" className="link-button" aria-pressed={mode === 'browse'} onClick={() => setMode('browse')}>{t('sector.browseMode')}</button>
      </div>
      {!data ? <p role="status">{t('sector.loading')}</p> : null}
      {mode === 'search' ? (
        <>
          <div className="field">
            <label className="label" htmlFor="query">{t('sector.searchLabel')}</label>
            <p className="hint" id="query-hint">{t('sector.searchHint')}</p>
            <input id="query" className="input" type="search" autoComplete="off" aria-describedby="query-hint" {...form.register('query')}
              onKeyDown={(e) => { if (e.key === 'Enter') e.preventDefault(); }} />
          </div>
          <div aria-live="polite">
            {note?.kind === 'leadingZero' ? (
              <p className="hint">{t(note.literal ? 'sector.leadingZeroBoth' : 'sector.leadingZero', { padded: note.padded, literal: note.literal })}</p>
            ) : null}
            {note?.kind === 'from2008' ? (
              <p className="hint">{t(note.exists2025 ? 'sector.changedSince2008' : 'sector.only2008', { code: note.code, moved: note.moved.join(', ') })}</p>
            ) : null}
            {data && query.trim().length >= 2 && hits.length === 0 ? <p>{t('sector.noHits')}</p> : null}
            {hits.length ? (
              <ChoiceGroup id="nace" type="radio" legend={t('sector.results', { count: hits.length })} options={options(hits)} selected={chosen} reg={naceReg} error={errors.nace} />
            ) : null}
          </div>
          {data ? (
            <p>
              <button type="button" className="link-button" onClick={() => { setWayOut(true); setMode('browse'); }}>{t('sector.cannotFind')}</button>
            </p>
          ) : null}
        </>
      ) : (
        <>
          {wayOut ? <p className="hint">{t('sector.cannotFindHint')}</p> : null}
          <div className="field">
            <label className="label" htmlFor="section">{t('sector.sectionLabel')}</label>
            <select id="section" className="select" {...form.register('section')}>
              <option value="">{t('sector.sectionPlaceholder')}</option>
              {(data?.sections ?? []).map((s) => <option key={s.code} value={s.code}>{s.code}: {pick(s.name)}</option>)}
            </select>
          </div>
          {divisions.length && data ? (
            <ChoiceGroup
              id="nace"
              type="radio"
              legend={t('sector.divisionLegend')}
              options={[
                ...options(divisions.map((code) => ({ code, name: naceName(code, data, lang) ?? '' }))),
                { value: `${OTHER}${section}`, label: t('sector.notInList') },
              ]}
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
