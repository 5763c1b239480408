// A test client speaking the wire contract over a real `ws` socket.
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { pb, type IClientFrame, type IEvent, type ServerFrame } from '../../../shared/proto.ts';

type Command = Omit<IClientFrame, 'messageId'>;

export class TestClient {
  readonly frames: ServerFrame[] = [];
  readonly events: IEvent[] = [];
  private readonly waiters = new Set<() => void>();
  closeCode: number | null = null;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer, isBinary) => {
      if (!isBinary) return;
      const frame = pb.ServerFrame.decode(new Uint8Array(data));
      this.frames.push(frame);
      if (frame.event) this.events.push(frame.event);
      for (const wake of [...this.waiters]) wake();
    });
    socket.on('close', (code) => {
      this.closeCode = code;
      for (const wake of [...this.waiters]) wake();
    });
  }

  static connect(url: string, token: string, opts: { via?: 'bearer' | 'cookie'; origin?: string } = {}): Promise<TestClient> {
    const via = opts.via ?? 'bearer';
    const protocols = via === 'bearer' ? ['tandem.v1', `bearer.${token}`] : ['tandem.v1'];
    const headers: Record<string, string> = via === 'cookie' ? { cookie: `tandem_session=${token}` } : {};
    const socket = new WebSocket(url, protocols, { headers, origin: opts.origin });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new TestClient(socket)));
      socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      socket.once('error', reject);
    });
  }

  /** Resolves when `check` returns a value, or rejects after timeoutMs. */
  waitFor<T>(check: () => T | undefined, timeoutMs = 5000, what = 'condition'): Promise<T> {
    return new Promise((resolve, reject) => {
      const tryNow = () => {
        const value = check();
        if (value !== undefined || this.closeCode !== null) {
          this.waiters.delete(tryNow);
          clearTimeout(timer);
          if (value !== undefined) resolve(value);
          else reject(new Error(`socket closed with ${this.closeCode} while waiting for ${what}`));
        }
      };
      const timer = setTimeout(() => {
        this.waiters.delete(tryNow);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      this.waiters.add(tryNow);
      tryNow();
    });
  }

  sendRaw(bytes: Uint8Array | string, binary = true): void {
    this.socket.send(bytes, { binary });
  }

  /** Sends a command and waits for the reply with its message id. */
  async request(command: Command, messageId: string = randomUUID(), timeoutMs = 10_000): Promise<ServerFrame> {
    const before = this.frames.length;
    this.sendRaw(pb.ClientFrame.encode({ ...command, messageId }).finish());
    return this.waitFor(
      () => this.frames.slice(before).find((f) => f.messageId === messageId && !f.event),
      timeoutMs,
      `reply to ${Object.keys(command)[0]}`,
    );
  }

  /** Like request, but fails the test unless the reply is a Result. */
  async ok(command: Command, messageId?: string) {
    const frame = await this.request(command, messageId);
    if (!frame.result) throw new Error(`expected a Result, got ${JSON.stringify(frame.error)}`);
    return frame.result;
  }

  waitForEvent(predicate: (e: IEvent) => boolean, timeoutMs = 5000): Promise<IEvent> {
    return this.waitFor(() => this.events.find(predicate), timeoutMs, 'event');
  }

  waitForClose(timeoutMs = 5000): Promise<number> {
    return this.waitFor(() => this.closeCode ?? undefined, timeoutMs, 'close');
  }

  close(): void {
    this.socket.close();
  }
}

/** Resolves with the HTTP status of a refused upgrade, or 101 if it opened. */
export function upgradeStatus(url: string, protocols: string[], headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, protocols, { headers });
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.once('error', () => undefined);
  });
}
