// A tenant's move to another cell, run by the cell that holds it (docs/DESIGN.md
// decision 57). Each step is recorded in Redis before it starts
// (cells/move-record.ts), so whoever finds the move interrupted knows what it
// may have left behind; placement says which way it resolves:
//   read-only   the mark is set with the record (one script): every instance
//               refuses the tenant's writes and turns its connection query_only
//   copying     after a settle, an online backup of the file (on a thread);
//               the data_version of a connection opened before it must not
//               change from here to the flip
//   sending     the copy, then each attachment, streamed to the target, which
//               stages them, checks the copy and answers its figures; this
//               cell reads its own from the live file, and they must agree
//   installing  the target seals the tenant's secrets again with its own key
//               (moved-secrets.ts), keeps a standalone workspace's people
//               (moved-accounts.ts) and renames its staging folder into place
//   placed      placement flips, only while the mark is still this move's;
//               the mark is lifted, this cell's folder set aside, the
//               people's log-ins handed to the target, the record removed
// Before the flip, any failure, a lapsed mark, or a write that reached the
// file anyway rolls back: the mark is lifted (the tenant takes writes here
// again at once) and the target is asked to drop what it staged. After the
// flip, nothing rolls back: what is left undone is finished by
// move-resolver.ts.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { isValidTenantId } from '../../../shared/domain/tenant-id.ts';
import type { CellDirectory } from '../cells/cell-directory.ts';
import type { MoveBook, MoveRecord, MoveStep } from '../cells/move-record.ts';
import type { Placement } from '../cells/placement.ts';
import type { ReadOnlyTenants } from '../cells/read-only.ts';
import type { Logger } from '../log.ts';
import { FileWorker, type FileFigures } from '../tenancy/file-worker.ts';
import type { TenantDatabases } from '../tenancy/tenant-databases.ts';
import { tenantDbPath } from '../tenancy/tenant-db.ts';
import { expectOk, postFile, postJson } from './cluster-http.ts';
import type { MoveFiles } from './move-files.ts';
import type { MovedAccounts } from './moved-accounts.ts';
import type { MovedSecrets } from './moved-secrets.ts';
import { differences } from './copy-check.ts';

/**
 * How long the mover waits after the mark before the copy: every instance
 * heard it when Redis answered the mover, and a write group already running
 * finishes within milliseconds. A write that lands later still cannot be
 * lost: the data_version check rolls the move back.
 */
export const SETTLE_MS = 100;
/** A cell silent this long in a move's request has failed it. */
const CELL_TIMEOUT_MS = 30_000;

export interface MoverDeps {
  cell: string;
  dataDir: string;
  secret: string;
  leaseMs: number;
  files: MoveFiles;
  book: MoveBook;
  directory: CellDirectory;
  placement: Placement;
  readOnly: ReadOnlyTenants;
  databases: TenantDatabases;
  secrets: MovedSecrets;
  accounts: MovedAccounts;
  /** The moves this process runs, which the resolver leaves alone. */
  active: Set<string>;
  log: Logger;
}

export interface MoveReport {
  tenant: string;
  from: string;
  to: string;
  move: string;
  /** The copied file's size. */
  bytes: number;
  attachments: number;
  /** From the mark to the flip: how long the tenant's writes were refused. */
  readOnlyMs: number;
  totalMs: number;
  /**
   * Each step's milliseconds: settle (the wait after the mark), copy (the
   * online backup), send (streaming the copy, staged and checked by the
   * target), check (held against this cell's figures), attachments, install,
   * flip, retire (after the flip: the mark lifted, the old folder set aside).
   */
  steps: Record<'settle' | 'copy' | 'send' | 'check' | 'attachments' | 'install' | 'flip' | 'retire', number>;
  /** False when the old folder could not be set aside yet; move-resolver.ts finishes it. */
  retired: boolean;
}

/** The move was not started: nothing changed. */
export class MoveRefused extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409,
  ) {
    super(message);
  }
}

/** The move started and was rolled back: the tenant is whole on this cell and takes writes again. */
export class MoveRolledBack extends Error {}

const ms = (since: number) => Date.now() - since;
const sleep = (waitMs: number) => new Promise((r) => setTimeout(r, waitMs));
const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

export class TenantMover {
  constructor(private readonly deps: MoverDeps) {}

  async move(tenantId: string, to: string): Promise<MoveReport> {
    const { deps } = this;
    const started = Date.now();
    // Started first: its start overlaps the checks, not the read-only time.
    const files = new FileWorker();
    let toUrl: string;
    try {
      toUrl = await this.checkMovable(tenantId, to);
    } catch (err) {
      await files.close();
      throw err;
    }
    let record: MoveRecord = { id: randomUUID(), tenant: tenantId, from: deps.cell, to, step: 'read-only', at: started };
    if (!(await deps.book.begin(record, deps.leaseMs))) {
      await files.close();
      throw new MoveRefused(`a move of ${tenantId} is under way, or an interrupted one is not resolved yet`, 409);
    }
    const markedAt = Date.now();
    deps.active.add(record.id);
    deps.readOnly.hold(tenantId, record.id, deps.leaseMs);
    deps.log.info('tenant_move_started', { tenant: tenantId, to, move: record.id });
    const lease = this.keepMark(record);
    const steps = { settle: 0, copy: 0, send: 0, check: 0, attachments: 0, install: 0, flip: 0, retire: 0 };
    let source: Database.Database | null = null;
    let flipped = false;
    try {
      let t = Date.now();
      await sleep(SETTLE_MS);
      source = new Database(tenantDbPath(deps.dataDir, tenantId), { readonly: true, fileMustExist: true });
      source.pragma('busy_timeout = 2000');
      const unchanged = this.unchangedFrom(source);
      steps.settle = ms(t);

      t = Date.now();
      record = await this.step(record, 'copying');
      const outgoing = deps.files.outgoing(tenantId, record.id);
      await files.copy(tenantDbPath(deps.dataDir, tenantId), outgoing);
      unchanged('the copy');
      steps.copy = ms(t);

      t = Date.now();
      record = await this.step(record, 'sending');
      // This cell's own figures are read from the live file meanwhile: nothing writes to it now.
      const own = files.inspect(tenantDbPath(deps.dataDir, tenantId), { integrity: false });
      own.catch(() => undefined);
      const sent = await postFile(`${toUrl}/internal/moves/file?${query({ tenant: tenantId, move: record.id })}`, deps.secret, outgoing, CELL_TIMEOUT_MS);
      const staged = expectOk(sent, `cell ${to} refused the copy`) as { sha256?: string; figures?: FileFigures };
      if (staged.sha256 !== sent.sha256) throw new Error(`cell ${to} received other bytes than were sent`);
      steps.send = ms(t);

      t = Date.now();
      const different = differences(await own, staged.figures!);
      if (different) throw new Error(`the copy on cell ${to} differs: ${different}`);
      steps.check = ms(t);

      t = Date.now();
      const blobs = deps.files.blobs(tenantId);
      for (const blob of blobs) {
        const answer = await postFile(`${toUrl}/internal/moves/blob?${query({ tenant: tenantId, move: record.id, sha256: blob.sha256 })}`, deps.secret, blob.path, CELL_TIMEOUT_MS);
        expectOk(answer, `cell ${to} refused attachment ${blob.sha256}`);
      }
      steps.attachments = ms(t);

      t = Date.now();
      record = await this.step(record, 'installing');
      const install = { blobs: blobs.map((b) => b.sha256), secrets: deps.secrets.read(source), accounts: deps.accounts.read(tenantId) };
      const installed = await postJson(`${toUrl}/internal/moves/install?${query({ tenant: tenantId, move: record.id })}`, deps.secret, install, CELL_TIMEOUT_MS);
      expectOk(installed, `cell ${to} did not install the copy`);
      steps.install = ms(t);

      t = Date.now();
      unchanged('the move');
      flipped = await this.flip(record);
      if (!flipped) throw new Error('the read-only mark lapsed before placement could flip (the mover was held up longer than MOVE_LEASE_SECONDS)');
      const readOnlyMs = ms(markedAt);
      steps.flip = ms(t);
      deps.log.info('tenant_moved', { tenant: tenantId, to, move: record.id, read_only_ms: readOnlyMs });

      t = Date.now();
      const retired = await this.retire(record);
      steps.retire = ms(t);
      return { tenant: tenantId, from: deps.cell, to, move: record.id, bytes: sent.bytes, attachments: blobs.length, readOnlyMs, totalMs: ms(started), steps, retired };
    } catch (err) {
      if (flipped) throw err;
      const reason = err instanceof Error ? err.message : String(err);
      await this.rollBack(record, toUrl, reason);
      throw new MoveRolledBack(`the move of ${tenantId} to cell ${to} was rolled back: ${reason}`);
    } finally {
      clearInterval(lease);
      source?.close();
      await files.close();
      deps.active.delete(record.id);
    }
  }

  /** The target's address once the tenant is known to be movable there; refuses otherwise. */
  private async checkMovable(tenantId: string, to: string): Promise<string> {
    const { deps } = this;
    if (!isValidTenantId(tenantId)) throw new MoveRefused(`invalid tenant id ${JSON.stringify(tenantId)}`, 400);
    if (to === deps.cell) throw new MoveRefused(`${tenantId} is on cell ${to} already`, 409);
    const placedOn = await deps.placement.cellOf(tenantId);
    if (placedOn !== deps.cell) throw new MoveRefused(`${tenantId} is not on this cell (${deps.cell}) but on ${placedOn ?? 'none'}`, 409);
    if (!existsSync(tenantDbPath(deps.dataDir, tenantId))) throw new MoveRefused(`this cell has no file for ${tenantId}`, 404);
    const url = await deps.directory.urlOf(to);
    if (!url) throw new MoveRefused(`cell ${to} has not published its address: it is not running with CLUSTER_SECRET`, 404);
    const refusal = deps.accounts.refusal(tenantId);
    if (refusal) throw new MoveRefused(refusal, 409);
    return url;
  }

  /** Renews the mark every third of its lease; a renewal that finds it gone leaves it gone, and the flip will refuse. */
  private keepMark(record: MoveRecord): NodeJS.Timeout {
    const { deps } = this;
    return setInterval(() => {
      deps.book.renew(record.tenant, record.id, deps.leaseMs).then(
        (held) => {
          if (held) deps.readOnly.hold(record.tenant, record.id, deps.leaseMs);
          else deps.log.warn('tenant_move_mark_lapsed', { tenant: record.tenant, move: record.id });
        },
        (err: Error) => deps.log.warn('tenant_move_mark_not_renewed', { tenant: record.tenant, error: err.message }),
      );
    }, deps.leaseMs / 3);
  }

  /**
   * A check that no connection has committed to the file since now:
   * data_version changes with every commit another connection makes, any
   * process, so a write that got past the mark (an instance cut off from
   * Redis) stops the move instead of being left behind.
   */
  private unchangedFrom(source: Database.Database): (during: string) => void {
    const version = source.pragma('data_version', { simple: true });
    return (during) => {
      if (source.pragma('data_version', { simple: true }) !== version) throw new Error(`the file was written to during ${during}`);
    };
  }

  private async step(record: MoveRecord, step: MoveStep): Promise<MoveRecord> {
    const next = await this.deps.book.step(record, step);
    this.deps.log.info('tenant_move_step', { tenant: record.tenant, move: record.id, step });
    return next;
  }

  /** Placement flips while the mark holds; when Redis's answer is lost, the placement it left says. */
  private async flip(record: MoveRecord): Promise<boolean> {
    const { deps } = this;
    try {
      return await deps.placement.placeWhile(record.tenant, record.to, { key: deps.book.markKey(record.tenant), value: record.id });
    } catch (err) {
      deps.log.warn('tenant_move_flip_unanswered', { tenant: record.tenant, error: err instanceof Error ? err.message : String(err) });
      return (await deps.book.snapshot(record.tenant)).placedOn === record.to;
    }
  }

  /** After the flip: writes go on on the target, this cell's folder goes aside, the record goes. */
  private async retire(record: MoveRecord): Promise<boolean> {
    const { deps } = this;
    try {
      await this.step(record, 'placed');
      await deps.book.lift(record.tenant, record.id);
      deps.readOnly.lift(record.tenant, record.id);
      deps.databases.release(record.tenant);
      deps.files.setAside(record.tenant, record.id);
      deps.secrets.left(record.tenant);
      await deps.accounts.left(record.tenant, record.to);
      await deps.files.discardOutgoing(record.tenant, record.id);
      await deps.book.finish(record.tenant, record.id);
      return true;
    } catch (err) {
      deps.log.error('tenant_move_retire_failed', { tenant: record.tenant, move: record.id }, err);
      return false;
    }
  }

  private async rollBack(record: MoveRecord, toUrl: string, reason: string): Promise<void> {
    const { deps } = this;
    deps.log.warn('tenant_move_rolled_back', { tenant: record.tenant, to: record.to, move: record.id, step: record.step, reason });
    deps.readOnly.lift(record.tenant, record.id);
    try {
      await deps.files.discardOutgoing(record.tenant, record.id);
      await deps.book.lift(record.tenant, record.id);
      // The target drops what it staged and removes the record; if it is down, it does so when it starts.
      await postJson(`${toUrl}/internal/moves/resolve?${query({ tenant: record.tenant })}`, deps.secret, {}, 5000);
    } catch (err) {
      // The mark lapses with its lease; the target's resolver finds the record.
      deps.log.warn('tenant_move_rollback_incomplete', { tenant: record.tenant, move: record.id, error: err instanceof Error ? err.message : String(err) });
    }
  }
}
