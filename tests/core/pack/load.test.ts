import { describe, expect, it, beforeAll } from 'vitest';
import { cp, mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadPack, DEFAULT_PACK_DIR } from '../../../src/core/pack/load.js';
import { PackError, type PackProblem } from '../../../src/core/pack/problems.js';
import { isVerbatim } from '../../../src/core/pack/verbatim.js';
import { problemsAfterEdits, type FileEdit } from '../../support/pack-copy.js';
import type { Pack } from '../../../src/core/pack/model.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Copies the shipped pack, lets the test break one file, and returns every problem the loader reports. */
const problemsAfter = (file: string, edit: FileEdit): Promise<PackProblem[]> => problemsAfterEdits({ [file]: edit });

const ANCHORS = [...['K1', 'K2', 'K3'], ...Array.from({ length: 17 }, (_, i) => `P${i + 1}`)];

describe('the shipped pack', () => {
  let pack: Pack;
  beforeAll(async () => {
    pack = await loadPack();
  });

  it('carries the article: 3 key points and 17 paragraphs under their anchors', () => {
    expect([...pack.anchors.keys()]).toEqual(ANCHORS);
    expect(pack.article.author.name).toBe('Andrew Latham');
  });

  const source = resolve(__dirname, '../../../../shared/source/article.json');
  it.skipIf(!existsSync(source))('matches the source article word for word (skipped where ../shared is not beside the clone)', async () => {
    const original = JSON.parse(await readFile(source, 'utf8'));
    expect(pack.article.title).toBe(original.title);
    expect(pack.article.keyPoints.map((k) => k.text)).toEqual(original.keyPoints);
    expect(pack.article.paragraphs.map((p) => p.text)).toEqual(original.paragraphs);
  });

  it('has at least three motions with four points a side, each answered from the other side', () => {
    expect(pack.motions.length).toBeGreaterThanOrEqual(3);
    for (const m of pack.motions) {
      expect(pack.pointsOf(m.id, 'for').length).toBeGreaterThanOrEqual(4);
      expect(pack.pointsOf(m.id, 'against').length).toBeGreaterThanOrEqual(4);
    }
    for (const p of pack.points) {
      const answers = pack.answersTo(p.id).map((c) => pack.pointById.get(c.answer));
      expect(answers.length, p.id).toBeGreaterThan(0);
      for (const a of answers) expect(a?.side).not.toBe(p.side);
    }
  });

  it('quotes every anchor, verbatim, from some point', () => {
    const used = new Set(pack.points.flatMap((p) => p.quotes.map((q) => q.anchor)));
    expect([...used].sort()).toEqual([...ANCHORS].sort());
    for (const p of pack.points) for (const q of p.quotes) expect(isVerbatim(q.text, pack.anchors.get(q.anchor)!), `${p.id} ${q.anchor}`).toBe(true);
  });

  it('has 25+ quiz questions of several kinds and 20+ prompts', () => {
    expect(pack.quiz.length).toBeGreaterThanOrEqual(25);
    expect(new Set(pack.quiz.map((q) => q.kind)).size).toBeGreaterThanOrEqual(4);
    for (const q of pack.quiz) expect(q.options.filter((o) => o.correct)).toHaveLength(1);
    expect(pack.prompts.length).toBeGreaterThanOrEqual(20);
  });
});

describe('loading a broken pack', () => {
  it('names the file, the path and what was expected for a missing field', async () => {
    const problems = await problemsAfter('points.json', (d) => { delete d[0].claim; });
    expect(problems).toEqual([expect.objectContaining({ file: 'points.json', path: '[0].claim' })]);
  });

  it('rejects a malformed field', async () => {
    const problems = await problemsAfter('points.json', (d) => { d[1].side = 'sideways'; });
    expect(problems[0]).toMatchObject({ file: 'points.json', path: '[1].side' });
  });

  it('rejects an unknown field, so typos in field names are caught', async () => {
    const problems = await problemsAfter('motions.json', (d) => { d[0].titel = 'x'; });
    expect(problems[0]).toMatchObject({ file: 'motions.json', path: '[0]' });
  });

  it('rejects an id referenced but not defined', async () => {
    const problems = await problemsAfter('counterpoints.json', (d) => { d[0].answer = 'no-such-point'; });
    expect(problems.some((p) => p.file === 'counterpoints.json' && p.path === '[0].answer' && /not defined/.test(p.message))).toBe(true);
  });

  it('rejects an id defined twice', async () => {
    const problems = await problemsAfter('quiz.json', (d) => { d[1].id = d[0].id; });
    expect(problems).toContainEqual(expect.objectContaining({ file: 'quiz.json', path: '[1].id', message: expect.stringMatching(/twice/) }));
  });

  it('rejects a quote that is not verbatim, even when only a curly quote became straight', async () => {
    const problems = await problemsAfter('points.json', (d: Json[]) => {
      const p = d.find((x) => x.quotes.some((q: Json) => /[’“”]/.test(q.text)));
      const q = p.quotes.find((x: Json) => /[’“”]/.test(x.text));
      q.text = q.text.replace(/’/g, "'").replace(/[“”]/g, '"');
    });
    expect(problems.some((p) => /not verbatim/.test(p.message))).toBe(true);
  });

  it('accepts a quote whose white space differs only in runs', async () => {
    const problems = await problemsAfter('points.json', (d: Json[]) => {
      const q = d.find((x) => x.quotes.length > 0 && x.quotes[0].text.includes(' ')).quotes[0];
      q.text = q.text.replace(' ', '  \n ');
    });
    expect(problems).toEqual([]);
  });

  it('says where a quote stops being verbatim and names the entry’s id', async () => {
    let id = '';
    const problems = await problemsAfter('quiz.json', (d: Json[]) => {
      const q = d.find((x) => x.quote.text.includes('’'));
      id = q.id;
      q.quote.text = q.quote.text.replace('’', "'");
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'quiz.json', id, path: expect.stringMatching(/^\[\d+\]\.quote\.text$/) });
    expect(problems[0]!.message).toMatch(/then has “'” where the article has “’”/);
  });

  it('gives the line and column of a JSON syntax error, and one clear problem for a missing folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rostrum-pack-'));
    try {
      await cp(DEFAULT_PACK_DIR, dir, { recursive: true });
      await writeFile(join(dir, 'prompts.json'), '[\n  {"id": "x",\n   "question": oops }\n]');
      await writeFile(join(dir, 'pack.json'), '{"id": "a",}');
      const err = (await loadPack(dir).catch((e: unknown) => e)) as PackError;
      const messages = err.problems.map((p) => `${p.file}: ${p.message}`);
      expect(messages).toContain("prompts.json: not valid JSON: Unexpected token 'o' at line 3, column 16");
      expect(messages).toContain('pack.json: not valid JSON: Expected double-quoted property name at line 1, column 12');
      expect(err.message).toContain(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const missing = (await loadPack(join(tmpdir(), 'no-such-pack-folder')).catch((e: unknown) => e)) as PackError;
    expect(missing.problems).toEqual([expect.objectContaining({ message: 'there is no content pack folder here' })]);
  });

  it('rejects an anchor that does not exist', async () => {
    const problems = await problemsAfter('quiz.json', (d) => { d[0].anchor = 'P18'; });
    expect(problems).toContainEqual(expect.objectContaining({ file: 'quiz.json', path: '[0].anchor', message: expect.stringMatching(/P18 does not exist/) }));
  });

  it('rejects a point that no counterpoint answers', async () => {
    let orphan = '';
    const problems = await problemsAfter('counterpoints.json', (d: Json[]) => {
      orphan = d[0].point;
      return d.filter((c) => c.point !== orphan);
    });
    expect(problems.some((p) => p.file === 'points.json' && p.message.includes(`"${orphan}" has no counterpoint`))).toBe(true);
  });

  it('rejects a question without exactly one right option', async () => {
    const problems = await problemsAfter('quiz.json', (d) => { d[0].options.forEach((o: Json) => { o.correct = true; }); });
    expect(problems).toContainEqual(expect.objectContaining({ file: 'quiz.json', path: '[0].options', message: expect.stringMatching(/exactly one correct option, found 4/) }));
  });

  it('rejects an anchor that no point quotes', async () => {
    const problems = await problemsAfter('points.json', (d: Json[]) => {
      for (const p of d) p.quotes = p.quotes.filter((q: Json) => q.anchor !== 'P3');
      // A point left with no quote is no longer the author's: keep the file otherwise valid.
      for (const p of d) if (p.source === 'author' && p.quotes.length === 0) p.source = 'editorial';
    });
    expect(problems).toContainEqual(expect.objectContaining({ message: 'anchor P3 is quoted by no point' }));
  });

  it('lists every problem at once, across files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rostrum-pack-'));
    try {
      await cp(DEFAULT_PACK_DIR, dir, { recursive: true });
      const quiz = JSON.parse(await readFile(join(dir, 'quiz.json'), 'utf8'));
      quiz[0].anchor = 'K9';
      quiz[2].quote.text = 'words the author never wrote';
      await writeFile(join(dir, 'quiz.json'), JSON.stringify(quiz));
      const prompts = JSON.parse(await readFile(join(dir, 'prompts.json'), 'utf8'));
      prompts[0].points = ['ghost-point'];
      await writeFile(join(dir, 'prompts.json'), JSON.stringify(prompts));
      const err = await loadPack(dir).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PackError);
      const paths = (err as PackError).problems.map((p) => `${p.file} ${p.path}`);
      expect(paths).toEqual(expect.arrayContaining(['quiz.json [0].anchor', 'quiz.json [2].quote.text', 'prompts.json [0].points[0]']));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports a missing file and invalid JSON by name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rostrum-pack-'));
    try {
      await cp(DEFAULT_PACK_DIR, dir, { recursive: true });
      await rm(join(dir, 'prompts.json'));
      await writeFile(join(dir, 'quiz.json'), '{ not json');
      const err = (await loadPack(dir).catch((e: unknown) => e)) as PackError;
      expect(err.problems).toEqual(expect.arrayContaining([
        expect.objectContaining({ file: 'prompts.json', message: 'the file is missing' }),
        expect.objectContaining({ file: 'quiz.json', message: expect.stringMatching(/not valid JSON/) }),
      ]));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects an author point without a quote and an editorial point with one', async () => {
    const problems = await problemsAfter('points.json', (d: Json[]) => {
      const author = d.findIndex((p) => p.source === 'author');
      const editorial = d.findIndex((p) => p.source === 'editorial');
      d[editorial].quotes = d[author].quotes;
      d[author].quotes = [];
    });
    expect(problems.map((p) => p.message)).toEqual(expect.arrayContaining([
      'an author point needs at least one quote', 'an editorial point quotes nothing from the article',
    ]));
  });
});
