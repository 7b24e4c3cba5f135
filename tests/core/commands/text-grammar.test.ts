import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, findCommand } from '../../../src/core/commands/index.js';
import type { CommandSpec } from '../../../src/core/commands/spec.js';
import { parseCommandText, type ParsedText } from '../../../src/core/commands/text-grammar.js';
import { runText } from '../../../src/core/dispatch.js';
import type { Services } from '../../../src/core/context.js';
import { contextFor, shippedPack, testServices } from '../../support/core.js';
import { blocksOf, plain } from '../../support/replies.js';

let motionIds: string[] = [];
beforeAll(async () => {
  motionIds = (await shippedPack()).pack.motions.map((m) => m.id);
});

function command(name: string): CommandSpec {
  const found = findCommand(name);
  if (!found) throw new Error(`no command ${name}`);
  return found;
}

function parse(name: string, text: string): ParsedText {
  return parseCommandText(command(name), text, motionIds);
}

/** The subcommand and options of a text that must parse. */
function parsed(name: string, text: string): { sub: string; options: Record<string, unknown> } {
  const result = parse(name, text);
  if (!result.ok) throw new Error(`“/${name} ${text}” did not parse: ${result.problem}`);
  return { sub: result.subcommand.name, options: result.options };
}

function problem(name: string, text: string): string | undefined {
  const result = parse(name, text);
  if (result.ok) throw new Error(`“/${name} ${text}” parsed, but should not have`);
  return result.problem;
}

describe('text grammar: named options', () => {
  it('reads name:value pairs in any order', () => {
    expect(parsed('debate', 'start side:against motion:de-facto-member')).toEqual({
      sub: 'start', options: { side: 'against', motion: 'de-facto-member' },
    });
    expect(parsed('debate', 'start motion:integration-strategy side:for')).toEqual({
      sub: 'start', options: { side: 'for', motion: 'integration-strategy' },
    });
  });

  it('matches subcommands and option names in any case', () => {
    expect(parsed('debate', 'START Side:against MOTION:de-facto-member')).toEqual({
      sub: 'start', options: { side: 'against', motion: 'de-facto-member' },
    });
  });

  it('strips straight and curly quotes around a value', () => {
    expect(parsed('debate', 'start side:"against" motion:“de-facto-member”').options).toEqual({
      side: 'against', motion: 'de-facto-member',
    });
    expect(parsed('keypoints', "show topic:'strategic ambiguity' motion:‘integration-strategy’").options).toEqual({
      topic: 'strategic ambiguity', motion: 'integration-strategy',
    });
  });

  it('keeps a quoted value whole even when it contains another option’s name:', () => {
    expect(parsed('keypoints', 'show topic:"the motion: is Ukraine in NATO" motion:de-facto-member').options).toEqual({
      topic: 'the motion: is Ukraine in NATO', motion: 'de-facto-member',
    });
  });

  it('runs a value to the next known name: or the end of the line', () => {
    expect(parsed('keypoints', 'show topic:strategic ambiguity and escalation motion:integration-strategy').options).toEqual({
      topic: 'strategic ambiguity and escalation', motion: 'integration-strategy',
    });
    expect(parsed('keypoints', 'show motion:integration-strategy topic:strategic ambiguity and escalation').options).toEqual({
      topic: 'strategic ambiguity and escalation', motion: 'integration-strategy',
    });
  });

  it('names an unknown option', () => {
    expect(problem('debate', 'start foo:bar')).toMatch(/“foo”/);
    expect(problem('debate', 'start foo:bar side:for')).toMatch(/“foo”/);
    expect(problem('quiz', 'start colour:blue')).toMatch(/“colour”/);
  });
});

describe('text grammar: positional words', () => {
  it('reads a choice value, a motion id and a number where only one option can take it', () => {
    expect(parsed('debate', 'start against')).toEqual({ sub: 'start', options: { side: 'against' } });
    expect(parsed('debate', 'start against de-facto-member')).toEqual({
      sub: 'start', options: { side: 'against', motion: 'de-facto-member' },
    });
    expect(parsed('debate', 'case for integration-strategy')).toEqual({
      sub: 'case', options: { side: 'for', motion: 'integration-strategy' },
    });
    const quiz = parsed('quiz', 'start 3 channel');
    expect(quiz.sub).toBe('start');
    expect(Number(quiz.options['questions'])).toBe(3);
    expect(quiz.options['mode']).toBe('channel');
    expect(parsed('quiz', 'leaderboard all')).toEqual({ sub: 'leaderboard', options: { period: 'all' } });
  });

  it('mixes positional words with named options', () => {
    expect(parsed('debate', 'start against motion:admit-inside-tent')).toEqual({
      sub: 'start', options: { side: 'against', motion: 'admit-inside-tent' },
    });
  });

  it('says which word it could not place', () => {
    expect(problem('quiz', 'start banana')).toMatch(/“banana”/);
    expect(problem('debate', 'start against no-such-motion')).toMatch(/“no-such-motion”/);
  });

  it('fills a subcommand’s free-text option with the bare words, colons and all', () => {
    expect(parsed('debate', 'reply ukraine is already in nato')).toEqual({
      sub: 'reply', options: { text: 'ukraine is already in nato' },
    });
    expect(parsed('debate', 'reply note: article 5 matters')).toEqual({
      sub: 'reply', options: { text: 'note: article 5 matters' },
    });
    expect(parsed('debate', 'reply foo:bar is not an option here')).toEqual({
      sub: 'reply', options: { text: 'foo:bar is not an option here' },
    });
  });

  it('keeps the free-text option’s own name: as text when words come before it', () => {
    expect(parsed('debate', 'reply read the text: article 5 is missing')).toEqual({
      sub: 'reply', options: { text: 'read the text: article 5 is missing' },
    });
    expect(parsed('debate', 'reply text: article 5 is missing')).toEqual({
      sub: 'reply', options: { text: 'article 5 is missing' },
    });
  });

  it('lets free text begin with another subcommand’s name', () => {
    expect(parsed('debate', 'reply end the war by admitting it')).toEqual({
      sub: 'reply', options: { text: 'end the war by admitting it' },
    });
  });
});

describe('text grammar: defaults and help', () => {
  it('uses the default subcommand when none is typed', () => {
    for (const c of COMMANDS.filter((c) => c.defaultSubcommand)) {
      expect(parsed(c.name, '')).toEqual({ sub: c.defaultSubcommand, options: {} });
    }
    expect(parsed('keypoints', 'strategic ambiguity')).toEqual({ sub: 'show', options: { topic: 'strategic ambiguity' } });
    expect(parsed('quiz', '3 channel').sub).toBe('start');
    expect(parsed('help', 'debate')).toEqual({ sub: 'show', options: { command: 'debate' } });
  });

  it('asks for help, without a problem, when a command without a default is typed alone', () => {
    const noDefault = COMMANDS.filter((c) => !c.defaultSubcommand);
    expect(noDefault.map((c) => c.name)).toContain('debate');
    for (const c of noDefault) expect(parse(c.name, '')).toEqual({ ok: false });
  });

  it('names an unknown subcommand of a command without a default', () => {
    expect(problem('debate', 'begin against')).toMatch(/“begin”/);
  });

  it('treats `help` after any command as a request for its help', () => {
    for (const c of COMMANDS.filter((c) => c.name !== 'help')) expect(parse(c.name, 'help')).toEqual({ ok: false });
  });
});

describe('text grammar through runText', () => {
  let services: Services;
  beforeAll(async () => {
    services = await testServices();
  });

  it('answers `/debate help` with the debate command’s help and no complaint', async () => {
    const [r] = await runText(contextFor(services), 'debate', 'help');
    expect(r?.visibility).toBe('private');
    expect(blocksOf(r!, 'heading')[0]?.text).toMatch(/^\/debate — /);
    for (const sub of command('debate').subcommands) expect(plain(r!)).toContain(`/debate ${sub.name}`);
    expect(plain(r!)).not.toMatch(/no subcommand|don’t know/);
  });

  it('answers `/help debate` the same way, and `/help` with every command', async () => {
    const [one] = await runText(contextFor(services), '/help', 'debate');
    expect(blocksOf(one!, 'heading')[0]?.text).toMatch(/^\/debate — /);
    const [all] = await runText(contextFor(services), 'help', '');
    for (const c of COMMANDS) expect(plain(all!)).toContain(`/${c.name} — ${c.description}`);
  });

  it('runs positional options with their types: `/quiz start 3 channel`', async () => {
    const ctx = contextFor(services, 'alice', 'grammar-quiz');
    const [r] = await runText(ctx, 'quiz', 'start 3 channel');
    expect(blocksOf(r!, 'heading')[0]?.text).toBe('Question 1 of 3');
    const quiz = await services.store.activeQuiz(ctx);
    expect(quiz).toMatchObject({ mode: 'channel', starterId: 'alice' });
    expect(quiz?.questions).toHaveLength(3);
  });

  it('answers an unknown option with the command’s help naming it', async () => {
    const [r] = await runText(contextFor(services), 'debate', 'start foo:bar');
    expect(blocksOf(r!, 'text')[0]?.text).toMatch(/“foo”/);
    expect(blocksOf(r!, 'heading')[0]?.text).toMatch(/^\/debate — /);
  });
});
