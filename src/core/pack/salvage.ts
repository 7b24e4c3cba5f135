import * as z from 'zod';

/** The parts of a file that passed their shape, when the file as a whole did not. */
export interface Salvaged {
  data: unknown;
  /** Ids of the entries that failed, so references to them are not reported as undefined too. */
  brokenIds: Set<string>;
  /** For a list: where each kept entry stands in the file, so a problem can name its real place. */
  positions?: number[];
}

/**
 * Keeps every entry of a list (or field of an object) that passes its own schema, so the
 * cross-checks can run on them: one malformed id must not hide the problems of every other entry.
 * Returns null when nothing can be kept (a list file that is not a list).
 */
export function salvage(schema: z.ZodType, raw: unknown): Salvaged | null {
  const brokenIds = new Set<string>();
  if (schema instanceof z.ZodArray) {
    if (!Array.isArray(raw)) return null;
    const data: unknown[] = [];
    const positions: number[] = [];
    raw.forEach((entry, i) => {
      const result = (schema.element as z.ZodType).safeParse(entry);
      if (result.success) {
        data.push(result.data);
        positions.push(i);
      } else if (isRecord(entry) && typeof entry.id === 'string') brokenIds.add(entry.id);
    });
    return { data, brokenIds, positions };
  }
  if (schema instanceof z.ZodObject) {
    if (!isRecord(raw)) return null;
    const data: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const result = field.safeParse(raw[key]);
      if (result.success) data[key] = result.data;
    }
    return { data, brokenIds };
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rewrites a problem's leading "[k]" (the k-th kept entry) to the entry's place in the file. */
export function inFile(path: string, positions: readonly number[] | undefined): string {
  if (!positions) return path;
  return path.replace(/^\[(\d+)\]/, (whole, k: string) => {
    const at = positions[Number(k)];
    return at === undefined ? whole : `[${at}]`;
  });
}
