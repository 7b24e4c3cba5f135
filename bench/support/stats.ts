/** Order statistics and the one-line summaries every benchmark prints. */

export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const median = (xs: readonly number[]): number => quantile(xs, 0.5);

/** A figure over trials: its median and the range the trials spread over. */
export function summary(xs: readonly number[]): string {
  if (xs.length === 0) return 'n/a';
  const f = (x: number) => (!Number.isFinite(x) ? String(x) : x.toFixed(Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2));
  if (xs.length === 1) return f(xs[0]!);
  return `${f(median(xs))} [${f(Math.min(...xs))}–${f(Math.max(...xs))}]`;
}

export interface Row {
  figure: string;
  /** rostrum's values, one per trial. */
  ours: number[];
  /** The floor's values, one per trial (same trials, interleaved), when the figure has one. */
  floor?: number[];
  unit: string;
  /** Each trial's ratio: ours / floor by default; pass the trial ratios when they are computed otherwise. */
  ratios?: number[];
  target?: string;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** Prints rows as a table: the figure, median [min–max] of ours, of the floor, and of their ratio per trial. */
export function printTable(title: string, rows: readonly Row[]): void {
  console.log(`\n== ${title}`);
  console.log(`${pad('figure', 44)} ${pad('rostrum', 22)} ${pad('floor', 22)} ${pad('ratio', 20)} target`);
  for (const r of rows) {
    const ratios = r.ratios ?? (r.floor ? r.ours.map((x, i) => x / r.floor![i]!) : []);
    const unit = r.unit ? ` ${r.unit}` : '';
    console.log(
      `${pad(r.figure, 44)} ${pad(summary(r.ours) + unit, 22)} ${pad(r.floor ? summary(r.floor) + unit : '', 22)} ${pad(ratios.length ? summary(ratios) + '×' : '', 20)} ${r.target ?? ''}`,
    );
  }
}
