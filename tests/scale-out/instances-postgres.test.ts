import { postgres } from './support/backends.js';
import { instanceTests } from './support/instances.js';

// One file per backend, so the two real-clock suites run side by side.
await postgres.describe('Instances sharing one Postgres database', () => instanceTests(postgres));
