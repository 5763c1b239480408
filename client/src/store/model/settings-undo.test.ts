// Settings saves as undoable changes (settings-undo.ts): which saves can be
// undone, the commands that undo and redo them against the project's version
// then, and what is refused rather than sent. No Solid, no DOM.
import { describe, expect, it } from 'vitest';
import { CustomFieldKind, StatusCategory, type ICustomField, type ICustomItemType, type IProject, type IWorkflowStatus } from '../../../../shared/proto.ts';
import { fromItems, type Card } from './items.ts';
import { settingsChange, settingsOf, settingsStepWrite, type SettingsChange, type SettingsNow } from './settings-undo.ts';
import { EMPTY_HISTORY, refused, sent, takeUndo, type Written } from './undo.ts';

const C = StatusCategory;
const K = CustomFieldKind;
const status = (id: string, name: string, category: StatusCategory, position: number): IWorkflowStatus => ({ id, name, category, position });
const WORKFLOW = [status('todo', 'To Do', C.STATUS_CATEGORY_UNSTARTED, 0), status('doing', 'Doing', C.STATUS_CATEGORY_STARTED, 1), status('done', 'Done', C.STATUS_CATEGORY_COMPLETED, 2)];
/** Review added before Done, and Doing limited to 3. */
const WITH_REVIEW = [
  WORKFLOW[0]!,
  { ...WORKFLOW[1]!, wipLimit: 3 },
  status('review', 'Review', C.STATUS_CATEGORY_STARTED, 2),
  { ...WORKFLOW[2]!, position: 3 },
];
const SEV: ICustomField = { id: 'sev', name: 'Severity', kind: K.CUSTOM_FIELD_KIND_SINGLE_SELECT, options: ['Low', 'High'], itemTypes: ['BUG'], position: 0 };
const RISK: ICustomItemType = { id: 'risk', name: 'Risk', icon: '⚠', colour: '#dc2626', canBeParent: false, position: 0 };

const project = (extra: IProject = {}): IProject => ({ id: 'p1', key: 'WEB', version: 7, customFields: [SEV], itemTypes: [], ...extra });
const card = (id: string, extra: Partial<Card> = {}): Card => ({ id, statusId: 'todo', rank: id, version: 1, ...extra });
const boardOf = (p: IProject, statuses: IWorkflowStatus[], cards: Card[] = []): SettingsNow => ({ project: p, statuses, items: fromItems(cards), partial: false });

const saved = (before: SettingsNow, after: SettingsNow, kind: 'workflow' | 'itemTypes' | 'customFields' | 'pullMode'): SettingsChange | null =>
  settingsChange('c1', `save ${kind}`, settingsOf(kind, before.project, before.statuses), settingsOf(kind, after.project, after.statuses));

/** The workflow save that adds Review, as the history holds it. */
function reviewAdded(): SettingsChange {
  const change = saved(boardOf(project(), WORKFLOW), boardOf(project({ version: 8 }), WITH_REVIEW), 'workflow');
  if (!change) throw new Error('not undoable');
  return change;
}

describe('settings saves as undoable changes', () => {
  it('UNDO-SETTINGS-1 a save that only adds, renames, reorders or limits can be undone; one that removes something, or changes nothing, cannot', () => {
    expect(reviewAdded()).toMatchObject({ id: 'c1', action: 'save workflow', before: { kind: 'workflow' }, after: { kind: 'workflow' } });
    const renamedAndMoved = [status('doing', 'Building', C.STATUS_CATEGORY_STARTED, 0), status('todo', 'To Do', C.STATUS_CATEGORY_UNSTARTED, 1), WORKFLOW[2]!];
    expect(saved(boardOf(project(), WORKFLOW), boardOf(project(), renamedAndMoved), 'workflow')).not.toBeNull();
    // Doing removed: its items moved, which no undo brings back.
    expect(saved(boardOf(project(), WORKFLOW), boardOf(project(), [WORKFLOW[0]!, WORKFLOW[2]!]), 'workflow')).toBeNull();
    expect(saved(boardOf(project(), WORKFLOW), boardOf(project({ version: 8 }), WORKFLOW), 'workflow')).toBeNull();

    // A field: an option or an item type added can be undone; one taken away, or the field removed, cannot (values went with it).
    const fields = (field: ICustomField | null) => boardOf(project({ customFields: field ? [field] : [] }), WORKFLOW);
    expect(saved(fields(SEV), fields({ ...SEV, options: ['Low', 'High', 'Critical'], itemTypes: ['BUG', 'TASK'], required: true }), 'customFields')).not.toBeNull();
    expect(saved(fields(SEV), fields({ ...SEV, options: ['High'] }), 'customFields')).toBeNull();
    expect(saved(fields(SEV), fields({ ...SEV, itemTypes: ['TASK'] }), 'customFields')).toBeNull();
    expect(saved(fields({ ...SEV, itemTypes: [] }), fields(SEV), 'customFields')).toBeNull();
    expect(saved(fields(SEV), fields(null), 'customFields')).toBeNull();

    const types = (list: ICustomItemType[]) => boardOf(project({ itemTypes: list }), WORKFLOW);
    expect(saved(types([]), types([RISK]), 'itemTypes')).not.toBeNull();
    expect(saved(types([RISK]), types([]), 'itemTypes')).toBeNull();
    expect(saved(boardOf(project(), WORKFLOW), boardOf(project({ pullMode: true }), WORKFLOW), 'pullMode')).toMatchObject({ before: { on: false }, after: { on: true } });
  });

  it('UNDO-SETTINGS-2 the undo sends the list before at the project\'s version now, the status it added removed; the redo adds it again as new, and the next undo still knows it', () => {
    const change = reviewAdded();
    // Someone renamed the project since: the version moved on, the workflow did not.
    const now = boardOf(project({ version: 9 }), WITH_REVIEW);
    expect(settingsStepWrite('undo', change, now)).toEqual({
      command: {
        setWorkflow: {
          projectId: 'p1',
          expectedVersion: 9,
          statuses: [
            { id: 'todo', name: 'To Do', category: C.STATUS_CATEGORY_UNSTARTED, wipLimit: 0 },
            { id: 'doing', name: 'Doing', category: C.STATUS_CATEGORY_STARTED, wipLimit: 0 },
            { id: 'done', name: 'Done', category: C.STATUS_CATEGORY_COMPLETED, wipLimit: 0 },
          ],
          removals: [{ statusId: 'review', moveToStatusId: 'todo' }],
        },
      },
    });

    const undone = boardOf(project({ version: 10 }), WORKFLOW);
    expect(settingsStepWrite('redo', change, undone)).toMatchObject({
      command: { setWorkflow: { expectedVersion: 10, statuses: [{ id: 'todo' }, { id: 'doing', wipLimit: 3 }, { id: '', name: 'Review' }, { id: 'done' }], removals: [] } },
    });
    const redone = boardOf(project({ version: 11 }), WITH_REVIEW.map((s) => (s.id === 'review' ? { ...s, id: 'review2' } : s)));
    expect(settingsStepWrite('undo', change, redone)).toMatchObject({ command: { setWorkflow: { expectedVersion: 11, removals: [{ statusId: 'review2', moveToStatusId: 'todo' }] } } });
  });

  it('UNDO-SETTINGS-3 refused in words, nothing sent: someone else changed the setting since, the undo would now move items or drop values, or only the board\'s first screen is held', () => {
    const change = reviewAdded();
    const renamed = WITH_REVIEW.map((s) => (s.id === 'done' ? { ...s, name: 'Shipped' } : s));
    expect(settingsStepWrite('undo', change, boardOf(project({ version: 9 }), renamed))).toEqual({ refusal: 'the workflow changed since' });
    const holding = boardOf(project({ version: 9 }), WITH_REVIEW, [card('a', { statusId: 'review' }), card('b', { statusId: 'review' })]);
    expect(settingsStepWrite('undo', change, holding)).toEqual({ refusal: 'Review holds 2 items now' });
    // Only the first screen is held: an empty-looking status may hold cards not loaded yet.
    expect(settingsStepWrite('undo', change, { ...boardOf(project({ version: 9 }), WITH_REVIEW), partial: true })).toEqual({ refusal: 'the board is still loading: try again in a moment' });

    const noFields = boardOf(project({ customFields: [] }), WORKFLOW);
    const fieldAdded = saved(noFields, boardOf(project({ version: 8 }), WORKFLOW), 'customFields')!;
    const valued = boardOf(project({ version: 8 }), WORKFLOW, [card('a', { customFields: [{ fieldId: 'sev', options: ['High'] }] }), card('b', { customFields: [{ fieldId: 'sev' }] })]);
    expect(settingsStepWrite('undo', fieldAdded, valued)).toEqual({ refusal: '1 item has a value of Severity now' });
    expect(settingsStepWrite('undo', fieldAdded, boardOf(project({ version: 8 }), WORKFLOW, [card('b', { customFields: [{ fieldId: 'sev' }] })]))).toEqual({
      command: { setCustomFields: { projectId: 'p1', expectedVersion: 8, fields: [] } },
    });

    const pullOn = saved(boardOf(project(), WORKFLOW), boardOf(project({ pullMode: true }), WORKFLOW), 'pullMode')!;
    expect(settingsStepWrite('undo', pullOn, boardOf(project({ version: 8 }), WORKFLOW))).toEqual({ refusal: 'pull mode changed since' });
    expect(settingsStepWrite('undo', pullOn, boardOf(project({ version: 8, pullMode: true }), WORKFLOW))).toEqual({
      command: { updateProject: { projectId: 'p1', expectedVersion: 8, pullMode: false } },
    });
  });

  it('UNDO-SETTINGS-4 item types and custom fields go back whole: the list before, each kept entry by its id, an entry the redo brings back as new', () => {
    const typeAdded = saved(boardOf(project(), WORKFLOW), boardOf(project({ version: 8, itemTypes: [RISK] }), WORKFLOW), 'itemTypes')!;
    expect(settingsStepWrite('undo', typeAdded, boardOf(project({ version: 8, itemTypes: [RISK] }), WORKFLOW))).toEqual({
      command: { setItemTypes: { projectId: 'p1', expectedVersion: 8, itemTypes: [] } },
    });
    expect(settingsStepWrite('redo', typeAdded, boardOf(project({ version: 9 }), WORKFLOW))).toEqual({
      command: { setItemTypes: { projectId: 'p1', expectedVersion: 9, itemTypes: [{ id: '', name: 'Risk', icon: '⚠', colour: '#dc2626', canBeParent: false }] } },
    });

    const wider = { ...SEV, options: ['Low', 'High', 'Critical'] };
    const optionAdded = saved(boardOf(project(), WORKFLOW), boardOf(project({ version: 8, customFields: [wider] }), WORKFLOW), 'customFields')!;
    expect(settingsStepWrite('undo', optionAdded, boardOf(project({ version: 8, customFields: [wider] }), WORKFLOW))).toEqual({
      command: { setCustomFields: { projectId: 'p1', expectedVersion: 8, fields: [{ id: 'sev', name: 'Severity', kind: K.CUSTOM_FIELD_KIND_SINGLE_SELECT, options: ['Low', 'High'], itemTypes: ['BUG'], required: false }] } },
    });
  });

  it('UNDO-SETTINGS-5 on the history a settings change holds no version: item writes leave it as it is, its toast takes it, and a refusal takes it off', () => {
    const change = reviewAdded();
    let h = sent(EMPTY_HISTORY, { as: 'change', base: null, change });
    h = sent(h, { as: 'change', base: { itemId: 'a', from: 1 }, change: { id: 'u1', itemId: 'a', action: 'save WEB-1', undo: { kind: 'delete' }, redo: { kind: 'delete' }, version: 2 } });
    expect(h.done[0]).toBe(change);
    const taken = takeUndo(h, 'c1')!;
    expect(taken.change).toBe(change);
    const undo: Written = { as: 'undo', base: null, change };
    h = sent(taken.history, undo);
    expect(h.undone).toEqual([change]);
    expect(refused(h, undo)).toEqual({ done: h.done, undone: [] });
  });
});
