// Issue "The team loop" part 2 (docs/PROTOCOL.md §5, v11): what is mine
// across projects: assigned (claimed), created, watched; only projects I may
// read; live items only, without descriptions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ItemType, Role } from '../../shared/proto.ts';
import { invite, signup, type Session } from './support/accounts.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient } from './support/ws-client.ts';

let srv: TestServer;
let ada: Session;
let bob: Session;
let adaSocket: TestClient;
let bobSocket: TestClient;

beforeAll(async () => {
  srv = await startTestServer();
  ada = await signup(srv.http, 'Ada');
  bob = await invite(srv.http, ada, 'Bob');
  adaSocket = await TestClient.connect(srv.ws, ada.token);
  bobSocket = await TestClient.connect(srv.ws, bob.token);
});

afterAll(async () => {
  adaSocket?.close();
  bobSocket?.close();
  await srv?.stop();
});

describe('my work', () => {
  it('MYWORK-1 lists my assigned, created and watched items across the projects I may read, each once, with their projects', async () => {
    const web = (await adaSocket.ok({ createProject: { key: 'WEB', name: 'Web' } })).project!.id!;
    const ops = (await adaSocket.ok({ createProject: { key: 'OPS', name: 'Ops' } })).project!.id!;
    const hidden = (await adaSocket.ok({ createProject: { key: 'HID', name: 'Hidden' } })).project!.id!;
    for (const projectId of [web, ops]) await adaSocket.ok({ addMember: { projectId, userId: bob.user.id, role: Role.ROLE_EDITOR } });
    const make = (projectId: string, title: string, extra = {}, socket = adaSocket) =>
      socket.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title, description: 'Long text here', ...extra } }).then((r) => r.workItem!);
    const assigned = await make(web, 'Assigned to Bob', { assigneeId: bob.user.id });
    const claimed = await make(ops, 'Claimed by Bob');
    await bobSocket.ok({ claimWorkItem: { workItemId: claimed.id } });
    await make(ops, 'Made by Bob', {}, bobSocket);
    const watched = await make(web, 'Watched by Bob');
    await bobSocket.ok({ watchWorkItem: { workItemId: watched.id } });
    // Bob had work in a project he has since left: it is not his to see.
    await adaSocket.ok({ addMember: { projectId: hidden, userId: bob.user.id, role: Role.ROLE_EDITOR } });
    await make(hidden, 'Assigned in a project Bob left', { assigneeId: bob.user.id });
    await adaSocket.ok({ removeMember: { projectId: hidden, userId: bob.user.id } });
    const gone = await make(web, 'Deleted', { assigneeId: bob.user.id });
    await adaSocket.ok({ deleteWorkItem: { workItemId: gone.id, expectedVersion: gone.version } });

    const mine = (await bobSocket.ok({ getMyWork: {} })).myWork!;
    expect(mine.assigned!.map((i) => i.title).sort()).toEqual(['Assigned to Bob', 'Claimed by Bob']);
    expect(mine.created!.map((i) => i.title)).toEqual(['Made by Bob']);
    expect(mine.watching!.map((i) => i.title)).toEqual(['Watched by Bob']);
    expect(mine.assigned!.find((i) => i.id === assigned.id)).toMatchObject({ description: '', descriptionOmitted: true });
    expect(mine.projects!.map((p) => p.key).sort()).toEqual(['OPS', 'WEB']);
    expect(mine.projects![0]!.statuses!.length).toBeGreaterThan(0);
  });
});
