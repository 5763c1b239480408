// "/p/:key/members": who is in the project and with which role. Admins add
// people of the workspace (list_users), change roles, remove members, and
// invite someone new by email (into the workspace over HTTP, then into the
// project). Everyone else sees the list read-only. The list is the board
// slice's, so it is live, and offline the device's saved copy.
import { useParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { Role } from '../../../shared/proto.ts';
import { createBoardSlice } from '../store/board.ts';
import { useLive } from '../store/live.ts';
import { createMembersSlice, type MembersSlice } from '../store/members.ts';
import { plainError } from '../store/model/plain-error.ts';
import { initials } from '../ui/initials.ts';
import { ConflictDialogs } from './conflict-dialog.tsx';
import { ProjectBody } from './project-load-states.tsx';
import { ProjectPageHeader } from './project-page-header.tsx';
import '../styles/backlog.css';

const ROLES: { value: Role; label: string }[] = [
  { value: Role.ROLE_VIEWER, label: 'Viewer' },
  { value: Role.ROLE_EDITOR, label: 'Editor' },
  { value: Role.ROLE_ADMIN, label: 'Admin' },
];
const roleLabel = (r: Role | null | undefined) => ROLES.find((x) => x.value === r)?.label ?? 'Member';

function RoleSelect(props: { value: Role; onChange(r: Role): void; label: string; testId: string; disabled?: boolean }) {
  return (
    <select
      class="field__input role-select"
      aria-label={props.label}
      data-testid={props.testId}
      disabled={props.disabled}
      value={String(props.value)}
      onChange={(e) => props.onChange(Number(e.currentTarget.value) as Role)}
    >
      <For each={ROLES}>{(r) => <option value={String(r.value)} selected={r.value === props.value}>{r.label}</option>}</For>
    </select>
  );
}

function AddMember(props: { slice: MembersSlice; onError(message: string): void }) {
  const candidates = createMemo(() => {
    const inProject = new Set(props.slice.members().map((m) => m.userId));
    return props.slice.users().filter((u) => !inProject.has(u.id ?? '')).sort((a, b) => (a.displayName ?? '').localeCompare(b.displayName ?? ''));
  });
  const [userId, setUserId] = createSignal('');
  const [role, setRole] = createSignal<Role>(Role.ROLE_EDITOR);
  const [busy, setBusy] = createSignal(false);
  return (
    <form
      class="panel member-form"
      data-testid="add-member-form"
      onSubmit={(e) => {
        e.preventDefault();
        const id = userId() || candidates()[0]?.id || '';
        if (!id) return;
        setBusy(true);
        props.slice
          .add(id, role())
          .then(() => setUserId(''), (err: unknown) => props.onError(plainError('add the member', err)))
          .finally(() => setBusy(false));
      }}
    >
      <h2 class="member-form__title">Add from the workspace</h2>
      <Show when={candidates().length > 0} fallback={<p class="form-note">Everyone in the workspace is already in this project. To add someone else, invite them.</p>}>
        <select class="field__input" aria-label="Person" data-testid="add-member-user" value={userId()} onChange={(e) => setUserId(e.currentTarget.value)}>
          <For each={candidates()}>
            {(u) => (
              <option value={u.id ?? ''}>
                {u.displayName} ({u.email})
              </option>
            )}
          </For>
        </select>
        <RoleSelect value={role()} onChange={setRole} label="Role for the new member" testId="add-member-role" />
        <button type="submit" class="button button--primary" disabled={busy()} data-testid="add-member-submit">
          Add
        </button>
      </Show>
    </form>
  );
}

function InviteMember(props: { slice: MembersSlice; onError(message: string): void }) {
  const [role, setRole] = createSignal<Role>(Role.ROLE_EDITOR);
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal('');
  return (
    <form
      class="panel member-form"
      data-testid="invite-form"
      onSubmit={(e) => {
        e.preventDefault();
        const formEl = e.currentTarget;
        const form = new FormData(formEl);
        const get = (k: string) => String(form.get(k) ?? '').trim();
        setBusy(true);
        setDone('');
        props.slice
          .invite({ email: get('email'), displayName: get('displayName'), password: String(form.get('password') ?? ''), role: role() })
          .then(
            () => {
              setDone(`${get('displayName') || get('email')} can now log in with that password and is in this project.`);
              formEl.reset();
            },
            (err: unknown) => props.onError(err instanceof Error && !('code' in err) ? `Could not invite: ${err.message}` : plainError('invite', err)),
          )
          .finally(() => setBusy(false));
      }}
    >
      <h2 class="member-form__title">Invite someone new</h2>
      <input class="field__input" name="email" type="email" required placeholder="Email" aria-label="Email" data-testid="invite-email" />
      <input class="field__input" name="displayName" required maxLength={100} placeholder="Name" aria-label="Name" data-testid="invite-name" />
      <input
        class="field__input"
        name="password"
        type="password"
        required
        minLength={10}
        placeholder="First password (10+ characters)"
        aria-label="First password"
        autocomplete="new-password"
        data-testid="invite-password"
      />
      <RoleSelect value={role()} onChange={setRole} label="Role in this project" testId="invite-role" />
      <button type="submit" class="button" disabled={busy()} data-testid="invite-submit">
        Invite
      </button>
      <Show when={done()}>
        <p class="form-note" role="status" data-testid="invite-done">
          {done()}
        </p>
      </Show>
    </form>
  );
}

export function MembersPage() {
  const params = useParams<{ key: string }>();
  const live = useLive();
  const board = createBoardSlice(live, () => params.key);
  const slice = createMembersSlice(live, board);
  const [error, setError] = createSignal('');
  const act = (action: string, work: Promise<void>) => {
    setError('');
    work.catch((err: unknown) => setError(plainError(action, err)));
  };
  return (
    <div class="page page--members">
      <ProjectPageHeader
        projectKey={params.key}
        projectName={board.project()?.name ?? undefined}
        page="Members"
        readOnly={board.load().state === 'ready' && !slice.isAdmin() ? 'Only project admins manage members' : null}
        savedCopyAt={board.savedCopyAt()}
      />
      <section class="members" data-testid="members" data-state={board.load().state} data-admin={slice.isAdmin() ? 'true' : 'false'}>
        <ProjectBody
          load={board.load()}
          projectKey={params.key}
          what="members"
          errorTestId="members-error"
          skeleton={<div class="panel plan-group plan-group--skeleton" aria-hidden="true" />}
        >
          <Show when={error()}>
            <p class="form-alert" role="alert" data-testid="members-alert">
              {error()}
            </p>
          </Show>
          <ul class="panel member-list" aria-label="Members">
            <For each={slice.members()}>
              {(m) => (
                <li class="member-row" data-testid="member" data-user-id={m.userId} data-role={roleLabel(m.role)}>
                  <span class="avatar" aria-hidden="true">
                    {initials(m.displayName ?? '')}
                  </span>
                  <span class="member-row__who">
                    <span class="member-row__name" data-testid="member-name">
                      {m.displayName}
                      {m.userId === live.session.user.id ? ' (you)' : ''}
                    </span>
                    <span class="member-row__email">{m.email}</span>
                  </span>
                  <Show
                    when={slice.isAdmin()}
                    fallback={
                      <span class="role-badge role-badge--quiet" data-testid="member-role">
                        {roleLabel(m.role)}
                      </span>
                    }
                  >
                    <RoleSelect
                      value={m.role ?? Role.ROLE_VIEWER}
                      label={`Role of ${m.displayName}`}
                      testId="member-role-select"
                      onChange={(r) => act(`change the role of ${m.displayName}`, slice.changeRole(m.userId ?? '', r))}
                    />
                    <button
                      type="button"
                      class="button button--ghost"
                      data-testid="member-remove"
                      onClick={() => {
                        if (window.confirm(`Remove ${m.displayName} from ${params.key}?`)) act(`remove ${m.displayName}`, slice.remove(m.userId ?? ''));
                      }}
                    >
                      Remove
                    </button>
                  </Show>
                </li>
              )}
            </For>
            <Show when={slice.members().length === 0}>
              <li class="member-row member-row--empty">No members yet. Workspace owners and admins can open every project.</li>
            </Show>
          </ul>
          <Show when={slice.isAdmin()}>
            <div class="member-forms">
              <AddMember slice={slice} onError={setError} />
              <InviteMember slice={slice} onError={setError} />
            </div>
          </Show>
        </ProjectBody>
      </section>
      <ConflictDialogs board={board} />
    </div>
  );
}
