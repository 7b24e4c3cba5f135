import { createHash } from 'node:crypto';

/** Discord accepts a nonce of at most 25 characters. */
export const MAX_NONCE = 25;

/**
 * A message's nonce from its post key: 128 bits of the key's SHA-256 in base 36 (at most 25
 * characters), so any length of key fits and two keys practically never share one.
 */
export function nonceFor(key: string): string {
  const digest = createHash('sha256').update(key).digest();
  return BigInt(`0x${digest.subarray(0, 16).toString('hex')}`).toString(36);
}
