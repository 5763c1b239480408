// What an import plan needs to know of the project, read from the tenant file.
import { isTenantAdmin } from '../../../shared/domain/permissions.ts';
import { sprintStates } from '../storage/enums.ts';
import { membersOf } from '../storage/members.ts';
import { statusesOf, findProject } from '../storage/projects.ts';
import type { SqlRunner } from '../storage/sql.ts';
import { sprintsOf } from '../storage/sprints.ts';
import { listUsers } from '../storage/users.ts';
import { liveWorkItemsAfter } from '../storage/work-items.ts';
import type { ImportLookups } from './import-plan.ts';

export function importLookups(db: SqlRunner, projectId: string): ImportLookups {
  const projectKey = findProject(db, projectId)?.key ?? '';
  // Who create_work_item lets be assigned (work-item-refs.ts): members, and the workspace's owners and admins.
  const people = new Map<string, { id: string; email: string; displayName: string }>();
  for (const m of membersOf(db, projectId)) people.set(m.userId ?? '', { id: m.userId ?? '', email: m.email ?? '', displayName: m.displayName ?? '' });
  for (const u of listUsers(db)) {
    if (isTenantAdmin(u.tenant_role)) people.set(u.id, { id: u.id, email: u.email, displayName: u.display_name });
  }
  return {
    statuses: statusesOf(db, projectId).map(({ id, name }) => ({ id, name })),
    sprints: sprintsOf(db, projectId).map((s) => ({ id: s.id ?? '', name: s.name ?? '', state: sprintStates.toName(s.state!) })),
    people: [...people.values()],
    // A key is the project's key and the item's number, and the number is indexed.
    itemByKey(key) {
      const number = key.startsWith(`${projectKey}-`) ? Number(key.slice(projectKey.length + 1)) : NaN;
      if (!Number.isSafeInteger(number) || number < 1) return undefined;
      const [row] = liveWorkItemsAfter(db, projectId, number - 1, 1);
      return row && row.number === number ? { id: row.id, key: row.key } : undefined;
    },
  };
}
