// One-time password links (docs/PROTOCOL.md §2.6), kept in the account
// directory. Only the token's SHA-256 is stored: a copy of the file, or of a
// backup, cannot be turned into working links. A token starts with its
// workspace's id, so a router in front of several cells (routing/
// haproxy-config.ts) sends its use to the cell that holds the workspace,
// wherever the workspace has moved since.
import { createHash, randomBytes } from 'node:crypto';
import type { SqlRunner } from '../storage/sql.ts';
import { directoryQueries as q } from './account-directory.ts';

/** Long enough for an admin to pass the link on by hand (there is no mail), short enough that a forgotten one dies. */
export const PASSWORD_LINK_TTL_MS = 24 * 60 * 60 * 1000;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export interface PasswordLink {
  accountId: string;
  /** The workspace whose admin made it. */
  tenantId: string;
  expiresAtMs: number;
  usedAtMs: number | null;
}

export class PasswordResetStore {
  constructor(private readonly db: SqlRunner) {}

  /** A new link for the account; any earlier one it has stops working, and links long past their end are deleted. */
  issue(accountId: string, tenantId: string, createdBy: string, now: number): { token: string; expiresAtMs: number } {
    // base64url has no '.', so the first one ends the workspace's id.
    const token = `${tenantId}.${randomBytes(32).toString('base64url')}`;
    const expiresAtMs = now + PASSWORD_LINK_TTL_MS;
    this.db.transaction(() => {
      this.forget(accountId);
      this.db.run(q.deleteFrom('password_resets').where('expires_at_ms', '<', now - PASSWORD_LINK_TTL_MS));
      this.db.run(
        q.insertInto('password_resets').values({
          token_hash: hashOf(token), account_id: accountId, tenant_id: tenantId, created_by: createdBy, created_at_ms: now, expires_at_ms: expiresAtMs, used_at_ms: null,
        }),
      );
    });
    return { token, expiresAtMs };
  }

  find(token: string): PasswordLink | undefined {
    const row = this.db.get(q.selectFrom('password_resets').select(['account_id', 'tenant_id', 'expires_at_ms', 'used_at_ms']).where('token_hash', '=', hashOf(token)));
    return row && { accountId: row.account_id, tenantId: row.tenant_id, expiresAtMs: row.expires_at_ms, usedAtMs: row.used_at_ms };
  }

  /** Marks the link used; false when it already was, or has expired, by now (two tabs racing with one link). */
  take(token: string, now: number): boolean {
    return this.db.run(
      q.updateTable('password_resets')
        .set({ used_at_ms: now })
        .where('token_hash', '=', hashOf(token))
        .where('used_at_ms', 'is', null)
        .where('expires_at_ms', '>', now),
    ) === 1;
  }

  /** The account's unused links stop working (its password was changed another way, or a new link replaces them). */
  forget(accountId: string): void {
    this.db.run(q.deleteFrom('password_resets').where('account_id', '=', accountId).where('used_at_ms', 'is', null));
  }
}
