import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packJsonSchemas } from '../../../src/core/pack/json-schema.js';
import { PackFiles } from '../../../src/core/pack/schema.js';

describe('the JSON Schemas for editors', () => {
  it('are committed as generated: run `npm run pack-schema` after changing the pack schema', async () => {
    const schemas = packJsonSchemas();
    expect(Object.keys(schemas)).toHaveLength(Object.keys(PackFiles).length);
    for (const [name, schema] of Object.entries(schemas)) {
      const committed = JSON.parse(await readFile(join(__dirname, '../../../content/schema', name), 'utf8'));
      expect(committed, name).toEqual(JSON.parse(JSON.stringify(schema)));
    }
  });

  it('describe the fields a point must have', () => {
    const points = packJsonSchemas()['points.schema.json'] as { items: { required: string[] } };
    expect(points.items.required).toEqual(expect.arrayContaining(['id', 'motion', 'side', 'source', 'claim', 'quotes']));
  });
});
