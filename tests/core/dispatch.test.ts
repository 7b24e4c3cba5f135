import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BaseContext, Services } from '../../src/core/context.js';
import { COMMANDS, findCommand } from '../../src/core/commands/index.js';
import type { SubcommandSpec } from '../../src/core/commands/spec.js';
import { runAutocomplete, runChoice, runCommand, runText } from '../../src/core/dispatch.js';
import { createServices } from '../../src/core/services.js';
import { MAX_CHOICE_ID, MAX_USER_TEXT, type Reply } from '../../src/core/reply.js';
import type { Store } from '../../src/core/store/store.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { argumentFor, contextFor, shippedPack, testServices } from '../support/core.js';
import { blocksOf, choiceStarting, plain } from '../support/replies.js';
import { recordingLogger } from '../support/logger.js';

let services: Services;
let alice: BaseContext;
beforeEach(async () => {
  services = await testServices();
  alice = contextFor(services, 'alice', 'dispatch');
});

/** The problem line a help reply opens with, and the heading that says which help it is. */
function help(r: Reply | undefined): { problem: string | undefined; heading: string | undefined } {
  expect(r?.visibility).toBe('private');
  const blocks = r!.blocks;
  const headingAt = blocks.findIndex((b) => b.type === 'heading');
  const first = blocks[0];
  return {
    problem: headingAt > 0 && first?.type === 'text' ? first.text : undefined,
    heading: blocksOf(r!, 'heading')[0]?.text,
  };
}

async function startDebate(ctx: BaseContext) {
  await runCommand(ctx, { command: 'debate', subcommand: 'start', options: { motion: 'de-facto-member', side: 'for' } });
  const d = await ctx.services.store.activeDebate(ctx, ctx.user.id);
  if (!d) throw new Error('no debate');
  return d;
}

describe('runCommand: what was typed', () => {
  it('answers an unknown command with the general help naming it', async () => {
    const [r] = await runCommand(alice, { command: 'frobnicate', options: {} });
    const h = help(r);
    expect(h.problem).toContain('/frobnicate');
    expect(h.heading).toBe(`rostrum — debate the article “${services.pack.article.title}”`);
    for (const c of COMMANDS) expect(plain(r!)).toContain(`/${c.name}`);
    const [t] = await runText(alice, '/frobnicate', 'whatever');
    expect(help(t).problem).toContain('/frobnicate');
  });

  it('answers an unknown subcommand with the command’s help naming it', async () => {
    const [r] = await runCommand(alice, { command: 'quiz', subcommand: 'pause', options: {} });
    const h = help(r);
    expect(h.problem).toContain('“pause”');
    expect(h.heading).toMatch(/^\/quiz — /);
  });

  it('runs the default subcommand when none is given, and asks for one when there is no default', async () => {
    const [kp] = await runCommand(alice, { command: 'keypoints', options: {} });
    expect(blocksOf(kp!, 'quote').length).toBeGreaterThan(0);
    const [debate] = await runCommand(alice, { command: 'debate', options: {} });
    expect(help(debate).heading).toMatch(/^\/debate — /);
  });

  it('answers an unknown option with help naming it', async () => {
    const [r] = await runCommand(alice, { command: 'debate', subcommand: 'start', options: { colour: 'blue' } });
    const h = help(r);
    expect(h.problem).toContain('“colour”');
    expect(h.heading).toMatch(/^\/debate — /);
    expect(await services.store.activeDebate(alice, 'alice')).toBeNull();
  });

  it('answers an integer out of range or not a number with help, and starts nothing', async () => {
    for (const questions of [0, 26, -3, 2.5, 'three', '1e2', '']) {
      const [r] = await runCommand(alice, { command: 'quiz', subcommand: 'start', options: { questions } });
      const h = help(r);
      expect(h.problem, String(questions)).toContain('questions');
      expect(h.problem, String(questions)).toContain('from 1 to 25');
    }
    const [typed] = await runText(alice, 'quiz', 'start questions:99');
    expect(help(typed).problem).toContain('“99”');
    expect(await services.store.activeSoloQuiz(alice, 'alice')).toBeNull();
    // The bounds themselves are allowed, also as text.
    await runCommand(alice, { command: 'quiz', subcommand: 'start', options: { questions: '25' } });
    expect((await services.store.activeSoloQuiz(alice, 'alice'))?.questions.length).toBe(Math.min(25, services.pack.quiz.length));
  });

  it('answers a choice value that is not allowed with help listing the allowed ones', async () => {
    const [r] = await runCommand(alice, { command: 'debate', subcommand: 'start', options: { side: 'maybe' } });
    const h = help(r);
    expect(h.problem).toContain('“maybe”');
    expect(h.problem).toContain('for, against');
    expect(await services.store.activeDebate(alice, 'alice')).toBeNull();
    // Choice values are matched without regard to case.
    await runCommand(alice, { command: 'debate', subcommand: 'start', options: { side: 'AGAINST' } });
    expect((await services.store.activeDebate(alice, 'alice'))?.botSide).toBe('against');
  });

  it('names a missing required option', async () => {
    const [r] = await runCommand(alice, { command: 'debate', subcommand: 'case', options: {} });
    expect(help(r).problem).toMatch(/needs side/);
  });

  it('treats a blank required text as missing, so an empty argument costs no debate turn', async () => {
    const d = await startDebate(alice);
    for (const replies of [
      await runText(alice, 'debate', 'reply ""'),
      await runText(alice, 'debate', 'reply text:   '),
      await runCommand(alice, { command: 'debate', subcommand: 'reply', options: { text: '  ' } }),
    ]) {
      expect(help(replies[0]).problem).toMatch(/needs text/);
    }
    expect((await services.store.getDebate(d.id))!.turns).toEqual(d.turns);
  });

  it('accepts option names in any case', async () => {
    await runCommand(alice, { command: 'debate', subcommand: 'start', options: { Side: 'for', MOTION: 'integration-strategy' } });
    expect(await services.store.activeDebate(alice, 'alice')).toMatchObject({ botSide: 'for', motionId: 'integration-strategy' });
  });
});

describe('text over the limit', () => {
  const tooLong = 'x'.repeat(MAX_USER_TEXT + 1);

  it('is refused politely, and nothing is saved, from a command, a typed line or a text box', async () => {
    const d = await startDebate(alice);
    const refusals = [
      ...(await runCommand(alice, { command: 'debate', subcommand: 'reply', options: { text: tooLong } })),
      ...(await runText(alice, 'debate', `reply ${tooLong}`)),
      ...(await runText(alice, 'debate', `reply ${'y'.repeat(3 * MAX_USER_TEXT)}`)),
      ...(await runChoice(alice, { choiceId: `debate:reply:${d.id}`, text: tooLong })),
    ];
    expect(refusals).toHaveLength(4);
    for (const r of refusals) {
      expect(r.visibility).toBe('private');
      expect(plain(r)).toMatch(new RegExp(`at most ${MAX_USER_TEXT}`));
      expect(plain(r)).not.toContain('xxxxxxxxxx');
    }
    expect((await services.store.getDebate(d.id))?.turns).toEqual(d.turns);
  });

  it('is accepted at exactly the limit', async () => {
    const d = await startDebate(alice);
    const text = `${await argumentFor('dfm-against-article5')} `.padEnd(MAX_USER_TEXT, '.');
    expect(text).toHaveLength(MAX_USER_TEXT);
    await runCommand(alice, { command: 'debate', subcommand: 'reply', options: { text } });
    expect((await services.store.getDebate(d.id))?.turns.length).toBeGreaterThan(d.turns.length);
  });

  it('respects an option’s own, shorter limit', async () => {
    const [r] = await runCommand(alice, { command: 'keypoints', subcommand: 'show', options: { topic: 'nato '.repeat(60) } });
    expect(plain(r!)).toMatch(/at most 200/);
  });
});

describe('admin-only subcommands', () => {
  const adminOnly = COMMANDS.flatMap((c) => c.subcommands.filter((s) => s.adminOnly).map((s) => ({ command: c.name, sub: s })));
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.skipIf(adminOnly.length === 0)('are refused for non-admins before anything runs, whatever the options', async () => {
    for (const { command, sub } of adminOnly) {
      const handler = vi.spyOn(sub as { handler: SubcommandSpec['handler'] }, 'handler');
      for (const options of [{}, Object.fromEntries(sub.options.map((o) => [o.name, o.type === 'integer' ? 1 : 'x']))]) {
        const [r] = await runCommand(alice, { command, subcommand: sub.name, options });
        expect(r?.visibility).toBe('private');
        expect(plain(r!), `/${command} ${sub.name}`).toContain(`Only admins can use /${command} ${sub.name}`);
      }
      expect(handler).not.toHaveBeenCalled();
    }
  });

  it.skipIf(adminOnly.length === 0)('run for admins', async () => {
    const { command, sub } = adminOnly[0]!;
    const handler = vi.spyOn(sub as { handler: SubcommandSpec['handler'] }, 'handler').mockResolvedValue([]);
    const options = Object.fromEntries(sub.options.filter((o) => o.required).map((o) => [o.name, o.choices?.[0]?.value ?? (o.type === 'integer' ? o.minValue ?? 1 : 'x')]));
    const admin = contextFor(services, 'root', 'dispatch', { isAdmin: true });
    expect(await runCommand(admin, { command, subcommand: sub.name, options })).toEqual([]);
    expect(handler).toHaveBeenCalledOnce();
  });

  it('mark their help “admins only”', async () => {
    for (const { command, sub } of adminOnly) {
      const [r] = await runText(alice, 'help', command);
      expect(plain(r!)).toContain(`${sub.description} (admins only)`);
    }
    expect(adminOnly.map((a) => `${a.command} ${a.sub.name}`)).toEqual(expect.arrayContaining(['prompt schedule']));
  });
});

describe('failures', () => {
  function failingStore(store: Store, method: keyof Store): Store {
    return new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === method) return async () => { throw new Error('database unavailable'); };
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
  }

  it('answers a handler that throws with the polite failure notice, and logs it', async () => {
    const { pack, matcher } = await shippedPack();
    const logger = recordingLogger();
    const broken = createServices({ pack, matcher, store: failingStore(await openSqliteStore(':memory:'), 'openDebate'), logger });
    const ctx = contextFor(broken, 'alice', 'dispatch');
    const replies = await runCommand(ctx, { command: 'debate', subcommand: 'start', options: { side: 'for' } });
    expect(replies).toHaveLength(1);
    expect(replies[0]!.visibility).toBe('private');
    expect(plain(replies)).toMatch(/Something went wrong on my side/);
    expect(plain(replies)).not.toContain('database unavailable');
    const errors = logger.entries.filter((e) => e.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.obj).toMatchObject({ command: 'debate', subcommand: 'start', channel: 'dispatch' });
    expect(String((errors[0]!.obj as { err?: unknown }).err)).toContain('database unavailable');
  });

  it('answers a choice whose handler throws the same way', async () => {
    const { pack, matcher } = await shippedPack();
    const logger = recordingLogger();
    const broken = createServices({ pack, matcher, store: failingStore(await openSqliteStore(':memory:'), 'getPromptPost'), logger });
    const replies = await runChoice(contextFor(broken), { choiceId: 'vote:some-post:agree' });
    expect(plain(replies)).toMatch(/Something went wrong on my side/);
    expect(logger.entries.filter((e) => e.level === 'error')[0]?.obj).toMatchObject({ choice: 'vote:some-post:agree' });
  });

  it('answers an autocomplete that throws with no suggestions, and logs it', async () => {
    const { pack, matcher } = await shippedPack();
    const logger = recordingLogger();
    const broken = createServices({ pack, matcher, store: failingStore(await openSqliteStore(':memory:'), 'listSchedules'), logger });
    const scheduleOption = COMMANDS.flatMap((c) => c.subcommands.flatMap((s) => s.options.map((o) => ({ c, s, o }))))
      .find(({ o }) => o.autocomplete === 'schedule');
    if (!scheduleOption) return;
    const result = await runAutocomplete(contextFor(broken), {
      command: scheduleOption.c.name, subcommand: scheduleOption.s.name, option: scheduleOption.o.name, partial: '',
    });
    expect(result).toEqual([]);
    expect(logger.entries.some((e) => e.level === 'error')).toBe(true);
  });

  it('answers a choice id that names nothing with the expired notice', async () => {
    for (const id of ['nothing:here', '', 'quiz', `kp:counter:${'x'.repeat(MAX_CHOICE_ID)}`]) {
      const [r] = await runChoice(alice, { choiceId: id });
      expect(r?.visibility).toBe('private');
      expect(plain(r!), id).toMatch(/expired/i);
    }
  });
});

describe('user text that looks like a mention', () => {
  const mentions = '@everyone @here <!channel> <!here> <@U012ABC> <@&123456789> & <b>';

  it('comes back as plain text, exactly as typed, never as a quote', async () => {
    const [r] = await runCommand(alice, { command: 'keypoints', subcommand: 'show', options: { topic: mentions } });
    const holding = r!.blocks.filter((b) => 'text' in b && b.text.includes(mentions));
    expect(holding.length).toBeGreaterThan(0);
    for (const b of holding) expect(b.type).toBe('text');
    expect(blocksOf(r!, 'quote')).toEqual([]);
  });

  it('is kept as typed in names on the leaderboard', async () => {
    const everyone = contextFor(services, 'u-everyone', 'dispatch', { user: { id: 'u-everyone', name: '@everyone <!channel>' } });
    await runText(everyone, 'quiz', 'start 1');
    const quiz = (await services.store.activeSoloQuiz(everyone, 'u-everyone'))!;
    await runChoice(everyone, { choiceId: `quiz:a:${quiz.id}:0:0` });
    const [board] = await runText(everyone, 'quiz', 'leaderboard');
    expect(blocksOf(board!, 'text')[0]?.text).toContain('@everyone <!channel> — ');
  });

  it('is not mistaken for an argument, and is not echoed into a debate', async () => {
    const d = await startDebate(alice);
    const replies = await runText(alice, 'debate', `reply ${mentions}`);
    expect(plain(replies)).toContain('I can’t place that argument');
    expect(plain(replies)).not.toContain('<!channel>');
    expect((await services.store.getDebate(d.id))?.turns.at(-1)).toEqual({ by: 'user', kind: 'unplaced', point: null });
  });
});

describe('autocomplete', () => {
  it('suggests motions and topics from the pack, at most 25', async () => {
    const motions = await runAutocomplete(alice, { command: 'debate', subcommand: 'start', option: 'motion', partial: 'member' });
    expect(motions.map((m) => m.value)).toEqual(services.pack.motions.filter((m) => `${m.id} ${m.title}`.toLowerCase().includes('member')).map((m) => m.id));
    const topics = await runAutocomplete(alice, { command: 'keypoints', option: 'topic', partial: '' });
    expect(topics.length).toBeGreaterThan(0);
    expect(topics.length).toBeLessThanOrEqual(25);
    expect(await runAutocomplete(alice, { command: 'quiz', subcommand: 'start', option: 'questions', partial: '1' })).toEqual([]);
    expect(findCommand('/DEBATE')?.name).toBe('debate');
  });
});
