import type { Counterpoint, Point } from '../../../src/core/pack/schema.js';
import { createServices } from '../../../src/core/services.js';
import type { CoreSettings, Services } from '../../../src/core/context.js';
import { createMatcher } from '../../../src/core/match/create-matcher.js';
import { openSqliteStore } from '../../../src/store/sqlite.js';
import { POINTS, SYNTHETIC_TUNING, syntheticPack } from '../match/synthetic-pack.js';

/**
 * A debate pack on an unrelated topic, so the debate's rules are tested without depending on the
 * real content, which changes: on "car-free", three points for the motion (the bot's side in these
 * tests) answer every one of four points against it, each with its own rebuttal.
 */
const editorial = { source: 'editorial' as const, quotes: [], sources: [], synonyms: [] };
const MORE: Point[] = [
  {
    ...editorial, id: 'cars-for-safety', motion: 'car-free', side: 'for',
    claim: 'Without cars, children can walk and cycle to school safely.',
    explanation: 'Road crashes are the main killer of children on city streets.',
    keywords: ['road safety', 'crashes', 'children', 'school run', 'speeding'],
  },
  {
    ...editorial, id: 'cars-against-jobs', motion: 'car-free', side: 'against',
    claim: 'Shoppers who cannot drive in go to out-of-town malls, and city jobs go with them.',
    explanation: 'Retail workers in the centre lose hours when drivers shop at retail parks with free parking.',
    keywords: ['out-of-town malls', 'retail parks', 'jobs', 'unemployment', 'shop workers'],
  },
  {
    ...editorial, id: 'cars-against-cost', motion: 'car-free', side: 'against',
    claim: 'Enforcing a ban costs the council a fortune in cameras and wardens.',
    explanation: 'Number-plate cameras, fines processing and new bus routes all have to be paid for.',
    keywords: ['enforcement', 'cameras', 'wardens', 'council budget', 'fines'],
  },
];

export const DEBATE_POINTS: Point[] = [...POINTS.filter((p) => p.motion === 'car-free'), ...MORE, ...POINTS.filter((p) => p.motion !== 'car-free')];

const forPoints = DEBATE_POINTS.filter((p) => p.motion === 'car-free' && p.side === 'for');
const againstPoints = DEBATE_POINTS.filter((p) => p.motion === 'car-free' && p.side === 'against');

export const DEBATE_COUNTERPOINTS: Counterpoint[] = againstPoints.flatMap((a) =>
  forPoints.map((f) => ({ point: a.id, answer: f.id, rebuttal: `Against “${a.id}”, ${f.id} says so.` })));

/** Texts the synthetic matcher is sure of, one per point of the user's side (against). */
export const USER_ARGUMENTS: Record<string, string> = {
  'cars-against-access': 'wheelchair users and elderly people cannot walk far, they depend on a car',
  'cars-against-deliveries': 'delivery vans and plumbers still need to park',
  'cars-against-jobs': 'shoppers will drive to out-of-town malls and shop workers lose their jobs',
  'cars-against-cost': 'enforcement cameras and wardens will wreck the council budget',
};

/** A vague text the synthetic matcher asks about, between points of both sides. */
export const VAGUE = 'wheelchair users and clean air';

export async function debateServices(options: { path?: string; settings?: Partial<CoreSettings> } = {}): Promise<Services> {
  const pack = syntheticPack(DEBATE_POINTS, { counterpoints: DEBATE_COUNTERPOINTS });
  return createServices({
    pack,
    matcher: createMatcher(pack, SYNTHETIC_TUNING),
    store: await openSqliteStore(options.path ?? ':memory:'),
    settings: { debateTurnLimit: 20, ...options.settings },
    random: () => 0.25,
  });
}
