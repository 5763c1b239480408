// docs/PROTOCOL.md §7: a write's event reaches every other subscriber of its project.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ItemType } from '../../shared/proto.ts';
import { invite, signup, type Session } from './support/accounts.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient } from './support/ws-client.ts';

let srv: TestServer;
let ada: Session;
let bob: Session;
let projectId: string;

beforeAll(async () => {
  srv = await startTestServer();
  ada = await signup(srv.http, 'Ada');
  bob = await invite(srv.http, ada, 'Bob', 'admin');
  const setup = await TestClient.connect(srv.ws, ada.token);
  projectId = (await setup.ok({ createProject: { key: 'FAN', name: 'Fan-out' } })).project!.id!;
  setup.close();
});
afterAll(() => srv.stop());

describe('fan-out', () => {
  it('FAN-1 delivers the event of a writer that subscribes to nothing (a script, an API client)', async () => {
    const watcher = await TestClient.connect(srv.ws, bob.token);
    await watcher.ok({ subscribe: { projects: [{ projectId }] } });
    const writer = await TestClient.connect(srv.ws, ada.token);
    const res = await writer.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: 'from a script' } });
    const event = await watcher.waitForEvent((e) => e.seq === res.seq);
    expect(event.workItem!.workItem!.title).toBe('from a script');
    watcher.close();
    writer.close();
  });

  it('FAN-2 delivers to every subscriber on the board, once each, and not to the writer', async () => {
    const watchers = await Promise.all([0, 1, 2, 3, 4].map(() => TestClient.connect(srv.ws, bob.token)));
    for (const w of watchers) await w.ok({ subscribe: { projects: [{ projectId }] } });
    const writer = await TestClient.connect(srv.ws, ada.token);
    await writer.ok({ subscribe: { projects: [{ projectId }] } });
    const res = await writer.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_BUG, title: 'seen by all' } });
    for (const w of watchers) await w.waitForEvent((e) => e.seq === res.seq);
    await new Promise((r) => setTimeout(r, 100));
    for (const w of watchers) expect(w.events.filter((e) => e.seq === res.seq)).toHaveLength(1);
    expect(writer.events).toHaveLength(0);
    for (const c of [...watchers, writer]) c.close();
  });

  it('FAN-3 tells a socket that joins a board who is already on it and what they have open', async () => {
    const adaC = await TestClient.connect(srv.ws, ada.token);
    await adaC.ok({ subscribe: { projects: [{ projectId }] } });
    await adaC.ok({ setPresence: { projectId, viewingWorkItemId: 'item-42' } });
    const bobC = await TestClient.connect(srv.ws, bob.token);
    await bobC.ok({ subscribe: { projects: [{ projectId }] } });
    const here = await bobC.waitForEvent((e) => e.presence?.userId === ada.user.id);
    expect(here.presence).toMatchObject({ online: true, viewingWorkItemId: 'item-42', displayName: 'Ada' });
    expect(here.seq).toBe(0);
    // Ada is not told about herself when she subscribes again elsewhere on the same socket.
    expect(adaC.events.filter((e) => e.presence?.userId === ada.user.id)).toEqual([]);
    adaC.close();
    bobC.close();
  });

  it('FAN-4 names each socket\'s presence session, so a second tab closing does not take the first away', async () => {
    const watcher = await TestClient.connect(srv.ws, bob.token);
    await watcher.ok({ subscribe: { projects: [{ projectId }] } });
    const tabs = [await TestClient.connect(srv.ws, ada.token), await TestClient.connect(srv.ws, ada.token)];
    for (const tab of tabs) {
      await tab.ok({ subscribe: { projects: [{ projectId }] } });
      await tab.ok({ setPresence: { projectId } });
    }
    const online = await watcher.waitFor(() => {
      const seen = watcher.events.filter((e) => e.presence?.userId === ada.user.id && e.presence.online);
      return seen.length >= 2 ? seen : undefined;
    });
    const [first, second] = online.map((e) => e.presence!.sessionId);
    expect(first).not.toBe(second);
    tabs[1]!.close();
    const gone = await watcher.waitForEvent((e) => e.presence?.userId === ada.user.id && e.presence.online === false);
    expect(gone.presence!.sessionId).toBe(second);
    tabs[0]!.close();
    watcher.close();
  });
});
