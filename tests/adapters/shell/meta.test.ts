import { describe, expect, it } from 'vitest';
import { inProcessShell } from './in-process.js';

/** The terminal's own :channel and :user are read as the core reads a channel option and a name. */

describe('the terminal’s :channel and :user', () => {
  it('move to a channel named in the terminal’s form, and refuse anything else politely, staying put', async () => {
    const shell = await inProcessShell();
    expect(await shell.type(':channel #class-10a')).toBe('You are now in #class-10a.\n');
    for (const bad of ['#', 'two words', 'x'.repeat(65), '<#C0X|x>']) {
      expect(await shell.type(`:channel ${bad}`), bad).toMatch(/is not a channel name: use letters, digits, - and _ \(at most 64\), e.g. :channel general\.\n$/);
    }
    expect(await shell.type(':channel')).toBe('You are now in #class-10a.\n');
    // Control characters go first, as from any typed text: what is left is the name.
    expect(await shell.type(':channel hist\u0000ory\u001b')).toBe('You are now in #history.\n');
  });

  it('take a user name without control characters, cut to what an id may be, and keep the old one when nothing is left', async () => {
    const shell = await inProcessShell();
    expect(await shell.type(':user bo\u0000b\u001b[31m')).toBe('You are now bob[31m.\n');
    expect(await shell.type(`:user ${'y'.repeat(80)}`)).toBe(`You are now ${'y'.repeat(64)}.\n`);
    expect(await shell.type(':user \u0000\u0007')).toBe(`You are now ${'y'.repeat(64)}.\n`);
  });
});
