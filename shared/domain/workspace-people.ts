// Who may change whom in a standalone workspace (docs/PROTOCOL.md §2.6). The
// server decides with these; the People page uses the same words to say why
// a control is missing before anyone presses it.
import { isTenantAdmin, type TenantRole } from './permissions.ts';

export const TENANT_ROLES: readonly TenantRole[] = ['owner', 'admin', 'member'];

export function isTenantRole(value: unknown): value is TenantRole {
  return TENANT_ROLES.includes(value as TenantRole);
}

/** The person acting: who they are and their role in the workspace. */
export interface Actor {
  id: string;
  role: TenantRole;
}

/** The person acted on. */
export interface Person {
  id: string;
  role: TenantRole;
  active: boolean;
}

export const NOT_A_WORKSPACE_ADMIN = 'Only workspace owners and admins manage people';

/** Why `actor` may not give `person` the role `to`, or null when they may (making someone owner hands the workspace over). */
export function roleChangeRefusal(actor: Actor, person: Person, to: TenantRole): string | null {
  if (!isTenantAdmin(actor.role)) return NOT_A_WORKSPACE_ADMIN;
  if (to === person.role) return null;
  if (person.role === 'owner') {
    return person.id === actor.id
      ? 'A workspace keeps one owner: make someone else the owner and you become an admin'
      : "Only the owner can change the owner's role";
  }
  if (to === 'owner') {
    if (actor.role !== 'owner') return 'Only the owner can hand the workspace over';
    if (!person.active) return 'Reactivate them before making them the owner';
  }
  return null;
}

/** Why `actor` may not deactivate (`active` false) or reactivate `person`, or null. */
export function activationRefusal(actor: Actor, person: Person, active: boolean): string | null {
  if (!isTenantAdmin(actor.role)) return NOT_A_WORKSPACE_ADMIN;
  if (active) return null;
  if (person.id === actor.id) return 'You cannot deactivate yourself';
  if (person.role === 'owner') return 'The owner cannot be deactivated';
  return null;
}

/** Why `actor` may not make a one-time password link for `person`, or null. */
export function passwordResetRefusal(actor: Actor, person: Person): string | null {
  if (!isTenantAdmin(actor.role)) return NOT_A_WORKSPACE_ADMIN;
  if (person.id === actor.id) return 'Change your own password on your Account page';
  // Else an admin could take over the owner's account, and with it the workspace.
  if (person.role === 'owner') return "Nobody can reset the owner's password; the owner changes it on their Account page";
  if (!person.active) return 'Reactivate them before resetting their password';
  return null;
}
