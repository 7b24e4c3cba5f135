import type { Services, Where } from '../context.js';
import { notice, type Reply } from '../reply.js';
import { recap } from './debate.js';

/** `/debate recap`: a student's own last debate (running or ended) on this server, shown only to them. */
export async function ownRecap(services: Services, where: Where, userId: string): Promise<Reply> {
  const debate = await services.store.lastDebate(where, userId);
  if (!debate) return notice('You have not debated here yet. Start with /debate start.');
  const intro = debate.status === 'active' ? 'Your debate is still running: this is the recap so far.' : undefined;
  return { ...recap(services, debate, intro), visibility: 'private' };
}
