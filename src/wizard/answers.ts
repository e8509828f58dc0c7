// The answers being built by the wizard, and how they become a Profile v1. Pure: no React.
import type { Content, Policy } from '../domain/content-model';
import { localDate } from '../domain/format';
import { largeFromStaff, smeCeilings } from '../domain/policy';
import { validateProfile } from '../domain/profile';
import type { Innovation, NaceVersion, Profile, Province, Region } from '../domain/types';
import type { Mode } from './modes';


export interface Answers {
  mode?: Mode;
  region?: Region;
  province?: Province;
  staff?: number;
  /** null: "I don't know". */
  turnoverEur?: number | null;
  balanceSheetEur?: number | null;
  ownedByLargeGroup?: boolean;
  nace?: string;
  /** The NACE-BEL version of `nace`: the sector page offers 2025 codes; left out for answers saved or shared before there was a choice. */
  naceVersion?: NaceVersion;
  /** Yes/no answers; a page marks its keys answered by writing them (false included). */
  innovation?: Innovation;
  introducedAnswered?: boolean;
  practicesAnswered?: boolean;
  needs?: string[];
  triggers?: string[];
  /** The owner chose to also mark warning lights (in the other modes the page is always asked). */
  showTriggers?: boolean;
  triggersAnswered?: boolean;
  /** Kept on this device only (never in share links or exports): the advisor's notes and the names on the letter. */
  notes?: string;
  adviserName?: string;
  clientName?: string;
}

/** Answers that only annotate (notes, names): changing them never changes the flow or the referral. */
export const ANNOTATIONS = ['notes', 'adviserName', 'clientName'] as const;

/** The steps of the wizard in order. `start` is the landing page, `result` the end. */
export const STEPS = ['start', 'region', 'staff', 'figures', 'ownership', 'sector', 'introduced', 'practices', 'needs', 'triggers', 'check', 'result'] as const;
export type Step = (typeof STEPS)[number];
export const QUESTION_STEPS = ['region', 'staff', 'figures', 'ownership', 'sector', 'introduced', 'practices', 'needs', 'triggers'] as const satisfies readonly Step[];
export type QuestionStep = (typeof QUESTION_STEPS)[number];

/**
 * The staff count (AWU) from which the firm is large whatever its figures, from the policy figures of the
 * content (content/policy.yaml, the SME ceilings in force: 250 since 2005). Set by setWizardPolicy.
 */
let largeFrom: number | null = null;

/**
 * Gives the wizard the policy figures its path depends on (content `policy`, the values in force on `on`,
 * default today). Call it once the content is loaded, before the wizard's first page (src/ui/Wizard.tsx does).
 */
export function setWizardPolicy(policy: Policy, on: string = localDate()): void {
  largeFrom = largeFromStaff(smeCeilings(policy, on));
}

/**
 * Staff alone makes the firm large (the count from setWizardPolicy): the financial figures cannot change
 * that, so we skip them. Throws an Error when setWizardPolicy was not called: a wizard without its
 * policy figures would guess.
 */
export const staffMakesLarge = (a: Answers) => {
  if (largeFrom === null) throw new Error('the wizard has no policy figures: call setWizardPolicy(content.policy) once the content is loaded');
  return (a.staff ?? 0) >= largeFrom;
};
export const outsideFlanders = (a: Answers) => a.region !== undefined && a.region !== 'flanders';
/** Warning lights are asked of accountants and advisors, and of owners who ask for them. */
export const asksTriggers = (a: Answers) => (a.mode ?? 'owner') !== 'owner' || a.showTriggers === true;

/** The question steps this firm sees, in order (the skips applied). */
export function questionPath(a: Answers): QuestionStep[] {
  if (outsideFlanders(a)) return ['region'];
  return QUESTION_STEPS.filter((s) => !(s === 'figures' && staffMakesLarge(a)) && !(s === 'triggers' && !asksTriggers(a)));
}

/** Whether the answers of one step are complete. */
export function stepAnswered(step: QuestionStep, a: Answers): boolean {
  switch (step) {
    case 'region': return a.region !== undefined && (a.region !== 'flanders' || a.province !== undefined);
    case 'staff': return a.staff !== undefined;
    case 'figures': return a.turnoverEur !== undefined && a.balanceSheetEur !== undefined;
    case 'ownership': return a.ownedByLargeGroup !== undefined;
    case 'sector': return a.nace !== undefined;
    case 'introduced': return a.introducedAnswered === true;
    case 'practices': return a.practicesAnswered === true;
    case 'needs': return (a.needs?.length ?? 0) > 0;
    case 'triggers': return a.triggersAnswered === true;
  }
}

/** The first unanswered step on this firm's path, or null when all are answered. */
export function firstOpenStep(a: Answers): QuestionStep | null {
  return questionPath(a).find((s) => !stepAnswered(s, a)) ?? null;
}

/** Profile v1 from the answers (not validated). */
export function toProfile(a: Answers): Record<string, unknown> {
  const p: Record<string, unknown> = {
    region: a.region,
    ...(a.region === 'flanders' && a.province ? { province: a.province } : {}),
    staff: a.staff,
    ...(a.turnoverEur != null && !staffMakesLarge(a) ? { turnoverEur: a.turnoverEur } : {}),
    ...(a.balanceSheetEur != null && !staffMakesLarge(a) ? { balanceSheetEur: a.balanceSheetEur } : {}),
    ...(a.ownedByLargeGroup !== undefined ? { ownedByLargeGroup: a.ownedByLargeGroup } : {}),
    nace: a.nace,
    ...(a.nace !== undefined && a.naceVersion ? { naceVersion: a.naceVersion } : {}),
    innovation: Object.fromEntries(Object.entries(a.innovation ?? {}).filter(([, v]) => v === true)),
    needs: a.needs ?? [],
    ...(a.triggers?.length && asksTriggers(a) ? { triggers: a.triggers } : {}),
  };
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined));
}

/** The validated profile, or null while answers are missing. */
export function completeProfile(a: Answers, content: Content): Profile | null {
  if (outsideFlanders(a) || firstOpenStep(a) !== null) return null;
  const r = validateProfile(toProfile(a), content);
  return r.ok ? r.profile : null;
}

/** Answers that reproduce a profile (share links, imports). */
export function fromProfile(p: Profile): Answers {
  const innovation: Innovation = { ...p.innovation };
  return {
    region: p.region,
    province: p.province,
    staff: p.staff,
    turnoverEur: p.turnoverEur ?? null,
    balanceSheetEur: p.balanceSheetEur ?? null,
    ownedByLargeGroup: p.ownedByLargeGroup ?? false,
    nace: p.nace,
    ...(p.naceVersion ? { naceVersion: p.naceVersion } : {}),
    innovation,
    introducedAnswered: true,
    practicesAnswered: true,
    needs: [...p.needs],
    triggers: p.triggers ? [...p.triggers] : [],
    // A profile with warning lights shows them again (on the page an owner can open).
    showTriggers: (p.triggers?.length ?? 0) > 0,
    triggersAnswered: true,
  };
}
