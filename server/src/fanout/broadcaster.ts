// How fan-out reaches this instance's sockets: transport implements it over
// uWebSockets.js topics (transport/topic-broadcaster.ts). `Origin` is the
// socket type; fan-out only passes sockets through.

/** A frame, or how to make it: made only when the topic has someone to send it to. */
export type FrameSource = Uint8Array | (() => Uint8Array);

export interface Broadcaster<Origin> {
  /** origin: the socket that sent the command; it has the Result and gets no copy. */
  publish(topic: string, frame: FrameSource, origin: Origin | null): void;
  /** How many sockets here listen on a topic. */
  subscribers(topic: string): number;
}
