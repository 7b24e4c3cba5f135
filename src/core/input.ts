import type { Actor, OptionValue, Platform } from './context.js';
import type { OptionSpec, SubcommandSpec } from './commands/spec.js';
import { MAX_USER_TEXT } from './reply.js';

/**
 * Every option is read here, once, before any handler runs: the command list says what each option
 * is, and what reaches a handler is already clean, of the right type, within what the store holds,
 * and (for a channel) in the platform's own form. Handlers read values and need no checks of their own.
 */

export type Normalised =
  | { ok: true; options: Record<string, OptionValue> }
  /** `tooLong` carries the lengths, so the reply can say how much to cut. */
  | { ok: false; problem: string; tooLong?: { length: number; limit: number } };

// C0 and C1 control characters and DEL. Tab and newline are kept where a text may have lines.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const LINE_BREAKS = /[\t\n\u000B\u000C\r\u0085\u2028\u2029]+/g;
// A surrogate without its pair is not text: a UTF-8 database cannot hold it as typed.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Free text as it may be stored and shown: no NUL or other control characters; lines kept only when `multiline`. */
export function cleanText(text: string, multiline: boolean): string {
  const lines = text.replace(/\r\n?/g, '\n').replace(LONE_SURROGATE, '');
  return (multiline ? lines : lines.replace(LINE_BREAKS, ' ')).replace(CONTROL, '');
}

/** One line of text, cleaned, trimmed and cut to `max` without splitting a character in two. */
export function boundedLine(text: string, max: number): string {
  return cleanText(text, false).trim().slice(0, max).replace(LONE_SURROGATE, '');
}

/** How a typed value is quoted back in an error: clean, and short enough to read. */
export function quoted(raw: unknown): string {
  const text = cleanText(typeof raw === 'string' ? raw : String(raw), false).trim();
  return `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;
}

/** The longest user name the store holds. */
export const MAX_USER_NAME = 100;

/** The acting user as the store may hold them: the name (typed on the terminal, chosen on a platform) cleaned and bounded. */
export function cleanActor(user: Actor): Actor {
  return { id: user.id, name: boundedLine(user.name, MAX_USER_NAME) || boundedLine(user.id, MAX_USER_NAME) };
}

/** The longest id (of a user, a channel, a server) or terminal channel name the store holds. */
export const MAX_ID = 64;

interface ChannelForm {
  read(text: string): string | null;
  /** What to type instead, in the platform's words. */
  hint: string;
}

const CHANNEL_FORMS: Record<Platform, ChannelForm> = {
  // Discord sends a picked channel as its id (a snowflake); a pasted mention is <#id>.
  discord: {
    read: (t) => /^(?:<#(\d{17,20})>|(\d{17,20}))$/.exec(t)?.slice(1).find(Boolean) ?? null,
    hint: 'pick a channel from the list Discord offers, or paste its mention, such as <#123456789012345678>',
  },
  // Slack escapes a typed #channel as <#C0123ABCD|name>; public, private and direct channels start C, G, D.
  slack: {
    read: (t) => /^(?:<#([CGD][A-Z0-9]{2,30})(?:\|[^<>]{0,80})?>|#?([CGD][A-Z0-9]{2,30}))$/.exec(t)?.slice(1).find(Boolean) ?? null,
    hint: 'type # and pick the channel from the list Slack offers',
  },
  // The terminal's channels are names (the :channel command moves between them).
  shell: {
    read: (t) => /^#?([A-Za-z0-9][A-Za-z0-9_-]{0,63})$/.exec(t)?.[1] ?? null,
    hint: `give a channel name such as #general: letters, digits, - and _, at most ${MAX_ID} characters`,
  },
};

/** The channel id a typed channel names on `platform`, or null when it is not in the platform's form. */
export function readChannel(platform: Platform, text: string): string | null {
  return CHANNEL_FORMS[platform].read(cleanText(text, false).trim());
}

function expectation(spec: OptionSpec): string {
  if (spec.choices) return `one of ${spec.choices.map((c) => c.value).join(', ')}`;
  if (spec.type === 'integer') return `a whole number${spec.minValue !== undefined ? ` from ${spec.minValue} to ${spec.maxValue}` : ''}`;
  if (spec.type === 'boolean') return 'true or false';
  return 'some text';
}

type Read = { ok: true; value: OptionValue | undefined } | { ok: false; problem: string; tooLong?: { length: number; limit: number } };

function readOption(platform: Platform, spec: OptionSpec, raw: unknown): Read {
  const invalid = (): Read => ({ ok: false, problem: `${quoted(raw)} is not a valid value for ${spec.name}: it takes ${expectation(spec)}.` });
  if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
    return { ok: false, problem: `What was given for ${spec.name} is not a value I can read: it takes ${expectation(spec)}.` };
  }
  switch (spec.type) {
    case 'integer': {
      const text = typeof raw === 'string' ? cleanText(raw, false).trim() : raw;
      const n = typeof text === 'number' ? text : typeof text === 'string' && /^-?\d{1,9}$/.test(text) ? Number(text) : NaN;
      if (!Number.isInteger(n)) return invalid();
      if ((spec.minValue !== undefined && n < spec.minValue) || (spec.maxValue !== undefined && n > spec.maxValue)) return invalid();
      return { ok: true, value: n };
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      const s = cleanText(String(raw), false).trim().toLowerCase();
      if (s === 'true' || s === 'yes') return { ok: true, value: true };
      if (s === 'false' || s === 'no') return { ok: true, value: false };
      return invalid();
    }
    default: {
      const text = cleanText(String(raw), spec.multiline === true).trim();
      // Blank says nothing: the option counts as not given.
      if (text === '') return { ok: true, value: undefined };
      const limit = spec.type === 'channel' ? MAX_USER_TEXT : spec.maxLength ?? MAX_USER_TEXT;
      if (text.length > limit) return { ok: false, problem: `${spec.name} is too long`, tooLong: { length: text.length, limit } };
      if (spec.choices) {
        const choice = spec.choices.find((c) => c.value.toLowerCase() === text.toLowerCase());
        return choice ? { ok: true, value: choice.value } : invalid();
      }
      if (spec.type === 'channel') {
        const id = readChannel(platform, text);
        return id ? { ok: true, value: id } : { ok: false, problem: `${quoted(text)} is not a channel I can post in: ${CHANNEL_FORMS[platform].hint}.` };
      }
      return { ok: true, value: text };
    }
  }
}

/**
 * Reads what was given for `sub`: unknown options, wrong types, values out of range and channels
 * in the wrong form are refused with a sentence; required options must be there after cleaning.
 */
export function normaliseOptions(
  platform: Platform, commandName: string, sub: SubcommandSpec, given: Readonly<Record<string, unknown>>,
): Normalised {
  const out: Record<string, OptionValue> = {};
  for (const [name, raw] of Object.entries(given)) {
    if (raw === undefined || raw === null) continue;
    const spec = sub.options.find((o) => o.name === name.toLowerCase());
    if (!spec) return { ok: false, problem: `/${commandName} ${sub.name} has no option ${quoted(name)}.` };
    const read = readOption(platform, spec, raw);
    if (!read.ok) return read;
    if (read.value !== undefined) out[spec.name] = read.value;
  }
  const missing = sub.options.find((o) => o.required && out[o.name] === undefined);
  if (missing) {
    return { ok: false, problem: `/${commandName} ${sub.name} needs ${missing.name} (${missing.description.toLowerCase()}), e.g. ${exampleOf(missing)}.` };
  }
  return { ok: true, options: out };
}

function exampleOf(spec: OptionSpec): string {
  const value = spec.choices?.[0]?.value ?? (spec.type === 'integer' ? String(spec.minValue ?? 1) : '…');
  return `${spec.name}:${value}`;
}
