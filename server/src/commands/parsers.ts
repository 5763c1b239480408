// One parser per command of ClientFrame's oneof: the typed form its handler
// gets. Required ids, the length of optional references and the count of
// every repeated field are checked here (INVALID_ARGUMENT naming the field),
// before anything looks at the values; what a value means (a title's length,
// a known item type) is the handler's rule. proto3 `optional` fields stay
// undefined when absent, repeated fields are arrays, int64 fields are numbers.
import { LIMITS } from '../../../shared/domain/validation.ts';
import { CAPACITY_LIMITS } from '../../../shared/domain/capacity.ts';
import { NOTIFICATION_LIMITS } from '../../../shared/domain/notification-rules.ts';
import { WORKFLOW_LIMITS } from '../../../shared/domain/workflow.ts';
import { CUSTOM_FIELD_LIMITS } from '../../../shared/domain/custom-fields.ts';
import { ITEM_TYPE_LIMITS } from '../../../shared/domain/item-types.ts';
import { NotificationKind, type CommandName, type IClientFrame, type ItemType, type LinkKind, type Priority, type ReportKind, type Role, type StatusCategory, type CustomFieldKind, type ProjectTemplate } from '../../../shared/proto.ts';
import { CLEARABLE_FIELDS } from '../../../shared/protocol/work-item-fields.ts';
import { bool, command, double, enumOf, id, int64, list, message, optional, ref, string, type Parser } from './fields.ts';

const itemType = enumOf<ItemType>();
const priority = enumOf<Priority>();
const role = enumOf<Role>();

const labels = list(string, LIMITS.labelEntriesMax);
/** An item write's custom field values: each field once at most, so no more entries than a project has fields. */
const customFieldValues = list(
  message({
    fieldId: id, text: string, number: optional(double), date: string,
    options: list(string, CUSTOM_FIELD_LIMITS.optionsMax), userId: ref,
  }),
  CUSTOM_FIELD_LIMITS.fieldsMax,
);
/** Each kind once at most, and nothing else could be muted. */
const NOTIFICATION_KINDS_MAX = Object.keys(NotificationKind).length;

/** Each parser reads exactly its proto message's fields: a field added to the .proto does not compile until it is read here. */
type ReadsEveryField = { [K in CommandName]: Parser<{ readonly [F in keyof Required<NonNullable<IClientFrame[K]>>]: unknown }> };

export const COMMAND_PARSERS = {
  listProjects: command({ includeArchived: bool }),
  listUsers: command({}),
  getBoard: command({ projectId: id, omitDescriptions: bool, firstCardsPerColumn: int64 }),
  getWorkItem: command({ workItemId: id }),
  search: command({ query: string, projectId: ref, limit: int64 }),
  listDeletedWorkItems: command({ projectId: id }),
  listNotifications: command({ unreadOnly: bool, limit: int64 }),
  getMyWork: command({}),
  getWorkLogs: command({ workItemId: id }),
  getTimesheet: command({ userId: ref, weekStart: string, utcOffsetMinutes: int64 }),
  getTimer: command({}),
  getReport: command({
    projectId: id, kind: enumOf<ReportKind>(), sprintId: ref, sprints: int64, fromDate: string, toDate: string, utcOffsetMinutes: int64,
  }),
  getHistory: command({ workItemId: id }),
  getComments: command({ workItemId: id }),
  subscribe: command({ projects: list(message({ projectId: id, sinceSeq: int64 }), LIMITS.projectsPerSubscribe), changedFieldsOnly: bool }),
  unsubscribe: command({ projectIds: list(ref, LIMITS.projectsPerSubscribe) }),
  setPresence: command({ projectId: id, viewingWorkItemId: ref }),

  createProject: command({ key: string, name: string, description: string, template: enumOf<ProjectTemplate>() }),
  createWorkItem: command({
    projectId: id, itemType, title: string, description: string, parentId: ref, statusId: ref, priority,
    storyPoints: optional(double), assigneeId: ref, sprintId: ref, labels, afterId: ref, beforeId: ref, startDate: string, dueDate: string,
    originalEstimateMinutes: optional(int64), remainingEstimateMinutes: optional(int64), customFields: customFieldValues,
    customTypeId: ref,
  }),
  updateWorkItem: command({
    workItemId: id, expectedVersion: int64, title: optional(string), description: optional(string),
    itemType: optional(itemType), parentId: optional(ref), statusId: optional(ref), priority: optional(priority),
    storyPoints: optional(double), assigneeId: optional(ref), sprintId: optional(ref),
    labels, setLabels: bool, clear: list(string, CLEARABLE_FIELDS.length), startDate: optional(string), dueDate: optional(string),
    originalEstimateMinutes: optional(int64), remainingEstimateMinutes: optional(int64), customFields: customFieldValues,
    customTypeId: optional(ref),
  }),
  moveWorkItem: command({
    workItemId: id, expectedVersion: int64, statusId: ref, beforeId: ref, afterId: ref, sprintId: optional(ref),
  }),
  deleteWorkItem: command({ workItemId: id, expectedVersion: int64 }),
  restoreWorkItem: command({ workItemId: id }),
  claimWorkItem: command({ workItemId: id }),
  addComment: command({ workItemId: id, body: string }),
  editComment: command({ commentId: id, expectedVersion: int64, body: string }),
  deleteComment: command({ commentId: id }),
  createSprint: command({ projectId: id, name: string, goal: string, startDate: string, endDate: string }),
  updateSprint: command({
    sprintId: id, expectedVersion: int64, name: optional(string), goal: optional(string),
    startDate: optional(string), endDate: optional(string),
  }),
  startSprint: command({ sprintId: id }),
  completeSprint: command({ sprintId: id, nextSprintId: ref }),
  addMember: command({ projectId: id, userId: id, role }),
  changeMemberRole: command({ projectId: id, userId: id, role }),
  removeMember: command({ projectId: id, userId: id }),
  linkWorkItems: command({ fromId: id, toId: id, kind: enumOf<LinkKind>() }),
  unlinkWorkItems: command({ linkId: id }),
  markNotificationsRead: command({ notificationIds: list(id, NOTIFICATION_LIMITS.idsMax), all: bool }),
  watchWorkItem: command({ workItemId: id }),
  unwatchWorkItem: command({ workItemId: id }),
  logWork: command({ workItemId: id, startedAt: int64, minutes: int64, note: string, remainingEstimateMinutes: optional(int64) }),
  editWorkLog: command({ workLogId: id, expectedVersion: int64, startedAt: optional(int64), minutes: optional(int64), note: optional(string) }),
  deleteWorkLog: command({ workLogId: id }),
  startTimer: command({ workItemId: id }),
  stopTimer: command({ note: string, discard: bool }),
  setSprintCapacity: command({
    sprintId: id, expectedVersion: int64,
    members: list(message({ userId: id, daysOff: int64, focusPercent: int64, hoursPerDay: double }), CAPACITY_LIMITS.membersMax),
  }),
  setNotificationSettings: command({ settings: message({ muted: list(enumOf<NotificationKind>(), NOTIFICATION_KINDS_MAX) }) }),
  listAttachments: command({ workItemId: id }),
  deleteAttachment: command({ attachmentId: id }),
  updateProject: command({
    projectId: id, expectedVersion: int64, name: optional(string), description: optional(string), key: optional(string),
    pullMode: optional(bool),
  }),
  archiveProject: command({ projectId: id, expectedVersion: int64 }),
  restoreProject: command({ projectId: id, expectedVersion: int64 }),
  deleteProject: command({ projectId: id, expectedVersion: int64, confirmKey: string }),
  deleteSprint: command({ sprintId: id }),
  setWorkflow: command({
    projectId: id, expectedVersion: int64,
    statuses: list(message({ id: ref, name: string, category: enumOf<StatusCategory>(), wipLimit: int64 }), WORKFLOW_LIMITS.statusesMax),
    removals: list(message({ statusId: id, moveToStatusId: id }), WORKFLOW_LIMITS.statusesMax),
  }),
  releaseWorkItem: command({ workItemId: id }),
  setCustomFields: command({
    projectId: id, expectedVersion: int64,
    fields: list(message({
      id: ref, name: string, kind: enumOf<CustomFieldKind>(),
      options: list(string, CUSTOM_FIELD_LIMITS.optionsMax), itemTypes: list(string, CUSTOM_FIELD_LIMITS.itemTypesMax), required: bool,
    }), CUSTOM_FIELD_LIMITS.fieldsMax),
  }),
  setItemTypes: command({
    projectId: id, expectedVersion: int64,
    itemTypes: list(message({ id: ref, name: string, icon: string, colour: string, canBeParent: bool }), ITEM_TYPE_LIMITS.typesMax),
  }),
} satisfies ReadsEveryField;

/** The parsed command each handler gets, by command name. */
export type Commands = { [K in CommandName]: ReturnType<(typeof COMMAND_PARSERS)[K]> };
