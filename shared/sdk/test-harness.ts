// Test helpers for the SDK's suites: the `ws` package as the injected socket,
// wrappers that expose or sabotage the real socket, and waits that always time
// out. Node-only: imported by *.test.ts files, never by index.ts.
import { connect, createServer, type Socket } from 'node:net';
import WebSocket from 'ws';
import { pb, type IClientFrame, type IEvent } from '../proto.ts';
import type { Connection, ConnectionState } from './connection.ts';
import type { CloseEventLike, MessageEventLike, SocketLike, WebSocketConstructor } from './socket.ts';

export const NodeWebSocket: WebSocketConstructor = WebSocket;

/** Resolves when `check` returns something other than undefined; rejects after timeoutMs. */
export async function waitFor<T>(check: () => T | undefined, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const waitForState = (connection: Connection, state: ConnectionState['state'], timeoutMs = 5000) =>
  waitFor(() => (connection.state.state === state ? connection.state : undefined), `state ${state}`, timeoutMs);

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A token provider that waits while held: keeps a connection away for as long as a test needs. */
export function gatedToken(token: () => string) {
  let release: (() => void) | null = null;
  let gate: Promise<void> | null = null;
  let calls = 0;
  return {
    provider: async () => {
      calls += 1;
      if (gate) await gate;
      return token();
    },
    hold() {
      gate ??= new Promise<void>((resolve) => {
        release = resolve;
      });
    },
    release() {
      release?.();
      gate = null;
      release = null;
    },
    get calls() {
      return calls;
    },
  };
}

export interface SocketTap {
  Impl: WebSocketConstructor;
  /** The real `ws` sockets made, newest last: destroy one's TCP socket to drop it unannounced. */
  sockets: WebSocket[];
  /** Every ClientFrame sent, decoded. */
  sent: IClientFrame[];
  /** Every ServerFrame received, as bytes, including any dropped by `drop`. */
  received: Uint8Array[];
  /** Return true to lose an incoming frame, as a broken network or a lost fan-out would. */
  drop: (bytes: Uint8Array) => boolean;
}

/** A WebSocketImpl over `ws` that records traffic and can lose incoming frames. */
export function tapSockets(): SocketTap {
  const tap: SocketTap = { Impl: NodeWebSocket, sockets: [], sent: [], received: [], drop: () => false };
  class Tapped implements SocketLike {
    private readonly ws: WebSocket;
    onopen: ((event: unknown) => void) | null = null;
    onmessage: ((event: MessageEventLike) => void) | null = null;
    onclose: ((event: CloseEventLike) => void) | null = null;
    onerror: ((event: unknown) => void) | null = null;

    constructor(url: string, protocols?: string | string[]) {
      this.ws = new WebSocket(url, protocols);
      this.ws.binaryType = 'arraybuffer';
      tap.sockets.push(this.ws);
      this.ws.onopen = (e) => this.onopen?.(e);
      this.ws.onerror = (e) => this.onerror?.(e);
      this.ws.onclose = (e) => this.onclose?.(e);
      this.ws.onmessage = (e) => {
        const bytes = new Uint8Array(e.data as ArrayBuffer);
        tap.received.push(bytes);
        if (!tap.drop(bytes)) this.onmessage?.(e);
      };
    }
    get binaryType() {
      return this.ws.binaryType;
    }
    set binaryType(value: string) {
      this.ws.binaryType = value as WebSocket['binaryType'];
    }
    get readyState() {
      return this.ws.readyState;
    }
    send(data: Uint8Array) {
      tap.sent.push(pb.ClientFrame.decode(data));
      this.ws.send(data);
    }
    close(code?: number, reason?: string) {
      this.ws.close(code, reason);
    }
  }
  tap.Impl = Tapped;
  return tap;
}

/** The event a received frame carries, if any. */
export function eventOf(bytes: Uint8Array): IEvent | null {
  return pb.ServerFrame.decode(bytes).event ?? null;
}

/** Drops the socket at the TCP level: no close frame, the way a lost network looks. */
export function destroyTcp(ws: WebSocket | undefined): void {
  if (!ws) throw new Error('no socket to drop');
  (ws as unknown as { _socket: { destroy(): void } })._socket.destroy();
}

/** Collects the feed's events and checks them: each project's seqs once each, ascending, without gaps. */
export function eventLog() {
  const events: IEvent[] = [];
  return {
    events,
    push: (event: IEvent) => {
      events.push(event);
    },
    seqs: (projectId: string) => events.filter((e) => e.projectId === projectId && (e.seq ?? 0) > 0).map((e) => e.seq ?? 0),
  };
}

export const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * A TCP forwarder on a port of its own to whatever port the server has now.
 * Lets a test restart the server under the same client URL: the server itself
 * cannot listen again on its old port while that port has TIME_WAIT sockets
 * (see the SDK report), so the forwarder holds the port the client knows.
 */
export async function tcpForwarder(targetPort: number) {
  let target = targetPort;
  const open = new Set<Socket>();
  const server = createServer((downstream) => {
    const upstream = connect(target, '127.0.0.1');
    for (const s of [downstream, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      // Either side failing ends both, as a dropped connection would.
      s.on('error', () => {
        downstream.destroy();
        upstream.destroy();
      });
    }
    downstream.pipe(upstream);
    upstream.pipe(downstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    url: `ws://127.0.0.1:${address.port}/ws`,
    retarget(port: number) {
      target = port;
    },
    async close() {
      for (const s of open) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
