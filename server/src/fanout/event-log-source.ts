import { currentSeq, eventsBetween } from '../storage/events.ts';
import type { TenantDatabases } from '../tenancy/tenant-databases.ts';
import type { FeedSource } from './project-feeds.ts';

/**
 * The project event logs in the tenant files, as the feeds' source of truth.
 * A tenant placed on another cell meanwhile has nothing more for this
 * instance's feeds (its sockets here are being closed): its old file is not
 * read, and nothing throws into the timer that polls these.
 */
export function eventLogOf(databases: TenantDatabases): FeedSource {
  return {
    eventsBetween: (tenantId, projectId, after, upTo) => (databases.admits(tenantId) ? eventsBetween(databases.get(tenantId), projectId, after, upTo) : []),
    currentSeq: (tenantId, projectId) => (databases.admits(tenantId) ? currentSeq(databases.get(tenantId), projectId) : 0),
  };
}
