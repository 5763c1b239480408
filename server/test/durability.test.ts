// Nothing acknowledged is ever lost: a server killed with SIGKILL in the middle
// of a stream of writes comes back with every acknowledged write, and a sound file.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ItemType, pb } from '../../shared/proto.ts';
import { signup } from './support/accounts.ts';
import { spawnServer, waitForExit, type ServerProcess } from './support/server-process.ts';
import { TestClient } from './support/ws-client.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'tandem-durability-'));
let running: ServerProcess | null = null;
afterAll(() => {
  running?.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('durability', () => {
  it('DUR-1 keeps every acknowledged write across a SIGKILL, and the file passes integrity_check', async () => {
    // A limit high enough that the stream is never throttled.
    running = await spawnServer(dataDir, { RATE_LIMIT_PER_SECOND: '1000000', RATE_LIMIT_BURST: '1000000' });
    const ada = await signup(running.http, 'Ada');
    const client = await TestClient.connect(running.ws, ada.token);
    const projectId = (await client.ok({ createProject: { key: 'DUR', name: 'Durable' } })).project!.id!;

    // A pipelined stream: many writes in flight; the kill lands mid-stream.
    const acknowledged = new Set<string>();
    client.socket.on('message', (data: Buffer) => {
      const frame = pb.ServerFrame.decode(new Uint8Array(data));
      if (frame.result?.workItem) acknowledged.add(frame.result.workItem.title!);
    });
    let sent = 0;
    const pump = setInterval(() => {
      for (let i = 0; i < 5 && client.socket.readyState === client.socket.OPEN; i++) {
        const title = `write ${sent++}`;
        client.sendRaw(pb.ClientFrame.encode({
          messageId: `dur-${title}`,
          createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title },
        }).finish());
      }
    }, 2);
    await client.waitFor(() => (acknowledged.size >= 300 ? true : undefined), 20_000, '300 acknowledged writes');
    running.child.kill('SIGKILL');
    await waitForExit(running.child);
    clearInterval(pump);
    expect(sent).toBeGreaterThan(acknowledged.size);

    running = await spawnServer(dataDir);
    const again = await TestClient.connect(running.ws, ada.token);
    const board = (await again.ok({ getBoard: { projectId } })).board!;
    const titles = new Set(board.workItems!.map((w) => w.title));
    const lost = [...acknowledged].filter((t) => !titles.has(t));
    expect(lost).toEqual([]);
    // Gap-free: one event per stored item (plus the project's creation).
    expect(board.seq).toBe(board.workItems!.length + 1);
    again.close();
    running.child.kill('SIGTERM');
    await waitForExit(running.child);
    running = null;

    const db = new Database(join(dataDir, ada.tenantId, 'main.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
