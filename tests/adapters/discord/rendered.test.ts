import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/reply.js';
import { renderReply } from '../../../adapters/discord/render.js';
import { rendered } from '../../../adapters/discord/rendered.js';

const keyPointLike = (): Reply => ({
  visibility: 'public',
  blocks: [
    { type: 'heading', text: 'Key point — a *motion*' },
    { type: 'text', text: 'Ukraine is a de facto member: [not] in name.' },
    { type: 'quote', text: 'The alliance has a back door.', citation: { anchor: 'P3', title: 'T', author: 'A', outlet: 'O' } },
    { type: 'footer', text: 'This point argues for the motion' },
    { type: 'choices', choices: [{ id: 'kp:counter:k1', label: 'Counterpoint', style: 'primary' }] },
  ],
});

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

  it('renders a reply with files each time and leaves it unfrozen: it is built for one request', () => {
    const r: Reply = { ...keyPointLike(), attachments: [{ name: 'a.csv', mediaType: 'text/csv', content: 'a,b\n', description: 'a file' }] };
    const first = rendered(r);
    expect(rendered(r)).not.toBe(first);
    expect(Object.isFrozen(first.messages)).toBe(false);
    expect(first.messages.at(-1)!.files![0]!.attachment.toString('utf8')).toBe('a,b\n');
  });
});
