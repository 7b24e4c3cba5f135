import type { App } from '@slack/bolt';
import type { Logger } from '../../src/core/logger.js';
import type { FileAttachment, Reply } from '../../src/core/reply.js';
import type { Poster } from '../../src/core/poster.js';
import type { ReplyTarget } from './deliver.js';
import { SLACK_LIMITS } from './limits/limits.js';
import { truncateText } from './limits/split.js';

type Client = App['client'];

/**
 * Uploads one file into a channel through Slack's external upload (files.getUploadURLExternal, the
 * upload URL, files.completeUploadExternal), which Bolt's client runs as filesUploadV2. A picture
 * (the argument map) gets its description as alt text.
 */
async function upload(client: Client, channel: string, file: FileAttachment): Promise<void> {
  const picture = file.mediaType.startsWith('image/');
  await client.filesUploadV2({
    channel_id: channel,
    file: typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : Buffer.from(file.content),
    filename: file.name,
    title: picture ? truncateText(file.description, SLACK_LIMITS.fileTitle) : file.name,
    ...(picture ? { alt_text: truncateText(file.description, SLACK_LIMITS.fileAltText) } : { initial_comment: file.description }),
  });
}

/**
 * Sends a reply's files. A private reply's file goes to the person in a direct message with the
 * app: shared into the channel, everyone there could open a teacher's export of the class's results.
 */
export async function deliverFiles(target: ReplyTarget, reply: Reply, logger: Logger): Promise<void> {
  for (const file of reply.attachments ?? []) {
    try {
      const channel = reply.visibility === 'private' ? await directMessageChannel(target) : target.channelId;
      await upload(target.client, channel, file);
      if (reply.visibility === 'private') await tell(target, `${file.name} is in your direct messages with rostrum.`);
    } catch (err) {
      logger.warn({ err, channel: target.channelId, file: file.name }, 'could not upload a file to Slack');
      await tell(target, `I could not send ${file.name}: Slack refused the upload. The app needs the files:write and im:write scopes (reinstall it from slack-manifest.json).`)
        .catch((e: unknown) => logger.warn({ err: e }, 'could not say that a file failed'));
    }
  }
}

/**
 * The channel poster, with each public reply's files uploaded after its message: a recap that the
 * clock posts (a debate left open for a day) carries its map too.
 */
export function withFiles(poster: Poster, client: Client, logger: Logger): Poster {
  return {
    async post(where, reply) {
      const posted = await poster.post(where, reply);
      if (reply.visibility !== 'public') return posted;
      for (const file of reply.attachments ?? []) {
        // The message is out; failing now would invite a retry that posts it twice.
        await upload(client, where.channelId, file).catch((err: unknown) => logger.warn({ err, channel: where.channelId, file: file.name }, 'could not upload a file to Slack'));
      }
      return posted;
    },
  };
}

async function directMessageChannel(target: ReplyTarget): Promise<string> {
  const opened = await target.client.conversations.open({ users: target.userId });
  const id = opened.channel?.id;
  if (!id) throw new Error('conversations.open gave no channel');
  return id;
}

/** A short private word beside the command: through response_url when there is one, else the Web API. */
async function tell(target: ReplyTarget, text: string): Promise<void> {
  if (target.respond) {
    await target.respond({ response_type: 'ephemeral', replace_original: false, text });
    return;
  }
  await target.client.chat.postEphemeral({ channel: target.channelId, user: target.userId, text });
}
