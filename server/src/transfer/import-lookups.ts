// What an import plan needs to know of the project, read from the tenant file.
import { isTenantAdmin } from '../../../shared/domain/permissions.ts';
import { pullModeRefusal } from '../../../shared/domain/pull-mode.ts';
import { sprintStates } from '../storage/enums.ts';
import { membersOf } from '../storage/members.ts';
import { statusesOf, findProject } from '../storage/projects.ts';
import type { SqlRunner } from '../storage/sql.ts';
import { sprintsOf } from '../storage/sprints.ts';
import { listUsers } from '../storage/users.ts';
import { liveWorkItemsAfter } from '../storage/work-items.ts';
import type { ImportLookups } from './import-plan.ts';

/** `importerId`: the admin importing, whom pull mode lets the import assign (a claim), and no one else. */
export function importLookups(db: SqlRunner, projectId: string, importerId: string): ImportLookups {
  const project = findProject(db, projectId);
  const projectKey = project?.key ?? '';
  const pullMode = project?.pull_mode === 1;
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
    // The same rule create_work_item holds each row to (pull-mode-guard.ts): asked here, the row is imported unassigned with a note instead of refused.
    assignRefusal: (personId) =>
      pullModeRefusal(
        { pullMode, callerId: importerId, callerIsAdmin: true, itemKey: '', assigneeId: '', assigneeName: '' },
        { kind: 'create', assigneeId: personId },
      )?.message ?? null,
    // A key is the project's key and the item's number, and the number is indexed.
    itemByKey(key) {
      const number = key.startsWith(`${projectKey}-`) ? Number(key.slice(projectKey.length + 1)) : NaN;
      if (!Number.isSafeInteger(number) || number < 1) return undefined;
      const [row] = liveWorkItemsAfter(db, projectId, number - 1, 1);
      return row && row.number === number ? { id: row.id, key: row.key } : undefined;
    },
  };
}
