// Referral v1 as a zod schema: the shape `refer()` returns (Referral in types.ts) and `referRegion()`
// returns for a firm outside Flanders (RegionReferral). The engine builds referrals itself and never
// parses one; this schema exists to publish the contract (src/cli/json-schemas.ts writes it as JSON
// Schema to public/schemas/) and to test that real referrals keep to it (tests/contracts).
// Its output types equal the interfaces: tests/contracts/json-schemas.test.ts asserts that at compile time.
import { z } from './zod';
import type { Content } from './content-model';
import { INNOVATION_KEYS, NACE_VERSIONS, SEGMENTS, SIZE_CLASSES, TECH_CLASSES, type OutsideRegion } from './types';

/** The regions whose firms get a RegionReferral (to their own region's front door). */
export const OUTSIDE_REGIONS = ['brussels', 'wallonia', 'abroad'] as const satisfies readonly OutsideRegion[];

/**
 * Ids the content defines, to list in the schema as enums (with a label each in the description):
 * channels (content/channels/*.yaml) and warning lights (content/triggers.yaml). Without them those
 * fields are plain strings. Rule and fact ids stay strings: they change with almost every content edit.
 */
export interface ReferralIds {
  channels: ReadonlyArray<{ id: string; label: string }>;
  triggers: ReadonlyArray<{ id: string; label: string }>;
}

/** The channel and warning-light ids of a content, with their English names. */
export function referralIds(content: Content): ReferralIds {
  return {
    channels: content.meta.channelOrder.map((id) => ({ id, label: content.channels[id]?.name.en ?? id })),
    triggers: content.triggers.map((t) => ({ id: t.id, label: t.label.en })),
  };
}

/** "id = label; id = label" for a description. */
const listed = (items: ReadonlyArray<{ id: string; label: string }>) => items.map((i) => `${i.id} = ${i.label}`).join('; ');

const texts = (what: string) => z.array(z.string()).check(z.describe(what));

/** The zod schemas of Referral v1 and of a region referral; with `ids`, channel and trigger ids are enums. */
export function referralSchemas(ids?: ReferralIds) {
  const channelId = ids?.channels.length ? z.enum(ids.channels.map((c) => c.id) as [string, ...string[]]) : z.string();
  // The list of channels once (on the recommendations), a pointer to it elsewhere.
  const recommended = channelId.check(z.describe(`Channel id${ids ? `: ${listed(ids.channels)}` : ''}. Channels are defined in content/channels/ (one YAML file each).`));
  const channel = channelId.check(z.describe('Channel id, as in recommendations[].channel.'));
  const trigger = (ids?.triggers.length ? z.enum(ids.triggers.map((t) => t.id) as [string, ...string[]]) : z.string())
    .check(z.describe(`Warning-light id, as in Profile.triggers${ids ? `: ${listed(ids.triggers)}` : ''}.`));
  const rank = z.int().check(z.minimum(1), z.describe('Position in the ranking: 1 is the channel to go to first; ranks are 1, 2, 3, ... in array order.'));
  const reasons = texts('Why this channel, in the requested language: sentences from content/reasons.yaml, the firm\'s provincial office or sector clusters where they apply, and quoted facts ending in a Markdown link to their source with the date it was checked, e.g. "... ([source](https://...), checked on 22 November 2026)".');
  const laterBecause = texts('Why this channel ranks lower than it otherwise would (rules with a negative weight), in the requested language; often empty.');
  const rules = z.array(z.string()).check(z.describe('Ids of the rules (content/rules.yaml) that added to this channel, in the order of rules.yaml.'));
  const facts = z.array(z.string()).check(z.describe('Ids of the facts quoted in `reasons` (content/channels/*.yaml). A fact is quoted once per referral, under the first channel that quotes it.'));
  const contact = z.strictObject({
    organisation: z.string().check(z.describe('Who to contact (an office, a university college, an agency), in the requested language.')),
    phone: z.optional(z.string().check(z.describe('Phone number, as written on the source page.'))),
    email: z.optional(z.string().check(z.describe('E-mail address.'))),
    url: z.optional(z.string().check(z.describe('Web page of the contact point.'))),
    address: z.optional(z.string().check(z.describe('Street address.'))),
    note: z.optional(z.string().check(z.describe('What to ask for, or why this point rather than the channel itself (e.g. the channel has no confirmed phone or e-mail, so the innovation advisor is the way in), in the requested language.'))),
  }).check(z.describe('Whom to contact first for this channel: the channel\'s office for the firm\'s province, else a university college of that province (for channels that work through the colleges), else the channel\'s central contact; when that has no phone or e-mail, the contact of the channel named as the way in. Every value comes from content/ with its source URL and checked date.'));
  const why = texts('The reason sentences alone: `reasons` without the quoted facts (which `facts` lists), in the requested language.');
  const glance = texts('What the channel costs and how long it takes, in a few words each (e.g. "30% of the cost", "up to EUR 7,500 a year"): the short form of the sourced facts in `glanceFacts` that apply to this firm; may be empty.');
  const glanceFacts = z.array(z.string()).check(z.describe('Ids of the facts behind `glance`, same order (content/channels/*.yaml, each with its source and checked date).'));
  const contentVersion = z.string().check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/),
    z.describe('Version of the content (rules, channels, facts) that made this referral: a date, YYYY-MM-DD (content/meta.yaml).'),
  );
  const warnings = texts('Things the firm should know, in the requested language: it has no operations in Flanders, its size is provisional (figures missing, or owned by a large group), it is not sure what it needs, an answer was counted as yes because another implies it.');
  const day = (what: string) => z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/), z.describe(what)));
  const applications = z.optional(z.array(z.strictObject({
    instrument: z.string().check(z.describe('Instrument id (the channel\'s `instruments` in content/channels/).')),
    timing: z.enum(['openUntil', 'nextOpens', 'nextExpected', 'anyTime', 'closedNoNext']).check(z.describe('openUntil: a call is open now; nextOpens: the next call is confirmed; nextExpected: a next call is expected but not confirmed; anyTime: no calls, apply any time; closedNoNext: the last known call closed and no next one is known (such a channel is never ranked first while another is recommended).')),
    opens: day('The day the (next) call opens, YYYY-MM-DD, where known.'),
    closes: day('The day the call closes (or the last known call closed), YYYY-MM-DD, where known.'),
  })).check(z.describe('When the firm can apply for the instruments the rules of this channel point to, on the day of the referral (also said in `reasons`). Left out when nothing is known.')));

  const recommendation = z.strictObject({
    channel: recommended,
    rank,
    score: z.int().check(z.minimum(1), z.describe('Sum of the weights of the rules that fired for this channel (only channels with a positive sum are recommended). Compare within one referral only.')),
    reasons,
    laterBecause,
    rules,
    facts,
    why,
    glance,
    glanceFacts,
    contact,
    applications,
  }).check(z.describe('A channel the firm is referred to.'));

  const referral = z.strictObject({
    sizeClass: z.enum(SIZE_CLASSES).check(z.describe('Size class by the EU SME definition (Recommendation 2003/361/EC): staff in annual work units and turnover or balance-sheet total in EUR.')),
    sizeProvisional: z.boolean().check(z.describe('True when the size class could change with more information: a missing turnover or balance-sheet total could lower it, or the firm is owned by a large group (a linked enterprise, whose group\'s figures count too).')),
    segment: z.enum(SEGMENTS).check(z.describe('Place in the innovation pyramid (Tabel 12), from the `innovation` answers: leader, developer, applier, follower, non-innovator.')),
    techClass: z.enum(TECH_CLASSES).check(z.describe('Technology class of the sector from its NACE-BEL code (Tabel 13, OECD/Eurostat classification of manufacturing; for NACE-BEL 2025 codes carried over through Eurostat\'s class correspondence by this project, content/nace/tech-classes.yaml); non-manufacturing for every code outside divisions 10-33.')),
    naceVersion: z.enum(NACE_VERSIONS).check(z.describe('The NACE-BEL version the code was read in: the profile\'s naceVersion; without one, 2008 where the code exists in the 2008 list, else 2025.')),
    naceVersionAssumed: z.boolean().check(z.describe('True when the profile gave no naceVersion and the code exists in both versions; where the two readings differ (technology class or sector organisations), warnings names both.')),
    outOfRegion: z.boolean().check(z.describe('True when the firm has no operations in the Flemish Region (region is not "flanders"): it is referred to its own region\'s front door first.')),
    recommendations: z.array(recommendation).check(z.describe('The channels to go to, best first.')),
    notEligible: z.array(z.strictObject({
      channel,
      reason: z.string().check(z.describe('Why the firm cannot use this channel, in the requested language.')),
      facts: z.array(z.string()).check(z.describe('Ids of the facts that ground the reason.')),
    }).check(z.describe('A channel that a rule asked for (or a core channel) but that excludes this firm.'))).check(z.describe('Channels the firm is not eligible for, with the reason.')),
    notRecommended: z.array(z.strictObject({
      channel,
      opensWith: z.string().check(z.describe('One sentence, in the requested language, on what would bring the channel into view, built from the rule that needs the fewest changed answers (what the firm asks, what is happening, how it innovates, its size).')),
    })).check(z.describe('Channels neither recommended nor excluded that a changed answer could bring into view, in channel order.')),
    warnings,
    impliedAnswers: z.optional(z.array(z.strictObject({
      key: z.enum(INNOVATION_KEYS).check(z.describe('The innovation answer counted as yes.')),
      because: z.enum(INNOVATION_KEYS).check(z.describe('The yes it follows from.')),
    })).check(z.describe('Innovation answers counted as yes because another implies them (Community Innovation Survey logic: in-house R&D or R&D staff is spending on innovation); left out when none.'))),
    firedRules: z.array(z.strictObject({
      id: z.string().check(z.describe('Rule id (content/rules.yaml).')),
      channel,
      weight: z.int().check(z.describe('The rule\'s weight: positive recommends the channel, negative ranks it lower.')),
    })).check(z.describe('Every rule that fired, with its weight, in the order of content/rules.yaml: the advisor\'s view of the reasoning.')),
    signals: z.array(z.strictObject({
      trigger,
      channels: z.array(channel).check(z.describe('Recommended channels that a rule naming this warning light added to, in rank order (may be empty).')),
    })).check(z.describe('One entry per warning light in the profile (Profile.triggers, same order): which recommended channels it led to.')),
    contentVersion,
  }).check(z.describe('Referral v1: where a firm should go for innovation support, and why.'));

  const regionReferral = z.strictObject({
    region: z.enum(OUTSIDE_REGIONS).check(z.describe('The firm\'s region (outside Flanders).')),
    outOfRegion: z.literal(true).check(z.describe('Always true.')),
    recommendations: z.array(z.strictObject({ channel: recommended, rank, reasons, laterBecause, rules, facts, why, glance, glanceFacts, contact, applications }).check(z.describe('A channel the firm is referred to (no score: only the rules on the region count).')))
      .check(z.describe('The region\'s front door first, then any channel that serves firms from that region.')),
    warnings,
    contentVersion,
  }).check(z.describe('Region referral v1: for a firm known only by its region outside Flanders, which is sent straight to its own region\'s front door.'));

  return { referral, regionReferral };
}
