// Bytes to typed frames and back for what the socket layer itself reads and
// makes. Replies are encoded by the pipeline (pipeline/reply.ts), events by
// fan-out (fanout/event-frame.ts).
import { LIMITS } from '../../../shared/domain/validation.ts';
import { Reader, util } from '../../../shared/protobuf-runtime.js';
import { pb, type ClientFrame } from '../../../shared/proto.ts';
import type { Caller } from '../auth/caller.ts';

/**
 * The fields one frame may carry, counting each entry of a repeated field and
 * the fields of nested messages. Decoding makes a string or an object for
 * every field, and a frame of MAX_FRAME_BYTES holds 100,000 empty ones: tens
 * of milliseconds of the event loop. The longest list a command takes has 100
 * entries (commands/parsers.ts), so real frames stay far below.
 */
const MAX_FRAME_FIELDS = 1000;

/** The most UTF-8 any text field accepts (shared/domain/validation.ts). */
const LONGEST_TEXT_BYTES = Math.max(LIMITS.descriptionBytes, LIMITS.commentBytes, LIMITS.projectDescriptionBytes);
const wellFormed = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Reads a string as protobufjs does, but natively when the bytes are
 * well-formed UTF-8 (the same string): protobufjs's reader spends 5-10 ms of
 * the event loop, mostly collecting its garbage, on a 256 KiB string.
 * Malformed bytes still go through it, so a lone UTF-16 surrogate (what a
 * JavaScript client encodes one as) comes out as one and the text rules name
 * it; past the longest text a field takes, the value is refused for its
 * length whatever it says, and replacement characters do as well.
 */
function readString(this: Reader): string {
  const bytes = this.bytes();
  try {
    return wellFormed.decode(bytes);
  } catch {
    return bytes.length <= LONGEST_TEXT_BYTES ? util.utf8.read(bytes, 0, bytes.length) : lenient.decode(bytes);
  }
}

export function decodeClientFrame(bytes: Uint8Array): ClientFrame {
  const reader = Reader.create(bytes);
  reader.string = readString;
  // The decoder reads one varint for each field's tag and one more for a
  // string's or message's length, all through uint32(): counting those calls
  // bounds the fields. A frame of up to MAX_FRAME_FIELDS fields always
  // decodes; one of more than twice as many never does.
  let reads = 2 * MAX_FRAME_FIELDS;
  const uint32 = reader.uint32;
  reader.uint32 = function boundedUint32(this: Reader) {
    // Answered like any frame that does not decode.
    if (--reads < 0) throw new RangeError(`a frame carries at most ${MAX_FRAME_FIELDS} fields`);
    return uint32.call(this);
  };
  return pb.ClientFrame.decode(reader);
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
