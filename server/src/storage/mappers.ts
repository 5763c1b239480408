// Rows to wire objects (the generated I* interfaces).
import type { Selectable } from 'kysely';
import type {
  IActivityEntry, IComment, ICustomField, ICustomFieldValue, ICustomItemType, ILabel, IMember, IProject, ISprint, IWorkflowStatus, IWorkItem,
} from '../../../shared/proto.ts';
import { itemTypes, priorities, roles, sprintStates, statusCategories } from './enums.ts';
import type {
  ActivityRow, CommentRow, LabelRow, ProjectMemberRow, ProjectRow, SprintRow, UserRow, WorkflowStatusRow, WorkItemRow,
} from './tables.ts';

export function toStatus(row: WorkflowStatusRow): IWorkflowStatus {
  return { id: row.id, name: row.name, category: statusCategories.fromName(row.category), position: row.position, wipLimit: row.wip_limit };
}

export function toProject(
  row: ProjectRow, statuses: WorkflowStatusRow[], formerKeys: string[], customFields: ICustomField[], itemTypes: ICustomItemType[],
): IProject {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    statuses: statuses.map(toStatus),
    version: row.version,
    createdAt: row.created_at_ms,
    createdBy: row.created_by,
    updatedAt: row.updated_at_ms,
    archivedAt: row.archived_at_ms ?? 0,
    formerKeys,
    deletedAt: row.deleted_at_ms ?? 0,
    pullMode: row.pull_mode === 1,
    customFields,
    itemTypes,
  };
}

/** `row`'s description, or for a card (a row read without it) the one given. */
export function toWorkItem(
  row: Omit<WorkItemRow, 'description'> & { description?: string },
  labels: readonly string[],
  customFields: readonly ICustomFieldValue[],
  description = row.description ?? '',
): IWorkItem {
  return {
    id: row.id,
    projectId: row.project_id,
    key: row.key,
    number: row.number,
    itemType: itemTypes.fromName(row.item_type),
    parentId: row.parent_id ?? '',
    title: row.title,
    description,
    statusId: row.status_id,
    priority: priorities.fromName(row.priority),
    storyPoints: row.story_points ?? 0,
    hasStoryPoints: row.story_points !== null,
    assigneeId: row.assignee_id ?? '',
    sprintId: row.sprint_id ?? '',
    labels: [...labels],
    rank: row.rank,
    version: row.version,
    createdAt: row.created_at_ms,
    createdBy: row.created_by,
    updatedAt: row.updated_at_ms,
    updatedBy: row.updated_by,
    deletedAt: row.deleted_at_ms ?? 0,
    startDate: row.start_date ?? '',
    dueDate: row.due_date ?? '',
    originalEstimateMinutes: row.original_estimate_minutes ?? 0,
    hasOriginalEstimate: row.original_estimate_minutes !== null,
    remainingEstimateMinutes: row.remaining_estimate_minutes ?? 0,
    hasRemainingEstimate: row.remaining_estimate_minutes !== null,
    loggedMinutes: row.logged_minutes,
    customFields: [...customFields],
    customTypeId: row.custom_type_id ?? '',
  };
}

export function toSprint(row: SprintRow): ISprint {
  return {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    goal: row.goal,
    state: sprintStates.fromName(row.state),
    startDate: row.start_date,
    endDate: row.end_date,
    version: row.version,
    startedAt: row.started_at_ms ?? 0,
    completedAt: row.completed_at_ms ?? 0,
    deletedAt: row.deleted_at_ms ?? 0,
  };
}

export function toComment(row: CommentRow): IComment {
  return {
    id: row.id,
    workItemId: row.work_item_id,
    authorId: row.author_id,
    body: row.body,
    createdAt: row.created_at_ms,
    editedAt: row.edited_at_ms ?? 0,
    version: row.version,
    deletedAt: row.deleted_at_ms ?? 0,
  };
}

export function toMember(row: ProjectMemberRow, user: Pick<UserRow, 'display_name' | 'email'>): IMember {
  return {
    projectId: row.project_id,
    userId: row.user_id,
    displayName: user.display_name,
    email: user.email,
    role: roles.fromName(row.role),
  };
}

export function toLabel(row: LabelRow): ILabel {
  return { id: row.id, projectId: row.project_id, name: row.name, color: row.color };
}

export function toActivity(row: Selectable<ActivityRow>): IActivityEntry {
  return {
    id: row.id,
    workItemId: row.work_item_id ?? '',
    field: row.field,
    oldValue: row.old_value ?? '',
    newValue: row.new_value ?? '',
    actorId: row.actor_id,
    occurredAt: row.occurred_at_ms,
    seq: row.event_seq,
  };
}
