export { seededRandom as seeded } from '../../support/core.js';

/**
 * What a hostile user types: mass mentions in every platform's syntax, markup meant to break out of
 * formatting, invisible and direction-changing characters, NUL and other control characters, very
 * long texts and emoji floods. The hostile-text suites and the option fuzzer share this list.
 */
export const HOSTILE_TEXTS: readonly string[] = [
  '@everyone look at this',
  '@here now',
  '<@710000000000000002> and <@!710000000000000002>',
  '<@&910000000000000001> role ping',
  '<!channel> <!here> <!everyone>',
  '<@U0BOB> <!subteam^S012ABC> <#C0ELSEWHERE|elsewhere>',
  '@\u200beveryone @\u200bhere with zero-width spaces',
  '**bold** __under__ ~~strike~~ `code` ```block``` > quote [link](https://evil.example) *mrkdwn* _x_',
  '<https://evil.example|click me> &lt;!channel&gt; &amp;',
  'right-to-left \u202etxt.exe\u202c and \u2066isolate\u2069',
  'zero\u200b\u200c\u200dwidth\ufeff',
  'nul\u0000byte and bell\u0007 and escape\u001b[31mred\u001b[0m',
  'line one\r\nline two\u2028line three',
  '🎉'.repeat(500),
  'x'.repeat(5000),
  `@everyone ${'a'.repeat(1990)}`,
];

export function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

const CONTROL = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).concat(['\u007f', '\u0085', '\u009b']);
const UNICODE = ['é', 'ß', 'Ж', '中文', 'عربى', '🙂', '👩‍👩‍👧', '\u0301', '\u202e', '\u200b', '\ud800', '\udc00', '\uffff'];

/** A string of `length` characters drawn from controls, unicode and ASCII. */
export function noise(random: () => number, length: number): string {
  let out = '';
  while (out.length < length) {
    const r = random();
    out += r < 0.2 ? pick(random, CONTROL) : r < 0.4 ? pick(random, UNICODE) : String.fromCharCode(32 + Math.floor(random() * 95));
  }
  return out;
}
