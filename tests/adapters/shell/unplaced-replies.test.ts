import { describe, expect, it } from 'vitest';
import { runRostrum, tempDbPath } from '../../support/cli.js';
import { sureText } from '../../support/debate-texts.js';
import { unplaceableTexts } from '../../support/core.js';

/** In the terminal, a rude reply and one that makes no point use up no turn: with two turns, two placed replies still follow both. */

const MOTION = 'de-facto-member';

describe('/debate reply in the terminal, with two turns to use', () => {
  it('answers a rude reply with one private civility line and a pointless one with “I can’t place that”; neither uses the turn', async () => {
    const [chatter] = await unplaceableTexts(MOTION);
    const { text } = await sureText(MOTION);
    const input = [`/debate start motion:${MOTION} side:for`, '/debate reply you are such an idiot', `/debate reply ${chatter!}`, `/debate reply ${text}`, `/debate reply ${text}`].join('\n') + '\n';
    const { code, stdout } = await runRostrum(['shell'], { input, env: { DATABASE_PATH: await tempDbPath(), DEBATE_TURN_LIMIT: '2' } });
    expect(code).toBe(0);
    expect(stdout).toMatch(/\(only you can see this\)\nLet’s keep it civil\. [^\n]*that reply didn’t count as a turn\.\n/);
    expect(stdout).toMatch(/I can’t place that argument[\s\S]*That reply didn’t count as a turn\./);
    // Both turns were left: two answers, and only the second ends the debate.
    const answers = [...stdout.matchAll(/You argue:|That argument supports my side/g)].map((m) => m.index);
    expect(answers).toHaveLength(2);
    const last = [...stdout.matchAll(/That was the last reply of this debate\./g)].map((m) => m.index);
    expect(last).toHaveLength(1);
    expect(last[0]!).toBeGreaterThan(answers[1]!);
  });
});
