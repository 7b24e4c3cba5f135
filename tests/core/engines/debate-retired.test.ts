import { describe, expect, it } from 'vitest';
import { runChoice, runCommand } from '../../../src/core/dispatch.js';
import type { DebateRecord } from '../../../src/core/store/records.js';
import { argumentFor, contextFor, tempDbPath, testServices } from '../../support/core.js';
import { blocksOf, plain, quoteProblems } from '../../support/replies.js';

/**
 * Debates stored before a point was merged away name its old id. After the upgrade (a new process
 * on the same database) they must carry on and recap as if the turn had named the merged point.
 */
describe('a debate whose turns name a retired point', () => {
  it('continues with /debate reply after a restart, and its recap shows the point that replaced it', async () => {
    const path = tempDbPath();
    const before = await testServices({ path });
    const where = { platform: 'shell' as const, serverId: 'server-1', channelId: 'debate-hall' };
    const now = Date.UTC(2026, 10, 20);
    const stored: DebateRecord = {
      id: 'debate-before-merge', ...where, userId: 'alice', motionId: 'de-facto-member', botSide: 'for', status: 'active',
      turns: [
        { by: 'bot', kind: 'argue', point: 'dfm-for-integration' },
        { by: 'user', kind: 'argue', point: 'dfm-against-article5' },
        { by: 'bot', kind: 'rebut', point: 'dfm-for-no-ceremony', answers: 'dfm-against-article5' },
      ],
      createdAt: now, updatedAt: now,
    };
    expect(await before.store.createDebate(stored)).not.toBeNull();
    await before.store.close();

    const after = await testServices({ path });
    const { pack } = after;
    expect(pack.points.map((p) => p.id)).not.toContain('dfm-for-no-ceremony');
    const replacement = pack.pointById.get('dfm-for-ecosystem')!;
    expect(pack.pointById.get('dfm-for-no-ceremony')).toBe(replacement);

    const alice = contextFor(after, 'alice', 'debate-hall');
    const replies = await runCommand(alice, { command: 'debate', subcommand: 'reply', options: { text: await argumentFor('dfm-against-article5') } });
    const answer = plain(replies);
    expect(answer).toContain(`You argue: ${pack.pointById.get('dfm-against-article5')!.claim}`);
    expect(answer).toContain('My answer: ');
    expect(quoteProblems(pack, replies)).toEqual([]);
    expect((await after.store.getDebate(stored.id))!.turns).toHaveLength(5);

    const [recap] = await runCommand(alice, { command: 'debate', subcommand: 'end', options: {} });
    const fields = blocksOf(recap!, 'fields').flatMap((f) => f.fields);
    const botMade = fields.find((f) => f.name.startsWith('I argued'))!.value;
    expect(botMade).toContain(replacement.claim);
    expect(botMade).toContain(pack.pointById.get('dfm-for-integration')!.claim);
    expect(plain(recap!)).not.toContain('dfm-for-no-ceremony');
    expect(quoteProblems(pack, recap!)).toEqual([]);
    await after.store.close();
  });

  it('recaps a conceded user point by its replacement, and answers its old Counterpoint button', async () => {
    const path = tempDbPath();
    const services = await testServices({ path });
    const where = { platform: 'shell' as const, serverId: 'server-1', channelId: 'tent' };
    const now = Date.UTC(2026, 10, 21);
    await services.store.createDebate({
      id: 'tent-before-merge', ...where, userId: 'bob', motionId: 'admit-inside-tent', botSide: 'against', status: 'active',
      turns: [
        { by: 'bot', kind: 'argue', point: 'ait-against-empty-words' },
        { by: 'user', kind: 'argue', point: 'ait-for-name-strategy' },
        { by: 'bot', kind: 'concede', point: null, answers: 'ait-for-name-strategy' },
      ],
      createdAt: now, updatedAt: now,
    });
    const candor = services.pack.pointById.get('ait-for-candor')!;
    const bob = contextFor(services, 'bob', 'tent');

    const replies = await runCommand(bob, { command: 'debate', subcommand: 'reply', options: { text: await argumentFor('ait-for-clear-lines') } });
    expect(plain(replies)).toContain('My answer: ');
    const [recap] = await runCommand(bob, { command: 'debate', subcommand: 'end', options: {} });
    const fields = blocksOf(recap!, 'fields').flatMap((f) => f.fields);
    expect(fields.find((f) => f.name.startsWith('You argued'))!.value).toContain(candor.claim);
    expect(fields.find((f) => f.name === 'Points I could not answer')!.value).toContain(candor.claim);
    expect(plain(recap!)).not.toContain('ait-for-name-strategy');

    const [counter] = await runChoice(bob, { choiceId: 'kp:counter:ait-for-name-strategy' });
    expect(plain(counter!)).toContain(`To the point “${candor.claim}”:`);
    expect(plain(counter!)).toContain(services.pack.answersTo('ait-for-candor')[0]!.rebuttal);
    await services.store.close();
  });
});
