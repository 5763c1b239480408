// Reads that work item writes need about other tables, kept apart from the
// files that own those tables.
import { tenantQueries as q, type SqlRunner } from './sql.ts';
import type { UserRow } from './tables.ts';

export interface UserStanding {
  tenantRole: UserRow['tenant_role'];
  isMember: boolean;
}

/** A user's workspace role and whether they belong to the project; undefined: no such user. */
export function userStanding(db: SqlRunner, projectId: string, userId: string): UserStanding | undefined {
  const row = db.get(
    q.selectFrom('pm_users as u')
      .leftJoin('pm_project_members as m', (join) =>
        join.onRef('m.user_id', '=', 'u.id').on('m.project_id', '=', projectId),
      )
      .select(['u.tenant_role', 'm.user_id as member_id'])
      .where('u.id', '=', userId),
  );
  return row && { tenantRole: row.tenant_role, isMember: row.member_id !== null };
}
