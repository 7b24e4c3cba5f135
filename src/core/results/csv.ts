import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | boolean | null;

/**
 * A CSV file as spreadsheets read it. csv-stringify quotes what needs quoting, and `escape_formulas`
 * puts a ' before a cell that starts with =, +, -, @, tab or carriage return, so a name such as
 * "=HYPERLINK(…)" is shown as text instead of run as a formula. The byte order mark makes Excel read
 * UTF-8 (names in Cyrillic, curly quotes) as UTF-8.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return stringify([header, ...rows], {
    bom: true,
    escape_formulas: true,
    cast: { boolean: (v) => (v ? 'yes' : 'no') },
  });
}
