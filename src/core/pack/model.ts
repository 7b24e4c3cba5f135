import type {
  Anchor, Article, Counterpoint, DiscussionPrompt, Motion, PackManifest, Point, QuizQuestion, Side,
} from './schema.js';

/** A loaded, cross-checked pack with the look-ups the engines need. Read-only after load. */
export interface Pack {
  readonly dir: string;
  readonly manifest: PackManifest;
  readonly article: Article;
  readonly motions: readonly Motion[];
  readonly points: readonly Point[];
  readonly counterpoints: readonly Counterpoint[];
  /** Student-style example arguments, by point id (empty for a point without any). */
  readonly examplesOf: (pointId: string) => readonly string[];
  readonly quiz: readonly QuizQuestion[];
  readonly prompts: readonly DiscussionPrompt[];
  /** Every anchor of the article, K1… then P1…, with its verbatim text. */
  readonly anchors: ReadonlyMap<Anchor, string>;
  readonly motionById: ReadonlyMap<string, Motion>;
  /**
   * Live points by id. A retired id (retired.json) resolves to the point that replaced it, so
   * stored debates keep working; iterating lists live points only, as `points` does.
   */
  readonly pointById: ReadonlyMap<string, Point>;
  readonly questionById: ReadonlyMap<string, QuizQuestion>;
  readonly promptById: ReadonlyMap<string, DiscussionPrompt>;
  /** Counterpoints that answer a point (or the point that replaced a retired id), in pack order. */
  answersTo(pointId: string): readonly Counterpoint[];
  pointsOf(motionId: string, side?: Side): readonly Point[];
}

export function otherSide(side: Side): Side {
  return side === 'for' ? 'against' : 'for';
}
