import { randomBytes } from 'node:crypto';
import { MAX_CHOICE_ID } from './reply.js';

/** Short random ids: unguessable enough that a forged choice id names nothing. */
export function newId(): string {
  // Never starting with '-' or '_': a leading '-' reads as an option on a command line, and as a
  // formula in a spreadsheet cell, which the CSV exports then have to quote.
  for (;;) {
    const id = randomBytes(9).toString('base64url');
    if (/^[A-Za-z0-9]/.test(id)) return id;
  }
}

/** Letters and digits that cannot be misread for each other (no 0/o, 1/l/i). */
const TYPEABLE = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A short lowercase id for things people type back, such as a schedule in `/prompt pause <id>`:
 * six characters from 31 give 887 million ids, plenty for the schedules of one database.
 */
export function typeableId(): string {
  return [...randomBytes(6)].map((b) => TYPEABLE[b % TYPEABLE.length]).join('');
}

/** Builds a stateless choice id such as `quiz:a:<quiz>:<q>:<option>`. */
export function choiceId(...parts: (string | number)[]): string {
  const id = parts.join(':');
  if (id.length > MAX_CHOICE_ID) throw new Error(`choice id over ${MAX_CHOICE_ID} characters: ${id}`);
  return id;
}

/**
 * Whether `list` still has exactly `ids`, in order, read through `idOf`: how a value derived once
 * from a kept array (its ids, their JSON) is checked against it before reuse, without allocating.
 */
export function sameIds<T>(ids: readonly string[], list: readonly T[], idOf: (item: T) => string): boolean {
  if (ids.length !== list.length) return false;
  for (let i = 0; i < ids.length; i++) if (ids[i] !== idOf(list[i]!)) return false;
  return true;
}
