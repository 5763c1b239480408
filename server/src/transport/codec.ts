// Bytes to typed frames and back for what the socket layer itself reads and
// makes. Replies are encoded by the pipeline (pipeline/reply.ts), events by
// fan-out (fanout/event-frame.ts).
import { pb, type ClientFrame } from '../../../shared/proto.ts';
import type { Caller } from '../auth/caller.ts';

export function decodeClientFrame(bytes: Uint8Array): ClientFrame {
  return pb.ClientFrame.decode(bytes);
}

/** A presence event (never stored, so seq 0) of one socket on one project. */
export function presenceFrame(caller: Caller, sessionId: string, projectId: string, viewing: string, online: boolean, now: number): Uint8Array {
  return pb.ServerFrame.encode({
    serverTimeMs: now,
    event: {
      projectId,
      seq: 0,
      actorId: caller.userId,
      occurredAtMs: now,
      presence: {
        userId: caller.userId,
        displayName: caller.displayName,
        viewingWorkItemId: viewing,
        online,
        sessionId,
      },
    },
  }).finish();
}
