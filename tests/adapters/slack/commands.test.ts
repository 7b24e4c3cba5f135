import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../support/fake-slack/index.js';
import {
  button,
  buttonsOf,
  click,
  errorsLogged,
  only,
  quoteIn,
  responses,
  slash,
  submitView,
  textOf,
  unescapeSlack,
  useHarness,
} from './harness.js';

/** /keypoints, /debate, /prompt and help, end to end: signed requests into the real Bolt receiver. */

const h = useHarness();

const isPublic = (m: JsonObject) => m.response_type === 'in_channel' && m.replace_original === false;
const isPrivate = (m: JsonObject) => m.response_type === 'ephemeral' && m.replace_original === false;

describe('/keypoints', () => {
  it('posts a key point in the channel: header, the quote as a block quote, its citation, two buttons', async () => {
    const sent = await slash(h, '/keypoints', '');
    expect(sent.status).toBe(200);
    const message = only(responses(h, sent));
    expect(isPublic(message)).toBe(true);
    const blocks = message.blocks as JsonObject[];
    expect(blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: expect.stringMatching(/^Key point — /) } });
    const quote = quoteIn(message);
    expect(quote.index).toBeGreaterThan(0);
    expect(quote.citation).toMatch(/^\*[KP]\d+\* · Andrew Latham, “Ukraine Has a ‘Secret Back Door’ Into NATO”/);
    expect(buttonsOf(message).map((b) => b.text.text)).toEqual(['Counterpoint', 'Another']);
    expect(buttonsOf(message).every((b) => b.value === b.action_id)).toBe(true);

    // The quote is the article's own words, character for character (only escaped for Slack).
    expect(h.runtime.services.pack.anchors.get(quote.anchor)).toContain(quote.text);
    expect(typeof message.text).toBe('string');
  });

  it('answers the Counterpoint and Another buttons in the channel', async () => {
    const point = only(responses(h, await slash(h, '/keypoints', '')));
    const counter = only(responses(h, await click(h, button(point, 'Counterpoint'))));
    expect(isPublic(counter)).toBe(true);
    expect(textOf(counter)).toMatch(/^Counterpoint — /);

    const another = only(responses(h, await click(h, button(point, 'Another'))));
    expect(isPublic(another)).toBe(true);
    expect(textOf(another)).toMatch(/^Key point — /);
    expect(textOf(another)).not.toBe(textOf(point));
  });

  it('finds the point on a topic, and lists points privately', async () => {
    const topic = only(responses(h, await slash(h, '/keypoints', 'strategic ambiguity')));
    expect(isPublic(topic)).toBe(true);
    const list = responses(h, await slash(h, '/keypoints', 'list'));
    expect(list.length).toBeGreaterThan(1);
    expect(list.every(isPrivate)).toBe(true);
  });
});

describe('help', () => {
  it('answers wrong text with the command’s help, privately', async () => {
    const wrong = only(responses(h, await slash(h, '/debate', 'bogus')));
    expect(isPrivate(wrong)).toBe(true);
    expect(textOf(wrong)).toContain('/debate has no subcommand “bogus”.');
    expect(textOf(wrong)).toContain('/debate reply text:…');

    const badValue = only(responses(h, await slash(h, '/quiz', 'start questions:99')));
    expect(isPrivate(badValue)).toBe(true);
    expect(textOf(badValue)).toContain('is not a valid value for questions');
  });

  it('splits help that escaping has made too long for one section, marking the cut, losing nothing', async () => {
    const word = '<'.repeat(2100);
    const sent = only(responses(h, await slash(h, '/quiz', `start ${word}`)));
    expect(sent.response_type).toBe('ephemeral');
    const sections = (sent.blocks as JsonObject[]).filter((b) => b.type === 'section').map((b) => String((b.text as JsonObject).text));
    expect(sections.every((t) => t.length <= 3000)).toBe(true);
    const problem = sections.filter((t) => t.includes('&lt;'));
    expect(problem.length).toBeGreaterThanOrEqual(3);
    expect(problem.slice(0, -1).every((t) => t.endsWith('…'))).toBe(true);
    expect(unescapeSlack(problem.join('').replaceAll('…', ''))).toContain(`“${word}”`);
    expect(JSON.stringify(sent)).not.toContain('<<');
  });

  it('answers `/<command> help` and /rostrum with help, privately', async () => {
    const quizHelp = only(responses(h, await slash(h, '/quiz', 'help')));
    expect(isPrivate(quizHelp)).toBe(true);
    expect(textOf(quizHelp)).toContain('/quiz — ');

    const all = only(responses(h, await slash(h, '/rostrum', '')));
    expect(isPrivate(all)).toBe(true);
    expect(textOf(all)).toMatch(/\/keypoints — [\s\S]*\/debate — [\s\S]*\/quiz — [\s\S]*\/prompt — /);

    const one = only(responses(h, await slash(h, '/rostrum', 'debate')));
    expect(textOf(one)).toContain('/debate — ');
  });

  it('names its help command as Slack knows it, /rostrum, never /help', async () => {
    const all = unescapeSlack(textOf(only(responses(h, await slash(h, '/rostrum', '')))));
    expect(all).toContain('/rostrum — What rostrum can do');
    expect(all).toContain('Type /rostrum <command>');
    expect(all).not.toContain('/help');
    const own = textOf(only(responses(h, await slash(h, '/rostrum', 'rostrum'))));
    expect(own).not.toContain('/help');
  });
});

describe('/debate', () => {
  const who = { userId: 'U0DEB', userName: 'deb', channelId: 'C0DEBATE1' };

  it('starts, takes replies by slash command and through the modal, and ends with a recap', async () => {
    const start = only(responses(h, await slash(h, '/debate', 'start side:against', who)));
    expect(isPublic(start)).toBe(true);
    expect(textOf(start)).toMatch(/^Debate — /);
    expect(textOf(start)).toContain('I argue against the motion');
    const reply = button(start, 'Reply');
    expect(reply.action_id).toMatch(/^debate:reply:/);
    expect(reply.value).toBe(reply.action_id);
    expect(reply.style).toBe('primary');

    const typed = responses(h, await slash(h, '/debate', 'reply NATO already trains and arms Ukraine, so it is a de facto member', who));
    expect(typed.length).toBeGreaterThan(0);
    expect(typed.every(isPublic)).toBe(true);

    // The Reply button opens a modal with a text box; the submission runs the same choice with the text.
    const opened = await click(h, reply, who, '1700000000.000777');
    expect(responses(h, opened)).toEqual([]);
    const open = h.fake.successfulCalls('views.open').at(-1)!;
    const view = open.body.view as JsonObject;
    expect(view).toMatchObject({
      type: 'modal',
      callback_id: 'rostrum_text',
      title: { type: 'plain_text', text: 'Your argument' },
      blocks: [{ type: 'input', element: { type: 'plain_text_input', max_length: 2000 } }],
    });
    const meta = JSON.parse(String(view.private_metadata)) as JsonObject;
    expect(meta).toMatchObject({ c: reply.action_id, ch: 'C0DEBATE1', ts: '1700000000.000777' });

    const submitted = await submitView(h, String(view.private_metadata), {
      rostrum_text_block: { rostrum_text_input: { type: 'plain_text_input', value: 'Article 5 is what makes a member, and Ukraine lacks it' } },
    }, who);
    expect(submitted.status).toBe(200);
    expect(submitted.text).toBe('');
    const viaModal = responses(h, opened);
    expect(viaModal.length).toBeGreaterThan(0);
    expect(viaModal.every(isPublic)).toBe(true);

    const end = only(responses(h, await click(h, button(start, 'End debate'), who)));
    expect(isPublic(end)).toBe(true);
    expect(textOf(end)).toMatch(/^Debate recap — /);

    // The modal of an ended debate now leads nowhere, and says so privately.
    const late = await submitView(h, String(view.private_metadata), {
      rostrum_text_block: { rostrum_text_input: { type: 'plain_text_input', value: 'one more thing' } },
    }, who);
    expect(late.status).toBe(200);
    const after = responses(h, opened).at(-1)!;
    expect(isPrivate(after)).toBe(true);
    expect(textOf(after)).toContain('There is no debate running');
    expect(errorsLogged(h)).toEqual([]);
  });

  it('ends a debate by slash command, and refuses an empty modal submission in the modal itself', async () => {
    const me = { userId: 'U0DEB2', channelId: 'C0DEBATE2' };
    const start = only(responses(h, await slash(h, '/debate', 'start', me)));
    await click(h, button(start, 'Reply'), me);
    const view = h.fake.successfulCalls('views.open').at(-1)!.body.view as JsonObject;
    const empty = await submitView(h, String(view.private_metadata), {
      rostrum_text_block: { rostrum_text_input: { type: 'plain_text_input', value: '   ' } },
    }, me);
    expect(JSON.parse(empty.text)).toEqual({ response_action: 'errors', errors: { rostrum_text_block: 'Type something first, then send it.' } });

    const end = only(responses(h, await slash(h, '/debate', 'end', me)));
    expect(isPublic(end)).toBe(true);
    expect(textOf(end)).toMatch(/^Debate recap — /);
  });
});

describe('/prompt', () => {
  const footer = (m: JsonObject) => textOf(m).split('\n').find((l) => /^Agree \d/.test(l)) ?? '';

  it('posts a prompt with vote buttons; votes update the tally in place and a changed vote counts once', async () => {
    const prompt = only(responses(h, await slash(h, '/prompt', 'now', { channelId: 'C0PROMPT' })));
    expect(isPublic(prompt)).toBe(true);
    expect(textOf(prompt)).toMatch(/^Discussion prompt/);
    expect(buttonsOf(prompt).map((b) => b.text.text)).toEqual(['Agree', 'Disagree', 'Not sure', 'Withdraw my vote']);
    expect(footer(prompt)).toContain('Agree 0 · Disagree 0 · Not sure 0');

    const ada = { userId: 'U0ADA', channelId: 'C0PROMPT' };
    const first = responses(h, await click(h, button(prompt, 'Agree'), ada));
    expect(first).toHaveLength(2);
    expect(first[0]).toMatchObject({ replace_original: true });
    expect(first[0]!.response_type).toBeUndefined();
    expect(footer(first[0]!)).toContain('Agree 1 · Disagree 0 · Not sure 0 (1 vote);');
    expect(isPrivate(first[1]!)).toBe(true);
    expect(textOf(first[1]!)).toBe('Your vote: Agree.');

    const changed = responses(h, await click(h, button(prompt, 'Disagree'), ada));
    expect(footer(changed[0]!)).toContain('Agree 0 · Disagree 1 · Not sure 0 (1 vote);');
    expect(textOf(changed[1]!)).toBe('Your vote: Disagree (changed from Agree).');

    const other = responses(h, await click(h, button(prompt, 'Agree'), { userId: 'U0BOB', channelId: 'C0PROMPT' }));
    expect(footer(other[0]!)).toContain('Agree 1 · Disagree 1 · Not sure 0 (2 votes);');
  });
});
