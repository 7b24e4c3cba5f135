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

/** A text that parses: the rule it shows, `/command text`, and the subcommand and options it gives. */
type Parses = [rule: string, command: string, text: string, sub: string, options: Record<string, unknown>];
/** A text that does not: the rule it shows, `/command text`, and the word its problem must name. */
type Fails = [rule: string, command: string, text: string, word: string];

function parsesAs(_rule: string, name: string, text: string, sub: string, options: Record<string, unknown>): void {
  expect(parsed(name, text)).toEqual({ sub, options });
}

function failsNaming(_rule: string, name: string, text: string, word: string): void {
  expect(problem(name, text)).toContain(`“${word}”`);
}

describe('text grammar: named options', () => {
  it.each<Parses>([
    ['reads name:value pairs in any order', 'debate', 'start side:against motion:de-facto-member', 'start', { side: 'against', motion: 'de-facto-member' }],
    ['reads name:value pairs in any order', 'debate', 'start motion:integration-strategy side:for', 'start', { side: 'for', motion: 'integration-strategy' }],
    ['matches subcommands and option names in any case', 'debate', 'START Side:against MOTION:de-facto-member', 'start', { side: 'against', motion: 'de-facto-member' }],
    ['strips straight and curly quotes around a value', 'debate', 'start side:"against" motion:“de-facto-member”', 'start', { side: 'against', motion: 'de-facto-member' }],
    ['strips straight and curly quotes around a value', 'keypoints', "show topic:'strategic ambiguity' motion:‘integration-strategy’", 'show', { topic: 'strategic ambiguity', motion: 'integration-strategy' }],
    ['keeps a quoted value whole even when it contains another option’s name:', 'keypoints', 'show topic:"the motion: is Ukraine in NATO" motion:de-facto-member', 'show', { topic: 'the motion: is Ukraine in NATO', motion: 'de-facto-member' }],
    ['runs a value to the next known name: or the end of the line', 'keypoints', 'show topic:strategic ambiguity and escalation motion:integration-strategy', 'show', { topic: 'strategic ambiguity and escalation', motion: 'integration-strategy' }],
    ['runs a value to the next known name: or the end of the line', 'keypoints', 'show motion:integration-strategy topic:strategic ambiguity and escalation', 'show', { topic: 'strategic ambiguity and escalation', motion: 'integration-strategy' }],
  ])('%s — /%s %s', parsesAs);

  it.each<Fails>([
    ['names an unknown option', 'debate', 'start foo:bar', 'foo'],
    ['names an unknown option', 'debate', 'start foo:bar side:for', 'foo'],
    ['names an unknown option', 'quiz', 'start colour:blue', 'colour'],
    ['names an unknown option typed after a known one, instead of reading it into its value', 'debate', 'start motion:de-facto-member colour:red', 'colour'],
    ['names an unknown option typed after a known one, instead of reading it into its value', 'quiz', 'start questions:3 colour:blue', 'colour'],
  ])('%s — /%s %s', failsNaming);

  it('says which options a subcommand has when one typed is not among them', () => {
    expect(problem('debate', 'start colour:red')).toBe('“colour” is not an option of /debate start; its options are motion, side.');
    expect(problem('debate', 'start side:for colour:red')).toBe('“colour” is not an option of /debate start; its options are motion, side.');
    expect(problem('debate', 'end colour:red')).toBe('“colour” is not an option: /debate end takes none.');
    // Free text and quoted values keep their colons.
    expect(parsed('keypoints', 'show motion:de-facto-member topic:note: escalation').options).toEqual({ motion: 'de-facto-member', topic: 'note: escalation' });
    expect(parsed('debate', 'start motion:"de-facto-member" side:"for"').options).toEqual({ motion: 'de-facto-member', side: 'for' });
    expect(parsed('prompt', 'schedule daily time:9:30 pm timezone:new york').options).toEqual({ cadence: 'daily', time: '9:30 pm', timezone: 'new york' });
  });
});

describe('text grammar: positional words', () => {
  it.each<Parses>([
    ['reads a choice value or a motion id where only one option can take it', 'debate', 'start against', 'start', { side: 'against' }],
    ['reads a choice value or a motion id where only one option can take it', 'debate', 'start against de-facto-member', 'start', { side: 'against', motion: 'de-facto-member' }],
    ['reads a choice value or a motion id where only one option can take it', 'debate', 'case for integration-strategy', 'case', { side: 'for', motion: 'integration-strategy' }],
    ['reads a choice value or a motion id where only one option can take it', 'quiz', 'leaderboard all', 'leaderboard', { period: 'all' }],
    ['mixes positional words with named options', 'debate', 'start against motion:admit-inside-tent', 'start', { side: 'against', motion: 'admit-inside-tent' }],
    ['fills a subcommand’s free-text option with the bare words, colons and all', 'debate', 'reply ukraine is already in nato', 'reply', { text: 'ukraine is already in nato' }],
    ['fills a subcommand’s free-text option with the bare words, colons and all', 'debate', 'reply note: article 5 matters', 'reply', { text: 'note: article 5 matters' }],
    ['fills a subcommand’s free-text option with the bare words, colons and all', 'debate', 'reply foo:bar is not an option here', 'reply', { text: 'foo:bar is not an option here' }],
    ['keeps the free-text option’s own name: as text when words come before it', 'debate', 'reply read the text: article 5 is missing', 'reply', { text: 'read the text: article 5 is missing' }],
    ['keeps the free-text option’s own name: as text when words come before it', 'debate', 'reply text: article 5 is missing', 'reply', { text: 'article 5 is missing' }],
    ['lets free text begin with another subcommand’s name', 'debate', 'reply end the war by admitting it', 'reply', { text: 'end the war by admitting it' }],
  ])('%s — /%s %s', parsesAs);

  it('reads a number and a choice value where only one option can take each — /quiz start 3 channel', () => {
    const quiz = parsed('quiz', 'start 3 channel');
    expect(quiz.sub).toBe('start');
    expect(Number(quiz.options['questions'])).toBe(3);
    expect(quiz.options['mode']).toBe('channel');
  });

  it.each<Fails>([
    ['says which word it could not place', 'quiz', 'start banana', 'banana'],
    ['says which word it could not place', 'debate', 'start against no-such-motion', 'no-such-motion'],
  ])('%s — /%s %s', failsNaming);
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
    expect(problem('debate', 'commence against')).toMatch(/“commence”/);
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
    const quiz = await services.store.activeChannelQuiz(ctx);
    expect(quiz).toMatchObject({ mode: 'channel', starterId: 'alice' });
    expect(quiz?.questions).toHaveLength(3);
  });

  it('answers an unknown option with the command’s help naming it', async () => {
    const [r] = await runText(contextFor(services), 'debate', 'start foo:bar');
    expect(blocksOf(r!, 'text')[0]?.text).toMatch(/“foo”/);
    expect(blocksOf(r!, 'heading')[0]?.text).toMatch(/^\/debate — /);
  });
});
