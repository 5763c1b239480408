// "/people": everyone in the workspace, for its owners and admins (PROTOCOL.md
// §2.6): each person's workspace role, whether active, their projects; a new
// role, deactivation and reactivation, and a one-time password link to pass
// on (there is no mail). What someone may not do is said beside the person,
// in the words the server would refuse it with (shared/domain/workspace-people.ts).
// In embedded mode the host platform manages people, and the server says so.
import { A } from '@solidjs/router';
import { For, Index, Show, createSignal, onMount } from 'solid-js';
import type { TenantRole } from '../../../shared/domain/permissions.ts';
import {
  TENANT_ROLES, activationRefusal, passwordResetRefusal, roleChangeRefusal, type Actor,
} from '../../../shared/domain/workspace-people.ts';
import { ApiError } from '../auth/auth-api.ts';
import { useSession } from '../auth/session.ts';
import { useLive } from '../store/live.ts';
import { initials } from '../ui/initials.ts';
import { listPeople, makePasswordLink, setActive, setRole, type WorkspacePerson } from './people-api.ts';
import '../styles/people.css';

const ROLE_WORDS: Record<TenantRole, string> = { owner: 'Owner', admin: 'Admin', member: 'Member' };
const article = (role: TenantRole) => (role === 'member' ? 'a member' : `an ${role}`);

const words = (err: unknown, action: string) =>
  err instanceof ApiError ? err.message : `Could not ${action}. Try again in a moment.`;

const until = (ms: number) => new Date(ms).toLocaleString(undefined, { weekday: 'short', hour: 'numeric', minute: '2-digit' });

interface LinkShown {
  name: string;
  url: string;
  expiresAtMs: number;
}

function PasswordLinkPanel(props: { link: LinkShown; onClose(): void }) {
  const [copied, setCopied] = createSignal(false);
  let field!: HTMLInputElement;
  const copy = () => {
    field.select();
    navigator.clipboard?.writeText(props.link.url).then(() => setCopied(true), () => undefined);
  };
  return (
    <section class="panel password-link" aria-labelledby="password-link-title" data-testid="password-link">
      <h2 id="password-link-title" class="password-link__title">
        One-time link for {props.link.name}
      </h2>
      <p class="password-link__text">
        Pass it on to them yourself. It sets a new password once, works until {until(props.link.expiresAtMs)}, and signs them out everywhere when used.
      </p>
      <div class="password-link__row">
        <input ref={field} class="field__input" readOnly value={props.link.url} aria-label="One-time password link" data-testid="password-link-url" onFocus={(e) => e.currentTarget.select()} />
        <button type="button" class="button" onClick={copy} data-testid="password-link-copy">
          {copied() ? 'Copied' : 'Copy'}
        </button>
        <button type="button" class="button button--ghost" onClick={() => props.onClose()}>
          Done
        </button>
      </div>
    </section>
  );
}

export function PeoplePage() {
  const { session } = useSession();
  const live = useLive();
  const [people, setPeople] = createSignal<WorkspacePerson[] | null>(null);
  const [loadError, setLoadError] = createSignal('');
  const [alert, setAlert] = createSignal('');
  const [notice, setNotice] = createSignal('');
  const [link, setLink] = createSignal<LinkShown | null>(null);
  const [busy, setBusy] = createSignal(false);

  const myId = () => live.session.user.id;
  // The list is the server's word on everyone, the caller included (a hand-over makes the owner an admin).
  const actor = (): Actor => ({ id: myId(), role: people()?.find((p) => p.id === myId())?.role ?? session()?.role ?? 'member' });

  onMount(() => {
    void (async () => {
      try {
        setPeople(await listPeople(await live.token()));
      } catch (err) {
        setLoadError(words(err, 'load the people of this workspace'));
      }
    })();
  });

  /** Runs one change; the list comes back whole. A refusal is said at the top, in the server's words. */
  const change = async (action: string, run: (token: string | null) => Promise<WorkspacePerson[]>, done: string) => {
    setAlert('');
    setNotice('');
    setBusy(true);
    try {
      setPeople(await run(await live.token()));
      setNotice(done);
      return true;
    } catch (err) {
      setAlert(words(err, action));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const chooseRole = async (person: WorkspacePerson, role: TenantRole, select: HTMLSelectElement) => {
    const handOver = role === 'owner';
    const question = handOver
      ? `Make ${person.displayName} the owner of this workspace? You become an admin, and only they can undo it.`
      : person.id === myId() && role === 'member' ? 'Make yourself a member? You will no longer manage people, and only an owner or admin can undo it.' : null;
    if (question !== null && !window.confirm(question)) {
      select.value = person.role;
      return;
    }
    const done = handOver
      ? `${person.displayName} now owns this workspace; you are an admin.`
      : `${person.displayName} is now ${article(role)}. Their open pages reconnect with the new role.`;
    const ok = await change(`change the role of ${person.displayName}`, (token) => setRole(token, person.id, role), done);
    if (!ok) select.value = person.role;
  };

  const toggleActive = (person: WorkspacePerson) => {
    if (person.active && !window.confirm(`Deactivate ${person.displayName}? They are signed out everywhere at once; their work stays.`)) return;
    const done = person.active
      ? `${person.displayName} is deactivated: signed out everywhere, and cannot log in until reactivated. Their work stays.`
      : `${person.displayName} can log in again.`;
    void change(`${person.active ? 'deactivate' : 'reactivate'} ${person.displayName}`, (token) => setActive(token, person.id, !person.active), done);
  };

  const resetPassword = async (person: WorkspacePerson) => {
    setAlert('');
    setNotice('');
    setBusy(true);
    try {
      const made = await makePasswordLink(await live.token(), person.id);
      setLink({ name: person.displayName, url: new URL(made.path, location.origin).href, expiresAtMs: made.expiresAtMs });
    } catch (err) {
      setAlert(words(err, `reset the password of ${person.displayName}`));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="page page--people">
      <header class="page__header">
        <div>
          <p class="page__eyebrow">{live.session.workspaceName ?? 'Workspace'}</p>
          <h1 class="page__title">People</h1>
        </div>
      </header>
      <Show when={loadError()}>
        <div class="panel empty-state" data-testid="people-load-error">
          <p class="empty-state__title">The people of this workspace cannot be shown</p>
          <p class="empty-state__text">{loadError()}</p>
          <A href="/" class="button">
            Back to your projects
          </A>
        </div>
      </Show>
      <Show when={alert()}>
        <p class="form-alert" role="alert" data-testid="people-alert">
          {alert()}
        </p>
      </Show>
      <Show when={notice()}>
        <p class="form-note" role="status" data-testid="people-notice">
          {notice()}
        </p>
      </Show>
      <Show when={link()}>{(shown) => <PasswordLinkPanel link={shown()} onClose={() => setLink(null)} />}</Show>
      <Show when={people()}>
        {(list) => (
          <ul class="panel people-list" aria-label="People" aria-busy={busy()}>
            <Index each={list()}>
              {(person) => {
                const p = () => person();
                const roleRefusal = () => TENANT_ROLES.filter((r) => r !== p().role).map((r) => roleChangeRefusal(actor(), p(), r)).find((why) => why !== null) ?? null;
                const roleChoices = () => TENANT_ROLES.filter((r) => r === p().role || roleChangeRefusal(actor(), p(), r) === null);
                const activeRefusal = () => activationRefusal(actor(), p(), !p().active);
                const resetRefusal = () => passwordResetRefusal(actor(), p());
                // Why a control is missing, once each: the role when no other role may be given.
                const reasons = () => [...new Set([roleChoices().length > 1 ? null : roleRefusal(), activeRefusal(), resetRefusal()].filter((r): r is string => r !== null))];
                const tenantWide = () => p().role !== 'member';
                return (
                  <li class="person-row" classList={{ 'person-row--inactive': !p().active }} data-testid="person" data-person-id={p().id} data-role={p().role} data-active={String(p().active)}>
                    <span class="avatar" aria-hidden="true">
                      {initials(p().displayName)}
                    </span>
                    <span class="person-row__who">
                      <span class="person-row__name" data-testid="person-name">
                        {p().displayName}
                        {p().id === myId() ? ' (you)' : ''}
                      </span>
                      <span class="person-row__email">{p().email}</span>
                    </span>
                    <span class="person-row__projects" data-testid="person-projects">
                      <Show when={!tenantWide()} fallback={<span class="project-chip project-chip--all">Every project</span>}>
                        <For each={p().projects} fallback={<span class="person-row__none">No projects yet</span>}>
                          {(project) => (
                            <span class="project-chip" title={project.name}>
                              {project.key} · {project.role}
                            </span>
                          )}
                        </For>
                      </Show>
                    </span>
                    <span class="person-row__role">
                      <Show
                        when={roleChoices().length > 1}
                        fallback={
                          <span class="role-badge role-badge--quiet" data-testid="person-role">
                            {ROLE_WORDS[p().role]}
                          </span>
                        }
                      >
                        <select
                          class="field__input role-select"
                          aria-label={`Workspace role of ${p().displayName}`}
                          data-testid="person-role-select"
                          disabled={busy()}
                          onChange={(e) => void chooseRole(p(), e.currentTarget.value as TenantRole, e.currentTarget)}
                        >
                          <For each={roleChoices()}>
                            {(r) => (
                              <option value={r} selected={r === p().role}>
                                {ROLE_WORDS[r]}
                              </option>
                            )}
                          </For>
                        </select>
                      </Show>
                    </span>
                    <span class="person-row__state">
                      <span class="status-badge" classList={{ 'status-badge--off': !p().active }} data-testid="person-state">
                        {p().active ? 'Active' : 'Deactivated'}
                      </span>
                    </span>
                    <span class="person-row__actions">
                      <Show when={activeRefusal() === null}>
                        <button type="button" class="button button--ghost" disabled={busy()} data-testid={p().active ? 'person-deactivate' : 'person-reactivate'} onClick={() => toggleActive(p())}>
                          {p().active ? 'Deactivate' : 'Reactivate'}
                        </button>
                      </Show>
                      <Show when={resetRefusal() === null}>
                        <button type="button" class="button button--ghost" disabled={busy()} data-testid="person-reset-password" onClick={() => void resetPassword(p())}>
                          Reset password
                        </button>
                      </Show>
                    </span>
                    <Show when={reasons().length > 0}>
                      <span class="person-row__why" data-testid="person-why">
                        {reasons().join('. ')}.
                      </span>
                    </Show>
                  </li>
                );
              }}
            </Index>
          </ul>
        )}
      </Show>
      <p class="people-foot">
        Invite people from a project's Members page. Your own password is on your <A href="/account">account page</A>.
      </p>
    </div>
  );
}
