// `npm run pack-review [-- [pack-dir] [--markdown] [--width N]]`: every author point's claim beside its
// quotes, every editorial point beside its sources, and every counterpoint's point, answer and
// rebuttal side by side, so a reviewer sees at a glance whether each one holds.
import { loadPack, DEFAULT_PACK_DIR } from '../src/core/pack/load.js';
import { PackError, formatProblem } from '../src/core/pack/problems.js';
import { reviewSections } from './pack-review/review.js';
import { renderMarkdown, renderTerminal } from './pack-review/layout.js';

// Piped into `head` or `less` that quits early: stop quietly instead of throwing EPIPE.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const args = process.argv.slice(2);
const markdown = args.includes('--markdown');
const widthAt = args.indexOf('--width');
const width = widthAt >= 0 ? Number(args[widthAt + 1]) : process.stdout.columns || 120;
const dir = args.find((a, i) => !a.startsWith('--') && (widthAt < 0 || i !== widthAt + 1)) ?? process.env.CONTENT_PACK ?? DEFAULT_PACK_DIR;

if (!Number.isInteger(width) || width < 60) {
  console.error('--width needs a whole number of columns, at least 60');
  process.exit(2);
}
try {
  const sections = reviewSections(await loadPack(dir));
  process.stdout.write(markdown ? renderMarkdown(sections) : renderTerminal(sections, width));
} catch (err) {
  if (!(err instanceof PackError)) throw err;
  console.error(`${dir}: the pack has problems; fix them first (npx rostrum validate):\n${err.problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
  process.exit(1);
}
