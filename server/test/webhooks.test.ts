// Outgoing webhooks (docs/PROTOCOL.md §2.7) against a real server and a real
// HTTP receiver on 127.0.0.1 (node:http), which the tests reach because they
// set WEBHOOKS_ALLOW_PRIVATE; the SSRF rules are checked with it off.
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ItemType, LinkKind, Priority, Role } from '../../shared/proto.ts';
import { WEBHOOK_EVENT_KIND_NAMES } from '../../shared/domain/webhook-events.ts';
import { loadConfig } from '../src/config.ts';
import { MAX_IN_FLIGHT } from '../src/webhooks/delivery-worker.ts';
import { isPublicAddress, publicOnlyLookup } from '../src/webhooks/destination.ts';
import { afterFailure, MAX_RETRY_DELAY_MS, retryDelayMs, RETRY_FOR_MS } from '../src/webhooks/retry-schedule.ts';
import { sendAttempt } from '../src/webhooks/send.ts';
import { invite, postJson, signup, type Session } from './support/accounts.ts';
import { spawnServer, waitForExit } from './support/server-process.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { startReceiver, verifies } from './support/webhook-receiver.ts';
import { TestClient } from './support/ws-client.ts';

/** The receiver may be on 127.0.0.1; the first retry after a second, so the tests take seconds. */
const RECEIVER_ON_LOOPBACK = { WEBHOOKS_ALLOW_PRIVATE: 'true', WEBHOOKS_RETRY_BASE_SECONDS: '1', WEBHOOKS_TIMEOUT_SECONDS: '2' };

async function waitUntil<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function api(base: string, who: Session | null, method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(base + path, {
    method,
    headers: { ...(who ? { authorization: `Bearer ${who.token}` } : {}), ...(method === 'POST' ? { 'content-type': 'application/json' } : {}), ...headers },
    body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

interface Registered {
  webhook: { id: string; url: string; kinds: string[]; projects: 'all' | string[] };
  secret: string;
}

async function register(base: string, who: Session, body: Record<string, unknown>): Promise<Registered> {
  const res = await api(base, who, 'POST', '/api/webhooks', body);
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Registered;
}

/** The tenant's file, read as an outside reader would (the server has it open). */
function tenantFile<T>(dataDir: string, tenantId: string, read: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, tenantId, 'main.db'), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const deliveryStates = (dataDir: string, tenantId: string) =>
  tenantFile(dataDir, tenantId, (db) =>
    db.prepare('SELECT d.id, d.state, (SELECT count(*) FROM pm_webhook_attempts a WHERE a.delivery_id = d.id) AS attempts FROM pm_webhook_deliveries d').all() as
      Array<{ id: string; state: string; attempts: number }>);

async function workspace(base: string, ws: string, key: string) {
  const ada = await signup(base, 'Ada');
  const socket = await TestClient.connect(ws, ada.token);
  const projectId = (await socket.ok({ createProject: { key, name: `Project ${key}`, description: '' } })).project!.id!;
  return { ada, socket, projectId };
}

describe('HOOK outgoing webhooks', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer(RECEIVER_ON_LOOPBACK);
  });
  afterAll(() => srv.stop());

  it('HOOK-1 a receiver that fails twice then succeeds gets one delivery in three attempts, signed, in the documented shape', async () => {
    const receiver = await startReceiver((_hit, n) => (n <= 2 ? 500 : 200));
    const { ada, socket, projectId } = await workspace(srv.http, srv.ws, 'ONE');
    const { webhook, secret } = await register(srv.http, ada, { url: receiver.url, kinds: ['work_item.created'], projects: ['ONE'] });
    expect(webhook).toMatchObject({ url: receiver.url, kinds: ['work_item.created'], projects: ['ONE'] });
    expect(secret).toMatch(/^whsec_[\w-]{43}$/);

    const item = (await socket.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: 'Ship it', priority: Priority.PRIORITY_HIGH, storyPoints: 3 } })).workItem!;
    await waitUntil(() => receiver.hits.length >= 3, 15_000, 'three attempts');
    await new Promise((r) => setTimeout(r, 300));
    const hits = receiver.hits;
    expect(hits).toHaveLength(3);
    expect(new Set(hits.map((h) => h.deliveryId)).size).toBe(1);
    for (const hit of hits) expect(verifies(hit, secret)).toBe(true);
    expect(verifies({ ...hits[2]!, body: hits[2]!.body.replace('Ship it', 'Ship it!') }, secret)).toBe(false);
    // The same body every time; only the timestamp (and so the signature) is the attempt's own.
    expect(new Set(hits.map((h) => h.body)).size).toBe(1);
    expect(Math.abs(Number(hits[2]!.timestamp) - Date.now() / 1000)).toBeLessThan(60);

    const body = JSON.parse(hits[0]!.body);
    expect(Object.keys(body)).toEqual(['deliveryId', 'webhookId', 'kind', 'projectId', 'projectKey', 'seq', 'actorId', 'occurredAtMs', 'occurredAt', 'changedFields', 'removed', 'entity']);
    expect(body).toMatchObject({
      deliveryId: hits[0]!.deliveryId, webhookId: webhook.id, kind: 'work_item.created', projectId, projectKey: 'ONE',
      actorId: ada.user.id, changedFields: ['created'], removed: false,
    });
    expect(hits[0]!.kind).toBe('work_item.created');
    expect(body.occurredAt).toBe(new Date(body.occurredAtMs).toISOString());
    expect(body.entity).toMatchObject({ id: item.id, key: 'ONE-1', title: 'Ship it', itemType: 'ITEM_TYPE_TASK', priority: 'PRIORITY_HIGH', storyPoints: 3, version: 1 });
    expect(typeof body.entity.createdAt).toBe('number');
    // Every field is there, at its default when unset.
    expect(body.entity).toMatchObject({ description: '', assigneeId: '', labels: [] });

    const log = await api(srv.http, ada, 'GET', `/api/webhooks/${webhook.id}/deliveries`);
    expect(log.status).toBe(200);
    expect(log.body.deliveries).toHaveLength(1);
    const [delivery] = log.body.deliveries;
    expect(delivery).toMatchObject({ id: hits[0]!.deliveryId, kind: 'work_item.created', projectKey: 'ONE', state: 'delivered', nextAttemptAtMs: null });
    expect(delivery.attempts.map((a: { attempt: number; statusCode: number; error: string | null }) => [a.attempt, a.statusCode, a.error])).toEqual([
      [1, 500, 'HTTP 500'], [2, 500, 'HTTP 500'], [3, 200, null],
    ]);
    for (const a of delivery.attempts) expect(a.durationMs).toBeGreaterThanOrEqual(0);
    // Exponential with jitter: the second wait is at least the first step's half-doubled.
    const [a1, a2, a3] = delivery.attempts as Array<{ startedAtMs: number }>;
    expect(a2!.startedAtMs - a1!.startedAtMs).toBeGreaterThanOrEqual(500);
    expect(a3!.startedAtMs - a2!.startedAtMs).toBeGreaterThanOrEqual(1000);

    // The file holds the secret sealed, never as written: its readers (npm run query, the MCP server) cannot sign.
    const sealed = tenantFile(srv.dataDir, ada.tenantId, (db) => (db.prepare('SELECT secret_sealed FROM pm_webhooks').get() as { secret_sealed: string }).secret_sealed);
    expect(sealed).not.toContain(secret.slice(6));
    for (const file of ['main.db', 'main.db-wal']) {
      expect(readFileSync(join(srv.dataDir, ada.tenantId, file)).includes(secret.slice(6)), file).toBe(false);
    }
    socket.close();
    await receiver.close();
  });

  it('HOOK-2 writes go on at full speed while every delivery hangs; at most MAX_IN_FLIGHT are sent at once, all are queued', async () => {
    const receiver = await startReceiver(() => 'hold');
    const { ada, socket, projectId } = await workspace(srv.http, srv.ws, 'TWO');
    await register(srv.http, ada, { url: receiver.url, kinds: ['work_item.created'], projects: 'all' });

    await socket.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: 'First' } });
    await waitUntil(() => receiver.open > 0, 5000, 'the receiver to hold a delivery');
    const took: number[] = [];
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      await socket.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: `Item ${i}` } });
      took.push(performance.now() - started);
    }
    // Every write was answered while the receiver held deliveries open: none waited on it.
    expect(took).toHaveLength(200);
    expect(Math.max(...took)).toBeLessThan(1000);
    expect(receiver.maxOpen).toBeLessThanOrEqual(MAX_IN_FLIGHT);
    const states = deliveryStates(srv.dataDir, ada.tenantId);
    expect(states).toHaveLength(201);
    expect(states.every((d) => d.state === 'PENDING')).toBe(true);
    socket.close();
    await receiver.close();
  });

  it('HOOK-4 a receiver on a private, loopback or link-local address is refused by default, at registration and at send time', async () => {
    const guarded = await startTestServer({ WEBHOOKS_RETRY_BASE_SECONDS: '1' });
    try {
      const ada = await signup(guarded.http, 'Ada');
      for (const url of [
        'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/hook', 'http://127.0.0.1:9/hook', 'http://localhost:9/hook', 'http://0.0.0.0/',
        'http://[::1]/', 'http://[::ffff:169.254.169.254]/', 'http://[fe80::1]/', 'http://[fd00::1]/', 'http://192.168.1.10/', 'http://172.20.0.5/',
      ]) {
        const res = await api(guarded.http, ada, 'POST', '/api/webhooks', { url, kinds: ['comment'], projects: 'all' });
        expect(res.status, url).toBe(400);
        expect(res.body.error, url).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'url' });
        expect(res.body.error.message, url).toMatch(/not a public address/);
      }
      for (const url of ['ftp://example.com/', 'https://user:pw@example.com/', 'not a url']) {
        expect((await api(guarded.http, ada, 'POST', '/api/webhooks', { url, kinds: ['comment'], projects: 'all' })).status, url).toBe(400);
      }
    } finally {
      await guarded.stop();
    }

    // At send time, on the addresses the connection would use: a literal, and a name that resolves to loopback.
    const receiver = await startReceiver(() => 200);
    const port = new URL(receiver.url).port;
    for (const url of [`http://127.0.0.1:${port}/`, `http://localhost:${port}/`]) {
      const outcome = await sendAttempt({ url, headers: {}, body: '{}', timeoutMs: 2000, allowPrivate: false, signal: new AbortController().signal });
      expect(outcome.statusCode, url).toBeNull();
      expect(outcome.error, url).toMatch(/^Refused: .*not a public address/);
    }
    expect(receiver.hits).toHaveLength(0);
    const allowed = await sendAttempt({ url: receiver.url, headers: {}, body: '{}', timeoutMs: 2000, allowPrivate: true, signal: new AbortController().signal });
    expect(allowed).toMatchObject({ statusCode: 200, error: null });
    await receiver.close();

    const looked = await new Promise<string>((resolve) => publicOnlyLookup('localhost', { all: true }, (err) => resolve(String(err?.message))));
    expect(looked).toMatch(/localhost resolves to .* not a public address/);
    for (const address of ['169.254.169.254', '10.0.0.1', '127.0.0.1', '0.0.0.0', '100.64.1.1', '224.0.0.1', '255.255.255.255', '::', '::1', 'fe80::1', 'fc00::1', 'fd12:3456::1', '::ffff:10.0.0.1', '::ffff:a9fe:a9fe', '64:ff9b::a00:1', '2002:a00:1::1', 'ff02::1']) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8']) expect(isPublicAddress(address), address).toBe(true);
  });

  it('HOOK-5 only a workspace owner or admin manages webhooks; a member gets 403, no credential 401, and the POST guard applies', async () => {
    const { ada, socket } = await workspace(srv.http, srv.ws, 'FIV');
    const receiver = await startReceiver(() => 200);
    const { webhook } = await register(srv.http, ada, { url: receiver.url, kinds: ['sprint'], projects: 'all' });
    const member = await invite(srv.http, ada, 'Mel');
    const admin = await invite(srv.http, ada, 'Abe', 'admin');
    const paths: Array<['GET' | 'POST', string, unknown?]> = [
      ['GET', '/api/webhooks'],
      ['POST', '/api/webhooks', { url: receiver.url, kinds: ['sprint'], projects: 'all' }],
      ['POST', `/api/webhooks/${webhook.id}`, { kinds: ['comment'] }],
      ['POST', `/api/webhooks/${webhook.id}/delete`],
      ['GET', `/api/webhooks/${webhook.id}/deliveries`],
      ['POST', `/api/webhooks/${webhook.id}/deliveries/nope/resend`],
    ];
    for (const [method, path, body] of paths) {
      const res = await api(srv.http, member, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe('PERMISSION_DENIED');
      expect((await api(srv.http, null, method, path, body)).status, `${method} ${path}`).toBe(401);
    }
    expect((await api(srv.http, admin, 'GET', '/api/webhooks')).body.webhooks.map((w: { id: string }) => w.id)).toEqual([webhook.id]);
    // Another workspace's webhook is not found, word for word as one that does not exist.
    const other = await signup(srv.http, 'Zed');
    expect((await api(srv.http, other, 'GET', `/api/webhooks/${webhook.id}/deliveries`)).status).toBe(404);
    expect((await api(srv.http, other, 'POST', `/api/webhooks/${webhook.id}/delete`)).status).toBe(404);

    const form = await fetch(`${srv.http}/api/webhooks`, { method: 'POST', headers: { 'content-type': 'text/plain', cookie: ada.cookie }, body: '{}' });
    expect(form.status).toBe(415);
    const foreign = await postJson(srv.http, '/api/webhooks', { url: receiver.url, kinds: ['sprint'], projects: 'all' }, { cookie: ada.cookie, origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const sameSite = await postJson(srv.http, '/api/webhooks', { url: receiver.url, kinds: ['sprint'], projects: 'all' }, { cookie: ada.cookie, origin: srv.http });
    expect(sameSite.status).toBe(201);
    socket.close();
    await receiver.close();
  });

  it('HOOK-6 the delivery log, re-send, kinds and projects chosen, a rotated secret, and deletion', async () => {
    const receiver = await startReceiver(() => 200);
    const { ada, socket, projectId } = await workspace(srv.http, srv.ws, 'SIX');
    const otherProject = (await socket.ok({ createProject: { key: 'SIY', name: 'Other', description: '' } })).project!.id!;
    const { webhook, secret } = await register(srv.http, ada, { url: receiver.url, kinds: ['work_item.created', 'comment'], projects: ['SIX'] });

    const item = (await socket.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: 'Hooked' } })).workItem!;
    await socket.ok({ updateWorkItem: { workItemId: item.id!, expectedVersion: item.version!, title: 'Not a kind it takes' } });
    await socket.ok({ createWorkItem: { projectId: otherProject, itemType: ItemType.ITEM_TYPE_TASK, title: 'Not a project it takes' } });
    await socket.ok({ addComment: { workItemId: item.id!, body: 'A comment' } });
    await waitUntil(() => receiver.hits.length >= 2, 10_000, 'two deliveries');
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.hits.map((h) => h.kind)).toEqual(['work_item.created', 'comment']);
    expect(JSON.parse(receiver.hits[1]!.body).entity).toMatchObject({ body: 'A comment', workItemId: item.id });

    const log = (await api(srv.http, ada, 'GET', `/api/webhooks/${webhook.id}/deliveries`)).body.deliveries as Array<{ id: string; kind: string; state: string; attempts: unknown[] }>;
    expect(log.map((d) => [d.kind, d.state, d.attempts.length])).toEqual([['comment', 'delivered', 1], ['work_item.created', 'delivered', 1]]);
    expect((await api(srv.http, ada, 'GET', `/api/webhooks/${webhook.id}/deliveries?limit=1`)).body.deliveries).toHaveLength(1);

    // Re-send: the same delivery, id and body, once more; the log shows the second attempt.
    const first = receiver.hits[0]!;
    const resent = await api(srv.http, ada, 'POST', `/api/webhooks/${webhook.id}/deliveries/${first.deliveryId}/resend`);
    expect(resent.status).toBe(202);
    expect(resent.body.delivery).toMatchObject({ id: first.deliveryId, state: 'pending' });
    await waitUntil(() => receiver.hits.length >= 3, 10_000, 'the re-sent delivery');
    expect(receiver.hits[2]).toMatchObject({ deliveryId: first.deliveryId, body: first.body });
    expect(verifies(receiver.hits[2]!, secret)).toBe(true);
    await waitUntil(async () => {
      const d = (await api(srv.http, ada, 'GET', `/api/webhooks/${webhook.id}/deliveries`)).body.deliveries.find((x: { id: string }) => x.id === first.deliveryId);
      return d.state === 'delivered' && d.attempts.length === 2;
    }, 10_000, 'the second attempt in the log');
    expect((await api(srv.http, ada, 'POST', `/api/webhooks/${webhook.id}/deliveries/unknown/resend`)).status).toBe(404);

    // A new secret signs from now on; the old one no longer does.
    const rotated = await api(srv.http, ada, 'POST', `/api/webhooks/${webhook.id}`, { rotateSecret: true, kinds: ['work_item.deleted'], projects: ['SIX', 'SIY'] });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.webhook).toMatchObject({ kinds: ['work_item.deleted'], projects: ['SIX', 'SIY'] });
    const current = (await socket.ok({ getWorkItem: { workItemId: item.id! } })).workItem!;
    await socket.ok({ deleteWorkItem: { workItemId: item.id!, expectedVersion: current.version! } });
    await waitUntil(() => receiver.hits.length >= 4, 10_000, 'the delete');
    expect(receiver.hits[3]!.kind).toBe('work_item.deleted');
    expect(verifies(receiver.hits[3]!, rotated.body.secret)).toBe(true);
    expect(verifies(receiver.hits[3]!, secret)).toBe(false);
    expect((await api(srv.http, ada, 'POST', `/api/webhooks/${webhook.id}`, { kinds: ['work_item.frozen'] })).body.error).toMatchObject({ field: 'kinds' });
    expect((await api(srv.http, ada, 'POST', `/api/webhooks/${webhook.id}`, { projects: ['NOPE'] })).body.error).toMatchObject({ field: 'projects' });

    // Deleted: its queue goes with it and nothing more is sent.
    expect((await api(srv.http, ada, 'POST', `/api/webhooks/${webhook.id}/delete`)).status).toBe(204);
    expect((await api(srv.http, ada, 'GET', '/api/webhooks')).body.webhooks).toEqual([]);
    expect(deliveryStates(srv.dataDir, ada.tenantId)).toEqual([]);
    await socket.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: 'After the delete' } });
    await new Promise((r) => setTimeout(r, 1000));
    expect(receiver.hits).toHaveLength(4);
    socket.close();
    await receiver.close();
  });

  it('HOOK-7 every kind of project event reaches a webhook that takes them all', async () => {
    const receiver = await startReceiver(() => 200);
    const { ada, socket, projectId } = await workspace(srv.http, srv.ws, 'SEV');
    await register(srv.http, ada, { url: receiver.url, kinds: WEBHOOK_EVENT_KIND_NAMES, projects: 'all' });
    const bob = await invite(srv.http, ada, 'Bob');
    const a = (await socket.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: 'A' } })).workItem!;
    const b = (await socket.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: 'B' } })).workItem!;
    const changed = (await socket.ok({ updateWorkItem: { workItemId: a.id!, expectedVersion: a.version!, title: 'A2' } })).workItem!;
    await socket.ok({ addComment: { workItemId: a.id!, body: 'Hi' } });
    await socket.ok({ createSprint: { projectId, name: 'Sprint 1' } });
    await socket.ok({ addMember: { projectId, userId: bob.user.id, role: Role.ROLE_EDITOR } });
    await socket.ok({ linkWorkItems: { fromId: a.id!, toId: b.id!, kind: LinkKind.LINK_KIND_BLOCKS } });
    await socket.ok({ deleteWorkItem: { workItemId: a.id!, expectedVersion: changed.version! } });
    await socket.ok({ restoreWorkItem: { workItemId: a.id! } });
    // A link is an event per end (decision 45): within one project, two.
    const expected = ['work_item.created', 'work_item.created', 'work_item.changed', 'comment', 'sprint', 'member', 'link', 'link', 'work_item.deleted', 'work_item.restored'];
    await waitUntil(() => receiver.hits.length >= expected.length, 15_000, 'every kind');
    // Sent in parallel: compare as sets, and the seqs tell the order.
    const bodies = receiver.hits.map((h) => JSON.parse(h.body)).sort((x, y) => x.seq - y.seq);
    expect(bodies.map((x) => x.kind)).toEqual(expected);
    expect(bodies.find((x) => x.kind === 'member').entity).toMatchObject({ userId: bob.user.id, role: 'ROLE_EDITOR' });
    expect(bodies.find((x) => x.kind === 'link').entity).toMatchObject({ fromId: a.id, toId: b.id, kind: 'LINK_KIND_BLOCKS' });
    socket.close();
    await receiver.close();
  });

  it('HOOK-8 with two instances on one data folder each delivery is sent by one of them only', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tandem-hooks-'));
    const one = await startTestServer(RECEIVER_ON_LOOPBACK, dataDir);
    const receiver = await startReceiver(() => 200);
    const { ada, socket, projectId } = await workspace(one.http, one.ws, 'EIG');
    await register(one.http, ada, { url: receiver.url, kinds: ['work_item.created'], projects: 'all' });
    // Started after the registration, so its first look finds the tenant and keeps its file open.
    const two = await startTestServer({ ...RECEIVER_ON_LOOPBACK, INSTANCE_NAME: 'two' }, dataDir);
    const socketTwo = await TestClient.connect(two.ws, ada.token);
    try {
      for (let i = 0; i < 30; i++) {
        await (i % 2 ? socket : socketTwo).ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: `Item ${i}` } });
      }
      await waitUntil(() => deliveryStates(dataDir, ada.tenantId).every((d) => d.state === 'DELIVERED') && receiver.hits.length >= 30, 20_000, '30 deliveries');
      await new Promise((r) => setTimeout(r, 1000));
      const ids = receiver.hits.map((h) => h.deliveryId);
      expect(ids).toHaveLength(30);
      expect(new Set(ids).size).toBe(30);
      expect(deliveryStates(dataDir, ada.tenantId).map((d) => d.attempts)).toEqual(Array(30).fill(1));
    } finally {
      socket.close();
      socketTwo.close();
      await receiver.close();
      await two.stop();
      await one.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('HOOK retries and restarts', () => {
  it('HOOK-3 a restart (SIGKILL) in the middle of the retries still delivers every delivery, exactly once to a receiver that drops repeats', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tandem-hooks-'));
    // Each delivery fails twice, then is accepted; a repeat of an accepted one is acknowledged and dropped.
    const processed = new Set<string>();
    let repeats = 0;
    const receiver = await startReceiver((hit, n) => {
      if (n <= 2) return 500;
      if (processed.has(hit.deliveryId)) repeats++;
      else processed.add(hit.deliveryId);
      return 200;
    });
    let server = await spawnServer(dataDir, { ...RECEIVER_ON_LOOPBACK, WEBHOOKS_RETRY_BASE_SECONDS: '3' });
    try {
      const { ada, socket, projectId } = await workspace(server.http, server.ws, 'THR');
      await register(server.http, ada, { url: receiver.url, kinds: ['work_item.created'], projects: 'all' });
      for (let i = 0; i < 5; i++) await socket.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: `Item ${i}` } });
      socket.close();
      // Every delivery has failed once and waits for its retry (1.5 s or more away): the process dies.
      await waitUntil(() => {
        const states = deliveryStates(dataDir, ada.tenantId);
        return states.length === 5 && states.every((s) => s.attempts === 1 && s.state === 'PENDING');
      }, 10_000, 'a first failed attempt of each');
      server.child.kill('SIGKILL');
      await waitForExit(server.child);
      const before = receiver.hits.length;

      server = await spawnServer(dataDir, { ...RECEIVER_ON_LOOPBACK, WEBHOOKS_RETRY_BASE_SECONDS: '3' });
      await waitUntil(() => deliveryStates(dataDir, ada.tenantId).every((s) => s.state === 'DELIVERED'), 30_000, 'every delivery after the restart');
      await new Promise((r) => setTimeout(r, 1500));
      expect(receiver.hits.length).toBeGreaterThan(before);
      const ids = deliveryStates(dataDir, ada.tenantId).map((s) => s.id).sort();
      expect([...processed].sort()).toEqual(ids);
      expect(repeats).toBe(0);
      // Nothing is sent again once accepted.
      for (const id of ids) expect(receiver.hits.filter((h) => h.deliveryId === id).length).toBe(3);
    } finally {
      server.child.kill('SIGKILL');
      await waitForExit(server.child);
      await receiver.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('HOOK-9 backoff doubles with jitter up to an hour, and a delivery is tried for at least a day before it fails', () => {
    const base = 10_000;
    for (let n = 1; n <= 12; n++) {
      const step = Math.min(MAX_RETRY_DELAY_MS, base * 2 ** (n - 1));
      expect(retryDelayMs(n, base, () => 0)).toBe(step / 2);
      expect(retryDelayMs(n, base, () => 0.999999)).toBeLessThanOrEqual(step);
      expect(retryDelayMs(n, base, () => 0.999999)).toBeGreaterThan(step * 0.99);
    }
    expect(retryDelayMs(40, base, () => 0.5)).toBeLessThanOrEqual(MAX_RETRY_DELAY_MS);
    for (const random of [() => 0, () => 0.999999, Math.random]) {
      const queued = 0;
      let now = queued;
      let failed = 0;
      for (;;) {
        failed++;
        const next = afterFailure(failed, now, queued + RETRY_FOR_MS, base, random);
        if (next.state === 'FAILED') break;
        now = next.nextAttemptAt;
      }
      expect(now - queued).toBeGreaterThanOrEqual(RETRY_FOR_MS);
      expect(now - queued).toBeLessThan(RETRY_FOR_MS + MAX_RETRY_DELAY_MS);
      expect(failed).toBeGreaterThan(20);
    }
  });

  it('HOOK-10 the webhook settings are read once at start, off and slow by default, and a bad value stops the process', () => {
    expect(loadConfig({}).webhooks).toEqual({ allowPrivate: false, retryBaseSeconds: 10, timeoutSeconds: 10 });
    expect(loadConfig({ WEBHOOKS_ALLOW_PRIVATE: 'true', WEBHOOKS_RETRY_BASE_SECONDS: '1', WEBHOOKS_TIMEOUT_SECONDS: '30' }).webhooks)
      .toEqual({ allowPrivate: true, retryBaseSeconds: 1, timeoutSeconds: 30 });
    expect(() => loadConfig({ WEBHOOKS_ALLOW_PRIVATE: 'sometimes' })).toThrow(/WEBHOOKS_ALLOW_PRIVATE/);
    expect(() => loadConfig({ WEBHOOKS_RETRY_BASE_SECONDS: '0' })).toThrow(/WEBHOOKS_RETRY_BASE_SECONDS/);
    expect(() => loadConfig({ WEBHOOKS_TIMEOUT_SECONDS: '600' })).toThrow(/WEBHOOKS_TIMEOUT_SECONDS/);
  });
});
