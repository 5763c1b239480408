// Issue "The team loop" part 2 (docs/PROTOCOL.md §5, v11): what is mine
// across projects: assigned (claimed), created, watched; only projects I may
// read; live items only, without descriptions.
import { describe, expect, it } from 'vitest';
import { ItemType, Role } from '../../shared/proto.ts';
import { useTwoPeople } from './support/two-people.ts';

const world = useTwoPeople();

describe('my work', () => {
  it('MYWORK-1 lists my assigned, created and watched items across the projects I may read, each once, with their projects', async () => {
    const web = (await world.adaSocket.ok({ createProject: { key: 'WEB', name: 'Web' } })).project!.id!;
    const ops = (await world.adaSocket.ok({ createProject: { key: 'OPS', name: 'Ops' } })).project!.id!;
    const hidden = (await world.adaSocket.ok({ createProject: { key: 'HID', name: 'Hidden' } })).project!.id!;
    for (const projectId of [web, ops]) await world.adaSocket.ok({ addMember: { projectId, userId: world.bob.user.id, role: Role.ROLE_EDITOR } });
    const make = (projectId: string, title: string, extra = {}, socket = world.adaSocket) =>
      socket.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title, description: 'Long text here', ...extra } }).then((r) => r.workItem!);
    const assigned = await make(web, 'Assigned to Bob', { assigneeId: world.bob.user.id });
    const claimed = await make(ops, 'Claimed by Bob');
    await world.bobSocket.ok({ claimWorkItem: { workItemId: claimed.id } });
    await make(ops, 'Made by Bob', {}, world.bobSocket);
    const watched = await make(web, 'Watched by Bob');
    await world.bobSocket.ok({ watchWorkItem: { workItemId: watched.id } });
    // Bob had work in a project he has since left: it is not his to see.
    await world.adaSocket.ok({ addMember: { projectId: hidden, userId: world.bob.user.id, role: Role.ROLE_EDITOR } });
    await make(hidden, 'Assigned in a project Bob left', { assigneeId: world.bob.user.id });
    await world.adaSocket.ok({ removeMember: { projectId: hidden, userId: world.bob.user.id } });
    const gone = await make(web, 'Deleted', { assigneeId: world.bob.user.id });
    await world.adaSocket.ok({ deleteWorkItem: { workItemId: gone.id, expectedVersion: gone.version } });

    const mine = (await world.bobSocket.ok({ getMyWork: {} })).myWork!;
    expect(mine.assigned!.map((i) => i.title).sort()).toEqual(['Assigned to Bob', 'Claimed by Bob']);
    expect(mine.created!.map((i) => i.title)).toEqual(['Made by Bob']);
    expect(mine.watching!.map((i) => i.title)).toEqual(['Watched by Bob']);
    expect(mine.assigned!.find((i) => i.id === assigned.id)).toMatchObject({ description: '', descriptionOmitted: true });
    expect(mine.projects!.map((p) => p.key).sort()).toEqual(['OPS', 'WEB']);
    expect(mine.projects![0]!.statuses!.length).toBeGreaterThan(0);
  });
});
