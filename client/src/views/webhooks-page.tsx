// "/webhooks": the workspace's outgoing webhooks, for its owners and admins
// (PROTOCOL.md §2.7). Each has a URL, the kinds of event it takes and its
// projects; its signing secret is shown once, when it is made or replaced.
// A webhook's delivery log lists what was sent, every attempt's answer, and
// sends any delivery again; it is read again every few seconds while open,
// since deliveries change on the server's timers, not through the socket.
import { A } from '@solidjs/router';
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { WEBHOOK_EVENT_KINDS, WEBHOOK_EVENT_KIND_NAMES, type WebhookEventKind } from '../../../shared/domain/webhook-events.ts';
import { ApiError } from '../auth/auth-api.ts';
import { useLive } from '../store/live.ts';
import {
  createWebhook, deleteWebhook, listDeliveries, listWebhooks, resendDelivery, updateWebhook,
  type Webhook, type WebhookDelivery, type WebhookInput,
} from './webhooks-api.ts';
import '../styles/webhooks.css';

/** How often an open delivery log is read again. */
const LOG_REFRESH_MS = 3000;

const words = (err: unknown, action: string) => (err instanceof ApiError ? err.message : `Could not ${action}. Try again in a moment.`);

const when = (ms: number) =>
  new Date(ms).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit' });

const kindWords = (kind: WebhookEventKind) => WEBHOOK_EVENT_KINDS[kind] ?? kind;

function SecretPanel(props: { shown: { url: string; secret: string }; onClose(): void }) {
  const [copied, setCopied] = createSignal(false);
  let field!: HTMLInputElement;
  const copy = () => {
    field.select();
    navigator.clipboard?.writeText(props.shown.secret).then(() => setCopied(true), () => undefined);
  };
  return (
    <section class="panel webhook-secret" aria-labelledby="webhook-secret-title" data-testid="webhook-secret">
      <h2 id="webhook-secret-title" class="webhook-secret__title">
        Signing secret for {props.shown.url}
      </h2>
      <p class="webhook-secret__text">
        Copy it now: it is shown only this once. Your receiver checks each request's <code>Tandem-Signature</code> with it (an HMAC-SHA256 of the
        timestamp, a dot and the body) and refuses timestamps more than 5 minutes old.
      </p>
      <div class="webhook-secret__row">
        <input
          ref={field}
          class="field__input webhook-secret__value"
          readOnly
          value={props.shown.secret}
          aria-label="Signing secret"
          data-testid="webhook-secret-value"
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" class="button" onClick={copy}>
          {copied() ? 'Copied' : 'Copy'}
        </button>
        <button type="button" class="button button--ghost" onClick={() => props.onClose()} data-testid="webhook-secret-done">
          Done
        </button>
      </div>
    </section>
  );
}

function WebhookForm(props: { initial?: Webhook; projectKeys: readonly string[]; onSave(input: WebhookInput): Promise<void>; onCancel(): void }) {
  const [url, setUrl] = createSignal(props.initial?.url ?? '');
  const [kinds, setKinds] = createSignal<WebhookEventKind[]>(props.initial?.kinds ?? [...WEBHOOK_EVENT_KIND_NAMES]);
  const [allProjects, setAllProjects] = createSignal(props.initial === undefined || props.initial.projects === 'all');
  const [chosen, setChosen] = createSignal<string[]>(props.initial && props.initial.projects !== 'all' ? props.initial.projects : []);
  const [error, setError] = createSignal<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = createSignal(false);
  const toggle = <T,>(list: readonly T[], value: T, on: boolean) => (on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value));

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (kinds().length === 0) return setError({ field: 'kinds', message: 'Choose at least one kind of event.' });
    if (!allProjects() && chosen().length === 0) return setError({ field: 'projects', message: 'Choose at least one project, or all of them.' });
    setError(null);
    setBusy(true);
    try {
      // In the table's order, whatever order they were ticked in.
      const ordered = WEBHOOK_EVENT_KIND_NAMES.filter((k) => kinds().includes(k));
      await props.onSave({ url: url().trim(), kinds: ordered, projects: allProjects() ? 'all' : [...chosen()].sort() });
    } catch (err) {
      setError({ field: err instanceof ApiError ? err.field : '', message: words(err, 'save the webhook') });
    } finally {
      setBusy(false);
    }
  };

  const isNew = () => props.initial === undefined;
  return (
    <form class="panel webhook-form" onSubmit={(e) => void submit(e)} data-testid="webhook-form" novalidate>
      <h2 class="webhook-form__title">{isNew() ? 'Add a webhook' : 'Change the webhook'}</h2>
      <div class="field" classList={{ 'field--invalid': error()?.field === 'url' }}>
        <label class="field__label" for="webhook-url">
          Payload URL
        </label>
        <input
          id="webhook-url"
          class="field__input"
          type="url"
          required
          placeholder="https://example.com/hooks/tandem"
          value={url()}
          onInput={(e) => setUrl(e.currentTarget.value)}
          data-testid="webhook-url"
        />
      </div>
      <fieldset class="webhook-form__group" classList={{ 'field--invalid': error()?.field === 'kinds' }}>
        <legend class="field__label">Events</legend>
        <div class="webhook-form__choices">
          <For each={WEBHOOK_EVENT_KIND_NAMES}>
            {(kind) => (
              <label class="webhook-choice">
                <input type="checkbox" checked={kinds().includes(kind)} onChange={(e) => setKinds(toggle(kinds(), kind, e.currentTarget.checked))} data-testid="webhook-kind" data-kind={kind} />
                <span>{kindWords(kind)}</span>
              </label>
            )}
          </For>
        </div>
      </fieldset>
      <fieldset class="webhook-form__group" classList={{ 'field--invalid': error()?.field === 'projects' }}>
        <legend class="field__label">Projects</legend>
        <div class="webhook-form__choices">
          <label class="webhook-choice">
            <input type="radio" name="webhook-projects" checked={allProjects()} onChange={() => setAllProjects(true)} data-testid="webhook-projects-all" />
            <span>All projects, and those made later</span>
          </label>
          <label class="webhook-choice">
            <input type="radio" name="webhook-projects" checked={!allProjects()} onChange={() => setAllProjects(false)} data-testid="webhook-projects-chosen" />
            <span>Chosen projects</span>
          </label>
        </div>
        <Show when={!allProjects()}>
          <div class="webhook-form__choices webhook-form__projects">
            <For each={props.projectKeys} fallback={<span class="form-note">No projects yet.</span>}>
              {(key) => (
                <label class="webhook-choice">
                  <input type="checkbox" checked={chosen().includes(key)} onChange={(e) => setChosen(toggle(chosen(), key, e.currentTarget.checked))} data-testid="webhook-project" data-key={key} />
                  <span>{key}</span>
                </label>
              )}
            </For>
          </div>
        </Show>
      </fieldset>
      <Show when={error()}>
        {(shown) => (
          <p class="form-alert" role="alert" data-testid="webhook-form-error">
            {shown().message}
          </p>
        )}
      </Show>
      <div class="webhook-form__actions">
        <button type="button" class="button button--ghost" onClick={() => props.onCancel()}>
          Cancel
        </button>
        <button type="submit" class="button button--primary" disabled={busy()} data-testid="webhook-save">
          {isNew() ? 'Add webhook' : 'Save'}
        </button>
      </div>
    </form>
  );
}

function stateWords(d: WebhookDelivery): string {
  if (d.state === 'delivered') return 'Delivered';
  if (d.state === 'failed') return 'Failed';
  return d.attempts.length === 0 ? 'Queued' : 'Retrying';
}

function lastAnswer(d: WebhookDelivery): string {
  const last = d.attempts[d.attempts.length - 1];
  if (!last) return '—';
  return last.error ?? `HTTP ${last.statusCode}`;
}

function DeliveryLog(props: { webhook: Webhook }) {
  const live = useLive();
  const [deliveries, setDeliveries] = createSignal<WebhookDelivery[] | null>(null);
  const [error, setError] = createSignal('');
  const [open, setOpen] = createSignal<string | null>(null);
  let stopped = false;

  const load = async () => {
    try {
      const list = await listDeliveries(await live.token(), props.webhook.id);
      if (!stopped) {
        setDeliveries(list);
        setError('');
      }
    } catch (err) {
      if (!stopped) setError(words(err, 'load the deliveries'));
    }
  };
  onMount(() => {
    void load();
    const timer = setInterval(() => void load(), LOG_REFRESH_MS);
    onCleanup(() => {
      stopped = true;
      clearInterval(timer);
    });
  });

  const resend = async (d: WebhookDelivery) => {
    try {
      const again = await resendDelivery(await live.token(), props.webhook.id, d.id);
      setDeliveries((list) => list?.map((x) => (x.id === again.id ? again : x)) ?? null);
    } catch (err) {
      setError(words(err, 'send the delivery again'));
    }
  };

  return (
    <section class="webhook-log" aria-label={`Deliveries to ${props.webhook.url}`} data-testid="delivery-log">
      <div class="webhook-log__head">
        <h3 class="webhook-log__title">Recent deliveries</h3>
        <button type="button" class="button button--ghost" onClick={() => void load()} data-testid="delivery-log-refresh">
          Refresh
        </button>
      </div>
      <Show when={error()}>
        <p class="form-alert" role="alert">
          {error()}
        </p>
      </Show>
      <Show when={deliveries()} fallback={<p class="form-note">Loading…</p>}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="form-note" data-testid="delivery-log-empty">Nothing sent yet: the next event of a chosen kind and project is.</p>}>
            <table class="webhook-log__table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Event</th>
                  <th scope="col">Project</th>
                  <th scope="col">State</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Last answer</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={list()}>
                  {(d) => (
                    <>
                      <tr data-testid="delivery" data-delivery-id={d.id} data-state={d.state}>
                        <td>{when(d.createdAtMs)}</td>
                        <td>{d.kind}</td>
                        <td>{d.projectKey}</td>
                        <td>
                          <span class={`delivery-state delivery-state--${d.state}`} data-testid="delivery-state">
                            {stateWords(d)}
                          </span>
                          <Show when={d.state === 'pending' && d.nextAttemptAtMs !== null && d.attempts.length > 0}>
                            <span class="delivery-next"> next at {when(d.nextAttemptAtMs!)}</span>
                          </Show>
                        </td>
                        <td data-testid="delivery-attempts">{d.attempts.length}</td>
                        <td class="webhook-log__answer" data-testid="delivery-answer">
                          {lastAnswer(d)}
                        </td>
                        <td class="webhook-log__actions">
                          <button
                            type="button"
                            class="button button--ghost"
                            aria-expanded={open() === d.id}
                            disabled={d.attempts.length === 0}
                            onClick={() => setOpen(open() === d.id ? null : d.id)}
                          >
                            Attempts
                          </button>
                          <button type="button" class="button button--ghost" onClick={() => void resend(d)} data-testid="delivery-resend">
                            Send again
                          </button>
                        </td>
                      </tr>
                      <Show when={open() === d.id}>
                        <tr class="webhook-log__attempts">
                          <td colSpan={7}>
                            <ol class="attempt-list" data-testid="delivery-attempt-list">
                              <For each={d.attempts}>
                                {(a) => (
                                  <li>
                                    #{a.attempt} at {when(a.startedAtMs)}: {a.error ?? `HTTP ${a.statusCode}`} in {a.durationMs} ms
                                  </li>
                                )}
                              </For>
                            </ol>
                          </td>
                        </tr>
                      </Show>
                    </>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        )}
      </Show>
    </section>
  );
}

export function WebhooksPage() {
  const live = useLive();
  const [hooks, setHooks] = createSignal<Webhook[] | null>(null);
  const [loadError, setLoadError] = createSignal('');
  const [alert, setAlert] = createSignal('');
  const [secret, setSecret] = createSignal<{ url: string; secret: string } | null>(null);
  /** The webhook being changed, 'new' while one is added. */
  const [editing, setEditing] = createSignal<string | null>(null);
  const [logOf, setLogOf] = createSignal<string | null>(null);
  const projectKeys = () => (live.projects.list() ?? []).map((p) => p.key ?? '').filter(Boolean);

  const reload = async () => {
    try {
      setHooks(await listWebhooks(await live.token()));
      setLoadError('');
    } catch (err) {
      setLoadError(words(err, 'load the webhooks'));
    }
  };
  onMount(() => void reload());

  const create = async (input: WebhookInput) => {
    const made = await createWebhook(await live.token(), input);
    setEditing(null);
    setSecret({ url: made.webhook.url, secret: made.secret });
    setLogOf(made.webhook.id);
    await reload();
  };

  const save = (id: string) => async (input: WebhookInput) => {
    await updateWebhook(await live.token(), id, input);
    setEditing(null);
    await reload();
  };

  const rotate = async (hook: Webhook) => {
    if (!window.confirm(`Make a new secret for ${hook.url}? The old one stops signing at once.`)) return;
    setAlert('');
    try {
      const changed = await updateWebhook(await live.token(), hook.id, { rotateSecret: true });
      if (changed.secret) setSecret({ url: hook.url, secret: changed.secret });
    } catch (err) {
      setAlert(words(err, 'make a new secret'));
    }
  };

  const remove = async (hook: Webhook) => {
    if (!window.confirm(`Delete the webhook to ${hook.url}? Nothing more is sent to it, and its delivery log goes too.`)) return;
    setAlert('');
    try {
      await deleteWebhook(await live.token(), hook.id);
      if (logOf() === hook.id) setLogOf(null);
      await reload();
    } catch (err) {
      setAlert(words(err, 'delete the webhook'));
    }
  };

  return (
    <div class="page page--webhooks" data-testid="webhooks-page">
      <header class="page__header">
        <div>
          <p class="page__eyebrow">{live.session.workspaceName ?? 'Workspace'}</p>
          <h1 class="page__title">Webhooks</h1>
        </div>
        <div class="page__actions">
          <Show when={hooks() && editing() === null}>
            <button type="button" class="button button--primary" onClick={() => setEditing('new')} data-testid="webhook-add">
              Add webhook
            </button>
          </Show>
        </div>
      </header>
      <p class="webhooks-intro">
        Tandem sends each event of the kinds and projects you choose to your URL as a signed JSON POST, retrying for a day if it fails. Receivers
        should drop a <code>Tandem-Delivery-Id</code> they have seen: a delivery can arrive more than once.
      </p>
      <Show when={loadError()}>
        <div class="panel empty-state" data-testid="webhooks-load-error">
          <p class="empty-state__title">The webhooks cannot be shown</p>
          <p class="empty-state__text">{loadError()}</p>
          <A href="/" class="button">
            Back to your projects
          </A>
        </div>
      </Show>
      <Show when={alert()}>
        <p class="form-alert" role="alert" data-testid="webhooks-alert">
          {alert()}
        </p>
      </Show>
      <Show when={secret()}>{(shown) => <SecretPanel shown={shown()} onClose={() => setSecret(null)} />}</Show>
      <Show when={editing() === 'new'}>
        <WebhookForm projectKeys={projectKeys()} onSave={create} onCancel={() => setEditing(null)} />
      </Show>
      <Show when={hooks()}>
        {(list) => (
          <Show
            when={list().length > 0}
            fallback={
              <Show when={editing() !== 'new'}>
                <div class="panel empty-state" data-testid="webhooks-empty">
                  <p class="empty-state__title">No webhooks yet</p>
                  <p class="empty-state__text">Add one to send this workspace's changes to another tool.</p>
                </div>
              </Show>
            }
          >
            <ul class="webhook-list" aria-label="Webhooks">
              <For each={list()}>
                {(hook) => (
                  <li class="panel webhook" data-testid="webhook" data-webhook-id={hook.id}>
                    <Show
                      when={editing() === hook.id}
                      fallback={
                        <>
                          <div class="webhook__head">
                            <span class="webhook__url" data-testid="webhook-url-shown">
                              {hook.url}
                            </span>
                            <span class="webhook__actions">
                              <button
                                type="button"
                                class="button button--ghost"
                                aria-expanded={logOf() === hook.id}
                                onClick={() => setLogOf(logOf() === hook.id ? null : hook.id)}
                                data-testid="webhook-log-toggle"
                              >
                                Deliveries
                              </button>
                              <button type="button" class="button button--ghost" onClick={() => setEditing(hook.id)} data-testid="webhook-edit">
                                Edit
                              </button>
                              <button type="button" class="button button--ghost" onClick={() => void rotate(hook)} data-testid="webhook-rotate">
                                New secret
                              </button>
                              <button type="button" class="button button--ghost" onClick={() => void remove(hook)} data-testid="webhook-delete">
                                Delete
                              </button>
                            </span>
                          </div>
                          <p class="webhook__what">
                            <span data-testid="webhook-kinds">{hook.kinds.length === WEBHOOK_EVENT_KIND_NAMES.length ? 'Every event' : hook.kinds.join(', ')}</span>
                            {' · '}
                            <span data-testid="webhook-projects">{hook.projects === 'all' ? 'all projects' : hook.projects.join(', ')}</span>
                          </p>
                          <Show when={logOf() === hook.id}>
                            <DeliveryLog webhook={hook} />
                          </Show>
                        </>
                      }
                    >
                      <WebhookForm initial={hook} projectKeys={projectKeys()} onSave={save(hook.id)} onCancel={() => setEditing(null)} />
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </div>
  );
}
