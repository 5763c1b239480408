import { invalidArgument } from '../../../shared/domain/errors.ts';
import { checkProjectDescription, checkProjectKey, checkProjectName } from '../../../shared/domain/validation.ts';
import { RAID_LOG, templateFields, type ProjectTemplateData } from '../../../shared/domain/raid-log.ts';
import { ProjectTemplate } from '../../../shared/proto.ts';
import type { Commands } from '../commands/parsers.ts';
import { insertField, rebuildCustomValuesView } from '../storage/custom-fields.ts';
import { insertItemType } from '../storage/item-types.ts';
import type { SqlRunner } from '../storage/sql.ts';
import type { ProjectRow } from '../storage/tables.ts';
import { putMember } from '../storage/members.ts';
import { insertProject, keyOwner, projectMessage } from '../storage/projects.ts';
import type { ResultValue, WriteContext } from './context.ts';

/** The template a create_project names (v18); null for none. */
function templateOf(template: ProjectTemplate | undefined): ProjectTemplateData | null {
  switch (template ?? ProjectTemplate.PROJECT_TEMPLATE_NONE) {
    case ProjectTemplate.PROJECT_TEMPLATE_NONE: return null;
    case ProjectTemplate.PROJECT_TEMPLATE_RAID_LOG: return RAID_LOG;
    default: throw invalidArgument('template', 'Unknown project template: choose none or RAID log');
  }
}

/**
 * The template's types and fields (its workflow is the project's from the
 * start), in the project-creating transaction, and the per-project view of
 * the fields' values: the project's one `created` event carries them all.
 */
function applyTemplate(db: SqlRunner, project: ProjectRow, template: ProjectTemplateData): void {
  const types = template.types.map((type, position) => insertItemType(db, project.id, { ...type, id: '', position }));
  const fields = templateFields(template, new Map(types.map((t) => [t.name, t.id])))
    .map((field) => insertField(db, project.id, field));
  rebuildCustomValuesView(db, project, fields, null, types);
}

/** Any workspace user may create a project; its creator becomes its admin. */
export function createProject(ctx: WriteContext, cmd: Commands['createProject']): ResultValue {
  const key = checkProjectKey(cmd.key);
  const name = checkProjectName(cmd.name);
  const description = checkProjectDescription(cmd.description);
  // A taken key is a bad value for the key field, like a malformed one: the
  // client shows it under that field and the user picks another (§8 INVALID_ARGUMENT).
  if (keyOwner(ctx.db, key) !== undefined) throw invalidArgument('key', `A project with key ${key} already exists`);

  const template = templateOf(cmd.template);
  const row = insertProject(ctx.db, { key, name, description }, ctx.caller.userId, ctx.now, template?.workflow);
  if (template) applyTemplate(ctx.db, row, template);
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
