import type { Pack } from '../../../src/core/pack/model.js';
import type { Counterpoint, Point } from '../../../src/core/pack/schema.js';
import { zeroWeights, type MatchTuning } from '../../../src/core/match/tuning.js';

/**
 * A small pack on an unrelated topic (car-free city centres, free public transport), so the unit
 * tests pin the matcher's behaviour without depending on the real content, which changes.
 */
export const POINTS: Point[] = [
  {
    id: 'cars-for-air',
    motion: 'car-free',
    side: 'for',
    source: 'editorial',
    claim: 'Banning cars from the centre cleans the air people breathe.',
    explanation: 'Exhaust fumes and nitrogen dioxide fall sharply when traffic leaves the centre, and asthma admissions drop with them.',
    keywords: ['air pollution', 'exhaust fumes', 'nitrogen dioxide', 'asthma', 'clean air'],
    synonyms: ['smog', 'dirty air', 'breathe easier'],
    quotes: [],
    sources: [],
  },
  {
    id: 'cars-for-shops',
    motion: 'car-free',
    side: 'for',
    source: 'editorial',
    claim: 'Pedestrian streets bring more customers to local shops.',
    explanation: 'People on foot linger, browse and spend; studies of pedestrianised high streets report higher takings after the change.',
    keywords: ['pedestrian streets', 'local shops', 'footfall', 'high street', 'retail'],
    synonyms: ['more shoppers', 'good for business'],
    quotes: [],
    sources: [],
  },
  {
    id: 'cars-against-access',
    motion: 'car-free',
    side: 'against',
    source: 'editorial',
    claim: 'A ban shuts out disabled and elderly people who depend on a car.',
    explanation: 'Wheelchair users and older residents often cannot walk or cycle far, and buses do not reach every door.',
    keywords: ['disabled', 'elderly', 'wheelchair', 'mobility', 'accessibility'],
    synonyms: ['old people', 'cannot walk far'],
    quotes: [],
    sources: [],
  },
  {
    id: 'cars-against-deliveries',
    motion: 'car-free',
    side: 'against',
    source: 'editorial',
    claim: 'Shops still need delivery vans, and tradespeople need to park.',
    explanation: 'Plumbers, electricians and couriers carry tools and parcels that do not fit on a bicycle.',
    keywords: ['delivery vans', 'couriers', 'tradespeople', 'parking', 'logistics'],
    synonyms: ['plumbers', 'parcels'],
    quotes: [],
    sources: [],
  },
  {
    id: 'fares-for-equity',
    motion: 'free-transit',
    side: 'for',
    source: 'editorial',
    claim: 'Free buses help poorer households most.',
    explanation: 'Fares take a larger share of low incomes; removing them is a transfer to those who need it most.',
    keywords: ['low income', 'poverty', 'fares', 'equity', 'households'],
    synonyms: ['poor people', 'cost of living'],
    quotes: [],
    sources: [],
  },
  {
    id: 'fares-against-funding',
    motion: 'free-transit',
    side: 'against',
    source: 'editorial',
    claim: 'Without fares, the network loses the money it needs for maintenance.',
    explanation: 'Ticket revenue pays for repairs and new routes; taxpayers would have to cover the gap, and service would suffer.',
    keywords: ['ticket revenue', 'maintenance', 'funding gap', 'taxpayers', 'budget'],
    synonyms: ['who pays', 'money for repairs'],
    quotes: [],
    sources: [],
  },
  {
    id: 'fares-for-air',
    motion: 'free-transit',
    side: 'for',
    source: 'editorial',
    claim: 'Free transit lures drivers out of their cars, which cleans the air.',
    explanation: 'When buses cost nothing, some commuters leave the car at home, cutting traffic and exhaust fumes.',
    keywords: ['commuters', 'traffic', 'exhaust fumes', 'air pollution', 'mode shift'],
    synonyms: ['fewer cars', 'leave the car at home'],
    quotes: [],
    sources: [],
  },
];

const MOTIONS = [
  { id: 'car-free', title: 'Car-free centres', statement: 'Ban cars from city centres.', summary: 'Cars.' },
  { id: 'free-transit', title: 'Free transit', statement: 'Make public transport free.', summary: 'Fares.' },
];

export interface SyntheticExtras {
  /** Student-style example arguments, by point id. */
  examples?: Readonly<Record<string, readonly string[]>>;
  counterpoints?: readonly Counterpoint[];
}

/** Only the parts of a Pack the matcher and the debate read are real; the rest are empty. */
export function syntheticPack(points: readonly Point[] = POINTS, extras: SyntheticExtras = {}): Pack {
  const pointById = new Map(points.map((p) => [p.id, p] as const));
  const counterpoints = extras.counterpoints ?? [];
  return {
    dir: '(synthetic)',
    manifest: { id: 'synthetic', title: 'Synthetic', language: 'en' },
    article: {
      title: 'Synthetic',
      outlet: 'Test',
      author: { name: 'Test', bio: 'Test' },
      published: null,
      keyPoints: [{ anchor: 'K1', text: 'Test.' }],
      paragraphs: [{ anchor: 'P1', text: 'Test.' }],
      readerViews: [],
    },
    motions: MOTIONS,
    points,
    counterpoints,
    examplesOf: (id) => extras.examples?.[id] ?? [],
    quiz: [],
    prompts: [],
    anchors: new Map([['K1', 'Test.'], ['P1', 'Test.']]),
    motionById: new Map(MOTIONS.map((m) => [m.id, m] as const)),
    pointById,
    questionById: new Map(),
    promptById: new Map(),
    answersTo: (id) => counterpoints.filter((c) => c.point === id),
    pointsOf: (motion, side) => points.filter((p) => p.motion === motion && (!side || p.side === side)),
  };
}

/**
 * Ranking and decision knobs set by hand for this small pack, so these tests pin the mechanics (ranking, the
 * three outcomes, the side rule) and not the shipped calibration, which is fitted to the real pack.
 */
export const SYNTHETIC_TUNING: Partial<MatchTuning> = {
  examplesAs: 'field',
  exampleBoost: 1,
  exampleCredit: 0.75,
  rankWeights: { coverage: 1, bm25: 0, example: 0, neighbour: 0 },
  sureModel: { bias: -7, weights: zeroWeights({ coverage: 10, margin: 3, strength: 3 }) },
  pointModel: { bias: -6, weights: zeroWeights({ coverage: 6, strength: 4 }) },
  sureAt: 0.5,
  // Its points tie on purpose across motions ("exhaust fumes" is both motions' air point): no lead is asked for.
  sureMargin: 0,
  askAt: 0.2,
  candidateRatio: 0.5,
  leaderRatio: 0.8,
  maxCandidates: 3,
};

