// Workspace admin for standalone workspaces (docs/PROTOCOL.md §2.6): the
// people in a workspace with their roles and projects; a new role;
// deactivating and reactivating; a one-time password link. HTTP-free:
// http/people-routes.ts answers the routes. In embedded mode the host
// platform manages people, so a host tenant is refused.
import { isTenantAdmin, type TenantRole } from '../../../shared/domain/permissions.ts';
import {
  NOT_A_WORKSPACE_ADMIN, activationRefusal, isTenantRole, passwordResetRefusal, roleChangeRefusal, type Actor, type Person,
} from '../../../shared/domain/workspace-people.ts';
import { membershipsByUser } from '../storage/members.ts';
import type { RoleName } from '../storage/tables.ts';
import { setTenantRole } from '../storage/users.ts';
import type { TenantDatabases } from '../tenancy/tenant-databases.ts';
import type { AccountDirectory, WorkspaceMember } from './account-directory.ts';
import { AccountError, workspaceMoving } from './account-error.ts';
import type { PasswordResetStore } from './password-reset-store.ts';
import type { Sessions } from './sessions.ts';
import type { VerifiedToken } from './tokens.ts';

export interface PersonView extends WorkspaceMember {
  /** Projects they are a member of, by key. Owners and admins also open every other one. */
  projects: { key: string; name: string; role: Lowercase<RoleName> }[];
}

/** The path of the page that takes a password link; the token rides in the fragment, which no server log or Referer sees. */
export const PASSWORD_LINK_PATH = '/reset-password';

export const HOST_MANAGED = 'People in this workspace are managed by the platform it is embedded in';

const refused = (message: string) => new AccountError(403, 'PERMISSION_DENIED', message);

export class WorkspacePeople {
  constructor(
    private readonly directory: AccountDirectory,
    private readonly sessions: Pick<Sessions, 'endAll' | 'reconnect'>,
    private readonly databases: TenantDatabases,
    private readonly links: PasswordResetStore,
  ) {}

  list(caller: VerifiedToken): PersonView[] {
    this.actor(caller);
    const projects = membershipsByUser(this.databases.get(caller.tenantId));
    return this.directory.members(caller.tenantId).map((m) => ({
      ...m,
      projects: (projects.get(m.id) ?? []).map((p) => ({ ...p, role: p.role.toLowerCase() as Lowercase<RoleName> })),
    }));
  }

  /**
   * A new workspace role. Making someone owner hands the workspace over: the
   * owner becomes an admin. Whoever changed has their sockets reconnect, so
   * what they may read follows at once.
   */
  setRole(caller: VerifiedToken, personId: string, role: unknown): PersonView[] {
    if (!isTenantRole(role)) throw new AccountError(400, 'INVALID_ARGUMENT', 'role is owner, admin or member', 'role');
    const { actor, person } = this.parties(caller, personId);
    const refusal = roleChangeRefusal(actor, person, role);
    if (refusal) throw refused(refusal);
    if (role === person.role) return this.list(caller);
    const changed: [string, TenantRole][] = role === 'owner' ? [[actor.id, 'admin'], [person.id, 'owner']] : [[person.id, role]];
    if (role === 'owner') this.directory.handOver(caller.tenantId, actor.id, person.id);
    else this.directory.setRole(person.id, caller.tenantId, role);
    const db = this.databases.get(caller.tenantId);
    for (const [id, given] of changed) {
      // Read by the rules that look people up in the tenant file (references, notifications).
      setTenantRole(db, id, given);
      this.sessions.reconnect(id, caller.tenantId);
    }
    return this.list(caller);
  }

  /** Deactivating ends every session the person holds in this workspace at once; reactivating lets them log in again. */
  setActive(caller: VerifiedToken, personId: string, active: boolean): PersonView[] {
    const { actor, person } = this.parties(caller, personId);
    const refusal = activationRefusal(actor, person, active);
    if (refusal) throw refused(refusal);
    if (active !== person.active) {
      this.directory.setDeactivated(person.id, caller.tenantId, active ? null : Date.now());
      if (!active) this.sessions.endAll(person.id, caller.tenantId, null);
    }
    return this.list(caller);
  }

  /** A one-time link for the admin to pass on; the password changes only when the person uses it. */
  passwordLink(caller: VerifiedToken, personId: string): { token: string; path: string; expiresAtMs: number } {
    const { actor, person } = this.parties(caller, personId);
    const refusal = passwordResetRefusal(actor, person);
    if (refusal) throw refused(refusal);
    // The password is the account's, in every workspace it belongs to, where this admin has no say.
    if (this.directory.memberships(person.id).length > 1) {
      throw refused('Their account is also in another workspace, so only they can change its password');
    }
    const { token, expiresAtMs } = this.links.issue(person.id, caller.tenantId, actor.id, Date.now());
    return { token, path: `${PASSWORD_LINK_PATH}#${token}`, expiresAtMs };
  }

  /** The caller, if they may manage people here. */
  private actor(caller: VerifiedToken): Actor {
    if (this.directory.workspaceName(caller.tenantId) === null) throw refused(HOST_MANAGED);
    if (!isTenantAdmin(caller.tenantRole)) throw refused(NOT_A_WORKSPACE_ADMIN);
    return { id: caller.userId, role: caller.tenantRole };
  }

  /** Who changes whom: every change of someone's standing goes through here. */
  private parties(caller: VerifiedToken, personId: string): { actor: Actor; person: Person } {
    const actor = this.actor(caller);
    if (this.databases.isReadOnly(caller.tenantId)) throw workspaceMoving();
    const membership = this.directory.membership(personId, caller.tenantId);
    if (!membership) throw new AccountError(404, 'NOT_FOUND', 'That person is not in this workspace');
    return { actor, person: { id: personId, role: membership.role, active: membership.active } };
  }
}
