import { beforeEach, describe, expect, it } from 'vitest';
import type { BaseContext, Services } from '../../../src/core/context.js';
import { runChoice, runText } from '../../../src/core/dispatch.js';
import { buildExport } from '../../../src/core/results/export.js';
import { toCsv } from '../../../src/core/results/csv.js';
import type { Reply } from '../../../src/core/reply.js';
import { argumentFor, contextFor, testClock, testServices } from '../../support/core.js';
import { blocksOf, choiceStarting, plain } from '../../support/replies.js';

/** The teacher's CSV files, read back as a spreadsheet would: one header row, then one row per answer, vote or turn. */

let clock: ReturnType<typeof testClock>;
let services: Services;
let teacher: BaseContext;

beforeEach(async () => {
  clock = testClock(Date.UTC(2026, 0, 5, 9, 0));
  services = await testServices({ now: clock.now, settings: { defaultTimeZone: 'Europe/Kyiv' } });
  teacher = contextFor(services, 'teacher', 'class-9b', { isAdmin: true });
});

/** A minimal CSV reader for the files toCsv writes (quoted fields, doubled quotes, no BOM). */
function rows(csv: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const text = csv.replace(/^\uFEFF/, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n') { row.push(cell); out.push(row); row = []; cell = ''; } else cell += c;
  }
  if (cell || row.length) { row.push(cell); out.push(row); }
  return out;
}

function table(csv: string): Record<string, string>[] {
  const [header, ...body] = rows(csv);
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

function fileOf(r: Reply): string {
  const file = r.attachments?.[0];
  if (!file || typeof file.content !== 'string') throw new Error(`no text file in:\n${plain(r)}`);
  return file.content;
}

describe('CSV', () => {
  it('quotes what needs quoting and neutralises formulas at the start of a cell', () => {
    const csv = toCsv(['name', 'note', 'n', 'ok'], [['=SUM(A1)', 'says "hi", twice\nthen', -3, true], ['+1', '@here', 2, false], ['-x', 'plain', 0, null]]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(rows(csv)).toEqual([
      ['name', 'note', 'n', 'ok'], ["'=SUM(A1)", 'says "hi", twice\nthen', '-3', 'yes'], ["'+1", "'@here", '2', 'no'], ["'-x", 'plain', '0', ''],
    ]);
  });
});

describe('/quiz export', () => {
  it('has a row per answer with the question, the choice, the right answer, and whether it scored; times on the configured clock', async () => {
    const alice = contextFor(services, 'alice', 'class-9b', { user: { id: 'u-alice', name: '=Alice' } });
    const [question] = await runText(alice, 'quiz', 'start questions:1');
    const quizId = choiceStarting(question!, 'quiz:a:').id.split(':')[2]!;
    await runChoice(alice, { choiceId: `quiz:a:${quizId}:0:2` });
    // A retake: a quiz of the same question again (answered a minute later).
    const firstQuestion = (await services.store.getQuiz(quizId))!.questions[0]!;
    const retakeId = 'retake-1';
    await services.store.createQuiz({
      id: retakeId, platform: 'shell', serverId: 'server-1', channelId: 'class-9b', starterId: 'u-alice', mode: 'solo', questions: [firstQuestion],
      current: 0, status: 'active', deadline: null, seconds: null, reveal: 'each', createdAt: clock.now().getTime(),
    });
    clock.advance(60_000);
    await runChoice(alice, { choiceId: `quiz:a:${retakeId}:0:0` });

    const [reply] = await runText(teacher, 'quiz', 'export');
    expect(reply?.visibility).toBe('private');
    expect(reply?.attachments?.[0]).toMatchObject({ name: 'quiz-results-2026-01-05.csv', mediaType: 'text/csv' });
    expect(plain(reply!)).toContain('times are on the Europe/Kyiv clock');
    const [first, second] = table(fileOf(reply!));
    const stored = (await services.store.getQuiz(quizId))!;
    const q = services.pack.questionById.get(stored.questions[0]!.id)!;
    const shown = (i: number) => q.options[stored.questions[0]!.order[i]!]!.text;
    const right = stored.questions[0]!.order.findIndex((o) => q.options[o]!.correct);
    expect(first).toMatchObject({
      platform: 'shell', server: 'server-1', channel: 'class-9b', season: '1', quiz: quizId, 'quiz mode': 'solo',
      'quiz started (Europe/Kyiv)': '2026-01-05 11:00', 'question number': '1', 'question id': q.id, question: q.question,
      'person id': 'u-alice', person: "'=Alice", answer: 'C', 'answer text': shown(2), 'right answer': `${'ABCD'[right]}. ${shown(right)}`,
      correct: right === 2 ? 'yes' : 'no', scored: 'yes', 'answered at (Europe/Kyiv)': '2026-01-05 11:00',
    });
    // The retake of a question answered before is there too, marked as not scored.
    const again = table(fileOf(reply!)).filter((r) => r['question id'] === q.id);
    expect(again.map((r) => r.scored)).toEqual(['yes', 'no']);
    expect(second?.['answered at (Europe/Kyiv)']).toBe('2026-01-05 11:01');
  });

  it('narrows to a channel and a day, and says so when there is nothing to send', async () => {
    const elsewhere = contextFor(services, 'bob', 'class-10a');
    const [q] = await runText(elsewhere, 'quiz', 'start questions:1');
    await runChoice(elsewhere, { choiceId: `${choiceStarting(q!, 'quiz:a:').id.split(':').slice(0, 4).join(':')}:0` });
    expect(table(fileOf((await runText(teacher, 'quiz', 'export channel:#class-10a'))[0]!))).toHaveLength(1);
    const none = (await runText(teacher, 'quiz', 'export channel:#class-9b'))[0]!;
    expect(none.attachments).toBeUndefined();
    expect(plain(none)).toBe('There is nothing to export: no quiz answers in channel class-9b yet.');
    expect(plain(await runText(teacher, 'quiz', 'export since:2026-01-06'))).toBe('There is nothing to export: no quiz answers in this server since 2026-01-06 yet.');
    expect(plain(await runText(teacher, 'quiz', 'export since:5/1/2026'))).toMatch(/“5\/1\/2026” is not a date: give since as YYYY-MM-DD/);
    expect(plain(await runText(elsewhere, 'quiz', 'export'))).toMatch(/^Only admins can use \/quiz export/);
  });
});

describe('/prompt results', () => {
  it('has a row per standing vote with the prompt’s question and stance and the voter’s name', async () => {
    const [prompt] = await runText(teacher, 'prompt', 'now');
    const postId = choiceStarting(prompt!, 'vote:').id.split(':')[1]!;
    await runChoice(contextFor(services, 'ada', 'class-9b', { user: { id: 'u-ada', name: 'Ada L.' } }), { choiceId: `vote:${postId}:agree` });
    await runChoice(contextFor(services, 'bo', 'class-9b'), { choiceId: `vote:${postId}:unsure` });
    await runChoice(contextFor(services, 'bo', 'class-9b'), { choiceId: `vote:${postId}:withdraw` });
    const [reply] = await runText(teacher, 'prompt', 'results');
    const post = (await services.store.getPromptPost(postId))!;
    const p = services.pack.promptById.get(post.promptId)!;
    expect(table(fileOf(reply!))).toEqual([expect.objectContaining({
      'prompt post': postId, 'prompt id': p.id, question: p.question, stance: p.stance, 'person id': 'u-ada', person: 'Ada L.', vote: 'Agree',
      'closed at (Europe/Kyiv)': '',
    })]);
  });
});

describe('/debate transcripts and /debate recap', () => {
  it('has a row per turn: who spoke, what the turn did, and the point made with its source', async () => {
    const student = contextFor(services, 'u-sam', 'class-9b', { user: { id: 'u-sam', name: 'Sam' } });
    await runText(student, 'debate', 'start motion:de-facto-member side:for');
    const against = services.pack.pointsOf('de-facto-member', 'against')[0]!;
    await runText(student, 'debate', `reply ${await argumentFor(against.id)}`);
    await runText(student, 'debate', 'reply what is for lunch today');
    const [reply] = await runText(teacher, 'debate', 'transcripts');
    const turns = table(fileOf(reply!));
    expect(turns.map((t) => [t.turn, t.by, t['what the turn did'], t['point id']])).toEqual([
      ['1', 'bot', 'opening point', services.pack.pointsOf('de-facto-member', 'for')[0]!.id],
      ['2', 'student', 'argued a point for their side', against.id],
      ['3', 'bot', expect.stringMatching(/^(counterpoint|conceded the point)$/), expect.any(String)],
      ['4', 'student', 'made no point found in the article', ''],
    ]);
    expect(turns[0]).toMatchObject({ person: 'Sam', 'person id': 'u-sam', 'motion id': 'de-facto-member', 'bot argued': 'for', 'student argued': 'against', status: 'active' });
    expect(turns[1]).toMatchObject({ point: against.claim, source: against.source === 'author' ? expect.stringMatching(/^the author \([KP]\d/) : 'editorial' });
    expect(turns[2]?.['answers point']).toBe(against.id);

    // The student's own recap, again and privately; nobody else's.
    const [recap] = await runText(student, 'debate', 'recap');
    expect(recap?.visibility).toBe('private');
    expect(blocksOf(recap!, 'heading')[0]?.text).toMatch(/^Debate recap — /);
    expect(plain(recap!)).toContain('Your debate is still running: this is the recap so far.');
    await runText(student, 'debate', 'end');
    const [after] = await runText(student, 'debate', 'recap');
    expect(plain(after!)).not.toContain('still running');
    expect(plain(await runText(contextFor(services, 'u-kim', 'class-9b'), 'debate', 'recap'))).toBe('You have not debated here yet. Start with /debate start.');
  });

  it('builds the same file for the command line, across servers, with no platform given', async () => {
    await runText(contextFor(services, 'u-sam', 'class-9b'), 'debate', 'start side:for');
    clock.advance(1000);
    await runText(contextFor(services, 'u-jo', 'other', { serverId: 'server-2' }), 'debate', 'start side:against');
    const built = await buildExport(services, 'debates', {});
    expect(built.count).toBe(2);
    expect(table(String(built.file.content)).map((r) => r.server)).toEqual(['server-1', 'server-2']);
  });
});
