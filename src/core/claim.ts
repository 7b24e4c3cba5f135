import type { Services } from './context.js';
import { LATE, within } from './within.js';

/**
 * How this instance's claim on one delivery came out. Only `won` may lead to anything being sent:
 * `lost` means another instance (or an earlier delivery of the same request) has it, and
 * `timed-out` means the store did not say in time, so this instance cannot know.
 */
export type Claim = 'won' | 'lost' | 'timed-out';

export interface ClaimOptions {
  /** Give up waiting for the store after this long; none: wait as long as the store takes. */
  timeoutMs?: number;
}

/**
 * Claims one delivery of a platform request (a Discord interaction; a Slack command, click or
 * submission) before anything at all is sent for it: not a reply, not an acknowledgement, not a
 * "thinking…". Two instances on one database both receive every Discord interaction, and Slack may
 * deliver one request twice or to another instance; whichever claims the key first answers it and
 * every other delivery sends nothing. The key is the platform's id for the delivery.
 *
 * A failing store is thrown to the caller: the claim may or may not have been written, so the
 * caller sends nothing either (an error notice could be the second answer to a request another
 * instance is answering).
 */
export async function claimDelivery(services: Services, key: string, options: ClaimOptions = {}): Promise<Claim> {
  const { store, logger } = services;
  const claim = store.claimRequest(key, services.now().getTime()).then((won) => (won ? 'won' as const : 'lost' as const));
  const settled = options.timeoutMs === undefined ? await claim : await within(claim, options.timeoutMs);
  const first: Claim = settled === LATE ? 'timed-out' : settled;
  // Under the default Discord sharding every instance loses half of all interactions: not news.
  if (first === 'lost') logger.debug({ requestKey: key }, 'repeated delivery ignored');
  if (first === 'timed-out') {
    logger.warn({ requestKey: key, timeoutMs: options.timeoutMs }, 'the store did not answer the request claim in time; left unanswered');
    // The write may still land. If it does, this instance holds a claim it will not act on, so the
    // request stays unanswered rather than answered twice: say so when it happens.
    claim.then(
      (won) => logger.warn({ requestKey: key, claim: won }, won === 'won' ? 'a request claim given up came through late: nobody answers that request' : 'a request claim given up came back lost'),
      (err: unknown) => logger.warn({ err, requestKey: key }, 'a request claim given up failed'),
    );
  }
  return first;
}
