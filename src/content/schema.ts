// zod schemas for every file in content/ (format described in content/README.md). Pure: no I/O.
// Each schema produces exactly a type of the domain's content model (src/domain/content-model.ts):
// `satisfies z.ZodType<T>` below checks the direction schema -> model, and the type test in
// tests/content/schema-types.test.ts checks that the two are equal.
import { zc as z } from '../domain/zod';
import {
  CALL_TIMINGS, FACT_KINDS, type AboutVoice, type Advisor, type CalendarTexts, type Call, type ChangeTexts, type Channel, type Choice, type Cluster, type College, type Condition, type EngineTexts, type Fact,
  type Labels, type Meta, type Policy, type Pyramid, type Rule, type Sectors, type TechClassTable, type Text, type ValidationMessages,
} from '../domain/content-model';
import { INNOVATION_KEYS, LANGS, NACE_VERSIONS, PROFILE_FIELDS as PROFILE_FIELD_NAMES, PROVINCES, REGIONS, SEGMENTS, SIZE_CLASSES, TECH_CLASSES } from '../domain/types';

const nonEmpty = z.string().trim().min(1, 'must not be empty');
/** Texts shown to users: no HTML (the safe markup is *emphasis* and [text](https://...), rendered by code). */
const safeText = nonEmpty.refine((s) => !/<\/?[a-z!][^>]*>/i.test(s), 'no HTML: use *emphasis* or [text](https://...)');
/** The safe markup, as SafeText (src/ui/components/SafeText.tsx) renders it. */
const MARKUP = /\[[^\]]+\]\(https?:\/\/[^\s)]+\)|\*[^*]+\*/;
const plainText = safeText.refine((s) => !MARKUP.test(s), 'shown as typed here: *emphasis* and [links](https://...) work only in reasons (reasons.yaml)');
/** A text shown as it is written. */
export const TextSchema = z.strictObject({ nl: plainText, en: plainText, fr: plainText }) satisfies z.ZodType<Text>;
/** A text that becomes (part of) a reason on the result page, which renders *emphasis* and [links](https://...). */
const MarkupTextSchema = z.strictObject({ nl: safeText, en: safeText, fr: safeText });
const TextListSchema = z.strictObject({ nl: z.array(nonEmpty), en: z.array(nonEmpty), fr: z.array(nonEmpty) });

/** YAML turns 2026-11-22 into a Date; accept both and keep an ISO date string. */
const DateSchema = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'),
);
const UrlSchema = z.string().regex(/^https?:\/\/\S+$/, 'must be a full URL starting with http:// or https://');

const SourcedSchema = z.strictObject({
  value: z.union([nonEmpty, z.number()]),
  source: UrlSchema,
  checked: DateSchema,
  /** The page's own date, where it shows one. */
  dated: DateSchema.optional(),
});


export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z
    .strictObject({
      all: z.array(ConditionSchema).min(1).optional(),
      any: z.array(ConditionSchema).min(1).optional(),
      not: ConditionSchema.optional(),
      sizeClass: z.array(z.enum(SIZE_CLASSES)).min(1).optional(),
      segment: z.array(z.enum(SEGMENTS)).min(1).optional(),
      techClass: z.array(z.enum(TECH_CLASSES)).min(1).optional(),
      region: z.array(z.enum(REGIONS)).min(1).optional(),
      province: z.array(z.enum(PROVINCES)).min(1).optional(),
      needs: z.array(nonEmpty).min(1).optional(),
      triggers: z.array(nonEmpty).min(1).optional(),
      nace: z.array(z.string().regex(/^\d{2}(\.\d{1,3})?$/, 'must be a NACE code like "10" or "25.62"')).min(1).optional(),
      innovation: z.array(z.enum(INNOVATION_KEYS)).min(1).optional(),
      sizeProvisional: z.boolean().optional(),
      ownedByLargeGroup: z.boolean().optional(),
    })
    .refine((c) => Object.keys(c).length > 0, 'a condition needs at least one key'),
);

/**
 * Words that speak to the reader, per language. A fact is quoted on the result page, in the channel's
 * cost-and-time line and in the referral letter an accountant (client mode) or an advisor (intake mode)
 * hands over, where "u"/"you"/"vous" would address the wrong person: facts are written about the firm.
 */
export const SECOND_PERSON_WORDS = { nl: ['u', 'uw', 'jij', 'je', 'jouw'], en: ['you', 'your', 'yours'], fr: ['vous', 'votre', 'vos'] } as const satisfies Record<(typeof LANGS)[number], readonly string[]>;
/**
 * The words as whole words, case-insensitive. JS `\b` knows only ASCII letters ("vóór u" would hide the
 * "u"), so the edges are "no letter or digit". A word right after a number is not the reader (the Dutch
 * "9 u" is "9 uur"); web and e-mail addresses are left out (a path may hold "-u-").
 */
const secondPerson = Object.fromEntries(LANGS.map((l) => [l, new RegExp(`(?<![\\p{L}\\p{N}])(?<!\\p{N}\\s?)(${SECOND_PERSON_WORDS[l].join('|')})(?![\\p{L}\\p{N}])`, 'giu')])) as Record<(typeof LANGS)[number], RegExp>;
/** The second-person words in `text` (language `lang`), each once, lower case, in order of appearance. */
export function secondPersonWords(text: string, lang: (typeof LANGS)[number]): string[] {
  const plain = text.replace(/https?:\/\/\S+|www\.\S+|\S+@\S+/g, ' ');
  return [...new Set([...plain.matchAll(secondPerson[lang])].map((m) => m[1]!.toLowerCase()))];
}

export const FactSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be kebab-case (a-z, 0-9, -)'),
  kind: z.enum(FACT_KINDS),
  text: TextSchema,
  value: z.union([nonEmpty, z.number()]).optional(),
  appliesTo: ConditionSchema.optional(),
  instrument: nonEmpty.optional(),
  source: UrlSchema,
  checked: DateSchema,
  changed: DateSchema.optional(),
  /** A few words quoting the value, for the channel's one-line summary (`glance`). */
  short: TextSchema.optional(),
  pageDate: DateSchema.optional(),
}).superRefine((fact, ctx) => {
  // Its text and its few words for the cost-and-time line (`short`) speak about the firm.
  for (const part of ['text', 'short'] as const) for (const lang of LANGS) {
    const words = secondPersonWords(fact[part]?.[lang] ?? '', lang);
    if (words.length) {
      ctx.addIssue({
        code: 'custom', path: [part, lang],
        message: `fact "${fact.id}"${part === 'short' ? ' `short`' : ''} (${lang}) speaks to the reader (${words.map((w) => `"${w}"`).join(', ')}): write it about the firm: 'een bedrijf', 'the firm', 'l'entreprise' (or in the passive); facts are also quoted to accountants and advisors`,
      });
    }
  }
}) satisfies z.ZodType<Fact>;

export const CallSchema = z
  .strictObject({
    id: nonEmpty,
    instrument: nonEmpty,
    title: TextSchema,
    opens: DateSchema.optional(),
    closes: DateSchema.optional(),
    /** A next call announced or expected, not yet confirmed by its own call text. */
    expected: z.boolean().optional(),
    source: UrlSchema,
    checked: DateSchema,
    pageDate: DateSchema.optional(),
  })
  .refine((c) => c.opens !== undefined || c.closes !== undefined, 'give `opens`, `closes` or both')
  .refine((c) => c.opens === undefined || c.closes === undefined || c.opens <= c.closes, '`opens` must not be after `closes`') satisfies z.ZodType<Call>;

const UnverifiedSchema = z.array(z.strictObject({ what: nonEmpty, note: nonEmpty })).default([]);

const OfficeSchema = z.strictObject({
  name: nonEmpty,
  address: nonEmpty.optional(),
  phone: nonEmpty.optional(),
  email: nonEmpty.optional(),
  url: UrlSchema.optional(),
  source: UrlSchema,
  checked: DateSchema,
});

export const ChannelSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  core: z.boolean(),
  serves: z.enum(['flanders', 'brussels', 'wallonia', 'abroad', 'all']),
  name: TextSchema,
  formerly: TextSchema.optional(),
  summary: TextSchema,
  eligibility: TextSchema,
  /** The first thing to do, in one plain sentence. */
  action: TextSchema,
  firstStep: TextSchema,
  /** Facts (with a `short`) that say what the channel costs and how long it takes. */
  glance: z.array(nonEmpty).default([]),
  contact: z.strictObject({
    /** The languages this contact works in (a hand-off e-mail is written in the first that the user also speaks, else the first). */
    languages: z.array(z.enum(LANGS)).min(1).default(['nl']),
    /** Who answers at the central url/phone/email. */
    organisation: TextSchema,
    url: SourcedSchema,
    phone: SourcedSchema.optional(),
    email: SourcedSchema.optional(),
    note: TextSchema.optional(),
    offices: z.partialRecord(z.enum(PROVINCES), OfficeSchema).optional(),
    /** The contact point is the first college of the firm's province with a phone or an e-mail (providers/colleges.yaml). */
    nearestCollege: z.boolean().optional(),
    /** Without a phone or e-mail for the firm, the contact of this channel is given instead, with the note. */
    via: z.strictObject({ channel: z.string().regex(/^[a-z0-9-]+$/), note: TextSchema }).optional(),
  }),
  excludes: z.array(z.strictObject({ when: ConditionSchema, reason: TextSchema, facts: z.array(nonEmpty).default([]) })).default([]),
  instruments: z
    .array(z.strictObject({ id: nonEmpty, name: TextSchema, summary: TextSchema, status: z.enum(['open', 'calls', 'closed', 'unknown']) }))
    .default([]),
  facts: z.array(FactSchema).default([]),
  calls: z.array(CallSchema).default([]),
  unverified: UnverifiedSchema,
  namesSectorClusters: z.boolean().optional(),
}) satisfies z.ZodType<Channel>;

export const RuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be kebab-case (a-z, 0-9, -)'),
  channel: nonEmpty,
  when: ConditionSchema,
  weight: z.number().int().refine((w) => w !== 0, 'must not be 0'),
  reason: nonEmpty,
  quote: z.array(nonEmpty).default([]),
  instrument: nonEmpty.optional(),
}) satisfies z.ZodType<Rule>;
export const RulesFileSchema = z.array(RuleSchema).min(1);

/** A reason is shown on its own (its quoted facts are listed apart, each with its source), so it ends as a sentence. */
const ReasonTextSchema = z.strictObject(Object.fromEntries(LANGS.map((l) => [l, safeText.refine((s) => !/:\s*$/.test(s), 'a reason stands alone (the result lists its quoted facts apart): end it with a full stop, not a colon')])) as Record<(typeof LANGS)[number], typeof safeText>);
export const ReasonsFileSchema = z.record(z.string(), ReasonTextSchema);

export const ChoiceSchema = z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), label: TextSchema, hint: TextSchema, unsure: z.boolean().optional() }) satisfies z.ZodType<Choice>;
export const ChoicesFileSchema = z.array(ChoiceSchema).min(1);

export const MetaSchema = z.strictObject({
  contentVersion: DateSchema,
  channelOrder: z.array(nonEmpty).min(1),
  /** Per region outside Flanders: the channel that is that region's front door. */
  frontDoors: z.strictObject({ brussels: nonEmpty, wallonia: nonEmpty, abroad: nonEmpty }),
}) satisfies z.ZodType<Meta>;

/**
 * A text with placeholders, shown as typed: in every language it uses each of `required` and no
 * placeholder other than those and `optional` (a misspelt {chanel} would show as written).
 */
function template(required: string[], optional: string[] = []) {
  return TextSchema.superRefine((text, ctx) => {
    for (const lang of LANGS) {
      const used = [...new Set([...text[lang].matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))];
      const missing = required.filter((n) => !used.includes(n));
      const unknown = used.filter((n) => !required.includes(n) && !optional.includes(n));
      if (missing.length || unknown.length) {
        const allowed = [...required, ...optional].map((n) => `{${n}}`).join(', ') || 'none';
        const said = [missing.length ? `missing ${missing.map((n) => `{${n}}`).join(', ')}` : '', unknown.length ? `unknown ${unknown.map((n) => `{${n}}`).join(', ')}` : ''].filter(Boolean).join('; ');
        ctx.addIssue({ code: 'custom', path: [lang], message: `placeholders: ${said} (this text takes ${allowed}${optional.length ? `; required: ${required.map((n) => `{${n}}`).join(', ') || 'none'}` : ''})` });
      }
    }
  });
}

/** Sentences the engine adds itself, outside the rules table (content/engine-texts.yaml). */
export const EngineTextsSchema = z.strictObject({
  warnings: z.strictObject({ figuresMissing: TextSchema, linkedEnterprise: TextSchema, outOfRegion: TextSchema, notSure: TextSchema, naceReadingsDiffer: TextSchema }),
  naceReading: TextSchema,
  naceNoProviders: TextSchema,
  /** Reason for a channel that does not serve the firm's region when its file has no matching exclude. */
  servesElsewhere: TextSchema,
  /** Added to a cluster recommendation: the clusters that match the firm's sector. {clusters} */
  clustersForSector: MarkupTextSchema,
  /** Added to a recommendation whose next step depends on the province. {office} */
  officeForProvince: MarkupTextSchema,
  /** Joins facts quoted with a reason: "{fact} (source: {source}, checked {checked})". */
  quotedFact: MarkupTextSchema,
  /** What would bring a channel into view: {channel} {conditions}; the phrases take {needs} {triggers} {segment} {sizeClass}. */
  opensWith: z.strictObject({ sentence: TextSchema, needs: TextSchema, triggers: TextSchema, segment: TextSchema, sizeClass: TextSchema, and: TextSchema, or: TextSchema }),
  /** The same with the page's own date: {pageDate}. */
  quotedFactDated: MarkupTextSchema,
  /** When the firm can apply: {instrument} {opens} {closes}. */
  callTiming: z.strictObject(Object.fromEntries(CALL_TIMINGS.map((k) => [k, MarkupTextSchema])) as Record<(typeof CALL_TIMINGS)[number], typeof MarkupTextSchema>),
  /** The answers counted as yes because others imply them: {implied} {because}. */
  impliedAnswers: TextSchema,
  changes: z.strictObject({
    ordinals: TextListSchema,
    added: template(['channel', 'rank']),
    removed: template(['channel']),
    rank: template(['channel', 'rank', 'before']),
    noLongerEligible: template(['channel', 'reason']),
    otherReason: template(['channel', 'reason']),
    nowEligible: template(['channel', 'rank']),
    nowEligibleNotRecommended: template(['channel']),
    factChanged: template(['channel', 'now', 'before']),
    factAdded: template(['channel', 'now']),
    factRemoved: template(['channel', 'before']),
    noChange: template([]),
    wasRefused: template(['channels']),
    nowRefused: template(['error']),
    onlyRanks: template([]),
  }) satisfies z.ZodType<ChangeTexts>,
  calendar: z.strictObject({
    followUpSummary: template(['firm']),
    followUpDescription: template(['firm']),
    followUpChannels: template(['channels']),
    referralLink: template(['date', 'url']),
    deadlineSummary: template(['instrument', 'firm']),
    deadlineExpectedSummary: template(['instrument', 'firm']),
    deadlineDescription: template(['call', 'closes', 'source', 'checked']),
  }) satisfies z.ZodType<CalendarTexts>,
}) satisfies z.ZodType<EngineTexts>;

/** A policy figure's dated value (openfisca-style): since, value, source, checked, pageDate. */
const dated = <T extends z.ZodType>(value: T) =>
  z.strictObject({ since: DateSchema, value, source: UrlSchema, checked: DateSchema, pageDate: DateSchema.optional() });
const SizeCeilingSchema = z.strictObject({
  sizeClass: z.enum(['micro', 'small', 'medium']),
  staffBelow: z.number().int().positive(),
  turnoverMax: z.number().positive(),
  balanceMax: z.number().positive(),
});
/** content/policy.yaml. Each figure's values oldest first; the ceilings micro, small, medium, each higher than the one before. */
export const PolicySchema = z.strictObject({
  smeCeilings: z.strictObject({
    description: TextSchema,
    values: z
      .array(
        dated(
          z
            .array(SizeCeilingSchema)
            .length(3)
            .refine((cs) => cs.map((c) => c.sizeClass).join() === 'micro,small,medium', 'list the classes micro, small, medium, in this order')
            .refine((cs) => cs.every((c, i) => i === 0 || (c.staffBelow > cs[i - 1]!.staffBelow && c.turnoverMax > cs[i - 1]!.turnoverMax && c.balanceMax > cs[i - 1]!.balanceMax)), 'each class\'s ceilings must be higher than the class before'),
        ),
      )
      .min(1)
      .refine((vs) => vs.every((v, i) => i === 0 || v.since > vs[i - 1]!.since), 'values must be in the order they took effect (each `since` later than the one before)'),
  }),
}) satisfies z.ZodType<Policy>;

const ProviderBase = { source: UrlSchema, checked: DateSchema };
export const ClusterSchema = z.strictObject({
  id: nonEmpty,
  kind: z.enum(['spearhead', 'ibn']),
  name: nonEmpty,
  domain: TextSchema,
  nace: z.array(z.string().regex(/^\d{2}(\.\d{1,3})?$/)).default([]),
  keywords: TextListSchema,
  status: z.enum(['active', 'ended', 'merged', 'unknown']),
  note: TextSchema.optional(),
  url: SourcedSchema.optional(),
  members: SourcedSchema.optional(),
  ...ProviderBase,
}) satisfies z.ZodType<Cluster>;
export const CollegeSchema = z.strictObject({
  id: nonEmpty,
  name: nonEmpty,
  provinces: z.array(z.enum(PROVINCES)).default([]),
  domains: TextSchema,
  url: SourcedSchema.optional(),
  nace: z.array(z.string().regex(/^\d{2}(\.\d{1,3})?$/, 'must be a NACE code like "10" or "25.62"')).min(1).optional(),
  contact: SourcedSchema.optional(),
  address: SourcedSchema.optional(),
  phone: SourcedSchema.optional(),
  email: SourcedSchema.optional(),
  ...ProviderBase,
}) satisfies z.ZodType<College>;
export const AdvisorSchema = z.strictObject({
  id: nonEmpty,
  province: z.union([z.enum(PROVINCES), z.literal('all')]),
  name: TextSchema,
  address: SourcedSchema.optional(),
  phone: SourcedSchema.optional(),
  email: SourcedSchema.optional(),
  url: SourcedSchema.optional(),
}) satisfies z.ZodType<Advisor>;
const providerFile = <T extends z.ZodType>(item: T) => z.strictObject({ items: z.array(item), unverified: UnverifiedSchema });
export const ClustersFileSchema = providerFile(ClusterSchema);
export const CollegesFileSchema = providerFile(CollegeSchema);
export const AdvisorsFileSchema = providerFile(AdvisorSchema);

const SectorEntry = { name: TextSchema, keywords: TextListSchema.optional() };
export const SectorsFileSchema = z.strictObject({
  source: UrlSchema,
  checked: DateSchema,
  sections: z.array(z.strictObject({ code: z.string().regex(/^[A-U]$/), name: TextSchema, divisions: z.array(z.string()) })),
  divisions: z.array(z.strictObject({ code: z.string().regex(/^\d{2}$/), section: z.string(), ...SectorEntry })),
  groups: z.array(z.strictObject({ code: z.string().regex(/^\d{2}\.\d$/), division: z.string(), ...SectorEntry })),
}) satisfies z.ZodType<Sectors>;

const techClass = z.enum(TECH_CLASSES);
/** Tabel 13 of one NACE-BEL version (content/nace/tech-classes.yaml). */
const TechClassTableSchema = z
  .strictObject({
    title: nonEmpty,
    source: UrlSchema,
    checked: DateSchema,
    inForce: DateSchema,
    derivedBy: nonEmpty.optional(),
    rule: nonEmpty.optional(),
    divisions: z.partialRecord(techClass, z.array(z.string().regex(/^\d{2}$/, 'must be a NACE division like "25"'))),
    groups: z.record(z.string().regex(/^\d{2}\.\d$/, 'must be a NACE group like "25.4"'), techClass),
    classes: z.record(z.string().regex(/^\d{2}\.\d{2}$/, 'must be a NACE class like "33.18"'), techClass),
  })
  .refine((t) => (t.derivedBy === undefined) === (t.rule === undefined), { message: 'a derived table gives both `derivedBy` and `rule`', path: ['rule'] }) satisfies z.ZodType<TechClassTable>;
export const TechClassesFileSchema = z.strictObject({ nace2008: TechClassTableSchema, nace2025: TechClassTableSchema });

const ScenarioSchema = z.strictObject({
  name: nonEmpty,
  rationale: nonEmpty,
  profile: z.unknown(),
  expect: z
    .strictObject({
      first: nonEmpty.optional(),
      top2: z.array(nonEmpty).length(2).optional(),
      absent: z.array(nonEmpty).default([]),
      outOfRegion: z.boolean().optional(),
      notEligible: z.array(nonEmpty).optional(),
      /** The technology class the referral gives (Tabel 13 of the version the code is read in). */
      techClass: z.enum(TECH_CLASSES).optional(),
      /** The NACE-BEL version the referral read the code in. */
      naceVersion: z.enum(NACE_VERSIONS).optional(),
      /** Whether the referral warns that the 2008 and 2025 readings of the code differ (and names both). */
      naceWarning: z.boolean().optional(),
      /** The profile must be refused: an error on `field` whose English message contains `says`. */
      refused: z.strictObject({ field: nonEmpty, says: nonEmpty }).optional(),
      /** Rules that must fire for this profile (so the scenario covers what they point to). */
      fires: z.array(nonEmpty).optional(),
      /** Channels that must be recommended, in any place. */
      recommends: z.array(nonEmpty).optional(),
    })
    .refine((e) => e.first !== undefined || e.top2 !== undefined || e.refused !== undefined, 'give `first`, `top2` or `refused`')
    .refine((e) => e.refused === undefined || (e.first === undefined && e.top2 === undefined && e.absent.length === 0), 'a refused profile has no referral: give `refused` alone'),
});
export const ScenariosFileSchema = z.array(ScenarioSchema).min(1);

export const ValidationMessagesSchema = z.strictObject({
  problems: z.strictObject({
    missing: TextSchema,
    wrongValue: TextSchema,
    unknownField: TextSchema,
    provinceOutsideFlanders: TextSchema,
    duplicate: TextSchema,
    notAnObject: TextSchema,
    ambiguousNumber: TextSchema,
    tooLarge: TextSchema,
    extraCells: TextSchema,
    naceUnknown: TextSchema,
    naceNear: TextSchema,
    naceLeadingZero: TextSchema,
    naceLeadingZeroBoth: TextSchema,
  }),
  expectedPrefix: TextSchema,
  expected: z.strictObject({
    region: TextSchema,
    province: TextSchema,
    staff: TextSchema,
    turnoverEur: TextSchema,
    balanceSheetEur: TextSchema,
    ownedByLargeGroup: TextSchema,
    nace: TextSchema,
    naceVersion: TextSchema,
    innovation: TextSchema,
    innovationKey: TextSchema,
    needs: TextSchema,
    triggers: TextSchema,
    fieldNames: TextSchema,
  }),
  columns: z.strictObject(Object.fromEntries(['name', ...PROFILE_FIELD_NAMES].map((f) => [f, z.array(nonEmpty)])) as Record<'name' | (typeof PROFILE_FIELD_NAMES)[number], z.ZodArray<typeof nonEmpty>>),
  values: z.strictObject({
    region: z.partialRecord(z.enum(REGIONS), z.array(nonEmpty)),
    province: z.partialRecord(z.enum(PROVINCES), z.array(nonEmpty)),
    needs: z.record(z.string(), z.array(nonEmpty)),
    triggers: z.record(z.string(), z.array(nonEmpty)),
    boolean: z.strictObject({ true: z.array(nonEmpty), false: z.array(nonEmpty) }),
  }),
}) satisfies z.ZodType<ValidationMessages>;
const labelMap = <T extends readonly [string, ...string[]]>(ids: T) => z.strictObject(Object.fromEntries(ids.map((id) => [id, TextSchema])) as Record<T[number], typeof TextSchema>);
export const LabelsSchema = z.strictObject({
  sizeClass: labelMap(SIZE_CLASSES),
  segment: labelMap(SEGMENTS),
  techClass: labelMap(TECH_CLASSES),
  region: labelMap(REGIONS),
  province: labelMap(PROVINCES),
}) satisfies z.ZodType<Labels>;

const Distribution = z.strictObject(Object.fromEntries(SEGMENTS.map((id) => [id, z.number().min(0).max(100)])) as Record<(typeof SEGMENTS)[number], z.ZodNumber>);
export const PyramidSchema = z.strictObject({
  distribution: z.strictObject({ source: UrlSchema, checked: DateSchema, note: TextSchema, 'high-tech': Distribution, 'low-tech': Distribution, total: Distribution }),
  groupNames: z.strictObject({ 'high-tech': TextSchema, 'low-tech': TextSchema, total: TextSchema }),
  segments: z.strictObject(Object.fromEntries(SEGMENTS.map((id) => [id, z.strictObject({ meaning: TextSchema, next: TextSchema })])) as Record<(typeof SEGMENTS)[number], z.ZodObject<{ meaning: typeof TextSchema; next: typeof TextSchema }>>),
}) satisfies z.ZodType<Pyramid>;

/** content/about-voice.yaml: the texts that speak to the owner, written about the firm (client and intake mode). */
export const AboutVoiceSchema = z.strictObject({
  reasons: z.record(z.string(), ReasonTextSchema),
  channels: z.record(z.string(), z.strictObject({
    summary: TextSchema,
    action: TextSchema,
    firstStep: TextSchema,
    contactNote: TextSchema.optional(),
    viaNote: TextSchema.optional(),
    excludes: z.array(TextSchema).default([]),
  })),
  engineTexts: z.strictObject({
    warnings: z.strictObject({ figuresMissing: TextSchema, linkedEnterprise: TextSchema, outOfRegion: TextSchema, notSure: TextSchema, naceReadingsDiffer: TextSchema }),
    servesElsewhere: TextSchema,
    clustersForSector: MarkupTextSchema,
    officeForProvince: MarkupTextSchema,
  }),
  pyramid: z.strictObject(Object.fromEntries(SEGMENTS.map((id) => [id, z.strictObject({ meaning: TextSchema, next: TextSchema })])) as Record<(typeof SEGMENTS)[number], z.ZodObject<{ meaning: typeof TextSchema; next: typeof TextSchema }>>),
}) satisfies z.ZodType<AboutVoice>;

export type Scenario = z.infer<typeof ScenarioSchema>;
