// The workspace's people over HTTP (docs/PROTOCOL.md §2.6). Plain functions,
// no Solid. The session's bearer token goes with each call, as the export's
// does: the cookie may belong to another tab's log-in.
import { isTenantAdmin, type TenantRole } from '../../../shared/domain/permissions.ts';
import { ApiError, callJson as call, GARBLED } from '../auth/auth-api.ts';
import type { Session } from '../auth/session.ts';

export interface WorkspacePerson {
  id: string;
  email: string;
  displayName: string;
  role: TenantRole;
  active: boolean;
  /** Projects they are a member of; owners and admins open every other one too. */
  projects: { key: string; name: string; role: 'viewer' | 'editor' | 'admin' }[];
}

export interface PasswordLink {
  /** The page's path with the token in its fragment: `/reset-password#…`. */
  path: string;
  expiresAtMs: number;
}

/** Whether the People page is theirs: an owner or admin of a workspace of this server (an embedding host manages its own people). */
export function managesPeople(session: Session | null): boolean {
  return session?.role !== undefined && isTenantAdmin(session.role) && session.workspaceName !== null;
}


const peopleOf = (body: unknown): WorkspacePerson[] => {
  const list = (body as { people?: unknown } | null)?.people;
  if (!Array.isArray(list)) throw new ApiError(200, 'UNKNOWN', GARBLED);
  return list as WorkspacePerson[];
};

const personPath = (personId: string, action: string) => `/api/workspace/people/${encodeURIComponent(personId)}/${action}`;

export async function listPeople(token: string | null): Promise<WorkspacePerson[]> {
  return peopleOf(await call('/api/workspace/people', token));
}

/** Each change answers with everyone as they are after it (a hand-over changes two people). */
export async function setRole(token: string | null, personId: string, role: TenantRole): Promise<WorkspacePerson[]> {
  return peopleOf(await call(personPath(personId, 'role'), token, { role }));
}

export async function setActive(token: string | null, personId: string, active: boolean): Promise<WorkspacePerson[]> {
  return peopleOf(await call(personPath(personId, active ? 'reactivate' : 'deactivate'), token, {}));
}

export async function makePasswordLink(token: string | null, personId: string): Promise<PasswordLink> {
  const body = (await call(personPath(personId, 'password-reset'), token, {})) as Partial<PasswordLink> | null;
  if (typeof body?.path !== 'string' || typeof body.expiresAtMs !== 'number') throw new ApiError(201, 'UNKNOWN', GARBLED);
  return { path: body.path, expiresAtMs: body.expiresAtMs };
}
