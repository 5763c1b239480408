// A standalone workspace's people across a tenant move (moves/moved-accounts.ts,
// docs/DESIGN.md decision 61). Each cell keeps its own account directory and
// signing key (decisions 55, 58), so the workspace's accounts, memberships and
// unused password links go with its file: the target keeps them before the
// install, and after the flip the source hands their homes to the target,
// ends their sessions (signed with its key, which the target cannot check)
// and forgets them. People log in again, and HAProxy takes them to the
// target. A workspace moves only with people of its own: an account that is
// also in another workspace of this cell stays, as its other workspace does.
import type { AccountHomes } from '../cells/account-homes.ts';
import { directoryQueries as q, type AccountDirectory, type DirectorySchema } from './account-directory.ts';
import type { Sessions } from './sessions.ts';

/** What the source sends: the directory's rows of the workspace, as they are stored. */
export interface CarriedAccounts {
  workspace: DirectorySchema['workspaces'];
  accounts: DirectorySchema['accounts'][];
  members: DirectorySchema['workspace_members'][];
  passwordLinks: DirectorySchema['password_resets'][];
}

/** Has the shape of moves/moved-accounts.ts's MovedAccounts, which this layer, below moves, does not import. */
export class MovingAccounts {
  constructor(
    private readonly directory: AccountDirectory,
    private readonly sessions: Pick<Sessions, 'endAll'>,
    private readonly homes: Pick<AccountHomes, 'handEvery'>,
  ) {}

  /** Why the tenant cannot move with its people, or null (a host tenant has none here). */
  refusal(tenantId: string): string | null {
    if (this.directory.workspaceName(tenantId) === null) return null;
    const shared = this.directory.members(tenantId).filter((m) => this.directory.memberships(m.id).length > 1);
    if (shared.length === 0) return null;
    return `${shared.length} of the people of ${tenantId} (${shared[0]!.email} first) are also in other workspaces of this cell, where their accounts stay: a standalone workspace moves only with people of its own`;
  }

  /** The workspace's rows, or null for a tenant whose people this directory does not keep. */
  read(tenantId: string): CarriedAccounts | null {
    const workspace = this.db.get(q.selectFrom('workspaces').selectAll().where('tenant_id', '=', tenantId));
    if (!workspace) return null;
    const refusal = this.refusal(tenantId);
    if (refusal) throw new Error(refusal);
    const ids = this.memberIds(tenantId);
    return {
      workspace,
      accounts: this.db.all(q.selectFrom('accounts').selectAll().where('id', 'in', ids)),
      members: this.db.all(q.selectFrom('workspace_members').selectAll().where('tenant_id', '=', tenantId)),
      passwordLinks: this.db.all(q.selectFrom('password_resets').selectAll().where('tenant_id', '=', tenantId).where('used_at_ms', 'is', null)),
    };
  }

  /** Keeps the workspace's people on this cell; their log-ins come here once the source hands their homes over. */
  arrive(tenantId: string, carried: unknown): void {
    const rows = carried as CarriedAccounts;
    if (rows.workspace?.tenant_id !== tenantId || !Array.isArray(rows.accounts) || !Array.isArray(rows.members) || !Array.isArray(rows.passwordLinks)) {
      throw new Error(`body: "accounts" must be the directory rows of ${tenantId}`);
    }
    this.db.transaction(() => {
      this.db.run(q.insertInto('workspaces').values(rows.workspace).onConflict((c) => c.column('tenant_id').doNothing()));
      for (const account of rows.accounts) {
        // An account this cell kept before (the workspace moved away and back) takes what the source had.
        const { id, ...rest } = account;
        this.db.run(q.insertInto('accounts').values(account).onConflict((c) => c.column('id').doUpdateSet(rest)));
      }
      for (const member of rows.members) {
        if (member.tenant_id !== tenantId) throw new Error(`body: a membership of ${member.tenant_id} came with ${tenantId}`);
        this.db.run(q.insertInto('workspace_members').values(member).onConflict((c) => c.columns(['account_id', 'tenant_id']).doNothing()));
      }
      for (const link of rows.passwordLinks) this.db.run(q.insertInto('password_resets').values(link).onConflict((c) => c.column('token_hash').doNothing()));
    });
  }

  /** The installed copy was undone (the move went back): this cell forgets the people it kept for it. */
  undo(tenantId: string): void {
    this.forget(tenantId);
  }

  /**
   * After the flip, on the source: the people's log-ins go to `to`, their
   * sessions here end, and this cell forgets them. Each part can be done
   * twice, so the resolver finishes what a crash cut short.
   */
  async left(tenantId: string, to: string): Promise<void> {
    if (this.directory.workspaceName(tenantId) === null) return;
    const members = this.directory.members(tenantId);
    await this.homes.handEvery(members.map((member) => member.email.toLowerCase()), to);
    // Their tokens would be good here again if the workspace ever came back.
    for (const member of members) this.sessions.endAll(member.id, tenantId, null);
    this.forget(tenantId);
  }

  private get db() {
    return this.directory.db;
  }

  private memberIds(tenantId: string): string[] {
    return this.db.all(q.selectFrom('workspace_members').select('account_id').where('tenant_id', '=', tenantId)).map((r) => r.account_id);
  }

  /** The workspace, its memberships and links, and the accounts left in no workspace here. */
  private forget(tenantId: string): void {
    this.db.transaction(() => {
      const ids = this.memberIds(tenantId);
      this.db.run(q.deleteFrom('password_resets').where('tenant_id', '=', tenantId));
      this.db.run(q.deleteFrom('workspace_members').where('tenant_id', '=', tenantId));
      this.db.run(q.deleteFrom('workspaces').where('tenant_id', '=', tenantId));
      for (const id of ids) {
        if (this.directory.memberships(id).length > 0) continue;
        this.db.run(q.deleteFrom('password_resets').where('account_id', '=', id));
        this.db.run(q.deleteFrom('sessions').where('account_id', '=', id));
        this.db.run(q.deleteFrom('accounts').where('id', '=', id));
      }
    });
  }
}
