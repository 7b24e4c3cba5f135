import { describe, expect, it } from 'vitest';
import { runRostrum, tempDbPath } from '../../support/cli.js';
import { unsureText } from '../../support/debate-texts.js';

/** "Did you mean…?" in the terminal: the candidates are numbered choices, picked by typing the number. */

const MOTION = 'de-facto-member';

describe('the terminal adapter, when the bot is unsure', () => {
  it('numbers the candidates and “Something else”; typing a number continues the debate, and a pick after the end is refused', async () => {
    const { text, reading } = await unsureText(MOTION);
    const input = [`/debate start motion:${MOTION} side:for`, `/debate reply ${text}`, '1', `/debate reply ${text}`, '/debate end', '2'].join('\n') + '\n';
    const { code, stdout } = await runRostrum(['shell'], { input, env: { DATABASE_PATH: await tempDbPath() } });
    expect(code).toBe(0);
    const [, firstAsk = '', , recap = ''] = stdout.split(/Did you mean|## Debate recap/);
    // The question lists the candidates' claims and numbers them, then "Something else" after them.
    const n = reading.candidates.length;
    expect(firstAsk).toMatch(new RegExp(`\\n\\[1\\] .+ {3}\\[2\\] .+\\[${n + 1}\\] Something else — I’ll rephrase\\n`));
    // Typing 1 continued the debate: the point was answered, and the usual Reply and End choices came back.
    expect(firstAsk).toMatch(/Something else — I’ll rephrase\n(You argue:|That argument supports my side)[\s\S]*\[1\] Reply {3}\[2\] End debate/);
    // After the end, the earlier numbers still name that question's choices: a pick is refused politely.
    expect(recap).toContain('That debate has ended, so this choice no longer applies. Start a new one with /debate start.');
    expect(recap).not.toMatch(/You argue:|supports my side/);
  });

  it('refuses a second click on a pick: the last turn ended the debate, and its choices stay on screen', async () => {
    const { text } = await unsureText(MOTION);
    const input = [`/debate start motion:${MOTION} side:for`, `/debate reply ${text}`, '1', '1'].join('\n') + '\n';
    const { code, stdout } = await runRostrum(['shell'], { input, env: { DATABASE_PATH: await tempDbPath(), DEBATE_TURN_LIMIT: '1' } });
    expect(code).toBe(0);
    expect(stdout).toMatch(/(You argue:|That argument supports my side)[\s\S]*That was the last reply of this debate\.[\s\S]*That debate has ended, so this choice no longer applies\./);
    expect(stdout.match(/You argue:|That argument supports my side/g)).toHaveLength(1);
  });
});
