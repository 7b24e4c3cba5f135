import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/reply.js';
import { deepFreeze } from '../../../src/core/freeze.js';
import { renderReply } from '../../../adapters/discord/render.js';
import { rendered } from '../../../adapters/discord/rendered.js';

/** A reply as the core builds one for a single request. */
const turnLike = (): Reply => ({
  visibility: 'public',
  blocks: [
    { type: 'heading', text: 'Key point — a *motion*' },
    { type: 'text', text: 'Ukraine is a de facto member: [not] in name.' },
    { type: 'quote', text: 'The alliance has a back door.', citation: { anchor: 'P3', title: 'T', author: 'A', outlet: 'O' } },
    { type: 'footer', text: 'This point argues for the motion' },
    { type: 'choices', choices: [{ id: 'kp:counter:k1', label: 'Counterpoint', style: 'primary' }] },
  ],
});
/** A reply the core shares between requests, frozen as a key point's is. */
const keyPointLike = (): Reply => deepFreeze(turnLike());

describe('rendered: a Reply object rendered once', () => {
  it('renders as renderReply does', () => {
    const r = keyPointLike();
    expect(rendered(r)).toEqual(renderReply(r));
  });

  it('gives the same rendering for the same object, and renders a new object anew', () => {
    const r = keyPointLike();
    expect(rendered(r)).toBe(rendered(r));
    expect(rendered(keyPointLike())).not.toBe(rendered(r));
    expect(rendered(keyPointLike())).toEqual(rendered(r));
  });

  it('freezes what it keeps, down to each embed and button, so no sender can change it for the next', () => {
    const out = rendered(keyPointLike());
    const message = out.messages[0]!;
    expect(Object.isFrozen(out.messages)).toBe(true);
    expect(Object.isFrozen(message)).toBe(true);
    expect(Object.isFrozen(message.embeds[0])).toBe(true);
    expect(Object.isFrozen(message.components[0]!.components[0])).toBe(true);
    expect(() => { (message.embeds[0] as { title?: string }).title = 'changed'; }).toThrow(TypeError);
  });

  it('renders a reply that is not frozen each time, and leaves the rendering unfrozen: it is built for one request', () => {
    const r = turnLike();
    const first = rendered(r);
    expect(first).toEqual(renderReply(r));
    expect(rendered(r)).not.toBe(first);
    expect(Object.isFrozen(first.messages[0]!.embeds[0])).toBe(false);
  });

  it('renders a reply with files each time, even a frozen one, and leaves it unfrozen: it is built for one request', () => {
    const r: Reply = deepFreeze({ ...turnLike(), attachments: [{ name: 'a.csv', mediaType: 'text/csv', content: 'a,b\n', description: 'a file' }] });
    const first = rendered(r);
    expect(rendered(r)).not.toBe(first);
    expect(Object.isFrozen(first.messages)).toBe(false);
    expect(first.messages.at(-1)!.files![0]!.attachment.toString('utf8')).toBe('a,b\n');
  });
});
