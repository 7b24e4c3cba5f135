import type { App } from '@slack/bolt';
import type { Logger } from '../../src/core/logger.js';

type Client = App['client'];

interface Entry {
  value: Promise<boolean>;
  expires: number;
}

const TTL_MS = 5 * 60_000;
/** A failed lookup is retried sooner than a good answer expires. */
const FAILURE_TTL_MS = 30_000;
const MAX_ENTRIES = 5000;

/**
 * Slack's admin rule: a user named in SLACK_ADMIN_USERS, or a workspace admin or owner according to
 * users.info. Answers are cached briefly: a command should not cost a Web API call every time, and a
 * promoted or demoted admin is noticed within minutes.
 */
export class AdminCheck {
  private readonly cache = new Map<string, Entry>();

  constructor(
    private readonly client: Client,
    private readonly configured: readonly string[],
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  isAdmin(teamId: string, userId: string): Promise<boolean> {
    if (this.configured.includes(userId)) return Promise.resolve(true);
    const key = `${teamId}:${userId}`;
    const hit = this.cache.get(key);
    if (hit && hit.expires > this.now()) return hit.value;
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    const entry: Entry = { value: this.lookUp(key, userId), expires: this.now() + TTL_MS };
    this.cache.set(key, entry);
    return entry.value;
  }

  private async lookUp(key: string, userId: string): Promise<boolean> {
    try {
      const res = await this.client.users.info({ user: userId });
      return Boolean(res.user?.is_admin || res.user?.is_owner || res.user?.is_primary_owner);
    } catch (err) {
      // Without users:read (or with Slack down) nobody is an admin by workspace role; configured users still are.
      this.logger.warn({ err, user: userId }, 'could not look up whether a Slack user is an admin');
      const entry = this.cache.get(key);
      if (entry) entry.expires = this.now() + FAILURE_TTL_MS;
      return false;
    }
  }
}
