import type { Innovation, Segment } from './types';

/** The innovation-pyramid segment per Tabel 12 (domain.md), tested from the top down. Missing keys mean "no". */
export function segment(i: Innovation): Segment {
  const y = (k: keyof Innovation) => i[k] === true;
  if (((y('productInHouse') && y('productNewToMarket')) || y('processInHouse')) && y('inHouseRnd') && y('innovationSpending') && y('rndStaff')) {
    return 'leader';
  }
  if ((y('productInHouse') || y('processInHouse')) && (y('inHouseRnd') || y('innovationSpending') || y('rndStaff'))) {
    return 'developer';
  }
  const introduced = y('newGoods') || y('newServices') || y('newProductionMethods') || y('newLogistics') || y('newSupportProcesses');
  if (introduced && (y('boughtKnowledge') || y('cooperation'))) return 'applier';
  if (introduced || y('productNewToMarket') || y('inHouseRnd') || y('boughtKnowledge') || y('cooperation')) return 'follower';
  return 'non-innovator';
}
