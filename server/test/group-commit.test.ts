// Group commit (pipeline/command-queue.ts): the writes that arrive in one
// event-loop turn share one SQLite transaction, each in its own savepoint.
// Sharing a commit must change nothing a client can see except speed: every
// write is still version-checked on its own, a refusal undoes only itself,
// one socket's commands are answered in order, and no reply goes out before
// its write is committed.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, ItemType, pb, type IClientFrame, type ServerFrame } from '../../shared/proto.ts';
import type { Caller } from '../src/auth/caller.ts';
import { makeLogger } from '../src/log.ts';
import { upsertUser } from '../src/storage/users.ts';
import { TenantDatabases } from '../src/tenancy/tenant-databases.ts';
import { CommandQueue } from '../src/pipeline/command-queue.ts';
import type { Dispatched } from '../src/pipeline/dispatch.ts';
import { signup, type Session } from './support/accounts.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient } from './support/ws-client.ts';

describe('over a real socket', () => {
  let srv: TestServer;
  let ada: Session;
  let client: TestClient;
  let projectId: string;

  beforeAll(async () => {
    srv = await startTestServer({ RATE_LIMIT_PER_SECOND: '5000', RATE_LIMIT_BURST: '5000' });
    ada = await signup(srv.http, 'Ada');
    client = await TestClient.connect(srv.ws, ada.token);
    projectId = (await client.ok({ createProject: { key: 'GRP', name: 'Group' } })).project!.id!;
  });

  afterAll(async () => {
    client.close();
    await srv.stop();
  });

  /** Sends every frame in one burst, then waits for all their replies, in arrival order. */
  async function burst(commands: Array<Omit<IClientFrame, 'messageId'>>): Promise<ServerFrame[]> {
    const ids: string[] = commands.map(() => randomUUID());
    const before = client.frames.length;
    commands.forEach((command, i) => client.sendRaw(pb.ClientFrame.encode({ ...command, messageId: ids[i] }).finish()));
    const replies = () => client.frames.slice(before).filter((f) => !f.event && ids.includes(f.messageId));
    await client.waitFor(() => (replies().length === ids.length ? true : undefined), 10_000, `${ids.length} replies`);
    return replies();
  }

  async function newTask(title: string) {
    return (await client.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title } })).workItem!;
  }

  async function writesPerCommit(): Promise<{ sum: number; count: number }> {
    const text = await (await fetch(`${srv.http}/metrics`)).text();
    const read = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
    return { sum: read('tandem_writes_per_commit_sum'), count: read('tandem_writes_per_commit_count') };
  }

  it('commits a burst of writes together, each still checked against the version the one before it made', async () => {
    const item = await newTask('v1');
    const before = await writesPerCommit();
    const n = 40;
    const replies = await burst(
      Array.from({ length: n }, (_, i) => ({
        updateWorkItem: { workItemId: item.id, expectedVersion: Number(item.version) + i, title: `title ${i + 1}` },
      })),
    );
    expect(replies.map((r) => r.error?.message ?? null)).toEqual(Array(n).fill(null));
    expect(replies.map((r) => Number(r.result!.workItem!.version))).toEqual(Array.from({ length: n }, (_, i) => Number(item.version) + i + 1));
    const after = await writesPerCommit();
    expect(after.sum - before.sum).toBe(n);
    // Fewer commits than writes: at least some of them shared one.
    expect(after.count - before.count).toBeLessThan(n);
  });

  it('refuses a stale write inside a group without undoing its neighbours, and keeps seq gap-free', async () => {
    const [a, b, c] = [await newTask('a'), await newTask('b'), await newTask('c')];
    const [ra, rb, rc] = await burst([
      { updateWorkItem: { workItemId: a.id, expectedVersion: a.version, title: 'a2' } },
      { updateWorkItem: { workItemId: b.id, expectedVersion: Number(b.version) - 1, title: 'b2' } },
      { updateWorkItem: { workItemId: c.id, expectedVersion: c.version, title: 'c2' } },
    ]);
    expect(rb!.error?.code).toBe(ErrorCode.ERROR_CODE_CONFLICT);
    expect(rc!.result!.seq).toBe(Number(ra!.result!.seq) + 1);
    const board = await client.ok({ getBoard: { projectId } });
    const titles = new Map(board.board!.workItems!.map((w) => [w.id, w.title]));
    expect([titles.get(a.id), titles.get(b.id), titles.get(c.id)]).toEqual(['a2', 'b', 'c2']);
  });

  it('answers a read sent right after a write with the write applied', async () => {
    const item = await newTask('before');
    const [write, read] = await burst([
      { updateWorkItem: { workItemId: item.id, expectedVersion: item.version, title: 'after' } },
      { getBoard: { projectId } },
    ]);
    expect(write!.result).toBeTruthy();
    expect(read!.result!.board!.workItems!.find((w) => w.id === item.id)!.title).toBe('after');
  });
});

describe('the queue on its own', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-queue-'));
  const log = makeLogger('error');
  const databases = new TenantDatabases({ dataDir: dir, synchronous: 'NORMAL', maxOpen: 4, idleMs: 60_000, log });
  const caller: Caller = { tenantId: 'queue-test', userId: 'u-ada', displayName: 'Ada', email: 'ada@example.com', tenantRole: 'owner' };
  upsertUser(databases.get(caller.tenantId), { ...caller, id: caller.userId }, Date.now());

  afterAll(() => {
    databases.closeAll();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers a reply only once another connection can read the committed write', () => {
    const queue = new CommandQueue({ database: (id) => databases.get(id), log, maxReplyBytes: Infinity });
    const observer = new Database(join(dir, caller.tenantId, 'main.db'), { readonly: true });
    const seenAtDelivery: number[] = [];
    const outs: Dispatched[] = [];
    const keys = ['ONE', 'TWO', 'THR'];
    for (const key of keys) {
      const frame = pb.ClientFrame.decode(pb.ClientFrame.encode({ messageId: randomUUID(), createProject: { key, name: key } }).finish());
      queue.push({
        caller,
        subscriptions: new Set(),
        frame,
        now: Date.now(),
        deliver: (out) => {
          outs.push(out);
          seenAtDelivery.push((observer.prepare('SELECT count(*) AS n FROM pm_projects').get() as { n: number }).n);
        },
      });
    }
    expect(outs).toHaveLength(0);
    queue.flush();
    observer.close();
    expect(outs.map((o) => o.errorCode)).toEqual([null, null, null]);
    expect(seenAtDelivery).toEqual([3, 3, 3]);
  });
});
