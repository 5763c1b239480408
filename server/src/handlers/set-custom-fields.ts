import {
  customFieldsChangeNothing, fieldText, planCustomFields, typesInWords, type CustomFieldChange, type CustomFieldDef, type NamedType,
} from '../../../shared/domain/custom-fields.ts';
import { invalidArgument } from '../../../shared/domain/errors.ts';
import type { Commands } from '../commands/parsers.ts';
import type { FieldChange } from '../storage/activity.ts';
import {
  insertField, liveFieldsOf, rebuildCustomValuesView, removeField, updateField, valuesOfField, writeCustomValue,
} from '../storage/custom-fields.ts';
import { liveTypesOf } from '../storage/item-types.ts';
import { projectMessage, updateProjectRow } from '../storage/projects.ts';
import type { SqlRunner } from '../storage/sql.ts';
import type { ResultValue, WriteContext } from './context.ts';
import { emitProject, loadProjectForAdmin } from './project-admin.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Sets a project's whole list of custom fields: added, renamed, reordered,
 * options and item types changed, made required or not, removed. All in one
 * transaction, with one project event (§10) and one history row.
 *
 * A change that would leave a live item holding a value its field no longer
 * allows (an option taken away, an item type the field stops applying to)
 * is refused, saying how many items hold it: clearing values behind people's
 * backs would lose data nobody chose to lose, and the admin can change those
 * items first. A deleted item's such value is dropped (it shows nowhere, and
 * a restored item must not come back with a value its field refuses).
 * A removed field's values leave every item at once, without an item event:
 * clients show the values of the project's live fields only.
 */
export function setCustomFields(ctx: WriteContext, cmd: Commands['setCustomFields']): ResultValue {
  const { db } = ctx;
  const project = loadProjectForAdmin(ctx, cmd, 'refused');
  const before = liveFieldsOf(db, project.id);
  // A field may apply to the project's own types too, named by id (v18).
  const types = liveTypesOf(db, project.id);
  const plan = planCustomFields(before, cmd.fields, types);
  if (customFieldsChangeNothing(plan)) return { project: projectMessage(db, project) };

  for (const change of plan.changed) dropValuesThatNoLongerFit(db, change, types);
  for (const field of plan.removed) removeField(db, field.id, ctx.now);
  const after = plan.fields.map((field) => {
    if (!field.id) return insertField(db, project.id, field);
    updateField(db, field);
    return field;
  });
  rebuildCustomValuesView(db, project, after, null, types);

  const row = updateProjectRow(db, project.id, {}, ctx.now);
  return { project: emitProject(ctx, row, [fieldsChange(before, after, types)]) };
}

/**
 * Refuses a change that live items' values would not fit; drops deleted
 * items' values that would not. Reads the field's values once.
 */
function dropValuesThatNoLongerFit(db: SqlRunner, change: CustomFieldChange, customTypes: readonly NamedType[]): void {
  if (change.removedOptions.length === 0 && change.droppedTypes.length === 0) return;
  const gone = new Set(change.removedOptions);
  const dropped = new Set(change.droppedTypes);
  const name = change.before.name;
  const misfits = valuesOfField(db, change.before.id).map((held) => ({
    held,
    options: (held.value.options ?? []).filter((o) => gone.has(o)),
    type: dropped.has(held.itemType),
  })).filter((m) => m.options.length > 0 || m.type);

  const live = misfits.filter((m) => !m.held.deleted);
  const byType = live.filter((m) => m.type);
  if (byType.length > 0) {
    const types = [...new Set(byType.map((m) => m.held.itemType))];
    throw invalidArgument(
      'fields',
      `${plural(byType.length, 'item')} (${typesInWords(types, customTypes)}) ${byType.length === 1 ? 'has' : 'have'} a value of ${name}: clear it before ${name} stops applying to ${typesInWords(types, customTypes)}`,
    );
  }
  if (live.length > 0) {
    const options = [...new Set(live.flatMap((m) => m.options))].map((o) => `'${o}'`).join(', ');
    throw invalidArgument(
      'fields',
      `${plural(live.length, 'item')} ${live.length === 1 ? 'holds' : 'hold'} ${options} of ${name}: choose another value for ${live.length === 1 ? 'it' : 'them'} first`,
    );
  }
  for (const { held } of misfits) writeCustomValue(db, held.workItemId, change.before, null);
}

/**
 * The project's history row: the fields in order by name ("Severity, Notes");
 * when the names read the same before and after, each field with its kind,
 * options, required and item types.
 */
function fieldsChange(before: readonly CustomFieldDef[], after: readonly CustomFieldDef[], customTypes: readonly NamedType[]): FieldChange {
  const names = (fields: readonly CustomFieldDef[]) => (fields.length === 0 ? null : fields.map((f) => f.name).join(', '));
  const plain = { field: 'custom_fields', old: names(before), new: names(after) };
  if (plain.old !== plain.new) return plain;
  const text = (f: CustomFieldDef) => fieldText(f, customTypes);
  return { field: 'custom_fields', old: before.map(text).join(', '), new: after.map(text).join(', ') };
}
