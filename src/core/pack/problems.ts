/** One thing wrong with a pack: where (file and path inside it) and what was expected. */
export interface PackProblem {
  file: string;
  path: string;
  message: string;
  /** The id of the entry the path points into, when it has one: "[3]" alone is hard to find in a file. */
  id?: string;
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}

export function formatProblem(p: PackProblem): string {
  return `${p.file} ${p.path}${p.id ? ` (id “${p.id}”)` : ''}: ${p.message}`;
}

/** Adds the id of the entry each `[n]…` path points into, read from the file's parsed content. */
export function withIds(problems: PackProblem[], contentOf: (file: string) => unknown): PackProblem[] {
  return problems.map((p) => {
    const index = /^\[(\d+)\]/.exec(p.path)?.[1];
    const content = contentOf(p.file);
    if (index === undefined || !Array.isArray(content)) return p;
    const id = (content[Number(index)] as { id?: unknown } | undefined)?.id;
    return typeof id === 'string' && id ? { ...p, id } : p;
  });
}

/** Where in a JSON text a parse error happened, as a line and column a person can find. */
export function jsonErrorWhere(text: string, err: Error): string {
  const position = jsonErrorPosition(text, err.message);
  if (position === null) return err.message;
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  const what = err.message.replace(/ in JSON at position \d+.*$/s, '').replace(/, (?:\.\.\.)?"[\s\S]*" is not valid JSON$/, '');
  return `${what} at line ${line}, column ${column}`;
}

/**
 * V8 reports either "at position N" or, for an unexpected token, the token and up to ten characters
 * either side of it ("Unexpected token 'o', ..."on": oops }..." is not valid JSON"); find it either way.
 */
function jsonErrorPosition(text: string, message: string): number | null {
  const at = /position (\d+)/.exec(message)?.[1];
  if (at !== undefined) return Number(at);
  const token = /^Unexpected token '(.+?)', (\.\.\.)?"([\s\S]*?)(?:\.\.\.)?" is not valid JSON$/.exec(message);
  if (!token) return null;
  const [, tok, cut, snippet] = token as unknown as [string, string, string | undefined, string];
  if (cut) {
    const start = text.indexOf(snippet);
    return start < 0 ? null : start + 10;
  }
  // The whole text was quoted: the token is its first occurrence outside a string literal.
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (text.startsWith(tok, i)) return i;
  }
  return null;
}

export class PackError extends Error {
  constructor(readonly problems: PackProblem[], readonly dir?: string) {
    super(
      `the content pack${dir ? ` in ${dir}` : ''} has ${problems.length} problem(s):\n` +
        problems.map((p) => '  - ' + formatProblem(p)).join('\n'),
    );
    this.name = 'PackError';
  }
}
