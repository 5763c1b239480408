// The slice of the WebSocket API the SDK uses. The constructor is injected
// (the browser's global, or the `ws` package in Node tests), so nothing here
// may touch a Node module.

/**
 * A function type compared bivariantly in its parameter. The browser's and
 * `ws`'s sockets declare handlers taking their own event classes; declared this
 * way both are assignable to SocketLike while the SDK reads only `data`, `code`
 * and `reason` from those events.
 */
type Handler<E> = { bivarianceHack(event: E): void }['bivarianceHack'];

export interface MessageEventLike {
  data: unknown;
}

export interface CloseEventLike {
  code: number;
  reason: string;
}

export interface SocketLike {
  binaryType: string;
  readonly readyState: number;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  onopen: Handler<unknown> | null;
  onmessage: Handler<MessageEventLike> | null;
  onclose: Handler<CloseEventLike> | null;
  onerror: Handler<unknown> | null;
}

export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => SocketLike;

/** WebSocket.OPEN: a number both implementations share, read without the class at hand. */
export const SOCKET_OPEN = 1;

/** Bytes of a binary frame, or null for text (the server sends none) and anything unexpected. */
export function frameBytes(data: unknown): Uint8Array | null {
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  // toString tag, not instanceof: an ArrayBuffer from another realm (a worker, a test pool) is still one.
  if (Object.prototype.toString.call(data) === '[object ArrayBuffer]') return new Uint8Array(data as ArrayBuffer);
  return null;
}
