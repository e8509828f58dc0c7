import type { TechClass } from './types';

/**
 * The 88 divisions (two digits, "01" to "99") that exist in NACE Rev. 2 (Regulation (EC) No
 * 1893/2006), which NACE-BEL 2008 takes over; a code outside them is refused.
 */
export const NACE_DIVISIONS: readonly string[] = [
  '01', '02', '03', '05', '06', '07', '08', '09',
  ...range(10, 33),
  '35', '36', '37', '38', '39', '41', '42', '43', '45', '46', '47',
  '49', '50', '51', '52', '53', '55', '56', '58', '59', '60', '61', '62', '63',
  '64', '65', '66', '68', '69', '70', '71', '72', '73', '74', '75',
  '77', '78', '79', '80', '81', '82', '84', '85', '86', '87', '88',
  '90', '91', '92', '93', '94', '95', '96', '97', '98', '99',
];

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(2, '0'));
}

const DIVISION_SET = new Set(NACE_DIVISIONS);

/**
 * Normalises a NACE-BEL code as people type it ("25.62", "2562", "25.620", "25", "25.6")
 * to the dotted form "25.62" / "25.620" / "25" / "25.6". Returns null when it is not a NACE code
 * (letters, one digit, too many digits, a division that does not exist); only the division is
 * checked against NACE_DIVISIONS, not the group or class. Never throws.
 */
export function normaliseNace(input: string): string | null {
  const raw = input.trim();
  if (!/^\d{2}(\.?\d{1,3})?$/.test(raw)) return null;
  const digits = raw.replace('.', '');
  const division = digits.slice(0, 2);
  if (!DIVISION_SET.has(division)) return null;
  const rest = digits.slice(2);
  return rest ? `${division}.${rest}` : division;
}

/** The group ("25.4") of a normalised code, or null for a bare division. */
function groupOf(code: string): string | null {
  const [division, rest] = code.split('.');
  return rest ? `${division}.${rest.charAt(0)}` : null;
}

// Tabel 13: exceptions at group level, tested before the divisions.
const GROUP_CLASS: Record<string, TechClass> = {
  '18.2': 'medium-low',
  '25.4': 'medium-high',
  '30.1': 'medium-low',
  '30.3': 'high',
  '32.5': 'medium-high',
};

function divisionClass(division: number): TechClass {
  if (division === 21 || division === 26) return 'high';
  if (division === 20 || (division >= 27 && division <= 30)) return 'medium-high';
  if (division === 19 || (division >= 22 && division <= 25) || division === 33) return 'medium-low';
  if ((division >= 10 && division <= 18) || division === 31 || division === 32) return 'low';
  return 'non-manufacturing';
}

const techClasses = new Map<string, TechClass>();

/**
 * Technology class of the sector from a NACE-BEL code in any form normaliseNace accepts: high,
 * medium-high, medium-low or low for manufacturing (divisions 10-33), group exceptions first
 * ("30.3" is high), else non-manufacturing. Rule: Tabel 13 (Bijlage 4) of the SERV study
 * "Kennisdiffusie en innovatie bij Vlaamse kmo's", i.e. Eurostat's aggregation of manufacturing by
 * technological intensity on NACE Rev. 2. Throws an Error when normaliseNace returns null.
 */
export function techClass(nace: string): TechClass {
  let cls = techClasses.get(nace);
  if (cls) return cls;
  const code = normaliseNace(nace);
  if (code === null) throw new Error(`not a NACE code: ${nace}`);
  const group = groupOf(code);
  cls = group && GROUP_CLASS[group] ? GROUP_CLASS[group] : divisionClass(Number(code.slice(0, 2)));
  if (techClasses.size < 10_000) techClasses.set(nace, cls);
  return cls;
}
