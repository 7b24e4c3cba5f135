import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { FileAttachment } from '../../src/core/reply.js';

/**
 * The terminal has nowhere to show a file, so it saves each one into `dir` and prints the path.
 * A file never replaces an earlier one of the same name: the next free "-2", "-3"… is taken.
 */
export function saveAttachment(dir: string, file: FileAttachment): string {
  mkdirSync(dir, { recursive: true });
  // The name comes from the core, but a path must stay inside `dir` whatever it holds.
  const safe = basename(file.name).replace(/[^\w.-]+/g, '-') || 'file';
  const ext = extname(safe);
  const stem = safe.slice(0, safe.length - ext.length);
  let path = join(dir, safe);
  for (let n = 2; existsSync(path); n++) path = join(dir, `${stem}-${n}${ext}`);
  writeFileSync(path, file.content);
  return path;
}
