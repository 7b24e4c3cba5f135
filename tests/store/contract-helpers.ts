import { randomBytes } from 'node:crypto';
import type { Platform } from '../../src/core/context.js';
import type { ChannelRef } from '../../src/core/store/records.js';

/** Fresh ids and channels for every test, so the contract never depends on what another test wrote. */
export const unique = (prefix: string) => `${prefix}-${randomBytes(6).toString('base64url')}`;
/** A platform name no other test uses (the column holds up to 16 characters). */
export const ownPlatform = () => `t${randomBytes(5).toString('hex')}` as Platform;

export const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
export const DAY = 24 * 60 * 60 * 1000;

export function channel(platform: Platform): ChannelRef {
  return { platform, serverId: unique('srv'), channelId: unique('chan') };
}
