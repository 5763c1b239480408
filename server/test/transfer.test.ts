// docs/PROTOCOL.md §2.5: a project out as Jira's CSV (or JSON with comments)
// and a Jira CSV in, through the create handlers in one transaction, its
// events fanned out like any write's. Real server on port 0, real sockets,
// real HTTP; two instances linked by Redis for the live fill across them.
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ItemType, Priority, Role, type IWorkItem } from '../../shared/proto.ts';
import { invite, signup, type Session } from './support/accounts.ts';
import { findRedis, uniqueChannel } from './support/redis.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient } from './support/ws-client.ts';

const SAMPLE = readFileSync(join(import.meta.dirname, '..', '..', 'scripts', 'fixtures', 'jira-sample.csv'), 'utf8');

let srv: TestServer;
const clients: TestClient[] = [];
let ada: Session; // workspace owner: admin of every project
let grace: Session; // editor of WEB
let alan: Session; // admin of WEB through the project
let vic: Session; // viewer of WEB
let nora: Session; // in the workspace, in no project
let adaC: TestClient;

interface Reply {
  status: number;
  headers: Headers;
  text: string;
  // The report and error bodies, read field by field in each test.
  json: any;
}

async function http(
  path: string,
  opts: { session?: Session; via?: 'bearer' | 'cookie'; method?: string; body?: string; type?: string; origin?: string } = {},
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (opts.session) {
    if (opts.via === 'cookie') headers['cookie'] = opts.session.cookie;
    else headers['authorization'] = `Bearer ${opts.session.token}`;
  }
  if (opts.body !== undefined) headers['content-type'] = opts.type ?? 'text/csv';
  if (opts.origin) headers['origin'] = opts.origin;
  const res = await fetch(srv.http + path, { method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'), headers, body: opts.body });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // A CSV, or nothing.
  }
  return { status: res.status, headers: res.headers, text, json };
}

const importCsv = (key: string, csv: string, session: Session = ada, dryRun = false) =>
  http(`/api/projects/${key}/import${dryRun ? '?dry_run=1' : ''}`, { session, body: csv });

async function connect(session: Session): Promise<TestClient> {
  const client = await TestClient.connect(srv.ws, session.token);
  clients.push(client);
  return client;
}

async function project(key: string, name = key): Promise<string> {
  const result = await adaC.ok({ createProject: { key, name, description: '' } });
  return result.project!.id!;
}

async function board(projectId: string) {
  return (await adaC.ok({ getBoard: { projectId } })).board!;
}

const csvRecords = (text: string): string[][] => parse(text, { relax_column_count: true });

/** Every row of the tenant's pm_ tables, for "nothing changed". */
function tables(tenantId: string): Record<string, number> {
  const db = new Database(join(srv.dataDir, tenantId, 'main.db'), { readonly: true, fileMustExist: true });
  try {
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'pm\\_%' ESCAPE '\\' AND name NOT IN ('pm_users', 'pm_idempotency_keys')").all() as { name: string }[];
    return Object.fromEntries(names.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM ${name}`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

let webId: string;
let webItems: Record<string, IWorkItem>;

beforeAll(async () => {
  srv = await startTestServer({ RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '100000' });
  ada = await signup(srv.http, 'Ada');
  grace = await invite(srv.http, ada, 'Grace Hopper');
  alan = await invite(srv.http, ada, 'Alan Turing');
  vic = await invite(srv.http, ada, 'Vic Viewer');
  nora = await invite(srv.http, ada, 'Nora');
  adaC = await connect(ada);
  webId = await project('WEB', 'Web app');
  for (const [who, role] of [[grace, Role.ROLE_EDITOR], [alan, Role.ROLE_ADMIN], [vic, Role.ROLE_VIEWER]] as const) {
    await adaC.ok({ addMember: { projectId: webId, userId: who.user.id, role } });
  }
  const sprint = (await adaC.ok({ createSprint: { projectId: webId, name: 'Sprint 7, "the big one"' } })).sprint!;
  const statuses = (await board(webId)).statuses!;
  const status = (name: string) => statuses.find((s) => s.name === name)!.id!;
  const create = async (fields: Parameters<TestClient['ok']>[0]['createWorkItem']) => (await adaC.ok({ createWorkItem: { projectId: webId, ...fields } })).workItem!;
  const epic = await create({ itemType: ItemType.ITEM_TYPE_EPIC, title: 'Checkout', priority: Priority.PRIORITY_HIGH, labels: ['checkout'] });
  const story = await create({
    itemType: ItemType.ITEM_TYPE_STORY, title: '=HYPERLINK("http://evil.example","click")', parentId: epic.id!, statusId: status('In Progress'),
    priority: Priority.PRIORITY_URGENT, storyPoints: 5, assigneeId: grace.user.id, sprintId: sprint.id!, labels: ['frontend', 'payments', 'ux'],
    startDate: '2026-12-01', dueDate: '2026-12-18',
    description: 'Line one, with a comma\nLine "two"\n\n- a list item\n- another',
  });
  const subtask = await create({
    itemType: ItemType.ITEM_TYPE_SUBTASK, title: '-5% off: the banner', parentId: story.id!, statusId: status('Done'),
    priority: Priority.PRIORITY_LOW, storyPoints: 0.5, assigneeId: alan.user.id, sprintId: sprint.id!,
  });
  const bug = await create({ itemType: ItemType.ITEM_TYPE_BUG, title: 'Totals wrong in Safari', statusId: status('In Review'), priority: Priority.PRIORITY_MEDIUM });
  const gone = await create({ itemType: ItemType.ITEM_TYPE_TASK, title: 'Deleted before the export' });
  await adaC.ok({ deleteWorkItem: { workItemId: gone.id!, expectedVersion: gone.version! } });
  await adaC.ok({ addComment: { workItemId: story.id!, body: 'Design is in the Figma file.' } });
  webItems = { epic, story, subtask, bug };
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.close();
  await srv?.stop();
});

describe('XFER export', () => {
  it('XFER-1 export.csv is a Jira CSV of every live item: Jira\'s headers, Labels repeated, names not ids, formulas guarded', async () => {
    const res = await http('/api/projects/WEB/export.csv', { session: vic });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="WEB-\d{4}-\d\d-\d\d\.csv"$/);
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    const [header, ...rows] = csvRecords(res.text);
    expect(header).toEqual([
      'Summary', 'Issue key', 'Issue Type', 'Status', 'Priority', 'Assignee', 'Reporter', 'Created', 'Updated',
      'Sprint', 'Story Points', 'Start date', 'Due date', 'Labels', 'Labels', 'Labels', 'Parent', 'Description',
    ]);
    expect(rows.map((r) => r[1])).toEqual(['WEB-1', 'WEB-2', 'WEB-3', 'WEB-4']);
    const story = Object.fromEntries(header!.map((h, i) => [h, rows[1]![i]]));
    expect(story).toMatchObject({
      Summary: `'=HYPERLINK("http://evil.example","click")`,
      'Issue Type': 'Story', Status: 'In Progress', Priority: 'Highest', Assignee: 'Grace Hopper', Reporter: 'Ada',
      Sprint: 'Sprint 7, "the big one"', 'Story Points': '5', 'Start date': '2026-12-01', 'Due date': '2026-12-18', Parent: 'WEB-1',
      Description: 'Line one, with a comma\nLine "two"\n\n- a list item\n- another',
    });
    expect(rows[1]!.slice(13, 16)).toEqual(['frontend', 'payments', 'ux']);
    expect(new Date(story['Created']!).getTime()).toBe(webItems.story!.createdAt);
    expect(rows[2]![0]).toBe("'-5% off: the banner");
    expect(rows[3]!.slice(10, 17)).toEqual(['', '', '', '', '', '', '']);
  });

  it('XFER-1b export.json carries the same items with their comments; the session cookie works as well as a bearer', async () => {
    const res = await http('/api/projects/WEB/export.json', { session: grace, via: 'cookie' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.json).toMatchObject({ format: 'tandem-export', version: 1, project: { key: 'WEB', name: 'Web app' } });
    const items = res.json.items as Array<Record<string, unknown>>;
    expect(items.map((i) => i['key'])).toEqual(['WEB-1', 'WEB-2', 'WEB-3', 'WEB-4']);
    expect(items[1]).toMatchObject({
      type: 'Story', title: '=HYPERLINK("http://evil.example","click")', status: 'In Progress', priority: 'Highest',
      assignee: { name: 'Grace Hopper', email: grace.user.email }, reporter: { name: 'Ada', email: ada.user.email },
      sprint: 'Sprint 7, "the big one"', storyPoints: 5, startDate: '2026-12-01', dueDate: '2026-12-18', labels: ['frontend', 'payments', 'ux'], parent: 'WEB-1',
      comments: [{ author: { name: 'Ada', email: ada.user.email }, body: 'Design is in the Figma file.', edited: '' }],
    });
    expect(items[3]).toMatchObject({ assignee: null, sprint: '', storyPoints: null, startDate: '', dueDate: '', labels: [], parent: '', comments: [] });
  });

  it('XFER-5a a project the caller is not in is 404 on export, word for word as one that does not exist; no credential is 401', async () => {
    const hidden = await http('/api/projects/WEB/export.csv', { session: nora });
    const missing = await http('/api/projects/NOPE/export.json', { session: nora });
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(hidden.json).toEqual(missing.json);
    expect(hidden.json.error.code).toBe('NOT_FOUND');
    const other = await signup(srv.http, 'Bea');
    expect((await http('/api/projects/WEB/export.csv', { session: other })).status).toBe(404);
    expect((await http('/api/projects/WEB/export.csv')).status).toBe(401);
  });
});

describe('XFER import', () => {
  it('XFER-2 export then import into a new project round-trips every mapped field', async () => {
    const copyId = await project('COPY', 'Copy');
    await adaC.ok({ addMember: { projectId: copyId, userId: grace.user.id, role: Role.ROLE_EDITOR } });
    await adaC.ok({ addMember: { projectId: copyId, userId: alan.user.id, role: Role.ROLE_EDITOR } });
    const exported = await http('/api/projects/WEB/export.csv', { session: ada });
    const res = await importCsv('COPY', exported.text);
    expect(res.status).toBe(201);
    expect(res.json.problems).toEqual([]);
    expect(res.json.sprints).toEqual(['Sprint 7, "the big one"']);

    const [before, after] = [await board(webId), await board(copyId)];
    const view = (b: typeof before) => {
      const statusName = new Map(b.statuses!.map((s) => [s.id, s.name]));
      const sprintName = new Map(b.sprints!.map((s) => [s.id, s.name]));
      const keyOf = new Map(b.workItems!.map((i) => [i.id, i.key!.replace(/^\w+-/, '')]));
      return b.workItems!.map((i) => ({
        number: i.key!.replace(/^\w+-/, ''), type: i.itemType, title: i.title, status: statusName.get(i.statusId),
        priority: i.priority, storyPoints: i.hasStoryPoints ? i.storyPoints : null, labels: i.labels,
        assignee: i.assigneeId, sprint: sprintName.get(i.sprintId) ?? '', parent: keyOf.get(i.parentId) ?? '', startDate: i.startDate, dueDate: i.dueDate,
      })).sort((a, b) => Number(a.number) - Number(b.number));
    };
    expect(view(after)).toEqual(view(before));
    // The board leaves descriptions out only when asked; these are whole.
    const descriptions = (b: typeof before) => b.workItems!.map((i) => i.description).sort();
    expect(descriptions(after)).toEqual(descriptions(before));
  });

  it('XFER-3 the sample Jira CSV: a dry run reports what it would do and changes nothing, then the real run does exactly that', async () => {
    const shopId = await project('SHOP', 'Webshop');
    for (const who of [grace, alan]) await adaC.ok({ addMember: { projectId: shopId, userId: who.user.id, role: Role.ROLE_EDITOR } });
    const untouched = tables(ada.tenantId);

    const dry = await importCsv('SHOP', SAMPLE, ada, true);
    expect(dry.status).toBe(200);
    expect(tables(ada.tenantId)).toEqual(untouched);
    const report = dry.json;
    expect(report).toMatchObject({ dryRun: true, rows: 30, problems: [] });
    expect(report.items).toHaveLength(30);
    expect(report.sprints).toEqual(expect.arrayContaining(['SHOP Sprint 1', 'SHOP Sprint 2', 'SHOP Sprint 3']));
    expect(report.sprints).toHaveLength(3);
    const bySource = new Map<string, Record<string, unknown>>(report.items.map((i: Record<string, unknown>) => [i['sourceKey'], i]));
    // Sub-tasks come after their parents whatever the file's order (Jira lists the newest first).
    const order = report.items.map((i: { sourceKey: string }) => i.sourceKey);
    for (const item of report.items as Array<{ sourceKey: string; parent: string }>) {
      if (!item.parent) continue;
      const parent = report.items.find((p: { key: string }) => p.key === item.parent);
      expect(order.indexOf(parent.sourceKey)).toBeLessThan(order.indexOf(item.sourceKey));
    }
    expect(bySource.get('SHOP-4')).toMatchObject({
      type: 'Story', title: 'Guest checkout without an account', status: 'In Progress', priority: 'High',
      assignee: 'Grace Hopper', sprint: 'SHOP Sprint 2', storyPoints: 5, labels: ['checkout', 'frontend'],
      parent: (bySource.get('SHOP-1') as { key: string }).key,
    });
    expect(bySource.get('SHOP-5')).toMatchObject({ type: 'Sub-task', status: 'Done', parent: (bySource.get('SHOP-4') as { key: string }).key });
    expect(bySource.get('SHOP-23')).toMatchObject({ labels: ['cart', 'frontend', 'quick-win'], sprint: 'SHOP Sprint 3' });
    expect(bySource.get('SHOP-27')).toMatchObject({ status: 'To Do' }); // "Selected for Development"
    expect(bySource.get('SHOP-29')).toMatchObject({ status: 'Done', storyPoints: 0.5, priority: 'Low' }); // "Closed"
    expect(bySource.get('SHOP-22')).toMatchObject({ priority: 'Low' }); // "Lowest"
    expect(bySource.get('SHOP-14')).toMatchObject({ assignee: '', dueDate: '' });
    expect(bySource.get('SHOP-7')).toMatchObject({ dueDate: '2026-11-30', startDate: '' }); // Jira's 30/Nov/26 12:00 AM
    const notes = report.notes as Array<{ row: number; column: string; message: string }>;
    expect(notes.filter((n) => n.column === 'Assignee').map((n) => n.message)).toEqual([
      '"Margaret Hamilton" is not a member of this project: left unassigned',
      '"Margaret Hamilton" is not a member of this project: left unassigned',
    ]);
    expect(notes.filter((n) => n.column === 'Sprint')).toHaveLength(2);
    expect(notes.find((n) => n.row === 1)!.message).toBe(
      'Columns not imported: Project key, Project name, Resolution, Reporter, Creator, Created, Updated, Resolved, Parent summary, Comment',
    );

    const watcher = await connect(grace);
    await watcher.ok({ subscribe: { projects: [{ projectId: shopId, sinceSeq: 0 }] } });
    const real = await importCsv('SHOP', SAMPLE);
    expect(real.status).toBe(201);
    expect({ ...real.json, dryRun: true }).toEqual(report);
    const after = await board(shopId);
    expect(after.workItems).toHaveLength(30);
    expect(after.sprints!.map((s) => s.name).sort()).toEqual(['SHOP Sprint 1', 'SHOP Sprint 2', 'SHOP Sprint 3']);
    const description = after.workItems!.find((i) => i.title === 'Apple Pay and Google Pay at checkout')!.description!;
    expect(description).toContain('*Acceptance criteria*\n* The "Pay with Apple Pay" button');
    const history = await adaC.ok({ getHistory: { workItemId: after.workItems![0]!.id! } });
    expect(history.history!.entries!.map((e) => e.field)).toEqual(['created']);
  });

  it('XFER-4 a broken row makes the whole import change nothing and is named, with every other problem, in the dry run too', async () => {
    const lines = SAMPLE.split('\n');
    const header = csvRecords(lines[0]!)[0]!;
    const at = (name: string) => header.indexOf(name);
    const rows = csvRecords(SAMPLE).slice(1);
    rows[7]![at('Issue Type')] = 'Spike'; // row 9, SHOP-23, parent of SHOP-24 (row 8)
    rows[20]![at('Summary')] = 'x'.repeat(501); // row 22, SHOP-10: refused by the create itself; parent of rows 20 and 21
    const broken = stringify([header, ...rows]);
    const untouched = tables(ada.tenantId);

    const res = await importCsv('WEB', broken);
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(res.json.error.message).toBe(
      'Row 9, Issue Type: "Spike" is not a type Tandem has (Epic, Story, Task, Bug, Sub-task) (and 4 more). Nothing was imported',
    );
    // The rows under the refused ones cannot be imported either, and say why.
    expect(res.json.report.problems).toEqual([
      { row: 8, line: expect.any(Number), column: 'Parent', message: 'Its parent, row 9, cannot be imported', becauseOfRow: 9 },
      { row: 9, line: expect.any(Number), column: 'Issue Type', message: expect.stringMatching(/^"Spike" is not a type/) },
      { row: 20, line: expect.any(Number), column: 'Parent', message: 'Its parent, row 22, cannot be imported', becauseOfRow: 22 },
      { row: 21, line: expect.any(Number), column: 'Parent', message: 'Its parent, row 22, cannot be imported', becauseOfRow: 22 },
      { row: 22, line: expect.any(Number), column: 'Summary', message: 'A title is at most 500 characters' },
    ]);
    const problems = res.json.report.problems;
    expect(tables(ada.tenantId)).toEqual(untouched);

    const dry = await importCsv('WEB', broken, ada, true);
    expect(dry.status).toBe(200);
    expect(dry.json.problems).toEqual(problems);
    expect(tables(ada.tenantId)).toEqual(untouched);
  });

  it('XFER-4b a file that is not CSV names the row and line where it breaks; CRLF line ends and a BOM are read as Jira writes them', async () => {
    const unclosed = 'Summary,Issue Type\r\nFine,Task\r\n"Never closed,Task\r\n';
    const res = await importCsv('WEB', unclosed);
    expect(res.status).toBe(400);
    expect(res.json.report.problems).toEqual([{ row: 3, line: 3, column: '', message: expect.stringMatching(/^Not readable as CSV: Quote Not Closed/) }]);

    const windows = '\ufeffSummary,Issue Type,Description\r\n"Two\r\nlines",Task,"a\r\nb"\r\n\r\nThird,Bug,\r\n';
    const dry = await importCsv('WEB', windows, ada, true);
    expect(dry.json.problems).toEqual([]);
    expect(dry.json.items.map((i: { row: number; title: string }) => [i.row, i.title])).toEqual([[2, 'Two\nlines'], [3, 'Third']]);

    const dates = 'Summary,Issue Type,Due date,Start date\nSoon,Task,next week,\nBackwards,Task,01/Nov/26 12:00 AM,2026-11-20\n';
    const refused = await importCsv('WEB', dates, ada, true);
    expect(refused.json.problems).toEqual([
      { row: 2, line: 2, column: 'Due date', message: `"next week" is not a date (2026-11-15, or Jira's 15/Nov/26)` },
      { row: 3, line: 3, column: 'Due date', message: 'The due date comes before the start date' },
    ]);
  });

  it('XFER-5 only an admin of the project may import: an editor or viewer is refused, a non-member gets 404, and a cookie needs our Origin', async () => {
    const csv = 'Summary,Issue Type\nOne,Task\n';
    const untouched = tables(ada.tenantId);
    for (const who of [grace, vic]) {
      const res = await importCsv('WEB', csv, who);
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('PERMISSION_DENIED');
    }
    expect((await importCsv('WEB', csv, nora)).status).toBe(404);
    expect((await http('/api/projects/WEB/import', { body: csv })).status).toBe(401);
    expect((await http('/api/projects/WEB/import', { session: ada, body: csv, type: 'text/plain' })).status).toBe(415);
    expect((await http('/api/projects/WEB/import', { session: ada, body: csv, type: 'text/csv; charset=latin1' })).status).toBe(415);
    const crossSite = await http('/api/projects/WEB/import', { session: ada, via: 'cookie', body: csv, origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect(tables(ada.tenantId)).toEqual(untouched);
    // An admin through the project alone may, by cookie from our own page.
    const own = await http('/api/projects/WEB/import', { session: alan, via: 'cookie', body: csv, origin: srv.http });
    expect(own.status).toBe(201);
    expect(own.json.items).toMatchObject([{ title: 'One', type: 'Task', status: 'Backlog' }]);
  });

  it('XFER-6 a socket subscribed to the project receives each created item as it is committed, as after any write', async () => {
    const liveId = await project('LIVE', 'Live');
    const watcher = await connect(ada);
    const subscribed = await watcher.ok({ subscribe: { projects: [{ projectId: liveId, sinceSeq: 0 }] } });
    const seq = Number(subscribed.subscribed!.projects![0]!.sinceSeq);
    const csv = 'Summary,Issue Type,Issue key,Parent,Sprint\nAn epic,Epic,X-1,,\nA story,Story,X-2,X-1,Next\n';
    const res = await importCsv('LIVE', csv);
    expect(res.status).toBe(201);
    const events = await watcher.waitFor(() => {
      const mine = watcher.events.filter((e) => e.projectId === liveId);
      return mine.length >= 3 ? mine : undefined;
    }, 5000, 'three events');
    expect(events.map((e) => e.workItem?.workItem?.title ?? e.sprint?.sprint?.name)).toEqual(['An epic', 'Next', 'A story']);
    expect(events.map((e) => Number(e.seq))).toEqual([seq + 1, seq + 2, seq + 3]);
  });

  it('XFER-7 limits: more than 5,000 rows or 10 MiB is 413; 5,000 rows import, and export page by page', async () => {
    const many = (n: number) => 'Summary,Issue Type,Labels,Labels\n' + Array.from({ length: n }, (_, i) => `Item ${i + 1},Task,bulk,l${i % 7}\n`).join('');
    expect((await importCsv('WEB', many(5001))).status).toBe(413);
    const huge = 'Summary,Issue Type,Description\n' + `Big,Task,"${'x'.repeat(10 * 1024 * 1024)}"\n`;
    expect((await importCsv('WEB', huge)).status).toBe(413);
    await project('BULK', 'Bulk');
    const imported = await importCsv('BULK', many(5000));
    expect(imported.status).toBe(201);
    expect(imported.json.items).toHaveLength(5000);
    const exported = await http('/api/projects/BULK/export.csv', { session: ada });
    const [header, ...rows] = csvRecords(exported.text);
    expect(header!.filter((h) => h === 'Labels')).toHaveLength(2);
    expect(rows).toHaveLength(5000);
    expect(rows[4999]!.slice(0, 3)).toEqual(['Item 5000', 'BULK-5000', 'Task']);
  }, 60_000);
});

describe('XFER across instances', () => {
  let dataDir: string;
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('XFER-6b an import on one instance fills the open boards on another, through the fan-out writes use', async () => {
    const redisUrl = await findRedis();
    dataDir = mkdtempSync(join(tmpdir(), 'tandem-xfer-'));
    const channel = uniqueChannel();
    for (let i = 0; i < 2; i++) servers.push(await startTestServer({ REDIS_URL: redisUrl, REDIS_CHANNEL: channel }, dataDir));
    const [a, b] = servers as [TestServer, TestServer];
    const owner = await signup(a.http, 'Olga');
    const onB = await TestClient.connect(b.ws, owner.token);
    clients.push(onB);
    const projectId = (await onB.ok({ createProject: { key: 'FAR', name: 'Far', description: '' } })).project!.id!;
    await onB.ok({ subscribe: { projects: [{ projectId, sinceSeq: 0 }] } });
    const res = await fetch(`${a.http}/api/projects/FAR/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'text/csv' },
      body: 'Summary,Issue Type\nFirst,Task\nSecond,Bug\n',
    });
    expect(res.status).toBe(201);
    const titles = await onB.waitFor(() => {
      const got = onB.events.filter((e) => e.projectId === projectId).map((e) => e.workItem?.workItem?.title);
      return got.length >= 2 ? got : undefined;
    }, 5000, 'both items on the other instance');
    expect(titles).toEqual(['First', 'Second']);
  });
});
