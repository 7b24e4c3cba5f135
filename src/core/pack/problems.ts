/** One thing wrong with a pack: where (file and path inside it) and what was expected. */
export interface PackProblem {
  file: string;
  path: string;
  message: string;
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}

export function formatProblem(p: PackProblem): string {
  return `${p.file} ${p.path}: ${p.message}`;
}

export class PackError extends Error {
  constructor(readonly problems: PackProblem[]) {
    super(`the content pack has ${problems.length} problem(s):\n` + problems.map((p) => '  - ' + formatProblem(p)).join('\n'));
    this.name = 'PackError';
  }
}
