import { pb, type INotificationNotice } from '../../../shared/proto.ts';
import { Writer } from '../../../shared/protobuf-runtime.js';

/**
 * Wraps a stored Event's bytes in a ServerFrame without decoding it:
 * field 2 (server_time_ms, varint) then field 12 (event, length-delimited).
 */
export function eventFrame(eventBytes: Uint8Array, now: number): Uint8Array {
  return Writer.create().uint32((2 << 3) | 0).int64(now).uint32((12 << 3) | 2).bytes(eventBytes).finish();
}

/** A person's notification as the ServerFrame their sockets get (docs/PROTOCOL.md §18). */
export function noticeFrame(notice: INotificationNotice, now = Date.now()): Uint8Array {
  return pb.ServerFrame.encode({ serverTimeMs: now, notification: notice }).finish();
}
