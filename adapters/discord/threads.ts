import type { Message } from 'discord.js';
import type { Logger } from '../../src/core/logger.js';
import { describeError } from './errors.js';
import { LIMITS } from './limits.js';
import { trimText } from './split.js';

/**
 * Opens a discussion thread under a posted message. A failure is logged, not thrown: the message
 * itself was posted, and retrying the whole post would post it twice.
 */
export async function startThread(message: Message, name: string, log: Logger): Promise<string | null> {
  try {
    const thread = await message.startThread({ name: trimText(name, LIMITS.threadName) || 'Discussion' });
    return thread.id;
  } catch (err) {
    log.warn({ err: describeError(err), channel: message.channelId, message: message.id }, 'could not start a thread');
    return null;
  }
}
