// The rules for what a work item points at (parent, status, assignee, sprint),
// shared by every write that sets them.
import { failedPrecondition, invalidArgument, notFound } from '../../../shared/domain/errors.ts';
import { checkHeldChildren, checkPlacement, type HierarchyType } from '../../../shared/domain/hierarchy.ts';
import { effectiveRole, isTenantAdmin } from '../../../shared/domain/permissions.ts';
import { checkId } from '../../../shared/domain/validation.ts';
import type { TenantDb } from '../tenancy/tenant-db.ts';
import { itemTypes } from '../storage/enums.ts';
import { memberRole } from '../storage/members.ts';
import { findStatus, statusesOf } from '../storage/projects.ts';
import { userStanding } from '../storage/references.ts';
import { findSprint } from '../storage/sprints.ts';
import type { WorkflowStatusRow, WorkItemRow } from '../storage/tables.ts';
import { findWorkItem, liveChildren } from '../storage/work-items.ts';
import { findItemType, liveTypeOf } from '../storage/item-types.ts';
import type { Caller } from '../auth/caller.ts';

/** A live item of the project; anything else is NOT_FOUND naming `field`. */
export function liveItemOf(db: TenantDb, projectId: string, id: string, field: string): WorkItemRow {
  const row = findWorkItem(db, id);
  if (!row || row.project_id !== projectId || row.deleted_at_ms !== null) throw notFound('Work item', field);
  return row;
}

/** An item's type as the hierarchy sees it: with its project's own type, when it has one. */
function hierarchyTypeOf(db: TenantDb, row: Pick<WorkItemRow, 'item_type' | 'custom_type_id'>): HierarchyType {
  const custom = row.custom_type_id === null ? undefined : findItemType(db, row.custom_type_id);
  return {
    type: itemTypes.fromName(row.item_type),
    custom: custom ? { name: custom.name, canBeParent: custom.can_be_parent === 1 } : null,
  };
}

/**
 * One of the project's live own types (v18), for an item to be of; a removed
 * or unknown one is not found, like a status that never was.
 */
export function customTypeOf(db: TenantDb, projectId: string, typeId: string) {
  const type = liveTypeOf(db, projectId, checkId(typeId, 'custom_type_id'));
  if (!type) throw notFound('Item type', 'custom_type_id');
  return type;
}

/** Where a new item starts when no status is given: the first column. */
export function firstStatusOf(db: TenantDb, projectId: string): WorkflowStatusRow {
  const first = statusesOf(db, projectId)[0];
  if (!first) throw new Error(`project ${projectId} has no workflow statuses`);
  return first;
}

/** A live status of the project; a removed one is not found, like a status that never was. */
function statusOf(db: TenantDb, projectId: string, statusId: string): WorkflowStatusRow {
  const status = findStatus(db, checkId(statusId, 'status_id'));
  if (!status || status.project_id !== projectId || status.removed_at_ms !== null) throw notFound('Status', 'status_id');
  return status;
}

function checkAssignee(db: TenantDb, projectId: string, userId: string): void {
  const standing = userStanding(db, projectId, userId);
  if (!standing || !(standing.isMember || isTenantAdmin(standing.tenantRole))) {
    throw invalidArgument('assignee_id', 'Work can only be assigned to a member of the project');
  }
}

function checkOpenSprint(db: TenantDb, projectId: string, sprintId: string): void {
  const sprint = findSprint(db, sprintId);
  if (!sprint || sprint.project_id !== projectId) throw notFound('Sprint', 'sprint_id');
  if (sprint.state === 'COMPLETED') throw failedPrecondition(`${sprint.name} is completed`, 'sprint_id');
}

/**
 * The live item named as parent. One in another project breaks the hierarchy
 * rule (all in one project), but only a caller who can see that project may
 * learn that it exists: to anyone else it is NOT_FOUND like a missing one.
 */
function parentOf(db: TenantDb, projectId: string, parentId: string, caller: Caller | null): WorkItemRow {
  const row = findWorkItem(db, parentId);
  if (row && row.deleted_at_ms === null && row.project_id !== projectId && caller !== null &&
      effectiveRole(caller.tenantRole, memberRole(db, row.project_id, caller.userId)) !== null) {
    throw failedPrecondition('A parent must be in the same project as its children', 'parent_id');
  }
  return liveItemOf(db, projectId, parentId, 'parent_id');
}

/** Walks up from the new parent: reaching the item itself would make a loop. */
function checkNotOwnAncestor(db: TenantDb, itemId: string, parentId: string): void {
  const seen = new Set<string>();
  for (let id: string | null = parentId; id !== null && !seen.has(id); id = findWorkItem(db, id)?.parent_id ?? null) {
    if (id === itemId) throw failedPrecondition('An item cannot sit under itself or one of its own children', 'parent_id');
    seen.add(id);
  }
}

/**
 * Checks every reference of `next` that differs from `before` (null: a new
 * item, so all of them). Unchanged references are left alone, so an edit to
 * the title never fails because, say, the item's sprint has since completed.
 * `caller` (when the write can set a parent) decides what a parent in another
 * project is reported as; without one it is simply not found.
 */
export function checkReferences(db: TenantDb, next: WorkItemRow, before: WorkItemRow | null, caller: Caller | null = null): void {
  const changed = (column: keyof WorkItemRow) => before === null || before[column] !== next[column];
  const projectId = next.project_id;

  let parent: WorkItemRow | null = null;
  if (next.parent_id !== null) {
    if (changed('parent_id')) {
      parent = parentOf(db, projectId, next.parent_id, caller);
      checkNotOwnAncestor(db, next.id, parent.id);
    } else {
      parent = findWorkItem(db, next.parent_id) ?? null;
    }
  }
  const typeChanged = changed('item_type') || changed('custom_type_id');
  if (typeChanged || changed('parent_id')) {
    const type = hierarchyTypeOf(db, next);
    checkPlacement(type, parent && hierarchyTypeOf(db, parent));
    if (before !== null && typeChanged) {
      checkHeldChildren(type, liveChildren(db, next.id).map((child) => itemTypes.fromName(child.item_type)));
    }
  }
  if (changed('status_id')) statusOf(db, projectId, next.status_id);
  if (changed('assignee_id') && next.assignee_id !== null) checkAssignee(db, projectId, next.assignee_id);
  if (changed('sprint_id') && next.sprint_id !== null) checkOpenSprint(db, projectId, next.sprint_id);
}
