import { invalidArgument } from '../../../shared/domain/errors.ts';
import { checkProjectDescription, checkProjectKey, checkProjectName } from '../../../shared/domain/validation.ts';
import type { Commands } from '../commands/parsers.ts';
import type { FieldChange } from '../storage/activity.ts';
import { liveFieldsOf, rebuildCustomValuesView } from '../storage/custom-fields.ts';
import { keyOwner, projectMessage, retireKey, updateProjectRow } from '../storage/projects.ts';
import type { ProjectRow } from '../storage/tables.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { emitProject, loadProjectForAdmin } from './project-admin.ts';

/** How history shows pull mode. */
const onOff = (flag: number) => (flag === 1 ? 'on' : 'off');

/**
 * Renames a project, changes its description or its key, turns pull mode on
 * or off. Items keep the keys they have (WEB-12 stays WEB-12: it is written in
 * commits and chats); new items take the new key, and the old one keeps
 * naming the project. Turning pull mode on leaves existing assignments as
 * they are: each assignee is then the item's claimer.
 */
export function updateProject(ctx: WriteContext, cmd: Commands['updateProject']): ResultValue {
  const current = loadProjectForAdmin(ctx, cmd, 'refused');
  const next: Partial<Pick<ProjectRow, 'key' | 'name' | 'description' | 'pull_mode'>> = {};
  if (cmd.name !== undefined) next.name = checkProjectName(cmd.name);
  if (cmd.description !== undefined) next.description = checkProjectDescription(cmd.description);
  if (cmd.key !== undefined) next.key = checkProjectKey(cmd.key);
  if (cmd.pullMode !== undefined) next.pull_mode = cmd.pullMode ? 1 : 0;

  const activity: FieldChange[] = [];
  for (const field of ['name', 'description', 'key'] as const) {
    const value = next[field];
    if (value !== undefined && value !== current[field]) activity.push({ field, old: current[field], new: value });
  }
  if (next.pull_mode !== undefined && next.pull_mode !== current.pull_mode) {
    activity.push({ field: 'pull_mode', old: onOff(current.pull_mode), new: onOff(next.pull_mode) });
  }
  if (activity.length === 0) return { project: projectMessage(ctx.db, current) };

  if (next.key !== undefined && next.key !== current.key) {
    const owner = keyOwner(ctx.db, next.key);
    // Another project's former key is taken too: WEB-12 must keep meaning one item.
    if (owner !== undefined && owner !== current.id) throw invalidArgument('key', `The key ${next.key} is taken by another project`);
    retireKey(ctx.db, current, next.key, ctx.now);
  }
  const row = updateProjectRow(ctx.db, current.id, next, ctx.now);
  // The custom field view is named after the key (pm_custom_values_web): it follows the key.
  if (row.key !== current.key) rebuildCustomValuesView(ctx.db, row, liveFieldsOf(ctx.db, row.id), current.key);
  return { project: emitProject(ctx, row, activity) };
}
