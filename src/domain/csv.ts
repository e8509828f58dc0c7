// CSV reading and writing (RFC 4180 quoting), shared by the CLI and the browser batch.

export type Delimiter = ',' | ';';

/** Belgian Excel writes ";", most other tools ",": the header line decides. */
export function detectDelimiter(text: string): Delimiter {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return semicolons > commas ? ';' : ',';
}

export class CsvError extends Error {}

/** Parses CSV text into rows of cells. Throws CsvError on an unterminated quote. */
export function parseCsv(text: string, delimiter: Delimiter): string[][] {
  const s = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') { cell += '"'; i++; } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') {
      quoted = true;
    } else if (ch === delimiter) {
      row.push(cell); cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(cell); cell = '';
      rows.push(row); row = [];
      line++;
    } else {
      cell += ch;
    }
  }
  if (quoted) throw new CsvError(`a quoted cell starting before line ${line} is never closed`);
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  // Blank lines (a single empty cell) carry no row.
  return rows.filter((r) => !(r.length === 1 && r[0]!.trim() === ''));
}

/** Cells starting with = + - @ (or a tab/CR) could run as a formula in a spreadsheet: prefix them. */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function writeCsv(rows: string[][], delimiter: Delimiter): string {
  return rows
    .map((r) => r.map((raw) => {
      const v = neutraliseCell(raw);
      return /[",;\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    }).join(delimiter))
    .join('\r\n') + '\r\n';
}
