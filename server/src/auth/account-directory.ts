// Standalone accounts: who exists and which workspaces (tenants) each belongs
// to. Kept in its own SQLite file beside the tenant folders; tenant files
// hold only the users that appear in them.
import Database from 'better-sqlite3';
import type { Generated } from 'kysely';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TenantRole } from '../../../shared/domain/permissions.ts';
import { isHostTenantId } from '../../../shared/domain/tenant-id.ts';
import { SqlRunner, makeBuilder, prepared } from '../storage/sql.ts';
import { migrateDirectory } from './directory-schema.ts';

interface AccountRow {
  id: string;
  email: string;
  password_hash: string;
  display_name: string;
  created_at_ms: number;
}

interface WorkspaceRow {
  tenant_id: string;
  name: string;
  created_at_ms: number;
}

interface MembershipRow {
  account_id: string;
  tenant_id: string;
  role: TenantRole;
  added_at_ms: number;
  /** Set while the person is deactivated in this workspace. */
  deactivated_at_ms: number | null;
}

interface RevocationRow {
  /** Increasing and never reused: instances read the list from where they last stopped. */
  id: Generated<number>;
  session_id: string;
  expires_at_ms: number;
  revoked_at_ms: number;
}

interface SessionRow {
  session_id: string;
  account_id: string;
  tenant_id: string;
  started_at_ms: number;
  expires_at_ms: number;
}

interface SessionResetRow {
  /** Increasing, as revoked_sessions' id: each instance's sweep reads from where it stopped. */
  id: Generated<number>;
  session_id: string;
  reset_at_ms: number;
}

interface PasswordResetRow {
  token_hash: string;
  account_id: string;
  tenant_id: string;
  created_by: string;
  created_at_ms: number;
  expires_at_ms: number;
  used_at_ms: number | null;
}

export interface DirectorySchema {
  accounts: AccountRow;
  workspaces: WorkspaceRow;
  workspace_members: MembershipRow;
  revoked_sessions: RevocationRow;
  sessions: SessionRow;
  session_resets: SessionResetRow;
  password_resets: PasswordResetRow;
}

export const directoryQueries = makeBuilder<DirectorySchema>();
const q = directoryQueries;

// Compiled once: the upgrade of every socket asks, and every instance reads the list each second.
const isRevokedQuery = prepared((sessionId: string) =>
  q.selectFrom('revoked_sessions').select('id').where('session_id', '=', sessionId));
const revokedAfterQuery = prepared((afterId: number) =>
  q.selectFrom('revoked_sessions').select(['id', 'session_id']).where('id', '>', afterId).orderBy('id'));
// Every access token of ours is checked against the person's standing in its workspace.
const membershipQuery = prepared((accountId: string, tenantId: string) =>
  q.selectFrom('workspace_members').select(['tenant_id', 'role', 'deactivated_at_ms']).where('account_id', '=', accountId).where('tenant_id', '=', tenantId));

export interface Account {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
}

export interface Membership {
  tenantId: string;
  role: TenantRole;
  /** False while deactivated: no log-in, token or socket gets into this workspace. */
  active: boolean;
}

/** Someone in a workspace, as the People page lists them. */
export interface WorkspaceMember {
  id: string;
  email: string;
  displayName: string;
  role: TenantRole;
  active: boolean;
  addedAtMs: number;
}

const toMembership = (r: { tenant_id: string; role: TenantRole; deactivated_at_ms: number | null }): Membership =>
  ({ tenantId: r.tenant_id, role: r.role, active: r.deactivated_at_ms === null });

export class AccountDirectory {
  /** Also the stores that keep their own tables in this file (session-records.ts, password-reset-store.ts). */
  readonly db: SqlRunner;

  /** `hostTenantPrefix`: HOST_TENANT_PREFIX, which no workspace id made here may start with. */
  constructor(
    dataDir: string,
    private readonly hostTenantPrefix: string,
  ) {
    const dir = join(dataDir, '_directory');
    mkdirSync(dir, { recursive: true });
    const sqlite = new Database(join(dir, 'accounts.db'));
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    this.db = new SqlRunner(sqlite);
    migrateDirectory(this.db);
  }

  close(): void {
    this.db.sqlite.close();
  }

  findByEmail(email: string): Account | undefined {
    const row = this.db.get(q.selectFrom('accounts').selectAll().where('email', '=', email.trim()));
    return row && { id: row.id, email: row.email, displayName: row.display_name, passwordHash: row.password_hash };
  }

  /** Every account's email, lower-cased: what a cell claims as its accounts' homes at start (cells/account-homes.ts). */
  emails(): string[] {
    return this.db.all(q.selectFrom('accounts').select('email')).map((r) => r.email.toLowerCase());
  }

  findById(id: string): Account | undefined {
    const row = this.db.get(q.selectFrom('accounts').selectAll().where('id', '=', id));
    return row && { id: row.id, email: row.email, displayName: row.display_name, passwordHash: row.password_hash };
  }

  memberships(accountId: string): Membership[] {
    return this.db
      .all(
        q.selectFrom('workspace_members')
          .select(['tenant_id', 'role', 'deactivated_at_ms'])
          .where('account_id', '=', accountId)
          .orderBy('added_at_ms', 'asc'),
      )
      .map(toMembership);
  }

  /** The workspace's name, or null for a tenant this directory did not create (embedded mode). */
  workspaceName(tenantId: string): string | null {
    return this.db.get(q.selectFrom('workspaces').select('name').where('tenant_id', '=', tenantId))?.name ?? null;
  }

  membership(accountId: string, tenantId: string): Membership | undefined {
    const row = this.db.get(membershipQuery(accountId, tenantId));
    return row && toMembership(row);
  }

  /** Everyone in a workspace, active or not, by name. */
  members(tenantId: string): WorkspaceMember[] {
    return this.db
      .all(
        q.selectFrom('workspace_members as m')
          .innerJoin('accounts as a', 'a.id', 'm.account_id')
          .select(['a.id', 'a.email', 'a.display_name', 'm.role', 'm.deactivated_at_ms', 'm.added_at_ms'])
          .where('m.tenant_id', '=', tenantId)
          .orderBy('a.display_name')
          .orderBy('a.id'),
      )
      .map((r) => ({
        id: r.id, email: r.email, displayName: r.display_name, role: r.role, active: r.deactivated_at_ms === null, addedAtMs: r.added_at_ms,
      }));
  }

  /** A new workspace role; 'owner' only through handOver, which keeps exactly one. */
  setRole(accountId: string, tenantId: string, role: Exclude<TenantRole, 'owner'>): void {
    this.db.run(q.updateTable('workspace_members').set({ role }).where('account_id', '=', accountId).where('tenant_id', '=', tenantId));
  }

  /** Makes `toId` the owner and the owner `fromId` an admin, together. */
  handOver(tenantId: string, fromId: string, toId: string): void {
    this.db.transaction(() => {
      this.setRole(fromId, tenantId, 'admin');
      this.db.run(q.updateTable('workspace_members').set({ role: 'owner' }).where('account_id', '=', toId).where('tenant_id', '=', tenantId));
    });
  }

  /** Deactivates the membership (`atMs`) or, with null, reactivates it. */
  setDeactivated(accountId: string, tenantId: string, atMs: number | null): void {
    this.db.run(
      q.updateTable('workspace_members').set({ deactivated_at_ms: atMs }).where('account_id', '=', accountId).where('tenant_id', '=', tenantId),
    );
  }

  setPasswordHash(accountId: string, passwordHash: string): void {
    this.db.run(q.updateTable('accounts').set({ password_hash: passwordHash }).where('id', '=', accountId));
  }

  /** A new account that owns a new workspace. Returns null when the email is taken. */
  createOwner(input: { email: string; displayName: string; passwordHash: string; workspaceName: string }, now: number) {
    return this.db.transaction(() => {
      if (this.findByEmail(input.email)) return null;
      const account = this.insertAccount(input, now);
      const tenantId = this.newTenantId(input.workspaceName);
      this.db.run(q.insertInto('workspaces').values({ tenant_id: tenantId, name: input.workspaceName, created_at_ms: now }));
      this.addMembership(account.id, tenantId, 'owner', now);
      return { account, tenantId };
    });
  }

  /** Adds an account to a workspace, creating the account when the email is new. */
  invite(
    input: { email: string; displayName: string; passwordHash: string; tenantId: string; role: TenantRole },
    now: number,
  ): { account: Account; created: boolean; alreadyMember: boolean } {
    return this.db.transaction(() => {
      const existing = this.findByEmail(input.email);
      const account = existing ?? this.insertAccount(input, now);
      const alreadyMember = existing ? this.membership(existing.id, input.tenantId) !== undefined : false;
      if (!alreadyMember) this.addMembership(account.id, input.tenantId, input.role, now);
      return { account, created: !existing, alreadyMember };
    });
  }

  /**
   * Revokes a session (a log-out) until `untilMs`, when every token of it has
   * expired anyway; entries past that are deleted here. Every instance on this
   * data folder sees it: at the upgrade, and in its sweep (revokedAfter).
   */
  revokeSession(sessionId: string, untilMs: number, now: number): void {
    this.db.transaction(() => {
      this.db.run(q.deleteFrom('revoked_sessions').where('expires_at_ms', '<=', now));
      this.db.run(
        q.insertInto('revoked_sessions')
          .values({ session_id: sessionId, expires_at_ms: untilMs, revoked_at_ms: now })
          .onConflict((c) => c.column('session_id').doUpdateSet((eb) => ({ expires_at_ms: eb.fn('max', ['expires_at_ms', eb.ref('excluded.expires_at_ms')]) }))),
      );
    });
  }

  isRevoked(sessionId: string): boolean {
    return this.db.get(isRevokedQuery(sessionId)) !== undefined;
  }

  /** Where a reader of revokedAfter starts when only later revocations concern it. */
  lastRevocationId(): number {
    return this.db.get(q.selectFrom('revoked_sessions').select((eb) => eb.fn.max('id').as('last')))?.last ?? 0;
  }

  /** Sessions revoked after the entry `afterId` (0: all), oldest first, with the last id read. */
  revokedAfter(afterId: number): { lastId: number; sessionIds: string[] } {
    const rows = this.db.all(revokedAfterQuery(afterId));
    return { lastId: rows.at(-1)?.id ?? afterId, sessionIds: rows.map((r) => r.session_id) };
  }

  private insertAccount(input: { email: string; displayName: string; passwordHash: string }, now: number): Account {
    const id = randomUUID();
    this.db.run(
      q.insertInto('accounts').values({
        id,
        email: input.email.trim(),
        password_hash: input.passwordHash,
        display_name: input.displayName,
        created_at_ms: now,
      }),
    );
    return { id, email: input.email.trim(), displayName: input.displayName, passwordHash: input.passwordHash };
  }

  private addMembership(accountId: string, tenantId: string, role: TenantRole, now: number): void {
    this.db.run(q.insertInto('workspace_members').values({ account_id: accountId, tenant_id: tenantId, role, added_at_ms: now, deactivated_at_ms: null }));
  }

  /**
   * A readable, valid tenant id: the workspace name's slug plus a random tail;
   * never one with the host prefix (a workspace called "Host ..."), which gets
   * `ws` and the tail without a '-', as no prefix can match that.
   */
  private newTenantId(workspaceName: string): string {
    const slug = workspaceName.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
    const tail = randomBytes(4).toString('hex');
    const id = `${slug || 'ws'}-${tail}`;
    return isHostTenantId(id, this.hostTenantPrefix) ? `ws${tail}` : id;
  }
}
