// The peer's wire for the load scripts: socket.io-client over its websocket
// transport, JSON payloads, replies through the ack callback.
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { PeerCommands, PeerReply } from '../peer/wire.ts';
import { CommandError, type BenchClient } from './clients.ts';

type Ok = Extract<PeerReply, { ok: true }>;

export class PeerClient implements BenchClient {
  private constructor(private readonly socket: Socket) {}

  static connect(url: string, token: string): Promise<PeerClient> {
    const socket = io(url, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true, timeout: 30_000 });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(new PeerClient(socket)));
      socket.once('connect_error', reject);
    });
  }

  private request<K extends keyof PeerCommands>(name: K, cmd: PeerCommands[K]): Promise<Ok> {
    return new Promise((resolve, reject) => {
      this.socket.emit(name, cmd, (reply: PeerReply) => {
        if (reply.ok) resolve(reply);
        else reject(new CommandError(reply.error.code, reply.error.message));
      });
    });
  }

  async createProject(key: string, name: string) {
    const { project } = await this.request('create_project', { messageId: randomUUID(), key, name });
    return { projectId: project!.id, todoStatusId: project!.statuses.find((s) => s.name === 'To Do')!.id, statusIds: project!.statuses.map((s) => s.id) };
  }

  async createItem(projectId: string, statusId: string, title: string) {
    const { workItem } = await this.request('create_work_item', { messageId: randomUUID(), projectId, statusId, title });
    return { itemId: workItem!.id, version: workItem!.version };
  }

  async updateTitle(itemId: string, expectedVersion: number, title: string) {
    const reply = await this.request('update_work_item', { messageId: randomUUID(), workItemId: itemId, expectedVersion, title });
    return { version: reply.workItem!.version, seq: reply.seq };
  }

  async subscribe(projectId: string, sinceSeq: number) {
    // The peer answers with the missed events in the ack itself.
    const reply = await this.request('subscribe', { projects: [{ projectId, sinceSeq }] });
    return { seq: reply.subscribed![0]!.seq, replayed: reply.missed?.length ?? 0 };
  }

  close(): void {
    this.socket.disconnect();
  }
}
