// Tandem's wire for the load scripts: the `ws` package, protobuf frames,
// replies matched by message id.
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { ErrorCode, pb, type IClientFrame, type IResult } from '../../../shared/proto.ts';
import { CommandError, type BenchClient } from './clients.ts';

type Command = Omit<IClientFrame, 'messageId'>;

export class TandemClient implements BenchClient {
  private readonly pending = new Map<string, { resolve(r: IResult): void; reject(e: Error): void }>();
  /** While a subscribe replays: the seq it must reach, and what to call then. */
  private catchUp: { until: number; count: number; done(): void } | null = null;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => this.receive(data));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      for (const p of this.pending.values()) p.reject(new Error('socket closed'));
      this.pending.clear();
    });
  }

  static connect(url: string, token: string): Promise<TandemClient> {
    const socket = new WebSocket(url, ['tandem.v1', `bearer.${token}`], { perMessageDeflate: false });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new TandemClient(socket)));
      socket.once('unexpected-response', (req, res) => {
        req.destroy();
        reject(new Error(`upgrade refused: HTTP ${res.statusCode}`));
      });
      socket.once('error', reject);
    });
  }

  private receive(data: Buffer): void {
    const frame = pb.ServerFrame.decode(data);
    if (frame.event) {
      if (this.catchUp) {
        this.catchUp.count++;
        if (Number(frame.event.seq) >= this.catchUp.until) this.catchUp.done();
      }
      return;
    }
    const waiting = this.pending.get(frame.messageId);
    if (!waiting) return;
    this.pending.delete(frame.messageId);
    if (frame.result) waiting.resolve(frame.result);
    else waiting.reject(new CommandError((ErrorCode[frame.error?.code ?? 0] ?? 'UNKNOWN').replace('ERROR_CODE_', ''), frame.error?.message ?? ''));
  }

  /** Any command; the result, or a CommandError with the refusal. */
  request(command: Command): Promise<IResult> {
    const messageId = randomUUID();
    return new Promise((resolve, reject) => {
      this.pending.set(messageId, { resolve, reject });
      this.socket.send(pb.ClientFrame.encode({ ...command, messageId }).finish(), { binary: true });
    });
  }

  async createProject(key: string, name: string) {
    const { project } = await this.request({ createProject: { key, name, description: '' } });
    const todo = project!.statuses!.find((s) => s.name === 'To Do')!;
    return { projectId: project!.id!, todoStatusId: todo.id!, statusIds: project!.statuses!.map((s) => s.id!) };
  }

  async createItem(projectId: string, statusId: string, title: string) {
    const { workItem } = await this.request({ createWorkItem: { projectId, statusId, title, itemType: pb.ItemType.ITEM_TYPE_TASK } });
    return { itemId: workItem!.id!, version: Number(workItem!.version) };
  }

  async updateTitle(itemId: string, expectedVersion: number, title: string) {
    const result = await this.request({ updateWorkItem: { workItemId: itemId, expectedVersion, title } });
    return { version: Number(result.workItem!.version), seq: Number(result.seq) };
  }

  async subscribe(projectId: string, sinceSeq: number) {
    // The replayed events follow the reply; the catch-up ends with the seq the reply names.
    let finished!: () => void;
    const allIn = new Promise<void>((resolve) => (finished = resolve));
    this.catchUp = { until: Number.POSITIVE_INFINITY, count: 0, done: finished };
    const result = await this.request({ subscribe: { projects: [{ projectId, sinceSeq }] } });
    const seq = Number(result.subscribed!.projects![0]!.sinceSeq);
    const state = this.catchUp;
    if (sinceSeq > 0 && sinceSeq < seq && state.count < seq - sinceSeq) {
      state.until = seq;
      await allIn;
    }
    this.catchUp = null;
    return { seq, replayed: state.count };
  }

  close(): void {
    this.socket.terminate();
  }
}
