// A recommended channel on the result: the first one as the action card (what to do, with whom, how to
// reach them, what it costs), the others as short cards; the why, the next steps and the links folded.
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../domain/content-model';
import type { Profile, Recommendation } from '../../../domain/types';
import type { Answers } from '../../../wizard/answers';
import { SafeText } from '../../components/SafeText';
import { content, useLang } from '../../content';
import { channelText, type Voice } from '../../voice';
import { ChannelLinks, ContactPoint, Glance } from './ChannelParts';
import { Handoff } from './lazy-tools';

type Shown = Omit<Recommendation, 'score'>;

/** The first channel: the one plain sentence to act on, the organisation with tap-to-call and mail links, cost and time. */
export function FirstStep({ recommendation, channel, voice }: { recommendation: Shown; channel: Channel; voice: Voice }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  return (
    <section className="first-channel" aria-labelledby="first-title">
      <p className="caption">{t('result.startHere', { name: pick(channel.name) })}</p>
      <h2 id="first-title">{pick(channelText(content, channel, 'action', voice))}</h2>
      <ContactPoint contact={recommendation.contact}><Glance recommendation={recommendation} /></ContactPoint>
    </section>
  );
}

/** What is folded under a channel: what it is, why it fits, the next step in detail, calls, its own links, the hand-off. */
function ChannelBody({ recommendation, channel, answers, profile, voice, handoff, contact }: {
  recommendation: Shown; channel: Channel; answers: Answers; profile: Profile | null; voice: Voice; handoff: boolean; contact: boolean;
}) {
  const { t } = useTranslation();
  const { pick } = useLang();
  return (
    <>
      {contact ? (<>
        <p><strong>{t('result.nextStep')}:</strong> {pick(channelText(content, channel, 'action', voice))}</p>
        <ContactPoint contact={recommendation.contact}><Glance recommendation={recommendation} /></ContactPoint>
      </>) : null}
      {channel.formerly ? <p className="formerly">{pick(channel.formerly)}</p> : null}
      <p>{pick(channelText(content, channel, 'summary', voice))}</p>
      {recommendation.why.length ? (<>
        <h3>{t('result.whyFits')}</h3>
        <ul className="reasons">{recommendation.why.map((r) => <li key={r}><SafeText text={r} /></li>)}</ul>
      </>) : null}
      <h3>{t('result.howItGoes')}</h3>
      <p>{pick(channelText(content, channel, 'firstStep', voice))}</p>
      <ChannelLinks channel={channel} shown={recommendation.contact} />
      {handoff ? <Handoff channel={channel} contact={recommendation.contact} answers={answers} profile={profile} /> : null}
    </>
  );
}

/** The first channel's details, folded under the action card. */
export function ChannelDetails(props: { recommendation: Shown; channel: Channel; answers: Answers; profile: Profile | null; voice: Voice; handoff: boolean }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  return (
    <details className="fold fold--first">
      <summary>{t('result.moreAbout', { name: pick(props.channel.name) })}</summary>
      <ChannelBody {...props} contact={false} />
    </details>
  );
}

/** Another channel: its name and the one line that says why it comes later (or what it adds), the rest folded. */
export function OtherChannel(props: { recommendation: Shown; channel: Channel; firstName: string; answers: Answers; profile: Profile | null; voice: Voice; handoff: boolean }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const { recommendation: r, channel, firstName } = props;
  const line = r.laterBecause[0] ?? r.why[0] ?? t('result.afterFirst', { first: firstName });
  return (
    <li className="other-channel">
      <h3>{pick(channel.name)}</h3>
      <p className="later"><SafeText text={line} /></p>
      <details className="fold">
        <summary>{t('result.moreAbout', { name: pick(channel.name) })}</summary>
        <ChannelBody {...props} contact />
      </details>
    </li>
  );
}
