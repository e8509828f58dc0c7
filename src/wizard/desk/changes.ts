// "What changed" for a desk entry (issue 16, item 3): the firm is referred again with the content of
// today and compared with the snapshot saved with it (src/domain/referral-changes.ts), giving plain-
// language lines per channel, e.g. "kmo-portefeuille: ...". A firm outside Flanders is compared on its region's
// front doors (which channels, in which order; eligibility is not known there).
import type { Content } from '../../domain/content-model';
import { refer, referRegion } from '../../domain/refer';
import { referralChanges, savedReferral, type ReferralChange, type SavedReferral } from '../../domain/referral-changes';
import type { Lang, Profile, Region } from '../../domain/types';
import { voiceOf } from '../modes';
import type { DeskMode, DeskRecord } from './record';

export type RecordChange = ReferralChange;

/**
 * The snapshot of a firm's referral with this content, as a record keeps it: from its profile in
 * Flanders, from its region elsewhere (`region`); null when there is neither.
 */
export function snapshotFor(profile: Profile | null, mode: DeskMode, content: Content, lang: Lang, region?: Region): SavedReferral | null {
  if (profile) return savedReferral(refer(profile, content, lang, voiceOf(mode)), content);
  return region && region !== 'flanders' ? savedReferral(referRegion(region, content, lang, voiceOf(mode)), content) : null;
}

/** The differences between the record's saved referral and the firm's referral with `content` today, in `lang`; [] when none. */
export function recordChanges(record: DeskRecord, content: Content, lang: Lang): RecordChange[] {
  if (!record.referral) return [];
  const now = snapshotFor(record.profile, record.mode, content, lang, record.region);
  return now ? referralChanges(record.referral, now, content, lang) : [];
}
