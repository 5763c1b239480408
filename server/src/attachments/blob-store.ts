// Where a tenant's attachment bytes live: beside its main.db, in
// attachments/<first two hex digits>/<sha256>, one file per content however
// many attachments name it; uploads arrive in attachments/incoming/ and are
// renamed into place only once whole and accepted. The synchronous calls run
// inside a tenant transaction, whose write lock keeps two instances from
// placing and removing one file at once.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tenantDbPath } from '../tenancy/tenant-db.ts';

const SHA256 = /^[0-9a-f]{64}$/;

export class BlobStore {
  constructor(private readonly dataDir: string) {}

  /** A new path for an upload under way (its folder made); nothing else is ever written there. */
  incomingPath(tenantId: string): string {
    const folder = join(this.folder(tenantId), 'incoming');
    mkdirSync(folder, { recursive: true });
    return join(folder, `${randomUUID()}.part`);
  }

  pathOf(tenantId: string, sha256: string): string {
    // Checked although it comes from our own hash or row: it becomes a path.
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${JSON.stringify(sha256)}`);
    return join(this.folder(tenantId), sha256.slice(0, 2), sha256);
  }

  /** Moves a whole upload into place, or drops it when the same bytes are already there. */
  place(tenantId: string, incoming: string, sha256: string): void {
    const path = this.pathOf(tenantId, sha256);
    if (existsSync(path)) {
      rmSync(incoming, { force: true });
      return;
    }
    mkdirSync(dirname(path), { recursive: true });
    renameSync(incoming, path);
  }

  remove(tenantId: string, sha256: string): void {
    rmSync(this.pathOf(tenantId, sha256), { force: true });
  }

  private folder(tenantId: string): string {
    // tenantDbPath is the one place a tenant id becomes a path (it checks the id).
    return join(dirname(tenantDbPath(this.dataDir, tenantId)), 'attachments');
  }
}
