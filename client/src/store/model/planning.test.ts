// The pure parts of the sprints, members and presence slices.
import { describe, expect, it } from 'vitest';
import { Role, SprintState } from '../../../../shared/proto.ts';
import { upsertMember } from './members.ts';
import { applyPresence } from './presence.ts';
import { sprintFieldOfWire, sprintPatch, sprintProblem } from './sprint-edit.ts';
import { applySprint, openSprints } from './sprints.ts';

describe('sprints', () => {
  it('keeps the newest version whichever arrives last', () => {
    let m = applySprint(new Map(), { id: 's', version: 2, name: 'new' });
    m = applySprint(m, { id: 's', version: 1, name: 'old' });
    expect(m.get('s')!.name).toBe('new');
    m = applySprint(m, { id: 's', version: 3, name: 'newer' });
    expect(m.get('s')!.name).toBe('newer');
  });

  it('lists the active sprint first, then planned by start date (undated last); completed ones not at all', () => {
    const list = openSprints([
      { id: 'a', name: 'Undated', state: SprintState.SPRINT_STATE_PLANNED },
      { id: 'b', name: 'Later', state: SprintState.SPRINT_STATE_PLANNED, startDate: '2030-02-01' },
      { id: 'c', name: 'Done', state: SprintState.SPRINT_STATE_COMPLETED },
      { id: 'd', name: 'Sooner', state: SprintState.SPRINT_STATE_PLANNED, startDate: '2030-01-01' },
      { id: 'e', name: 'Now', state: SprintState.SPRINT_STATE_ACTIVE, startDate: '2031-01-01' },
    ]);
    expect(list.map((s) => s.name)).toEqual(['Now', 'Sooner', 'Later', 'Undated']);
  });
});

describe('members', () => {
  it('replaces a member by user id and drops a removed one', () => {
    const list = [{ userId: 'u1', role: Role.ROLE_VIEWER }, { userId: 'u2', role: Role.ROLE_EDITOR }];
    expect(upsertMember(list, { userId: 'u1', role: Role.ROLE_EDITOR }, false).find((m) => m.userId === 'u1')!.role).toBe(Role.ROLE_EDITOR);
    expect(upsertMember(list, { userId: 'u2' }, true).map((m) => m.userId)).toEqual(['u1']);
  });
});

describe('presence', () => {
  const ev = (sessionId: string, userId: string, online: boolean, viewingWorkItemId = '') => ({
    projectId: 'p',
    seq: 0,
    presence: { sessionId, userId, displayName: userId, online, viewingWorkItemId },
  });

  it('keys by session: one person in two tabs stays while one tab closes', () => {
    let m = applyPresence(new Map(), ev('s1', 'bob', true));
    m = applyPresence(m, ev('s2', 'bob', true, 'item-1'));
    expect(m.size).toBe(2);
    expect(m.get('s2')!.viewingWorkItemId).toBe('item-1');
    m = applyPresence(m, ev('s1', 'bob', false));
    expect([...m.keys()]).toEqual(['s2']);
  });

  it('ignores events without presence', () => {
    const m = new Map();
    expect(applyPresence(m, { projectId: 'p', seq: 4 })).toBe(m);
  });
});

describe('sprint edits', () => {
  const base = { id: 's', name: 'Sprint 1', goal: 'Ship', startDate: '2030-01-06', endDate: '2030-01-17', version: 3 };

  it('SPRINT-EDIT-1 sends only the fields that changed', () => {
    expect(sprintPatch(base, { name: 'Sprint 1', goal: 'Ship it', startDate: '2030-01-06', endDate: '' })).toEqual({ goal: 'Ship it', endDate: '' });
    expect(sprintPatch(base, { name: 'Sprint 1', goal: 'Ship', startDate: '2030-01-06', endDate: '2030-01-17' })).toEqual({});
  });

  it('SPRINT-EDIT-2 says what is wrong in plain words, naming the field', () => {
    const ok = { name: 'Sprint 2', goal: '', startDate: '', endDate: '' };
    expect(sprintProblem(ok)).toBeNull();
    expect(sprintProblem({ ...ok, name: '  ' })).toEqual({ field: 'name', message: 'Give the sprint a name.' });
    expect(sprintProblem({ ...ok, name: 'x'.repeat(101) })?.field).toBe('name');
    expect(sprintProblem({ ...ok, startDate: '2030-02-30' })).toEqual({ field: 'startDate', message: 'The start date is not a real date.' });
    expect(sprintProblem({ ...ok, startDate: '2030-01-17', endDate: '2030-01-06' })).toEqual({ field: 'endDate', message: 'The sprint cannot end before it starts.' });
    expect(sprintFieldOfWire('end_date')).toBe('endDate');
    expect(sprintFieldOfWire('sprint_id')).toBeNull();
  });
});
