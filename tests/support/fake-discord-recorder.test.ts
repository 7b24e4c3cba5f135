import { describe, expect, it } from 'vitest';
import { RequestRecorder } from './fake-discord/recorder.js';
import type { RecordedRequest } from './fake-discord/types.js';

const request = (recorder: RequestRecorder, path: string, interactionId?: string, method = 'POST'): RecordedRequest => ({
  seq: recorder.nextSeq(), method, path, query: {}, body: undefined, headers: {}, files: [], status: 204, responseBody: undefined,
  injected: false, unknownRoute: false, at: Date.now(), ...(interactionId ? { interactionId } : {}),
});

describe("the fake Discord's request recorder", () => {
  it("keeps each interaction's requests apart, in order, and every request in one list as well", () => {
    const recorder = new RequestRecorder();
    const a1 = request(recorder, '/interactions/1/t/callback', '1');
    const other = request(recorder, '/channels/5/messages');
    const b1 = request(recorder, '/interactions/2/t/callback', '2');
    const a2 = request(recorder, '/webhooks/9/t/messages/@original', '1', 'PATCH');
    for (const r of [a1, other, b1, a2]) recorder.add(r);
    expect(recorder.ofInteraction('1')).toEqual([a1, a2]);
    expect(recorder.ofInteraction('2')).toEqual([b1]);
    expect(recorder.ofInteraction('3')).toEqual([]);
    expect(recorder.requests).toEqual([a1, other, b1, a2]);
  });

  it("waits among one interaction's requests only: another's matching request does not end the wait", async () => {
    const recorder = new RequestRecorder();
    recorder.add(request(recorder, '/interactions/1/t/callback', '1'));
    // Already recorded: found at once.
    await expect(recorder.waitForOf('1', { path: /callback$/ })).resolves.toMatchObject({ interactionId: '1' });
    const waiting = recorder.waitForOf('2', { method: 'PATCH' }, 2000);
    recorder.add(request(recorder, '/webhooks/9/a/messages/@original', '1', 'PATCH'));
    const own = request(recorder, '/webhooks/9/b/messages/@original', '2', 'PATCH');
    recorder.add(own);
    await expect(waiting).resolves.toBe(own);
  });

  it('fails a wait that nothing answers, naming the requests it saw', async () => {
    const recorder = new RequestRecorder();
    recorder.add(request(recorder, '/interactions/1/t/callback', '1'));
    await expect(recorder.waitForOf('2', {}, 20)).rejects.toThrow(/no matching request within 20 ms; requests so far:\n {2}POST \/interactions\/1\/t\/callback -> 204/);
  });
});
