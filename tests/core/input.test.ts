import { describe, expect, it } from 'vitest';
import type { SubcommandSpec } from '../../src/core/commands/spec.js';
import { cleanActor, cleanText, normaliseOptions, readChannel } from '../../src/core/input.js';

/** The one place options are read: what reaches a handler is clean, typed, bounded and in the platform's form. */

const sub: SubcommandSpec = {
  name: 'try',
  description: 'A subcommand with one option of each kind',
  options: [
    { name: 'text', description: 'Free text with lines', type: 'string', multiline: true, maxLength: 50 },
    { name: 'word', description: 'One line', type: 'string', maxLength: 10 },
    { name: 'count', description: 'A count', type: 'integer', minValue: 1, maxValue: 5 },
    { name: 'side', description: 'A side', type: 'string', choices: [{ name: 'For', value: 'for' }, { name: 'Against', value: 'against' }] },
    { name: 'flag', description: 'A flag', type: 'boolean' },
    { name: 'channel', description: 'Where', type: 'channel' },
    { name: 'needed', description: 'Needed', type: 'string', required: true },
  ],
  handler: async () => [],
};

const read = (options: Record<string, unknown>, platform: 'discord' | 'slack' | 'shell' = 'shell') =>
  normaliseOptions(platform, 'demo', sub, { needed: 'yes', ...options });
const problem = (options: Record<string, unknown>, platform: 'discord' | 'slack' | 'shell' = 'shell') => {
  const r = read(options, platform);
  return r.ok ? null : r.problem;
};

describe('free text', () => {
  it('loses NUL and other control characters; only multi-line text keeps its newlines and tabs', () => {
    expect(cleanText('a\u0000b\u0007c\u001b[31md\u007f\u009b', false)).toBe('abc[31md');
    expect(cleanText('one\r\ntwo\tthree\u2028four', false)).toBe('one two three four');
    expect(cleanText('one\r\ntwo\tthree', true)).toBe('one\ntwo\tthree');
    expect(cleanText('broken \ud800 pair 🙂', false)).toBe('broken  pair 🙂');
    expect(read({ text: ' line one\u0000\nline two ', word: 'wo\u0000rd\n' })).toEqual({ ok: true, options: { needed: 'yes', text: 'line one\nline two', word: 'word' } });
  });

  it('counts as not given when nothing is left, so a required option made only of controls is missing', () => {
    expect(read({ word: '\u0000\u0001 ' })).toEqual({ ok: true, options: { needed: 'yes' } });
    expect(problem({ needed: '\u0000' })).toMatch(/needs needed/);
  });

  it('is held to its limit after cleaning', () => {
    expect(read({ word: `${'x'.repeat(10)}\u0000\u0000` }).ok).toBe(true);
    expect(read({ word: 'x'.repeat(11) })).toMatchObject({ ok: false, tooLong: { length: 11, limit: 10 } });
  });
});

describe('typed options', () => {
  it('take whole numbers in range, choices in any case, and booleans; refuse the rest saying what they take', () => {
    expect(read({ count: '3', side: ' AGAINST ', flag: 'yes' })).toMatchObject({ ok: true, options: { count: 3, side: 'against', flag: true } });
    for (const count of ['0', '6', '1.5', 'three', -1, 1e12, Number.NaN, Infinity]) {
      expect(problem({ count }), String(count)).toMatch(/is not a valid value for count: it takes a whole number from 1 to 5/);
    }
    expect(problem({ side: 'sideways' })).toMatch(/“sideways” is not a valid value for side: it takes one of for, against/);
    expect(problem({ flag: 'maybe' })).toMatch(/it takes true or false/);
  });

  it('refuse values of no type an option can hold without echoing them as [object Object]', () => {
    for (const odd of [{}, ['a'], () => 1]) {
      const p = problem({ word: odd });
      expect(p).toMatch(/What was given for word is not a value I can read: it takes some text/);
      expect(p).not.toContain('[object');
    }
  });

  it('refuse an option the subcommand does not have, quoting its name cleanly', () => {
    expect(problem({ 'bo\u0000gus': 'x' })).toBe('/demo try has no option “bogus”.');
  });
});

describe('channel options', () => {
  it('are read in each platform’s form and handed on as the bare id', () => {
    expect(read({ channel: '910000000000000011' }, 'discord')).toMatchObject({ ok: true, options: { channel: '910000000000000011' } });
    expect(read({ channel: '<#910000000000000011>' }, 'discord')).toMatchObject({ ok: true, options: { channel: '910000000000000011' } });
    expect(read({ channel: '<#C0ELSEWHERE|elsewhere>' }, 'slack')).toMatchObject({ ok: true, options: { channel: 'C0ELSEWHERE' } });
    expect(read({ channel: 'G0PRIVATE' }, 'slack')).toMatchObject({ ok: true, options: { channel: 'G0PRIVATE' } });
    expect(read({ channel: '#class-10a' }, 'shell')).toMatchObject({ ok: true, options: { channel: 'class-10a' } });
  });

  it('are refused in a sentence that says what to give instead, never stored as something else', () => {
    const refusals: [string, 'discord' | 'slack' | 'shell', RegExp][] = [
      ['#', 'shell', /“#” is not a channel I can post in: give a channel name such as #general/],
      ['<#C0X|x>', 'discord', /pick a channel from the list Discord offers/],
      ['12345', 'discord', /not a channel I can post in/],
      ['910000000000000011', 'slack', /type # and pick the channel from the list Slack offers/],
      ['<#c0lower|x>', 'slack', /not a channel I can post in/],
      ['general chat', 'shell', /not a channel I can post in/],
      ['x'.repeat(65), 'shell', /not a channel I can post in/],
      ['#\u0000', 'shell', /“#” is not a channel/],
    ];
    for (const [channel, platform, why] of refusals) expect(problem({ channel }, platform), `${platform} ${channel}`).toMatch(why);
    expect(readChannel('shell', 'x'.repeat(64))).toBe('x'.repeat(64));
  });
});

describe('the acting user', () => {
  it('has a clean name the store can hold, falling back to the id when nothing is left', () => {
    expect(cleanActor({ id: 'u1', name: `@every\u0000one${'x'.repeat(200)}` }).name).toBe(`@everyone${'x'.repeat(91)}`);
    expect(cleanActor({ id: 'u1', name: '\u0000\u0001' })).toEqual({ id: 'u1', name: 'u1' });
    // Cut at the limit, an emoji is not split into half a surrogate pair.
    expect(cleanActor({ id: 'u1', name: `${'x'.repeat(99)}🙂` }).name).toBe('x'.repeat(99));
  });
});
