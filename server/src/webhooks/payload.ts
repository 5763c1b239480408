// The JSON body of a delivery (docs/PROTOCOL.md §2.7): the same shape for
// every kind, the entity as the socket's protobuf message turned into JSON
// by protobufjs (camelCase fields, every field present, enums by name, int64
// as numbers), so a receiver reads what a socket client would decode.
import type { WebhookEventKind } from '../../../shared/domain/webhook-events.ts';
import { pb } from '../../../shared/proto.ts';

export interface DeliveryBody {
  deliveryId: string;
  webhookId: string;
  kind: WebhookEventKind;
  projectId: string;
  projectKey: string;
  /** The event's seq in its project: ordered and gap-free there, so a receiver can sort and spot what it missed. */
  seq: number;
  actorId: string;
  occurredAtMs: number;
  /** The same moment as ISO 8601 text, UTC. */
  occurredAt: string;
  changedFields: string[];
  /** True when a member left the project or a link was removed. */
  removed: boolean;
  /** The work item, comment, sprint, member or link after the change. */
  entity: Record<string, unknown>;
}

const AS_JSON: Parameters<typeof pb.Event.toObject>[1] = { enums: String, longs: Number, defaults: true };

/** What every webhook's body for one event shares: decoded once per event, however many webhooks take it. */
export type EventJson = Pick<DeliveryBody, 'projectId' | 'seq' | 'actorId' | 'occurredAtMs' | 'removed' | 'entity'>;

export function eventJson(payload: Uint8Array): EventJson {
  const e = pb.Event.toObject(pb.Event.decode(payload), AS_JSON);
  return {
    projectId: e.projectId,
    seq: e.seq,
    actorId: e.actorId,
    occurredAtMs: e.occurredAtMs,
    removed: Boolean(e.member?.removed ?? e.link?.removed ?? false),
    entity: e.workItem?.workItem ?? e.comment?.comment ?? e.sprint?.sprint ?? e.member?.member ?? e.link?.link ?? {},
  };
}

export interface DeliveryFacts {
  deliveryId: string;
  webhookId: string;
  kind: WebhookEventKind;
  projectKey: string;
  changedFields: readonly string[];
}

/** One webhook's body; its key order is the documented one. */
export function deliveryBody(event: EventJson, facts: DeliveryFacts): string {
  const body: DeliveryBody = {
    deliveryId: facts.deliveryId,
    webhookId: facts.webhookId,
    kind: facts.kind,
    projectId: event.projectId,
    projectKey: facts.projectKey,
    seq: event.seq,
    actorId: event.actorId,
    occurredAtMs: event.occurredAtMs,
    occurredAt: new Date(event.occurredAtMs).toISOString(),
    changedFields: [...facts.changedFields],
    removed: event.removed,
    entity: event.entity,
  };
  return JSON.stringify(body);
}
