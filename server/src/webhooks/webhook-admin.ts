// What a workspace owner or admin does with webhooks, HTTP-free (the routes
// are webhook-routes.ts): register, change, delete, read the delivery log,
// send a delivery again. Refusals are AppErrors naming the field.
import { randomUUID } from 'node:crypto';
import { invalidArgument, notFound, permissionDenied } from '../../../shared/domain/errors.ts';
import { isTenantAdmin } from '../../../shared/domain/permissions.ts';
import type { WebhookEventKind } from '../../../shared/domain/webhook-events.ts';
import type { Caller } from '../auth/caller.ts';
import { findProject, findProjectByKey } from '../storage/projects.ts';
import type { SqlRunner } from '../storage/sql.ts';
import { deliveryLog, resendDelivery, type LoggedDelivery } from '../storage/webhook-deliveries.ts';
import { countWebhooks, deleteWebhook, findWebhook, insertWebhook, listWebhooks, updateWebhook, type Webhook } from '../storage/webhooks.ts';
import type { TenantDatabases } from '../tenancy/tenant-databases.ts';
import { checkDestination, DestinationRefused } from './destination.ts';
import { RETRY_FOR_MS } from './retry-schedule.ts';
import type { SecretBox } from './secret-box.ts';
import { newWebhookSecret } from './signature.ts';
import { change, creation } from './webhook-input.ts';
import type { WebhookTenants } from './webhook-tenants.ts';

/** Each registration costs every write of the workspace a look: a bound keeps that small. */
const MAX_WEBHOOKS = 20;
export const LOG_DEFAULT = 50;
const LOG_MAX = 200;

export interface WebhookView {
  id: string;
  url: string;
  kinds: WebhookEventKind[];
  /** 'all', or the keys of the chosen projects. */
  projects: 'all' | string[];
  createdAtMs: number;
  createdBy: string;
  updatedAtMs: number;
}

export interface AttemptView {
  attempt: number;
  instance: string;
  startedAtMs: number;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
}

export interface DeliveryView {
  id: string;
  kind: WebhookEventKind;
  projectKey: string;
  seq: number;
  state: 'pending' | 'delivered' | 'failed';
  createdAtMs: number;
  /** When a pending delivery is next tried; null once it is delivered or failed. */
  nextAttemptAtMs: number | null;
  finishedAtMs: number | null;
  attempts: AttemptView[];
}

export interface WebhookAdminDeps {
  databases: TenantDatabases;
  tenants: WebhookTenants;
  secrets: SecretBox;
  allowPrivate: boolean;
}

function view(db: SqlRunner, w: Webhook): WebhookView {
  return {
    id: w.id,
    url: w.url,
    kinds: w.kinds,
    projects: w.all_projects === 1 ? 'all' : w.projectIds.map((id) => findProject(db, id)?.key ?? id).sort(),
    createdAtMs: w.created_at_ms,
    createdBy: w.created_by,
    updatedAtMs: w.updated_at_ms,
  };
}

function deliveryView(d: LoggedDelivery): DeliveryView {
  return {
    id: d.id,
    kind: d.kind,
    projectKey: d.project_key,
    seq: d.event_seq,
    state: d.state === 'PENDING' ? 'pending' : d.state === 'DELIVERED' ? 'delivered' : 'failed',
    createdAtMs: d.created_at_ms,
    nextAttemptAtMs: d.state === 'PENDING' ? d.next_attempt_at_ms : null,
    finishedAtMs: d.finished_at_ms,
    attempts: d.attempts.map((a) => ({
      attempt: a.attempt,
      instance: a.instance,
      startedAtMs: a.started_at_ms,
      durationMs: a.duration_ms,
      statusCode: a.status_code,
      error: a.error,
    })),
  };
}

function requireAdmin(caller: Caller): void {
  if (!isTenantAdmin(caller.tenantRole)) throw permissionDenied('Only the workspace\'s owners and admins manage webhooks');
}

function projectIds(db: SqlRunner, keys: readonly string[]): string[] {
  return keys.map((key) => {
    const project = findProjectByKey(db, key);
    if (!project) throw invalidArgument('projects', `No project has the key ${JSON.stringify(key)}`);
    return project.id;
  });
}

export class WebhookAdmin {
  constructor(private readonly deps: WebhookAdminDeps) {}

  list(caller: Caller): WebhookView[] {
    requireAdmin(caller);
    const db = this.deps.databases.get(caller.tenantId);
    return listWebhooks(db).map((w) => view(db, w));
  }

  /** Registers a webhook; its secret is in the answer and nowhere else. */
  async create(caller: Caller, body: Record<string, unknown>): Promise<{ webhook: WebhookView; secret: string }> {
    requireAdmin(caller);
    const input = creation(body);
    await this.checkUrl(input.url);
    // Opened after the await: the file may have been closed meanwhile.
    const db = this.deps.databases.get(caller.tenantId);
    const ids = input.projects === 'all' ? [] : projectIds(db, input.projects);
    const secret = newWebhookSecret();
    const now = Date.now();
    const id = randomUUID();
    db.transaction(() => {
      if (countWebhooks(db) >= MAX_WEBHOOKS) throw invalidArgument('', `A workspace has at most ${MAX_WEBHOOKS} webhooks; delete one first`);
      insertWebhook(
        db,
        { id, url: input.url.href, secret_sealed: this.deps.secrets.seal(secret), all_projects: input.projects === 'all' ? 1 : 0, created_at_ms: now, created_by: caller.userId, updated_at_ms: now },
        input.kinds,
        ids,
      );
    });
    // After the commit (see WebhookTenants.removeUnless).
    this.deps.tenants.add(caller.tenantId);
    return { webhook: view(db, findWebhook(db, id)!), secret };
  }

  /** Changes what the body names; `rotateSecret` makes a new secret, in the answer only. */
  async update(caller: Caller, id: string, body: Record<string, unknown>): Promise<{ webhook: WebhookView; secret?: string }> {
    requireAdmin(caller);
    const input = change(body);
    if (input.url) await this.checkUrl(input.url);
    const db = this.deps.databases.get(caller.tenantId);
    const ids = input.projects === undefined || input.projects === 'all' ? [] : projectIds(db, input.projects);
    const secret = input.rotateSecret ? newWebhookSecret() : undefined;
    db.transaction(() => {
      const current = findWebhook(db, id);
      if (!current) throw notFound('Webhook', 'id');
      updateWebhook(db, {
        ...current,
        url: input.url?.href ?? current.url,
        secret_sealed: secret === undefined ? current.secret_sealed : this.deps.secrets.seal(secret),
        kinds: input.kinds ?? current.kinds,
        all_projects: input.projects === undefined ? current.all_projects : input.projects === 'all' ? 1 : 0,
        projectIds: input.projects === undefined ? current.projectIds : ids,
        updated_at_ms: Date.now(),
      });
    });
    const webhook = view(db, findWebhook(db, id)!);
    return secret === undefined ? { webhook } : { webhook, secret };
  }

  /** Deletes the webhook and its queue: nothing of it is sent from now on. */
  delete(caller: Caller, id: string): void {
    requireAdmin(caller);
    const db = this.deps.databases.get(caller.tenantId);
    if (!db.transaction(() => deleteWebhook(db, id))) throw notFound('Webhook', 'id');
    this.deps.tenants.removeUnless(caller.tenantId, () => countWebhooks(this.deps.databases.get(caller.tenantId)) > 0);
  }

  deliveries(caller: Caller, id: string, limit: number): DeliveryView[] {
    requireAdmin(caller);
    const db = this.deps.databases.get(caller.tenantId);
    if (!findWebhook(db, id)) throw notFound('Webhook', 'id');
    return deliveryLog(db, id, Math.min(Math.max(limit, 1), LOG_MAX)).map(deliveryView);
  }

  /** Queues the delivery again, due now: the same id and body, a new day of retries. */
  resend(caller: Caller, id: string, deliveryId: string): DeliveryView {
    requireAdmin(caller);
    const db = this.deps.databases.get(caller.tenantId);
    const now = Date.now();
    if (!db.transaction(() => resendDelivery(db, id, deliveryId, now, now + RETRY_FOR_MS))) throw notFound('Delivery', 'deliveryId');
    return deliveryView(deliveryLog(db, id, 1, deliveryId)[0]!);
  }

  private async checkUrl(url: URL): Promise<void> {
    try {
      await checkDestination(url, this.deps.allowPrivate);
    } catch (err) {
      if (err instanceof DestinationRefused) throw invalidArgument('url', `Deliveries to that URL are refused: ${err.message}`);
      throw err;
    }
  }
}
