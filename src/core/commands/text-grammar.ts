import type { CommandSpec, OptionSpec, SubcommandSpec } from './spec.js';
import type { OptionValue } from '../context.js';

/**
 * The text grammar that Slack and the terminal share, derived from the command list:
 *   /debate start side:against motion:de-facto-member
 *   /debate start against de-facto-member        (positional words where unambiguous)
 *   /debate reply ukraine is already in nato     (bare words fill the subcommand's `rest` option)
 * An option's value runs to the next known `name:` or the end of the line, and may be quoted.
 */

export type ParsedText =
  | { ok: true; subcommand: SubcommandSpec; options: Record<string, OptionValue> }
  | { ok: false; problem?: string };

const QUOTES: Record<string, string> = { '"': '"', '“': '”', "'": "'", '‘': '’' };

function unquote(value: string): string {
  const v = value.trim();
  const close = QUOTES[v[0] ?? ''];
  return close && v.length >= 2 && v.endsWith(close) ? v.slice(1, -1) : v;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Splits `text` at `name:` markers of the given option names (at word starts, case-insensitive). */
function splitAtMarkers(text: string, names: string[]): { positional: string; named: [string, string, boolean][] } {
  if (names.length === 0) return { positional: text, named: [] };
  const marker = new RegExp(`(^|\\s)(${names.map(escapeRegExp).join('|')}):`, 'gi');
  const hits: RegExpExecArray[] = [];
  // A quoted value is taken whole: a `name:` inside the quotes is part of the value.
  let quotedUntil = -1;
  for (const hit of text.matchAll(marker)) {
    if (hit.index < quotedUntil) continue;
    hits.push(hit);
    const start = hit.index + hit[0].length;
    const open = start + (/^\s*/.exec(text.slice(start))?.[0].length ?? 0);
    const close = QUOTES[text[open] ?? ''];
    const end = close ? text.indexOf(close, open + 1) : -1;
    quotedUntil = end === -1 ? -1 : end + 1;
  }
  if (hits.length === 0) return { positional: text, named: [] };
  const named: [string, string, boolean][] = [];
  const first = hits[0]!;
  const positional = text.slice(0, first.index);
  hits.forEach((hit, i) => {
    const start = hit.index + hit[0].length;
    const end = i + 1 < hits.length ? hits[i + 1]!.index : text.length;
    const raw = text.slice(start, end);
    const value = unquote(raw);
    named.push([hit[2]!.toLowerCase(), value, value !== raw.trim()]);
  });
  return { positional, named };
}

/** Which option a bare word can only mean: a choice value, a number, or a motion id. */
function positionalTarget(word: string, options: readonly OptionSpec[], taken: Set<string>, motionIds: readonly string[]): OptionSpec | undefined {
  const free = options.filter((o) => !taken.has(o.name) && !o.namedOnly);
  const byChoice = free.filter((o) => o.choices?.some((c) => c.value.toLowerCase() === word.toLowerCase()));
  if (byChoice.length === 1) return byChoice[0];
  if (/^\d+$/.test(word)) {
    const ints = free.filter((o) => o.type === 'integer');
    if (ints.length === 1) return ints[0];
  }
  if (motionIds.includes(word.toLowerCase())) {
    const motions = free.filter((o) => o.autocomplete === 'motion');
    if (motions.length === 1) return motions[0];
  }
  return undefined;
}

/** “colour” is not an option of /debate start; its options are motion, side. */
export function notAnOption(command: CommandSpec, sub: SubcommandSpec, name: string): string {
  const where = `/${command.name} ${sub.name}`;
  if (sub.options.length === 0) return `“${name}” is not an option: ${where} takes none.`;
  const names = sub.options.map((o) => o.name);
  return `“${name}” is not an option of ${where}; its option${names.length === 1 ? ' is' : 's are'} ${names.join(', ')}.`;
}

export function parseCommandText(command: CommandSpec, text: string, motionIds: readonly string[] = []): ParsedText {
  const trimmed = text.trim();
  const [firstWord = ''] = trimmed.split(/\s+/, 1);
  let sub = command.subcommands.find((s) => s.name === firstWord.toLowerCase());
  let rest = sub ? trimmed.slice(firstWord.length).trim() : trimmed;
  if (!sub) {
    if (firstWord.toLowerCase() === 'help') return { ok: false };
    sub = command.subcommands.find((s) => s.name === command.defaultSubcommand);
    if (!sub) return { ok: false, problem: firstWord ? `/${command.name} has no subcommand “${firstWord}”.` : undefined };
    rest = trimmed;
  }

  const options: Record<string, OptionValue> = {};
  const restOption = sub.options.find((o) => o.rest);
  const names = sub.options.map((o) => o.name);
  let split = splitAtMarkers(rest, names);
  // Free text may contain its own option's name ("/debate reply read the text: …"): after bare words it is text.
  if (restOption && split.positional.trim() && split.named.some(([name]) => name === restOption.name)) {
    split = splitAtMarkers(rest, names.filter((name) => name !== restOption.name));
  }
  const { positional, named } = split;
  for (const [name, value, quoted] of named) {
    // A `word:` inside another option's value is an option typed wrong, not part of the value;
    // free text and quoted values may hold colons freely.
    const stray = quoted || name === restOption?.name ? undefined : /(?:^|\s)([A-Za-z][\w-]*):/.exec(value)?.[1];
    if (stray) return { ok: false, problem: notAnOption(command, sub, stray) };
    options[name] = value;
  }

  const bare = positional.trim();
  if (bare) {
    if (restOption && !(restOption.name in options)) {
      options[restOption.name] = unquote(bare);
    } else {
      const taken = new Set(Object.keys(options));
      for (const word of bare.split(/\s+/)) {
        const looksNamed = /^([A-Za-z][\w-]*):/.exec(word);
        if (looksNamed) return { ok: false, problem: notAnOption(command, sub, looksNamed[1]!) };
        const target = positionalTarget(word, sub.options, taken, motionIds);
        if (!target) return { ok: false, problem: `I don’t know what “${word}” means for /${command.name} ${sub.name}.` };
        options[target.name] = word;
        taken.add(target.name);
      }
    }
  }
  return { ok: true, subcommand: sub, options };
}
