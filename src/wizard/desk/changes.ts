// "What changed" for a desk entry (issue 16, item 3): the firm is referred again with the content of
// today and compared with the snapshot saved with it (src/domain/referral-changes.ts), giving plain-
// language lines per channel, e.g. "kmo-portefeuille: ...". A firm outside Flanders has no referral to compare.
import type { Content } from '../../domain/content-model';
import { refer } from '../../domain/refer';
import { referralChanges, savedReferral, type ReferralChange, type SavedReferral } from '../../domain/referral-changes';
import type { Lang, Profile } from '../../domain/types';
import { voiceOf } from '../modes';
import type { DeskMode, DeskRecord } from './record';

export type RecordChange = ReferralChange;

/** The snapshot of a firm's referral with this content, as a record keeps it (null outside Flanders). */
export function snapshotFor(profile: Profile | null, mode: DeskMode, content: Content, lang: Lang): SavedReferral | null {
  return profile ? savedReferral(refer(profile, content, lang, voiceOf(mode)), content) : null;
}

/** The differences between the record's saved referral and the firm's referral with `content` today, in `lang`; [] when none. */
export function recordChanges(record: DeskRecord, content: Content, lang: Lang): RecordChange[] {
  if (!record.profile || !record.referral) return [];
  const now = snapshotFor(record.profile, record.mode, content, lang)!;
  return referralChanges(record.referral, now, content, lang);
}
