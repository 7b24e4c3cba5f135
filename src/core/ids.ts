import { randomBytes } from 'node:crypto';
import { MAX_CHOICE_ID } from './reply.js';

/** Short random ids: unguessable enough that a forged choice id names nothing. */
export function newId(): string {
  return randomBytes(9).toString('base64url');
}

/** Builds a stateless choice id such as `quiz:a:<quiz>:<q>:<option>`. */
export function choiceId(...parts: (string | number)[]): string {
  const id = parts.join(':');
  if (id.length > MAX_CHOICE_ID) throw new Error(`choice id over ${MAX_CHOICE_ID} characters: ${id}`);
  return id;
}
