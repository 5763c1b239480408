// Finishes interrupted tenant moves (docs/DESIGN.md decision 57): a mover
// killed, a cell killed mid-move, a rollback whose target was down. Every
// instance looks at the recorded moves that concern its cell when it starts
// and then every half lease, and is asked at once by a mover that rolled
// back. What the move left is read at one instant (record, placement, mark):
//   placement names the target   forward: the source sets its folder aside
//                                and removes the record
//   the mark still holds         pending: its mover is alive, or its lease
//                                has not run out yet
//   otherwise                    back: the tenant stayed on the source, which
//                                takes writes again now the mark is gone; the
//                                target drops its staging folder (and the
//                                installed copy, if the move got that far)
//                                and removes the record; before the install
//                                step the source removes it too, so a target
//                                that never comes back blocks nothing
// Each side does only its own part, every part can be done twice, and the
// record goes with the part that was the last one needed. The same pass
// deletes folders set aside once their grace period is over, and move files
// no record names any more.
import type { MoveBook, MoveRecord } from '../cells/move-record.ts';
import type { Logger } from '../log.ts';
import type { TenantDatabases } from '../tenancy/tenant-databases.ts';
import type { MoveFiles } from './move-files.ts';
import type { MovedAccounts } from './moved-accounts.ts';
import type { MovedSecrets } from './moved-secrets.ts';

export type Resolution = 'forward' | 'back' | 'pending' | 'none';

export interface ResolverDeps {
  cell: string;
  files: MoveFiles;
  book: MoveBook;
  databases: TenantDatabases;
  secrets: MovedSecrets;
  accounts: MovedAccounts;
  /** The moves this process runs itself: their mover resolves them. */
  active: ReadonlySet<string>;
  leaseMs: number;
  graceMs: number;
  log: Logger;
}

export class MoveResolver {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly deps: ResolverDeps) {}

  start(): void {
    void this.pass();
    this.timer = setInterval(() => void this.pass(), Math.max(1000, this.deps.leaseMs / 2));
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Resolves the tenant's recorded move now, if it has one. */
  async resolveTenant(tenantId: string): Promise<Resolution> {
    const { record } = await this.deps.book.snapshot(tenantId);
    return record ? this.resolve(record) : 'none';
  }

  /** One pass over every recorded move and this cell's move files; never two at once. */
  private pass(): Promise<void> {
    this.running ??= this.sweep()
      .catch((err: unknown) => this.deps.log.warn('tenant_move_sweep_failed', { error: err instanceof Error ? err.message : String(err) }))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async sweep(): Promise<void> {
    const { deps } = this;
    const records = await deps.book.all();
    for (const record of records) await this.resolve(record);
    const removed = await deps.files.sweep({ graceMs: deps.graceMs, liveMoves: new Set(records.map((r) => r.id)), idleMs: 2 * deps.leaseMs, now: Date.now() });
    for (const path of removed) deps.log.info('tenant_move_files_removed', { path });
  }

  private async resolve(record: MoveRecord): Promise<Resolution> {
    const { deps } = this;
    const { cell, files, book } = deps;
    if (record.from !== cell && record.to !== cell) return 'none';
    if (deps.active.has(record.id)) return 'pending';
    const now = await book.snapshot(record.tenant);
    if (now.record?.id !== record.id) return 'none';
    const { tenant, id } = record;
    if (now.placedOn === record.to) {
      if (cell === record.from) {
        deps.databases.release(tenant);
        files.setAside(tenant, id);
        deps.secrets.left(tenant);
        await deps.accounts.left(tenant, record.to);
        await files.discardOutgoing(tenant, id);
        // A mover killed between the flip and the lift left the mark: the target takes writes now.
        await book.lift(tenant, id);
        await book.finish(tenant, id);
        this.resolved(record, 'forward');
      }
      return 'forward';
    }
    if (now.markedBy === id) return 'pending';
    const installed = record.step === 'installing' || record.step === 'placed';
    if (cell === record.to) {
      await files.discardStaging(tenant, id);
      // Installed, then not placed here: the copy is stale the moment the source takes writes again.
      if (installed) {
        if (files.setAside(tenant, `${id}.undone`)) deps.secrets.left(tenant);
        deps.accounts.undo(tenant);
      }
      if (await book.finish(tenant, id)) this.resolved(record, 'back');
    } else {
      await files.discardOutgoing(tenant, id);
      // Stopped before the target installed anything: what it staged is swept once no record names it, so the
      // record need not wait for a target that may never come back (it would block the tenant's next move).
      if (!installed && (await book.finish(tenant, id))) this.resolved(record, 'back');
    }
    return 'back';
  }

  /** Logged by the side whose call removed the record: once per move. */
  private resolved(record: MoveRecord, way: Resolution): void {
    this.deps.log.info('tenant_move_resolved', { tenant: record.tenant, move: record.id, step: record.step, way });
  }
}
