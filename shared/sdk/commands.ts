// What the SDK needs to know about a command besides its kind
// (shared/protocol/commands.ts): which project its seq belongs to.
import type { CommandName, IResult } from '../proto.ts';
import type { Command } from '../protocol/commands.ts';

export { COMMAND_KINDS, commandName, isWrite, type Command, type CommandKind } from '../protocol/commands.ts';

/** The project a command names outright; '' when only the server knows (it names an item or comment). */
export function projectIdOfCommand(command: Command): string {
  const c = command as Partial<Record<CommandName, { projectId?: string | null }>>;
  return c.createWorkItem?.projectId ?? c.createSprint?.projectId ?? c.addMember?.projectId
    ?? c.changeMemberRole?.projectId ?? c.removeMember?.projectId ?? c.setPresence?.projectId
    ?? c.updateProject?.projectId ?? c.archiveProject?.projectId ?? c.restoreProject?.projectId
    ?? c.deleteProject?.projectId ?? c.setWorkflow?.projectId
    ?? c.setCustomFields?.projectId ?? c.setItemTypes?.projectId ?? '';
}

/**
 * The project of a write's Result, from the entity it carries. A comment does
 * not name its project, so comment writes need the caller's projectId.
 */
export function projectIdOfResult(result: IResult): string {
  return result.workItem?.projectId || result.sprint?.projectId || result.member?.projectId || result.project?.id
    || result.attachment?.projectId || '';
}
