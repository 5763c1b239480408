// A notification in words and where it leads (notification-words.ts).
import { describe, expect, it } from 'vitest';
import { NotificationKind, type INotification } from '../../../shared/proto.ts';
import { notificationDetail, notificationHref, notificationSentence } from './notification-words.ts';

const K = NotificationKind;
const about = (kind: NotificationKind, extra: Partial<INotification> = {}): INotification => ({
  kind, actorName: 'Ada Lovelace', projectKey: 'WEB', workItemKey: 'WEB-12', title: 'Checkout copy', count: 1, ...extra,
});

describe('notifications in words', () => {
  it('INBOX-8 each kind says who did what to which item or sprint; grouped ones say how many more', () => {
    expect(notificationSentence(about(K.NOTIFICATION_KIND_MENTIONED))).toBe('Ada Lovelace mentioned you on WEB-12 Checkout copy');
    expect(notificationSentence(about(K.NOTIFICATION_KIND_ASSIGNED))).toBe('Ada Lovelace assigned you WEB-12 Checkout copy');
    expect(notificationSentence(about(K.NOTIFICATION_KIND_COMMENTED, { count: 3 }))).toBe('Ada Lovelace commented on WEB-12 Checkout copy and 2 more changes');
    expect(notificationSentence(about(K.NOTIFICATION_KIND_STATUS_CHANGED, { excerpt: 'Done', count: 20 }))).toBe('Ada Lovelace moved WEB-12 Checkout copy to Done and 19 more changes');
    expect(notificationSentence(about(K.NOTIFICATION_KIND_STATUS_CHANGED, { count: 2 }))).toBe('Ada Lovelace changed the status of WEB-12 Checkout copy and 1 more change');
    const sprint = { workItemKey: '', title: 'Sprint 3', sprintId: 's3' };
    expect(notificationSentence(about(K.NOTIFICATION_KIND_SPRINT_STARTED, sprint))).toBe('Ada Lovelace started Sprint 3 in WEB');
    expect(notificationSentence(about(K.NOTIFICATION_KIND_SPRINT_COMPLETED, { ...sprint, actorName: '' }))).toBe('Someone completed Sprint 3 in WEB');
  });

  it('INBOX-9 the line under it is a comment\'s start or a sprint\'s goal, never what the sentence already says', () => {
    expect(notificationDetail(about(K.NOTIFICATION_KIND_COMMENTED, { excerpt: 'Looks good' }))).toBe('Looks good');
    expect(notificationDetail(about(K.NOTIFICATION_KIND_STATUS_CHANGED, { excerpt: 'Done' }))).toBe('');
    expect(notificationDetail(about(K.NOTIFICATION_KIND_MENTIONED, { excerpt: 'Checkout copy' }))).toBe('');
    expect(notificationDetail(about(K.NOTIFICATION_KIND_ASSIGNED))).toBe('');
  });

  it('INBOX-10 an entry opens its item on the board, a sprint\'s the backlog', () => {
    expect(notificationHref(about(K.NOTIFICATION_KIND_MENTIONED))).toBe('/p/WEB/item/12');
    expect(notificationHref(about(K.NOTIFICATION_KIND_SPRINT_STARTED, { workItemKey: '', sprintId: 's3' }))).toBe('/p/WEB/backlog');
  });
});
