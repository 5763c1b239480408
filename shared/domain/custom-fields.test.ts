// Custom field rules (shared/domain/custom-fields.ts), which the server applies
// and the client can check before sending. The server's side:
// server/test/custom-fields.test.ts (CF-10 on).
import { describe, expect, it } from 'vitest';
import { CustomFieldKind, ErrorCode, type ICustomFieldValue } from '../proto.ts';
import {
  CUSTOM_FIELD_LIMITS, appliesTo, checkCustomValue, customFieldsChangeNothing, customValueText, fieldText, missingRequired,
  planCustomFields, sameCustomValue, type CustomFieldDef, type CustomFieldSpecInput,
} from './custom-fields.ts';
import { AppError } from './errors.ts';

const { CUSTOM_FIELD_KIND_TEXT: TEXT, CUSTOM_FIELD_KIND_NUMBER: NUMBER, CUSTOM_FIELD_KIND_DATE: DATE,
  CUSTOM_FIELD_KIND_SINGLE_SELECT: SINGLE, CUSTOM_FIELD_KIND_MULTI_SELECT: MULTI, CUSTOM_FIELD_KIND_PERSON: PERSON } = CustomFieldKind;

const def = (id: string, name: string, kind: CustomFieldKind, more: Partial<CustomFieldDef> = {}): CustomFieldDef =>
  ({ id, name, kind, options: [], itemTypes: [], required: false, position: 0, ...more });

const severity = def('sev', 'Severity', SINGLE, { options: ['Low', 'Medium', 'High'], itemTypes: ['BUG'], required: true, position: 0 });
const notes = def('not', 'Notes', TEXT, { position: 1 });
const current = [severity, notes];
const same: CustomFieldSpecInput[] = current.map(({ id, name, kind, options, itemTypes, required }) => ({ id, name, kind, options, itemTypes, required }));

function refusal(run: () => unknown): { field: string; message: string } {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe(ErrorCode.ERROR_CODE_INVALID_ARGUMENT);
    return { field: (err as AppError).field, message: (err as AppError).message };
  }
  throw new Error('expected a refusal');
}

describe('custom field definitions', () => {
  it('CF-1 the same fields again change nothing', () => {
    expect(customFieldsChangeNothing(planCustomFields(current, same))).toBe(true);
    expect(customFieldsChangeNothing(planCustomFields([], []))).toBe(true);
  });

  it('CF-2 a plan says what is added, changed and removed, in order; names and options are trimmed, item types kept in enum order', () => {
    const plan = planCustomFields(current, [
      { id: 'sev', name: ' Impact ', kind: SINGLE, options: [' Low', 'High', 'Critical'], itemTypes: ['BUG', 'TASK'], required: false },
      { name: 'Estimate', kind: NUMBER },
      { name: 'Due', kind: DATE, itemTypes: ['STORY'] },
      { name: 'Areas', kind: MULTI, options: ['UI', 'API'] },
      { name: 'Reviewer', kind: PERSON },
    ]);
    expect(plan.fields.map((f) => [f.id, f.name, f.position])).toEqual([
      ['sev', 'Impact', 0], ['', 'Estimate', 1], ['', 'Due', 2], ['', 'Areas', 3], ['', 'Reviewer', 4],
    ]);
    expect(plan.fields[0]).toMatchObject({ options: ['Low', 'High', 'Critical'], itemTypes: ['TASK', 'BUG'], required: false });
    expect(plan.added.map((f) => f.name)).toEqual(['Estimate', 'Due', 'Areas', 'Reviewer']);
    expect(plan.changed).toHaveLength(1);
    expect(plan.changed[0]).toMatchObject({ removedOptions: ['Medium'], droppedTypes: [] });
    expect(plan.removed.map((f) => f.id)).toEqual(['not']);
    // Narrowing the types a field applies to is said, so the server can check the items of those types.
    const narrowed = planCustomFields([notes], [{ id: 'not', name: 'Notes', kind: TEXT, itemTypes: ['TASK'] }]);
    expect(narrowed.changed[0]!.droppedTypes).toEqual(['EPIC', 'STORY', 'BUG', 'SUBTASK']);
  });

  it('CF-3 refuses names that are empty, too long or taken (case aside), unknown kinds, and a kind change', () => {
    const one = (spec: CustomFieldSpecInput, base: CustomFieldDef[] = []) => refusal(() => planCustomFields(base, [spec]));
    expect(one({ name: '  ', kind: TEXT })).toEqual({ field: 'fields', message: 'A custom field needs a name' });
    expect(one({ name: 'x'.repeat(CUSTOM_FIELD_LIMITS.nameMax + 1), kind: TEXT }).message).toMatch(/at most 40 characters/);
    expect(one({ name: 'Notes' })).toMatchObject({ message: expect.stringMatching(/^Choose a kind for Notes/) });
    expect(one({ name: 'Notes', kind: 99 as CustomFieldKind }).message).toMatch(/Choose a kind/);
    expect(refusal(() => planCustomFields([], [{ name: 'Notes', kind: TEXT }, { name: 'notes', kind: NUMBER }])).message)
      .toBe('Two custom fields are named notes');
    expect(one({ id: 'sev', name: 'Severity', kind: MULTI, options: ['Low'] }, current).message)
      .toBe('Severity is single select and stays so: add a new field instead');
    expect(one({ id: 'gone', name: 'X', kind: TEXT }, current).message).toMatch(/current custom fields/);
    expect(refusal(() => planCustomFields(current, [same[0]!, same[0]!])).message).toBe('Severity is listed twice');
    const many = Array.from({ length: CUSTOM_FIELD_LIMITS.fieldsMax + 1 }, (_, i) => ({ name: `F${i}`, kind: TEXT }));
    expect(refusal(() => planCustomFields([], many)).message).toMatch(/at most 30 custom fields/);
  });

  it('CF-4 options only for selects, 1-50 of them, each 1-60 characters and once; item types known and once', () => {
    const one = (spec: CustomFieldSpecInput) => refusal(() => planCustomFields([], [spec])).message;
    expect(one({ name: 'Notes', kind: TEXT, options: ['a'] })).toBe('Only a select has options: Notes is text');
    expect(one({ name: 'Severity', kind: SINGLE, options: [] })).toBe('Severity needs at least one option');
    expect(one({ name: 'Severity', kind: MULTI, options: Array.from({ length: 51 }, (_, i) => `o${i}`) })).toMatch(/at most 50 options/);
    expect(one({ name: 'Severity', kind: SINGLE, options: ['Low', ' '] })).toMatch(/An option of Severity is 1-60 characters/);
    expect(one({ name: 'Severity', kind: SINGLE, options: ['x'.repeat(61)] })).toMatch(/1-60 characters/);
    expect(one({ name: 'Severity', kind: SINGLE, options: ['Low', 'low'] })).toBe("Severity lists 'low' twice");
    expect(one({ name: 'Notes', kind: TEXT, itemTypes: ['CHORE'] })).toMatch(/'CHORE' is no item type/);
    expect(one({ name: 'Notes', kind: TEXT, itemTypes: ['BUG', 'BUG'] })).toBe('Notes names BUG twice');
  });
});

describe('custom field values', () => {
  const v = (value: ICustomFieldValue) => ({ fieldId: 'x', ...value });

  it('CF-5 each kind takes its own member, checked and normalised; an empty entry clears', () => {
    expect(checkCustomValue(notes, v({ text: '  hello ' }))).toEqual({ fieldId: 'not', text: 'hello' });
    expect(checkCustomValue(notes, v({ text: '   ' }))).toBeNull();
    const estimate = def('est', 'Estimate', NUMBER);
    expect(checkCustomValue(estimate, v({ number: 0 }))).toEqual({ fieldId: 'est', number: 0 });
    expect(checkCustomValue(estimate, v({ number: -2.5 }))).toEqual({ fieldId: 'est', number: -2.5 });
    expect(checkCustomValue(estimate, v({}))).toBeNull();
    const due = def('due', 'Due', DATE);
    expect(checkCustomValue(due, v({ date: '2024-02-29' }))).toEqual({ fieldId: 'due', date: '2024-02-29' });
    expect(checkCustomValue(severity, v({ options: ['High'] }))).toEqual({ fieldId: 'sev', options: ['High'] });
    const areas = def('are', 'Areas', MULTI, { options: ['UI', 'API', 'DB'] });
    expect(checkCustomValue(areas, v({ options: ['DB', 'UI'] }))).toEqual({ fieldId: 'are', options: ['UI', 'DB'] });
    expect(checkCustomValue(areas, v({ options: [] }))).toBeNull();
    const reviewer = def('rev', 'Reviewer', PERSON);
    expect(checkCustomValue(reviewer, v({ userId: 'u1' }))).toEqual({ fieldId: 'rev', userId: 'u1' });
  });

  it('CF-6 refuses, naming custom_fields and the field: a wrong member, a bad number or date, an option not offered', () => {
    const one = (field: CustomFieldDef, value: ICustomFieldValue) => refusal(() => checkCustomValue(field, v(value)));
    expect(one(severity, { text: 'High' })).toEqual({ field: 'custom_fields', message: 'Severity is a single select field: it takes no text' });
    expect(one(notes, { text: 'a', number: 1 }).message).toBe('Notes is a text field: it takes no number');
    expect(one(def('est', 'Estimate', NUMBER), { number: Number.NaN }).message).toBe('Estimate must be a number');
    expect(one(def('est', 'Estimate', NUMBER), { number: Number.POSITIVE_INFINITY }).message).toBe('Estimate must be a number');
    expect(one(def('due', 'Due', DATE), { date: '2023-02-29' }).message).toBe('Due must be a date written YYYY-MM-DD');
    expect(one(def('due', 'Due', DATE), { date: '1 May' }).message).toMatch(/YYYY-MM-DD/);
    expect(one(severity, { options: ['Urgent'] }).message).toBe('Severity must be one of Low, Medium, High');
    expect(one(severity, { options: ['Low', 'High'] }).message).toBe('Severity must be one of Low, Medium, High');
    const areas = def('are', 'Areas', MULTI, { options: ['UI', 'API'] });
    expect(one(areas, { options: ['UI', 'UI'] }).message).toBe("Areas lists 'UI' twice");
    expect(one(areas, { options: ['UI', 'DB'] }).message).toBe('Areas takes only UI, API');
    expect(one(notes, { text: 'x'.repeat(CUSTOM_FIELD_LIMITS.textMax + 1) }).message).toMatch(/at most 2000 characters/);
    expect(one(notes, { text: 'bell\u0007' }).message).toMatch(/control character/);
  });

  it('CF-7 a field applies to its item types (all when none); a new item lacks the required fields of its type only', () => {
    expect(appliesTo(severity, 'BUG')).toBe(true);
    expect(appliesTo(severity, 'TASK')).toBe(false);
    expect(appliesTo(notes, 'EPIC')).toBe(true);
    const required = def('r', 'Owner team', TEXT, { required: true });
    expect(missingRequired([severity, notes, required], 'BUG', () => false).map((f) => f.name)).toEqual(['Severity', 'Owner team']);
    expect(missingRequired([severity, notes, required], 'TASK', () => false).map((f) => f.name)).toEqual(['Owner team']);
    expect(missingRequired([severity, required], 'BUG', (id) => id === 'sev').map((f) => f.name)).toEqual(['Owner team']);
  });

  it('CF-8 values read as text for history and exports; equal values compare equal', () => {
    expect(customValueText(severity, { options: ['High'] })).toBe('High');
    expect(customValueText(def('a', 'Areas', MULTI), { options: ['UI', 'DB'] })).toBe('UI, DB');
    expect(customValueText(def('e', 'Estimate', NUMBER), { number: 0 })).toBe('0');
    expect(customValueText(def('p', 'Reviewer', PERSON), { userId: 'u1' }, () => 'Ada')).toBe('Ada');
    expect(customValueText(notes, null)).toBeNull();
    expect(sameCustomValue({ fieldId: 'a', number: 1 }, { fieldId: 'a', number: 1 })).toBe(true);
    expect(sameCustomValue({ fieldId: 'a', number: 0 }, null)).toBe(false);
    expect(sameCustomValue({ fieldId: 'a', text: '' }, null)).toBe(true);
    expect(fieldText(severity)).toBe('Severity (single select: Low, Medium, High; required; bugs)');
  });
});
