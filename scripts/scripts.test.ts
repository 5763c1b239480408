// The operator scripts as an operator runs them: real child processes on a
// temp DATA_DIR. One seeded workspace serves every test (seeding hashes four
// passwords and sends ~100 commands, too slow to repeat).
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from '../server/test/support/accounts.ts';
import { startTestServer } from '../server/test/support/test-server.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runScript(script: string, args: string[], dataDir: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join('scripts', script), ...args],
      { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir }, timeout: 45_000 },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function count(file: string, sql: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
}

let dataDir: string;
let seed: Run;
let tenantId: string;
let tenantFile: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tandem-scripts-'));
  seed = await runScript('seed-demo.ts', [], dataDir);
  tenantId = /tenant:\s+(\S+)/.exec(seed.stdout)?.[1] ?? '';
  tenantFile = join(dataDir, tenantId, 'main.db');
}, 60_000);

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('seed-demo', () => {
  it('exits 0 and prints the credentials and how to start', () => {
    expect(seed.code, seed.stderr).toBe(0);
    expect(seed.stdout.match(/\S+@tandem\.local/g)).toHaveLength(3);
    expect(seed.stdout).toMatch(/password for all three: \S{10,}\)/);
    expect(seed.stdout).toContain('npm start');
    expect(seed.stdout).toContain('http://localhost:8080');
  });

  it('leaves a tenant file with projects, items across types and statuses, sprints in every state, comments', () => {
    expect(count(tenantFile, 'SELECT count(*) FROM pm_projects')).toBe(3);
    expect(count(tenantFile, 'SELECT count(*) FROM pm_work_items')).toBeGreaterThanOrEqual(40);
    expect(count(tenantFile, 'SELECT count(DISTINCT item_type) FROM pm_work_items')).toBe(5);
    expect(count(tenantFile, 'SELECT count(DISTINCT status_id) FROM pm_work_items')).toBeGreaterThanOrEqual(10);
    expect(count(tenantFile, "SELECT group_concat(DISTINCT state) FROM (SELECT state FROM pm_sprints ORDER BY state)"))
      .toBe('ACTIVE,COMPLETED,PLANNED');
    expect(count(tenantFile, "SELECT count(*) FROM pm_project_members WHERE role IN ('EDITOR', 'VIEWER')")).toBe(6);
    expect(count(tenantFile, 'SELECT count(*) FROM pm_comments')).toBeGreaterThan(5);
    expect(count(tenantFile, 'SELECT count(*) FROM pm_work_item_labels')).toBeGreaterThan(20);
  });

  it('prints credentials that log in to a server on the same DATA_DIR', async () => {
    const password = /password for all three: (\S+)\)/.exec(seed.stdout)![1]!;
    const emails = seed.stdout.match(/\S+@tandem\.local/g)!;
    const srv = await startTestServer({}, dataDir);
    try {
      for (const email of emails) {
        const login = await postJson(srv.http, '/api/auth/login', { email, password });
        expect(login.status, email).toBe(200);
        expect(login.body.tenantId).toBe(tenantId);
      }
    } finally {
      await srv.stop();
    }
  });
});

describe('query', () => {
  it('prints rows as a table', async () => {
    const run = await runScript('query.ts', [tenantId, 'SELECT key, title FROM pm_work_items_readable LIMIT 3'], dataDir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^key\s+title/);
    expect(run.stdout).toContain('WEB-1');
    expect(run.stdout).toContain('(3 rows)');
  });

  it('refuses a write with exit 1 and leaves the rows alone', async () => {
    const before = count(tenantFile, 'SELECT count(*) FROM pm_work_items');
    const run = await runScript('query.ts', [tenantId, 'DELETE FROM pm_work_items'], dataDir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/refused/);
    expect(count(tenantFile, 'SELECT count(*) FROM pm_work_items')).toBe(before);
  });

  it('refuses a tenant id like ../x with exit 1', async () => {
    const run = await runScript('query.ts', ['../x', 'SELECT 1'], dataDir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/invalid tenant id/);
  });
});

describe('backup', () => {
  it('copies every file while a server holds them open; the copies pass integrity_check with the same rows', async () => {
    const srv = await startTestServer({}, dataDir);
    const out = mkdtempSync(join(tmpdir(), 'tandem-backup-'));
    try {
      // A login writes to both files (the user's last-seen time), so each is open with a live WAL.
      const email = seed.stdout.match(/\S+@tandem\.local/)![0];
      const password = /password for all three: (\S+)\)/.exec(seed.stdout)![1]!;
      expect((await postJson(srv.http, '/api/auth/login', { email, password })).status).toBe(200);

      const run = await runScript('backup.ts', ['--out', out], dataDir);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`${tenantId}\\s.*\\sok\\n`));
      expect(run.stdout).toMatch(/_directory\s.*\sok\n/);

      const copy = join(out, tenantId, 'main.db');
      const integrity = new Database(copy, { readonly: true });
      expect(integrity.pragma('integrity_check', { simple: true })).toBe('ok');
      integrity.close();
      for (const table of ['pm_projects', 'pm_work_items', 'pm_sprints', 'pm_comments', 'pm_events', 'pm_users']) {
        expect(count(copy, `SELECT count(*) FROM ${table}`), table).toBe(count(tenantFile, `SELECT count(*) FROM ${table}`));
      }
      const accounts = join('_directory', 'accounts.db');
      expect(count(join(out, accounts), 'SELECT count(*) FROM accounts')).toBe(count(join(dataDir, accounts), 'SELECT count(*) FROM accounts'));
    } finally {
      await srv.stop();
      rmSync(out, { recursive: true, force: true });
    }
  });
});
