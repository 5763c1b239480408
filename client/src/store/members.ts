// The members of one project and the workspace's people to add from. The
// list comes from the board slice (get_board's members, member events, the
// Results of member writes, and a saved copy offline); this slice adds the
// workspace's people (list_users) and the member writes, through the board's
// send path. They wait for their reply and refusals go back to the page.
import { createEffect, createMemo, createSignal, on, type Accessor } from 'solid-js';
import { atLeast } from '../../../shared/domain/permissions.ts';
import { Role, type IMember } from '../../../shared/proto.ts';
import type { tandem } from '../../../shared/gen/tandem.js';
import type { Command } from '../../../shared/protocol/commands.ts';
import type { BoardSlice } from './board.ts';
import type { Live } from './live.ts';
import { resultOf } from './writes.ts';

export type IUser = tandem.v1.IUser;

export interface MembersSlice {
  /** By display name. */
  members: Accessor<IMember[]>;
  /** The workspace's people (list_users), loaded once the page opens. */
  users: Accessor<readonly IUser[]>;
  isAdmin: Accessor<boolean>;
  add(userId: string, role: Role): Promise<void>;
  changeRole(userId: string, role: Role): Promise<void>;
  remove(userId: string): Promise<void>;
  /** The HTTP invitation into the workspace, then add_member here; resolves with the new person's id. */
  invite(input: { email: string; displayName: string; password: string; role: Role }): Promise<string>;
}

export function createMembersSlice(live: Live, board: BoardSlice): MembersSlice {
  const [users, setUsers] = createSignal<readonly IUser[]>([]);
  const projectId = () => board.project()?.id ?? '';

  // Each open: someone may have joined the workspace meanwhile.
  createEffect(
    on([projectId, live.open], ([id, open]) => {
      if (!id || !open) return;
      live.connection.request({ listUsers: {} }).then(
        (result) => setUsers(result.users?.users ?? []),
        () => undefined, // the picker stays empty; the list above is what matters
      );
    }),
  );

  const members = createMemo(() => [...board.members()].sort((a, b) => (a.displayName ?? '').localeCompare(b.displayName ?? '')));
  const name = (userId: string) => board.members().find((m) => m.userId === userId)?.displayName || 'the member';
  // The board's reducers apply the Result (and, for a removal, the meta's user id: its Result names nobody).
  const write = async (command: Command, action: string, removesMember?: string) => {
    resultOf(await board.send({ command, action, meta: removesMember === undefined ? {} : { removesMember } }));
  };

  const add = (userId: string, r: Role) => write({ addMember: { projectId: projectId(), userId, role: r } }, 'add the member');

  return {
    members,
    users,
    isAdmin: () => atLeast(board.role(), Role.ROLE_ADMIN),
    add,
    changeRole: (userId, r) => write({ changeMemberRole: { projectId: projectId(), userId, role: r } }, `change the role of ${name(userId)}`),
    remove: (userId) => write({ removeMember: { projectId: projectId(), userId } }, `remove ${name(userId)}`, userId),
    async invite(input) {
      const res = await fetch_('/api/workspace/invitations', await live.token(), {
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

/** POST with the session's bearer token (the cookie when there is none); a refusal becomes an Error with the server's words. */
async function fetch_(path: string, token: string | null, body: unknown): Promise<InviteAnswer> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  } catch {
    throw new Error('Tandem could not reach the server. Check your connection and try again.');
  }
  const answer = (await res.json().catch(() => ({}))) as InviteAnswer;
  if (!res.ok) throw Object.assign(new Error(answer.error?.message || `The invitation failed (HTTP ${res.status})`), { field: answer.error?.field ?? '' });
  return answer;
}
