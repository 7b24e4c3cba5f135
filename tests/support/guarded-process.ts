// A process under the last-resort guard, for tests/process-guard.test.ts: one event's promise fails
// (the process must carry on), then a timer throws outside any promise (the process must exit 1).
import { setTimeout as delay } from 'node:timers/promises';
import { createLogger } from '../../src/logging.js';
import { guardProcess } from '../../src/process-guard.js';

guardProcess(createLogger('info', []));
// Like a library's event handler that throws inside its async message handler.
void (async () => {
  await delay(1);
  throw new TypeError('a malformed event');
})();
await delay(200);
process.stdout.write('still up after the failed event\n');
setTimeout(() => {
  throw new Error('nothing expected this');
}, 1);
// Keeps the process alive, as a bot's sockets do: only the guard's exit ends it.
setInterval(() => {}, 1000);
