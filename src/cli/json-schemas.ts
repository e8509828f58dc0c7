// `npm run schemas [-- --check] [-- --out DIR]`: the published contracts as JSON Schema (draft 2020-12),
// made from the zod schemas with zod's own toJSONSchema, for accountancy software or a CRM to validate
// what it sends and receives:
//   public/schemas/profile-v1.schema.json   Profile v1: the input of refer(), the CLI and share links
//   public/schemas/referral-v1.schema.json  Referral v1: what refer() returns
//   public/schemas/intake-v1.schema.json    the intake file an innovation advisor exports and imports
// public/ is served as-is, so the app publishes them at /schemas/... too. The files are checked in:
// after a change to a schema (or to the need, warning-light or channel ids and names in content/)
// run `npm run schemas`; `--check` writes nothing and exits 1 naming each file that is out of date
// (tests/contracts/json-schemas.test.ts runs it).
//
// Descriptions of the Profile and intake fields are added here (the zod schemas that the app runs stay
// lean); Referral v1 carries its own (src/domain/referral-schema.ts). Three rules of Profile v1 that zod
// checks in code are written out as JSON Schema keywords: the NACE-BEL code format (`pattern`), no
// duplicate ids (`uniqueItems`) and a province only in Flanders (`dependentSchemas`).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ContentError, loadContent } from '../content/load';
import type { Content } from '../domain/content-model';
import { NACE_DIVISIONS } from '../domain/nace';
import { profileSchema } from '../domain/profile';
import { referralIds, referralSchemas } from '../domain/referral-schema';
import type { InnovationKey, Profile } from '../domain/types';
import { z } from '../domain/zod';
import type { Intake } from '../wizard/intake';
import { intakeSchema } from '../wizard/intake-schema';

export const SCHEMAS_DIR = resolve(import.meta.dirname, '../../public/schemas');
/** Where the app serves them; the `$id` of each file (resolved against the app's address). */
const PUBLISHED_AT = '/schemas/';

type Json = Record<string, unknown>;

/** "id = English label; ..." */
const listed = (items: ReadonlyArray<{ id: string; label: { en: string } }>) => items.map((i) => `${i.id} = ${i.label.en}`).join('; ');

/** A NACE-BEL code as the engine reads it (src/domain/nace.ts normaliseNace): an existing division, then up to 3 digits, dot optional. */
const NACE_PATTERN = `^(${NACE_DIVISIONS.join('|')})(\\.?[0-9]{1,3})?$`;

function profileDocs(content: Content): Record<keyof Profile, Json> {
  return {
    region: { description: 'Where the firm operates (has a site): flanders = Flemish Region, brussels = Brussels-Capital Region, wallonia = Walloon Region, abroad = outside Belgium. A firm outside Flanders is referred to its own region\'s front door.' },
    province: { description: 'Flemish province of the firm\'s site, for a firm in Flanders only (leave it out elsewhere). Optional: it adds the provincial office to the reasons.' },
    staff: { description: 'Staff in annual work units (AWU, EU SME definition): full-time staff for the whole year; part-time or part-year work counts pro rata, so someone working half-time all year counts as 0.5. A number from 0, decimals allowed, e.g. 12 or 12.5.' },
    turnoverEur: { description: 'Annual turnover in EUR, of the last closed financial year; a number from 0. Leave it out when unknown: the size class is then provisional.' },
    balanceSheetEur: { description: 'Balance-sheet total in EUR, of the last closed financial year; a number from 0. Leave it out when unknown.' },
    ownedByLargeGroup: { description: 'True when 25% or more of the firm (shares or voting rights) is held by another enterprise or a public body: then the group\'s figures count too and the size class is provisional. Leave it out or false otherwise.' },
    nace: {
      description: 'Main activity as a NACE-BEL code (as in the Crossroads Bank for Enterprises, KBO), of the version in naceVersion: a division of 2 digits followed by up to 3 more, the dot optional, e.g. "25.62", "2562", "25.620", "01110" (the KBO\'s 5 digits), "25.6" or "25". The code must exist in Statbel\'s list of its version (of either version when naceVersion is left out), which this pattern does not check. An undotted code of 3 or 4 digits that also exists with a leading zero put back ("1110" = 01.110, "111" = 01.11) is refused: a spreadsheet drops that zero, so write the dot or all 5 digits. Send it as a string (the engine also accepts a JSON number and surrounding spaces, which this schema does not). It gives the sector\'s technology class (Tabel 13) and sector-specific channels.',
      pattern: NACE_PATTERN,
    },
    naceVersion: {
      description: 'The NACE-BEL version of nace: "2008" (NACE Rev. 2) or "2025" (NACE Rev. 2.1; the KBO shows every firm its 2025 code since 1 January 2025). Optional. Left out, the code is read as 2008 where it exists in the 2008 list, else as 2025; where the two readings give another technology class or other sector organisations, the referral says so in its warnings and names both.',
    },
    innovation: { description: 'Yes/no answers about the last three years, after the Community Innovation Survey (CIS 2013; question number per key): they place the firm in the innovation pyramid (Tabel 12). A key left out counts as no; the whole object may be left out (no innovation).' },
    needs: {
      description: `What the firm needs, at least one, each once: ${listed(content.needs)}.`,
      uniqueItems: true,
    },
    triggers: {
      description: `Warning lights an accountant or adviser sees (optional), each once: ${listed(content.triggers)}.`,
      uniqueItems: true,
    },
  };
}

const INNOVATION_DOCS: Record<InnovationKey, string> = {
  newGoods: 'CIS 8a: introduced new or significantly improved goods (products).',
  newServices: 'CIS 8b: introduced new or significantly improved services.',
  productInHouse: 'CIS 10a: those new goods or services were developed mainly by the firm itself (false: mainly by others).',
  productNewToMarket: 'CIS 11a: at least one of them was new to the market, not only to the firm.',
  newProductionMethods: 'CIS 14a: introduced new or significantly improved methods of producing goods or services.',
  newLogistics: 'CIS 14b: introduced new or improved logistics, delivery or distribution methods.',
  newSupportProcesses: 'CIS 14c: introduced new or improved supporting processes (maintenance, purchasing, accounting, IT).',
  processInHouse: 'CIS 16a: those new processes were developed mainly by the firm itself (false: mainly taken over from suppliers or others).',
  inHouseRnd: 'CIS 21a: the firm does research and development itself (e.g. building prototypes, testing).',
  boughtKnowledge: 'CIS 21d: the firm bought knowledge from others (a licence, know-how, a patent).',
  innovationSpending: 'CIS 22f: the firm spent money on innovation last year (machines or software for something new, training, design).',
  rndStaff: 'CIS 25: the firm has people who work (partly) on research and development.',
  cooperation: 'CIS 29: the firm worked with other firms or knowledge institutions to innovate.',
};

const INTAKE_DOCS: Record<keyof Intake, Json> = {
  format: { description: 'Always "innovatiewijzer-intake": marks the file as an Innovatiewijzer intake.' },
  version: { description: 'Version of the intake format: 1. A file with a higher version is refused as made by a newer Innovatiewijzer.' },
  mode: { description: 'Who filled it in, and how the intake reopens: owner = the firm\'s owner for their own firm, client = an accountant or adviser for a client, intake = an innovation advisor at intake.' },
  region: { description: 'Where the firm operates: flanders, brussels, wallonia or abroad (as Profile.region).' },
  profile: { description: 'For a firm in Flanders: its answers, a Profile v1 (profile-v1.schema.json), checked on import. Elsewhere only the region counts: an export writes null, and the import needs the key but not its value.' },
  referral: { description: 'The referral at export: a Referral v1 (referral-v1.schema.json) for a firm in Flanders, a region referral (to its region\'s front door) elsewhere; texts in the language of the export. The import does not read it (it works the referral out again with the content it has), so a file made by other software may leave it out.' },
  notes: { description: 'The advisor\'s free-text notes, up to 20,000 characters (may be empty).' },
  contentVersion: { description: 'Version of the content that made the referral: a date, YYYY-MM-DD. A different version is accepted on import: the app then says that the content has changed since.' },
  exportedAt: { description: 'When the file was exported: an ISO 8601 timestamp in UTC, e.g. "2026-11-22T14:03:00.000Z". Not checked on import.' },
};

/** Adds `extra` to the property `key` of an object schema (description first); throws if there is no such property, so a doc cannot outlive its field. */
function annotate(object: Json, key: string, extra: Json): void {
  const properties = object.properties as Record<string, Json> | undefined;
  const property = properties?.[key];
  if (!properties || !property) throw new Error(`json-schemas: no property "${key}" to describe`);
  properties[key] = { ...extra, ...property, ...extra };
}

/** Adds descriptions and the three rules zod checks in code to a Profile v1 JSON Schema (in place). */
function documentProfile(profile: Json, content: Content): void {
  for (const [key, extra] of Object.entries(profileDocs(content))) annotate(profile, key, extra);
  const innovation = (profile.properties as Record<string, Json>).innovation!;
  for (const [key, text] of Object.entries(INNOVATION_DOCS)) annotate(innovation, key, { description: text });
  profile.dependentSchemas = { province: { description: 'A province only for a firm in Flanders.', properties: { region: { const: 'flanders' } }, required: ['region'] } };
}

function header(file: string, title: string, description: string): Json {
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: `${PUBLISHED_AT}${file}`, title, description };
}

/** The three JSON Schemas, by file name, for this content. */
export function buildJsonSchemas(content: Content): Record<string, Json> {
  const { $schema: _p, ...profile } = z.toJSONSchema(profileSchema(content), { io: 'input' }) as Json;
  documentProfile(profile, content);

  const { $schema: _r, description: _d, ...referral } = z.toJSONSchema(referralSchemas(referralIds(content)).referral) as Json;

  const { $schema: _i, ...intake } = z.toJSONSchema(intakeSchema(content), { io: 'input' }) as Json;
  const branches = intake.oneOf as Json[] | undefined;
  if (!branches || branches.length !== 2) throw new Error('json-schemas: expected the intake schema to be a oneOf of Flanders and elsewhere');
  for (const branch of branches) {
    for (const [key, extra] of Object.entries(INTAKE_DOCS)) annotate(branch, key, extra);
  }
  documentProfile((branches[0]!.properties as Record<string, Json>).profile!, content);

  return {
    'profile-v1.schema.json': {
      ...header('profile-v1.schema.json', 'Innovatiewijzer Profile v1',
        `Profile v1: the answers about one firm that Innovatiewijzer refers (the input of refer() and of the refer command line, one JSON object per profile; a share link carries one too). The need and warning-light ids are those of content/needs.yaml and content/triggers.yaml. Unknown fields are refused.`),
      ...profile,
    },
    'referral-v1.schema.json': {
      ...header('referral-v1.schema.json', 'Innovatiewijzer Referral v1',
        `Referral v1: what Innovatiewijzer's refer() returns for a Profile v1 (the refer command line prints it as JSON): the firm's size class, innovation-pyramid segment and sector technology class, and the channels it should go to, best first, with the reasons in the requested language. The channel ids are those of content/channels/.`),
      ...referral,
    },
    'intake-v1.schema.json': {
      ...header('intake-v1.schema.json', 'Innovatiewijzer intake file v1',
        `Intake file v1: the JSON an innovation advisor exports from Innovatiewijzer's result page and opens again from its start page (format "innovatiewijzer-intake", version 1): the mode, the region, the Profile v1 of a firm in Flanders, the referral at export, the advisor's notes. Other keys are ignored on import; a file larger than 1 MiB is refused.`),
      ...intake,
    },
  };
}

/** The files' text: two-space JSON and a final newline. */
export function renderJsonSchemas(content: Content): Record<string, string> {
  return Object.fromEntries(Object.entries(buildJsonSchemas(content)).map(([file, schema]) => [file, `${JSON.stringify(schema, null, 2)}\n`]));
}

/** The command: writes the files (or with `--check` compares them), into `--out DIR` or public/schemas; returns the exit code. */
export function main(argv: string[]): number {
  const check = argv.includes('--check');
  const outAt = argv.indexOf('--out');
  const dir = outAt >= 0 && argv[outAt + 1] ? resolve(argv[outAt + 1]!) : SCHEMAS_DIR;
  const files = renderJsonSchemas(loadContent().content);
  const stale: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    const path = join(dir, file);
    const shown = relative(process.cwd(), path) || path;
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === text) {
      if (!check) process.stdout.write(`${shown} is up to date\n`);
    } else if (check) {
      stale.push(`${shown} is ${current === undefined ? 'missing' : 'out of date'}`);
    } else {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path, text);
      process.stdout.write(`wrote ${shown} (${Buffer.byteLength(text)} bytes)\n`);
    }
  }
  if (check && !stale.length) process.stdout.write('public/schemas: all three JSON Schemas are up to date\n');
  if (stale.length) {
    process.stderr.write(`${stale.join('\n')}\nRun \`npm run schemas\` to regenerate, and commit the result.\n`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    // A content problem is the editor's to fix: say where it is, as the other commands do, without a stack trace.
    if (!(e instanceof ContentError)) throw e;
    process.stderr.write(`the content in content/ has problems:\n${e.message}\n`);
    process.exitCode = 1;
  }
}
