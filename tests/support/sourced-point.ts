import type { Point } from '../../src/core/pack/schema.js';
import type { Reply } from '../../src/core/reply.js';
import { pointBlocks } from '../../src/core/present.js';
import { syntheticPack } from '../core/match/synthetic-pack.js';

/**
 * An editorial point whose facts carry sources, one issued on a date and one that can change (as
 * of a date): made up here, so the rendering tests do not depend on the shipped content.
 */
export const SOURCED_POINT: Point = {
  id: 'cars-for-study',
  motion: 'car-free',
  side: 'for',
  source: 'editorial',
  claim: 'Cities that closed their centres to cars saw fewer road deaths.',
  explanation: 'Road deaths in the closed streets fell in the years after the change.',
  keywords: ['road deaths'],
  synonyms: [],
  quotes: [],
  sources: [
    { what: 'City Road Safety Report', date: '2024-07-10' },
    { what: 'Car-free streets register', asOf: '2025-11-30', url: 'https://example.org/register' },
  ],
};

/** The label every adapter must show beside the point, exactly as the core builds it. */
export const SOURCED_LABEL =
  'Editorial counterpoint — not the author’s argument. Sources: City Road Safety Report (10 Jul 2024); Car-free streets register (as of 30 Nov 2025)';

/** A debate turn answering with the sourced point, then more content, so its label sits mid-reply. */
export function sourcedPointReply(options: { labelLast?: boolean } = {}): Reply {
  return {
    visibility: 'public',
    blocks: [
      { type: 'heading', text: 'Debate' },
      { type: 'text', text: 'My answer: the evidence says otherwise.' },
      ...pointBlocks(syntheticPack([SOURCED_POINT]), SOURCED_POINT, { explain: false }),
      ...(options.labelLast ? [] : [{ type: 'text' as const, text: 'Your turn.' }]),
    ],
  };
}
