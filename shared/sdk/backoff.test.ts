// Reconnect policy without a server: the delay function, the close-code table,
// and the connection's state machine driven by a fake socket and a fake clock.
import { describe, expect, it } from 'vitest';
import { retryDelay } from './backoff.ts';
import { classifyClose } from '../protocol/close-codes.ts';
import { makeConnection, type Clock, type ConnectionState } from './connection.ts';
import type { CloseEventLike, MessageEventLike, SocketLike } from './socket.ts';

const options = { initialMs: 100, maxMs: 3000 };

describe('retryDelay', () => {
  it('doubles per attempt up to the cap, half fixed and half jitter', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((a) => retryDelay(options, a, 'transient', () => 1))).toEqual([100, 200, 400, 800, 1600, 3000, 3000]);
    expect([0, 1, 2].map((a) => retryDelay(options, a, 'transient', () => 0))).toEqual([50, 100, 200]);
  });

  it('a protocol close waits the longest step; a token expiry the shortest', () => {
    expect(retryDelay(options, 0, 'protocol', () => 0)).toBe(1500);
    expect(retryDelay(options, 0, 'protocol', () => 1)).toBe(3000);
    expect(retryDelay(options, 7, 'token-expired', () => 1)).toBe(100);
  });

  it('close codes: 4001 token, 1003/1008/1009 protocol, the rest transient', () => {
    expect(classifyClose(4001)).toBe('token-expired');
    expect([1003, 1008, 1009].map(classifyClose)).toEqual(['protocol', 'protocol', 'protocol']);
    expect([1000, 1001, 1006, 1011, 1013].map(classifyClose)).toEqual(Array(5).fill('transient'));
  });
});

function fakeClock() {
  let now = 1_000_000;
  let nextId = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const clock: Clock = {
    now: () => now,
    setTimeout: (run, ms) => {
      timers.set(nextId, { at: now + ms, run });
      return nextId++;
    },
    clearTimeout: (handle) => {
      timers.delete(handle as number);
    },
  };
  return {
    clock,
    get now() {
      return now;
    },
    /** Moves time on, running timers as they come due, and lets the async connect steps run. */
    async advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].run();
        await flush();
      }
      now = end;
      await flush();
    },
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

function fakeSockets() {
  const made: FakeSocket[] = [];
  class FakeSocket implements SocketLike {
    binaryType = 'blob';
    readyState = 0;
    onopen: ((e: unknown) => void) | null = null;
    onmessage: ((e: MessageEventLike) => void) | null = null;
    onclose: ((e: CloseEventLike) => void) | null = null;
    onerror: ((e: unknown) => void) | null = null;
    constructor(readonly url: string, readonly protocols?: string | string[]) {
      made.push(this);
    }
    send() {}
    close(code = 1000) {
      this.closeWith(code);
    }
    open() {
      this.readyState = 1;
      this.onopen?.({});
    }
    closeWith(code: number) {
      this.readyState = 3;
      this.onclose?.({ code, reason: '' });
    }
  }
  return { Impl: FakeSocket, made };
}

function setup(tokens: (string | null)[] = ['t1', 't2', 't3', 't4', 't5', 't6']) {
  const time = fakeClock();
  const sockets = fakeSockets();
  const states: ConnectionState[] = [];
  let asked = 0;
  const conn = makeConnection({
    url: 'ws://example.test/ws',
    token: async () => tokens[asked++] ?? null,
    WebSocketImpl: sockets.Impl,
    clock: time.clock,
    random: () => 1,
    backoff: options,
  });
  conn.onState((s) => states.push(s));
  return { time, sockets, states, conn, asked: () => asked };
}

describe('connection state machine', () => {
  it('sends the token as a subprotocol, or only tandem.v1 for cookie auth', async () => {
    const { time, sockets, conn } = setup(['abc', null]);
    await time.advance(0);
    expect(sockets.made[0]!.protocols).toEqual(['tandem.v1', 'bearer.abc']);
    expect(sockets.made[0]!.binaryType).toBe('arraybuffer');
    sockets.made[0]!.closeWith(1006);
    await time.advance(100);
    expect(sockets.made[1]!.protocols).toEqual(['tandem.v1']);
    conn.close();
  });

  it('refused attempts back off exponentially; an open resets the count', async () => {
    const { time, sockets, conn } = setup();
    await time.advance(0);
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      sockets.made.at(-1)!.closeWith(1006);
      const s = conn.state;
      expect(s.state).toBe('offline');
      if (s.state === 'offline') waits.push(s.nextRetryAt - time.now);
      const before = sockets.made.length;
      await time.advance(waits.at(-1)! - 1);
      expect(sockets.made.length).toBe(before); // no attempt before its time
      await time.advance(1);
      expect(sockets.made.length).toBe(before + 1);
    }
    expect(waits).toEqual([100, 200, 400, 800, 1600]);

    sockets.made.at(-1)!.open();
    expect(conn.state).toEqual({ state: 'open' });
    sockets.made.at(-1)!.closeWith(1001);
    const s = conn.state;
    expect(s.state === 'offline' && s.nextRetryAt - time.now).toBe(100);
    conn.close();
  });

  it('4001: reconnects promptly and asks the token provider again', async () => {
    const { time, sockets, conn, asked } = setup();
    await time.advance(0);
    sockets.made[0]!.open();
    expect(asked()).toBe(1);
    sockets.made[0]!.closeWith(4001);
    const s = conn.state;
    expect(s.state === 'offline' && s.closeCode).toBe(4001);
    expect(s.state === 'offline' && s.nextRetryAt - time.now).toBe(100);
    await time.advance(100);
    expect(asked()).toBe(2);
    expect(sockets.made[1]!.protocols).toEqual(['tandem.v1', 'bearer.t2']);
    conn.close();
  });

  it('1008/1003/1009: waits the longest backoff every time, never a hot loop', async () => {
    const { time, sockets, conn } = setup();
    await time.advance(0);
    for (const code of [1008, 1003, 1009]) {
      sockets.made.at(-1)!.open();
      sockets.made.at(-1)!.closeWith(code);
      const s = conn.state;
      expect(s.state === 'offline' && s.nextRetryAt - time.now).toBe(3000);
      const before = sockets.made.length;
      await time.advance(2999);
      expect(sockets.made.length).toBe(before);
      await time.advance(1);
      expect(sockets.made.length).toBe(before + 1);
    }
    conn.close();
  });

  it('close() stops for good: no retry fires, state is closed', async () => {
    const { time, sockets, conn, states } = setup();
    await time.advance(0);
    sockets.made[0]!.closeWith(1006);
    conn.close();
    await time.advance(60_000);
    expect(sockets.made).toHaveLength(1);
    expect(states.at(-1)).toEqual({ state: 'closed' });
  });

  it('reconnectNow skips the wait', async () => {
    const { time, sockets, conn } = setup();
    await time.advance(0);
    sockets.made[0]!.closeWith(1006);
    conn.reconnectNow();
    await time.advance(0);
    expect(sockets.made).toHaveLength(2);
    conn.close();
  });
});
