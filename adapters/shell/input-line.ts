/** What one line typed at the terminal asks for. */
export type ShellLine =
  | { kind: 'empty' }
  | { kind: 'command'; command: string; text: string }
  | { kind: 'choice'; number: number }
  | { kind: 'meta'; name: 'user' | 'channel' | 'sleep' | 'quit' | 'help'; arg: string }
  | { kind: 'unknown'; text: string };

const META = new Set(['user', 'channel', 'sleep', 'quit', 'exit', 'help']);

export function parseShellLine(line: string): ShellLine {
  const text = line.trim();
  if (!text || text.startsWith('#')) return { kind: 'empty' };
  if (/^\d{1,3}$/.test(text)) return { kind: 'choice', number: Number(text) };
  const meta = /^:(\w+)\s*(.*)$/.exec(text);
  if (meta && META.has(meta[1]!.toLowerCase())) {
    const name = meta[1]!.toLowerCase();
    return { kind: 'meta', name: (name === 'exit' ? 'quit' : name) as 'user', arg: meta[2]!.trim() };
  }
  const command = /^\/?([a-z]+)(?:\s+([\s\S]*))?$/i.exec(text);
  if (command && text.startsWith('/')) return { kind: 'command', command: command[1]!.toLowerCase(), text: command[2] ?? '' };
  return { kind: 'unknown', text };
}
