import { Role } from '../proto.ts';
import { permissionDenied } from './errors.ts';

/** Tenant-level roles, from the JWT's `roles` claim or the account directory. */
export type TenantRole = 'owner' | 'admin' | 'member';

const RANK: Record<Role, number> = {
  [Role.ROLE_UNSPECIFIED]: 0,
  [Role.ROLE_VIEWER]: 1,
  [Role.ROLE_EDITOR]: 2,
  [Role.ROLE_ADMIN]: 3,
};

export function isTenantAdmin(role: TenantRole): boolean {
  return role === 'owner' || role === 'admin';
}

/**
 * A user's role in one project: tenant owners and admins are admins of every
 * project; everyone else has the role their membership gives (none: no access).
 */
export function effectiveRole(tenantRole: TenantRole, memberRole: Role | null): Role | null {
  if (isTenantAdmin(tenantRole)) return Role.ROLE_ADMIN;
  return memberRole;
}

export function atLeast(role: Role | null, needed: Role): boolean {
  return role !== null && RANK[role] >= RANK[needed];
}

const ACTION: Record<Role, string> = {
  [Role.ROLE_UNSPECIFIED]: 'do this',
  [Role.ROLE_VIEWER]: 'read this project',
  [Role.ROLE_EDITOR]: 'change work items, comments and sprints',
  [Role.ROLE_ADMIN]: 'manage this project and its members',
};

export function requireRole(role: Role | null, needed: Role): void {
  if (!atLeast(role, needed)) throw permissionDenied(`Your role does not allow you to ${ACTION[needed]}`);
}

export function isAssignableRole(role: Role | null | undefined): role is Role {
  return role === Role.ROLE_VIEWER || role === Role.ROLE_EDITOR || role === Role.ROLE_ADMIN;
}
