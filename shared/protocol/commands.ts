// Every command of ClientFrame's oneof with its kind (docs/PROTOCOL.md §5).
// The server's handler table must agree with this one (checked at start), and
// the SDK decides from it what waits in the outbox.
import type { CommandName, IClientFrame } from '../proto.ts';

/**
 * read: answered from the tenant file, nothing stored, never queued.
 * write: one transaction, idempotent by (user, message id); a client keeps it
 *   in its outbox until answered and replays it with the same id.
 * session: changes this socket only (subscriptions, presence). Never queued:
 *   a client redoes them on every open, and a presence replayed after a
 *   reload would announce a stale view.
 */
export type CommandKind = 'read' | 'write' | 'session';

/** Typed as a full table so a command added to the proto does not compile until its kind is decided. */
export const COMMAND_KINDS: { readonly [K in CommandName]: CommandKind } = {
  listProjects: 'read',
  listUsers: 'read',
  getBoard: 'read',
  getHistory: 'read',
  getComments: 'read',
  getWorkItem: 'read',
  search: 'read',
  getReport: 'read',
  listDeletedWorkItems: 'read',
  listNotifications: 'read',
  getMyWork: 'read',
  getWorkLogs: 'read',
  getTimesheet: 'read',
  getTimer: 'read',
  listAttachments: 'read',
  subscribe: 'session',
  unsubscribe: 'session',
  setPresence: 'session',

  createProject: 'write',
  createWorkItem: 'write',
  updateWorkItem: 'write',
  moveWorkItem: 'write',
  deleteWorkItem: 'write',
  restoreWorkItem: 'write',
  claimWorkItem: 'write',
  addComment: 'write',
  editComment: 'write',
  deleteComment: 'write',
  createSprint: 'write',
  updateSprint: 'write',
  startSprint: 'write',
  completeSprint: 'write',
  addMember: 'write',
  changeMemberRole: 'write',
  removeMember: 'write',
  linkWorkItems: 'write',
  unlinkWorkItems: 'write',
  markNotificationsRead: 'write',
  watchWorkItem: 'write',
  unwatchWorkItem: 'write',
  setNotificationSettings: 'write',
  logWork: 'write',
  editWorkLog: 'write',
  deleteWorkLog: 'write',
  startTimer: 'write',
  stopTimer: 'write',
  setSprintCapacity: 'write',
  deleteAttachment: 'write',
  updateProject: 'write',
  archiveProject: 'write',
  restoreProject: 'write',
  deleteProject: 'write',
  deleteSprint: 'write',
  setWorkflow: 'write',
  releaseWorkItem: 'write',
  setCustomFields: 'write',
  setItemTypes: 'write',
};

export const COMMAND_NAMES = Object.keys(COMMAND_KINDS) as CommandName[];

export const isCommandName = (key: string): key is CommandName => Object.hasOwn(COMMAND_KINDS, key);

export const isWrite = (name: CommandName): boolean => COMMAND_KINDS[name] === 'write';

/** One command: exactly one field of ClientFrame's `command` oneof. */
export type Command = { [K in CommandName]: { [P in K]: NonNullable<IClientFrame[P]> } }[CommandName];

/** The command's oneof case; throws on an object that carries none (a programming error). */
export function commandName(command: Command): CommandName {
  for (const [key, value] of Object.entries(command)) {
    if (value != null && isCommandName(key)) return key;
  }
  throw new TypeError('The request carries no command');
}
