/**
 * Weighted, L2-regularised logistic regression by Newton's method (IRLS): a dozen features and a
 * few thousand rows converge in a handful of steps, with no dependency.
 */
export interface Fitted {
  bias: number;
  weights: number[];
}

export function fitLogistic(rows: readonly number[][], labels: readonly number[], sampleWeights: readonly number[], l2 = 1): Fitted {
  const d = rows[0]?.length ?? 0;
  let beta = new Array<number>(d + 1).fill(0); // beta[0] is the bias
  for (let iter = 0; iter < 50; iter++) {
    const grad = new Array<number>(d + 1).fill(0);
    const hess = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    rows.forEach((x, i) => {
      const z = beta[0]! + x.reduce((s, v, j) => s + v * beta[j + 1]!, 0);
      const p = 1 / (1 + Math.exp(-z));
      const w = sampleWeights[i]!;
      const xi = [1, ...x];
      const r = (labels[i]! - p) * w;
      const h = p * (1 - p) * w;
      for (let a = 0; a <= d; a++) {
        grad[a]! += r * xi[a]!;
        for (let b = 0; b <= d; b++) hess[a]![b]! += h * xi[a]! * xi[b]!;
      }
    });
    for (let a = 1; a <= d; a++) {
      grad[a]! -= l2 * beta[a]!;
      hess[a]![a]! += l2;
    }
    hess[0]![0]! += 1e-9;
    const step = solve(hess, grad);
    beta = beta.map((b, i) => b + step[i]!);
    if (Math.max(...step.map(Math.abs)) < 1e-7) break;
  }
  return { bias: beta[0]!, weights: beta.slice(1) };
}

/** Gaussian elimination with partial pivoting: solves A x = b for a small dense A. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const m = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    const p = m[c]![c]!;
    if (Math.abs(p) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / p;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[n]! / row[i]!));
}
