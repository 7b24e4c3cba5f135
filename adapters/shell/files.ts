import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FileAttachment, Reply } from '../../src/core/reply.js';

/** A reply's file as the terminal keeps it: written to disk, shown by its path. */
export interface SavedFile {
  name: string;
  description: string;
  path: string;
  /** The file as text (the argument map), printed where the file cannot be shown. */
  text?: string;
}

/** Where the terminal keeps files when nothing else is said: beside the SQLite database. */
export function exportDirFor(databasePath: string): string {
  return resolve(databasePath === ':memory:' ? '.' : join(databasePath, '..'), 'exports');
}

/**
 * Writes each of a reply's files into `dir` (made if missing) and returns where. A name already
 * there gets a number (results-2.csv), so an earlier export is never overwritten.
 */
export function saveFiles(reply: Reply, dir: string): SavedFile[] {
  const files = reply.attachments ?? [];
  if (files.length === 0) return [];
  mkdirSync(dir, { recursive: true });
  return files.map((file) => ({
    name: file.name, description: file.description, path: writeNew(dir, file), ...(file.text ? { text: file.text } : {}),
  }));
}

function writeNew(dir: string, file: FileAttachment): string {
  const dot = file.name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [file.name.slice(0, dot), file.name.slice(dot)] : [file.name, ''];
  for (let n = 1; ; n++) {
    const path = resolve(dir, n === 1 ? file.name : `${stem}-${n}${ext}`);
    try {
      // 'wx' fails when the file exists: the check and the write are one step.
      writeFileSync(path, file.content, { flag: 'wx' });
      return path;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}
