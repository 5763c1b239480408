// The dispatch table: one entry per command of ClientFrame's oneof. The mapped
// type makes it exhaustive: a command added to the proto without a handler
// does not compile, and each handler takes its command as parsed
// (commands/parsers.ts). Each entry's kind must be the one
// shared/protocol/commands.ts declares (the SDK queues by it): checkHandlerKinds runs at start.
import type { CommandName } from '../../../shared/proto.ts';
import { COMMAND_KINDS, COMMAND_NAMES } from '../../../shared/protocol/commands.ts';
import type { Commands } from '../commands/parsers.ts';
import type { ReadContext, ResultValue, WriteContext } from './context.ts';
import type { SessionContext, SessionOutcome } from './session.ts';
import { addComment } from './add-comment.ts';
import { deleteWorkLog } from './delete-work-log.ts';
import { editWorkLog } from './edit-work-log.ts';
import { getTimer } from './get-timer.ts';
import { getTimesheet } from './get-timesheet.ts';
import { getWorkLogs } from './get-work-logs.ts';
import { logWork } from './log-work.ts';
import { startTimer } from './start-timer.ts';
import { stopTimer } from './stop-timer.ts';
import { addMember } from './add-member.ts';
import { changeMemberRole } from './change-member-role.ts';
import { claimWorkItem } from './claim-work-item.ts';
import { completeSprint } from './complete-sprint.ts';
import { createProject } from './create-project.ts';
import { createSprint } from './create-sprint.ts';
import { createWorkItem } from './create-work-item.ts';
import { deleteComment } from './delete-comment.ts';
import { deleteWorkItem } from './delete-work-item.ts';
import { editComment } from './edit-comment.ts';
import { getBoard } from './get-board.ts';
import { getComments } from './get-comments.ts';
import { getMyWork } from './get-my-work.ts';
import { getReport } from './get-report.ts';
import { getHistory } from './get-history.ts';
import { getWorkItem } from './get-work-item.ts';
import { linkWorkItems } from './link-work-items.ts';
import { listDeletedWorkItems } from './list-deleted-work-items.ts';
import { listNotifications } from './list-notifications.ts';
import { markNotificationsRead } from './mark-notifications-read.ts';
import { listProjects } from './list-projects.ts';
import { listUsers } from './list-users.ts';
import { moveWorkItem } from './move-work-item.ts';
import { removeMember } from './remove-member.ts';
import { restoreWorkItem } from './restore-work-item.ts';
import { search } from './search.ts';
import { setNotificationSettings } from './set-notification-settings.ts';
import { setSprintCapacity } from './set-sprint-capacity.ts';
import { setPresence } from './set-presence.ts';
import { startSprint } from './start-sprint.ts';
import { subscribe } from './subscribe.ts';
import { unsubscribe } from './unsubscribe.ts';
import { updateSprint } from './update-sprint.ts';
import { unlinkWorkItems } from './unlink-work-items.ts';
import { unwatchWorkItem } from './unwatch-work-item.ts';
import { updateWorkItem } from './update-work-item.ts';
import { watchWorkItem } from './watch-work-item.ts';
import { deleteAttachment } from './delete-attachment.ts';
import { listAttachments } from './list-attachments.ts';
import { updateProject } from './update-project.ts';
import { archiveProject } from './archive-project.ts';
import { restoreProject } from './restore-project.ts';
import { deleteProject } from './delete-project.ts';
import { deleteSprint } from './delete-sprint.ts';
import { setWorkflow } from './set-workflow.ts';
import { releaseWorkItem } from './release-work-item.ts';
import { setCustomFields } from './set-custom-fields.ts';
import { setItemTypes } from './set-item-types.ts';

/** read: nothing stored (a read that needs one snapshot takes a read transaction). write: one transaction, idempotent. session: changes the connection. */
export type HandlerSpec<C> =
  | { kind: 'read'; run(ctx: ReadContext, cmd: C): ResultValue }
  | { kind: 'write'; run(ctx: WriteContext, cmd: C): ResultValue }
  | { kind: 'session'; run(ctx: SessionContext, cmd: C): SessionOutcome };

const read = <C>(run: (ctx: ReadContext, cmd: C) => ResultValue): HandlerSpec<C> => ({ kind: 'read', run });
const write = <C>(run: (ctx: WriteContext, cmd: C) => ResultValue): HandlerSpec<C> => ({ kind: 'write', run });
const session = <C>(run: (ctx: SessionContext, cmd: C) => SessionOutcome): HandlerSpec<C> => ({ kind: 'session', run });

export const HANDLERS: { [K in CommandName]: HandlerSpec<Commands[K]> } = {
  listProjects: read(listProjects),
  listUsers: read(listUsers),
  getBoard: read(getBoard),
  getHistory: read(getHistory),
  getComments: read(getComments),
  getWorkItem: read(getWorkItem),
  search: read(search),
  getReport: read(getReport),
  listDeletedWorkItems: read(listDeletedWorkItems),
  listNotifications: read(listNotifications),
  getMyWork: read(getMyWork),
  getWorkLogs: read(getWorkLogs),
  getTimesheet: read(getTimesheet),
  getTimer: read(getTimer),
  listAttachments: read(listAttachments),
  subscribe: session(subscribe),
  unsubscribe: session(unsubscribe),
  setPresence: session(setPresence),

  createProject: write(createProject),
  createWorkItem: write(createWorkItem),
  updateWorkItem: write(updateWorkItem),
  moveWorkItem: write(moveWorkItem),
  deleteWorkItem: write(deleteWorkItem),
  restoreWorkItem: write(restoreWorkItem),
  claimWorkItem: write(claimWorkItem),
  addComment: write(addComment),
  editComment: write(editComment),
  deleteComment: write(deleteComment),
  createSprint: write(createSprint),
  updateSprint: write(updateSprint),
  startSprint: write(startSprint),
  completeSprint: write(completeSprint),
  addMember: write(addMember),
  changeMemberRole: write(changeMemberRole),
  removeMember: write(removeMember),
  linkWorkItems: write(linkWorkItems),
  unlinkWorkItems: write(unlinkWorkItems),
  markNotificationsRead: write(markNotificationsRead),
  watchWorkItem: write(watchWorkItem),
  unwatchWorkItem: write(unwatchWorkItem),
  setNotificationSettings: write(setNotificationSettings),
  logWork: write(logWork),
  editWorkLog: write(editWorkLog),
  deleteWorkLog: write(deleteWorkLog),
  startTimer: write(startTimer),
  stopTimer: write(stopTimer),
  setSprintCapacity: write(setSprintCapacity),
  deleteAttachment: write(deleteAttachment),
  updateProject: write(updateProject),
  archiveProject: write(archiveProject),
  restoreProject: write(restoreProject),
  deleteProject: write(deleteProject),
  deleteSprint: write(deleteSprint),
  setWorkflow: write(setWorkflow),
  releaseWorkItem: write(releaseWorkItem),
  setCustomFields: write(setCustomFields),
  setItemTypes: write(setItemTypes),
};

/** Throws when a handler's kind differs from the shared table's: a client would queue (or not queue) that command wrongly. */
export function checkHandlerKinds(handlers: { readonly [K in CommandName]: { kind: string } } = HANDLERS): void {
  const wrong = COMMAND_NAMES.filter((name) => handlers[name].kind !== COMMAND_KINDS[name]);
  if (wrong.length > 0) {
    throw new Error(`Handler kinds disagree with shared/protocol/commands.ts: ${wrong.map((n) => `${n} is ${handlers[n].kind}, declared ${COMMAND_KINDS[n]}`).join('; ')}`);
  }
}
