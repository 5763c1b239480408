// Issue "Insight" part 5: the tenant file for readers who open it directly
// (people, LLM tools): views that name what ids point at, and a reader that
// holds a long read transaction never blocks or fails the server's writes.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ItemType, pb, type ServerFrame } from '../../shared/proto.ts';
import { signup, type Session } from './support/accounts.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient } from './support/ws-client.ts';

let srv: TestServer;
let ada: Session;
let client: TestClient;
let projectId = '';

const openFile = () => new Database(join(srv.dataDir, ada.tenantId, 'main.db'), { readonly: true, fileMustExist: true });

beforeAll(async () => {
  srv = await startTestServer({ RATE_LIMIT_PER_SECOND: '1000000', RATE_LIMIT_BURST: '1000000' });
  ada = await signup(srv.http, 'Ada');
  client = await TestClient.connect(srv.ws, ada.token);
  projectId = (await client.ok({ createProject: { key: 'LLM', name: 'Readers' } })).project!.id!;
});

afterAll(async () => {
  client?.close();
  await srv?.stop();
});

describe('the tenant file for its readers', () => {
  it('LLM-1 views name what ids point at: an item\'s epic (for a sub-task, its parent\'s), comments by author, sprints with what they hold', async () => {
    const create = async (title: string, itemType: ItemType, parentId = '', extra = {}) =>
      (await client.ok({ createWorkItem: { projectId, itemType, title, parentId, ...extra } })).workItem!;
    const sprint = (await client.ok({ createSprint: { projectId, name: 'Sprint 1', goal: 'Ship sign-in' } })).sprint!;
    const epic = await create('Accounts', ItemType.ITEM_TYPE_EPIC);
    const story = await create('Sign-in page', ItemType.ITEM_TYPE_STORY, epic.id!, { storyPoints: 5, sprintId: sprint.id, labels: ['web'] });
    const sub = await create('Form layout', ItemType.ITEM_TYPE_SUBTASK, story.id!);
    await client.ok({ addComment: { workItemId: story.id, body: 'Looks **good**' } });

    const db = openFile();
    try {
      const item = (key: string) => db.prepare('SELECT epic_key, epic_title, sprint, labels FROM pm_work_items_readable WHERE key = ?').get(key);
      expect(item(story.key!)).toEqual({ epic_key: epic.key, epic_title: 'Accounts', sprint: 'Sprint 1', labels: 'web' });
      expect(item(sub.key!)).toMatchObject({ epic_key: epic.key, epic_title: 'Accounts' });
      expect(item(epic.key!)).toMatchObject({ epic_key: null });
      expect(db.prepare('SELECT work_item_key, author, body, is_deleted FROM pm_comments_readable').all()).toEqual([
        { work_item_key: story.key, author: 'Ada', body: 'Looks **good**', is_deleted: 0 },
      ]);
      expect(db.prepare('SELECT project_key, name, goal, state, items, points, items_done FROM pm_sprints_readable').all()).toEqual([
        { project_key: 'LLM', name: 'Sprint 1', goal: 'Ship sign-in', state: 'PLANNED', items: 1, points: 5, items_done: 0 },
      ]);
    } finally {
      db.close();
    }
  });

  it('LLM-2 a reader holding a read transaction open does not block or fail writes; it keeps its snapshot until it ends', async () => {
    const reader = openFile();
    const count = () => reader.prepare('SELECT count(*) FROM pm_work_items').pluck().get() as number;
    reader.exec('BEGIN');
    const before = count();
    try {
      const ids: string[] = Array.from({ length: 300 }, () => randomUUID());
      const started = Date.now();
      const replies = new Map<string, ServerFrame>();
      let scanned = client.frames.length;
      for (const messageId of ids) {
        const frame = { messageId, createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title: `written under a reader ${messageId}` } };
        client.sendRaw(pb.ClientFrame.encode(frame).finish());
      }
      await client.waitFor(() => {
        for (; scanned < client.frames.length; scanned++) {
          const f = client.frames[scanned]!;
          if (!f.event && ids.includes(f.messageId)) replies.set(f.messageId, f);
        }
        return replies.size === ids.length ? true : undefined;
      }, 30_000, '300 replies');
      expect([...replies.values()].filter((r) => !r.result)).toEqual([]);
      // Generous for a loaded CI machine; a write waiting on the reader would wait out the 2 s busy timeout, each.
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(count()).toBe(before);
    } finally {
      reader.exec('COMMIT');
    }
    expect(count()).toBe(before + 300);
    expect(reader.pragma('integrity_check', { simple: true })).toBe('ok');
    reader.close();
  });
});
