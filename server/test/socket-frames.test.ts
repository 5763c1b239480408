// docs/PROTOCOL.md §1: what the socket does with frames it cannot use. The bad
// socket gets an error or a close code; others are served; nothing is written.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, pb } from '../../shared/proto.ts';
import { signup, type Session } from './support/accounts.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient } from './support/ws-client.ts';

let srv: TestServer;
let ada: Session;
let projectId: string;
let bystander: TestClient;

async function itemCount(client: TestClient): Promise<number> {
  const res = await client.ok({ getBoard: { projectId } });
  return res.board!.workItems!.length;
}

beforeAll(async () => {
  srv = await startTestServer({ MAX_FRAME_BYTES: '4096', RATE_LIMIT_PER_SECOND: '5', RATE_LIMIT_BURST: '20' });
  ada = await signup(srv.http, 'Ada');
  bystander = await TestClient.connect(srv.ws, ada.token);
  projectId = (await bystander.ok({ createProject: { key: 'WEB', name: 'Web' } })).project!.id!;
});
afterAll(async () => {
  bystander.close();
  await srv.stop();
});

describe('frames the server cannot use', () => {
  it('FRAME-1 answers random bytes with INVALID_ARGUMENT and an empty message_id, and keeps the socket open', async () => {
    const client = await TestClient.connect(srv.ws, ada.token);
    client.sendRaw(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 0x12]));
    const reply = await client.waitFor(() => client.frames.find((f) => f.error), 5000, 'error');
    expect(reply.error!.code).toBe(ErrorCode.ERROR_CODE_INVALID_ARGUMENT);
    expect(reply.messageId).toBe('');
    await client.ok({ listProjects: {} });
    client.close();
  });

  it('FRAME-2 survives a seeded storm of random frames: every one answered, nothing written', async () => {
    const client = await TestClient.connect(srv.ws, ada.token);
    const before = await itemCount(bystander);
    for (let i = 0; i < 15; i++) client.sendRaw(randomBytes(1 + (i * 37) % 200));
    await client.waitFor(() => (client.frames.length >= 15 ? true : undefined), 5000, '15 replies');
    expect(client.frames.every((f) => f.error)).toBe(true);
    expect(await itemCount(bystander)).toBe(before);
    client.close();
  });

  it('FRAME-3 rejects a frame with no command or a bad message_id', async () => {
    const client = await TestClient.connect(srv.ws, ada.token);
    const noCommand = await client.request({});
    expect(noCommand.error!.code).toBe(ErrorCode.ERROR_CODE_INVALID_ARGUMENT);
    const longId = await client.request({ listProjects: {} }, 'x'.repeat(65));
    expect(longId.error!.field).toBe('message_id');
    client.close();
  });

  it('FRAME-4 closes a socket that sends a text frame with 1003', async () => {
    const client = await TestClient.connect(srv.ws, ada.token);
    client.sendRaw('{"listProjects":{}}', false);
    expect(await client.waitForClose()).toBe(1003);
    await bystander.ok({ listProjects: {} });
  });

  it('FRAME-5 closes a socket that sends an oversize frame with 1009 and applies nothing', async () => {
    const client = await TestClient.connect(srv.ws, ada.token);
    const before = await itemCount(bystander);
    const big = pb.ClientFrame.encode({
      messageId: 'big',
      createWorkItem: { projectId, itemType: pb.ItemType.ITEM_TYPE_TASK, title: 'too big', description: 'x'.repeat(8000) },
    }).finish();
    client.sendRaw(big);
    expect(await client.waitForClose()).toBe(1009);
    expect(await itemCount(bystander)).toBe(before);
  });

  it('FRAME-6 rate-limits a flood with RATE_LIMITED and retry_after_ms, then serves again', async () => {
    const client = await TestClient.connect(srv.ws, ada.token);
    for (let i = 0; i < 40; i++) client.sendRaw(pb.ClientFrame.encode({ messageId: `flood-${i}`, listProjects: {} }).finish());
    await client.waitFor(() => (client.frames.length >= 40 ? true : undefined), 5000, '40 replies');
    const limited = client.frames.filter((f) => f.error?.code === ErrorCode.ERROR_CODE_RATE_LIMITED);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.messageId).toMatch(/^flood-/);
    expect(limited[0]!.error!.retryAfterMs).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, Number(limited[0]!.error!.retryAfterMs) + 50));
    await client.ok({ listProjects: {} });
    client.close();
  });
});
