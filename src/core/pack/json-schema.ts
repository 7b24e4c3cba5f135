import { z } from 'zod';
import { PackFiles } from './schema.js';

/**
 * JSON Schemas for editors (VS Code and others validate and autocomplete a pack file with them),
 * generated from the same zod schemas the loader uses, so the two cannot disagree.
 */
export function packJsonSchemas(): Record<string, object> {
  const out: Record<string, object> = {};
  for (const { file, schema } of Object.values(PackFiles)) {
    const name = file.replace(/\.json$/, '.schema.json');
    out[name] = { ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), title: `rostrum content pack: ${file}` };
  }
  return out;
}
