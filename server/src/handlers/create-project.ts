import { invalidArgument } from '../../../shared/domain/errors.ts';
import { checkProjectDescription, checkProjectKey, checkProjectName } from '../../../shared/domain/validation.ts';
import type { Commands } from '../commands/parsers.ts';
import { putMember } from '../storage/members.ts';
import { insertProject, keyOwner, projectMessage } from '../storage/projects.ts';
import type { ResultValue, WriteContext } from './context.ts';

/** Any workspace user may create a project; its creator becomes its admin. */
export function createProject(ctx: WriteContext, cmd: Commands['createProject']): ResultValue {
  const key = checkProjectKey(cmd.key);
  const name = checkProjectName(cmd.name);
  const description = checkProjectDescription(cmd.description);
  // A taken key is a bad value for the key field, like a malformed one: the
  // client shows it under that field and the user picks another (§8 INVALID_ARGUMENT).
  if (keyOwner(ctx.db, key) !== undefined) throw invalidArgument('key', `A project with key ${key} already exists`);

  const row = insertProject(ctx.db, { key, name, description }, ctx.caller.userId, ctx.now);
  putMember(ctx.db, {
    project_id: row.id,
    user_id: ctx.caller.userId,
    role: 'ADMIN',
    added_at_ms: ctx.now,
    added_by: ctx.caller.userId,
  });
  const project = projectMessage(ctx.db, row);
  ctx.emit({
    projectId: row.id,
    kind: 'project',
    entityId: row.id,
    workItemId: null,
    change: { project: { project } },
    changedFields: ['created'],
    activity: [{ field: 'created', old: null, new: `${key} ${name}` }],
  });
  return { project };
}
