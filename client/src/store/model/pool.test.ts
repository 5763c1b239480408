// Pull mode on the client (pool.ts): the Pool's ready list and each person's
// claimed work, what an item command is to pull mode's rules and the rules'
// words on the client, the release write, and what a lost claim says.
import { describe, expect, it } from 'vitest';
import { NOBODY_ASSIGNS, pullModeRefusal } from '../../../../shared/domain/pull-mode.ts';
import { RequestError } from '../../../../shared/sdk/errors.ts';
import { ErrorCode, ItemType, Priority, Role, StatusCategory, type IMember, type IWorkflowStatus, type IWorkItem } from '../../../../shared/proto.ts';
import { applyOps } from './item-ops.ts';
import { fromItems, toCard, type Card } from './items.ts';
import { releaseWrite, type ItemsNow } from './item-writes.ts';
import { localId } from './local-ids.ts';
import { plainError } from './plain-error.ts';
import { claimLostWords, isReady, poolOf, pullSubject, pullWriteOf } from './pool.ts';

const C = StatusCategory;
const statuses: IWorkflowStatus[] = [
  { id: 'backlog', name: 'Backlog', category: C.STATUS_CATEGORY_BACKLOG, position: 0 },
  { id: 'todo', name: 'To Do', category: C.STATUS_CATEGORY_UNSTARTED, position: 1 },
  { id: 'ready', name: 'Ready', category: C.STATUS_CATEGORY_UNSTARTED, position: 2 },
  { id: 'doing', name: 'In Progress', category: C.STATUS_CATEGORY_STARTED, position: 3 },
  { id: 'done', name: 'Done', category: C.STATUS_CATEGORY_COMPLETED, position: 4 },
];
const members: IMember[] = [
  { userId: 'ada', displayName: 'Ada Lovelace', role: Role.ROLE_ADMIN },
  { userId: 'bob', displayName: 'Bob Babbage', role: Role.ROLE_EDITOR },
  { userId: 'vic', displayName: 'Vic Viewer', role: Role.ROLE_VIEWER },
  { userId: 'cy', displayName: 'Cy Young', role: Role.ROLE_EDITOR },
];
const card = (id: string, statusId: string, rank: string, extra: Partial<IWorkItem> = {}): Card =>
  toCard({ id, projectId: 'p1', key: `WEB-${id}`, number: Number(id.replace(/\D/g, '') || 0), statusId, rank, title: id, version: 3, itemType: ItemType.ITEM_TYPE_TASK, ...extra });

describe('the Pool', () => {
  it('POOL-1 ready to pull: unclaimed, in a to-do column, not an epic, answered by the server; by rank, then priority, then number', () => {
    const cards = [
      card('i1', 'todo', 'M', { priority: Priority.PRIORITY_LOW }),
      card('i2', 'ready', 'M', { priority: Priority.PRIORITY_URGENT }),
      card('i3', 'todo', 'A'),
      card('i4', 'todo', 'B', { assigneeId: 'bob' }),
      card('i5', 'backlog', 'A'),
      card('i6', 'doing', 'A'),
      card('i7', 'done', 'A'),
      card('i8', 'todo', 'C', { itemType: ItemType.ITEM_TYPE_EPIC }),
      card(localId('m1'), 'todo', 'D'),
      card('i9', 'todo', 'M', { priority: Priority.PRIORITY_LOW }),
    ];
    expect(poolOf(cards, statuses, members, 'ada').ready.map((c) => c.id)).toEqual(['i3', 'i2', 'i1', 'i9']);
    expect(isReady(card('x', 'todo', 'A'), C.STATUS_CATEGORY_UNSTARTED)).toBe(true);
    expect(isReady(card('x', 'todo', 'A'), undefined)).toBe(false);
  });

  it("POOL-2 claimed work by person: the asker first, then by name; editors and admins even with nothing, a viewer only when holding work; finished work left out; each list in board order", () => {
    const cards = [
      card('i1', 'todo', 'B', { assigneeId: 'bob' }),
      card('i2', 'doing', 'A', { assigneeId: 'bob' }),
      card('i3', 'todo', 'A', { assigneeId: 'bob' }),
      card('i4', 'done', 'A', { assigneeId: 'bob' }),
      card('i5', 'doing', 'A', { assigneeId: 'gone' }),
    ];
    const people = poolOf(cards, statuses, members, 'bob').people;
    expect(people.map((p) => [p.userId, p.name, p.items.map((c) => c.id)])).toEqual([
      ['bob', 'Bob Babbage', ['i3', 'i1', 'i2']],
      ['ada', 'Ada Lovelace', []],
      ['cy', 'Cy Young', []],
      ['gone', 'Someone no longer in the project', ['i5']],
    ]);
  });

  it('POOL-3 what each item command is to pull mode: creates and edits with the assignee they leave; claims and releases have rules of their own', () => {
    expect(pullWriteOf({ createWorkItem: { projectId: 'p1', title: 'x' } })).toEqual({ kind: 'create', assigneeId: '' });
    expect(pullWriteOf({ createWorkItem: { projectId: 'p1', title: 'x', assigneeId: 'bob' } })).toEqual({ kind: 'create', assigneeId: 'bob' });
    expect(pullWriteOf({ updateWorkItem: { workItemId: 'a', title: 'x' } })).toEqual({ kind: 'edit' });
    expect(pullWriteOf({ updateWorkItem: { workItemId: 'a', assigneeId: 'bob' } })).toEqual({ kind: 'edit', assigneeId: 'bob' });
    expect(pullWriteOf({ updateWorkItem: { workItemId: 'a', clear: ['assignee_id'] } })).toEqual({ kind: 'edit', assigneeId: '' });
    expect(pullWriteOf({ moveWorkItem: { workItemId: 'a' } })).toEqual({ kind: 'edit' });
    expect(pullWriteOf({ deleteWorkItem: { workItemId: 'a' } })).toEqual({ kind: 'edit' });
    expect(pullWriteOf({ restoreWorkItem: { workItemId: 'a' } })).toEqual({ kind: 'edit' });
    expect(pullWriteOf({ claimWorkItem: { workItemId: 'a' } })).toBeNull();
    expect(pullWriteOf({ releaseWorkItem: { workItemId: 'a' } })).toBeNull();
  });

  it("POOL-4 the client asks pull mode's rules as the server does: someone else's claim is theirs (and an admin's), nobody assigns anyone else; a refusal in the rule's words", () => {
    const names = (id: string) => members.find((m) => m.userId === id)?.displayName ?? 'someone else';
    const bobs = card('i1', 'doing', 'A', { assigneeId: 'bob' });
    const asCy = pullSubject({ pullMode: true }, bobs, { id: 'cy', isAdmin: false }, names);
    expect(asCy).toEqual({ pullMode: true, callerId: 'cy', callerIsAdmin: false, itemKey: 'WEB-i1', assigneeId: 'bob', assigneeName: 'Bob Babbage' });
    expect(pullModeRefusal(asCy, { kind: 'edit' })?.message).toBe('WEB-i1 is claimed by Bob Babbage: in pull mode only the claimer or an admin edits it');
    expect(pullModeRefusal(pullSubject({ pullMode: true }, bobs, { id: 'ada', isAdmin: true }, names), { kind: 'edit' })).toBeNull();
    expect(pullModeRefusal(pullSubject({ pullMode: false }, bobs, { id: 'cy', isAdmin: false }, names), { kind: 'edit' })).toBeNull();
    const free = pullSubject({ pullMode: true }, card('i2', 'todo', 'A'), { id: 'cy', isAdmin: false }, names);
    expect(pullModeRefusal(free, { kind: 'edit', assigneeId: 'bob' })?.message).toBe(NOBODY_ASSIGNS);
    expect(pullModeRefusal(free, { kind: 'edit', assigneeId: 'cy' })).toBeNull();
    // Said in the rule's words, where any other PERMISSION_DENIED speaks of the role.
    const refused = new RequestError(ErrorCode.ERROR_CODE_PERMISSION_DENIED, pullModeRefusal(asCy, { kind: 'edit' })!.message, 'work_item_id');
    expect(plainError('move WEB-i1', refused)).toBe('Could not move WEB-i1: WEB-i1 is claimed by Bob Babbage: in pull mode only the claimer or an admin edits it.');
    expect(plainError('move WEB-i1', new RequestError(ErrorCode.ERROR_CODE_PERMISSION_DENIED, 'no'))).toBe('Could not move WEB-i1: your role in this project does not allow it.');
  });

  it('POOL-5 a release shows the item unclaimed at once (nothing to send for an unclaimed one); a lost claim names who has it', () => {
    const confirmed = fromItems([
      { id: 'a', projectId: 'p1', key: 'WEB-1', statusId: 'doing', rank: 'A', version: 4, assigneeId: 'bob' },
      { id: 'b', projectId: 'p1', key: 'WEB-2', statusId: 'todo', rank: 'B', version: 1 },
    ]);
    const now: ItemsNow = { confirmed, view: confirmed, ops: [], projectId: 'p1' };
    const w = releaseWrite(now, 'r1', 'a')!;
    expect(w.command).toEqual({ releaseWorkItem: { workItemId: 'a' } });
    expect(w.action).toBe('release WEB-1');
    expect(applyOps(confirmed, [w.op]).get('a')?.assigneeId).toBeFalsy();
    expect(releaseWrite(now, 'r2', 'b')).toBeNull();
    expect(claimLostWords('WEB-3', 'Bob Babbage')).toBe('WEB-3 was just claimed by Bob Babbage.');
    expect(claimLostWords('', '')).toBe('The item was just claimed by someone else.');
  });
});
