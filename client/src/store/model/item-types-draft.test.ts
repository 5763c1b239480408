// The item types editor's draft (item-types-draft.ts): a project's own types
// read from the project, edits, removals and Keep, the rebase over someone
// else's save, the checks before sending and the one set_item_types. No
// Solid, no DOM.
import { describe, expect, it } from 'vitest';
import type { ICustomItemType, IProject } from '../../../../shared/proto.ts';
import {
  addType,
  customTypeOf,
  draftOf,
  draftProblems,
  isChanged,
  itemTypesOf,
  keepType,
  moveType,
  rebaseDraft,
  removedTypes,
  removeType,
  setItemTypesCommand,
  updateType,
  type ItemTypesDraft,
} from './item-types-draft.ts';

const wire = (): ICustomItemType[] => [
  // Out of order on purpose: the draft follows `position`.
  { id: 'issue', name: 'Issue', icon: '!', colour: '#dc2626', canBeParent: false, position: 1 },
  { id: 'risk', name: 'Risk', icon: '⚠', colour: '#d97706', canBeParent: true, position: 0 },
  { id: 'action', name: 'Action', icon: '→', colour: '#059669', position: 2 },
];
const project = (): IProject => ({ id: 'p1', itemTypes: wire() });
const names = (d: ItemTypesDraft) => d.types.map((t) => t.name);

describe('item types draft', () => {
  it("ITYPEUI-1 the project's own types in order, every member set; an item's type found by custom_type_id, none for a built-in or a removed type", () => {
    const types = itemTypesOf(project());
    expect(types.map((t) => t.name)).toEqual(['Risk', 'Issue', 'Action']);
    expect(types[2]).toEqual({ id: 'action', name: 'Action', icon: '→', colour: '#059669', canBeParent: false, position: 2 });
    expect(itemTypesOf(null)).toEqual([]);
    expect(customTypeOf({ customTypeId: 'risk' }, project())?.name).toBe('Risk');
    expect(customTypeOf({ customTypeId: '' }, project())).toBeNull();
    expect(customTypeOf({}, project())).toBeNull();
    expect(customTypeOf({ customTypeId: 'gone' }, project())).toBeNull();
  });

  it('ITYPEUI-2 editing marks the draft changed and back to the same values is not; a new type goes last with a default icon and colour; up and down stop at the ends', () => {
    const d = draftOf(itemTypesOf(project()));
    expect(names(d)).toEqual(['Risk', 'Issue', 'Action']);
    expect(isChanged(d)).toBe(false);
    const renamed = updateType(d, 'issue', { name: 'Problem', colour: '#000000' });
    expect(isChanged(renamed)).toBe(true);
    expect(isChanged(updateType(renamed, 'issue', { name: 'Issue', colour: '#dc2626' }))).toBe(false);
    expect(updateType(d, 'issue', { name: 'Issue' })).toBe(d);
    expect(updateType(d, 'nope', { name: 'X' })).toBe(d);

    let added = addType(d, 'new:1', '  Decision ');
    expect(added.types.at(-1)).toEqual({ key: 'new:1', id: '', name: 'Decision', icon: '◆', colour: '#64748b', canBeParent: false });
    added = moveType(added, 'new:1', -1);
    expect(names(added)).toEqual(['Risk', 'Issue', 'Decision', 'Action']);
    expect(moveType(added, 'risk', -1)).toBe(added);
    expect(moveType(added, 'action', 1)).toBe(added);
    expect(isChanged(moveType(d, 'risk', 1))).toBe(true);
  });

  it('ITYPEUI-3 a removed saved type is listed until Keep brings it back in its place; a new one just goes', () => {
    const d = addType(draftOf(itemTypesOf(project())), 'new:1', 'Decision');
    let r = removeType(removeType(d, 'issue'), 'new:1');
    expect(names(r)).toEqual(['Risk', 'Action']);
    expect(removedTypes(r).map((t) => t.id)).toEqual(['issue']);
    r = keepType(r, 'issue');
    expect(names(r)).toEqual(['Risk', 'Issue', 'Action']);
    expect(isChanged(r)).toBe(false);
    expect(keepType(r, 'issue')).toBe(r);
    expect(keepType(removeType(d, 'risk'), 'risk').types[0]?.id).toBe('risk');
  });

  it("ITYPEUI-4 rebased over someone else's save: the person's fields stay, theirs follow; their new type joins in place, their removal leaves, ours stays removed", () => {
    let d = draftOf(itemTypesOf(project()));
    d = updateType(d, 'risk', { name: 'Threat' });
    d = removeType(d, 'action');
    d = addType(d, 'new:1', 'Decision');
    const theirs = [
      { id: 'risk', name: 'Risk', icon: '☢', colour: '#d97706', canBeParent: true, position: 0 },
      { id: 'dep', name: 'Dependency', icon: '⛓', colour: '#2563eb', canBeParent: false, position: 1 },
      { id: 'action', name: 'Action', icon: '→', colour: '#059669', canBeParent: false, position: 2 },
    ];
    const r = rebaseDraft(d, theirs);
    expect(r.types.map((t) => `${t.name} ${t.icon}`)).toEqual(['Threat ☢', 'Dependency ⛓', 'Decision ◆']);
    expect(removedTypes(r).map((t) => t.id)).toEqual(['action']);
    expect(r.base.map((t) => t.id)).toEqual(['risk', 'dep', 'action']);
  });

  it("ITYPEUI-5 the server's rules before sending, every row's at once; then one set_item_types with ids, a new one without, in order", () => {
    let d = draftOf(itemTypesOf(project()));
    expect(draftProblems(d)).toEqual([]);
    d = updateType(d, 'issue', { name: ' ' });
    d = updateType(d, 'action', { name: 'risk', colour: 'red', icon: '123456789' });
    expect(draftProblems(d)).toEqual([
      'An item type needs a name.',
      'Two item types are named risk.',
      "risk's icon is one emoji or a symbol of at most 8 characters.",
      "risk's colour must be written #rrggbb, like #dc2626.",
    ]);
    expect(draftProblems(updateType(d, 'issue', { name: 'x'.repeat(31) }))).toContain("An item type's name is at most 30 characters.");
    expect(draftProblems(updateType(draftOf(itemTypesOf(project())), 'issue', { name: 'Bug' }))).toEqual(['Bug is a built-in type: choose another name.']);

    const ok = addType(updateType(draftOf(itemTypesOf(project())), 'risk', { colour: '#ABCDEF', canBeParent: false }), 'new:1', ' Decision ');
    expect(setItemTypesCommand(ok, 'p1', 7)).toEqual({
      setItemTypes: {
        projectId: 'p1',
        expectedVersion: 7,
        itemTypes: [
          { id: 'risk', name: 'Risk', icon: '⚠', colour: '#abcdef', canBeParent: false },
          { id: 'issue', name: 'Issue', icon: '!', colour: '#dc2626', canBeParent: false },
          { id: 'action', name: 'Action', icon: '→', colour: '#059669', canBeParent: false },
          { id: '', name: 'Decision', icon: '◆', colour: '#64748b', canBeParent: false },
        ],
      },
    });
  });
});
