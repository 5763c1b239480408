// What the SDK needs to know about each command: whether it is a write (kept
// in the outbox until answered, replayed after a reconnect) and which project
// its seq belongs to.
import type { CommandName, IClientFrame, IResult } from '../proto.ts';

/** One command: exactly one field of ClientFrame's `command` oneof. */
export type Command = { [K in CommandName]: { [P in K]: NonNullable<IClientFrame[P]> } }[CommandName];

export type CommandKind = 'read' | 'write';

/**
 * Typed as a full table so a command added to the proto fails to compile here
 * until someone decides whether it is queued. Session commands (subscribe,
 * unsubscribe, set_presence) count as reads: they belong to one socket, the
 * feed redoes them on every open, and a presence replayed after a reload
 * would announce a stale view.
 */
export const COMMAND_KINDS: { readonly [K in CommandName]: CommandKind } = {
  listProjects: 'read',
  listUsers: 'read',
  getBoard: 'read',
  getHistory: 'read',
  getComments: 'read',
  subscribe: 'read',
  unsubscribe: 'read',
  setPresence: 'read',

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
};

const isCommandName = (key: string): key is CommandName => Object.hasOwn(COMMAND_KINDS, key);

/** The command's oneof case; throws on an object that carries none (a programming error). */
export function commandName(command: Command): CommandName {
  for (const [key, value] of Object.entries(command)) {
    if (value != null && isCommandName(key)) return key;
  }
  throw new TypeError('The request carries no command');
}

/** The project a command names outright; '' when only the server knows (it names an item or comment). */
export function projectIdOfCommand(command: Command): string {
  const c = command as Partial<Record<CommandName, { projectId?: string | null }>>;
  return c.createWorkItem?.projectId ?? c.createSprint?.projectId ?? c.addMember?.projectId
    ?? c.changeMemberRole?.projectId ?? c.removeMember?.projectId ?? c.setPresence?.projectId ?? '';
}

/**
 * The project of a write's Result, from the entity it carries. A comment does
 * not name its project, so comment writes need the caller's projectId.
 */
export function projectIdOfResult(result: IResult): string {
  return result.workItem?.projectId || result.sprint?.projectId || result.member?.projectId || result.project?.id || '';
}
