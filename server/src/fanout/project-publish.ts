// Puts a frame in front of every socket on this instance that watches a
// project, in the form each asked for: the project topic takes whole events,
// its changed-fields topic the compact ones (topics.ts).
import type { Broadcaster } from './broadcaster.ts';
import { compactEvent } from './compact-event.ts';
import { eventFrame } from './event-frame.ts';
import { changedFieldsTopic } from './topics.ts';

/** A stored event: each form made at most once, and only for a topic with someone to send it to. */
export function publishEvent<Origin>(local: Broadcaster<Origin>, topic: string, payload: Uint8Array, origin: Origin | null, now: number): void {
  let whole: Uint8Array | undefined;
  const wholeFrame = () => (whole ??= eventFrame(payload, now));
  local.publish(topic, wholeFrame, origin);
  local.publish(changedFieldsTopic(topic), () => {
    const compact = compactEvent(payload);
    // Most events have one form (comments, sprints, created items): one frame serves both topics.
    return compact === payload ? wholeFrame() : eventFrame(compact, now);
  }, origin);
}

/** A frame with one form for everyone (presence). */
export function publishToWatchers<Origin>(local: Broadcaster<Origin>, topic: string, frame: Uint8Array, origin: Origin | null): void {
  local.publish(topic, frame, origin);
  local.publish(changedFieldsTopic(topic), frame, origin);
}
