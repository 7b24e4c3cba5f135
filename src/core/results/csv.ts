import { createRequire } from 'node:module';

// Only an export writes CSV: csv-stringify (ten modules) is loaded then, not at every start.
const load = createRequire(import.meta.url);

export type Cell = string | number | boolean | null;

/**
 * A CSV file as spreadsheets read it. csv-stringify quotes what needs quoting, and `escape_formulas`
 * puts a ' before a cell that starts with =, +, -, @, tab or carriage return, so a name such as
 * "=HYPERLINK(…)" is shown as text instead of run as a formula. The byte order mark makes Excel read
 * UTF-8 (names in Cyrillic, curly quotes) as UTF-8.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const { stringify } = load('csv-stringify/sync') as typeof import('csv-stringify/sync');
  return stringify([header, ...rows], {
    bom: true,
    escape_formulas: true,
    cast: { boolean: (v) => (v ? 'yes' : 'no') },
  });
}
