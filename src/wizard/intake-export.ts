// The export of an intake (intake mode): JSON that importIntake (intake.ts) reopens exactly, and a CSV
// row in the same columns as the CLI's batch output.
import type { Content } from '../domain/content-model';
import { PROFILE_COLUMNS, RESULT_COLUMNS, resultCells } from '../domain/batch';
import { writeCsv, type Delimiter } from '../domain/csv';
import { formatPlainNumber } from '../domain/numbers';
import { refer, referRegion } from '../domain/refer';
import type { Lang } from '../domain/types';
import { completeProfile, type Answers } from './answers';
import { INTAKE_FORMAT, INTAKE_VERSION, type Intake } from './intake';
import { MAX_NOTES } from './limits';
import { voiceOf } from './modes';

export function buildIntake(answers: Answers, fullNotes: string, content: Content, lang: Lang, now = new Date()): Intake | null {
  const notes = fullNotes.slice(0, MAX_NOTES);
  const mode = answers.mode ?? 'owner';
  if (answers.region && answers.region !== 'flanders') {
    return { format: INTAKE_FORMAT, version: INTAKE_VERSION, mode, region: answers.region, profile: null, referral: referRegion(answers.region, content, lang, voiceOf(mode)), notes, contentVersion: content.meta.contentVersion, exportedAt: now.toISOString() };
  }
  const profile = completeProfile(answers, content);
  if (!profile) return null;
  return { format: INTAKE_FORMAT, version: INTAKE_VERSION, mode, region: profile.region, profile, referral: refer(profile, content, lang, voiceOf(mode)), notes, contentVersion: content.meta.contentVersion, exportedAt: now.toISOString() };
}

export function intakeToJson(intake: Intake): string {
  return `${JSON.stringify(intake, null, 2)}\n`;
}

/** One CSV row (with header) in the CLI's batch columns plus the intake's own. */
export function intakeToCsv(intake: Intake, delimiter: Delimiter = ';'): string {
  const p = intake.profile;
  // A form both notations read back alike (formatPlainNumber): "12,1250", never "1e-7" or "1e+21".
  const num = (n: number | undefined) => (n === undefined ? '' : formatPlainNumber(n, ','));
  const cells: Record<string, string> = {
    region: intake.region,
    province: p?.province ?? '',
    staff: num(p?.staff),
    turnoverEur: num(p?.turnoverEur),
    balanceSheetEur: num(p?.balanceSheetEur),
    ownedByLargeGroup: p?.ownedByLargeGroup !== undefined ? String(p.ownedByLargeGroup) : '',
    nace: p?.nace ?? '',
    naceVersion: p?.naceVersion ?? '',
    innovation: p ? Object.keys(p.innovation).filter((k) => p.innovation[k as keyof typeof p.innovation]).join('|') : '',
    needs: p?.needs.join('|') ?? '',
    triggers: p?.triggers?.join('|') ?? '',
    ...resultCells({ ok: true, referral: intake.referral }),
    mode: intake.mode,
    notes: intake.notes,
    contentVersion: intake.contentVersion,
    exportedAt: intake.exportedAt,
  };
  const header = [...PROFILE_COLUMNS, ...RESULT_COLUMNS, 'mode', 'notes', 'contentVersion', 'exportedAt'];
  return writeCsv([header, header.map((h) => cells[h] ?? '')], delimiter);
}
