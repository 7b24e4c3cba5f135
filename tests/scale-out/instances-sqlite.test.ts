import { sqlite } from './support/backends.js';
import { instanceTests } from './support/instances.js';

// One file per backend, so the two real-clock suites run side by side.
await sqlite.describe('Instances sharing one SQLite file', () => instanceTests(sqlite));
