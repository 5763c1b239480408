// "/p/:key/settings": a project's name, description and key, its workflow
// (workflow-editor.tsx), its custom fields (custom-fields-editor.tsx), pull mode, archiving and restoring, and deleting with
// the key typed as confirmation. Saves of the workflow, item types, custom fields and pull mode that lost nothing are
// undone from their toast or with Ctrl-Z (store/settings-writes.ts). Admins change them; everyone else reads them. The project is the board slice's, so a
// change made in another window shows here at once.
import { useNavigate, useParams } from '@solidjs/router';
import { createEffect, createSignal, Show } from 'solid-js';
import { Role } from '../../../shared/proto.ts';
import { RequestError } from '../../../shared/sdk/errors.ts';
import { createBoardSlice } from '../store/board.ts';
import { useLive } from '../store/live.ts';
import { plainError } from '../store/model/plain-error.ts';
import { createProjectSettings, type ProjectSettings } from '../store/project-settings.ts';
import { ProjectBody } from './project-load-states.tsx';
import { ProjectPageHeader } from './project-page-header.tsx';
import { useUndoKeys } from './undo-keys.ts';
import { CustomFieldsEditor } from './custom-fields-editor.tsx';
import { ItemTypesEditor } from './item-types-editor.tsx';
import { WorkflowEditor } from './workflow-editor.tsx';
import '../styles/backlog.css';
import '../styles/workflow.css';

function DetailsForm(props: { settings: ProjectSettings; name: string; description: string; projectKey: string; disabled: boolean }) {
  const [name, setName] = createSignal('');
  const [description, setDescription] = createSignal('');
  const [key, setKey] = createSignal('');
  const [error, setError] = createSignal<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = createSignal(false);
  // A field takes the saved value when that value changes (here or in another
  // window), and only that field: a board reload with the same values leaves
  // what the person is typing alone.
  let seen = { name: '', description: '', key: '' };
  createEffect(() => {
    const saved = { name: props.name, description: props.description, key: props.projectKey };
    if (saved.name !== seen.name) setName(saved.name);
    if (saved.description !== seen.description) setDescription(saved.description);
    if (saved.key !== seen.key) setKey(saved.key);
    seen = saved;
  });
  const fieldError = (field: string) => (error()?.field === field ? error()!.message : '');
  return (
    <form
      class="panel member-form"
      data-testid="project-details-form"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        props.settings
          .save({ name: name().trim(), description: description(), key: key().trim().toUpperCase() })
          .catch((err: unknown) =>
            setError({ field: err instanceof RequestError ? err.field : '', message: err instanceof RequestError ? err.message : plainError('save the project', err) }),
          )
          .finally(() => setBusy(false));
      }}
    >
      <h2 class="member-form__title">Details</h2>
      <label class="field__label" for="project-name">Name</label>
      <input id="project-name" class="field__input" value={name()} disabled={props.disabled} maxLength={100} data-testid="project-name" onInput={(e) => setName(e.currentTarget.value)} />
      <Show when={fieldError('name')}><p class="form-alert" role="alert">{fieldError('name')}</p></Show>
      <label class="field__label" for="project-description">Description</label>
      <textarea id="project-description" class="field__input" rows={3} value={description()} disabled={props.disabled} data-testid="project-description" onInput={(e) => setDescription(e.currentTarget.value)} />
      <Show when={fieldError('description')}><p class="form-alert" role="alert">{fieldError('description')}</p></Show>
      <label class="field__label" for="project-key">Key</label>
      <input id="project-key" class="field__input" value={key()} disabled={props.disabled} maxLength={10} data-testid="project-key" onInput={(e) => setKey(e.currentTarget.value)} />
      <p class="form-note">Items keep their keys; new items take the new one. Links with the old key keep working.</p>
      <Show when={error() && error()!.field !== 'name' && error()!.field !== 'description'}>
        <p class="form-alert" role="alert" data-testid="project-details-error">{error()!.message}</p>
      </Show>
      <Show when={!props.disabled}>
        <button type="submit" class="button button--primary" disabled={busy()} data-testid="project-save">
          Save
        </button>
      </Show>
    </form>
  );
}

/** Pull mode: people claim work from the Pool themselves. Admins switch it; everyone sees whether it is on. */
function PullModeSwitch(props: { settings: ProjectSettings; on: boolean; disabled: boolean; onError(message: string): void }) {
  const [busy, setBusy] = createSignal(false);
  return (
    <div class="panel member-form" data-testid="pull-mode">
      <h2 class="member-form__title">Pull mode</h2>
      <p class="form-note">
        People take work from the Pool themselves: nobody assigns anyone else, and only whoever claimed an item (or an admin) changes it.
      </p>
      <label class="pull-toggle">
        <input
          type="checkbox"
          checked={props.on}
          disabled={props.disabled || busy()}
          data-testid="pull-mode-toggle"
          onChange={(e) => {
            const box = e.currentTarget;
            const wanted = box.checked;
            setBusy(true);
            props.settings
              .setPullMode(wanted)
              .catch((err: unknown) => {
                // Refused: back to what the project says.
                box.checked = props.on;
                props.onError(plainError(`turn pull mode ${wanted ? 'on' : 'off'}`, err));
              })
              .finally(() => setBusy(false));
          }}
        />
        Pull mode is {props.on ? 'on' : 'off'}
      </label>
    </div>
  );
}

function DeleteForm(props: { settings: ProjectSettings; projectKey: string; onError(message: string): void }) {
  const navigate = useNavigate();
  const [typed, setTyped] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  return (
    <form
      class="panel member-form"
      data-testid="project-delete-form"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        props.settings
          .remove(typed())
          .then(() => navigate('/', { replace: true }), (err: unknown) => props.onError(plainError('delete the project', err)))
          .finally(() => setBusy(false));
      }}
    >
      <h2 class="member-form__title">Delete project</h2>
      <p class="form-note">
        It disappears for everyone at once. Its data is kept for 30 days, then removed. Type <strong>{props.projectKey}</strong> to confirm.
      </p>
      <input class="field__input" aria-label="Project key to confirm" value={typed()} data-testid="project-delete-confirm" onInput={(e) => setTyped(e.currentTarget.value)} />
      <button type="submit" class="button" disabled={busy() || typed() !== props.projectKey} data-testid="project-delete">
        Delete {props.projectKey}
      </button>
    </form>
  );
}

export function SettingsPage() {
  const params = useParams<{ key: string }>();
  const live = useLive();
  const board = createBoardSlice(live, () => params.key);
  const settings = createProjectSettings(board);
  // A save's undo is the project's like any change: Ctrl-Z here, or on its board later.
  useUndoKeys(board);
  const [error, setError] = createSignal('');
  const isAdmin = () => board.role() === Role.ROLE_ADMIN;
  const project = () => board.project() ?? {};
  const act = (action: string, work: Promise<void>) => {
    setError('');
    work.catch((err: unknown) => setError(plainError(action, err)));
  };
  return (
    <div class="page page--members">
      <ProjectPageHeader
        projectKey={params.key}
        projectName={board.project()?.name ?? undefined}
        page="Settings"
        readOnly={board.load().state === 'ready' && !isAdmin() ? 'Only project admins change its settings' : null}
        savedCopyAt={board.savedCopyAt()}
      />
      <section class="members" data-testid="settings" data-state={board.load().state} data-archived={board.archived() ? 'true' : 'false'}>
        <ProjectBody load={board.load()} projectKey={params.key} what="settings" errorTestId="settings-error" skeleton={<div class="panel plan-group plan-group--skeleton" aria-hidden="true" />}>
          <Show when={error()}>
            <p class="form-alert" role="alert" data-testid="settings-alert">
              {error()}
            </p>
          </Show>
          <div class="member-forms">
            <DetailsForm
              settings={settings}
              name={project().name ?? ''}
              description={project().description ?? ''}
              projectKey={project().key ?? params.key}
              disabled={!isAdmin() || board.archived()}
            />
            <PullModeSwitch settings={settings} on={Boolean(project().pullMode)} disabled={!isAdmin() || board.archived()} onError={setError} />
            <Show when={isAdmin()}>
              <div class="panel member-form" data-testid="project-archive">
                <h2 class="member-form__title">{board.archived() ? 'Archived' : 'Archive'}</h2>
                <Show
                  when={board.archived()}
                  fallback={
                    <>
                      <p class="form-note">An archived project is read-only and leaves the project list until it is restored.</p>
                      <button type="button" class="button" data-testid="project-archive-button" onClick={() => act('archive the project', settings.archive())}>
                        Archive
                      </button>
                    </>
                  }
                >
                  <p class="form-note">This project is read-only. Restore it to change it again.</p>
                  <button type="button" class="button button--primary" data-testid="project-restore-button" onClick={() => act('restore the project', settings.restore())}>
                    Restore
                  </button>
                </Show>
              </div>
              <DeleteForm settings={settings} projectKey={project().key ?? params.key} onError={setError} />
            </Show>
          </div>
          <WorkflowEditor board={board} settings={settings} editable={isAdmin() && !board.archived()} />
          <ItemTypesEditor board={board} settings={settings} editable={isAdmin() && !board.archived()} />
          <CustomFieldsEditor board={board} settings={settings} editable={isAdmin() && !board.archived()} />
        </ProjectBody>
      </section>
    </div>
  );
}
