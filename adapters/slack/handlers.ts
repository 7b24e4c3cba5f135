import type { App, BlockAction, ViewSubmitAction } from '@slack/bolt';
import type { Services } from '../../src/core/context.js';
import type { Logger } from '../../src/core/logger.js';
import { runChoice, runText } from '../../src/core/dispatch.js';
import { claimDelivery } from '../../src/core/claim.js';
import { notice } from '../../src/core/reply.js';
import type { AdminCheck } from './admin.js';
import type { AfterAckQueue } from './after-ack.js';
import { coreCommandName } from './commands.js';
import { requestKey, slackContext } from './context.js';
import { deliverReplies, type ReplyTarget, type ResponseUrls } from './deliver.js';
import { choiceInput } from '../../src/core/choices.js';
import { decodeSlackText } from './incoming.js';
import { INPUT_BLOCK_ID, INPUT_CALLBACK_ID, inputModal, readInputMetadata, readInputText } from './modal.js';

export interface HandlerDeps {
  services: Services;
  admin: AdminCheck;
  logger: Logger;
  work: AfterAckQueue;
  responseUrls: ResponseUrls;
}

const BUSY = notice('rostrum is very busy right now and could not get to that. Please try it again in a minute.');

/**
 * Every slash command, button and text box, wired to the core. Each listener acknowledges Slack
 * first (Slack waits 3 s at most; the ack answers this HTTP request or envelope only), then claims
 * the delivery, runs the core and answers through response_url or the Web API. Slack retries a slow
 * request (X-Slack-Retry-Num, retry_attempt), possibly to another instance: every delivery but the
 * one that claims it first sends nothing at all, not even a help or error reply.
 */
export function registerHandlers(app: App, deps: HandlerDeps): void {
  const { services, admin, logger, work, responseUrls } = deps;
  const respondVia = (url: string | undefined) => (url ? { respond: responseUrls.to(url) } : {});

  const logged = (what: object, run: () => Promise<void>) => () => run().catch((err: unknown) => logger.error({ err, ...what }, 'Slack request failed'));
  /**
   * Queues what follows an ack (after-ack.ts): the listener returns at once, stop() waits for the
   * queue, and no failure goes unlogged. When too much is waiting, the person is told instead.
   */
  const after = (what: object, target: ReplyTarget, job: () => Promise<void>): void => {
    work.push(logged(what, job), logged(what, () => deliverReplies(target, [BUSY], logger)));
  };
  /** `job`, if this delivery claims `key`. No time limit: the ack has gone, and a response_url lives 30 min. */
  const claimed = (key: string, job: () => Promise<void>) => async () => {
    if ((await claimDelivery(services, key)) === 'won') await job();
  };

  app.command(/^\/.+/, async ({ command, ack, client, context }) => {
    await ack();
    const teamId = command.team_id || context.teamId || '';
    const target: ReplyTarget = { client, channelId: command.channel_id, userId: command.user_id, ...respondVia(command.response_url), canReplaceOriginal: false };
    const key = requestKey(teamId, command.trigger_id, `${command.user_id}:${command.command}:${command.text}`);
    after({ command: command.command, retry: context.retryNum }, target, claimed(key, async () => {
      const base = await slackContext(services, admin, {
        teamId, channelId: command.channel_id, userId: command.user_id, userName: command.user_name,
      });
      const replies = await runText(base, coreCommandName(command.command), decodeSlackText(command.text));
      await deliverReplies(target, replies, logger);
    }));
  });

  app.action<BlockAction>(/.+/, async ({ body, action, ack, client, context }) => {
    await ack();
    if (action.type !== 'button') return;
    const teamId = body.team?.id ?? body.user.team_id ?? context.teamId ?? '';
    const channelId = body.channel?.id ?? String(body.container.channel_id ?? '');
    const messageTs = body.message?.ts ?? (typeof body.container.message_ts === 'string' ? body.container.message_ts : undefined);
    const userName = body.user.username || body.user.name || body.user.id;
    const target: ReplyTarget = { client, channelId, userId: body.user.id, ...respondVia(body.response_url), messageTs, canReplaceOriginal: true };
    const key = requestKey(teamId, body.trigger_id, `${body.user.id}:${action.action_ts}`);

    // The core knows which choice ids open a text box; a button's value has no say in it.
    const input = choiceInput(action.action_id);
    if (input) {
      // The trigger_id expires 3 s after the click: the box opens now, ahead of the queue. A repeat
      // would find the trigger used and tell the person it failed, so it is claimed like the rest.
      work.now(logged({ choice: action.action_id, retry: context.retryNum }, claimed(key, async () => {
        try {
          await client.views.open({
            trigger_id: body.trigger_id,
            view: inputModal(input, { choiceId: action.action_id, channelId, messageTs, responseUrl: body.response_url }),
          });
        } catch (err) {
          logger.warn({ err, choice: action.action_id }, 'could not open a Slack modal');
          await deliverReplies(target, [notice('I could not open the text box. Please try again, or type the command instead (for a debate: /debate reply <your argument>).')], logger);
        }
      })));
      return;
    }
    after({ choice: action.action_id, retry: context.retryNum }, target, claimed(key, async () => {
      const base = await slackContext(services, admin, { teamId, channelId, userId: body.user.id, userName });
      const replies = await runChoice(base, { choiceId: action.action_id, messageId: messageTs });
      await deliverReplies(target, replies, logger);
    }));
  });

  app.view<ViewSubmitAction>(INPUT_CALLBACK_ID, async ({ body, view, ack, client, context }) => {
    const meta = readInputMetadata(view.private_metadata);
    const text = readInputText(view.state);
    if (meta && !text?.trim()) {
      await ack({ response_action: 'errors', errors: { [INPUT_BLOCK_ID]: 'Type something first, then send it.' } });
      return;
    }
    await ack();
    if (!meta) {
      logger.warn({ callback: view.callback_id }, 'a Slack text box came back without its choice; ignored');
      return;
    }
    const teamId = body.team?.id ?? body.user.team_id ?? context.teamId ?? '';
    const target: ReplyTarget = {
      client, channelId: meta.channelId, userId: body.user.id, messageTs: meta.messageTs, canReplaceOriginal: true, ...respondVia(meta.responseUrl),
    };
    const key = requestKey(teamId, body.trigger_id, `${body.user.id}:${view.id}`);
    after({ choice: meta.choiceId, retry: context.retryNum }, target, claimed(key, async () => {
      const base = await slackContext(services, admin, { teamId, channelId: meta.channelId, userId: body.user.id, userName: body.user.name });
      const replies = await runChoice(base, { choiceId: meta.choiceId, text, messageId: meta.messageTs });
      await deliverReplies(target, replies, logger);
    }));
  });
}
