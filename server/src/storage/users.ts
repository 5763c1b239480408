import type { TenantRole } from '../../../shared/domain/permissions.ts';
import { tenantQueries as q, type SqlRunner } from './sql.ts';
import type { UserRow } from './tables.ts';

export interface UserProfile {
  id: string;
  email: string;
  displayName: string;
  tenantRole: TenantRole;
}

/** Records a user the first time they appear and refreshes what the token says of them. */
export function upsertUser(db: SqlRunner, user: UserProfile, now: number): void {
  db.run(
    q.insertInto('pm_users')
      .values({
        id: user.id,
        email: user.email,
        display_name: user.displayName,
        tenant_role: user.tenantRole,
        created_at_ms: now,
        last_seen_at_ms: now,
      })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          email: user.email,
          display_name: user.displayName,
          tenant_role: user.tenantRole,
          last_seen_at_ms: now,
        }),
      ),
  );
}

export function findUser(db: SqlRunner, userId: string): UserRow | undefined {
  return db.get(q.selectFrom('pm_users').selectAll().where('id', '=', userId));
}

/** Everyone who has used the workspace, by name. */
export function listUsers(db: SqlRunner): UserRow[] {
  return db.all(q.selectFrom('pm_users').selectAll().orderBy('display_name').orderBy('id'));
}

/** The workspace role a person was given; their next token says it too. */
export function setTenantRole(db: SqlRunner, userId: string, tenantRole: TenantRole): void {
  db.run(q.updateTable('pm_users').set({ tenant_role: tenantRole }).where('id', '=', userId));
}

/** A person's display name, or undefined when the workspace has no such person. */
export function displayNameOf(db: SqlRunner, userId: string): string | undefined {
  return db.get(q.selectFrom('pm_users').select('display_name').where('id', '=', userId))?.display_name;
}
