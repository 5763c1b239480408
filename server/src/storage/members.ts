import type { IMember, Role } from '../../../shared/proto.ts';
import { roles } from './enums.ts';
import { toMember } from './mappers.ts';
import { prepared, tenantQueries as q, type SqlRunner } from './sql.ts';
import type { ProjectMemberRow, RoleName } from './tables.ts';

const roleOf = prepared((projectId: string, userId: string) =>
  q.selectFrom('pm_project_members').select('role').where('project_id', '=', projectId).where('user_id', '=', userId));

export function memberRole(db: SqlRunner, projectId: string, userId: string): Role | null {
  const row = db.get(roleOf(projectId, userId));
  return row ? roles.fromName(row.role) : null;
}

export function findMember(db: SqlRunner, projectId: string, userId: string): ProjectMemberRow | undefined {
  return db.get(
    q.selectFrom('pm_project_members').selectAll().where('project_id', '=', projectId).where('user_id', '=', userId),
  );
}

export function membersOf(db: SqlRunner, projectId: string): IMember[] {
  return db
    .all(
      q.selectFrom('pm_project_members as m')
        .innerJoin('pm_users as u', 'u.id', 'm.user_id')
        .selectAll('m')
        .select(['u.display_name', 'u.email'])
        .where('m.project_id', '=', projectId)
        .orderBy('u.display_name', 'asc'),
    )
    .map((row) => toMember(row, row));
}

export function memberMessage(db: SqlRunner, projectId: string, userId: string): IMember | undefined {
  return membersOf(db, projectId).find((m) => m.userId === userId);
}

export function putMember(db: SqlRunner, row: ProjectMemberRow): void {
  db.run(
    q.insertInto('pm_project_members')
      .values(row)
      .onConflict((oc) => oc.columns(['project_id', 'user_id']).doUpdateSet({ role: row.role })),
  );
}

export function setMemberRole(db: SqlRunner, projectId: string, userId: string, role: RoleName): void {
  db.run(
    q.updateTable('pm_project_members').set({ role }).where('project_id', '=', projectId).where('user_id', '=', userId),
  );
}

export function deleteMember(db: SqlRunner, projectId: string, userId: string): void {
  db.run(q.deleteFrom('pm_project_members').where('project_id', '=', projectId).where('user_id', '=', userId));
}

export function countAdmins(db: SqlRunner, projectId: string): number {
  const row = db.get(
    q.selectFrom('pm_project_members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('project_id', '=', projectId)
      .where('role', '=', 'ADMIN'),
  );
  return row?.n ?? 0;
}

/** Each person's project memberships, by user id: project key, name and role, projects by key. */
export function membershipsByUser(db: SqlRunner): Map<string, { key: string; name: string; role: RoleName }[]> {
  const rows = db.all(
    q.selectFrom('pm_project_members as m')
      .innerJoin('pm_projects as p', 'p.id', 'm.project_id')
      .select(['m.user_id', 'm.role', 'p.key', 'p.name'])
      .orderBy('p.key'),
  );
  const byUser = new Map<string, { key: string; name: string; role: RoleName }[]>();
  for (const r of rows) {
    const list = byUser.get(r.user_id) ?? [];
    list.push({ key: r.key, name: r.name, role: r.role });
    byUser.set(r.user_id, list);
  }
  return byUser;
}
