// Subscribe.changed_fields_only: an ordinary work item change reaches such a
// subscriber as a partial item (identity, version, who and when, and the
// named fields only; WorkItemChanged.partial), live and in a catch-up, while
// a plain subscriber of the same project still gets the whole item. Events
// that create, delete or restore an item stay whole for everyone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ItemType, pb, type IEvent, type IWorkItem } from '../../shared/proto.ts';
import { invite, signup, type Session } from './support/accounts.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient } from './support/ws-client.ts';

let srv: TestServer;
let ada: Session;
let bob: Session;
let projectId: string;
const clients: TestClient[] = [];

beforeAll(async () => {
  srv = await startTestServer();
  ada = await signup(srv.http, 'Ada');
  bob = await invite(srv.http, ada, 'Bob', 'admin');
  const setup = await TestClient.connect(srv.ws, ada.token);
  projectId = (await setup.ok({ createProject: { key: 'CFO', name: 'Changed fields only' } })).project!.id!;
  setup.close();
});
afterAll(async () => {
  for (const c of clients) c.close();
  await srv.stop();
});

async function connect(session: Session): Promise<TestClient> {
  const client = await TestClient.connect(srv.ws, session.token);
  clients.push(client);
  return client;
}

/** A writer and two watchers of the project: one asked for changed fields only, one did not. */
async function board() {
  const writer = await connect(ada);
  const compact = await connect(bob);
  const whole = await connect(bob);
  await compact.ok({ subscribe: { projects: [{ projectId }], changedFieldsOnly: true } });
  await whole.ok({ subscribe: { projects: [{ projectId }] } });
  return { writer, compact, whole };
}

/** The fields an item had on the wire (proto3 leaves defaults, and so cleared fields, off). */
const onWire = (item: IWorkItem | null | undefined) => pb.WorkItem.toObject(pb.WorkItem.fromObject(item ?? {}));

const identity = (item: IWorkItem) => ({
  id: item.id, projectId: item.projectId, key: item.key, number: item.number,
  version: item.version, updatedAt: item.updatedAt, updatedBy: item.updatedBy,
});

const bySeq = (client: TestClient, seq: number | null | undefined) => client.waitForEvent((e) => e.projectId === projectId && e.seq === seq);

async function createItem(writer: TestClient, fields: { labels?: string[]; assigneeId?: string } = {}) {
  const res = await writer.ok({
    createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_STORY, title: 'Keep the basket', description: 'A long description '.repeat(5), ...fields },
  });
  return { item: res.workItem!, seq: res.seq! };
}

describe('changed fields only', () => {
  it('CFO-1 a title change reaches a compact subscriber as exactly the changed field, and a plain one as the whole item', async () => {
    const { writer, compact, whole } = await board();
    const { item } = await createItem(writer, { labels: ['checkout'] });
    const res = await writer.ok({ updateWorkItem: { workItemId: item.id, expectedVersion: item.version, title: 'Keep the basket after log-in' } });
    const after = res.workItem!;

    const small = (await bySeq(compact, res.seq)).workItem!;
    expect(small.partial).toBe(true);
    expect(small.changedFields).toEqual(['title']);
    expect(onWire(small.workItem)).toEqual({ ...identity(after), title: 'Keep the basket after log-in' });

    const full = (await bySeq(whole, res.seq)).workItem!;
    expect(full.partial).toBe(false);
    expect(full.changedFields).toEqual(['title']);
    expect(onWire(full.workItem)).toEqual(onWire(after));
    expect(full.workItem!.description).toContain('A long description');
  });

  it('CFO-2 a cleared assignee comes as the field named and left off (its default); labels set come as the full new list', async () => {
    const { writer, compact, whole } = await board();
    const { item } = await createItem(writer, { assigneeId: bob.user.id, labels: ['a'] });
    const cleared = await writer.ok({ updateWorkItem: { workItemId: item.id, expectedVersion: item.version, clear: ['assignee_id'] } });
    const labelled = await writer.ok({
      updateWorkItem: { workItemId: item.id, expectedVersion: cleared.workItem!.version, labels: ['b', 'a', 'c'], setLabels: true },
    });

    const unassigned = (await bySeq(compact, cleared.seq)).workItem!;
    expect(unassigned).toMatchObject({ partial: true, changedFields: ['assignee_id'] });
    expect(onWire(unassigned.workItem)).toEqual(identity(cleared.workItem!));
    expect(unassigned.workItem!.assigneeId).toBe('');

    const labels = (await bySeq(compact, labelled.seq)).workItem!;
    expect(labels).toMatchObject({ partial: true, changedFields: ['labels'] });
    expect(onWire(labels.workItem)).toEqual({ ...identity(labelled.workItem!), labels: labelled.workItem!.labels });
    expect([...labels.workItem!.labels!].sort()).toEqual(['a', 'b', 'c']);

    expect((await bySeq(whole, labelled.seq)).workItem!.workItem!.title).toBe('Keep the basket');
  });

  it('CFO-3 story points named come with has_story_points, so an estimate of 0 is not taken for none', async () => {
    const { writer, compact } = await board();
    const { item } = await createItem(writer);
    const res = await writer.ok({ updateWorkItem: { workItemId: item.id, expectedVersion: item.version, storyPoints: 0 } });
    const change = (await bySeq(compact, res.seq)).workItem!;
    expect(change.changedFields).toEqual(['story_points']);
    expect(onWire(change.workItem)).toEqual({ ...identity(res.workItem!), hasStoryPoints: true });
  });

  it('CFO-4 creating, deleting and restoring an item stay whole for a compact subscriber (it may not hold the item)', async () => {
    const { writer, compact } = await board();
    const { item, seq: createdSeq } = await createItem(writer);
    const deleted = await writer.ok({ deleteWorkItem: { workItemId: item.id, expectedVersion: item.version } });
    const restored = await writer.ok({ restoreWorkItem: { workItemId: item.id } });
    for (const [seq, name] of [[createdSeq, 'created'], [deleted.seq, 'deleted'], [restored.seq, 'restored']] as const) {
      const change = (await bySeq(compact, seq)).workItem!;
      expect(change.partial).toBe(false);
      expect(change.changedFields![0]).toBe(name);
      expect(change.workItem!.description).toContain('A long description');
      expect(change.workItem!.statusId).not.toBe('');
    }
  });

  it('CFO-5 a catch-up from since_seq replays compact events to a compact subscriber, whole ones to a plain one', async () => {
    const writer = await connect(ada);
    const { item, seq: createdSeq } = await createItem(writer);
    const since = createdSeq - 1;
    const moved = await writer.ok({ updateWorkItem: { workItemId: item.id, expectedVersion: item.version, priority: pb.Priority.PRIORITY_HIGH } });
    const compact = await connect(bob);
    const whole = await connect(bob);
    await compact.ok({ subscribe: { projects: [{ projectId, sinceSeq: since }], changedFieldsOnly: true } });
    await whole.ok({ subscribe: { projects: [{ projectId, sinceSeq: since }] } });

    expect((await bySeq(compact, createdSeq)).workItem!.partial).toBe(false);
    const replayed = (await bySeq(compact, moved.seq)).workItem!;
    expect(replayed).toMatchObject({ partial: true, changedFields: ['priority'] });
    expect(onWire(replayed.workItem)).toEqual({ ...identity(moved.workItem!), priority: pb.Priority.PRIORITY_HIGH });
    expect(onWire((await bySeq(whole, moved.seq)).workItem!.workItem)).toEqual(onWire(moved.workItem));
  });

  it('CFO-6 subscribing again without the flag switches the socket to whole items; it gets each event once either way', async () => {
    const { writer, compact } = await board();
    const { item } = await createItem(writer);
    await compact.ok({ subscribe: { projects: [{ projectId }] } });
    const res = await writer.ok({ updateWorkItem: { workItemId: item.id, expectedVersion: item.version, title: 'Whole again' } });
    const change = (await bySeq(compact, res.seq)).workItem!;
    expect(change.partial).toBe(false);
    expect(change.workItem!.description).toContain('A long description');
    await compact.ok({ subscribe: { projects: [{ projectId }], changedFieldsOnly: true } });
    const again = await writer.ok({ updateWorkItem: { workItemId: item.id, expectedVersion: res.workItem!.version, title: 'Compact again' } });
    expect((await bySeq(compact, again.seq)).workItem!.partial).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    const seen = (seq: number) => compact.events.filter((e: IEvent) => e.seq === seq).length;
    expect([seen(res.seq!), seen(again.seq!)]).toEqual([1, 1]);
  });

  it('CFO-7 a compact subscriber still sees presence, and the writer gets no copy of its own change', async () => {
    const { writer, compact } = await board();
    await writer.ok({ subscribe: { projects: [{ projectId }], changedFieldsOnly: true } });
    await writer.ok({ setPresence: { projectId, viewingWorkItemId: 'card-9' } });
    const here = await compact.waitForEvent((e) => e.presence?.userId === ada.user.id && e.presence.viewingWorkItemId === 'card-9');
    expect(here.presence!.online).toBe(true);
    const { item } = await createItem(writer);
    const res = await writer.ok({ updateWorkItem: { workItemId: item.id, expectedVersion: item.version, title: 'Mine' } });
    await bySeq(compact, res.seq);
    expect(writer.events.filter((e) => Number(e.seq) > 0)).toEqual([]);
  });

  it('CFO-8 unsubscribing from a compact subscription stops its events', async () => {
    const { writer, compact } = await board();
    await compact.ok({ unsubscribe: { projectIds: [projectId] } });
    const { seq } = await createItem(writer);
    const { item } = await createItem(writer);
    const res = await writer.ok({ updateWorkItem: { workItemId: item.id, expectedVersion: item.version, title: 'Nobody' } });
    await new Promise((r) => setTimeout(r, 150));
    expect(compact.events.filter((e) => Number(e.seq) >= seq && Number(e.seq) <= res.seq!)).toEqual([]);
  });
});
