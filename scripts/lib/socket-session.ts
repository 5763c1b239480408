// A promise-based client for the wire contract, for tools (the demo seeder,
// benchmarks): one command in, its one Result out, matched by message_id.
// Events are not collected: tools that only send commands should not buffer
// every broadcast they happen to receive.
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { ErrorCode, pb, type IClientFrame, type IError, type IResult } from '../../shared/proto.ts';

export type Command = Omit<IClientFrame, 'messageId'>;

/** The server answered with an Error frame; `code` is its short name, e.g. CONFLICT. */
export class RequestError extends Error {
  readonly code: string;

  constructor(
    readonly command: string,
    readonly error: IError,
  ) {
    const code = ErrorCode[error.code ?? ErrorCode.ERROR_CODE_UNSPECIFIED].replace(/^ERROR_CODE_/, '');
    super(`${command} failed: ${code}: ${error.message ?? ''}${error.field ? ` (field ${error.field})` : ''}`);
    this.code = code;
  }
}

interface Pending {
  command: string;
  resolve(result: IResult): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

export class SocketSession {
  private readonly pending = new Map<string, Pending>();

  private constructor(
    private readonly socket: WebSocket,
    private readonly timeoutMs: number,
  ) {
    socket.on('message', (data: Buffer, isBinary) => {
      if (!isBinary) return;
      const frame = pb.ServerFrame.decode(data);
      const waiting = this.pending.get(frame.messageId);
      if (!waiting || frame.event) return;
      this.pending.delete(frame.messageId);
      clearTimeout(waiting.timer);
      if (frame.result) waiting.resolve(frame.result);
      else waiting.reject(new RequestError(waiting.command, frame.error ?? {}));
    });
    // Every error is followed by close, which fails what is waiting; without a
    // listener an error would be thrown and end the whole process.
    socket.on('error', () => undefined);
    // A closed socket never answers: fail what is waiting now instead of at each timeout.
    socket.on('close', (code, reason) => {
      const err = new Error(`socket closed (${code}${reason.length ? ` ${reason.toString()}` : ''})`);
      for (const waiting of this.pending.values()) {
        clearTimeout(waiting.timer);
        waiting.reject(err);
      }
      this.pending.clear();
    });
  }

  /** Opens `ws://host:port/ws` with the token as a subprotocol (never in the URL, docs/PROTOCOL.md §1). */
  static connect(url: string, token: string, opts: { timeoutMs?: number } = {}): Promise<SocketSession> {
    const socket = new WebSocket(url, ['tandem.v1', `bearer.${token}`]);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new SocketSession(socket, opts.timeoutMs ?? 10_000)));
      socket.once('unexpected-response', (req, res) => {
        // ws leaves a refused upgrade's request open for the listener to end.
        req.destroy();
        reject(new Error(`socket upgrade refused: HTTP ${res.statusCode}`));
      });
      socket.once('error', reject);
    });
  }

  /** Sends one command; resolves with its Result, rejects with RequestError on an Error frame. */
  request(command: Command): Promise<IResult> {
    const messageId = randomUUID();
    const name = Object.keys(command)[0] ?? 'command';
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(messageId);
        reject(new Error(`${name}: no reply within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.pending.set(messageId, { command: name, resolve, reject, timer });
      this.socket.send(pb.ClientFrame.encode({ ...command, messageId }).finish(), { binary: true });
    });
  }

  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}
