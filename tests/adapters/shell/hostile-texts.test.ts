import { beforeAll } from 'vitest';
import { inProcessShell } from './in-process.js';
import { hostileTextSuite, type HostileDriver, type Person, type Said } from '../contract/hostile-texts.js';

/** The hostile-texts suite through the terminal adapter, in this process; its printed output is audited for control characters. */

const NAMES: Record<Person, string> = { alice: 'alice', bob: 'bob', admin: 'teacher', villain: '@everyone <!channel> <@U0BOB>' };
// The terminal's equivalent of a ping: a control character that would move the cursor or recolour the screen.
const TERMINAL_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

let driver: HostileDriver;

beforeAll(async () => {
  const shell = await inProcessShell({ debateTurnLimit: 50 });
  let current: Person = 'alice';
  // Readline ends a line at a line break, so a typed line never holds one.
  const oneLine = (text: string) => text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
  let outputs = 0;
  const type = async (line: string): Promise<string> => {
    const out = await shell.type(line);
    if (out) outputs++;
    return out;
  };
  const as = async (who: Person) => {
    if (who !== current) await type(`:user ${NAMES[who]}`);
    current = who;
  };
  const said = (text: string): Said => ({ texts: text.trim() ? [text] : [], labels: [...text.matchAll(/\[\d+\] (.+?)(?= {3}\[|\n|$)/g)].map((m) => m[1]!.trim()) });
  const numberOf = (text: string, label: string) => [...text.matchAll(/\[(\d+)\] (.+?)(?= {3}\[|\n|$)/g)].find((m) => m[2]!.trim() === label)?.[1];
  let lastText = '';
  driver = {
    async command(command, subcommand, options, who) {
      await as(who);
      const typed = [`/${command}`, subcommand, ...Object.entries(options).map(([k, v]) => `${k}:${v}`)].join(' ');
      lastText = await type(oneLine(typed));
      return said(lastText);
    },
    async box(shown, label, text, who) {
      await as(who);
      const n = numberOf(shown.texts.join('\n'), label);
      if (!n) throw new Error(`no “${label}” choice on screen: ${shown.texts.join("\n").slice(0, 600)}`);
      await type(n);
      lastText = await type(oneLine(text));
      return said(lastText);
    },
    pingsPossible: () => [...shell.printed().matchAll(TERMINAL_CONTROL)].map((m) => `control character U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')} printed`),
    messagesAudited: () => outputs,
  };
});

hostileTextSuite('the terminal', () => driver);
