// A project's own item types (docs/PROTOCOL.md §6, v18): the pure rules
// set_item_types, item writes and the client's settings draft share.
// The server's side is server/test/item-types.test.ts (ITYPE-10 on).
import { describe, expect, it } from 'vitest';
import { ErrorCode, ItemType } from '../proto.ts';
import { checkFieldItemTypes, fieldTypeKey, appliesTo, typesInWords } from './custom-fields.ts';
import { AppError } from './errors.ts';
import { checkHeldChildren, checkPlacement, typeLabel, type HierarchyType } from './hierarchy.ts';
import {
  checkTypeColour, checkTypeIcon, checkTypeName, holdsSubtasksMessage, itemTypesChangeNothing, itemTypesText, planItemTypes,
  pluralTypeName, stopsBeingParent, typeInUseMessage, type ItemTypeDef,
} from './item-types.ts';

const { ITEM_TYPE_EPIC: EPIC, ITEM_TYPE_STORY: STORY, ITEM_TYPE_TASK: TASK, ITEM_TYPE_BUG: BUG, ITEM_TYPE_SUBTASK: SUBTASK } = ItemType;

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('not refused');
}

const risk: ItemTypeDef = { id: 'r', name: 'Risk', icon: '⚠️', colour: '#dc2626', canBeParent: false, position: 0 };
const action: ItemTypeDef = { id: 'a', name: 'Action', icon: '✅', colour: '#16a34a', canBeParent: true, position: 1 };

describe('ITYPE item type definitions', () => {
  it('ITYPE-1 a name is trimmed, 1-30 characters, visible, and no built-in type\'s (case and spacing aside)', () => {
    expect(checkTypeName('  Risk ')).toBe('Risk');
    expect(checkTypeName('x'.repeat(30))).toHaveLength(30);
    for (const [name, message] of [
      ['   ', 'An item type needs a name'],
      ['x'.repeat(31), "An item type's name is at most 30 characters"],
      ['Epic', 'Epic is a built-in type: choose another name'],
      ['sub-task', 'sub-task is a built-in type: choose another name'],
      ['Subtask', 'Subtask is a built-in type: choose another name'],
      ['BUG', 'BUG is a built-in type: choose another name'],
    ] as const) {
      expect(refusal(() => checkTypeName(name))).toMatchObject({ code: ErrorCode.ERROR_CODE_INVALID_ARGUMENT, field: 'item_types', message });
    }
    expect(refusal(() => checkTypeName('Ri\u0000sk')).message).toMatch(/control character/);
  });

  it('ITYPE-2 an icon is required: one emoji (joined ones too) or a symbol of at most 8 characters, no spaces inside', () => {
    expect(checkTypeIcon(' ⚠️ ', 'Risk')).toBe('⚠️');
    expect(checkTypeIcon('👩‍💻', 'Dev')).toBe('👩‍💻');
    expect(checkTypeIcon('RSK', 'Risk')).toBe('RSK');
    expect(refusal(() => checkTypeIcon('', 'Risk')).message).toBe('Risk needs an icon (an emoji or a short symbol)');
    expect(refusal(() => checkTypeIcon('123456789', 'Risk')).message).toMatch(/at most 8 characters/);
    expect(refusal(() => checkTypeIcon('a b', 'Risk')).message).toMatch(/at most 8 characters/);
  });

  it('ITYPE-3 a colour is #rrggbb, kept in lower case', () => {
    expect(checkTypeColour('#DC2626', 'Risk')).toBe('#dc2626');
    for (const bad of ['', 'red', '#fff', '#12345g', 'dc2626']) {
      expect(refusal(() => checkTypeColour(bad, 'Risk')).message).toBe("Risk's colour must be written #rrggbb, like #dc2626");
    }
  });

  it('ITYPE-4 a plan says what is added, changed and removed; names are unique case aside; at most 20 types; the same list changes nothing', () => {
    const same = [risk, action].map(({ id, name, icon, colour, canBeParent }) => ({ id, name, icon, colour, canBeParent }));
    expect(itemTypesChangeNothing(planItemTypes([risk, action], same))).toBe(true);
    expect(itemTypesChangeNothing(planItemTypes([], []))).toBe(true);

    const plan = planItemTypes([risk, action], [
      { name: 'Issue', icon: '🔥', colour: '#EA580C' },
      { id: 'r', name: 'Threat', icon: '⚠️', colour: '#dc2626', canBeParent: true },
    ]);
    expect(plan.types.map((t) => [t.id, t.name, t.colour, t.canBeParent, t.position])).toEqual([
      ['', 'Issue', '#ea580c', false, 0], ['r', 'Threat', '#dc2626', true, 1],
    ]);
    expect(plan.added.map((t) => t.name)).toEqual(['Issue']);
    expect(plan.changed.map((c) => [c.before.name, c.after.name])).toEqual([['Risk', 'Threat']]);
    expect(plan.removed.map((t) => t.name)).toEqual(['Action']);
    // Only a move is a change too.
    expect(planItemTypes([risk, action], [same[1]!, same[0]!]).changed).toHaveLength(2);

    const one = (specs: Parameters<typeof planItemTypes>[1]) => refusal(() => planItemTypes([risk], specs)).message;
    expect(one([{ name: 'Risk', icon: 'R', colour: '#000000' }, { name: 'risk', icon: 'r', colour: '#000000' }])).toBe('Two item types are named risk');
    expect(one([same[0]!, same[0]!])).toBe('Risk is listed twice');
    expect(one([{ id: 'ghost', name: 'Ghost', icon: 'G', colour: '#000000' }])).toBe("A type to keep must be one of the project's current item types");
    const many = Array.from({ length: 21 }, (_, i) => ({ name: `T${i}`, icon: 'T', colour: '#000000' }));
    expect(one(many)).toBe('A project has at most 20 item types of its own');
  });

  it('ITYPE-5 removal and un-parenting are refused in words that count the items; the history names the types, in detail when only a definition changed', () => {
    expect(typeInUseMessage(risk, 3)).toBe('3 items are Risks: change their type first');
    expect(typeInUseMessage(risk, 1)).toBe('1 item is a Risk: change its type first');
    expect(holdsSubtasksMessage(action, 2)).toBe('2 Actions hold sub-tasks: move them before Actions stop being parents');
    expect(pluralTypeName('Dependency')).toBe('Dependencies');
    expect(pluralTypeName('Fix')).toBe('Fixes');
    expect(pluralTypeName('Day')).toBe('Days');

    const plan = planItemTypes([risk, action], [
      { id: 'r', name: 'Risk', icon: '⚠️', colour: '#dc2626' }, { id: 'a', name: 'Action', icon: '✅', colour: '#16a34a', canBeParent: false },
    ]);
    expect(stopsBeingParent(plan).map((t) => t.name)).toEqual(['Action']);
    expect(itemTypesText([], [risk, action])).toEqual({ old: null, new: 'Risk, Action' });
    expect(itemTypesText([risk, action], plan.types)).toEqual({
      old: 'Risk (⚠️ #dc2626), Action (✅ #16a34a, holds sub-tasks)',
      new: 'Risk (⚠️ #dc2626), Action (✅ #16a34a)',
    });
  });

  it('ITYPE-6 a custom field names a project\'s own type by id, checked against the live types; an item of it counts as that type only', () => {
    expect(checkFieldItemTypes(['r', 'BUG', 'a'], 'Owner', [action, risk])).toEqual(['BUG', 'a', 'r']);
    expect(refusal(() => checkFieldItemTypes(['gone'], 'Owner', [risk])).message)
      .toBe("Owner can apply to EPIC, STORY, TASK, BUG, SUBTASK, Risk; 'gone' is no item type of the project");
    expect(refusal(() => checkFieldItemTypes(['r', 'r'], 'Owner', [risk])).message).toBe('Owner names Risk twice');
    expect(fieldTypeKey('TASK', 'r')).toBe('r');
    expect(fieldTypeKey('TASK', null)).toBe('TASK');
    expect(appliesTo({ itemTypes: ['TASK'] }, fieldTypeKey('TASK', 'r'))).toBe(false);
    expect(appliesTo({ itemTypes: ['r'] }, fieldTypeKey('TASK', 'r'))).toBe(true);
    expect(typesInWords(['TASK', 'r'], [risk])).toBe('tasks and Risks');
  });
});

describe('ITYPE hierarchy for a project\'s own types', () => {
  const riskType: HierarchyType = { type: TASK, custom: { name: 'Risk', canBeParent: false } };
  const actionType: HierarchyType = { type: TASK, custom: { name: 'Action', canBeParent: true } };
  const built = (type: ItemType): HierarchyType => ({ type });

  it('ITYPE-7 an item\'s type reads as its own type\'s name, else the built-in one', () => {
    expect(typeLabel(TASK, 'Risk')).toBe('Risk');
    expect(typeLabel(SUBTASK)).toBe('Sub-task');
    expect(typeLabel(EPIC, '')).toBe('Epic');
  });

  it('ITYPE-8 an item of an own type sits under an epic or nothing; under one, only a sub-task, and only when the type can be a parent', () => {
    expect(() => checkPlacement(riskType, null)).not.toThrow();
    expect(() => checkPlacement(riskType, built(EPIC))).not.toThrow();
    expect(() => checkPlacement(built(SUBTASK), actionType)).not.toThrow();
    const refused = (item: HierarchyType, parent: HierarchyType | null) => refusal(() => checkPlacement(item, parent));
    expect(refused(built(SUBTASK), riskType)).toMatchObject({
      code: ErrorCode.ERROR_CODE_FAILED_PRECONDITION, field: 'parent_id', message: 'A Risk cannot hold sub-tasks',
    });
    expect(refused(riskType, built(STORY)).message).toBe('A Risk cannot sit under a story: it takes an epic or no parent');
    expect(refused(built(STORY), actionType).message).toBe('A story cannot sit under an Action: it takes an epic or no parent');
    expect(refused(riskType, actionType).message).toBe('A Risk cannot sit under an Action: it takes an epic or no parent');
    // Built-in on both sides: the rules as before.
    expect(refused(built(SUBTASK), built(EPIC)).message).toBe('A sub-task cannot sit under an epic: it takes a story or a task or a bug');
    expect(() => checkPlacement(built(SUBTASK), built(BUG))).not.toThrow();
  });

  it('ITYPE-9 an item that becomes an own type keeps only children the type may hold', () => {
    expect(() => checkHeldChildren(actionType, [SUBTASK, SUBTASK])).not.toThrow();
    expect(() => checkHeldChildren(riskType, [])).not.toThrow();
    expect(refusal(() => checkHeldChildren(riskType, [SUBTASK]))).toMatchObject({
      field: 'custom_type_id', message: 'A Risk cannot hold sub-tasks; move them first',
    });
    expect(refusal(() => checkHeldChildren(actionType, [STORY])).message).toBe('An Action cannot have story children; move them first');
    expect(refusal(() => checkHeldChildren(built(EPIC), [SUBTASK])).message).toBe('An epic cannot have sub-task children; move them first');
  });
});
