// A warm hand-off (client and intake mode): an e-mail to the firm's contact point for a channel,
// prefilled with the answers in short and the reasons (written about the firm), in the contact's
// language, that the user reviews and sends from their own mail program. Nothing is sent here.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../domain/content-model';
import { refer } from '../../../domain/refer';
import type { Contact, Lang, Profile } from '../../../domain/types';
import { stringsIn } from '../../../i18n';
import type { Answers } from '../../../wizard/answers';
import { answerRows } from '../../answer-summary';
import { loadNaceSearch } from '../../nace-search-data';
import { contentIn, useLang } from '../../content';

/** The contact's language: the user's own when the contact works in it, else the contact's first. */
export function handoffLanguage(channel: Channel, userLang: Lang): Lang {
  return channel.contact.languages.includes(userLang) ? userLang : channel.contact.languages[0]!;
}

export interface HandoffMail { lang: Lang; to?: string; subject: string; body: string }

/** One referral per profile and language, shared by the hand-offs of all channels on the page. */
const referrals = new Map<string, ReturnType<typeof refer>>();
function referIn(profile: Profile, content: Parameters<typeof refer>[1], lang: Lang) {
  const key = `${lang}:${JSON.stringify(profile)}`;
  let r = referrals.get(key);
  // About the firm: the mail goes to the contact point, so "u" would address the wrong person.
  if (!r) { if (referrals.size > 20) referrals.clear(); referrals.set(key, (r = refer(profile, content, lang, 'about'))); }
  return r;
}

/** The mail to `contact` (the recommendation's contact point for this firm) about `channel`. */
export async function handoffMail(channel: Channel, contact: Contact, answers: Answers, profile: Profile | null, userLang: Lang): Promise<HandoffMail> {
  const lang = handoffLanguage(channel, userLang);
  // A NACE-BEL 2025 code is named from the sector page's data, not loaded when the result came from a link.
  const [t, content] = await Promise.all([stringsIn(lang), contentIn(lang), answers.naceVersion === '2025' ? loadNaceSearch().catch(() => null) : null]);
  const mode = answers.mode ?? 'owner';
  const reasons = profile ? referIn(profile, content, lang).recommendations.find((r) => r.channel === channel.id)?.why ?? [] : [];
  const lines = [
    t('handoff.greeting', { mode }),
    '',
    t(`handoff.intro.${mode}`, { mode }),
    '',
    ...answerRows(answers, t, content, lang).map((r) => `${r.label}: ${r.value}`),
    ...(answers.clientName ? [`${t('letter.clientName', { mode })}: ${answers.clientName}`] : []),
    '',
    // The reasons themselves, not the quoted facts: a mailto link must stay short enough for every mail program.
    ...(reasons.length ? [t('handoff.why', { mode }), ...reasons.filter((r) => !r.includes('](')).slice(0, 2).map((r) => `- ${r}`), ''] : []),
    t('handoff.closing', { mode }),
    answers.adviserName ?? '',
  ];
  return {
    lang,
    to: contact.email,
    subject: t('handoff.subject', { mode, name: content.channels[channel.id]!.name[lang] }),
    body: lines.join('\n').trim(),
  };
}

export function mailtoHref(mail: HandoffMail): string {
  return `mailto:${mail.to ?? ''}?subject=${encodeURIComponent(mail.subject)}&body=${encodeURIComponent(mail.body)}`;
}

export function Handoff({ channel, contact, answers, profile }: { channel: Channel; contact: Contact; answers: Answers; profile: Profile | null }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const [mail, setMail] = useState<HandoffMail | null>(null);
  /** What the copy button did: nothing yet, copied, or the browser refused. */
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => {
    let live = true;
    // Prepared after the result has rendered (an effect), so the result itself shows first.
    void handoffMail(channel, contact, answers, profile, lang).then((m) => { if (live) setMail(m); });
    return () => { live = false; };
  }, [channel, contact, answers, profile, lang]);
  if (!mail) return null;
  const name = pick(channel.name);
  return (
    <p className="handoff no-print">
      {mail.to ? (
        <a className="button button--secondary" href={mailtoHref(mail)}>{t('handoff.email', { name })}</a>
      ) : (
        // No e-mail address: the text goes on the clipboard (and the button and its note say so).
        <button type="button" className="button button--secondary" onClick={() => {
          if (!navigator.clipboard) { setCopied('failed'); return; }
          navigator.clipboard.writeText(`${mail.subject}\n\n${mail.body}`).then(() => setCopied('copied'), () => setCopied('failed'));
        }}>{t('handoff.copy', { name })}</button>
      )}
      <span className="hint"> {t(mail.to ? 'handoff.note' : 'handoff.copyNote', { language: t(`languageName.${mail.lang}`), name })}</span>
      <span role="status">{copied === 'copied' ? ` ${t('handoff.copied', { name })}` : copied === 'failed' ? ` ${t('handoff.copyFailed')}` : ''}</span>
    </p>
  );
}
