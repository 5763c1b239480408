// One item's comments (comments.ts): the reducer, and the list shown with our pending writes on it.
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../../shared/proto.ts';
import { RequestError } from '../../../../shared/sdk/errors.ts';
import { commentsReducer, commentView, fromComments, type ItemComment } from './comments.ts';

describe('comment reducer', () => {
  const held = fromComments([
    { id: 'a', workItemId: 'i1', body: 'first', version: 2 },
    { id: 'gone', workItemId: 'i1', body: 'x', version: 1, deletedAt: 5 },
  ]);

  it("MODEL-16 events and Results of the open item's comments land; older versions, other items and deletions are handled", () => {
    expect([...held.keys()]).toEqual(['a']);
    const edited = commentsReducer.event(held, { projectId: 'p', seq: 1, comment: { comment: { id: 'a', workItemId: 'i1', body: 'edited', version: 3 } } }, 'i1');
    expect(edited.get('a')?.body).toBe('edited');
    expect(commentsReducer.event(edited, { projectId: 'p', seq: 2, comment: { comment: { id: 'a', workItemId: 'i1', body: 'old', version: 2 } } }, 'i1')).toBe(edited);
    expect(commentsReducer.event(held, { projectId: 'p', seq: 3, comment: { comment: { id: 'b', workItemId: 'i2', version: 1 } } }, 'i1')).toBe(held);
    const added = commentsReducer.reply(held, { ok: true, messageId: 'm', command: 'addComment', meta: null, result: { comment: { id: 'b', workItemId: 'i1', version: 1 } } }, 'i1');
    expect([...added.keys()]).toEqual(['a', 'b']);
    const theirs = new RequestError(ErrorCode.ERROR_CODE_CONFLICT, 'stale', '', { comment: { id: 'a', workItemId: 'i1', body: 'theirs', version: 4 } });
    expect(commentsReducer.reply(held, { ok: false, messageId: 'm', command: 'editComment', meta: null, error: theirs }, 'i1').get('a')?.body).toBe('theirs');
    const deleted = commentsReducer.event(held, { projectId: 'p', seq: 4, comment: { comment: { id: 'a', workItemId: 'i1', version: 3, deletedAt: 9 } } }, 'i1');
    expect(deleted.size).toBe(0);
  });
});

describe('comment view', () => {
  it('lays pending adds, edits and deletes over the server comments, oldest first', () => {
    const c = (id: string, at: number): ItemComment => ({ id, body: id, createdAt: at, version: 1 });
    const confirmed = new Map([
      ['a', c('a', 1)],
      ['b', c('b', 2)],
    ]);
    const view = commentView(confirmed, [
      { kind: 'add', messageId: 'm1', comment: { ...c('local-1', 3), pending: true } },
      { kind: 'edit', messageId: 'm2', id: 'a', body: 'edited' },
      { kind: 'delete', messageId: 'm3', id: 'b' },
    ]);
    expect(view.map((x) => [x.id, x.body, !!x.pending])).toEqual([
      ['a', 'edited', true],
      ['local-1', 'local-1', true],
    ]);
  });
});
