// One item's attachments (attachments.ts): the reducer, and the list shown with our unanswered deletes off it.
import { describe, expect, it } from 'vitest';
import type { IAttachment, IEvent } from '../../../../shared/proto.ts';
import { applyAttachment, attachmentsReducer, attachmentView, fromAttachments } from './attachments.ts';

const file = (id: string, at: number, extra: Partial<IAttachment> = {}): IAttachment => ({ id, workItemId: 'i1', fileName: `${id}.png`, uploadedAtMs: at, ...extra });
const changed = (attachment: IAttachment, removed = false): IEvent => ({ projectId: 'p', seq: 1, attachment: { attachment, removed } });

describe('attachments', () => {
  it('ATTACH-13 the list, then uploads and deletes from events and Results, once each; other items ignored; our deletes hidden until answered; oldest first', () => {
    const held = fromAttachments([file('b', 20), file('gone', 5, { deletedAtMs: 9 }), file('a', 10)]);
    expect([...held.keys()]).toEqual(['b', 'a']);

    const added = attachmentsReducer.event(held, changed(file('c', 30)), 'i1');
    expect(attachmentView(added, []).map((a) => a.id)).toEqual(['a', 'b', 'c']);
    // The upload's HTTP answer and its event are the same attachment: the second changes nothing.
    expect(applyAttachment(added, file('c', 30), 'i1')).toBe(added);
    expect(attachmentsReducer.event(added, changed(file('x', 1, { workItemId: 'i2' })), 'i1')).toBe(added);

    const deleted = attachmentsReducer.reply(added, { ok: true, messageId: 'm', command: 'deleteAttachment', meta: null, result: { attachment: file('a', 10, { deletedAtMs: 40 }) } }, 'i1');
    expect([...deleted.keys()]).toEqual(['b', 'c']);
    expect(attachmentsReducer.event(deleted, changed(file('a', 10, { deletedAtMs: 40 }), true), 'i1')).toBe(deleted);

    expect(attachmentView(deleted, [{ messageId: 'm2', id: 'b' }]).map((a) => a.id)).toEqual(['c']);
  });
});
