// docs/PROTOCOL.md §2 and the HTTP list: health, metrics, logs, shutdown.
import { mkdtempSync, rmSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ItemType } from '../../shared/proto.ts';
import { signup, type Session } from './support/accounts.ts';
import { spawnServer, waitForExit } from './support/server-process.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient } from './support/ws-client.ts';

let srv: TestServer;
let ada: Session;

beforeAll(async () => {
  srv = await startTestServer();
  ada = await signup(srv.http, 'Ada');
});
afterAll(() => srv.stop());

function metric(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(name + ' ') || l.startsWith(name + '{'));
  return line ? Number(line.split(' ').pop()) : NaN;
}

describe('operations', () => {
  it('OPS-1 /healthz answers ok with what the process is serving', async () => {
    const res = await fetch(srv.http + '/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', connections: 0 });
  });

  it('OPS-2 /metrics counts connections, frames, command latency by command, errors by code and open databases', async () => {
    const client = await TestClient.connect(srv.ws, ada.token);
    const project = (await client.ok({ createProject: { key: 'MET', name: 'Metrics' } })).project!;
    await client.ok({ createWorkItem: { projectId: project.id, itemType: ItemType.ITEM_TYPE_TASK, title: 'count me' } });
    await client.request({ getBoard: { projectId: 'nope' } });
    const text = await (await fetch(srv.http + '/metrics')).text();
    expect(metric(text, 'tandem_connections')).toBe(1);
    expect(metric(text, 'tandem_frames_in_total')).toBeGreaterThanOrEqual(3);
    expect(metric(text, 'tandem_frames_out_total')).toBeGreaterThanOrEqual(3);
    expect(text).toMatch(/tandem_command_duration_seconds_count\{command="createWorkItem"\} 1/);
    expect(text).toMatch(/tandem_errors_total\{code="NOT_FOUND"\} 1/);
    expect(metric(text, 'tandem_open_tenant_databases')).toBeGreaterThanOrEqual(1);
    client.close();
  });

  it("OPS-6 /metrics times a watched write's fan-out at the server: counted once someone other than the writer watches, not before", async () => {
    const writer = await TestClient.connect(srv.ws, ada.token);
    const watcher = await TestClient.connect(srv.ws, ada.token);
    const project = (await writer.ok({ createProject: { key: 'FAN', name: 'Fan-out' } })).project!;
    const fanouts = async () => metric(await (await fetch(srv.http + '/metrics')).text(), 'tandem_fanout_seconds_count') || 0;
    const before = await fanouts();
    await writer.ok({ createWorkItem: { projectId: project.id, itemType: ItemType.ITEM_TYPE_TASK, title: 'nobody watches' } });
    expect(await fanouts()).toBe(before);
    // The writer's own socket gets no copy of its write's event.
    await writer.ok({ subscribe: { projects: [{ projectId: project.id }] } });
    await writer.ok({ createWorkItem: { projectId: project.id, itemType: ItemType.ITEM_TYPE_TASK, title: 'only its writer watches' } });
    expect(await fanouts()).toBe(before);
    await watcher.ok({ subscribe: { projects: [{ projectId: project.id }] } });
    await writer.ok({ createWorkItem: { projectId: project.id, itemType: ItemType.ITEM_TYPE_TASK, title: 'someone watches' } });
    await watcher.waitForEvent(() => true);
    expect(await fanouts()).toBe(before + 1);
    const text = await (await fetch(srv.http + '/metrics')).text();
    expect(text).toMatch(/tandem_fanout_seconds_bucket\{le="0.005"\}/);
    writer.close();
    watcher.close();
  });

  it('OPS-3 serves the client (or its placeholder) at / and client routes', async () => {
    for (const path of ['/', '/p/WEB/item/12']) {
      const res = await fetch(srv.http + path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
    }
  });

  it('OPS-4 on SIGTERM closes sockets with 1001, checkpoints and closes the databases, and exits 0', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tandem-shutdown-'));
    try {
      const proc = await spawnServer(dataDir);
      const owner = await signup(proc.http, 'Ada');
      const client = await TestClient.connect(proc.ws, owner.token);
      await client.ok({ createProject: { key: 'BYE', name: 'Goodbye' } });
      proc.child.kill('SIGTERM');
      expect(await client.waitForClose()).toBe(1001);
      expect(await waitForExit(proc.child)).toBe(0);
      const wal = join(dataDir, owner.tenantId, 'main.db-wal');
      expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('OPS-5 logs one JSON line per event and never a token or password', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tandem-logs-'));
    try {
      const proc = await spawnServer(dataDir, { LOG_LEVEL: 'debug' });
      const lines: string[] = [];
      proc.child.stdout!.on('data', (d: Buffer) => lines.push(...d.toString().split('\n').filter(Boolean)));
      const owner = await signup(proc.http, 'Ada');
      const client = await TestClient.connect(proc.ws, owner.token);
      await client.ok({ createProject: { key: 'LOG', name: 'Logs' } });
      await new Promise((r) => setTimeout(r, 200));
      proc.child.kill('SIGTERM');
      await waitForExit(proc.child);
      const json = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
      const command = json.find((l) => l['event'] === 'command');
      expect(command).toMatchObject({ tenant: owner.tenantId, user: owner.user.id, command: 'createProject' });
      expect(typeof command!['latency_ms']).toBe('number');
      expect(typeof command!['message_id']).toBe('string');
      const all = lines.join('\n');
      expect(all).not.toContain(owner.token);
      expect(all).not.toContain('correct horse');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
