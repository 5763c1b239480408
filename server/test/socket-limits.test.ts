// docs/PROTOCOL.md §1 limits: connection caps, token expiry mid-session, idle
// sockets, and slow readers. Each protects the others on the instance.
import { connect } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode, ItemType, pb } from '../../shared/proto.ts';
import { loadConfig } from '../src/config.ts';
import { PASSWORD, invite, postJson, signup } from './support/accounts.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient } from './support/ws-client.ts';

let srv: TestServer | null = null;
afterEach(async () => {
  await srv?.stop();
  srv = null;
});

describe('socket limits', () => {
  it('LIM-1 refuses sockets past the per-tenant cap with 503 while other tenants still connect', async () => {
    srv = await startTestServer({ MAX_CONNECTIONS_PER_TENANT: '2' });
    const ada = await signup(srv.http, 'Ada');
    const bob = await invite(srv.http, ada, 'Bob');
    const zed = await signup(srv.http, 'Zed');
    const open = [await TestClient.connect(srv.ws, ada.token), await TestClient.connect(srv.ws, bob.token)];
    await expect(TestClient.connect(srv.ws, ada.token)).rejects.toThrow(/503/);
    const other = await TestClient.connect(srv.ws, zed.token);
    open[0]!.close();
    await open[0]!.waitForClose();
    await new Promise((r) => setTimeout(r, 50));
    const again = await TestClient.connect(srv.ws, ada.token);
    for (const c of [open[1]!, other, again]) c.close();
  });

  it('HARD-7a refuses one user\'s sockets past MAX_CONNECTIONS_PER_USER with 503, while others of the tenant still connect', async () => {
    srv = await startTestServer({ MAX_CONNECTIONS_PER_USER: '3' });
    const ada = await signup(srv.http, 'Ada');
    const bob = await invite(srv.http, ada, 'Bob');
    const zed = await signup(srv.http, 'Zed');
    const adas = [];
    for (let i = 0; i < 3; i++) adas.push(await TestClient.connect(srv.ws, ada.token));
    await expect(TestClient.connect(srv.ws, ada.token)).rejects.toThrow(/503/);
    // Counted per person, not per token: a second log-in of Ada is still Ada.
    const again = await postJson(srv.http, '/api/auth/login', { email: ada.user.email, password: PASSWORD });
    await expect(TestClient.connect(srv.ws, again.body.token)).rejects.toThrow(/503/);
    const others = [await TestClient.connect(srv.ws, bob.token), await TestClient.connect(srv.ws, zed.token)];
    // A closed socket frees its place.
    adas[0]!.close();
    await adas[0]!.waitForClose();
    await new Promise((r) => setTimeout(r, 50));
    const back = await TestClient.connect(srv.ws, ada.token);
    for (const c of [...adas.slice(1), ...others, back]) c.close();
  });

  it('HARD-7a defaults to 20 sockets per user, well below the tenant cap', () => {
    const limits = loadConfig({}).limits;
    expect(limits.maxConnectionsPerUser).toBe(20);
    expect(limits.maxConnectionsPerUser).toBeLessThan(limits.maxConnectionsPerTenant / 100);
  });

  it('LIM-2 refuses sockets past the instance cap with 503', async () => {
    srv = await startTestServer({ MAX_CONNECTIONS: '2' });
    const ada = await signup(srv.http, 'Ada');
    const zed = await signup(srv.http, 'Zed');
    const open = [await TestClient.connect(srv.ws, ada.token), await TestClient.connect(srv.ws, zed.token)];
    await expect(TestClient.connect(srv.ws, zed.token)).rejects.toThrow(/503/);
    for (const c of open) c.close();
  });

  it('LIM-3 answers UNAUTHENTICATED and closes with 4001 once the token has expired', async () => {
    srv = await startTestServer();
    const ada = await signup(srv.http, 'Ada');
    const token = await srv.server.tokens.issue({
      userId: ada.user.id, tenantId: ada.tenantId, tenantRole: 'owner', name: 'Ada', email: ada.user.email,
    }, 2);
    const client = await TestClient.connect(srv.ws, token);
    await client.ok({ listProjects: {} });
    const expMs = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')).exp * 1000;
    await new Promise((r) => setTimeout(r, expMs - Date.now()));
    // A frame sent at exp is refused, unless the once-a-second sweep closed the socket first (HARD-3d).
    client.sendRaw(pb.ClientFrame.encode({ messageId: 'late', listProjects: {} }).finish());
    expect(await client.waitForClose()).toBe(4001);
    const reply = client.frames.find((f) => f.messageId === 'late');
    if (reply) expect(reply.error!.code).toBe(ErrorCode.ERROR_CODE_UNAUTHENTICATED);
    expect(client.frames.filter((f) => f.result && f.messageId === 'late')).toEqual([]);
  });

  it('LIM-4 closes a socket that answers no pings after the idle timeout, and keeps one that answers', async () => {
    srv = await startTestServer({ IDLE_TIMEOUT_SECONDS: '8' });
    const ada = await signup(srv.http, 'Ada');
    const responsive = await TestClient.connect(srv.ws, ada.token); // ws answers pings by itself
    // A bare TCP client: completes the upgrade, then never reads a ping or answers it.
    const mute = connect(srv.port, '127.0.0.1');
    mute.write(
      `GET /ws HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n` +
      `Sec-WebSocket-Protocol: tandem.v1, bearer.${ada.token}\r\n\r\n`,
    );
    const received: Buffer[] = [];
    mute.on('data', (d) => received.push(d));
    await new Promise<void>((resolve) => mute.on('close', () => resolve()));
    expect(Buffer.concat(received).toString('latin1')).toMatch(/^HTTP\/1.1 101/);
    await new Promise((r) => setTimeout(r, 10_000));
    expect(responsive.closeCode).toBeNull();
    await responsive.ok({ listProjects: {} });
    responsive.close();
  }, 60_000);

  it('LIM-5 closes a reader that stops reading once its backlog passes the bound, and keeps serving others', async () => {
    srv = await startTestServer({ MAX_BACKPRESSURE_BYTES: '65536', RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '100000' });
    const ada = await signup(srv.http, 'Ada');
    const writer = await TestClient.connect(srv.ws, ada.token);
    const projectId = (await writer.ok({ createProject: { key: 'BIG', name: 'Big board' } })).project!.id!;
    for (let i = 0; i < 300; i++) {
      writer.sendRaw(
        pb.ClientFrame.encode({
          messageId: `fill-${i}`,
          createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: `card ${i}`, description: 'x'.repeat(2000) },
        }).finish(),
      );
    }
    await writer.waitFor(() => (writer.frames.length >= 301 ? true : undefined), 20_000, 'filled board');

    const slow = await TestClient.connect(srv.ws, ada.token);
    (slow.socket as unknown as { _socket: { pause(): void } })._socket.pause();
    // Each board is ~700 KB: the kernel buffers fill, then the server's backlog passes 64 KiB.
    for (let i = 0; i < 40; i++) slow.sendRaw(pb.ClientFrame.encode({ messageId: `board-${i}`, getBoard: { projectId } }).finish());
    await new Promise((r) => setTimeout(r, 1500));
    (slow.socket as unknown as { _socket: { resume(): void } })._socket.resume();
    const code = await slow.waitForClose(10_000);
    expect([1006, 1013]).toContain(code);
    expect(slow.frames.length).toBeLessThan(40);
    await writer.ok({ listProjects: {} });
    writer.close();
  }, 60_000);

  it('LIM-6 survives a slow writer whose own multi-event write overruns it: the write lands, others are served', async () => {
    srv = await startTestServer({ MAX_BACKPRESSURE_BYTES: '65536', RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '100000' });
    const ada = await signup(srv.http, 'Ada');
    const setup = await TestClient.connect(srv.ws, ada.token);
    const projectId = (await setup.ok({ createProject: { key: 'SLOW', name: 'Slow' } })).project!.id!;
    const sprint = (await setup.ok({ createSprint: { projectId, name: 'Big sprint' } })).sprint!;
    await setup.ok({ startSprint: { sprintId: sprint.id } });
    // A watcher makes the write's events go somewhere (it may itself be cut by the burst).
    const watcher = await TestClient.connect(srv.ws, ada.token);
    await watcher.ok({ subscribe: { projects: [{ projectId }] } });
    const n = 1200;
    for (let i = 0; i < n; i++) {
      setup.sendRaw(pb.ClientFrame.encode({
        messageId: `item-${i}`,
        createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: `card ${i}`, sprintId: sprint.id, description: 'y'.repeat(4000) },
      }).finish());
    }
    await setup.waitFor(() => (setup.frames.length >= n + 3 ? true : undefined), 30_000, 'filled sprint');

    const slow = await TestClient.connect(srv.ws, ada.token);
    (slow.socket as unknown as { _socket: { pause(): void } })._socket.pause();
    // Completing moves every item to the backlog: one ~4 KB event each goes to the sender first.
    slow.sendRaw(pb.ClientFrame.encode({ messageId: 'complete', completeSprint: { sprintId: sprint.id } }).finish());
    await new Promise((r) => setTimeout(r, 1500));
    (slow.socket as unknown as { _socket: { resume(): void } })._socket.resume();
    await slow.waitForClose(10_000);
    await new Promise((r) => setTimeout(r, 200));
    const board = (await setup.ok({ getBoard: { projectId } })).board!;
    expect(board.sprints!.find((s) => s.id === sprint.id)!.state).toBe(pb.SprintState.SPRINT_STATE_COMPLETED);
    expect(board.workItems!.every((w) => !w.sprintId)).toBe(true);
    setup.close();
    watcher.close();
  }, 90_000);
});
