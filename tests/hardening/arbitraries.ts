// fast-check arbitraries shared by the hardening tests: valid answers and profiles built from the
// domain's own vocabulary and the real content, and the nasty strings users and attackers send.
import fc from 'fast-check';
import { naceIndex } from '../../src/domain/nace';
import { INNOVATION_KEYS, PROVINCES, REGIONS, type Profile, type Region } from '../../src/domain/types';
import { STEPS, type Answers } from '../../src/wizard/answers';
import { MODES } from '../../src/wizard/modes';
import { content } from '../helpers';

const c = content();
export const needIds = c.needs.map((n) => n.id);
export const triggerIds = c.triggers.map((t) => t.id);

/** Markup that would run if anything ever put it in the page unescaped. */
export const SCRIPTS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "javascript:alert('x')",
  '</textarea><script>alert(1)</script>',
  '{{constructor.constructor("alert(1)")()}}',
] as const;
export const scriptArb = fc.constantFrom(...SCRIPTS);

/** Every code (division to subclass, normalised, as the wizard stores them) of Statbel's NACE-BEL 2008 and 2025 lists. */
export const NACE_CODES = [...new Set([...naceIndex(c.nace).codes['2008'], ...naceIndex(c.nace).codes['2025']])].sort();
/** Valid NACE codes: the content's groups and codes from both lists (a code must exist in its version's list). */
export const naceArb = fc.oneof(fc.constantFrom(...c.sectors.groups.map((g) => g.code), '25.62', '10.7', '62.01', '62.10'), fc.constantFrom(...NACE_CODES));

/** Headcounts around every size ceiling, plus arbitrary whole and fractional numbers (never -0). */
export const staffArb = fc.oneof(
  fc.constantFrom(0, 0.5, 9.99, 10, 49.99, 50, 249.5, 250, 100_000),
  fc.integer({ min: 0, max: 1_000 }),
  fc.double({ min: 0, max: 1e7, noNaN: true, noDefaultInfinity: true }),
);
export const euroArb = fc.oneof(
  fc.constantFrom(0, 2_000_000, 10_000_001, 43_000_000, 50_000_001),
  fc.integer({ min: 0, max: 200_000_000 }),
  fc.double({ min: 0, max: 1e12, noNaN: true, noDefaultInfinity: true }),
);
export const innovationArb = fc.record(Object.fromEntries(INNOVATION_KEYS.map((k) => [k, fc.boolean()])), { requiredKeys: [] });
export const needsArb = fc.uniqueArray(fc.constantFrom(...needIds), { minLength: 1, maxLength: 5 });
export const triggersArb = fc.uniqueArray(fc.constantFrom(...triggerIds), { maxLength: 4 });

/** Any text a user can type or paste: every code point, lone surrogates excluded (TextEncoder would replace them). */
export const textArb = (maxLength: number) => fc.string({ unit: 'binary', maxLength: Math.floor(maxLength / 2) });

/** The annotations an advisor types on the result page, with markup now and then. */
const annotationsArb = fc.record(
  {
    notes: fc.oneof(textArb(400), scriptArb),
    adviserName: fc.oneof(textArb(200), scriptArb),
    clientName: fc.oneof(textArb(200), scriptArb),
  },
  { requiredKeys: [] },
);

/** Complete answers of a Flemish firm, as the wizard holds them at the result page. */
export const flemishAnswersArb: fc.Arbitrary<Answers> = fc
  .tuple(
    fc.record({
      mode: fc.constantFrom(...MODES),
      region: fc.constant('flanders' as const),
      province: fc.constantFrom(...PROVINCES),
      staff: staffArb,
      turnoverEur: fc.option(euroArb, { nil: null }),
      balanceSheetEur: fc.option(euroArb, { nil: null }),
      ownedByLargeGroup: fc.boolean(),
      nace: naceArb,
      innovation: innovationArb,
      introducedAnswered: fc.constant(true),
      practicesAnswered: fc.constant(true),
      needs: needsArb,
      triggers: triggersArb,
      showTriggers: fc.boolean(),
      triggersAnswered: fc.constant(true),
    }),
    annotationsArb,
  )
  .map(([a, notes]) => ({ ...a, ...notes }));

const OUT_OF_REGION = REGIONS.filter((r): r is Exclude<Region, 'flanders'> => r !== 'flanders');
export const outOfRegionAnswersArb: fc.Arbitrary<Answers> = fc
  .tuple(fc.record({ mode: fc.constantFrom(...MODES), region: fc.constantFrom(...OUT_OF_REGION) }, { requiredKeys: ['region'] }), annotationsArb)
  .map(([a, notes]) => ({ ...a, ...notes }));

/** The fields the two saved-progress arbitraries below draw alike (the content does not restrict them). */
const savedFieldArbs = {
  mode: fc.constantFrom(...MODES),
  region: fc.constantFrom(...REGIONS),
  province: fc.constantFrom(...PROVINCES),
  staff: staffArb,
  turnoverEur: fc.option(euroArb, { nil: null }),
};

/**
 * Answers in any state of the walk that the saved-progress format accepts (any subset of fields,
 * text within its limits), not necessarily known to the content.
 */
export const partialAnswersArb: fc.Arbitrary<Answers> = fc.record(
  {
    ...savedFieldArbs,
    balanceSheetEur: fc.option(euroArb, { nil: null }),
    ownedByLargeGroup: fc.boolean(),
    nace: fc.oneof(naceArb, textArb(10)),
    innovation: innovationArb,
    introducedAnswered: fc.boolean(),
    practicesAnswered: fc.boolean(),
    needs: fc.array(fc.oneof(fc.constantFrom(...needIds), textArb(40)), { maxLength: 30 }),
    triggers: fc.array(fc.oneof(fc.constantFrom(...triggerIds), textArb(40)), { maxLength: 30 }),
    showTriggers: fc.boolean(),
    triggersAnswered: fc.boolean(),
    notes: fc.oneof(textArb(2_000), scriptArb, fc.constant('n'.repeat(20_000))),
    adviserName: fc.oneof(textArb(200), scriptArb),
    clientName: fc.oneof(textArb(200), scriptArb),
  },
  { requiredKeys: [] },
);

/** The same, with only what the current content knows (what parseSaved(raw, content) accepts). */
export const knownAnswersArb: fc.Arbitrary<Answers> = fc.record(
  {
    ...savedFieldArbs,
    nace: naceArb,
    innovation: innovationArb,
    introducedAnswered: fc.boolean(),
    needs: fc.uniqueArray(fc.constantFrom(...needIds), { maxLength: 5 }),
    triggers: fc.uniqueArray(fc.constantFrom(...triggerIds), { maxLength: 5 }),
    notes: fc.oneof(textArb(500), scriptArb),
  },
  { requiredKeys: [] },
);

export const stepArb = fc.constantFrom(...STEPS);

/** The Profile v1 fields after the region and the figures, drawn alike in and outside Flanders. */
const firmFieldArbs = {
  ownedByLargeGroup: fc.boolean(),
  nace: naceArb,
  innovation: innovationArb,
  needs: needsArb,
  triggers: triggersArb,
};

/** Valid Profile v1 (what the CLI and share links carry). */
export const profileArb: fc.Arbitrary<Profile> = fc.oneof(
  fc.record(
    {
      region: fc.constant('flanders' as const),
      province: fc.constantFrom(...PROVINCES),
      staff: staffArb,
      turnoverEur: euroArb,
      balanceSheetEur: euroArb,
      ...firmFieldArbs,
    },
    { requiredKeys: ['region', 'staff', 'nace', 'innovation', 'needs'] },
  ),
  fc.record(
    {
      region: fc.constantFrom(...OUT_OF_REGION),
      staff: staffArb,
      turnoverEur: euroArb,
      ...firmFieldArbs,
    },
    { requiredKeys: ['region', 'staff', 'nace', 'innovation', 'needs'] },
  ),
) as fc.Arbitrary<Profile>;

/** base64url of a JSON payload, as another encoder (Node's Buffer) writes it. */
export const fragmentOf = (payload: unknown) => `#r=${Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url')}`;
/** The JSON inside a share fragment. */
export const payloadOf = (hash: string) => JSON.parse(Buffer.from(hash.slice(3), 'base64url').toString('utf8')) as Record<string, unknown>;
