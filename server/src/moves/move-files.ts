// Where a tenant move keeps its files in DATA_DIR (docs/DESIGN.md decision
// 57). Folder names starting with `_` can never be tenant ids.
//   _moves/<tenant>.<move>.out.db  the source's online copy, while it is sent
//   _moves/<tenant>.<move>.in/     the target's staging folder: main.db and
//                                  attachments/, laid out as a tenant folder,
//                                  renamed into place once checked
//   _moved/<tenant>.<move>/        a tenant folder set aside (the source's
//                                  after the flip, a target's stale one),
//                                  deleted once the grace period has passed
//                                  since it was set aside (its mtime)
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, utimesSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { tenantDbPath } from '../tenancy/tenant-db.ts';

const SHA256 = /^[0-9a-f]{64}$/;
/** A move's id as the mover makes it (randomUUID); checked before it becomes part of a path. */
const MOVE_ID = /^[0-9a-f-]{36}$/;

export function checkMoveId(moveId: string): string {
  if (!MOVE_ID.test(moveId)) throw new Error(`invalid move id ${JSON.stringify(moveId)}`);
  return moveId;
}

export class MoveFiles {
  constructor(private readonly dataDir: string) {}

  /** The tenant's folder; tenantDbPath checks the id before it becomes a path. */
  tenantFolder(tenantId: string): string {
    return dirname(tenantDbPath(this.dataDir, tenantId));
  }

  private get moving(): string {
    return join(this.dataDir, '_moves');
  }

  private get asideRoot(): string {
    return join(this.dataDir, '_moved');
  }

  outgoing(tenantId: string, moveId: string): string {
    mkdirSync(this.moving, { recursive: true });
    return join(this.moving, `${this.name(tenantId, moveId)}.out.db`);
  }

  staging(tenantId: string, moveId: string): string {
    return join(this.moving, `${this.name(tenantId, moveId)}.in`);
  }

  /** A new path for a part of the staging folder under way (its folder made). */
  incoming(tenantId: string, moveId: string, name: string): string {
    const folder = join(this.staging(tenantId, moveId), 'incoming');
    mkdirSync(folder, { recursive: true });
    return join(folder, name);
  }

  stagedDb(tenantId: string, moveId: string): string {
    return join(this.staging(tenantId, moveId), 'main.db');
  }

  stagedBlob(tenantId: string, moveId: string, sha256: string): string {
    const sha = this.sha(sha256);
    return join(this.staging(tenantId, moveId), 'attachments', sha.slice(0, 2), sha);
  }

  /** Every attachment file the tenant's folder holds, by content (blob-store.ts's layout). */
  blobs(tenantId: string): Array<{ sha256: string; path: string }> {
    const root = join(this.tenantFolder(tenantId), 'attachments');
    if (!existsSync(root)) return [];
    return readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory() && /^[0-9a-f]{2}$/.test(d.name))
      .flatMap((d) => readdirSync(join(root, d.name)).filter((f) => SHA256.test(f)).map((f) => ({ sha256: f, path: join(root, d.name, f) })));
  }

  /** Moves a received part into its place in the staging folder. */
  place(from: string, to: string): void {
    mkdirSync(dirname(to), { recursive: true });
    renameSync(from, to);
  }

  /**
   * The staging folder becomes the tenant's folder, what was there set aside
   * first (a copy left by an earlier move). A rename, so the tenant's folder
   * is never half there; the data folder is synced so the rename survives a
   * crash.
   */
  install(tenantId: string, moveId: string): void {
    const staging = this.staging(tenantId, moveId);
    rmSync(join(staging, 'incoming'), { recursive: true, force: true });
    this.setAside(tenantId, `${moveId}.stale`);
    renameSync(staging, this.tenantFolder(tenantId));
    syncFolder(this.dataDir);
  }

  /** Renames the tenant's folder aside at once, so nothing opens it again; false when there was none. */
  setAside(tenantId: string, suffix: string): boolean {
    const folder = this.tenantFolder(tenantId);
    if (!existsSync(folder)) return false;
    mkdirSync(this.asideRoot, { recursive: true });
    const aside = join(this.asideRoot, `${tenantId}.${suffix}`);
    try {
      renameSync(folder, aside);
    } catch (err) {
      // Another instance of this cell set it aside first.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
    // Its mtime says when the grace period began.
    const now = new Date();
    utimesSync(aside, now, now);
    syncFolder(this.dataDir);
    return true;
  }

  // Deleting a 100 MB file takes tens of milliseconds: off the event loop.
  discardOutgoing(tenantId: string, moveId: string): Promise<void> {
    return rm(join(this.moving, `${this.name(tenantId, moveId)}.out.db`), { force: true });
  }

  discardStaging(tenantId: string, moveId: string): Promise<void> {
    return rm(this.staging(tenantId, moveId), { recursive: true, force: true });
  }

  /**
   * Deletes what is no longer wanted: folders set aside more than graceMs
   * ago, and a move's files once no record names the move (its record was
   * resolved by the other cell, or this process died before its own
   * cleanup) and they have not changed for idleMs.
   */
  async sweep(opts: { graceMs: number; liveMoves: ReadonlySet<string>; idleMs: number; now: number }): Promise<string[]> {
    const removed: string[] = [];
    const old = async (path: string, ms: number) => opts.now - (await stat(path)).mtimeMs >= ms;
    for (const [root, keep] of [
      [this.asideRoot, async (path: string) => !(await old(path, opts.graceMs))],
      [this.moving, async (path: string, name: string) => opts.liveMoves.has(name.split('.')[1] ?? '') || !(await old(path, opts.idleMs))],
    ] as const) {
      if (!existsSync(root)) continue;
      for (const name of await readdir(root)) {
        const path = join(root, name);
        try {
          if (await keep(path, name)) continue;
          await rm(path, { recursive: true, force: true });
          removed.push(path);
        } catch (err) {
          // Removed meanwhile by another instance of this cell.
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        }
      }
    }
    return removed;
  }

  private name(tenantId: string, moveId: string): string {
    tenantDbPath(this.dataDir, tenantId);
    return `${tenantId}.${checkMoveId(moveId)}`;
  }

  private sha(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${JSON.stringify(sha256)}`);
    return sha256;
  }
}

/** Makes a rename in the folder durable. */
function syncFolder(folder: string): void {
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
