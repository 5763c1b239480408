// Delivers a frame to every subscriber of a project topic on this instance.
// The Redis broadcaster (several instances) wraps this one.
import type { TemplatedApp, WebSocket } from 'uWebSockets.js';

/** A frame, or how to make it: made only when the topic has someone to send it to. */
export type FrameSource = Uint8Array | (() => Uint8Array);

export interface Broadcaster {
  /** origin: the socket that sent the command; it has the Result and gets no copy. */
  publish(topic: string, frame: FrameSource, origin: WebSocket<unknown> | null): void;
}

export class LocalBroadcaster implements Broadcaster {
  constructor(
    private readonly app: TemplatedApp,
    private readonly onDelivered: (count: number) => void,
  ) {}

  publish(topic: string, frame: FrameSource, origin: WebSocket<unknown> | null): void {
    const originListens = origin !== null && origin.isSubscribed(topic);
    const receivers = this.app.numSubscribers(topic) - (originListens ? 1 : 0);
    if (receivers <= 0) return;
    const bytes = typeof frame === 'function' ? frame() : frame;
    // ws.publish skips the sender, but uWS drops it silently when the sender
    // holds no subscription at all; a sender not on the topic needs no skipping.
    if (originListens) origin.publish(topic, bytes, true);
    else this.app.publish(topic, bytes, true);
    this.onDelivered(receivers);
  }
}
