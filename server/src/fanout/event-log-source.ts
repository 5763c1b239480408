import { currentSeq, eventsBetween } from '../storage/events.ts';
import type { TenantDatabases } from '../tenancy/tenant-databases.ts';
import type { FeedSource } from './project-feeds.ts';

/** The project event logs in the tenant files, as the feeds' source of truth. */
export function eventLogOf(databases: TenantDatabases): FeedSource {
  return {
    eventsBetween: (tenantId, projectId, after, upTo) => eventsBetween(databases.get(tenantId), projectId, after, upTo),
    currentSeq: (tenantId, projectId) => currentSeq(databases.get(tenantId), projectId),
  };
}
