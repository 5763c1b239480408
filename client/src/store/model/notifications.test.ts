// The inbox model (notifications.ts): lists, notices, and marks laid over them until answered.
import { describe, expect, it } from 'vitest';
import { NotificationKind, type INotification } from '../../../../shared/proto.ts';
import { EMPTY_INBOX, listed, markingAllRead, markingRead, noticed, settingMuted, settled, shownInbox, type Inbox } from './notifications.ts';

const n = (id: string, updatedAt: number, extra: Partial<INotification> = {}): INotification => ({
  id, kind: NotificationKind.NOTIFICATION_KIND_COMMENTED, updatedAt, count: 1, read: false, ...extra,
});
const ids = (inbox: Pick<Inbox, 'items'>) => inbox.items.map((x) => x.id);
const held = listed(EMPTY_INBOX, { notifications: [n('b', 200), n('a', 100), n('c', 300, { read: true })], unread: 5, settings: { muted: [NotificationKind.NOTIFICATION_KIND_SPRINT_STARTED] } });

describe('the inbox', () => {
  it('INBOX-1 a list answer replaces what is held, latest change first, with the count and the settings', () => {
    expect(EMPTY_INBOX.loaded).toBe(false);
    expect(held.loaded).toBe(true);
    expect(ids(held)).toEqual(['c', 'b', 'a']);
    expect(held.unread).toBe(5);
    expect(held.muted).toEqual([NotificationKind.NOTIFICATION_KIND_SPRINT_STARTED]);
    const again = listed(held, { notifications: [n('d', 400)], unread: 1 });
    expect(ids(again)).toEqual(['d']);
    expect(again).toMatchObject({ unread: 1, muted: [] });
  });

  it('INBOX-2 a notice puts its notification on top; a grown one replaces its older copy; a late older copy changes nothing but the count', () => {
    const made = noticed(held, { notification: n('e', 500), unread: 6 });
    expect(ids(made)).toEqual(['e', 'c', 'b', 'a']);
    expect(made.unread).toBe(6);
    const grown = noticed(made, { notification: n('a', 600, { count: 4 }), unread: 6 });
    expect(ids(grown)).toEqual(['a', 'e', 'c', 'b']);
    expect(grown.items[0]!.count).toBe(4);
    const late = noticed(grown, { notification: n('a', 550, { count: 3 }), unread: 6 });
    expect(late.items).toBe(grown.items);
    // Before the first list too: the list then replaces it.
    expect(ids(noticed(EMPTY_INBOX, { notification: n('x', 1), unread: 1 }))).toEqual(['x']);
  });

  it('INBOX-3 a notice with only the count (another tab marked some read) sets the count', () => {
    const marked = noticed(held, { unread: 2 });
    expect(marked.unread).toBe(2);
    expect(marked.items).toBe(held.items);
  });

  it('INBOX-4 marking some read shows them read and the count down at once; the reply\'s list then stands', () => {
    const marking = markingRead(held, 'm1', ['a', 'c']);
    const shown = shownInbox(marking);
    expect(shown.items.map((x) => [x.id, x.read])).toEqual([['c', true], ['b', false], ['a', true]]);
    // Only a was unread: one fewer.
    expect(shown.unread).toBe(4);
    const answered = settled(marking, 'm1', { notifications: [n('c', 300, { read: true }), n('b', 200), n('a', 100, { read: true })], unread: 4 });
    expect(answered.pending).toEqual([]);
    expect(shownInbox(answered).unread).toBe(4);
  });

  it('INBOX-5 a refused mark comes off and the inbox is as the server has it; a reply to a mark of an earlier page still brings its list', () => {
    const marking = markingRead(held, 'm1', ['a']);
    const refused = settled(marking, 'm1', null);
    expect(shownInbox(refused)).toEqual(shownInbox(held));
    expect(settled(held, 'unknown', null)).toBe(held);
    expect(ids(settled(held, 'earlier-page', { notifications: [n('z', 9)], unread: 1 }))).toEqual(['z']);
  });

  it('INBOX-6 marking all read covers what happened so far, older ones the list does not hold too; news after it stays unread', () => {
    const all = markingAllRead(held, 'm2');
    expect(shownInbox(all).unread).toBe(0);
    expect(shownInbox(all).items.every((x) => x.read)).toBe(true);
    const news = noticed(all, { notification: n('f', 700), unread: 6 });
    expect(shownInbox(news).unread).toBe(1);
    expect(shownInbox(news).items.find((x) => x.id === 'f')!.read).toBe(false);
    // A mark of one item does not cover a change of it made after the mark.
    const one = noticed(markingRead(held, 'm3', ['b']), { notification: n('b', 800, { count: 2 }), unread: 5 });
    expect(shownInbox(one).items.find((x) => x.id === 'b')!.read).toBe(false);
  });

  it('INBOX-7 settings show at once and the reply\'s list stands; a list arriving meanwhile does not undo them', () => {
    const muting = settingMuted(held, 's1', [NotificationKind.NOTIFICATION_KIND_COMMENTED]);
    expect(shownInbox(muting).muted).toEqual([NotificationKind.NOTIFICATION_KIND_COMMENTED]);
    const relisted = listed(muting, { notifications: [], unread: 0, settings: { muted: [] } });
    expect(shownInbox(relisted).muted).toEqual([NotificationKind.NOTIFICATION_KIND_COMMENTED]);
    const answered = settled(relisted, 's1', { notifications: [], unread: 0, settings: { muted: [NotificationKind.NOTIFICATION_KIND_COMMENTED] } });
    expect(answered.pending).toEqual([]);
    expect(shownInbox(answered).muted).toEqual([NotificationKind.NOTIFICATION_KIND_COMMENTED]);
  });
});
