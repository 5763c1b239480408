// The My work page's lists (my-work.ts).
import { describe, expect, it } from 'vitest';
import { StatusCategory, type IWorkflowStatus, type IWorkItem } from '../../../../shared/proto.ts';
import { myWorkLists, projectsOf } from './my-work.ts';

const C = StatusCategory;
const status = (id: string, name: string, category: StatusCategory): IWorkflowStatus => ({ id, name, category });
const web = { id: 'pw', key: 'WEB', statuses: [status('w-todo', 'To Do', C.STATUS_CATEGORY_UNSTARTED), status('w-doing', 'In Progress', C.STATUS_CATEGORY_STARTED), status('w-done', 'Done', C.STATUS_CATEGORY_COMPLETED)] };
const ops = { id: 'po', key: 'OPS', statuses: [status('o-doing', 'In Progress', C.STATUS_CATEGORY_STARTED), status('o-review', 'In Review', C.STATUS_CATEGORY_STARTED), status('o-backlog', 'Backlog', C.STATUS_CATEGORY_BACKLOG)] };
const item = (key: string, projectId: string, statusId: string, dueDate = ''): IWorkItem => ({ id: key, key, number: Number(key.split('-')[1]), projectId, statusId, dueDate });

describe('my work', () => {
  it('MYWORK-2 assigned items are grouped by status, work in hand first, one group per status name across projects', () => {
    const lists = myWorkLists({
      assigned: [item('WEB-1', 'pw', 'w-done'), item('OPS-2', 'po', 'o-backlog'), item('WEB-3', 'pw', 'w-doing'), item('OPS-4', 'po', 'o-review'), item('OPS-5', 'po', 'o-doing'), item('WEB-6', 'pw', 'w-todo')],
      projects: [web, ops],
    });
    expect(lists.assigned.map((g) => [g.name, g.items.map((m) => m.item.key)])).toEqual([
      ['In Progress', ['WEB-3', 'OPS-5']],
      ['In Review', ['OPS-4']],
      ['To Do', ['WEB-6']],
      ['Backlog', ['OPS-2']],
      ['Done', ['WEB-1']],
    ]);
  });

  it('MYWORK-3 within a status, the soonest due first and undated ones after, in the answer\'s order; each item opens on its board', () => {
    const lists = myWorkLists({
      assigned: [item('WEB-1', 'pw', 'w-todo'), item('WEB-2', 'pw', 'w-todo', '2026-05-02'), item('WEB-3', 'pw', 'w-todo'), item('WEB-4', 'pw', 'w-todo', '2026-04-30')],
      created: [item('OPS-9', 'po', 'o-doing')],
      watching: [item('WEB-7', 'pw', 'w-done')],
      projects: [web, ops],
    });
    expect(lists.assigned[0]!.items.map((m) => m.item.key)).toEqual(['WEB-4', 'WEB-2', 'WEB-1', 'WEB-3']);
    expect(lists.created[0]).toMatchObject({ projectKey: 'OPS', href: '/p/OPS/item/9', status: { name: 'In Progress' } });
    expect(lists.watching[0]!.href).toBe('/p/WEB/item/7');
    expect(projectsOf({ projects: [web, ops] })).toEqual(['pw', 'po']);
  });
});
