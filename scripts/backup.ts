// `npm run backup -- [tenant_id ...] [--out DIR]`: consistent copies of tenant
// files and the account directory, taken with SQLite's online backup API, so
// it is safe while servers are writing (a plain file copy of a WAL database
// can miss committed pages or catch a half-written one). Each copy is then
// checked on its own; exit 1 if any copy is missing or fails.
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfig } from '../server/src/config.ts';
import { FileWorker } from '../server/src/tenancy/file-worker.ts';
import { tenantDbPath } from '../server/src/tenancy/tenant-db.ts';
import { isValidTenantId } from '../shared/domain/tenant-id.ts';
import { formatTable, type Cell } from './lib/text-table.ts';

const USAGE = 'usage: npm run backup -- [tenant_id ...] [--out DIR]';
const DIRECTORY_DB = join('_directory', 'accounts.db');

class UsageError extends Error {}

interface Target {
  name: string;
  source: string;
  /** Path inside the backup folder: the same layout as DATA_DIR, so a restore is a copy back. */
  relative: string;
}

function parseArgs(args: string[]): { tenants: string[]; out: string | null } {
  const tenants: string[] = [];
  let out: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--out') {
      out = args[++i] ?? null;
      if (!out) throw new UsageError(`--out needs a folder. ${USAGE}`);
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${arg}. ${USAGE}`);
    } else {
      tenants.push(arg);
    }
  }
  return { tenants, out };
}

function targetsOf(dataDir: string, named: string[]): Target[] {
  for (const id of named) {
    if (!isValidTenantId(id)) throw new UsageError(`invalid tenant id ${JSON.stringify(id)}: it must match ^[a-z0-9][a-z0-9_-]{0,62}$`);
    if (!existsSync(tenantDbPath(dataDir, id))) throw new UsageError(`no tenant ${id} in ${dataDir}`);
  }
  // Folders that are not tenant ids (_directory, _keys, stray files) are never
  // taken for tenants; the regex is checked before any path is built.
  const ids = named.length > 0
    ? named
    : readdirSync(dataDir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && isValidTenantId(e.name) && existsSync(tenantDbPath(dataDir, e.name)))
      .map((e) => e.name)
      .sort();
  const targets = ids.map((id) => ({ name: id, source: tenantDbPath(dataDir, id), relative: join(id, 'main.db') }));
  // Always with the accounts: a restored tenant nobody can log in to is not much of a backup.
  if (existsSync(join(dataDir, DIRECTORY_DB))) {
    targets.push({ name: '_directory', source: join(dataDir, DIRECTORY_DB), relative: DIRECTORY_DB });
  }
  return targets;
}

/** ISO 8601 basic format (no colons, which some file systems refuse), to the millisecond. */
function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '');
}

function humanSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

async function copy(files: FileWorker, target: Target, dest: string): Promise<void> {
  mkdirSync(dirname(dest), { recursive: true });
  await files.copy(target.source, dest);
}

/** The copy checked by itself, opened afresh: what a restore would get. */
async function check(files: FileWorker, dest: string): Promise<{ pages: number; verdict: string }> {
  const { pages, integrity } = await files.inspect(dest, { integrity: true });
  return { pages, verdict: integrity! };
}

async function main(): Promise<boolean> {
  const { tenants, out } = parseArgs(process.argv.slice(2));
  // Only DATA_DIR matters here: a bad PORT in the environment should not stop a backup.
  const { dataDir } = loadConfig({ DATA_DIR: process.env['DATA_DIR'] });
  if (!existsSync(dataDir)) throw new UsageError(`DATA_DIR ${dataDir} does not exist`);
  const targets = targetsOf(dataDir, tenants);
  if (targets.length === 0) throw new UsageError(`nothing to back up in ${dataDir}`);
  const outDir = out ?? join('backups', stamp(new Date()));

  const rows: Cell[][] = [];
  let allOk = true;
  const files = new FileWorker();
  try {
    for (const target of targets) {
      const dest = join(outDir, target.relative);
      // Never overwrite: an older good copy is worth more than this run.
      if (existsSync(dest)) {
        rows.push([target.name, '-', '-', `not copied: ${dest} already exists`]);
        allOk = false;
        continue;
      }
      try {
        await copy(files, target, dest);
        const { pages, verdict } = await check(files, dest);
        rows.push([target.name, humanSize(statSync(dest).size), pages, verdict]);
        if (verdict !== 'ok') allOk = false;
      } catch (err) {
        rows.push([target.name, '-', '-', `failed: ${err instanceof Error ? err.message : String(err)}`]);
        allOk = false;
      }
    }
  } finally {
    await files.close();
  }
  process.stdout.write(`Backup of ${dataDir} in ${outDir}\n\n${formatTable(['tenant', 'size', 'pages', 'ok'], rows)}\n`);
  return allOk;
}

main().then(
  (allOk) => {
    if (!allOk) process.stderr.write('backup: some copies failed; see the ok column\n');
    process.exitCode = allOk ? 0 : 1;
  },
  (err: unknown) => {
    process.stderr.write(`backup: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
