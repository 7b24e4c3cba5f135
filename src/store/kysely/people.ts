import type { QueryCreator } from 'kysely';
import type { Tables } from './tables.js';
import type { Actor } from '../../core/context.js';
import type { ChannelRef } from '../../core/store/records.js';
import { arg } from './prepared.js';

/** The arguments rememberOn's statement takes, for `person` seen on `where`'s server at `now`. */
export const personArgs = (where: ChannelRef, person: Actor, now: number) => ({
  platform: where.platform, serverId: where.serverId, userId: person.id, name: person.name.slice(0, 100), now,
});

/**
 * Keeps the name a person goes by on a server (rememberPerson), as a statement of its own or, on
 * Postgres, as a data-modifying CTE of another write. Its arguments are personArgs'.
 */
export const rememberOn = (db: QueryCreator<Tables>) => db.insertInto('people')
  .values({ platform: arg('platform'), server_id: arg('serverId'), user_id: arg('userId'), name: arg('name'), seen_at: arg<number>('now') })
  .onConflict((oc) => oc.columns(['platform', 'server_id', 'user_id']).doUpdateSet({ name: arg('name'), seen_at: arg<number>('now') }));
