// Delivers a frame to every subscriber of a project topic on this instance,
// through uWS's topics. The Redis bus (several instances) feeds the same one.
import type { TemplatedApp, WebSocket } from 'uWebSockets.js';
import type { Broadcaster, FrameSource } from '../fanout/broadcaster.ts';

export type Socket = WebSocket<unknown>;

export class TopicBroadcaster implements Broadcaster<Socket> {
  constructor(
    private readonly app: TemplatedApp,
    private readonly onDelivered: (count: number) => void,
  ) {}

  publish(topic: string, frame: FrameSource, origin: Socket | null): void {
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

  subscribers(topic: string): number {
    return this.app.numSubscribers(topic);
  }
}
