import { beforeEach, describe, expect, it } from 'vitest';
import type { BaseContext } from '../../src/core/context.js';
import { runText } from '../../src/core/dispatch.js';
import { contextFor, testServices } from '../support/core.js';
import { blocksOf, plain } from '../support/replies.js';

/** Sentences a first try-out tripped over, read as sentences now. */

let admin: BaseContext;
beforeEach(async () => {
  admin = contextFor(await testServices(), 'teacher', 'class-9b', { isAdmin: true });
});

describe('replies that read as sentences', () => {
  it('/keypoints list shows each motion’s id, which /debate start motion: takes', async () => {
    const replies = await runText(admin, 'keypoints', 'list');
    expect(replies).toHaveLength(admin.services.pack.motions.length);
    for (const [i, motion] of admin.services.pack.motions.entries()) {
      expect(blocksOf(replies[i]!, 'text')[0]?.text).toBe(`${motion.statement}\nMotion id: ${motion.id} (to debate it: /debate start motion:${motion.id})`);
    }
  });

  it('a missing schedule id is asked for without brackets inside brackets', async () => {
    const [help] = await runText(admin, 'prompt', 'pause');
    expect(plain(help!)).toContain('/prompt pause needs id (the schedule’s id, as /prompt list shows it), e.g. id:….');
    expect(plain(help!)).not.toMatch(/\([^()]*\([^()]*\)\)/);
  });
});
