// Whom the texts speak to: the owner ("u") in owner mode; about the firm ("de onderneming") for an
// accountant (client mode) or an advisor (intake mode). Content keeps both (content/about-voice.yaml).
import type { Channel, Content, Text, Voice } from '../domain/content-model';

export { voiceOf } from '../wizard/modes';
export type { Voice };

/** A channel's summary, action or first step in the given voice. */
export function channelText(content: Content, channel: Channel, field: 'summary' | 'action' | 'firstStep', voice: Voice): Text {
  return voice === 'about' ? content.about.channels[channel.id]![field] : channel[field];
}

/** The pyramid's meaning of a segment, or the next step up, in the given voice. */
export function pyramidText(content: Content, segment: keyof Content['pyramid']['segments'], field: 'meaning' | 'next', voice: Voice): Text {
  return (voice === 'about' ? content.about.pyramid : content.pyramid.segments)[segment][field];
}
