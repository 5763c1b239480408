// Links in the project model (links.ts, link-writes.ts, link-views.ts): the
// reducer over board, events and replies, our writes as ops, and what a
// person reads (an item's links in words, what blocks each card). No DOM.
import { describe, expect, it } from 'vitest';
import { ErrorCode, LinkKind, StatusCategory, type CommandName, type IEvent, type IResult, type IWorkItem, type IWorkItemLink } from '../../../../shared/proto.ts';
import { RequestError } from '../../../../shared/sdk/errors.ts';
import type { Reply } from '../../../../shared/sdk/index.ts';
import { applyLinkOps, LINK_CHOICES, linkWrite, unlinkWrite, type LinkChoice } from './link-writes.ts';
import { endLookup, itemLinkGroups, unfinishedBlockers } from './link-views.ts';
import { withLinkedItem } from './links.ts';
import { applyEvent, applyReply, boardOfModel, modelOfBoard, type ProjectModel } from './project.ts';
import type { BoardWriteMeta } from './write-meta.ts';

const { LINK_KIND_BLOCKS: BLOCKS, LINK_KIND_RELATES_TO: RELATES, LINK_KIND_DUPLICATES: DUPLICATES } = LinkKind;

const statuses = [
  { id: 'todo', name: 'To Do', category: StatusCategory.STATUS_CATEGORY_UNSTARTED, position: 0 },
  { id: 'doing', name: 'In Progress', category: StatusCategory.STATUS_CATEGORY_STARTED, position: 1 },
  { id: 'done', name: 'Done', category: StatusCategory.STATUS_CATEGORY_COMPLETED, position: 2 },
];

const item = (n: number, statusId = 'todo', extra: Partial<IWorkItem> = {}): IWorkItem => ({
  id: `i${n}`,
  projectId: 'p1',
  key: `WEB-${n}`,
  number: n,
  title: `Item ${n}`,
  statusId,
  rank: `${n}`,
  version: 1,
  ...extra,
});

const link = (id: string, fromId: string, toId: string, kind: LinkKind = BLOCKS): IWorkItemLink => ({ id, fromId, toId, kind, createdAt: 1, createdBy: 'ada' });

/** An item of project API, known only as a far end. */
const far = { id: 'x1', projectId: 'p2', projectKey: 'API', key: 'API-7', title: 'Rate limits', statusCategory: StatusCategory.STATUS_CATEGORY_STARTED };

const model = (): ProjectModel =>
  modelOfBoard(
    {
      project: { id: 'p1', key: 'WEB', name: 'Web' },
      statuses,
      workItems: [item(1), item(2, 'doing'), item(3, 'done'), item(4)],
      links: [link('l1', 'i2', 'i1'), link('l2', 'x1', 'i4')],
      linkedItems: [far],
    },
    null,
  );

const event = (change: Omit<IEvent, 'projectId' | 'seq'>): IEvent => ({ projectId: 'p1', seq: 9, ...change });

const reply = (command: CommandName, result: IResult, meta: Partial<BoardWriteMeta> | null = { board: 'p1' }): Reply => ({
  ok: true,
  messageId: 'm1',
  command,
  meta: meta && { ...meta, command, projectId: 'p1' },
  result,
});

const ids = (m: ProjectModel) => [...m.links.byId.keys()].sort();

const lookup = (m: ProjectModel, items: ReadonlyMap<string, IWorkItem> = m.items) => endLookup(items, m.statuses, m.links.linkedItems, 'WEB');

const choice = (name: string): LinkChoice => LINK_CHOICES.find((c) => c.name === name)!;

describe('links in the project model', () => {
  it('LINKUI-1 a board brings its links and the far items; the saved copy carries both', () => {
    const m = model();
    expect(ids(m)).toEqual(['l1', 'l2']);
    expect(m.links.byId.get('l1')).toMatchObject({ fromId: 'i2', toId: 'i1', kind: BLOCKS });
    expect(m.links.linkedItems.get('x1')).toEqual(far);
    const board = boardOfModel(m);
    expect(board.links?.map((l) => l.id)).toEqual(['l1', 'l2']);
    expect(modelOfBoard(board, null)).toEqual(m);
  });

  it('LINKUI-2 LinkChanged adds and removes; the same link twice (once per end) or a removal of one not held changes nothing', () => {
    const before = model();
    const added = applyEvent(before, event({ link: { link: link('l3', 'i1', 'i4', RELATES) } }))!;
    expect(ids(added)).toEqual(['l1', 'l2', 'l3']);
    expect(added.items).toBe(before.items);
    expect(applyEvent(added, event({ link: { link: link('l3', 'i1', 'i4', RELATES) } }))).toBe(added);
    const removed = applyEvent(added, event({ link: { link: link('l1', 'i2', 'i1'), removed: true } }))!;
    expect(ids(removed)).toEqual(['l2', 'l3']);
    expect(applyEvent(removed, event({ link: { link: link('l1', 'i2', 'i1'), removed: true } }))).toBe(removed);
  });

  it("LINKUI-3 a link write's Result adds (with the far item it picked) or removes; another board's, or a refusal, leaves the links", () => {
    const before = model();
    const other = { id: 'x9', projectId: 'p3', projectKey: 'OPS', key: 'OPS-2', title: 'Alerts', statusCategory: StatusCategory.STATUS_CATEGORY_UNSTARTED };
    const linked = applyReply(before, reply('linkWorkItems', { link: link('l5', 'i1', 'x9') }, { board: 'p1', linkedItem: other }));
    expect(ids(linked)).toEqual(['l1', 'l2', 'l5']);
    expect(linked.links.linkedItems.get('x9')).toEqual(other);
    // The event of the same write, before or after its Result, is the same link.
    expect(applyEvent(linked, event({ link: { link: link('l5', 'i1', 'x9') } }))).toBe(linked);
    expect(ids(applyReply(linked, reply('unlinkWorkItems', { link: link('l1', 'i2', 'i1') })))).toEqual(['l2', 'l5']);
    expect(applyReply(before, reply('linkWorkItems', { link: link('l6', 'i1', 'i3') }, { board: 'p2' }))).toBe(before);
    const refused: Reply = { ok: false, messageId: 'm2', command: 'linkWorkItems', meta: { board: 'p1', command: 'linkWorkItems', projectId: 'p1' }, error: new RequestError(ErrorCode.ERROR_CODE_FAILED_PRECONDITION, 'circle') };
    expect(applyReply(before, refused)).toBe(before);
  });

  it('LINKUI-4 our writes show at once: a link pending, an unlink hidden; "is blocked by" is a BLOCKS link the other way', () => {
    const m = model();
    const subject = { id: 'i1', key: 'WEB-1', projectId: 'p1' };
    const w = linkWrite('m7', subject, choice('is-blocked-by'), { ...far, id: 'x2', key: 'API-8' })!;
    expect(w.command).toEqual({ linkWorkItems: { fromId: 'x2', toId: 'i1', kind: BLOCKS } });
    expect(w.action).toBe('link WEB-1 to API-8');
    expect(w.linkedItem).toMatchObject({ id: 'x2', key: 'API-8', projectKey: 'API' });
    const shown = applyLinkOps(m.links, [w.op]);
    expect(shown.byId.get('local-m7')).toMatchObject({ fromId: 'x2', toId: 'i1', pending: true });
    expect(m.links.byId.has('local-m7')).toBe(false);
    // Its event came before its Result: shown once, as the server's.
    const confirmed = applyEvent({ ...m, links: withLinkedItem(m.links, w.linkedItem!) }, event({ link: { link: link('l9', 'x2', 'i1') } }))!;
    expect([...applyLinkOps(confirmed.links, [w.op]).byId.keys()]).toEqual(['l1', 'l2', 'l9']);

    const same = linkWrite('m8', subject, choice('duplicates'), { id: 'i4', key: 'WEB-4', projectId: 'p1' })!;
    expect(same.command).toEqual({ linkWorkItems: { fromId: 'i1', toId: 'i4', kind: DUPLICATES } });
    expect(same.linkedItem).toBeUndefined();
    expect(linkWrite('m9', subject, choice('blocks'), { id: 'i1', key: 'WEB-1', projectId: 'p1' })).toBeNull();

    const un = unlinkWrite('m10', m.links.byId.get('l1')!, 'WEB-2')!;
    expect(un.command).toEqual({ unlinkWorkItems: { linkId: 'l1' } });
    expect([...applyLinkOps(m.links, [un.op]).byId.keys()]).toEqual(['l2']);
    expect(unlinkWrite('m11', shown.byId.get('local-m7')!, 'API-8')).toBeNull();
    expect(applyLinkOps(m.links, [])).toBe(m.links);
  });

  it('LINKUI-5 an item\'s links in words from its side, grouped, each with key, title and status; a link whose end is gone hides and comes back with it', () => {
    let m = model();
    for (const l of [link('l3', 'i1', 'i4', RELATES), link('l4', 'i3', 'i1', RELATES), link('l5', 'i1', 'i3', DUPLICATES), link('l6', 'i4', 'i1', DUPLICATES), link('l7', 'i1', 'i4')]) {
      m = applyEvent(m, event({ link: { link: l } }))!;
    }
    const groups = (mm: ProjectModel, id: string) =>
      itemLinkGroups(id, mm.links, lookup(mm)).map((g) => [g.words, g.entries.map((e) => `${e.other.key} ${e.other.title} (${e.other.status})`)]);
    expect(groups(m, 'i1')).toEqual([
      ['blocks', ['WEB-4 Item 4 (To Do)']],
      ['is blocked by', ['WEB-2 Item 2 (In Progress)']],
      ['relates to', ['WEB-3 Item 3 (Done)', 'WEB-4 Item 4 (To Do)']],
      ['duplicates', ['WEB-3 Item 3 (Done)']],
      ['is duplicated by', ['WEB-4 Item 4 (To Do)']],
    ]);
    expect(groups(m, 'i4')).toEqual([
      ['is blocked by', ['API-7 Rate limits (In progress)', 'WEB-1 Item 1 (To Do)']],
      ['relates to', ['WEB-1 Item 1 (To Do)']],
      ['duplicates', ['WEB-1 Item 1 (To Do)']],
    ]);
    const apiEnd = itemLinkGroups('i4', m.links, lookup(m))[0]!.entries[0]!.other;
    expect(apiEnd).toMatchObject({ onBoard: false, projectKey: 'API', number: 7 });

    // WEB-4 is deleted: its links hide on WEB-1's side too; restored, they are back.
    const deleted = applyEvent(m, event({ workItem: { workItem: item(4, 'todo', { version: 2, deletedAt: 5 }) } }))!;
    expect(groups(deleted, 'i1').map(([words]) => words)).toEqual(['is blocked by', 'relates to', 'duplicates']);
    expect(groups(deleted, 'i4')).toEqual([]);
    const restored = applyEvent(deleted, event({ workItem: { workItem: item(4, 'todo', { version: 3 }) } }))!;
    expect(groups(restored, 'i1')).toEqual(groups(m, 'i1'));
  });

  it('LINKUI-6 a card is blocked by the unfinished items that block it, from the board or another project, until they are done', () => {
    const m = applyEvent(model(), event({ link: { link: link('l3', 'i3', 'i1') } }))!;
    const blockers = (mm: ProjectModel) => new Map([...unfinishedBlockers(mm.links, lookup(mm))].map(([id, list]) => [id, list.map((b) => b.key)]));
    // WEB-3 is done, so only WEB-2 blocks WEB-1; API-7 (in progress over there) blocks WEB-4.
    expect(blockers(m)).toEqual(new Map([['i1', ['WEB-2']], ['i4', ['API-7']]]));
    const moved = applyEvent(m, event({ workItem: { workItem: item(2, 'done', { version: 2 }) } }))!;
    expect(blockers(moved)).toEqual(new Map([['i4', ['API-7']]]));
    const relates = applyEvent(model(), event({ link: { link: link('l1', 'i2', 'i1'), removed: true } }))!;
    const onlyRelates = applyEvent(relates, event({ link: { link: link('l9', 'i2', 'i1', RELATES) } }))!;
    expect(blockers(onlyRelates).has('i1')).toBe(false);
    const farDone = modelOfBoard({ ...boardOfModel(model()), linkedItems: [{ ...far, statusCategory: StatusCategory.STATUS_CATEGORY_CANCELED }] }, null);
    expect(blockers(farDone)).toEqual(new Map([['i1', ['WEB-2']]]));
    // A pending move to Done (the items as shown) counts at once.
    const view = new Map(m.items).set('i2', { ...m.items.get('i2')!, statusId: 'done' });
    expect(unfinishedBlockers(m.links, lookup(m, view)).get('i1')).toBeUndefined();
  });

  it("LINKUI-7 a link to another project's item the board has not heard of asks for the board again; one it holds or knows is laid on", () => {
    const m = model();
    const unknown = event({ link: { link: link('l8', 'i1', 'x5', RELATES) } });
    expect(applyEvent(m, unknown)).toBeNull();
    expect(applyEvent(m, event({ link: { link: link('l8', 'i1', 'x1', RELATES) } }))?.links.byId.has('l8')).toBe(true);
    // Its removal needs no names.
    expect(applyEvent(m, event({ link: { link: link('l8', 'i1', 'x5', RELATES), removed: true } }))).toBe(m);
    // Known from the search a link of ours was picked from (or the write's Result), it is laid on.
    const picked = { id: 'x5', projectId: 'p3', projectKey: 'OPS', key: 'OPS-5', title: 'Alerts', statusCategory: StatusCategory.STATUS_CATEGORY_BACKLOG };
    const knowing: ProjectModel = { ...m, links: withLinkedItem(m.links, picked) };
    expect(withLinkedItem(knowing.links, picked)).toBe(knowing.links);
    expect(itemLinkGroups('i1', applyEvent(knowing, unknown)!.links, lookup(knowing)).map((g) => [g.words, g.entries.map((e) => e.other.status)])).toEqual([
      ['is blocked by', ['In Progress']],
      ['relates to', ['Backlog']],
    ]);
  });
});
