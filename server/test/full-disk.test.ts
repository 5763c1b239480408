// A full disk loses nothing acknowledged (issue "Hardening", HARD-11;
// docs/PROTOCOL.md §8, §15): with DATA_DIR on a small file system that fills
// up, writes are refused with UNAVAILABLE, reads go on, every write that got a
// Result is in the file after a restart, the event log and the stored replies
// agree, and writes resume when space returns. The file system is a tmpfs of
// its own, so filling it touches nothing else: mounting needs root.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, ItemType, pb, type IClientFrame, type ServerFrame } from '../../shared/proto.ts';
import { makeConnection, type Connection } from '../../shared/sdk/connection.ts';
import { tapSockets, waitFor, waitForState } from '../../shared/sdk/test-harness.ts';
import type { Caller } from '../src/auth/caller.ts';
import { makeLogger } from '../src/log.ts';
import { CommandQueue } from '../src/pipeline/command-queue.ts';
import type { Dispatched } from '../src/pipeline/dispatch.ts';
import { upsertUser } from '../src/storage/users.ts';
import { TenantDatabases } from '../src/tenancy/tenant-databases.ts';
import { TenantDb } from '../src/tenancy/tenant-db.ts';
import { signup, type Session } from './support/accounts.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient } from './support/ws-client.ts';

const UNAVAILABLE = ErrorCode.ERROR_CODE_UNAVAILABLE;

function mountTmpfs(dir: string, size: string): void {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (err) {
    const why = (err as { stderr?: Buffer }).stderr?.toString().trim() || String(err);
    throw new Error(
      `HARD-11 fills a file system of its own and could not make one: 'mount -t tmpfs -o size=${size} tmpfs ${dir}' failed (${why}). ` +
      'Run the tests as root, or in a container allowed to mount.',
    );
  }
}

/** Writes a file until the file system refuses another byte; returns its path (delete it to free the space). */
function fill(dir: string): string {
  const path = join(dir, `filler-${randomUUID()}`);
  const fd = openSync(path, 'w');
  try {
    for (const size of [1 << 20, 1 << 16, 4096, 512, 1]) {
      const chunk = Buffer.alloc(size, 0x55);
      for (;;) {
        try {
          writeSync(fd, chunk);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw err;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return path;
}

const task = (projectId: string, title: string) => ({
  // Big enough that a few dozen writes need more WAL than any slack the file system had.
  createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title, description: 'd'.repeat(4000) },
});

/** Sends the frames in one burst (so they share group commits) and waits for each reply. */
async function burst(client: TestClient, frames: Array<{ messageId: string; command: Omit<IClientFrame, 'messageId'> }>) {
  const ids = new Set(frames.map((f) => f.messageId));
  const replies = new Map<string, ServerFrame>();
  let scanned = client.frames.length;
  for (const { messageId, command } of frames) client.sendRaw(pb.ClientFrame.encode({ ...command, messageId }).finish());
  await client.waitFor(() => {
    for (; scanned < client.frames.length; scanned++) {
      const f = client.frames[scanned]!;
      if (!f.event && ids.has(f.messageId)) replies.set(f.messageId, f);
    }
    return replies.size === ids.size ? true : undefined;
  }, 20_000, `${ids.size} replies`);
  return replies;
}

describe('HARD-11 a full disk loses nothing acknowledged', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-full-disk-'));
  let mounted = false;
  let srv: TestServer | null = null;
  let ada: Session;
  let client: TestClient;
  let sdk: Connection;
  const tap = tapSockets();
  let projectId: string;
  let filler = '';
  /** Message id -> the Result it got, and -> the refusal. */
  const acknowledged = new Map<string, ServerFrame>();
  const refused = new Map<string, ServerFrame>();
  const titleOf = (messageId: string) => `item ${messageId}`;
  let sdkWrite: { messageId: string; landed: Promise<unknown> } | null = null;

  beforeAll(async () => {
    mountTmpfs(dir, '4m');
    mounted = true;
    // The limit is lifted so the stream of writes measures the disk, not throttling.
    srv = await startTestServer({ RATE_LIMIT_PER_SECOND: '1000000', RATE_LIMIT_BURST: '1000000' }, dir);
    ada = await signup(srv.http, 'Ada');
    // Sockets are opened while there is room: opening one records the user in the tenant file.
    client = await TestClient.connect(srv.ws, ada.token);
    projectId = (await client.ok({ createProject: { key: 'FULL', name: 'Full disk' } })).project!.id!;
    await client.ok({ subscribe: { projects: [{ projectId }] } });
    sdk = makeConnection({ url: srv.ws, token: async () => ada.token, WebSocketImpl: tap.Impl });
    await waitForState(sdk, 'open');
  });

  afterAll(async () => {
    sdk?.close();
    client?.close();
    await srv?.stop();
    if (mounted) execFileSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('HARD-11a writes on a full disk are refused UNAVAILABLE with retry_after_ms, never INTERNAL, never a Result that is not kept', async () => {
    const before = await burst(client, Array.from({ length: 10 }, () => {
      const messageId = randomUUID();
      return { messageId, command: task(projectId, titleOf(messageId)) };
    }));
    for (const [id, reply] of before) {
      expect(reply.result, 'a write before the disk is full').toBeTruthy();
      acknowledged.set(id, reply);
    }
    filler = fill(dir);

    for (let round = 0; round < 80 && refused.size < 60; round++) {
      const replies = await burst(client, Array.from({ length: 25 }, () => {
        const messageId = randomUUID();
        return { messageId, command: task(projectId, titleOf(messageId)) };
      }));
      for (const [id, reply] of replies) (reply.result ? acknowledged : refused).set(id, reply);
    }
    expect(refused.size, 'the disk never filled: every write still found room').toBeGreaterThan(0);
    const errors = [...refused.values()].map((r) => ({ code: r.error!.code, late: Number(r.error!.retryAfterMs) > 0, said: Boolean(r.error!.message) }));
    expect(errors).toEqual(errors.map(() => ({ code: UNAVAILABLE, late: true, said: true })));
  });

  it('HARD-11b reads go on: the board, history, a catch-up from the log and a socket opened now; a resend of an acknowledged write gets its first reply', async () => {
    const board = (await client.ok({ getBoard: { projectId } })).board!;
    const titles = new Set(board.workItems!.map((w) => w.title));
    expect([...acknowledged.keys()].filter((id) => !titles.has(titleOf(id)))).toEqual([]);
    expect([...refused.keys()].filter((id) => titles.has(titleOf(id)))).toEqual([]);
    // One event per item and the project's own: nothing refused left a seq behind.
    expect(Number(board.seq)).toBe(board.workItems!.length + 1);
    await client.ok({ listProjects: {} });
    await client.ok({ getHistory: { workItemId: board.workItems![0]!.id } });

    const since = Number(board.seq) - 5;
    const replayed = client.events.length;
    await client.ok({ subscribe: { projects: [{ projectId, sinceSeq: since }] } });
    await client.waitFor(() => (client.events.length >= replayed + 5 ? true : undefined), 5000, 'the replay');
    expect(client.events.slice(replayed, replayed + 5).map((e) => Number(e.seq))).toEqual([1, 2, 3, 4, 5].map((n) => since + n));

    // A socket opened now is let in (recording the visit cannot be written) and reads.
    const late = await TestClient.connect(srv!.ws, ada.token);
    expect((await late.ok({ getBoard: { projectId, omitDescriptions: true } })).board!.workItems).toHaveLength(board.workItems!.length);
    late.close();

    const [ackedId, first] = [...acknowledged][acknowledged.size - 1]!;
    const again = await client.request(task(projectId, 'ignored: the id is known'), ackedId);
    expect(again.result).toEqual(first.result);
    expect(Number(again.serverTimeMs)).toBe(Number(first.serverTimeMs));
    // A refusal of the moment is not remembered: the resend really runs, and is refused again.
    const [refusedId] = [...refused.keys()];
    expect((await client.request(task(projectId, titleOf(refusedId!)), refusedId)).error?.code).toBe(UNAVAILABLE);
  });

  it('HARD-11c a group commit that fails answers every write of the group UNAVAILABLE, and stores none of them', async () => {
    const queue = new CommandQueue({ database: (id) => srv!.server.databases.get(id), log: makeLogger('error'), maxReplyBytes: Infinity });
    const caller: Caller = { tenantId: ada.tenantId, userId: ada.user.id, displayName: 'Ada', email: ada.user.email, tenantRole: 'owner' };
    const outs: Dispatched[] = [];
    const ids = Array.from({ length: 8 }, () => randomUUID());
    for (const messageId of ids) {
      const frame = pb.ClientFrame.decode(pb.ClientFrame.encode({ messageId, ...task(projectId, titleOf(messageId)) }).finish());
      queue.push({ caller, subscriptions: new Set(), frame, now: Date.now(), deliver: (out) => outs.push(out) });
    }
    queue.flush();
    expect(outs.map((o) => o.errorCode)).toEqual(ids.map(() => UNAVAILABLE));
    expect(outs.flatMap((o) => o.events)).toEqual([]);
    const titles = new Set((await client.ok({ getBoard: { projectId } })).board!.workItems!.map((w) => w.title));
    expect(ids.filter((id) => titles.has(titleOf(id)))).toEqual([]);
  });

  it('HARD-11d the SDK keeps a write refused UNAVAILABLE in its outbox and still answers reads', async () => {
    const messageId = randomUUID();
    let settled = false;
    const landed = sdk.request(task(projectId, titleOf(messageId)), { messageId }).finally(() => {
      settled = true;
    });
    landed.catch(() => undefined);
    sdkWrite = { messageId, landed };
    await waitFor(() => tap.received.some((bytes) => {
      const frame = pb.ServerFrame.decode(bytes);
      return frame.messageId === messageId && frame.error?.code === UNAVAILABLE;
    }) || undefined, 'the refusal');
    expect((await sdk.request({ getBoard: { projectId } })).board).toBeTruthy();
    expect(sdk.pending().map((e) => e.messageId)).toEqual([messageId]);
    expect(settled).toBe(false);
  });

  it('HARD-11e writes resume once there is room: the queued write lands by itself, refused ones sent again run', async () => {
    rmSync(filler);
    const { messageId, landed } = sdkWrite!;
    expect(((await landed) as { workItem?: { title?: string } }).workItem?.title).toBe(titleOf(messageId));
    expect(sdk.pending()).toEqual([]);
    acknowledged.set(messageId, tap.received.map((b) => pb.ServerFrame.decode(b)).find((f) => f.messageId === messageId && f.result)!);
    // Sent again with their ids, the refused writes run now: nothing of them
    // was remembered. The rest are never sent again, and must stay absent.
    const again = await burst(client, [...refused.keys()].slice(0, 40).map((messageId) => ({
      messageId, command: task(projectId, titleOf(messageId)),
    })));
    for (const [id, reply] of again) {
      expect(reply.error?.message ?? null, id).toBeNull();
      acknowledged.set(id, reply);
      refused.delete(id);
    }
  }, 30_000);

  it('HARD-11f after a restart every acknowledged write is in the file, once; the log, the replies and the file agree', async () => {
    await srv!.stop();
    srv = await startTestServer({ RATE_LIMIT_PER_SECOND: '1000000', RATE_LIMIT_BURST: '1000000' }, dir);
    client.close();
    client = await TestClient.connect(srv.ws, ada.token);
    const board = (await client.ok({ getBoard: { projectId } })).board!;
    const titles = board.workItems!.map((w) => w.title!);
    expect([...acknowledged.keys()].filter((id) => !titles.includes(titleOf(id)))).toEqual([]);
    expect(titles.length).toBe(new Set(titles).size);
    // Nothing still refused is among them.
    expect(titles.filter((t) => [...refused.keys()].some((id) => t === titleOf(id)))).toEqual([]);
    for (const [id, first] of acknowledged) {
      const again = await client.request(task(projectId, 'ignored: the id is known'), id);
      expect(again.result, id).toEqual(first.result);
    }
    await srv.stop();
    srv = null;

    const db = new Database(join(dir, ada.tenantId, 'main.db'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const last = (db.prepare('SELECT last_event_seq AS seq FROM pm_projects WHERE id = ?').get(projectId) as { seq: number }).seq;
      const seqs = (db.prepare('SELECT seq FROM pm_events WHERE project_id = ? ORDER BY seq').all(projectId) as Array<{ seq: number }>).map((r) => r.seq);
      expect(seqs).toEqual(Array.from({ length: last }, (_, i) => i + 1));
      const created = db.prepare("SELECT count(*) AS n FROM pm_events WHERE project_id = ? AND kind = 'work_item'").get(projectId) as { n: number };
      expect(created.n).toBe(titles.length);
      // Every acknowledged write's reply is kept, and it names a stored event.
      const reply = db.prepare('SELECT reply FROM pm_idempotency_keys WHERE user_id = ? AND message_id = ?');
      for (const id of acknowledged.keys()) {
        const row = reply.get(ada.user.id, id) as { reply: Buffer } | undefined;
        expect(row, id).toBeDefined();
        expect(seqs).toContain(Number(pb.ServerFrame.decode(row!.reply).result!.seq));
      }
    } finally {
      db.close();
    }
  });
});

describe('HARD-11g SQLite rolling back the whole group transaction on a full disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-group-rollback-'));
  const log = makeLogger('error');
  const databases = new TenantDatabases({ dataDir: dir, synchronous: 'NORMAL', maxOpen: 4, idleMs: 60_000, log });
  const caller: Caller = { tenantId: 'rollback-test', userId: 'u-ada', displayName: 'Ada', email: 'ada@example.com', tenantRole: 'owner' };

  afterAll(() => {
    databases.closeAll();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The tenant file, but the nth project insert fails as SQLite does on a full disk when it gives up the whole transaction. */
  class FullOnNthInsert extends TenantDb {
    private inserts = 0;
    constructor(db: TenantDb, private readonly nth: number) {
      super(db.tenantId, db.path, db.sqlite);
    }
    override run(query: Parameters<TenantDb['run']>[0]): number {
      if (/^insert into "pm_projects"/i.test(query.compile().sql) && ++this.inserts === this.nth) {
        this.sqlite.exec('ROLLBACK');
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      }
      return super.run(query);
    }
  }

  it('HARD-11g answers every write of the group UNAVAILABLE, the ones before the fault too, and none after it commits on its own', () => {
    const real = databases.get(caller.tenantId);
    upsertUser(real, { ...caller, id: caller.userId }, Date.now());
    const flaky = new FullOnNthInsert(real, 3);
    const queue = new CommandQueue({ database: () => flaky, log, maxReplyBytes: Infinity });
    const outs: Dispatched[] = [];
    const keys = ['ONE', 'TWO', 'THREE', 'FOUR', 'FIVE'];
    for (const key of keys) {
      const frame = pb.ClientFrame.decode(pb.ClientFrame.encode({ messageId: randomUUID(), createProject: { key, name: key } }).finish());
      queue.push({ caller, subscriptions: new Set(), frame, now: Date.now(), deliver: (out) => outs.push(out) });
    }
    queue.flush();
    expect(outs.map((o) => o.errorCode)).toEqual(keys.map(() => UNAVAILABLE));
    expect(real.sqlite.prepare('SELECT count(*) AS n FROM pm_projects').get()).toEqual({ n: 0 });
    expect(real.sqlite.inTransaction).toBe(false);
  });
});
