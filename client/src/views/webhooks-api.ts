// The workspace's outgoing webhooks over HTTP (docs/PROTOCOL.md §2.7). Plain
// functions, no Solid. The session's bearer token goes with each call, as the
// People page's does: the cookie may belong to another tab's log-in.
import { isTenantAdmin } from '../../../shared/domain/permissions.ts';
import type { WebhookEventKind } from '../../../shared/domain/webhook-events.ts';
import { ApiError, callJson as call, GARBLED } from '../auth/auth-api.ts';
import type { Session } from '../auth/session.ts';

export interface Webhook {
  id: string;
  url: string;
  kinds: WebhookEventKind[];
  /** 'all', or the keys of the chosen projects. */
  projects: 'all' | string[];
  createdAtMs: number;
  updatedAtMs: number;
}

export interface WebhookAttempt {
  attempt: number;
  startedAtMs: number;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
}

export interface WebhookDelivery {
  id: string;
  kind: WebhookEventKind;
  projectKey: string;
  seq: number;
  state: 'pending' | 'delivered' | 'failed';
  createdAtMs: number;
  nextAttemptAtMs: number | null;
  finishedAtMs: number | null;
  attempts: WebhookAttempt[];
}

export interface WebhookInput {
  url: string;
  kinds: WebhookEventKind[];
  projects: 'all' | string[];
}

/** Whether the Webhooks page is theirs: a workspace owner or admin. */
export function managesWebhooks(session: Session | null): boolean {
  return session?.role !== undefined && isTenantAdmin(session.role);
}


function field<T>(body: unknown, name: string, check: (value: unknown) => boolean): T {
  const value = (body as Record<string, unknown> | null)?.[name];
  if (!check(value)) throw new ApiError(200, 'UNKNOWN', GARBLED);
  return value as T;
}

const isObject = (v: unknown) => typeof v === 'object' && v !== null;
const hookPath = (id: string, rest = '') => `/api/webhooks/${encodeURIComponent(id)}${rest}`;

export async function listWebhooks(token: string | null): Promise<Webhook[]> {
  return field(await call('/api/webhooks', token), 'webhooks', Array.isArray);
}

/** The new webhook and its secret, which the server shows this once. */
export async function createWebhook(token: string | null, input: WebhookInput): Promise<{ webhook: Webhook; secret: string }> {
  const body = await call('/api/webhooks', token, input);
  return { webhook: field(body, 'webhook', isObject), secret: field(body, 'secret', (v) => typeof v === 'string') };
}

/** With `rotateSecret`, the answer carries the new secret, shown this once. */
export async function updateWebhook(token: string | null, id: string, input: Partial<WebhookInput> & { rotateSecret?: boolean }): Promise<{ webhook: Webhook; secret?: string }> {
  const body = await call(hookPath(id), token, input);
  const secret = (body as { secret?: unknown } | null)?.secret;
  return { webhook: field(body, 'webhook', isObject), ...(typeof secret === 'string' ? { secret } : {}) };
}

export async function deleteWebhook(token: string | null, id: string): Promise<void> {
  await call(hookPath(id, '/delete'), token, {});
}

export async function listDeliveries(token: string | null, id: string): Promise<WebhookDelivery[]> {
  return field(await call(hookPath(id, '/deliveries'), token), 'deliveries', Array.isArray);
}

export async function resendDelivery(token: string | null, id: string, deliveryId: string): Promise<WebhookDelivery> {
  return field(await call(hookPath(id, `/deliveries/${encodeURIComponent(deliveryId)}/resend`), token, {}), 'delivery', isObject);
}
