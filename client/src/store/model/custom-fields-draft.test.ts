// The custom fields editor's draft (custom-fields-draft.ts): edits, order,
// removals and Keep, the rebase over someone else's save, the server's rules
// before sending, the one set_custom_fields. No Solid, no DOM.
import { describe, expect, it } from 'vitest';
import type { CustomFieldDef } from '../../../../shared/domain/custom-fields.ts';
import { CustomFieldKind, ItemType } from '../../../../shared/proto.ts';
import {
  addField,
  draftOf,
  draftProblems,
  fieldsOf,
  isChanged,
  keepField,
  kindName,
  moveField,
  rebaseDraft,
  removedFields,
  removeField,
  setCustomFieldsCommand,
  toggleItemType,
  typeNameOf,
  typesLabel,
  updateField,
  type CustomFieldsDraft,
} from './custom-fields-draft.ts';

const K = CustomFieldKind;
const def = (id: string, name: string, kind: CustomFieldKind, position: number, extra: Partial<CustomFieldDef> = {}): CustomFieldDef => ({
  id,
  name,
  kind,
  options: [],
  itemTypes: [],
  required: false,
  position,
  ...extra,
});
const server = (): CustomFieldDef[] => [
  def('sev', 'Severity', K.CUSTOM_FIELD_KIND_SINGLE_SELECT, 0, { options: ['Low', 'High'], itemTypes: ['BUG'] }),
  def('cost', 'Cost', K.CUSTOM_FIELD_KIND_NUMBER, 1),
  def('owner', 'Owner', K.CUSTOM_FIELD_KIND_PERSON, 2, { required: true }),
];
const names = (d: CustomFieldsDraft) => d.fields.map((f) => f.name);

describe('custom fields draft', () => {
  it('CFUI-1 the project\'s fields in their order; a wire field read with every member set', () => {
    const fields = fieldsOf({
      customFields: [
        { id: 'b', name: 'B', kind: K.CUSTOM_FIELD_KIND_TEXT, position: 1 },
        { id: 'a', name: 'A', kind: K.CUSTOM_FIELD_KIND_MULTI_SELECT, options: ['x'], itemTypes: ['TASK'], required: true, position: 0 },
      ],
    });
    expect(fields.map((f) => f.id)).toEqual(['a', 'b']);
    expect(fields[1]).toEqual({ id: 'b', name: 'B', kind: K.CUSTOM_FIELD_KIND_TEXT, options: [], itemTypes: [], required: false, position: 1 });
    expect(fieldsOf(null)).toEqual([]);
    expect(kindName(K.CUSTOM_FIELD_KIND_SINGLE_SELECT)).toBe('Single select');
    expect(typeNameOf(ItemType.ITEM_TYPE_BUG)).toBe('BUG');
    expect(typesLabel([])).toBe('All item types');
    expect(typesLabel(['TASK', 'BUG'])).toBe('Tasks and bugs');
  });

  it('CFUI-2 editing marks the draft changed and back is unchanged; a saved field keeps its kind; a field that stops being a select loses its options', () => {
    const d = draftOf(server());
    expect(isChanged(d)).toBe(false);
    const renamed = updateField(d, 'sev', { name: 'Sev' });
    expect(isChanged(renamed)).toBe(true);
    expect(isChanged(updateField(renamed, 'sev', { name: 'Severity' }))).toBe(false);
    expect(updateField(d, 'sev', { kind: K.CUSTOM_FIELD_KIND_TEXT })).toBe(d);
    let n = addField(d, 'new:1', ' Area ', K.CUSTOM_FIELD_KIND_SINGLE_SELECT);
    n = updateField(n, 'new:1', { options: ['Web', 'API', ''] });
    expect(n.fields.at(-1)).toMatchObject({ key: 'new:1', id: '', name: 'Area', options: ['Web', 'API', ''] });
    n = updateField(n, 'new:1', { kind: K.CUSTOM_FIELD_KIND_TEXT });
    expect(n.fields.at(-1)!.options).toEqual([]);
    const typed = toggleItemType(toggleItemType(d, 'cost', 'BUG'), 'cost', 'TASK');
    expect(typed.fields[1]!.itemTypes).toEqual(['TASK', 'BUG']);
    expect(toggleItemType(typed, 'cost', 'BUG').fields[1]!.itemTypes).toEqual(['TASK']);
  });

  it('CFUI-3 up and down stop at the ends; a removed saved field is listed until saved, and Keep puts it back in its place', () => {
    const d = draftOf(server());
    expect(names(moveField(d, 'owner', -1))).toEqual(['Severity', 'Owner', 'Cost']);
    expect(moveField(d, 'sev', -1)).toBe(d);
    expect(moveField(d, 'owner', 1)).toBe(d);
    const r = removeField(d, 'cost');
    expect(names(r)).toEqual(['Severity', 'Owner']);
    expect(removedFields(r).map((f) => f.id)).toEqual(['cost']);
    expect(names(keepField(r, 'cost'))).toEqual(['Severity', 'Cost', 'Owner']);
    expect(isChanged(keepField(r, 'cost'))).toBe(false);
    const added = addField(d, 'new:1', 'X', K.CUSTOM_FIELD_KIND_TEXT);
    expect(removedFields(removeField(added, 'new:1'))).toEqual([]);
  });

  it('CFUI-4 the server\'s rules before sending, in its words, every row\'s at once', () => {
    let d = addField(draftOf(server()), 'new:1', '', K.CUSTOM_FIELD_KIND_SINGLE_SELECT);
    d = addField(d, 'new:2', 'cost', K.CUSTOM_FIELD_KIND_TEXT);
    expect(draftProblems(d)).toEqual(['A custom field needs a name.', 'the new field needs at least one option.', 'Two custom fields are named cost.']);
    d = updateField(removeField(d, 'new:2'), 'new:1', { name: 'Area', options: ['Web', ' web '] });
    expect(draftProblems(d)).toEqual(["Area lists 'web' twice."]);
    d = updateField(d, 'new:1', { options: ['Web', '', ' API '] });
    expect(draftProblems(d)).toEqual([]);
  });

  it('CFUI-5 one set_custom_fields with the whole list in order, ids kept, options trimmed', () => {
    let d = updateField(draftOf(server()), 'sev', { options: ['Low', ' Medium', 'High', ''] });
    d = addField(moveField(removeField(d, 'cost'), 'owner', -1), 'new:1', 'Due on', K.CUSTOM_FIELD_KIND_DATE);
    expect(setCustomFieldsCommand(d, 'p1', 7)).toEqual({
      setCustomFields: {
        projectId: 'p1',
        expectedVersion: 7,
        fields: [
          { id: 'owner', name: 'Owner', kind: K.CUSTOM_FIELD_KIND_PERSON, options: [], itemTypes: [], required: true },
          { id: 'sev', name: 'Severity', kind: K.CUSTOM_FIELD_KIND_SINGLE_SELECT, options: ['Low', 'Medium', 'High'], itemTypes: ['BUG'], required: false },
          { id: '', name: 'Due on', kind: K.CUSTOM_FIELD_KIND_DATE, options: [], itemTypes: [], required: false },
        ],
      },
    });
  });

  it('CFUI-6 rebased over someone else\'s save: what the person changed stays, the rest follows, their added field joins and their removed one leaves', () => {
    let d = updateField(draftOf(server()), 'sev', { name: 'Severity level' });
    d = addField(d, 'new:1', 'Area', K.CUSTOM_FIELD_KIND_TEXT);
    const theirs = [
      def('sev', 'Severity', K.CUSTOM_FIELD_KIND_SINGLE_SELECT, 0, { options: ['Low', 'Medium', 'High'], itemTypes: ['BUG'], required: true }),
      def('owner', 'Owner', K.CUSTOM_FIELD_KIND_PERSON, 1, { required: true }),
      def('notes', 'Notes', K.CUSTOM_FIELD_KIND_TEXT, 2),
    ];
    const r = rebaseDraft(d, theirs);
    expect(names(r)).toEqual(['Severity level', 'Owner', 'Notes', 'Area']);
    expect(r.fields[0]).toMatchObject({ options: ['Low', 'Medium', 'High'], required: true });
    expect(r.base.map((f) => f.id)).toEqual(['sev', 'owner', 'notes']);
    // A reordered draft keeps its order; the new field goes after the one it follows there.
    const moved = rebaseDraft(moveField(draftOf(server()), 'owner', -1), theirs);
    expect(names(moved)).toEqual(['Severity', 'Owner', 'Notes']);
    // A field removed here stays removed.
    expect(names(rebaseDraft(removeField(draftOf(server()), 'owner'), theirs))).toEqual(['Severity', 'Notes']);
  });
});
