import type { BaseContext, Platform, Services } from '../../../src/core/context.js';
import type { OptionSpec, SubcommandSpec } from '../../../src/core/commands/spec.js';
import { COMMANDS } from '../../../src/core/commands/index.js';
import { runChoice, runCommand, runText } from '../../../src/core/dispatch.js';
import { renderPlainText, type Choice, type Reply } from '../../../src/core/reply.js';
import { HOSTILE_TEXTS, noise, pick } from './hostile.js';

/** Channels in each platform's own form, as its adapter hands them to the core. */
const CHANNELS: Record<Platform, readonly string[]> = {
  discord: ['910000000000000010', '910000000000000011'],
  slack: ['C0GENERAL', 'C0ELSEWHERE'],
  shell: ['general', 'class-10a'],
};
const SERVERS: Record<Platform, string> = { discord: '910000000000000001', slack: 'T0FAKE', shell: 'shell' };
const USERS: Record<Platform, readonly string[]> = {
  discord: ['710000000000000001', '710000000000000002'],
  slack: ['U0ALICE', 'U0BOB'],
  shell: ['alice', 'bob'],
};
const PLATFORMS: readonly Platform[] = ['discord', 'slack', 'shell'];

/** Values of every wrong type an adapter could hand over by mistake. */
const WRONG_TYPES: readonly unknown[] = [0, -1, 1.5, 1e12, -1e12, Infinity, Number.NaN, true, false, {}, [], ['a'], '', '   '];
/** Values aimed at known weak spots: bare and broken channel mentions, impossible cadences, blank text. */
const SPECIAL: readonly string[] = [
  '#', '##', '<#>', '<#|>', '<#C|x>', '<#123>', '<#C0GENERAL|general', '<@U0BOB>', 'channel:#', '-1', '-1 * * * *',
  '*/0 * * * *', '0 0 30 2 *', '61 9 * * *', '0 9 * * 8', '* * * * *', '@daily', '0 9 5-1 * *', '99:99', '25:00', '-5m', '0m',
  '9999999d', '1e9', '0x10', '2026-13-45', '0000-00-00', 'Etc/GMT+99', '+03:00', 'Europe/../../etc', '\u0000', '\u0000\u0000',
  '\t\n', 'null', '{}', 'NaN',
];

function plausible(random: () => number, spec: OptionSpec, platform: Platform, services: Services, ids: readonly string[]): unknown {
  if (spec.choices) {
    const value = pick(random, spec.choices).value;
    return random() < 0.2 ? value.toUpperCase() : value;
  }
  if (spec.type === 'integer') {
    const min = spec.minValue ?? 0;
    const max = spec.maxValue ?? 100;
    return min + Math.floor(random() * (max - min + 1));
  }
  if (spec.type === 'boolean') return random() < 0.5;
  if (spec.type === 'channel') {
    const id = pick(random, CHANNELS[platform]);
    return platform === 'discord' && random() < 0.5 ? `<#${id}>` : platform === 'slack' && random() < 0.5 ? `<#${id}|name>` : id;
  }
  switch (spec.name) {
    case 'cadence': return pick(random, ['daily', 'weekdays', 'weekly:mon', '0 9 * * 1-5', '*/15 * * * *', '0 12 1 * *']);
    case 'time': return pick(random, ['09:00', '9am', '21:30', '12 noon']);
    case 'timezone': return pick(random, ['Europe/Kyiv', 'kyiv', 'UTC', 'new york', 'portland']);
    case 'closes_after': return pick(random, ['2h', '90m', '1d']);
    case 'since': return pick(random, ['2026-01-05', '2025-12-31']);
    case 'motion': return pick(random, services.pack.motions).id;
    // Mostly an id that names nothing: cancelling every schedule would leave the row check little to see.
    case 'id': return ids.length > 0 && random() < 0.2 ? pick(random, ids) : 'abcdef';
    case 'topic': return pick(random, ['nato', 'membership', 'security']);
    default: return pick(random, HOSTILE_TEXTS);
  }
}

/** One option's value: plausible, hostile, noise, a wrong type, a weak spot, or plausible with a NUL in it. */
function fuzzedValue(random: () => number, spec: OptionSpec, platform: Platform, services: Services, ids: readonly string[]): unknown {
  const r = random();
  if (r < 0.35) return plausible(random, spec, platform, services, ids);
  if (r < 0.5) return pick(random, HOSTILE_TEXTS);
  if (r < 0.65) return noise(random, pick(random, [1, 3, 10, 65, 130, 250, 2100]));
  if (r < 0.75) return pick(random, WRONG_TYPES);
  if (r < 0.9) return pick(random, SPECIAL);
  const valid = String(plausible(random, spec, platform, services, ids));
  const at = Math.floor(random() * (valid.length + 1));
  return `${valid.slice(0, at)}${pick(random, ['\u0000', '\u0007', '\u001b', '\r\n', '\u202e'])}${valid.slice(at)}`;
}

/**
 * Either every option fuzzed, or (half the time) plausible values with one fuzzed among them:
 * a single bad value next to good ones is what reaches a handler, and then the store.
 */
function fuzzedOptions(random: () => number, sub: SubcommandSpec, platform: Platform, services: Services, ids: readonly string[]): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  if (random() < 0.5) {
    for (const spec of sub.options) {
      if (spec.required || random() < 0.6) options[spec.name] = plausible(random, spec, platform, services, ids);
    }
    const spec = sub.options.length > 0 && random() < 0.8 ? pick(random, sub.options) : undefined;
    if (spec) options[spec.name] = fuzzedValue(random, spec, platform, services, ids);
  } else {
    for (const spec of sub.options) if (random() < 0.6) options[spec.name] = fuzzedValue(random, spec, platform, services, ids);
  }
  if (random() < 0.05) options[random() < 0.5 ? 'bogus' : noise(random, 8)] = pick(random, HOSTILE_TEXTS);
  return options;
}

/** How a Slack or terminal user would type the same options. */
function asText(sub: SubcommandSpec, options: Record<string, unknown>): string {
  const parts = Object.entries(options).map(([name, value]) => `${name}:${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  return [sub.name, ...parts].join(' ');
}

export interface FuzzOutcome {
  lines: number;
  /** Lines by the path they took: options as Discord sends them, typed text, or a box's text after a click. */
  byPath: { options: number; text: number; choice: number };
  problems: string[];
}

/** What no reply may contain: our own failure sentence, or a library's words. */
const FAILURE = /Something went wrong/;
const LIBRARY_TEXT = /illegal|CronPattern|\(NaN\)|invalid byte sequence|SQLITE_|violates|value too long|syntax error|TypeError|RangeError|ReferenceError|Cannot read|is not a function|\[object Object\]|\bundefined\b|\n\s+at /;

/**
 * Drives the core's dispatch with `lines` random commands over every option of every command, on all
 * three platforms, with a few clicks (and box texts) on what came back. Returns what went wrong.
 */
export async function fuzzDispatch(services: Services, random: () => number, lines: number): Promise<FuzzOutcome> {
  // A subcommand is drawn once for itself and once per option, so those with many options get more lines.
  const subs = COMMANDS.flatMap((command) => command.subcommands.flatMap((sub) => Array.from({ length: 1 + sub.options.length }, () => ({ command, sub }))));
  const problems: string[] = [];
  const byPath = { options: 0, text: 0, choice: 0 };
  const recentChoices: { platform: Platform; channel: string; choice: Choice }[] = [];
  for (let i = 0; i < lines; i++) {
    const platform = pick(random, PLATFORMS);
    const channelId = pick(random, CHANNELS[platform]);
    const userId = pick(random, USERS[platform]);
    const base: BaseContext = {
      platform, serverId: SERVERS[platform], channelId,
      user: { id: userId, name: random() < 0.2 ? pick(random, [...HOSTILE_TEXTS, noise(random, 300)]) : userId },
      isAdmin: random() < 0.8, services,
    };
    const ids = (await services.store.listSchedules(platform, base.serverId)).map((s) => s.id);
    const { command, sub } = pick(random, subs);
    const options = fuzzedOptions(random, sub, platform, services, ids);
    const path = random();
    let replies: Reply[];
    let what: string;
    const clicked = recentChoices.filter((c) => c.platform === platform && c.channel === channelId);
    if (path < 0.15 && clicked.length > 0) {
      const { choice } = pick(random, clicked);
      const text = choice.input ? String(fuzzedValue(random, { name: 'text', description: '', type: 'string' }, platform, services, ids)) : undefined;
      what = `click ${choice.id}`;
      byPath.choice++;
      replies = await runChoice(base, { choiceId: choice.id, ...(text !== undefined ? { text } : {}) });
    } else if (path < 0.45) {
      what = `/${command.name} ${asText(sub, options)}`;
      byPath.text++;
      replies = await runText(base, command.name, asText(sub, options));
    } else {
      what = `/${command.name} ${sub.name} ${JSON.stringify(options).slice(0, 200)}`;
      byPath.options++;
      replies = await runCommand(base, { command: command.name, subcommand: sub.name, options: options as never });
    }
    for (const r of replies) {
      const text = renderPlainText(r);
      if (FAILURE.test(text) || LIBRARY_TEXT.test(text)) problems.push(`${platform} ${what.slice(0, 160)} → ${text.slice(0, 200)}`);
      for (const block of r.blocks) {
        if (block.type !== 'choices') continue;
        for (const choice of block.choices) recentChoices.push({ platform, channel: channelId, choice });
      }
    }
    if (recentChoices.length > 60) recentChoices.splice(0, recentChoices.length - 60);
  }
  return { lines, byPath, problems };
}
