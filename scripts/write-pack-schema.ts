// Regenerates content/schema/*.schema.json from the pack's zod schemas: `npm run pack-schema`.
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { packJsonSchemas } from '../src/core/pack/json-schema.js';

const dir = join(import.meta.dirname, '../content/schema');
await mkdir(dir, { recursive: true });
for (const [name, schema] of Object.entries(packJsonSchemas())) {
  await writeFile(join(dir, name), JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote content/schema/${name}`);
}
