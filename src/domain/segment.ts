import { withImplied } from './implied';
import { PROCESS_KEYS, PRODUCT_KEYS, type Innovation, type Segment } from './types';

/**
 * The innovation-pyramid segment of a firm from its yes/no answers about the last three years
 * (CIS 2013 questions, see INNOVATION_KEYS), tested from the top down: leader, developer, applier,
 * follower, else non-innovator. Rule: Tabel 12 (Bijlage 3, ECOOM's criteria after Gibcus & de Jong
 * 2008, "Innovatiepiramide") of the SERV/Stichting Innovatie & Arbeid study "Kennisdiffusie en
 * innovatie bij Vlaamse kmo's" (serv.be/stichting/project/kennisdiffusie-en-innovatie-vlaamse-kmos).
 * A key that is missing or not `true` means "no", unless another answer implies it (implied.ts: in-house
 * R&D or R&D staff is spending on innovation). Never throws.
 */
export function segment(answers: Innovation): Segment {
  const i = withImplied(answers).innovation;
  const y = (k: keyof Innovation) => i[k] === true;
  if (((y('productInHouse') && y('productNewToMarket')) || y('processInHouse')) && y('inHouseRnd') && y('innovationSpending') && y('rndStaff')) {
    return 'leader';
  }
  if ((y('productInHouse') || y('processInHouse')) && (y('inHouseRnd') || y('innovationSpending') || y('rndStaff'))) {
    return 'developer';
  }
  const introduced = [...PRODUCT_KEYS, ...PROCESS_KEYS].some(y);
  if (introduced && (y('boughtKnowledge') || y('cooperation'))) return 'applier';
  if (introduced || y('productNewToMarket') || y('inHouseRnd') || y('boughtKnowledge') || y('cooperation')) return 'follower';
  return 'non-innovator';
}
