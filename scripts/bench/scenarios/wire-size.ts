// 7. Wire size: the bytes of a typical command, reply and event as each
// server frames them (the WebSocket frame header, the same for both, left out).
// Tandem: protobuf frames. Peer: Socket.IO packets (socket.io-parser's own
// encoder) inside an Engine.IO message packet ('4' prefix), as sent.
import { randomUUID } from 'node:crypto';
import { Encoder, PacketType } from 'socket.io-parser';
import { ItemType, pb, Priority, type IWorkItem } from '../../../shared/proto.ts';
import { compactEvent } from '../../../server/src/fanout/compact-event.ts';
import { eventFrame } from '../../../server/src/fanout/event-frame.ts';
import type { PeerEvent, PeerReply, PeerWorkItem, UpdateWorkItem } from '../peer/wire.ts';
import { ratioLowerIsBetter, target, type Table } from '../report.ts';

/** A card as a team's board holds it: a title, a short description, two labels, an assignee and a sprint. */
function typicalItem(): PeerWorkItem {
  const now = Date.now();
  return {
    id: randomUUID(), projectId: randomUUID(), key: 'WEB-1234', number: 1234, itemType: 'STORY', parentId: randomUUID(),
    title: 'Checkout: keep the basket when the session expires',
    description: 'When the session times out the basket is emptied.\n\n- keep it in local storage\n- restore it after log-in\n\nSee the support ticket from last week.',
    statusId: randomUUID(), priority: 'HIGH', storyPoints: 3, assigneeId: randomUUID(), sprintId: randomUUID(),
    labels: ['checkout', 'frontend'], rank: 'a0Vz', version: 7, createdAtMs: now - 86_400_000, createdBy: randomUUID(),
    updatedAtMs: now, updatedBy: randomUUID(),
  };
}

function asProto(item: PeerWorkItem): IWorkItem {
  return {
    ...item,
    itemType: ItemType[`ITEM_TYPE_${item.itemType}` as keyof typeof ItemType],
    priority: Priority[`PRIORITY_${item.priority}` as keyof typeof Priority],
    storyPoints: item.storyPoints ?? 0,
  };
}

const socketIoBytes = (type: PacketType, data: unknown[], id?: number) =>
  Buffer.byteLength('4' + (new Encoder().encode({ type, nsp: '/', data, id })[0] as string));

export interface WireSizes {
  /** target: the row the "event < half the JSON bytes" goal is measured on. */
  rows: Array<{ what: string; tandem: number; peer: number; target?: true }>;
}

export function measureWireSizes(): WireSizes {
  const item = typicalItem();
  const update: UpdateWorkItem = { messageId: randomUUID(), workItemId: item.id, expectedVersion: 6, title: item.title };
  const event: PeerEvent = { projectId: item.projectId, seq: 48_213, actorId: item.updatedBy, occurredAtMs: item.updatedAtMs, workItem: { workItem: item, changedFields: ['title'] } };
  const reply: PeerReply = { ok: true, seq: event.seq, workItem: item };
  const now = Date.now();
  const { messageId } = update;
  const protoEvent = { projectId: event.projectId, seq: event.seq, actorId: event.actorId, occurredAtMs: event.occurredAtMs };
  const storedEvent = pb.Event.encode({ ...protoEvent, workItem: { workItem: asProto(item), changedFields: ['title'] } }).finish();
  return {
    rows: [
      {
        what: 'command: update_work_item (title)',
        tandem: pb.ClientFrame.encode({ messageId, updateWorkItem: { workItemId: item.id, expectedVersion: 6, title: item.title } }).finish().length,
        peer: socketIoBytes(PacketType.EVENT, ['update_work_item', update], 12),
      },
      {
        what: 'reply: Result with the work item',
        tandem: pb.ServerFrame.encode({ messageId, serverTimeMs: now, result: { seq: event.seq, workItem: asProto(item) } }).finish().length,
        peer: socketIoBytes(PacketType.ACK, [reply], 12),
      },
      {
        what: 'event: work item changed',
        tandem: pb.ServerFrame.encode({ serverTimeMs: now, event: { ...protoEvent, workItem: { workItem: asProto(item), changedFields: ['title'] } } }).finish().length,
        peer: socketIoBytes(PacketType.EVENT, ['event', event]),
      },
      {
        // Derived from the stored event by the server's own fan-out code, as its subscribers get it.
        what: 'event: work item changed, changed fields only (Tandem\'s client)',
        tandem: eventFrame(compactEvent(storedEvent), now).length,
        peer: socketIoBytes(PacketType.EVENT, ['event', event]),
        target: true,
      },
    ],
  };
}

export function wireSizeTable(): Table {
  const { rows } = measureWireSizes();
  return {
    title: '7. Wire size (bytes per message)',
    about:
      'A typical card (title, two-line description, two labels, assignee, sprint, parent) as Tandem\'s protobuf frame and as the peer\'s Socket.IO JSON packet, exactly as each is put in a WebSocket frame. ' +
      'Events are a title change. "work item changed" is the whole item after the change: Tandem\'s default event, and the shape of every peer event. ' +
      'Tandem\'s own client subscribes with changed_fields_only and gets the row below it (the item\'s id, key, number, version, who and when, and the new title); ' +
      'the peer still sends the whole item, as its event shape mirrors Tandem\'s default.',
    columns: ['message', 'Tandem protobuf', 'peer JSON', 'peer/Tandem', 'target'],
    rows: rows.map((r) => [
      r.what, String(r.tandem), String(r.peer), ratioLowerIsBetter(r.tandem, r.peer),
      r.target ? target('event < half the JSON bytes', r.tandem * 2 < r.peer) : '',
    ]),
  };
}
