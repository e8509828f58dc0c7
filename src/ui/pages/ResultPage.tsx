// The referral as the firm meets it: the first channel and why, the others ranked, what is not
// available, a path up the pyramid, sources with dates (when to apply is in each channel's reasons), and print / share / start again.
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, Fact } from '../../domain/content-model';
import { engineFor, refer, referRegion } from '../../domain/refer';
import type { Contact as RecommendationContact, Lang, Referral } from '../../domain/types';
import { completeProfile, outsideFlanders } from '../../wizard/answers';
import { encodeShareFragment } from '../../wizard/persistence';
import { PyramidSvg } from '../components/PyramidSvg';
import { AdvisorView } from './result/AdvisorView';
import { Handoff } from './result/Handoff';
import { IntakeTools } from './result/IntakeTools';
import { Letter } from './result/Letter';
import { SourceDates } from './result/SourceDates';
import { BackLink, PageHeading } from '../components/QuestionPage';
import { SafeText } from '../components/SafeText';
import { content, useLang } from '../content';
import { formatDate } from '../../domain/format';
import { useWizard } from '../wizard-context';

/** A phone number as a tel: link target (digits and a leading +). */
const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

/** Whom to call or mail first (the referral's contact for this firm): shown right under the channel's name. */
function FirstContact({ contact }: { contact: RecommendationContact }) {
  const { t } = useTranslation();
  return (
    <div className="first-contact">
      <p><strong>{contact.organisation}</strong></p>
      <ul className="contact">
        {contact.phone ? <li>{t('result.phone')}: <a href={telHref(contact.phone)}>{contact.phone}</a></li> : null}
        {contact.email ? <li>{t('result.email')}: <a href={`mailto:${contact.email}`}>{contact.email}</a></li> : null}
        {contact.address ? <li>{contact.address}</li> : null}
      </ul>
      {contact.note ? <p>{contact.note}</p> : null}
    </div>
  );
}

/** The channel's own web page and lines, leaving out what FirstContact (`shown`) already gives. */
function Contact({ channel, province, shown }: { channel: Channel; province?: string; shown?: RecommendationContact }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const c = channel.contact;
  const office = province ? c.offices?.[province as keyof NonNullable<typeof c.offices>] : undefined;
  const phone = c.phone && String(c.phone.value) !== shown?.phone ? String(c.phone.value) : undefined;
  const email = c.email && String(c.email.value) !== shown?.email ? String(c.email.value) : undefined;
  return (
    <ul className="contact">
      <li><a href={String(c.url.value)} rel="noopener noreferrer" target="_blank">{String(c.url.value).replace(/^https?:\/\//, '').replace(/\/$/, '')}<span className="visually-hidden"> ({pick(channel.name)})</span></a></li>
      {phone ? <li>{t('result.phone')}: <a href={telHref(phone)}>{phone}</a></li> : null}
      {email ? <li>{t('result.email')}: <a href={`mailto:${email}`}>{email}</a></li> : null}
      {office && office.name !== shown?.organisation ? <li>{office.name}{office.address ? `, ${office.address}` : ''}{office.phone ? `, ${office.phone}` : ''}</li> : null}
    </ul>
  );
}

function Reasons({ reasons }: { reasons: string[] }) {
  return <ul className="reasons">{reasons.map((r) => <li key={r}><SafeText text={r} /></li>)}</ul>;
}

export function ResultPage() {
  const { t, i18n } = useTranslation();
  const { lang, pick } = useLang();
  const { answers, send } = useWizard();
  const [shared, setShared] = useState<string | null>(null);
  // The first channel renders at once; everything below it in a second, interruptible render, so
  // opening a result never blocks the page for long (Lighthouse's total blocking time).
  const showAll = useDeferredValue(true, false);
  const profile = useMemo(() => completeProfile(answers, content), [answers]);
  const outside = outsideFlanders(answers);
  const referral: Referral | null = useMemo(() => (profile ? refer(profile, content, lang as Lang) : null), [profile, lang]);
  const regional = useMemo(() => (outside && answers.region && answers.region !== 'flanders' ? referRegion(answers.region, content, lang) : null), [outside, answers.region, lang]);
  const recs = referral?.recommendations ?? regional?.recommendations ?? [];
  const warnings = referral?.warnings ?? regional?.warnings ?? [];
  const engine = engineFor(content);
  const [first, ...others] = recs;
  const firstChannel = first ? content.channels[first.channel]! : undefined;

  const usedFacts: Fact[] = [...new Set([...(referral?.recommendations.flatMap((r) => r.facts) ?? []), ...(referral?.notEligible.flatMap((n) => n.facts) ?? [])])]
    .map((id) => engine.fact(id)).filter((f): f is Fact => f !== undefined);
  // Misunderstandings worth clearing up, unless a reason above already quotes them.
  const myths = firstChannel ? firstChannel.facts.filter((f) => f.kind === 'myth' && !first!.facts.includes(f.id)) : [];

  async function share() {
    const url = `${location.origin}${location.pathname}${encodeShareFragment(answers)}`;
    try {
      await navigator.clipboard.writeText(url);
      setShared(t('result.shareCopied'));
    } catch {
      setShared(t('result.shareManual'));
    }
    history.replaceState(history.state, '', url);
  }

  return (
    <>
      <BackLink label={outside ? t('nav.back') : t('result.backToCheck')} />
      <PageHeading>{t('result.title')}</PageHeading>
      {referral ? (
        <p className="lead profile-line">
          {t('result.profileLine', {
            size: pick(content.labels.sizeClass[referral.sizeClass]),
            segment: pick(content.labels.segment[referral.segment]),
            tech: pick(content.labels.techClass[referral.techClass]),
          })}
          {referral.sizeProvisional ? ` ${t('result.provisional')}` : ''}
        </p>
      ) : null}
      {warnings.length ? (
        <div className="panel panel--warning"><h2 className="visually-hidden">{t('result.warnings')}</h2>{warnings.map((w) => <p key={w}>{w}</p>)}</div>
      ) : null}

      {first && firstChannel ? (
        <section className="first-channel" aria-labelledby="first-title">
          <p className="caption">{t('result.startHere')}</p>
          <h2 id="first-title">{pick(firstChannel.name)}</h2>
          <FirstContact contact={first.contact} />
          {firstChannel.formerly ? <p className="formerly">{pick(firstChannel.formerly)}</p> : null}
          <p>{pick(firstChannel.summary)}</p>
          <h3>{t('result.whyFits')}</h3>
          <Reasons reasons={first.reasons} />
          <h3>{t('result.nextStep')}</h3>
          <p>{pick(firstChannel.firstStep)}</p>
          <h3>{t('result.contact')}</h3>
          <Contact channel={firstChannel} province={answers.province} shown={first.contact} />
          <Handoff channel={firstChannel} answers={answers} profile={profile} />
          {myths.length ? (
            <>
              <h3>{t('result.goodToKnow')}</h3>
              <ul>{myths.map((m) => <li key={m.id}>{pick(m.text)}</li>)}</ul>
            </>
          ) : null}
        </section>
      ) : null}

      {showAll ? (<>
        {others.length ? (
          <section aria-labelledby="others-title">
            <h2 id="others-title">{t('result.others')}</h2>
            <ol className="others">
              {others.map((r) => {
                const ch = content.channels[r.channel]!;
                const later = r.laterBecause.length ? r.laterBecause : [t('result.afterFirst', { first: pick(firstChannel!.name) })];
                return (
                  <li key={r.channel} className="other-channel">
                    <h3>{pick(ch.name)}</h3>
                    <p className="later">{later.join(' ')}</p>
                    <Reasons reasons={r.reasons} />
                    <p><strong>{t('result.nextStep')}:</strong> {pick(ch.firstStep)}</p>
                    <Contact channel={ch} province={answers.province} />
                    <Handoff channel={ch} answers={answers} profile={profile} />
                  </li>
                );
              })}
            </ol>
          </section>
        ) : null}

        {referral?.signals.length ? (
          <section aria-labelledby="signals-title">
            <h2 id="signals-title">{t('result.signals')}</h2>
            <ul>
              {referral.signals.map((sig) => (
                <li key={sig.trigger}>
                  <strong>{pick(content.triggers.find((x) => x.id === sig.trigger)!.label)}</strong>:{' '}
                  {sig.channels.length ? sig.channels.map((id) => pick(content.channels[id]!.name)).join(', ') : t('result.signalNoChannel')}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {referral?.notEligible.length ? (
          <section aria-labelledby="not-title">
            <h2 id="not-title">{t('result.notAvailable')}</h2>
            <ul>{referral.notEligible.map((n) => <li key={n.channel}><strong>{pick(content.channels[n.channel]!.name)}</strong>: {n.reason}</li>)}</ul>
          </section>
        ) : null}

        {referral ? (
          <section aria-labelledby="pyramid-heading">
            <h2 id="pyramid-heading">{t('result.pyramid')}</h2>
            <p>{t('result.yourSegment', { segment: pick(content.labels.segment[referral.segment]) })} {pick(content.pyramid.segments[referral.segment].meaning)}</p>
            <PyramidSvg segment={referral.segment} techClass={referral.techClass} />
            <h3>{t('result.pathUp')}</h3>
            <p>{pick(content.pyramid.segments[referral.segment].next)}</p>
          </section>
        ) : null}

        <section aria-labelledby="sources-title">
          <h2 id="sources-title">{t('result.sources')}</h2>
          {usedFacts.length ? (
            <ul className="sources">
              {usedFacts.map((f) => (
                <li key={f.id}>{pick(f.text)} <a href={f.source} rel="noopener noreferrer" target="_blank">{t('result.source')}<span className="visually-hidden">: {f.source}</span></a>, <SourceDates fact={f} /></li>
              ))}
            </ul>
          ) : null}
          <p>{t('result.contentVersion', { version: formatDate(content.meta.contentVersion, i18n.language) })}</p>
        </section>

        {referral ? <AdvisorView referral={referral} open={answers.mode === 'intake'} /> : null}
        <IntakeTools />
        <Letter recommendations={recs} facts={usedFacts} />

        <div className="button-group no-print">
          <button type="button" className="button" onClick={() => window.print()}>{t('result.print')}</button>
          <button type="button" className="button button--secondary" onClick={share}>{t('result.share')}</button>
          <button type="button" className="button button--secondary" onClick={() => send({ type: 'RESTART' })}>{t('result.startAgain')}</button>
        </div>
        {shared ? <p role="status" className="share-status">{shared}</p> : <p role="status" className="share-status" />}
      </>) : null}
    </>
  );
}
