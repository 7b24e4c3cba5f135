import type { App } from '@slack/bolt';
import type { Logger } from '../../src/core/logger.js';
import type { FileAttachment } from '../../src/core/reply.js';
import type { Poster } from '../../src/core/poster.js';
import { SLACK_LIMITS } from './limits/limits.js';
import { truncateText } from './limits/split.js';

type Client = App['client'];

/**
 * Files sent with a reply (the argument map), shared into the channel through Slack's external
 * upload: files.getUploadURLExternal, the bytes to the URL it gives, then files.completeUploadExternal
 * (the Web API client's filesUploadV2 makes the three calls). A file is always seen by the whole
 * channel: Slack has no ephemeral files, so a private reply's files are not sent.
 */
export async function shareFiles(client: Client, channelId: string, files: readonly FileAttachment[], logger: Logger): Promise<void> {
  for (const file of files) {
    try {
      await client.filesUploadV2({
        channel_id: channelId,
        file: typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : Buffer.from(file.content),
        filename: file.name,
        title: truncateText(file.description, SLACK_LIMITS.fileTitle),
        alt_text: truncateText(file.description, SLACK_LIMITS.fileAltText),
      });
    } catch (err) {
      // The message it belongs to is out; a retry would post that again. Say so and go on.
      logger.warn({ err, channel: channelId, file: file.name }, 'could not share a file in Slack');
    }
  }
}

/** The channel poster, with each reply's files shared under its message (background recaps carry the map). */
export function withFiles(poster: Poster, client: Client, logger: Logger): Poster {
  return {
    async post(where, reply) {
      const posted = await poster.post(where, reply);
      if (reply.visibility === 'public' && reply.attachments?.length) {
        await shareFiles(client, where.channelId, reply.attachments, logger);
      }
      return posted;
    },
  };
}
