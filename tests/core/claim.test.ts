import { beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../src/core/context.js';
import { claimDelivery } from '../../src/core/claim.js';
import { runChoice, runText } from '../../src/core/dispatch.js';
import { contextFor, testServices } from '../support/core.js';
import { recordingLogger } from '../support/logger.js';
import { choiceStarting } from '../support/replies.js';
import { until } from '../support/until.js';
import { holdClaims } from '../support/held-claims.js';

let log: ReturnType<typeof recordingLogger>;
let services: Services;
beforeEach(async () => {
  log = recordingLogger();
  services = await testServices({ logger: log });
});

describe('claimDelivery', () => {
  it('gives a key to its first claim only; another key is another request', async () => {
    expect(await claimDelivery(services, 'slack:T1:trigger-1')).toBe('won');
    expect(await claimDelivery(services, 'slack:T1:trigger-1')).toBe('lost');
    expect(await claimDelivery(services, 'slack:T1:trigger-2')).toBe('won');
    expect(log.entries.filter((e) => e.msg === 'repeated delivery ignored')).toHaveLength(1);
  });

  it('gives one of several claims racing for one key the win', async () => {
    const claims = await Promise.all(Array.from({ length: 8 }, () => claimDelivery(services, 'discord:42')));
    expect(claims.filter((c) => c === 'won')).toHaveLength(1);
    expect(claims.filter((c) => c === 'lost')).toHaveLength(7);
  });

  it('lets the adapter run a repeated command and click once: the loser runs nothing', async () => {
    const alice = contextFor(services, 'alice', 'claims');
    const [prompt] = await runText(alice, 'prompt', 'now');
    const agree = choiceStarting(prompt!, 'vote:').id;
    const postId = agree.split(':')[1]!;
    const deliver = async (choiceId: string) => ((await claimDelivery(services, 'click-1')) === 'won' ? runChoice(alice, { choiceId }) : []);
    expect(await deliver(agree)).toHaveLength(2);
    expect(await deliver(`vote:${postId}:disagree`)).toEqual([]);
    expect(await services.store.tally(postId)).toEqual({ agree: 1, disagree: 0, unsure: 0 });
  });

  it('gives up on a stalled store after the timeout, and says so when the claim lands later', async () => {
    const stall = holdClaims(services);
    expect(await claimDelivery(services, 'discord:stalled', { timeoutMs: 50 })).toBe('timed-out');
    expect(log.entries.some((e) => e.level === 'warn' && e.msg?.includes('did not answer the request claim in time'))).toBe(true);
    stall.release();
    // The write landed: this instance holds the claim, so every other delivery loses, and nobody answers.
    await until(() => log.entries.some((e) => e.msg?.includes('came through late')), 5000, 'the late claim logged');
    expect(await claimDelivery(services, 'discord:stalled', { timeoutMs: 1000 })).toBe('lost');
  });

  it('waits for a slow store without a timeout', async () => {
    const stall = holdClaims(services);
    const claim = claimDelivery(services, 'slack:T1:slow');
    setTimeout(stall.release, 100);
    expect(await claim).toBe('won');
  });

  it('throws when the store fails, so the caller sends nothing', async () => {
    services.store = Object.create(services.store, {
      claimRequest: { value: async () => { throw new Error('connection refused'); } },
    });
    await expect(claimDelivery(services, 'discord:broken', { timeoutMs: 1000 })).rejects.toThrow('connection refused');
  });
});
