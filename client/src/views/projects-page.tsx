// "/": the caller's projects over the socket (list_projects), an empty state,
// and the "New project" form (create_project: blank, or a RAID log from the
// server's template), which opens the new board.
import { ProjectTemplate, type IProject } from '../../../shared/proto.ts';
import { A, useNavigate } from '@solidjs/router';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { LIMITS } from '../../../shared/domain/validation.ts';
import { useSession } from '../auth/session.ts';
import { useLive } from '../store/live.ts';
import { Field } from '../ui/field.tsx';
import { LinkIndicator } from './link-status.tsx';

function keyError(key: string): string {
  if (!key) return 'A project needs a key, like WEB';
  return LIMITS.projectKey.test(key) ? '' : 'Use 2-10 upper-case letters, like WEB';
}

/** What a new project can start as; the server fills a template in (types, fields, workflow). */
const TEMPLATES: readonly { value: ProjectTemplate; slug: string; label: string; hint: string }[] = [
  { value: ProjectTemplate.PROJECT_TEMPLATE_NONE, slug: 'blank', label: 'Blank', hint: 'Backlog, To Do, In Progress, In Review and Done columns.' },
  {
    value: ProjectTemplate.PROJECT_TEMPLATE_RAID_LOG,
    slug: 'raid',
    label: 'RAID log',
    hint: "Risks, assumptions, issues, dependencies and actions, a risk's probability and impact, and a heat map.",
  },
];

function NewProjectForm(props: { onCancel(): void }) {
  const live = useLive();
  const navigate = useNavigate();
  const [key, setKey] = createSignal('');
  const [name, setName] = createSignal('');
  const [template, setTemplate] = createSignal(ProjectTemplate.PROJECT_TEMPLATE_NONE);
  const [errors, setErrors] = createSignal<{ key?: string; name?: string; form?: string }>({});
  const [busy, setBusy] = createSignal(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const found = { key: keyError(key()), name: name().trim() ? '' : 'A project needs a name' };
    if (found.key || found.name) return setErrors(found);
    setBusy(true);
    try {
      const project = await live.projects.create(key(), name().trim(), template());
      navigate(`/p/${project.key}`);
    } catch (err) {
      const e2 = err as { field?: string; message?: string };
      if (e2.field === 'key' || e2.field === 'name') setErrors({ [e2.field]: e2.message });
      else setErrors({ form: e2.message || 'The project could not be created. Try again in a moment.' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="panel new-project" onSubmit={submit} data-testid="new-project-form" novalidate>
      <div class="new-project__fields">
        <Field
          name="key"
          label="Key"
          value={key()}
          hint="2-10 upper-case letters; card keys start with it (WEB-1)"
          error={errors().key}
          testId="new-project-key"
          autofocus
          onInput={(v) => {
            setKey(v.toUpperCase().replace(/[^A-Z]/g, '').slice(0, 10));
            setErrors((x) => ({ ...x, key: '', form: '' }));
          }}
        />
        <Field
          name="name"
          label="Name"
          value={name()}
          error={errors().name}
          testId="new-project-name"
          onInput={(v) => {
            setName(v);
            setErrors((x) => ({ ...x, name: '', form: '' }));
          }}
        />
      </div>
      <fieldset class="new-project__templates" data-testid="new-project-template">
        <legend class="field__label">Start with</legend>
        <For each={TEMPLATES}>
          {(t) => (
            <label class="new-project__template" classList={{ 'new-project__template--on': template() === t.value }}>
              <input
                type="radio"
                name="template"
                value={t.slug}
                checked={template() === t.value}
                data-testid={`new-project-template-${t.slug}`}
                onChange={() => setTemplate(t.value)}
              />
              <span class="new-project__template-text">
                <span class="new-project__template-name">{t.label}</span>
                <span class="new-project__template-hint">{t.hint}</span>
              </span>
            </label>
          )}
        </For>
      </fieldset>
      <Show when={errors().form}>
        <p class="form-alert" role="alert" data-testid="new-project-error">
          {errors().form}
        </p>
      </Show>
      <div class="new-project__actions">
        <button type="button" class="button button--ghost" onClick={() => props.onCancel()}>
          Cancel
        </button>
        <button type="submit" class="button button--primary" disabled={busy()} data-testid="new-project-submit">
          {busy() ? 'Creating…' : 'Create project'}
        </button>
      </div>
    </form>
  );
}

export function ProjectsPage() {
  const { session } = useSession();
  const live = useLive();
  const [creating, setCreating] = createSignal(false);
  const firstName = () => session()?.user.displayName.trim().split(/\s+/)[0] ?? '';
  const isArchived = (p: IProject) => Number(p.archivedAt ?? 0) > 0;
  // Archived projects leave the grid; their admins find them below to restore them.
  const projects = () => live.projects.list()?.filter((p) => !isArchived(p)) ?? null;
  const archived = () => live.projects.list()?.filter(isArchived) ?? [];

  return (
    <div class="page">
      <header class="page__header">
        <div>
          <p class="page__eyebrow">Welcome, {firstName()}</p>
          <h1 class="page__title">Your projects</h1>
        </div>
        <div class="page__actions">
          <LinkIndicator status={live.status()} />
          <Show when={!creating()}>
            <button type="button" class="button button--primary" onClick={() => setCreating(true)} data-testid="new-project">
              New project
            </button>
          </Show>
        </div>
      </header>
      <Show when={creating()}>
        <NewProjectForm onCancel={() => setCreating(false)} />
      </Show>
      <section data-mount="project-list" data-testid="project-list" aria-label="Projects" aria-busy={projects() === null}>
        <Switch>
          <Match when={live.projects.error()}>
            <div class="panel empty-state">
              <p class="empty-state__title">Your projects could not be loaded</p>
              <p class="empty-state__text">{live.projects.error()}</p>
              <button type="button" class="button" onClick={() => live.projects.reload()}>
                Try again
              </button>
            </div>
          </Match>
          <Match when={projects() === null}>
            <div class="project-grid" aria-hidden="true">
              <div class="project-card project-card--skeleton" />
              <div class="project-card project-card--skeleton" />
              <div class="project-card project-card--skeleton" />
            </div>
          </Match>
          <Match when={projects()?.length === 0}>
            <div class="panel empty-state" data-testid="projects-empty">
              <svg class="empty-state__art" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true">
                <rect x="5" y="9" width="11" height="30" rx="3" fill="none" stroke="currentColor" stroke-width="2" />
                <rect x="19" y="9" width="11" height="20" rx="3" fill="none" stroke="currentColor" stroke-width="2" />
                <rect x="33" y="9" width="11" height="25" rx="3" fill="none" stroke="currentColor" stroke-width="2" />
              </svg>
              <p class="empty-state__title">No projects yet</p>
              <p class="empty-state__text">Create one to get a board with Backlog, To Do, In Progress, In Review and Done columns.</p>
              <Show when={!creating()}>
                <button type="button" class="button button--primary" onClick={() => setCreating(true)}>
                  Create your first project
                </button>
              </Show>
            </div>
          </Match>
          <Match when={projects()}>
            {(list) => (
              <ul class="project-grid">
                <For each={list()}>
                  {(project) => (
                    <li>
                      <A href={`/p/${project.key}`} class="project-card" data-testid="project-card" data-project-key={project.key}>
                        <span class="project-card__key">{project.key}</span>
                        <span class="project-card__name">{project.name}</span>
                        <Show when={project.description}>
                          <span class="project-card__text">{project.description}</span>
                        </Show>
                      </A>
                    </li>
                  )}
                </For>
              </ul>
            )}
          </Match>
        </Switch>
        <Show when={archived().length > 0}>
          <h2 class="page__eyebrow">Archived</h2>
          <ul class="project-archived" data-testid="archived-projects">
            <For each={archived()}>
              {(project) => (
                <li>
                  <A href={`/p/${project.key}/settings`}>
                    {project.key} {project.name}
                  </A>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </div>
  );
}
