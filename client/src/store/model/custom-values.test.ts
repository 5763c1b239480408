// An item's custom field values in the client's model (custom-values.ts and
// the 'values' write of item-writes.ts): the write, its op laid over the card,
// a partial event's whole list, the conflict rows, the undo, and the
// server's rules asked before sending. No Solid, no DOM.
import { describe, expect, it } from 'vitest';
import type { CustomFieldDef } from '../../../../shared/domain/custom-fields.ts';
import { CustomFieldKind, ErrorCode, ItemType, type ICustomFieldValue, type IWorkItem } from '../../../../shared/proto.ts';
import { RequestError } from '../../../../shared/sdk/errors.ts';
import type { Reply } from '../../../../shared/sdk/index.ts';
import { mergedValues, valueConflictRows } from './conflicts.ts';
import {
  effectiveValues,
  entryOf,
  fieldsFor,
  numberEntry,
  requiredWords,
  valueIn,
  valueProblem,
  valuesBack,
  valueWords,
  withValues,
} from './custom-values.ts';
import { applyOps } from './item-ops.ts';
import { createWrite, valuesWrite, type ItemsNow } from './item-writes.ts';
import { applyPartialItem, fromItems, toCard } from './items.ts';
import { applyEvent, applyReply, modelOfBoard } from './project.ts';
import { replayedRefusal } from './replayed.ts';
import { isItemChange } from './undo.ts';
import { changeOf, stepWrite } from './undo-writes.ts';

const K = CustomFieldKind;
const field = (id: string, name: string, kind: CustomFieldKind, extra: Partial<CustomFieldDef> = {}): CustomFieldDef => ({
  id,
  name,
  kind,
  options: [],
  itemTypes: [],
  required: false,
  position: 0,
  ...extra,
});
const SEV = field('sev', 'Severity', K.CUSTOM_FIELD_KIND_SINGLE_SELECT, { options: ['Low', 'Medium', 'High'], itemTypes: ['BUG'], required: true });
const AREA = field('area', 'Area', K.CUSTOM_FIELD_KIND_MULTI_SELECT, { options: ['Web', 'API'] });
const COST = field('cost', 'Cost', K.CUSTOM_FIELD_KIND_NUMBER);
const OWNER = field('owner', 'Owner', K.CUSTOM_FIELD_KIND_PERSON);

const item = (extra: Partial<IWorkItem> = {}): IWorkItem => ({
  id: 'a',
  projectId: 'p1',
  key: 'WEB-1',
  statusId: 'todo',
  rank: 'm',
  version: 3,
  itemType: ItemType.ITEM_TYPE_BUG,
  customFields: [{ fieldId: 'sev', options: ['Low'] }, { fieldId: 'cost', number: 5 }],
  ...extra,
});
const now = (items: IWorkItem[] = [item()]): ItemsNow => {
  const confirmed = fromItems(items);
  return { confirmed, view: confirmed, ops: [], projectId: 'p1' };
};

describe('custom field values', () => {
  it('CFVAL-1 an item\'s value of a field, the fields of its type, an entry set or cleared over the list', () => {
    const it1 = item();
    expect(valueIn(it1, 'sev')).toEqual({ fieldId: 'sev', options: ['Low'] });
    expect(valueIn(it1, 'area')).toBeNull();
    expect(fieldsFor([SEV, AREA], { itemType: ItemType.ITEM_TYPE_TASK })).toEqual([AREA]);
    expect(fieldsFor([SEV, AREA], { itemType: ItemType.ITEM_TYPE_BUG })).toEqual([SEV, AREA]);
    const list = withValues(it1.customFields, [{ fieldId: 'sev', options: ['High'] }, { fieldId: 'cost' }, { fieldId: 'area', options: ['API'] }]);
    expect(list).toEqual([{ fieldId: 'sev', options: ['High'] }, { fieldId: 'area', options: ['API'] }]);
    expect(effectiveValues(it1, [{ fieldId: 'sev', options: ['Low'] }, { fieldId: 'area' }, { fieldId: 'cost', number: 6 }])).toEqual([{ fieldId: 'cost', number: 6 }]);
    expect(valuesBack(it1, [{ fieldId: 'sev', options: ['High'] }, { fieldId: 'area', options: ['Web'] }])).toEqual([
      { fieldId: 'sev', options: ['Low'] },
      { fieldId: 'area' },
    ]);
  });

  it('CFVAL-2 a value write: one update_work_item with the entries that change, shown at once over the card as it is then', () => {
    const w = valuesWrite(now(), 'm1', 'a', [{ fieldId: 'sev', options: ['High'] }, { fieldId: 'cost', number: 5 }], 3);
    expect(w).not.toBe('unchanged');
    if (!w || w === 'unchanged') throw new Error('no write');
    expect(w.command).toEqual({ updateWorkItem: { workItemId: 'a', expectedVersion: 3, customFields: [{ fieldId: 'sev', options: ['High'] }] } });
    expect(w.edit).toEqual({ patch: {}, itemKey: 'WEB-1', values: [{ fieldId: 'sev', options: ['High'] }] });
    expect(valuesWrite(now(), 'm1', 'a', [{ fieldId: 'sev', options: ['Low'] }], 3)).toBe('unchanged');
    expect(valuesWrite(now(), 'm1', 'nope', [{ fieldId: 'sev', options: ['Low'] }], 3)).toBeNull();
    // Someone else's change of another field while ours is out shows beside ours.
    const theirs = fromItems([item({ version: 4, customFields: [{ fieldId: 'sev', options: ['Low'] }, { fieldId: 'cost', number: 9 }] })]);
    const view = applyOps(theirs, [w.op]);
    expect(view.get('a')).toMatchObject({ pending: true, customFields: [{ fieldId: 'sev', options: ['High'] }, { fieldId: 'cost', number: 9 }] });
  });

  it('CFVAL-3 a new item carries the values it starts with, shown on its pending card', () => {
    const w = createWrite(now([]), 'm1', { title: 'Crash', statusId: 'todo', itemType: ItemType.ITEM_TYPE_BUG, customFields: [{ fieldId: 'sev', options: ['High'] }] }, 'add the card');
    expect(w?.command).toMatchObject({ createWorkItem: { title: 'Crash', customFields: [{ fieldId: 'sev', options: ['High'] }] } });
    expect(w?.op.kind === 'create' && w.op.card.customFields).toEqual([{ fieldId: 'sev', options: ['High'] }]);
  });

  it('CFVAL-4 a partial event of custom_fields brings the whole list: a value set, and one cleared (left off the wire)', () => {
    const held = fromItems([item()]);
    const set = applyPartialItem(held, { id: 'a', projectId: 'p1', key: 'WEB-1', version: 4, customFields: [{ fieldId: 'sev', options: ['High'] }] }, ['custom_fields']);
    expect(set?.get('a')?.customFields).toEqual([{ fieldId: 'sev', options: ['High'] }]);
    expect(set?.get('a')?.title).toBe(held.get('a')?.title);
    const cleared = applyPartialItem(set!, { id: 'a', projectId: 'p1', key: 'WEB-1', version: 5 }, ['custom_fields']);
    expect(cleared?.get('a')?.customFields).toEqual([]);
  });

  it('CFVAL-5 the project\'s fields come with the board, a ProjectChanged event and set_custom_fields\' Result', () => {
    const fields = [{ id: 'sev', name: 'Severity', kind: K.CUSTOM_FIELD_KIND_SINGLE_SELECT, options: ['Low'], position: 0 }];
    const m = modelOfBoard({ project: { id: 'p1', key: 'WEB', version: 2, customFields: fields }, workItems: [item()] }, null);
    expect(m.project?.customFields).toEqual(fields);
    const renamed = [{ ...fields[0], name: 'Sev' }];
    expect(applyEvent(m, { projectId: 'p1', seq: 3, project: { project: { id: 'p1', key: 'WEB', version: 3, customFields: renamed } } })?.project?.customFields).toEqual(renamed);
    const reply: Reply = { ok: true, messageId: 'm1', command: 'setCustomFields', meta: null, result: { project: { id: 'p1', key: 'WEB', version: 3, customFields: [] } } };
    expect(applyReply(m, reply).project?.customFields).toEqual([]);
  });

  it('CFVAL-6 a conflict: each field set beside the server\'s value; what is resent is what the person keeps and still differs; after a reload too', () => {
    const values: ICustomFieldValue[] = [{ fieldId: 'sev', options: ['High'] }, { fieldId: 'cost' }];
    const theirs = item({ version: 4, customFields: [{ fieldId: 'sev', options: ['Medium'] }] });
    expect(valueConflictRows(values, theirs)).toEqual([
      { fieldId: 'sev', theirs: { fieldId: 'sev', options: ['Medium'] }, yours: { fieldId: 'sev', options: ['High'] }, same: false },
      { fieldId: 'cost', theirs: null, yours: null, same: true },
    ]);
    expect(mergedValues(values, theirs, {})).toEqual([{ fieldId: 'sev', options: ['High'] }]);
    expect(mergedValues(values, theirs, { sev: 'theirs' })).toEqual([]);
    const refused: Reply = {
      ok: false,
      messageId: 'm1',
      command: 'updateWorkItem',
      meta: { board: 'p1', command: 'updateWorkItem', projectId: 'p1', op: { kind: 'values', messageId: 'm1', itemId: 'a', values }, patch: {}, values, itemKey: 'WEB-1', action: 'save WEB-1' },
      error: new RequestError(ErrorCode.ERROR_CODE_CONFLICT, 'stale', '', { workItem: theirs }),
    };
    expect(replayedRefusal(refused, 'p1')).toEqual({ kind: 'conflict', conflict: { id: 'm1', itemId: 'a', itemKey: 'WEB-1', patch: {}, values, theirs } });
  });

  it('CFVAL-7 undo sets the values back as they were, redo sets them again, each as an ordinary write against the history\'s version', () => {
    const items = now();
    const w = valuesWrite(items, 'm1', 'a', [{ fieldId: 'sev', options: ['High'] }, { fieldId: 'area', options: ['Web'] }], 3);
    if (!w || w === 'unchanged') throw new Error('no write');
    const change = changeOf(items, w, 'ada').change;
    if (!change || !isItemChange(change)) throw new Error('no item change');
    expect(change.undo).toEqual({ kind: 'values', values: [{ fieldId: 'sev', options: ['Low'] }, { fieldId: 'area' }] });
    const after = now([item({ version: 4, customFields: [{ fieldId: 'sev', options: ['High'] }, { fieldId: 'cost', number: 5 }, { fieldId: 'area', options: ['Web'] }] })]);
    expect(stepWrite(after, 'z1', change, change.undo, 'undo save WEB-1')?.command).toEqual({
      updateWorkItem: { workItemId: 'a', expectedVersion: 4, customFields: [{ fieldId: 'sev', options: ['Low'] }, { fieldId: 'area' }] },
    });
  });

  it('CFVAL-8 the server\'s rules before sending, in its words: a required field kept, a value of the kind; what a new item still needs', () => {
    expect(valueProblem(SEV, { fieldId: 'sev' })).toBe('Severity is required.');
    expect(valueProblem(SEV, { fieldId: 'sev', options: ['Huge'] })).toBe('Severity must be one of Low, Medium, High.');
    expect(valueProblem(SEV, { fieldId: 'sev', options: ['High'] })).toBeNull();
    expect(valueProblem(COST, { fieldId: 'cost' })).toBeNull();
    const bug = { itemType: ItemType.ITEM_TYPE_BUG };
    expect(requiredWords([SEV, AREA], bug)).toBe('Severity is required');
    expect(requiredWords([SEV, { ...COST, required: true }], bug)).toBe('Severity and Cost are required');
    expect(requiredWords([SEV], { itemType: ItemType.ITEM_TYPE_TASK })).toBeNull();
    expect(requiredWords([SEV], bug, (id) => id === 'sev')).toBeNull();
  });

  it('CFVAL-10 an item of a project\'s own type gets the fields of that type, not a task\'s', () => {
    const probability = { ...SEV, id: 'p', name: 'Probability', itemTypes: ['risk-type'] };
    const risk = { itemType: ItemType.ITEM_TYPE_TASK, customTypeId: 'risk-type' };
    expect(fieldsFor([probability, AREA], risk).map((f) => f.id)).toEqual(['p', 'area']);
    expect(fieldsFor([probability], { itemType: ItemType.ITEM_TYPE_TASK })).toEqual([]);
    expect(requiredWords([probability], risk)).toBe('Probability is required');
    expect(requiredWords([probability], { itemType: ItemType.ITEM_TYPE_TASK })).toBeNull();
  });

  it('CFVAL-9 a control\'s value as an entry by kind, empty clearing; values in words', () => {
    expect(entryOf(SEV, 'High')).toEqual({ fieldId: 'sev', options: ['High'] });
    expect(entryOf(SEV, '')).toEqual({ fieldId: 'sev' });
    expect(entryOf(AREA, ['API', 'Web'])).toEqual({ fieldId: 'area', options: ['Web', 'API'] });
    expect(entryOf(OWNER, 'u-bob')).toEqual({ fieldId: 'owner', userId: 'u-bob' });
    expect(entryOf(field('d', 'When', K.CUSTOM_FIELD_KIND_DATE), '2025-03-01')).toEqual({ fieldId: 'd', date: '2025-03-01' });
    expect(entryOf(field('t', 'Notes', K.CUSTOM_FIELD_KIND_TEXT), '  hi ')).toEqual({ fieldId: 't', text: 'hi' });
    expect(numberEntry('cost', ' 2.5 ')).toEqual({ fieldId: 'cost', number: 2.5 });
    expect(numberEntry('cost', '')).toEqual({ fieldId: 'cost' });
    expect(numberEntry('cost', 'abc')).toBeNull();
    const name = (id: string) => (id === 'u-bob' ? 'Bob' : 'Someone');
    expect(valueWords(AREA, { fieldId: 'area', options: ['Web', 'API'] }, name)).toBe('Web, API');
    expect(valueWords(OWNER, { fieldId: 'owner', userId: 'u-bob' }, name)).toBe('Bob');
    expect(valueWords(COST, null, name)).toBe('None');
    expect(toCard(item()).customFields?.length).toBe(2);
  });
});
