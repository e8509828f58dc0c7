// Answers that imply others, after the logic of the Community Innovation Survey (CIS 2013) behind Tabel 12.
// Pure.
import type { Innovation, InnovationKey } from './types';

/**
 * What a yes implies. Intramural (in-house) R&D is innovation expenditure (CIS 2013 question 22 counts it
 * first among the expenditures), so in-house R&D (21a) means the firm spent on innovation (22f); R&D staff
 * (25) means in-house R&D, and so spending too. Source: Eurostat, CIS 2012 (CIS 2013) harmonised survey
 * questionnaire, sections 6-7, as used by ECOOM for Tabel 12 of the SERV study.
 */
export const IMPLIES: Readonly<Partial<Record<InnovationKey, readonly InnovationKey[]>>> = {
  inHouseRnd: ['innovationSpending'],
  rndStaff: ['inHouseRnd', 'innovationSpending'],
};

/** The answers with what they imply, and which keys were added and why (key -> the yes it follows from). */
export interface ImpliedInnovation {
  innovation: Innovation;
  implied: Array<{ key: InnovationKey; because: InnovationKey }>;
}

/**
 * The innovation answers with every implied yes added (IMPLIES, followed to the end). A key is added
 * only when it is not already yes; `implied` names it with the first answer it follows from. The input
 * is never changed. Never throws.
 */
export function withImplied(i: Innovation): ImpliedInnovation {
  const innovation: Innovation = { ...i };
  const implied: ImpliedInnovation['implied'] = [];
  const queue = (Object.keys(IMPLIES) as InnovationKey[]).filter((k) => i[k] === true);
  for (let n = 0; n < queue.length; n++) {
    const because = queue[n]!;
    for (const key of IMPLIES[because] ?? []) {
      if (innovation[key] === true) continue;
      innovation[key] = true;
      implied.push({ key, because });
      queue.push(key);
    }
  }
  return { innovation, implied };
}
