// A write replayed from an earlier page's outbox: its refusal becomes a
// conflict entry (the dialog) or a sentence, never nothing.
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../../shared/proto.ts';
import { RequestError } from '../../../../shared/sdk/errors.ts';
import type { Reply } from '../../../../shared/sdk/index.ts';
import { replayedRefusal } from './replayed.ts';
import type { BoardWriteMeta } from './write-meta.ts';

const theirs = { id: 'i1', projectId: 'p1', key: 'WEB-1', title: 'Their title', version: 4 };

const refused = (meta: BoardWriteMeta | null, error: RequestError): Reply => ({
  ok: false,
  messageId: 'm1',
  command: 'updateWorkItem',
  meta: meta && { ...meta, command: 'updateWorkItem', projectId: 'p1' },
  error,
});

const updateMeta: BoardWriteMeta = {
  board: 'p1',
  op: { kind: 'update', messageId: 'm1', itemId: 'i1', fields: { title: 'My title' } },
  patch: { title: 'My title' },
  itemKey: 'WEB-1',
  action: 'save WEB-1',
};

const conflict = new RequestError(ErrorCode.ERROR_CODE_CONFLICT, 'stale', '', { workItem: theirs });

describe('replayed writes', () => {
  it('REPLAY-1 a CONFLICT on a replayed update becomes a conflict entry with the persisted patch and their version', () => {
    const r = replayedRefusal(refused(updateMeta, conflict), 'p1');
    expect(r).toEqual({ kind: 'conflict', conflict: { id: 'm1', itemId: 'i1', itemKey: 'WEB-1', patch: { title: 'My title' }, theirs } });
  });

  it('REPLAY-2 a write without a patch (a move), or any other refusal, is said in words', () => {
    const move: BoardWriteMeta = { board: 'p1', op: { kind: 'move', messageId: 'm1', itemId: 'i1', statusId: 's2', afterId: '', beforeId: '' }, action: 'move WEB-1' };
    const r = replayedRefusal(refused(move, conflict), 'p1');
    expect(r?.kind).toBe('refused');
    expect(r?.kind === 'refused' && r.message).toMatch(/^Could not move WEB-1: someone changed/);
    const denied = replayedRefusal(refused(updateMeta, new RequestError(ErrorCode.ERROR_CODE_PERMISSION_DENIED, 'no')), 'p1');
    expect(denied?.kind === 'refused' && denied.message).toMatch(/^Could not save WEB-1: your role/);
  });

  it('REPLAY-4 a replayed sprint edit that meets a newer sprint is said in sprint words', () => {
    const stale = new RequestError(ErrorCode.ERROR_CODE_CONFLICT, 'stale', '', { sprint: { id: 's1', projectId: 'p1', version: 3 } });
    const r = replayedRefusal(refused({ board: 'p1', action: 'save Sprint 1' }, stale), 'p1');
    expect(r).toEqual({ kind: 'refused', message: 'Could not save Sprint 1: someone changed the sprint meanwhile. The backlog now shows their version.' });
  });

  it('REPLAY-3 nothing to say for a success, another board, or a write without board meta', () => {
    const ok: Reply = { ok: true, messageId: 'm1', command: 'updateWorkItem', meta: { ...updateMeta, command: 'updateWorkItem', projectId: 'p1' }, result: {} };
    expect(replayedRefusal(ok, 'p1')).toBeNull();
    expect(replayedRefusal(refused(updateMeta, conflict), 'p2')).toBeNull();
    expect(replayedRefusal(refused(null, conflict), 'p1')).toBeNull();
  });
});
