import type { BaseContext, Services } from '../../src/core/context.js';
import type { AdminCheck } from './admin.js';
import { slackSlashName } from './commands.js';

/** Who did something, and where, as every Slack payload tells it. */
export interface SlackWho {
  teamId: string;
  channelId: string;
  userId: string;
  userName: string;
}

export async function slackContext(services: Services, admin: AdminCheck, who: SlackWho): Promise<BaseContext> {
  return {
    platform: 'slack',
    serverId: who.teamId,
    channelId: who.channelId,
    user: { id: who.userId, name: who.userName || who.userId },
    isAdmin: await admin.isAdmin(who.teamId, who.userId),
    slashName: slackSlashName,
    services,
  };
}

/**
 * The key that makes a delivery happen once. Slack sends a retried request (X-Slack-Retry-Num, or a
 * Socket Mode retry_attempt) with the same trigger_id, while every new command, click or submission
 * gets a fresh one; so the trigger_id names the delivery.
 */
export function requestKey(teamId: string, triggerId: string | undefined, fallback: string): string {
  return `slack:${teamId}:${triggerId || fallback}`;
}
