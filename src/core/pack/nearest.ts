/**
 * The defined id a misspelt reference most likely meant, for "did you mean …?". Case, underscores
 * and spaces are forgiven first, since ids are lowercase with dashes and people type otherwise.
 */
export function nearestId(wanted: string, ids: Iterable<string>): string | undefined {
  const target = normaliseId(wanted);
  // A wrong letter or two in a short id, about a third of a long one: beyond that it is a guess.
  const limit = Math.max(2, Math.floor(target.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const id of ids) {
    const d = editDistance(target, normaliseId(id), bestDistance);
    if (d < bestDistance) {
      best = id;
      bestDistance = d;
    }
  }
  return best;
}

function normaliseId(id: string): string {
  return id.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/** Levenshtein distance, giving up (returning `cap`) once every path costs at least `cap`. */
export function editDistance(a: string, b: string, cap = Infinity): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin >= cap) return cap;
    previous = current;
  }
  return Math.min(previous[b.length]!, cap);
}
