// The pieces every channel on the result shows: whom to contact (tap to call or mail), what it costs
// and how long it takes, and the channel's own web page (when to apply is among its reasons).
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../domain/content-model';
import type { Contact as RecommendationContact, Recommendation } from '../../../domain/types';
import { useLang } from '../../content';

/** A phone number as a tel: link target (digits and a leading +). */
export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

/** Whom to call or mail for this channel (the referral's contact for this firm), with tap-to-call and mail links; `children` (cost and time) comes before the contact's note. */
export function ContactPoint({ contact, children }: { contact: RecommendationContact; children?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="contact-point">
      <p className="contact-organisation"><strong>{contact.organisation}</strong></p>
      <ul className="contact">
        {contact.phone ? <li>{t('result.phone')}{t('result.colon')} <a href={telHref(contact.phone)}>{contact.phone}</a></li> : null}
        {contact.email ? <li>{t('result.email')}{t('result.colon')} <a href={`mailto:${contact.email}`}>{contact.email}</a></li> : null}
        {contact.address ? <li>{contact.address}</li> : null}
      </ul>
      {children}
      {contact.note ? <p className="contact-note">{contact.note}</p> : null}
    </div>
  );
}

/** What the channel costs and how long it takes, in one line from sourced facts (or: ask at the first contact). */
export function Glance({ recommendation }: { recommendation: Pick<Recommendation, 'glance'> }) {
  const { t } = useTranslation();
  return (
    <p className="glance">
      <strong>{t('result.costTime')}{t('result.colon')}</strong>{' '}
      {recommendation.glance.length ? recommendation.glance.join(' · ') : t('result.costTimeAsk')}
    </p>
  );
}

/** The channel's own web page, and its central phone and e-mail where they differ from the contact point shown. */
export function ChannelLinks({ channel, shown }: { channel: Channel; shown?: RecommendationContact }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const c = channel.contact;
  const url = String(c.url.value);
  const phone = c.phone && String(c.phone.value) !== shown?.phone ? String(c.phone.value) : undefined;
  const email = c.email && String(c.email.value) !== shown?.email ? String(c.email.value) : undefined;
  return (
    <ul className="contact">
      <li>{t('result.website')}{t('result.colon')} <a href={url} rel="noopener noreferrer" target="_blank">{url.replace(/^https?:\/\//, '').replace(/\/$/, '')}<span className="visually-hidden"> ({pick(channel.name)})</span></a></li>
      {phone ? <li>{t('result.phone')}{t('result.colon')} <a href={telHref(phone)}>{phone}</a></li> : null}
      {email ? <li>{t('result.email')}{t('result.colon')} <a href={`mailto:${email}`}>{email}</a></li> : null}
    </ul>
  );
}
