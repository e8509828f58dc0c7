// The referral as the firm meets it. First, without scrolling on a phone: the first thing to do, with
// whom, how to reach them and what it costs. Then the other channels as short cards. Everything else
// (why, the facts with their sources, what is not possible and what would change that, the firm's place
// in the innovation pyramid) is folded. The tools depend on who is using it: owners print, share and start
// again; an accountant (client mode) also gets the letter and the hand-off e-mails; an advisor (intake
// mode) the notes at the top, the reasoning and the export.
import { startTransition, useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Fact } from '../../domain/content-model';
import { engineFor, refer, referRegion } from '../../domain/refer';
import type { Lang, Recommendation, Referral } from '../../domain/types';
import { completeProfile, outsideFlanders } from '../../wizard/answers';
import { encodeShareFragment } from '../../wizard/persistence';
import { ChannelDetails, FirstStep, OtherChannel } from './result/Channels';
import { FactsAndSources } from './result/FactsAndSources';
import { FirmPlace } from './result/FirmPlace';
import { AdvisorView, ClientTools, IntakeExport, Letter, Notes, SaveToDesk } from './result/lazy-tools';
import { NotNow } from './result/NotNow';
import { BackLink } from '../components/PageNav';
import { PageHeading } from '../components/PageHeading';
import { content, useLang, useVoiceTexts } from '../content';
import { voiceOf } from '../voice';
import { useWizard } from '../wizard-context';

/** Kinds of fact that explain the background (history, figures): for the advisor, not the firm's decision. */
const BACKGROUND_KINDS = new Set<Fact['kind']>(['history', 'figure']);

/** Printing shows what is folded: every <details> opens for the print and closes again after. */
function usePrintUnfolds() {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = () => {
      opened = [...document.querySelectorAll<HTMLDetailsElement>('main details:not([open])')];
      opened.forEach((d) => { d.open = true; });
    };
    const after = () => { opened.forEach((d) => { d.open = false; }); opened = []; };
    addEventListener('beforeprint', before);
    addEventListener('afterprint', after);
    return () => { removeEventListener('beforeprint', before); removeEventListener('afterprint', after); };
  }, []);
}

/**
 * Renders a long page in `count` more steps after its first: each step is committed in a task of its
 * own once the previous one is on screen, so opening a result never blocks the page for long
 * (Lighthouse's total blocking time). Printing shows everything at once (before the folds open).
 */
function useStages(count: number): number {
  const [stage, setStage] = useState(0);
  // React renders a transition in a task of its own, after this commit's effects.
  useEffect(() => { if (stage < count) startTransition(() => setStage((s) => s + 1)); }, [stage, count]);
  useEffect(() => {
    const all = () => flushSync(() => setStage(count));
    addEventListener('beforeprint', all);
    return () => removeEventListener('beforeprint', all);
  }, [count]);
  return stage;
}

export function ResultPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { answers, send } = useWizard();
  const mode = answers.mode ?? 'owner';
  const voice = voiceOf(mode);
  // Client and intake mode write about the firm: those texts may still be on their way (an owner's link).
  useVoiceTexts(voice, lang);
  // The key, not the text: the message follows a later language switch.
  const [shared, setShared] = useState<'result.shareCopied' | 'result.shareManual' | null>(null);
  // The first step renders at once; what lies below it in three more steps (useStages).
  const stage = useStages(3);
  usePrintUnfolds();
  const profile = useMemo(() => completeProfile(answers, content), [answers]);
  const outside = outsideFlanders(answers);
  const referral: Referral | null = useMemo(() => (profile ? refer(profile, content, lang as Lang, voice) : null), [profile, lang, voice]);
  const regional = useMemo(() => (outside && answers.region && answers.region !== 'flanders' ? referRegion(answers.region, content, lang, voice) : null), [outside, answers.region, lang, voice]);
  const recs: Array<Omit<Recommendation, 'score'>> = useMemo(() => referral?.recommendations ?? regional?.recommendations ?? [], [referral, regional]);
  const warnings = referral?.warnings ?? regional?.warnings ?? [];
  const engine = engineFor(content);
  const [first, ...others] = recs;
  const firstChannel = first ? content.channels[first.channel]! : undefined;

  // Each fact once: those behind the reasons, the cost lines and the exclusions, and the first channel's
  // misunderstandings worth clearing up. Background (history, figures) only for the advisor.
  const facts: Fact[] = useMemo(() => {
    const ids = new Set([
      ...recs.flatMap((r) => [...r.glanceFacts, ...r.facts]),
      ...(referral?.notEligible.flatMap((n) => n.facts) ?? []),
      ...(firstChannel?.facts.filter((f) => f.kind === 'myth').map((f) => f.id) ?? []),
    ]);
    return [...ids].map((id) => engine.fact(id)).filter((f): f is Fact => f !== undefined && (mode === 'intake' || !BACKGROUND_KINDS.has(f.kind)));
  }, [recs, referral, firstChannel, engine, mode]);

  async function share() {
    const url = `${location.origin}${location.pathname}${encodeShareFragment(answers)}`;
    try {
      await navigator.clipboard.writeText(url);
      setShared('result.shareCopied');
    } catch {
      setShared('result.shareManual');
    }
    history.replaceState(history.state, '', url);
  }

  return (
    <>
      <BackLink label={outside ? t('nav.back') : t('result.backToCheck')} />
      <PageHeading>{t('result.title')}</PageHeading>
      {mode === 'intake' ? <Notes /> : null}

      {first && firstChannel ? <FirstStep recommendation={first} channel={firstChannel} voice={voice} /> : null}

      {warnings.length ? (
        <div className="panel panel--warning"><h2 className="visually-hidden">{t('result.warnings')}</h2>{warnings.map((w) => <p key={w}>{w}</p>)}</div>
      ) : null}

      {stage >= 1 ? (<>
        {first && firstChannel ? <ChannelDetails recommendation={first} channel={firstChannel} answers={answers} profile={profile} voice={voice} handoff={mode !== 'owner'} /> : null}

        {others.length ? (
          <section aria-labelledby="others-title">
            <h2 id="others-title">{t('result.others')}</h2>
            <ol className="others">
              {others.map((r) => (
                <OtherChannel key={r.channel} recommendation={r} channel={content.channels[r.channel]!} firstName={content.channels[first!.channel]!.name[lang]}
                  answers={answers} profile={profile} voice={voice} handoff={mode !== 'owner'} />
              ))}
            </ol>
          </section>
        ) : null}

      </>) : null}
      {stage >= 2 ? (<>
        <NotNow notEligible={referral?.notEligible ?? []} notRecommended={referral?.notRecommended ?? []} />
        {referral ? <FirmPlace referral={referral} voice={voice} /> : null}
        {referral?.signals.length ? (
          <section aria-labelledby="signals-title"><details className="fold">
            <summary><h2 className="inline-heading" id="signals-title">{t('result.signals')}</h2></summary>
            <ul>
              {referral.signals.map((sig) => (
                <li key={sig.trigger}>
                  <strong>{content.triggers.find((x) => x.id === sig.trigger)!.label[lang]}</strong>:{' '}
                  {sig.channels.length ? sig.channels.map((id) => content.channels[id]!.name[lang]).join(', ') : t('result.signalNoChannel')}
                </li>
              ))}
            </ul>
          </details></section>
        ) : null}
      </>) : null}
      {stage >= 3 ? (<>
        <FactsAndSources facts={facts} />

        {mode === 'intake' && referral ? <AdvisorView referral={referral} /> : null}
        {mode === 'client' ? <ClientTools /> : null}
        {mode === 'intake' ? <IntakeExport /> : null}
        {mode !== 'owner' ? <SaveToDesk /> : null}
        {mode === 'client' ? <Letter recommendations={recs} facts={facts} /> : null}

        <div className="button-group no-print">
          <button type="button" className="button" onClick={() => window.print()}>{t('result.print')}</button>
          <button type="button" className="button button--secondary" onClick={share}>{t('result.share')}</button>
          <button type="button" className="button button--secondary" onClick={() => send({ type: 'RESTART' })}>{t('result.startAgain')}</button>
        </div>
        {shared ? <p role="status" className="share-status">{t(shared)}</p> : <p role="status" className="share-status" />}
      </>) : null}
    </>
  );
}
