import type { Point } from './schema.js';

/**
 * Points by id, where a retired id answers with the point that replaced it. Engines look points up
 * by the ids stored in debates and choices, so they keep working after a merge without knowing of
 * it; `size`, `keys()` and iteration cover live points only, like `pack.points`.
 */
export class PointLookup extends Map<string, Point> {
  readonly #replacedBy: ReadonlyMap<string, string>;

  constructor(points: readonly Point[], replacedBy: ReadonlyMap<string, string>) {
    super(points.map((p) => [p.id, p] as const));
    this.#replacedBy = replacedBy;
  }

  override get(id: string): Point | undefined {
    const live = super.get(id);
    if (live) return live;
    const replacement = this.#replacedBy.get(id);
    return replacement === undefined ? undefined : super.get(replacement);
  }

  override has(id: string): boolean {
    return this.get(id) !== undefined;
  }
}
