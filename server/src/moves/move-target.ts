// The receiving end of a tenant move (docs/DESIGN.md decision 57): the copy
// and its attachments land in a staging folder, the copy is checked, and the
// folder is renamed into place only when the mover asks, while the move's
// mark still holds. Nothing here opens the tenant for serving: placement
// still names the source, so the gate keeps every request away until the
// flip.
import { existsSync, rmSync } from 'node:fs';
import type { MoveBook } from '../cells/move-record.ts';
import type { Logger } from '../log.ts';
import { checkMoveId, type MoveFiles } from './move-files.ts';
import type { MovedAccounts } from './moved-accounts.ts';
import type { MovedSecrets } from './moved-secrets.ts';
import type { FileFigures, FileWorker } from '../tenancy/file-worker.ts';

/** The request does not belong to a move under way to this cell; nothing was kept. */
export class NotThisMove extends Error {}

/** A part arrived whole (as attachments/upload-file.ts reports it). */
export interface Received {
  path: string;
  sha256: string;
  size: number;
}

export class MoveTarget {
  constructor(
    private readonly cell: string,
    private readonly files: MoveFiles,
    private readonly book: MoveBook,
    private readonly secrets: MovedSecrets,
    private readonly accounts: MovedAccounts,
    private readonly log: Logger,
  ) {}

  /** Refuses unless Redis records this move, to this cell, with its mark holding. */
  async expect(tenantId: string, moveId: string): Promise<void> {
    checkMoveId(moveId);
    const { record, markedBy } = await this.book.snapshot(tenantId);
    if (record?.id !== moveId || record.to !== this.cell) throw new NotThisMove(`no move ${moveId} of ${tenantId} to cell ${this.cell} is recorded`);
    if (markedBy !== moveId) throw new NotThisMove(`the read-only mark of move ${moveId} has lapsed`);
  }

  /** Where a part of the move is written while it arrives. */
  incoming(tenantId: string, moveId: string, name: string): string {
    return this.files.incoming(tenantId, moveId, name);
  }

  /** The copy is whole: staged as main.db and checked (integrity, rows, seqs) on `checker`'s thread. */
  async stageFile(tenantId: string, moveId: string, part: Received, checker: FileWorker): Promise<FileFigures> {
    const staged = this.files.stagedDb(tenantId, moveId);
    this.files.place(part.path, staged);
    const figures = await checker.inspect(staged, { integrity: true });
    this.log.info('tenant_move_staged', { tenant: tenantId, move: moveId, bytes: part.size, integrity: figures.integrity });
    return figures;
  }

  stageBlob(tenantId: string, moveId: string, sha256: string, part: Received): void {
    if (part.sha256 !== sha256) {
      rmSync(part.path, { force: true });
      throw new Error(`attachment ${sha256} arrived as other bytes (${part.sha256})`);
    }
    this.files.place(part.path, this.files.stagedBlob(tenantId, moveId, sha256));
  }

  /**
   * Renames the staging folder into place, once it holds the copy and every
   * attachment named, with the secrets the source opened sealed again with
   * this cell's key, and a standalone workspace's people kept here.
   */
  async install(tenantId: string, moveId: string, blobs: readonly string[], secrets: Record<string, string>, accounts: unknown): Promise<void> {
    await this.expect(tenantId, moveId);
    if (!existsSync(this.files.stagedDb(tenantId, moveId))) throw new NotThisMove(`move ${moveId} has no staged copy here`);
    const missing = blobs.filter((sha256) => !existsSync(this.files.stagedBlob(tenantId, moveId, sha256)));
    if (missing.length > 0) throw new NotThisMove(`move ${moveId} lacks ${missing.length} attachment(s), ${missing[0]} first`);
    const keepsSecrets = this.secrets.reseal(this.files.stagedDb(tenantId, moveId), secrets);
    if (accounts !== null) this.accounts.arrive(tenantId, accounts);
    this.files.install(tenantId, moveId);
    if (keepsSecrets) this.secrets.arrived(tenantId);
    this.log.info('tenant_move_installed', { tenant: tenantId, move: moveId });
  }
}
