import { beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { loadPack } from '../../src/core/pack/load.js';
import type { Pack } from '../../src/core/pack/model.js';
import { reviewSections } from '../../scripts/pack-review/review.js';
import { renderMarkdown, renderTerminal, wrap } from '../../scripts/pack-review/layout.js';
import { ROOT, childEnv } from '../support/cli.js';
import { withBrokenCopy } from '../support/broken-pack.js';

function runReview(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/run-ts.js', 'scripts/pack-review.ts', ...args], { cwd: ROOT, env: childEnv() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let pack: Pack;
beforeAll(async () => {
  pack = await loadPack();
});

describe('wrap', () => {
  it('breaks at spaces within the width and keeps every word in order', () => {
    const text = 'Ambiguity works when the red lines are clear. But right now, Russia is not facing clear lines.';
    const lines = wrap(text, 20);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(20);
    expect(lines.join(' ')).toBe(text);
  });

  it('cuts a word longer than the column rather than overflowing it', () => {
    expect(wrap('see https://example.org/a-very-long-address', 12)).toEqual(['see', 'https://exam', 'ple.org/a-ve', 'ry-long-addr', 'ess']);
  });
});

describe('the review of the shipped pack', () => {
  it('lists every author point with all its quotes, and every counterpoint with its point, answer and rebuttal', () => {
    const md = renderMarkdown(reviewSections(pack)).split('\n');
    const row = (start: string) => md.filter((l) => l.startsWith(`| ${start}`));
    const author = pack.points.filter((p) => p.source === 'author');
    expect(author.length).toBeGreaterThan(0);
    for (const p of author) {
      const [line, ...more] = row(`${p.id} · `);
      expect(more, p.id).toEqual([]);
      expect(line, p.id).toContain(p.claim);
      for (const q of p.quotes) expect(line, p.id).toContain(`${q.anchor} “${q.text.replace(/\s+/g, ' ')}”`);
    }
    for (const p of pack.points.filter((x) => x.source === 'editorial')) expect(row(`${p.id} · `), p.id).toHaveLength(1);
    pack.counterpoints.forEach((c, i) => {
      const [line, ...more] = row(`[${i}] ${c.point} `);
      expect(more, String(i)).toEqual([]);
      const esc = (t: string) => t.replace(/\|/g, '\\|');
      const texts = [pack.pointById.get(c.point)!.claim, pack.pointById.get(c.answer)!.claim, c.rebuttal].map(esc);
      // Side by side, in this order: the point, the answer, the rebuttal.
      const at = texts.map((t) => line!.indexOf(`| ${t} |`));
      expect(at.every((x) => x > 0), String(i)).toBe(true);
      expect([...at].sort((a, b) => a - b), String(i)).toEqual(at);
    });
  });

  it('fits the terminal width it is given, with every entry under its heading', () => {
    const text = renderTerminal(reviewSections(pack), 90);
    for (const l of text.split('\n')) expect(l.length, l).toBeLessThanOrEqual(90);
    const lines = text.split('\n');
    for (const p of pack.points.filter((x) => x.source === 'author')) expect(lines).toContain(`${p.id} · ${p.motion} · ${p.side}`);
    pack.counterpoints.forEach((c, i) => expect(lines.some((l) => l.startsWith(`[${i}] ${c.point} (`)), String(i)).toBe(true));
  });
});

describe('npm run pack-review', () => {
  it('prints the review for a terminal, or as Markdown with --markdown', async () => {
    const plain = await runReview(['--width', '80']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^Author points: each claim beside the quotes/);
    expect(plain.stdout).toContain('Counterpoints: the point, the answer and the rebuttal side by side');
    for (const l of plain.stdout.split('\n')) expect(l.length).toBeLessThanOrEqual(80);
    const md = await runReview(['--markdown']);
    expect(md.code).toBe(0);
    expect(md.stdout.split('\n').filter((l) => l.startsWith('| [')).length).toBe(pack.counterpoints.length);
  });

  it('refuses a broken pack, listing its problems, and a width too narrow to read', async () => {
    const broken = await withBrokenCopy({ 'quiz.json': (quiz) => { quiz[0].anchor = 'K9'; } }, (dir) => runReview([dir]));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/quiz\.json \[0\]\.anchor .*K9 does not exist/);
    const narrow = await runReview(['--width', '20']);
    expect(narrow.code).toBe(2);
    expect(narrow.stderr).toContain('at least 60');
  });
});
