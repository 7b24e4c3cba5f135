import { sql } from 'kysely';
import type { InsertResult, UpdateResult, DeleteResult, QueryResult } from 'kysely';

/** Postgres returns bigint columns as strings; both backends hand them back as numbers here. */
export function num(value: number | string | bigint): number {
  return Number(value);
}

export function numOrNull(value: number | string | bigint | null): number | null {
  return value === null ? null : Number(value);
}

export function inserted(result: InsertResult | undefined): boolean {
  return Number(result?.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export function updated(result: UpdateResult | DeleteResult | undefined): boolean {
  if (!result) return false;
  const n = 'numUpdatedRows' in result ? result.numUpdatedRows : result.numDeletedRows;
  return Number(n) > 0;
}

/** Whether a write changed a row: an insert that landed, an update or delete that matched. */
export function affected(result: QueryResult<unknown>): boolean {
  return Number(result.numAffectedRows ?? 0n) > 0;
}

/**
 * `'active'` written into a statement's SQL rather than bound as a parameter. The one-active-per-
 * channel indexes (debates, quizzes) are partial, `WHERE status = 'active'`, and SQLite uses a
 * partial index only for a query whose own condition says so in its text: with `status = ?` a
 * lookup of a person's active debate read every debate ever held on its platform (through
 * debates_by_user's platform prefix alone).
 */
export const ACTIVE = sql.lit('active');
