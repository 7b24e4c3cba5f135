import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { App, RespondArguments } from '@slack/bolt';
import type { Logger } from '../../src/core/logger.js';
import type { Reply } from '../../src/core/reply.js';
import type { SlackMessage } from './block-kit.js';
import { deliverFiles } from './files.js';
import { renderReply } from './render.js';

type Client = App['client'];
export type RespondFn = (message: RespondArguments) => Promise<unknown>;

/** Where the replies to one command, click or submission go. */
export interface ReplyTarget {
  client: Client;
  channelId: string;
  userId: string;
  /** The interaction's response_url (Bolt's respond()), when it has one. */
  respond?: RespondFn;
  /** The message a clicked button was on: a reply with `replaceOriginal` replaces it. */
  messageTs?: string;
  /** Slash commands have no message of their own to replace. */
  canReplaceOriginal: boolean;
}

/** Slack accepts five messages per response_url; past that, the Web API carries the rest. */
const RESPONSE_URL_USES = 5;

/** How long a response_url POST may take before it counts as failed (the Web API then carries the reply). */
const RESPONSE_URL_TIMEOUT_MS = 10_000;

/** POSTs to response_urls over kept-alive connections; `close` ends them when the adapter stops. */
export interface ResponseUrls {
  to(url: string): RespondFn;
  close(): void;
}

/**
 * response_url POSTs through node:http(s) with a kept-alive Agent. Bolt's respond() uses the global
 * fetch, which cost about 7 times the CPU of node:http per POST, on the same event loop as the acks.
 */
export function responseUrls(): ResponseUrls {
  const agents = { http: new HttpAgent({ keepAlive: true, maxSockets: 64 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 64 }) };
  return {
    to: (url) => async (message) => postJson(url, message, agents),
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

function postJson(url: string, message: RespondArguments, agents: { http: HttpAgent; https: HttpsAgent }): Promise<void> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  if (!secure && target.protocol !== 'http:') return Promise.reject(new Error('a response_url is an http(s) URL'));
  const body = JSON.stringify(message);
  const send = secure ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(target, {
      method: 'POST',
      agent: secure ? agents.https : agents.http,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      timeout: RESPONSE_URL_TIMEOUT_MS,
    }, (res) => {
      res.resume();
      res.on('error', reject);
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve();
        else reject(new Error(`response_url answered ${status}`));
      });
    });
    req.on('timeout', () => req.destroy(new Error(`response_url did not answer within ${RESPONSE_URL_TIMEOUT_MS / 1000} s`)));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Sends the core's replies in order: through response_url where there is one (it works in channels
 * the bot has not joined and carries ephemeral replies), otherwise, or when it fails, through the
 * Web API. A failure is logged; it never stops the replies after it.
 */
export async function deliverReplies(target: ReplyTarget, replies: readonly Reply[], logger: Logger): Promise<void> {
  let uses = 0;
  for (const reply of replies) {
    const messages = renderReply(reply);
    for (const [i, message] of messages.entries()) {
      const replace = Boolean(reply.replaceOriginal) && i === 0 && target.canReplaceOriginal;
      if (target.respond && uses < RESPONSE_URL_USES) {
        uses += 1;
        try {
          await target.respond(
            replace
              ? { ...message, replace_original: true }
              : { ...message, response_type: reply.visibility === 'public' ? 'in_channel' : 'ephemeral', replace_original: false },
          );
          continue;
        } catch (err) {
          logger.warn({ err, channel: target.channelId }, 'response_url failed; sending through the Web API');
        }
      }
      try {
        await viaWebApi(target, reply, message, replace);
      } catch (err) {
        logger.error({ err, channel: target.channelId }, 'could not deliver a Slack reply');
      }
    }
    if (reply.attachments?.length) await deliverFiles(target, reply, logger);
  }
}

async function viaWebApi(target: ReplyTarget, reply: Reply, message: SlackMessage, replace: boolean): Promise<void> {
  const { client, channelId: channel } = target;
  if (replace && target.messageTs) {
    await client.chat.update({ channel, ts: target.messageTs, ...message });
  } else if (reply.visibility === 'public') {
    await client.chat.postMessage({ channel, ...message, unfurl_links: false, unfurl_media: false });
  } else {
    await client.chat.postEphemeral({ channel, user: target.userId, ...message });
  }
}
