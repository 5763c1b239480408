// The kinds of project event a webhook can ask for (docs/PROTOCOL.md §2.7),
// declared once: the server's outbox names each stored event by it, the
// settings page lists them with their labels. One kind per `Event.change`
// case a project sends, work items split by what happened to them, since
// that is what a receiver most often filters on.
import type { IEvent } from '../proto.ts';

export const WEBHOOK_EVENT_KINDS = {
  'work_item.created': 'Work item created',
  'work_item.changed': 'Work item changed (fields, moves, claims)',
  'work_item.deleted': 'Work item deleted',
  'work_item.restored': 'Work item restored',
  comment: 'Comment added, edited or deleted',
  sprint: 'Sprint created, changed, started or completed',
  member: 'Project member added, changed or removed',
  link: 'Work items linked or unlinked',
} as const;

export type WebhookEventKind = keyof typeof WEBHOOK_EVENT_KINDS;

export const WEBHOOK_EVENT_KIND_NAMES = Object.keys(WEBHOOK_EVENT_KINDS) as WebhookEventKind[];

export const isWebhookEventKind = (name: string): name is WebhookEventKind => Object.hasOwn(WEBHOOK_EVENT_KINDS, name);

/**
 * The kind of a stored event, from its change and the changed-field names
 * stored with it (`created`, `deleted`, `restored` mark an item's life);
 * null for a change no webhook receives (a project created).
 */
export function webhookKindOf(change: Pick<IEvent, 'workItem' | 'comment' | 'sprint' | 'member' | 'link'>, changedFields: readonly string[]): WebhookEventKind | null {
  if (change.workItem) {
    if (changedFields.includes('created')) return 'work_item.created';
    if (changedFields.includes('deleted')) return 'work_item.deleted';
    if (changedFields.includes('restored')) return 'work_item.restored';
    return 'work_item.changed';
  }
  if (change.comment) return 'comment';
  if (change.sprint) return 'sprint';
  if (change.member) return 'member';
  if (change.link) return 'link';
  return null;
}
