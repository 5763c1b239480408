// The board cache's snapshot encoding and its in-memory store (the IndexedDB
// store is the same rows in a database; the e2e offline tests drive it).
import { describe, expect, it } from 'vitest';
import { ItemType, Role, SprintState } from '../../../shared/proto.ts';
import { fromStored, makeMemoryBoardCache, toStored, type BoardSnapshot } from './board-cache.ts';

const snapshot = (over: Partial<BoardSnapshot> = {}): BoardSnapshot => ({
  projectKey: 'WEB',
  projectId: 'p1',
  seq: 41,
  savedAt: 1_700_000_000_000,
  board: {
    project: { id: 'p1', key: 'WEB', name: 'Website' },
    statuses: [{ id: 's1', name: 'To Do', position: 1 }],
    workItems: [{ id: 'i1', projectId: 'p1', key: 'WEB-1', title: 'Sign-in', itemType: ItemType.ITEM_TYPE_BUG, version: 7, storyPoints: 3, hasStoryPoints: true, labels: ['ui'] }],
    sprints: [{ id: 'sp1', projectId: 'p1', name: 'Sprint 1', state: SprintState.SPRINT_STATE_ACTIVE, version: 2 }],
    members: [{ projectId: 'p1', userId: 'u1', displayName: 'Ada', role: Role.ROLE_ADMIN }],
    labels: [{ id: 'l1', name: 'ui', color: '#f00' }],
    seq: 3, // whatever the object says, the snapshot's seq is the one kept
  },
  ...over,
});

describe('board cache', () => {
  it('CACHE-1 a snapshot survives the stored form: items, sprints, members, enums and numbers exact, at the snapshot seq', () => {
    const back = fromStored(toStored(snapshot()))!;
    expect(back.seq).toBe(41);
    expect(Number(back.board.seq)).toBe(41);
    expect(back.projectKey).toBe('WEB');
    const item = back.board.workItems![0]!;
    expect(item.key).toBe('WEB-1');
    expect(item.itemType).toBe(ItemType.ITEM_TYPE_BUG);
    expect(Number(item.version)).toBe(7);
    expect(item.labels).toEqual(['ui']);
    expect(back.board.sprints![0]!.state).toBe(SprintState.SPRINT_STATE_ACTIVE);
    expect(back.board.members![0]!.role).toBe(Role.ROLE_ADMIN);
    expect(back.board.statuses![0]!.name).toBe('To Do');
  });

  it('CACHE-2 a row it cannot read is a miss, not a crash', () => {
    expect(fromStored(undefined)).toBeNull();
    expect(fromStored({ projectKey: 'WEB', projectId: 'p1', seq: 1, savedAt: 1, boardBytes: new Uint8Array([0xff, 0xff, 0xff]) })).toBeNull();
    expect(fromStored({ projectKey: 'WEB', projectId: 'p1', seq: 1, savedAt: 1, boardBytes: 'not bytes' as unknown as Uint8Array })).toBeNull();
  });

  it('CACHE-3 keeps the last save per project key; forget drops one, clear drops all', async () => {
    const cache = makeMemoryBoardCache();
    expect(await cache.load('WEB')).toBeNull();
    await cache.save(snapshot({ seq: 5 }));
    await cache.save(snapshot({ seq: 9 }));
    await cache.save(snapshot({ projectKey: 'API', projectId: 'p2', seq: 2 }));
    expect((await cache.load('WEB'))!.seq).toBe(9);
    await cache.forget('WEB');
    expect(await cache.load('WEB')).toBeNull();
    expect((await cache.load('API'))!.seq).toBe(2);
    await cache.clear();
    expect(await cache.load('API')).toBeNull();
  });
});
