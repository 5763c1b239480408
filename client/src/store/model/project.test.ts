// The project model (project.ts): one reducer per entity, for the feed's
// events and for replies to writes. No Solid, no DOM.
import { describe, expect, it } from 'vitest';
import { ErrorCode, Role, type IEvent, type IResult, type IWorkItem } from '../../../../shared/proto.ts';
import { RequestError } from '../../../../shared/sdk/errors.ts';
import type { Reply } from '../../../../shared/sdk/index.ts';
import { applyEvent, applyReply, boardOfModel, EMPTY_MODEL, modelOfBoard, type ProjectModel } from './project.ts';
import type { BoardWriteMeta } from './write-meta.ts';

const item = (id: string, version: number, extra: Partial<IWorkItem> = {}): IWorkItem => ({ id, projectId: 'p1', statusId: 'todo', rank: 'M', title: id, version, ...extra });

const model = (): ProjectModel =>
  modelOfBoard(
    {
      project: { id: 'p1', key: 'WEB', name: 'Web' },
      statuses: [{ id: 'todo', name: 'To do', position: 0 }],
      members: [{ userId: 'ada', projectId: 'p1', role: Role.ROLE_ADMIN }],
      labels: [{ id: 'l1', name: 'docs' }],
      sprints: [{ id: 's1', projectId: 'p1', name: 'Sprint 1', version: 2 }],
      workItems: [item('a', 3), item('b', 1)],
    },
    null,
  );

const event = (change: Omit<IEvent, 'projectId' | 'seq'>): IEvent => ({ projectId: 'p1', seq: 7, ...change });

const ok = (result: IResult, meta: BoardWriteMeta | null = null): Reply => ({
  ok: true,
  messageId: 'm1',
  command: 'updateWorkItem',
  meta: meta && { ...meta, command: 'updateWorkItem', projectId: 'p1' },
  result,
});

describe('project model', () => {
  it('MODEL-1 an event reaches its own entity; every other entity stays the same object', () => {
    const before = model();
    const after = applyEvent(before, event({ workItem: { workItem: item('a', 4, { title: 'Renamed' }) } }))!;
    expect(after.items.get('a')?.title).toBe('Renamed');
    expect(after.members).toBe(before.members);
    expect(after.sprints).toBe(before.sprints);
    expect(after.statuses).toBe(before.statuses);
    expect(after.project).toBe(before.project);
  });

  it('MODEL-2 an event that changes nothing (an older version, a presence) hands back the model itself', () => {
    const before = model();
    expect(applyEvent(before, event({ workItem: { workItem: item('a', 2, { title: 'Old' }) } }))).toBe(before);
    expect(applyEvent(before, event({ presence: { sessionId: 'x', userId: 'bob', online: true } }))).toBe(before);
  });

  it('MODEL-3 a partial item the model cannot lay on (not held, or a version skipped) asks for the board again: null', () => {
    const before = model();
    expect(applyEvent(before, event({ workItem: { workItem: { id: 'zz', version: 2 }, partial: true, changedFields: ['title'] } }))).toBeNull();
    expect(applyEvent(before, event({ workItem: { workItem: { id: 'a', version: 9 }, partial: true, changedFields: ['title'] } }))).toBeNull();
    const laid = applyEvent(before, event({ workItem: { workItem: { id: 'a', version: 4, title: 'T' }, partial: true, changedFields: ['title'] } }));
    expect(laid?.items.get('a')).toMatchObject({ title: 'T', version: 4, statusId: 'todo' });
  });

  it('MODEL-4 a project event replaces the project and its workflow; one that carries no workflow keeps the statuses', () => {
    const before = model();
    const renamed = applyEvent(before, event({ project: { project: { id: 'p1', key: 'WEB', name: 'Website' } } }))!;
    expect(renamed.project?.name).toBe('Website');
    expect(renamed.statuses).toBe(before.statuses);
    const flow = [{ id: 'todo', position: 0 }, { id: 'done', position: 1 }];
    expect(applyEvent(before, event({ project: { project: { id: 'p1', key: 'WEB', statuses: flow } } }))!.statuses).toEqual(flow);
  });

  it('MODEL-5 member events add, replace and remove by user id; sprint events keep the newest version', () => {
    let m = applyEvent(model(), event({ member: { member: { userId: 'bob', projectId: 'p1', role: Role.ROLE_VIEWER } } }))!;
    m = applyEvent(m, event({ member: { member: { userId: 'bob', projectId: 'p1', role: Role.ROLE_EDITOR } } }))!;
    expect(m.members.map((x) => [x.userId, x.role])).toEqual([['ada', Role.ROLE_ADMIN], ['bob', Role.ROLE_EDITOR]]);
    m = applyEvent(m, event({ member: { member: { userId: 'ada', projectId: 'p1' }, removed: true } }))!;
    expect(m.members.map((x) => x.userId)).toEqual(['bob']);
    expect(applyEvent(m, event({ sprint: { sprint: { id: 's1', projectId: 'p1', name: 'Stale', version: 1 } } }))).toBe(m);
    expect(applyEvent(m, event({ sprint: { sprint: { id: 's1', projectId: 'p1', name: 'Newer', version: 3 } } }))!.sprints.get('s1')?.name).toBe('Newer');
  });

  it("MODEL-6 a write's Result lays its item, sprint or member on the model; one of another project is ignored", () => {
    const before = model();
    expect(applyReply(before, ok({ workItem: item('b', 2, { title: 'Saved' }) })).items.get('b')?.title).toBe('Saved');
    expect(applyReply(before, ok({ sprint: { id: 's2', projectId: 'p1', name: 'Sprint 2', version: 1 } })).sprints.has('s2')).toBe(true);
    expect(applyReply(before, ok({ member: { userId: 'cy', projectId: 'p1' } })).members.map((x) => x.userId)).toEqual(['ada', 'cy']);
    expect(applyReply(before, ok({ workItem: item('b', 2, { projectId: 'p2' }) }))).toBe(before);
    expect(applyReply(before, ok({}))).toBe(before);
  });

  it("MODEL-7 a refusal's current version is laid on the model (what a conflict rebases on); remove_member's meta takes the member out", () => {
    const before = model();
    const refused = (current: ConstructorParameters<typeof RequestError>[3]): Reply => ({
      ok: false,
      messageId: 'm1',
      command: 'updateWorkItem',
      meta: null,
      error: new RequestError(ErrorCode.ERROR_CODE_CONFLICT, 'stale', '', current),
    });
    expect(applyReply(before, refused({ workItem: item('a', 5, { title: 'Theirs' }) })).items.get('a')?.title).toBe('Theirs');
    expect(applyReply(before, refused({ sprint: { id: 's1', projectId: 'p1', name: 'Theirs', version: 3 } })).sprints.get('s1')?.name).toBe('Theirs');
    const removed = applyReply(before, ok({}, { board: 'p1', action: 'remove Ada', removesMember: 'ada' }));
    expect(removed.members).toEqual([]);
    expect(applyReply(before, ok({}, { board: 'p2', removesMember: 'ada' }))).toBe(before);
  });

  it('MODEL-22 a settings write\'s reply replaces the project; a deleted sprint\'s event drops it (PROJ)', () => {
    const before = model();
    const renamed = applyReply(before, ok({ project: { id: 'p1', key: 'APP', name: 'App', version: 2, formerKeys: ['WEB'] } }));
    expect(renamed.project).toMatchObject({ key: 'APP', formerKeys: ['WEB'] });
    expect(applyReply(renamed, ok({ project: { id: 'p9', key: 'OTHER', version: 5 } })).project?.key).toBe('APP');
    const dropped = applyEvent(before, event({ sprint: { sprint: { id: 's1', projectId: 'p1', version: 3, deletedAt: 1 }, changedFields: ['deleted'] } }))!;
    expect(dropped.sprints.has('s1')).toBe(false);
  });

  it("MODEL-23 set_workflow's Result, or a CONFLICT's current project, replaces the workflow; a reply without statuses keeps it (WF)", () => {
    const before = model();
    const flow = [{ id: 'todo', name: 'Ready', position: 0, wipLimit: 2 }, { id: 'qa', name: 'QA', position: 1 }];
    expect(applyReply(before, ok({ project: { id: 'p1', key: 'WEB', version: 3, statuses: flow } })).statuses).toEqual(flow);
    expect(applyReply(before, ok({ project: { id: 'p1', key: 'WEB', version: 3 } })).statuses).toBe(before.statuses);
    expect(applyReply(before, ok({ project: { id: 'p9', key: 'X', version: 3, statuses: flow } })).statuses).toBe(before.statuses);
    const conflict: Reply = {
      ok: false,
      messageId: 'm1',
      command: 'setWorkflow',
      meta: null,
      error: new RequestError(ErrorCode.ERROR_CODE_CONFLICT, 'stale', '', { project: { id: 'p1', key: 'WEB', version: 4, statuses: flow } }),
    };
    const after = applyReply(before, conflict);
    expect(after.statuses).toEqual(flow);
    expect(after.project?.version).toBe(4);
  });

  it('MODEL-8 a board answer becomes the model and back; a board without its project keeps the one held', () => {
    const m = model();
    const board = boardOfModel(m);
    expect(board.workItems?.map((i) => i.id)).toEqual(['a', 'b']);
    expect(board.sprints?.map((s) => s.id)).toEqual(['s1']);
    expect(modelOfBoard(board, null)).toEqual(m);
    expect(modelOfBoard({ workItems: [] }, m.project).project).toBe(m.project);
    expect(modelOfBoard({}, null)).toEqual(EMPTY_MODEL);
  });
});
