// The MCP server (server/src/mcp/) as an LLM client meets it: the SDK's own
// client over a real stdio child process, reading a tenant file that a real
// server made and filled through the socket. One seeded workspace serves every
// test; one MCP process serves all but the start-up tests.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ItemType, Role, type IWorkflowStatus } from '../../shared/proto.ts';
import { DEFAULT_ROWS } from '../src/mcp/tools.ts';
import { SCHEMA_DOCS } from '../src/tenancy/schema-docs.ts';
import { invite, signup } from './support/accounts.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient } from './support/ws-client.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const MAIN = ['--import', 'tsx', 'server/src/mcp/main.ts'];
const TIME_LIMIT_MS = 2000;

let srv: TestServer;
let tenantId: string;
let tenantFile: string;
let mcp: Client;

interface Call {
  isError: boolean;
  text: string;
}

async function call(name: string, args: Record<string, unknown> = {}): Promise<Call> {
  const result = await mcp.callTool({ name, arguments: args });
  const [first] = result.content as Array<{ type: string; text: string }>;
  return { isError: result.isError === true, text: first!.text };
}

async function json<T = Record<string, unknown>>(name: string, args: Record<string, unknown> = {}): Promise<T> {
  const { isError, text } = await call(name, args);
  if (isError) throw new Error(`${name} failed: ${text}`);
  return JSON.parse(text) as T;
}

async function connect(command: string, args: string[]): Promise<Client> {
  // The default environment (PATH, HOME...) and no DATA_DIR: the arguments alone say which file.
  const client = new Client({ name: 'tandem-test', version: '1' });
  await client.connect(new StdioClientTransport({ command, args, cwd: ROOT, stderr: 'inherit' }));
  return client;
}

/** Runs the MCP entry as a person would from a shell: exit code and stderr. */
function runMain(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...MAIN, ...args], { cwd: ROOT, timeout: 30_000 }, (err, _stdout, stderr) =>
      resolve({ code: err ? Number(err.code ?? 1) : 0, stderr }),
    );
  });
}

function readFile<T>(sql: string): T[] {
  const db = new Database(tenantFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

/**
 * WEB, Sprint 1 (active): WEB-1 story 5 pts Bob In Progress; WEB-2 task 3 pts
 * Ada, moved to Done; WEB-3 bug 2 pts unassigned To Do, labelled blocked;
 * WEB-5 deleted. Outside the sprint: WEB-4 story 8 pts in the backlog, and
 * Sprint 2 planned. OPS has one item, which no WEB fact may count.
 */
async function seed(): Promise<void> {
  const ada = await signup(srv.http, 'Ada');
  const bob = await invite(srv.http, ada, 'Bob');
  tenantId = ada.tenantId;
  tenantFile = join(srv.dataDir, tenantId, 'main.db');
  const adaC = await TestClient.connect(srv.ws, ada.token);
  // A person is recorded in the tenant when first seen, which add_member needs.
  (await TestClient.connect(srv.ws, bob.token)).close();
  try {
    const project = (await adaC.ok({ createProject: { key: 'WEB', name: 'Web shop', description: 'The storefront' } })).project!;
    const projectId = project.id!;
    const status = (name: string) => project.statuses!.find((s: IWorkflowStatus) => s.name === name)!.id!;
    await adaC.ok({ addMember: { projectId, userId: bob.user.id, role: Role.ROLE_EDITOR } });
    const sprintId = (await adaC.ok({ createSprint: { projectId, name: 'Sprint 1', goal: 'Checkout', startDate: '2026-03-02', endDate: '2026-03-13' } }))
      .sprint!.id!;
    await adaC.ok({ createSprint: { projectId, name: 'Sprint 2' } });
    await adaC.ok({ startSprint: { sprintId } });
    const create = async (fields: Record<string, unknown>) =>
      (await adaC.ok({ createWorkItem: { projectId, ...fields } })).workItem!;
    await create({ itemType: ItemType.ITEM_TYPE_STORY, title: 'Checkout page', storyPoints: 5, assigneeId: bob.user.id, sprintId, statusId: status('In Progress') });
    const api = await create({ itemType: ItemType.ITEM_TYPE_TASK, title: 'Payment API', storyPoints: 3, assigneeId: ada.user.id, sprintId, statusId: status('To Do') });
    await create({ itemType: ItemType.ITEM_TYPE_BUG, title: 'Card declined', storyPoints: 2, sprintId, statusId: status('To Do'), labels: ['Blocked', 'payments'] });
    await create({ itemType: ItemType.ITEM_TYPE_STORY, title: 'Wishlist', storyPoints: 8 });
    const gone = await create({ itemType: ItemType.ITEM_TYPE_TASK, title: 'Old spike', storyPoints: 13, sprintId });
    await adaC.ok({ deleteWorkItem: { workItemId: gone.id, expectedVersion: 1 } });
    await adaC.ok({ updateWorkItem: { workItemId: api.id, expectedVersion: 1, statusId: status('Done') } });
    const ops = (await adaC.ok({ createProject: { key: 'OPS', name: 'Operations' } })).project!;
    await adaC.ok({ createWorkItem: { projectId: ops.id, itemType: ItemType.ITEM_TYPE_TASK, title: 'Rotate keys', storyPoints: 1, labels: ['blocked'] } });
  } finally {
    adaC.close();
  }
}

beforeAll(async () => {
  srv = await startTestServer({ RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '100000' });
  await seed();
  mcp = await connect(process.execPath, [...MAIN, '--tenant', tenantId, '--data-dir', srv.dataDir, '--time-limit-ms', String(TIME_LIMIT_MS)]);
}, 60_000);

afterAll(async () => {
  await mcp?.close();
  await srv?.stop();
});

describe('MCP start-up', () => {
  it('MCP-1 the README command (npm --silent run mcp) starts a stdio server with exactly the four tools, all read-only', async () => {
    const client = await connect('npm', ['--silent', 'run', 'mcp', '--', '--tenant', tenantId, '--data-dir', srv.dataDir]);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual(['describe_schema', 'query', 'summarize_project', 'summarize_sprint']);
      for (const tool of tools) expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
      expect(client.getInstructions()).toContain(tenantId);
    } finally {
      await client.close();
    }
  });

  it('MCP-2 a tenant id the server would refuse (../x) names no file: refused with the rule, exit 2; a missing tenant exits 1', async () => {
    for (const id of ['../x', 'a/../../etc']) {
      const run = await runMain(['--tenant', id, '--data-dir', srv.dataDir]);
      expect(run.code, id).toBe(2);
      expect(run.stderr).toContain(`invalid tenant id ${JSON.stringify(id)}`);
      expect(run.stderr).toContain('^[a-z0-9][a-z0-9_-]{0,62}$');
    }
    const missing = await runMain(['--tenant', 'nosuch', '--data-dir', srv.dataDir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no tenant nosuch');
    expect(existsSync(join(srv.dataDir, 'nosuch'))).toBe(false);
    const usage = await runMain(['--data-dir', srv.dataDir]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--tenant is required');
  });
});

describe('MCP schema', () => {
  it('MCP-3 describe_schema covers every table and view of the file, each column with its type and pm_schema_docs description', async () => {
    const described = await json<Array<{ name: string; kind: string; description: string; columns: Array<{ name: string; type: string; description: string }> }>>('describe_schema');
    const objects = readFile<{ name: string; type: string }>("SELECT name, type FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
    const docs = new Map(readFile<{ t: string; c: string; d: string }>('SELECT table_name AS t, column_name AS c, description AS d FROM pm_schema_docs').map((r) => [`${r.t}.${r.c}`, r.d]));
    expect(described.map((t) => t.name).sort()).toEqual(objects.map((o) => o.name).sort());
    for (const table of described) {
      expect(table.kind).toBe(objects.find((o) => o.name === table.name)!.type);
      expect(table.description, table.name).toBe(docs.get(`${table.name}.`) ?? '');
      const columns = readFile<{ name: string; type: string }>(`SELECT name, type FROM pragma_table_info('${table.name}')`);
      expect(table.columns.map((c) => [c.name, c.type]), table.name).toEqual(columns.map((c) => [c.name, c.type]));
      for (const column of table.columns) expect(column.description, `${table.name}.${column.name}`).toBe(docs.get(`${table.name}.${column.name}`) ?? '');
    }
    const items = described.find((t) => t.name === 'pm_work_items')!;
    expect(items.columns.find((c) => c.name === 'story_points')!.description).toBe(SCHEMA_DOCS['pm_work_items']!.columns['story_points']);
    expect(described.find((t) => t.name === 'pm_work_items_readable')!.kind).toBe('view');
  });

  it('MCP-4 the schema docs are resources: the whole schema, and one per table or view', async () => {
    const { resources } = await mcp.listResources();
    const uris = resources.map((r) => r.uri);
    expect(uris).toContain('tandem://schema');
    expect(uris).toContain('tandem://schema/pm_work_items');
    expect(uris).toContain('tandem://schema/pm_activity_readable');
    const whole = await mcp.readResource({ uri: 'tandem://schema' });
    expect(JSON.parse((whole.contents[0] as { text: string }).text)).toEqual(await json('describe_schema'));
    const one = await mcp.readResource({ uri: 'tandem://schema/pm_sprints' });
    const sprints = JSON.parse((one.contents[0] as { text: string }).text);
    expect(sprints).toMatchObject({ name: 'pm_sprints', kind: 'table', description: SCHEMA_DOCS['pm_sprints']!.about });
    await expect(mcp.readResource({ uri: 'tandem://schema/nope' })).rejects.toThrow(/no table or view named "nope"/);
  });
});

describe('MCP query', () => {
  it('MCP-5 query answers a SELECT with its columns and rows', async () => {
    const answer = await json('query', { sql: "SELECT key, title, status FROM pm_work_items_readable WHERE project_key = 'WEB' AND is_deleted = 0 ORDER BY key" });
    expect(answer).toEqual({
      columns: ['key', 'title', 'status'],
      rows: [['WEB-1', 'Checkout page', 'In Progress'], ['WEB-2', 'Payment API', 'Done'], ['WEB-3', 'Card declined', 'To Do'], ['WEB-4', 'Wishlist', 'Backlog']],
      row_count: 4,
    });
    const pragma = await json<{ rows: unknown[][] }>('query', { sql: 'PRAGMA table_info(pm_labels)' });
    expect(pragma.rows.map((r) => r[1])).toEqual(['id', 'project_id', 'name', 'color']);
    const blob = await json<{ rows: unknown[][] }>('query', { sql: 'SELECT payload FROM pm_events LIMIT 1' });
    expect(blob.rows[0]![0]).toEqual({ blob_bytes: expect.any(Number) });
  });

  it('MCP-6 query refuses writes, ATTACH, PRAGMAs that change anything, several statements and load_extension, each with its reason, and the file is unchanged', async () => {
    const before = readFile<{ n: number }>('SELECT count(*) AS n FROM pm_users')[0]!.n;
    const elsewhere = join(srv.dataDir, 'elsewhere.db');
    const refusals: Array<[string, RegExp]> = [
      ["INSERT INTO pm_users (id, display_name, tenant_role, created_at_ms, last_seen_at_ms) VALUES ('x', 'X', 'owner', 0, 0)", /^INSERT is refused: this tool only reads/],
      ["WITH gone AS (SELECT id FROM pm_users) DELETE FROM pm_users WHERE id IN gone", /it would change the file/],
      ['  /* hidden */ UPDATE pm_users SET display_name = 1', /^UPDATE is refused/],
      [`ATTACH '${elsewhere}' AS elsewhere`, /^ATTACH is refused: this tool reads this tenant's file and no other/],
      [`VACUUM INTO '${elsewhere}'`, /^VACUUM is refused/],
      ['PRAGMA writable_schema=1', /^PRAGMA writable_schema = … is refused: it would change a setting/],
      ['PRAGMA query_only = OFF', /^PRAGMA query_only = … is refused/],
      ['PRAGMA user_version(7)', /^PRAGMA user_version\(…\) is refused/],
      ['PRAGMA cache_size', /^PRAGMA cache_size is refused/],
      ['SELECT 1; SELECT 2', /^several statements are refused: send one statement at a time/],
      ["SELECT 1; ATTACH 'x.db' AS x", /^several statements are refused/],
      ["SELECT load_extension('/tmp/evil')", /^load_extension is refused/],
      ["SELECT 1 WHERE load_extension ('/tmp/evil', 'entry') IS NULL", /^load_extension is refused/],
      [`SELECT "load_extension"('/tmp/evil')`, /^load_extension is refused/],
      ['', /^no SQL given/],
    ];
    for (const [sql, reason] of refusals) {
      const answer = await call('query', { sql });
      expect(answer.isError, sql).toBe(true);
      expect(answer.text, sql).toMatch(reason);
    }
    expect(existsSync(elsewhere)).toBe(false);
    expect(readFile<{ n: number }>('SELECT count(*) AS n FROM pm_users')[0]!.n).toBe(before);
    const sqlError = await call('query', { sql: 'SELECT nope FROM pm_users' });
    expect(sqlError).toEqual({ isError: true, text: 'SQL error (SQLITE_ERROR): no such column: nope' });
  });

  it(`MCP-7 a row limit applies: max_rows, else ${DEFAULT_ROWS}, with a note that there were more`, async () => {
    const counting = 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT 5000) SELECT i FROM n';
    const byDefault = await json<{ rows: number[][]; row_count: number; note: string }>('query', { sql: counting });
    expect(byDefault.row_count).toBe(DEFAULT_ROWS);
    expect(byDefault.rows.at(-1)).toEqual([DEFAULT_ROWS]);
    expect(byDefault.note).toMatch(new RegExp(`^stopped at ${DEFAULT_ROWS} rows \\(max_rows\\): the statement returns more`));
    const three = await json<{ rows: number[][]; note: string }>('query', { sql: counting, max_rows: 3 });
    expect(three.rows).toEqual([[1], [2], [3]]);
    expect(three.note).toMatch(/^stopped at 3 rows/);
    const exact = await json('query', { sql: 'SELECT 1 AS one UNION ALL SELECT 2', max_rows: 2 });
    expect(exact).toEqual({ columns: ['one'], rows: [[1], [2]], row_count: 2 });
    expect((await call('query', { sql: 'SELECT 1', max_rows: 0 })).isError).toBe(true);
  });

  it('MCP-8 a runaway query (a recursive CTE with no end) is stopped at the time limit with a clear message, and the next query runs', async () => {
    const runaway = await call('query', { sql: 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n' });
    expect(runaway.isError).toBe(true);
    expect(runaway.text).toMatch(new RegExp(`^the query was stopped at the time limit \\(${TIME_LIMIT_MS / 1000} s\\)`));
    expect(await json('query', { sql: 'SELECT 42 AS answer' })).toEqual({ columns: ['answer'], rows: [[42]], row_count: 1 });
  });
});

describe('MCP summaries', () => {
  it('MCP-9 summarize_sprint: the active sprint by default, its scope, done, remaining by status, blocked, who holds what and recent changes', async () => {
    const summary = await json<Record<string, any>>('summarize_sprint', { project: 'web' });
    expect(summary['headline']).toBe('Sprint 1 (ACTIVE, ends 2026-03-13) in WEB: 3 items, 10 points; done 1 (3 points); remaining 2 (7 points); 1 blocked');
    expect(summary['sprint']).toMatchObject({ name: 'Sprint 1', state: 'ACTIVE', goal: 'Checkout', start_date: '2026-03-02', end_date: '2026-03-13', completed_at_utc: null });
    expect(summary['scope']).toEqual({ items: 3, points: 10, unestimated: 0 });
    expect(summary['done']).toEqual({ items: 1, points: 3 });
    expect(summary['remaining']).toEqual({
      items: 2,
      points: 7,
      by_status: [
        { status: 'To Do', category: 'UNSTARTED', items: 1, points: 2 },
        { status: 'In Progress', category: 'STARTED', items: 1, points: 5 },
      ],
    });
    expect(summary['blocked']).toEqual([{ key: 'WEB-3', title: 'Card declined', status: 'To Do', assignee: null }]);
    expect(summary['holders']).toEqual([
      { assignee: 'Ada', open: { items: 0, points: 0 }, done: { items: 1, points: 3 }, open_items: [] },
      { assignee: 'Bob', open: { items: 1, points: 5 }, done: { items: 0, points: 0 }, open_items: ['WEB-1 Checkout page (In Progress)'] },
      { assignee: null, open: { items: 1, points: 2 }, done: { items: 0, points: 0 }, open_items: ['WEB-3 Card declined (To Do)'] },
    ]);
    const changes = summary['recent_changes'] as Array<Record<string, string | null>>;
    expect(changes[0]).toMatchObject({ subject: 'WEB-2', field: 'status_id', from: 'To Do', to: 'Done', by: 'Ada' });
    expect(changes).toContainEqual(expect.objectContaining({ subject: 'sprint Sprint 1', field: 'state', from: 'PLANNED', to: 'ACTIVE' }));
    expect(changes).toContainEqual(expect.objectContaining({ subject: 'WEB-5', field: 'deleted' }));
    expect(changes.map((c) => c.subject)).not.toContain('WEB-4');
    expect(summary['definitions']['done']).toBe('status category COMPLETED or CANCELED');

    const byName = await json<Record<string, any>>('summarize_sprint', { project: 'WEB', sprint: 'Sprint 2' });
    expect(byName['headline']).toBe('Sprint 2 (PLANNED) in WEB: 0 items, 0 points; done 0 (0 points); remaining 0 (0 points); 0 blocked');
    const unknown = await call('summarize_sprint', { project: 'WEB', sprint: 'Sprint 9' });
    expect(unknown.isError).toBe(true);
    expect(unknown.text).toMatch(/^WEB has no sprint "Sprint 9"; its sprints: Sprint 1 \(ACTIVE, id \S+\); Sprint 2 \(PLANNED, id \S+\)$/);
    expect(await call('summarize_sprint', { project: 'OPS' })).toEqual({ isError: true, text: 'OPS has no active sprint; its sprints: none' });
  });

  it('MCP-10 summarize_project: items by type and status, done, remaining, backlog, sprints, blocked, holders, members and recent changes of that project only', async () => {
    const summary = await json<Record<string, any>>('summarize_project', { project: 'WEB' });
    expect(summary['headline']).toBe(
      'WEB Web shop: 4 items, 18 points; done 1 (3 points); remaining 3 (15 points), 1 of them in no sprint; active sprint Sprint 1; 1 blocked',
    );
    expect(summary['project']).toMatchObject({ key: 'WEB', name: 'Web shop', description: 'The storefront' });
    expect(summary['items']).toEqual({
      items: 4,
      points: 18,
      by_type: { STORY: 2, TASK: 1, BUG: 1 },
      by_status: [
        { status: 'Backlog', category: 'BACKLOG', items: 1, points: 8 },
        { status: 'To Do', category: 'UNSTARTED', items: 1, points: 2 },
        { status: 'In Progress', category: 'STARTED', items: 1, points: 5 },
        { status: 'Done', category: 'COMPLETED', items: 1, points: 3 },
      ],
    });
    expect(summary['done']).toEqual({ items: 1, points: 3 });
    expect(summary['remaining']).toEqual({ items: 3, points: 15 });
    expect(summary['backlog']).toEqual({ items: 1, points: 8 });
    expect(summary['sprints']).toEqual({
      active: { name: 'Sprint 1', end_date: '2026-03-13', scope: { items: 3, points: 10 }, done: { items: 1, points: 3 } },
      planned: ['Sprint 2'],
      completed: 0,
    });
    expect(summary['blocked']).toEqual([{ key: 'WEB-3', title: 'Card declined', status: 'To Do', assignee: null }]);
    expect(summary['holders'].map((h: { assignee: string | null; open: unknown }) => [h.assignee, h.open])).toEqual([
      ['Ada', { items: 0, points: 0 }],
      ['Bob', { items: 1, points: 5 }],
      [null, { items: 2, points: 10 }],
    ]);
    expect(summary['members']).toContainEqual({ name: 'Bob', role: 'EDITOR' });
    const changes = summary['recent_changes'] as Array<Record<string, string | null>>;
    expect(changes.map((c) => c.subject)).toContain('WEB-4');
    expect(changes.map((c) => c.subject)).toContain('member Bob');
    expect(changes.map((c) => c.subject).filter((s) => s?.startsWith('OPS'))).toEqual([]);

    const unknown = await call('summarize_project', { project: 'NOPE' });
    expect(unknown).toEqual({ isError: true, text: 'no project with key "NOPE"; the projects are: OPS, WEB' });
  });
});
