import { randomUUID } from 'node:crypto';

export interface Session {
  token: string;
  user: { id: string; email: string; displayName: string };
  tenantId: string;
  workspace: { name: string | null };
  cookie: string;
}

export async function postJson(base: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

export const PASSWORD = 'correct horse battery';

/** Signs up a new account that owns a new workspace. */
export async function signup(base: string, name = 'Ada'): Promise<Session> {
  const email = `${name.toLowerCase().replace(/\W/g, '')}-${randomUUID().slice(0, 8)}@example.com`;
  const res = await postJson(base, '/api/auth/signup', { email, password: PASSWORD, displayName: name, workspaceName: `${name}'s team` });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...res.body, cookie: res.headers.get('set-cookie')!.split(';')[0]! };
}

/** Invites a new account into the inviter's workspace and logs it in. */
export async function invite(base: string, inviter: Session, name: string, role: 'member' | 'admin' = 'member'): Promise<Session> {
  const email = `${name.toLowerCase().replace(/\W/g, '')}-${randomUUID().slice(0, 8)}@example.com`;
  const res = await postJson(base, '/api/workspace/invitations', { email, displayName: name, password: PASSWORD, role }, {
    authorization: `Bearer ${inviter.token}`,
  });
  if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${JSON.stringify(res.body)}`);
  const login = await postJson(base, '/api/auth/login', { email, password: PASSWORD });
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  return { ...login.body, cookie: login.headers.get('set-cookie')!.split(';')[0]! };
}
