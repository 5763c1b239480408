// The person a command runs for, as the socket's verified token names them.
import type { TenantRole } from '../../../shared/domain/permissions.ts';
import { upsertUser } from '../storage/users.ts';
import { isStorageFault } from '../tenancy/storage-fault.ts';
import type { TenantDatabases } from '../tenancy/tenant-databases.ts';
import type { VerifiedToken } from './tokens.ts';

export interface Caller {
  tenantId: string;
  userId: string;
  displayName: string;
  email: string;
  tenantRole: TenantRole;
}

/** Lets a verified user into their tenant; the first time a host platform's user appears, their tenant file is made here. */
export function admitCaller(databases: TenantDatabases, claims: VerifiedToken, now = Date.now()): Caller {
  const caller: Caller = {
    tenantId: claims.tenantId,
    userId: claims.userId,
    displayName: claims.displayName,
    email: claims.email,
    tenantRole: claims.tenantRole,
  };
  const db = databases.get(caller.tenantId);
  try {
    upsertUser(db, { ...caller, id: caller.userId }, now);
  } catch (err) {
    // A full disk refuses writes, not reads: the person comes in and is recorded on a later visit.
    if (!isStorageFault(err)) throw err;
  }
  return caller;
}
