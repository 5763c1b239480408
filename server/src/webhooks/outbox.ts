// The outbox: a write queues the deliveries of each event it stores, in its
// own transaction (pipeline/write-recorder.ts calls this from `emit`), so the
// event and its deliveries are committed together or not at all. Nothing is
// sent here: the delivery worker sends after the commit, so a slow or failing
// receiver costs a write one insert per matching webhook, never a wait.
import { randomUUID } from 'node:crypto';
import { webhookKindOf } from '../../../shared/domain/webhook-events.ts';
import type { IEvent } from '../../../shared/proto.ts';
import type { AppendedEvent } from '../storage/events.ts';
import { findProject } from '../storage/projects.ts';
import type { SqlRunner } from '../storage/sql.ts';
import { insertDelivery } from '../storage/webhook-deliveries.ts';
import { webhooksFor } from '../storage/webhooks.ts';
import { deliveryBody, eventJson } from './payload.ts';
import { RETRY_FOR_MS } from './retry-schedule.ts';

/** Queues one delivery per webhook that takes this event; returns how many. */
export function enqueueDeliveries(
  db: SqlRunner,
  appended: AppendedEvent,
  change: Pick<IEvent, 'workItem' | 'comment' | 'sprint' | 'member' | 'link'>,
  changedFields: readonly string[],
  now: number,
): number {
  const kind = webhookKindOf(change, changedFields);
  if (kind === null) return 0;
  const webhooks = webhooksFor(db, kind, appended.projectId);
  if (webhooks.length === 0) return 0;
  const event = eventJson(appended.payload);
  const projectKey = findProject(db, appended.projectId)?.key ?? '';
  for (const webhookId of webhooks) {
    const deliveryId = randomUUID();
    insertDelivery(db, {
      id: deliveryId,
      webhookId,
      projectId: appended.projectId,
      seq: appended.seq,
      kind,
      body: deliveryBody(event, { deliveryId, webhookId, kind, projectKey, changedFields }),
      at: now,
      giveUpAt: now + RETRY_FOR_MS,
    });
  }
  return webhooks.length;
}
