// The members of one project and the workspace's people to add from. The
// members page has no board slice, so this slice follows the project itself:
// get_board for the list, then the project's feed for member events (other
// admins' changes), and the Result of its own writes (no event comes back to
// the socket that wrote).
import { createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import { atLeast } from '../../../shared/domain/permissions.ts';
import { Role, type IMember } from '../../../shared/proto.ts';
import type { tandem } from '../../../shared/gen/tandem.js';
import { plainError } from './board-logic.ts';
import type { Live } from './live.ts';

export type IUser = tandem.v1.IUser;

export type MembersLoad = { state: 'loading' } | { state: 'ready' } | { state: 'missing' } | { state: 'error'; message: string };

export interface MembersSlice {
  load: Accessor<MembersLoad>;
  projectId: Accessor<string>;
  /** By display name. */
  members: Accessor<IMember[]>;
  /** The workspace's people (list_users), loaded once the page opens. */
  users: Accessor<readonly IUser[]>;
  role: Accessor<Role | null>;
  isAdmin: Accessor<boolean>;
  add(userId: string, role: Role): Promise<void>;
  changeRole(userId: string, role: Role): Promise<void>;
  remove(userId: string): Promise<void>;
  /** The HTTP invitation into the workspace, then add_member here; resolves with the new person's id. */
  invite(input: { email: string; displayName: string; password: string; role: Role }): Promise<string>;
}

export function upsertMember(list: readonly IMember[], member: IMember, removed: boolean): IMember[] {
  return [...list.filter((m) => m.userId !== member.userId), ...(removed ? [] : [member])];
}

export function createMembersSlice(live: Live, projectKey: Accessor<string>): MembersSlice {
  const [load, setLoad] = createSignal<MembersLoad>({ state: 'loading' });
  const [projectId, setProjectId] = createSignal('');
  const [list, setList] = createSignal<readonly IMember[]>([]);
  const [users, setUsers] = createSignal<readonly IUser[]>([]);
  let stopWatching: (() => void) | null = null;
  let generation = 0;

  const fetch = (id: string) => {
    const mine = ++generation;
    live.connection.request({ getBoard: { projectId: id } }).then(
      (result) => {
        if (mine !== generation) return;
        setList(result.board?.members ?? []);
        setLoad({ state: 'ready' });
        stopWatching?.();
        stopWatching = live.feed.watch(id, Number(result.board?.seq ?? 0), {
          onEvent: (event) => {
            const change = event.member;
            if (change?.member) setList((l) => upsertMember(l, change.member!, !!change.removed));
          },
          onResync: () => fetch(id),
        });
      },
      (err: unknown) => {
        if (mine !== generation || (err as Error)?.name === 'ConnectionError') return;
        setLoad({ state: 'error', message: plainError('load the members', err) });
      },
    );
    live.connection.request({ listUsers: {} }).then(
      (result) => mine === generation && setUsers(result.users?.users ?? []),
      () => undefined, // the picker stays empty; the list above is what matters
    );
  };

  createEffect(
    on([projectKey, live.open, live.projects.list], ([key, open, projects]) => {
      if (!open || !projects) return;
      const found = projects.find((p) => p.key === key);
      if (!found) return setLoad({ state: 'missing' });
      // Same project after a reconnect: the feed catches up by seq.
      if (found.id === projectId() && load().state === 'ready') return;
      setProjectId(found.id ?? '');
      fetch(found.id ?? '');
    }),
  );
  onCleanup(() => {
    stopWatching?.();
    generation++;
  });

  const members = createMemo(() => [...list()].sort((a, b) => (a.displayName ?? '').localeCompare(b.displayName ?? '')));
  const role = createMemo<Role | null>(() => {
    if (!projectId()) return null;
    // Not a member and still able to read it: a workspace owner or admin, admin of every project.
    return list().find((m) => m.userId === live.session.user.id)?.role ?? Role.ROLE_ADMIN;
  });

  const write = async (command: Parameters<Live['connection']['request']>[0], removed = false) => {
    const result = await live.connection.request(command);
    if (result.member) setList((l) => upsertMember(l, result.member!, removed));
  };

  const add = (userId: string, r: Role) => write({ addMember: { projectId: projectId(), userId, role: r } });

  return {
    load,
    projectId,
    members,
    users,
    role,
    isAdmin: () => atLeast(role(), Role.ROLE_ADMIN),
    add,
    changeRole: (userId, r) => write({ changeMemberRole: { projectId: projectId(), userId, role: r } }),
    async remove(userId) {
      const before = list().find((m) => m.userId === userId);
      await write({ removeMember: { projectId: projectId(), userId } }, true);
      // A Result without the member still means it is gone.
      if (before) setList((l) => upsertMember(l, before, true));
    },
    async invite(input) {
      const res = await fetch_('/api/workspace/invitations', live.session.token, {
        email: input.email,
        displayName: input.displayName,
        password: input.password,
        role: 'member',
      });
      const id = res.user?.id;
      if (!id) throw new Error('The server answered without the new person');
      setUsers((u) => [...u.filter((x) => x.id !== id), { id, displayName: res.user!.displayName, email: res.user!.email, tenantRole: 'member' }]);
      await add(id, input.role);
      return id;
    },
  };
}

interface InviteAnswer {
  user?: { id: string; email: string; displayName: string };
  error?: { code: string; message: string; field?: string };
}

/** POST with the session's bearer token; a refusal becomes an Error with the server's words. */
async function fetch_(path: string, token: string, body: unknown): Promise<InviteAnswer> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  } catch {
    throw new Error('Tandem could not reach the server. Check your connection and try again.');
  }
  const answer = (await res.json().catch(() => ({}))) as InviteAnswer;
  if (!res.ok) throw Object.assign(new Error(answer.error?.message || `The invitation failed (HTTP ${res.status})`), { field: answer.error?.field ?? '' });
  return answer;
}
