/** docs/PROTOCOL.md §3: checked before any path is built from a tenant id. */
export const TENANT_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export function isValidTenantId(value: unknown): value is string {
  return typeof value === 'string' && TENANT_ID_PATTERN.test(value);
}

/**
 * Tenants of the embedding host and standalone workspaces live side by side
 * in DATA_DIR, so their ids are kept apart by a prefix (HOST_TENANT_PREFIX):
 * a host token may name only ids that start with it, a standalone token only
 * ids that do not. Otherwise a host could sign a token naming a standalone
 * workspace (and enter it as its owner), or the reverse.
 */
export const DEFAULT_HOST_TENANT_PREFIX = 'host-';

/**
 * A prefix ends with '-', so an id without any '-' (the fallback of
 * account-directory.ts) can never start with it, whatever it is set to.
 */
export const HOST_TENANT_PREFIX_PATTERN = /^[a-z0-9][a-z0-9_-]{0,30}-$/;

export function isHostTenantId(tenantId: string, hostPrefix: string): boolean {
  return tenantId.startsWith(hostPrefix);
}
