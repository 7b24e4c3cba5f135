/**
 * One instance starting up, for the migration tests: loads, says "loaded", and on a "go" line opens
 * (and so migrates) the store, writes one row, and says "opened" or "failed: <why> (at <step>)".
 *
 *   node bin/run-ts.js tests/scale-out/support/opener.ts <sqlite file | postgres url>
 *
 * The "go" line lets a test start several of these migrating at the same moment, which process
 * start-up times (hundreds of milliseconds apart) would not.
 */
import { createInterface } from 'node:readline';
import { openTarget } from './target.js';

const [target] = process.argv.slice(2);
if (!target) {
  console.error('usage: opener.ts <sqlite file | postgres url>');
  process.exit(2);
}
setTimeout(() => process.exit(5), 30_000).unref();

createInterface({ input: process.stdin }).once('line', () => {
  void (async () => {
    // The step is named in a failure: opening (and migrating), the first write or closing.
    let step = 'open';
    try {
      const store = await openTarget(target);
      step = 'write';
      await store.claimRequest(`opened-by-${process.pid}`, Date.now());
      step = 'close';
      await store.close();
      process.stdout.write('opened\n');
      process.exit(0);
    } catch (err) {
      process.stdout.write(`failed: ${err instanceof Error ? err.message : String(err)} (at ${step})\n`);
      process.exit(1);
    }
  })();
});
process.stdout.write('loaded\n');
