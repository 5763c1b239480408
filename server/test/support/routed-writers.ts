// Clients that keep writing to one project through the SDK while its tenant
// moves between cells (tenant-move.test.ts, the tenant-move bench): each
// socket goes wherever `cellUrl()` says when it opens, as a router in front
// of the cells would send it, and each client keeps what it holds (its own
// Results, others' events) to be held against get_board afterwards.
import WebSocket from 'ws';
import { ErrorCode, ItemType, pb } from '../../../shared/proto.ts';
import { makeConnection, type Connection } from '../../../shared/sdk/connection.ts';
import { makeProjectFeed } from '../../../shared/sdk/project-feed.ts';
import type { WebSocketConstructor } from '../../../shared/sdk/socket.ts';

export interface RoutedWriter {
  conn: Connection;
  /** What this client holds: item id → version, from its own Results and others' events. */
  items: Map<string, number>;
  /** Every seq it knows of: its Results' and the events handed on. */
  seqs: Set<number>;
  acked: Array<{ at: number; seq: number; id: string }>;
}

export interface RoutedWriters {
  writers: RoutedWriter[];
  /** When an UNAVAILABLE Error reached any of them. */
  refusedAt: number[];
  /** Stops writing once each client's write in flight is answered. */
  stop(): Promise<void>;
  /** The longest time between two acknowledged writes, across every client. */
  longestWait(): number;
  close(): void;
}

export function startRoutedWriters(opts: { count: number; token: string; projectId: string; fromSeq: number; cellUrl: () => string }): RoutedWriters {
  const refusedAt: number[] = [];
  class Routed extends WebSocket {
    constructor(_url: string, protocols?: string | string[]) {
      super(opts.cellUrl(), protocols);
      this.on('message', (data: ArrayBuffer | Buffer) => {
        if (pb.ServerFrame.decode(new Uint8Array(data)).error?.code === ErrorCode.ERROR_CODE_UNAVAILABLE) refusedAt.push(Date.now());
      });
    }
  }
  let writing = true;
  const writers: RoutedWriter[] = [];
  const loops: Array<Promise<void>> = [];
  for (let w = 0; w < opts.count; w++) {
    const conn = makeConnection({ url: 'ws://router/ws', token: async () => opts.token, WebSocketImpl: Routed as unknown as WebSocketConstructor, backoff: { initialMs: 100, maxMs: 400 } });
    const writer: RoutedWriter = { conn, items: new Map(), seqs: new Set(), acked: [] };
    const feed = makeProjectFeed(conn, {
      onEvent: (event) => {
        if (!event.seq) return;
        writer.seqs.add(Number(event.seq));
        if (event.workItem?.workItem) writer.items.set(event.workItem.workItem.id!, Number(event.workItem.workItem.version));
      },
      onResync: (projectId) => {
        throw new Error(`a client was told to fetch ${projectId} again: its log did not move whole`);
      },
    });
    feed.watch(opts.projectId, opts.fromSeq);
    writers.push(writer);
    loops.push((async () => {
      for (let i = 0; writing; i++) {
        const result = await conn.request({ createWorkItem: { projectId: opts.projectId, itemType: ItemType.ITEM_TYPE_TASK, title: `client ${w} write ${i}` } });
        const item = result.workItem!;
        writer.acked.push({ at: Date.now(), seq: Number(result.seq), id: item.id! });
        writer.seqs.add(Number(result.seq));
        writer.items.set(item.id!, Number(item.version));
      }
    })());
  }
  return {
    writers,
    refusedAt,
    async stop() {
      writing = false;
      await Promise.all(loops);
    },
    longestWait() {
      const times = writers.flatMap((w) => w.acked.map((a) => a.at)).sort((x, y) => x - y);
      return Math.max(0, ...times.slice(1).map((at, i) => at - times[i]!));
    },
    close() {
      for (const writer of writers) writer.conn.close();
    },
  };
}
