import { typesInWords } from '../../../shared/domain/custom-fields.ts';
import { failedPrecondition } from '../../../shared/domain/errors.ts';
import {
  holdsSubtasksMessage, itemTypesChangeNothing, itemTypesText, planItemTypes, stopsBeingParent, typeInUseMessage, type ItemTypeDef,
} from '../../../shared/domain/item-types.ts';
import type { Commands } from '../commands/parsers.ts';
import { liveFieldsOf, rebuildCustomValuesView } from '../storage/custom-fields.ts';
import {
  insertItemType, liveItemCount, liveTypesOf, parentCount, removeItemType, updateItemType,
} from '../storage/item-types.ts';
import { projectMessage, updateProjectRow } from '../storage/projects.ts';
import type { SqlRunner } from '../storage/sql.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { emitProject, loadProjectForAdmin } from './project-admin.ts';

/**
 * Sets a project's whole list of its own item types: added, renamed,
 * re-iconed, recoloured, reordered, made parents or not, removed. All in one
 * transaction, with one project event (§10) and one history row
 * (`item_types`). Items carry only their type's id, so no item event.
 *
 * Refused, changing nothing (FAILED_PRECONDITION naming `item_types`):
 * removing a type while live items are of it (the admin changes their type
 * first: guessing one for them would lose what they were), or while a custom
 * field names it (pruning the field's list could make it apply to every type);
 * making a type stop being a parent while its items hold sub-tasks. A
 * deleted item of a removed type becomes a plain task.
 */
export function setItemTypes(ctx: WriteContext, cmd: Commands['setItemTypes']): ResultValue {
  const { db } = ctx;
  const project = loadProjectForAdmin(ctx, cmd, 'refused');
  const before = liveTypesOf(db, project.id);
  const plan = planItemTypes(before, cmd.itemTypes);
  if (itemTypesChangeNothing(plan)) return { project: projectMessage(db, project) };

  checkRemovals(db, project.id, plan.removed, before);
  for (const type of stopsBeingParent(plan)) {
    const holders = parentCount(db, type.id);
    if (holders > 0) throw failedPrecondition(holdsSubtasksMessage(type, holders), 'item_types');
  }

  for (const type of plan.removed) removeItemType(db, type.id, ctx.now);
  const after = plan.types.map((type) => {
    if (!type.id) return insertItemType(db, project.id, type);
    updateItemType(db, type);
    return type;
  });
  // Its column notes name the types a field applies to ("only Risks have it").
  const fields = liveFieldsOf(db, project.id);
  if (fields.length > 0) rebuildCustomValuesView(db, project, fields, null, after);

  const row = updateProjectRow(db, project.id, {}, ctx.now);
  return { project: emitProject(ctx, row, [{ field: 'item_types', ...itemTypesText(before, after) }]) };
}

function checkRemovals(db: SqlRunner, projectId: string, removed: readonly ItemTypeDef[], before: readonly ItemTypeDef[]): void {
  if (removed.length === 0) return;
  for (const type of removed) {
    const items = liveItemCount(db, type.id);
    if (items > 0) throw failedPrecondition(typeInUseMessage(type, items), 'item_types');
  }
  const gone = new Set(removed.map((t) => t.id));
  for (const field of liveFieldsOf(db, projectId)) {
    const named = field.itemTypes.filter((t) => gone.has(t));
    if (named.length > 0) {
      throw failedPrecondition(
        `${field.name} applies to ${typesInWords(named, before)}: change its item types before removing ${named.length === 1 ? 'that type' : 'those types'}`,
        'item_types',
      );
    }
  }
}
