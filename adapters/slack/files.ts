import type { Logger } from '../../src/core/logger.js';
import type { Reply } from '../../src/core/reply.js';
import type { ReplyTarget } from './deliver.js';

/**
 * Sends a reply's files through Slack's external upload (files.getUploadURLExternal, the upload
 * URL, files.completeUploadExternal), which Bolt's client runs as filesUploadV2. A private reply's
 * file goes to the person in a direct message with the app: shared into the channel, everyone there
 * could open a teacher's export of the class's results.
 */
export async function deliverFiles(target: ReplyTarget, reply: Reply, logger: Logger): Promise<void> {
  for (const file of reply.attachments ?? []) {
    try {
      const channel = reply.visibility === 'private' ? await directMessageChannel(target) : target.channelId;
      await target.client.filesUploadV2({
        channel_id: channel,
        file: Buffer.from(file.content, 'utf8'),
        filename: file.name,
        title: file.name,
        initial_comment: file.description,
      });
      if (reply.visibility === 'private') await tell(target, `${file.name} is in your direct messages with rostrum.`);
    } catch (err) {
      logger.warn({ err, channel: target.channelId, file: file.name }, 'could not upload a file to Slack');
      await tell(target, `I could not send ${file.name}: Slack refused the upload. The app needs the files:write and im:write scopes (reinstall it from slack-manifest.json).`)
        .catch((e: unknown) => logger.warn({ err: e }, 'could not say that a file failed'));
    }
  }
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
