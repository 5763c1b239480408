// Pull mode's rules (shared/domain/pull-mode.ts, docs/PROTOCOL.md §5.2): what
// the client refuses optimistically and the server refuses for real.
import { describe, expect, it } from 'vitest';
import { NOBODY_ASSIGNS, pullModeRefusal, releaseRefusal, type PullSubject } from './pull-mode.ts';

const ADA = 'ada';
const BOB = 'bob';
const CAROL = 'carol';

/** Ada, an editor, on WEB-3 in a pull-mode project, unclaimed unless said. */
function as(over: Partial<PullSubject> = {}): PullSubject {
  return { pullMode: true, callerId: ADA, callerIsAdmin: false, itemKey: 'WEB-3', assigneeId: '', assigneeName: '', ...over };
}
const heldByBob = (over: Partial<PullSubject> = {}) => as({ assigneeId: BOB, assigneeName: 'Bob', ...over });

describe('pull mode', () => {
  it('PULL-1 outside pull mode nothing is refused: assigning anyone, editing anyone\'s item', () => {
    const off = { pullMode: false };
    expect(pullModeRefusal(as(off), { kind: 'create', assigneeId: BOB })).toBeNull();
    expect(pullModeRefusal(heldByBob(off), { kind: 'edit', assigneeId: CAROL })).toBeNull();
    expect(pullModeRefusal(heldByBob(off), { kind: 'edit' })).toBeNull();
  });

  it('PULL-2 nobody assigns anyone else: not on create, not on an edit, not an admin', () => {
    const refusal = { field: 'assignee_id', message: NOBODY_ASSIGNS };
    expect(NOBODY_ASSIGNS).toBe('Pull mode: people claim work themselves; nobody assigns anyone else');
    expect(pullModeRefusal(as(), { kind: 'create', assigneeId: BOB })).toEqual(refusal);
    expect(pullModeRefusal(as(), { kind: 'edit', assigneeId: BOB })).toEqual(refusal);
    expect(pullModeRefusal(as({ callerIsAdmin: true }), { kind: 'create', assigneeId: BOB })).toEqual(refusal);
    expect(pullModeRefusal(heldByBob({ callerIsAdmin: true }), { kind: 'edit', assigneeId: CAROL })).toEqual(refusal);
    // A claim of one's own handed on is an assignment too.
    expect(pullModeRefusal(as({ assigneeId: ADA }), { kind: 'edit', assigneeId: BOB })).toEqual(refusal);
  });

  it('PULL-3 taking an unclaimed item is a claim; taking a claimed one is not, even for an admin', () => {
    expect(pullModeRefusal(as(), { kind: 'create', assigneeId: ADA })).toBeNull();
    expect(pullModeRefusal(as(), { kind: 'create', assigneeId: '' })).toBeNull();
    expect(pullModeRefusal(as(), { kind: 'edit', assigneeId: ADA })).toBeNull();
    expect(pullModeRefusal(heldByBob({ callerIsAdmin: true }), { kind: 'edit', assigneeId: ADA })).toEqual({
      field: 'assignee_id',
      message: 'WEB-3 is claimed by Bob: in pull mode it is released before anyone else claims it',
    });
  });

  it('PULL-4 only the claimer or an admin edits a claimed item; an admin may clear the claim', () => {
    const refusal = { field: 'work_item_id', message: 'WEB-3 is claimed by Bob: in pull mode only the claimer or an admin edits it' };
    expect(pullModeRefusal(heldByBob(), { kind: 'edit' })).toEqual(refusal);
    expect(pullModeRefusal(heldByBob(), { kind: 'edit', assigneeId: '' })).toEqual(refusal);
    expect(pullModeRefusal(heldByBob(), { kind: 'edit', assigneeId: ADA })).toEqual(refusal);
    expect(pullModeRefusal(heldByBob(), { kind: 'edit', assigneeId: BOB })).toEqual(refusal);
    expect(pullModeRefusal(heldByBob({ assigneeName: '' }), { kind: 'edit' })?.message).toMatch(/^WEB-3 is claimed by someone else:/);

    expect(pullModeRefusal(heldByBob({ callerId: BOB }), { kind: 'edit' })).toBeNull();
    expect(pullModeRefusal(heldByBob({ callerId: BOB }), { kind: 'edit', assigneeId: '' })).toBeNull();
    expect(pullModeRefusal(heldByBob({ callerIsAdmin: true }), { kind: 'edit' })).toBeNull();
    expect(pullModeRefusal(heldByBob({ callerIsAdmin: true }), { kind: 'edit', assigneeId: '' })).toBeNull();
    // Setting the assignee it has is no assignment.
    expect(pullModeRefusal(heldByBob({ callerIsAdmin: true }), { kind: 'edit', assigneeId: BOB })).toBeNull();
    expect(pullModeRefusal(as(), { kind: 'edit' })).toBeNull();
  });

  it('PULL-5 a claim is released by its claimer or an admin, whatever the mode; an unclaimed item by anyone', () => {
    expect(releaseRefusal(heldByBob())).toEqual({ field: 'work_item_id', message: 'WEB-3 is claimed by Bob: only the claimer or an admin releases a claim' });
    expect(releaseRefusal(heldByBob({ pullMode: false }))).not.toBeNull();
    expect(releaseRefusal(heldByBob({ callerId: BOB }))).toBeNull();
    expect(releaseRefusal(heldByBob({ callerIsAdmin: true }))).toBeNull();
    expect(releaseRefusal(as())).toBeNull();
  });
});
