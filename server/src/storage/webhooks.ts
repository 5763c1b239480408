// Registered webhooks (pm_webhooks) with the event kinds and projects each
// receives, and the one query a write runs to find who wants its event.
import type { WebhookEventKind } from '../../../shared/domain/webhook-events.ts';
import { prepared, tenantQueries as q, type SqlRunner } from './sql.ts';
import type { WebhookRow } from './tables.ts';

export interface Webhook extends WebhookRow {
  kinds: WebhookEventKind[];
  /** Empty when all_projects is 1. */
  projectIds: string[];
}

// Every write of a tenant with webhooks runs this once per event, so it is compiled once.
const matching = prepared((kind: WebhookEventKind, projectId: string) =>
  q.selectFrom('pm_webhook_event_kinds as k')
    .innerJoin('pm_webhooks as w', 'w.id', 'k.webhook_id')
    .select('w.id')
    .where('k.kind', '=', kind)
    .where((eb) =>
      eb.or([
        eb('w.all_projects', '=', 1),
        eb.exists(
          eb.selectFrom('pm_webhook_projects as p').select('p.webhook_id').whereRef('p.webhook_id', '=', 'w.id').where('p.project_id', '=', projectId),
        ),
      ]),
    )
    .orderBy('w.created_at_ms'),
);

/** The webhooks that receive an event of this kind in this project. */
export function webhooksFor(db: SqlRunner, kind: WebhookEventKind, projectId: string): string[] {
  return db.all(matching(kind, projectId)).map((r) => r.id);
}

const byId = prepared((id: string) => q.selectFrom('pm_webhooks').selectAll().where('id', '=', id));

export function findWebhookRow(db: SqlRunner, id: string): WebhookRow | undefined {
  return db.get(byId(id));
}

function withTargets(db: SqlRunner, rows: WebhookRow[]): Webhook[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const kinds = db.all(q.selectFrom('pm_webhook_event_kinds').selectAll().where('webhook_id', 'in', ids));
  const projects = db.all(q.selectFrom('pm_webhook_projects').selectAll().where('webhook_id', 'in', ids));
  return rows.map((row) => ({
    ...row,
    kinds: kinds.filter((k) => k.webhook_id === row.id).map((k) => k.kind),
    projectIds: projects.filter((p) => p.webhook_id === row.id).map((p) => p.project_id),
  }));
}

export function listWebhooks(db: SqlRunner): Webhook[] {
  return withTargets(db, db.all(q.selectFrom('pm_webhooks').selectAll().orderBy('created_at_ms').orderBy('id')));
}

export function findWebhook(db: SqlRunner, id: string): Webhook | undefined {
  const row = findWebhookRow(db, id);
  return row && withTargets(db, [row])[0];
}

export function countWebhooks(db: SqlRunner): number {
  return Number(db.get(q.selectFrom('pm_webhooks').select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0);
}

/** Every webhook's sealed secret: what a tenant move opens on one cell and seals again on the other. */
export function sealedSecrets(db: SqlRunner): Array<{ id: string; secret_sealed: string }> {
  return db.all(q.selectFrom('pm_webhooks').select(['id', 'secret_sealed']).orderBy('id'));
}

export function setSealedSecret(db: SqlRunner, id: string, sealed: string): boolean {
  return db.run(q.updateTable('pm_webhooks').set({ secret_sealed: sealed }).where('id', '=', id)) > 0;
}

/** Replaces what the webhook receives: its kinds, and its projects unless it takes all. */
function setTargets(db: SqlRunner, id: string, kinds: readonly WebhookEventKind[], projectIds: readonly string[]): void {
  db.run(q.deleteFrom('pm_webhook_event_kinds').where('webhook_id', '=', id));
  db.run(q.deleteFrom('pm_webhook_projects').where('webhook_id', '=', id));
  if (kinds.length > 0) db.run(q.insertInto('pm_webhook_event_kinds').values(kinds.map((kind) => ({ webhook_id: id, kind }))));
  if (projectIds.length > 0) db.run(q.insertInto('pm_webhook_projects').values(projectIds.map((project_id) => ({ webhook_id: id, project_id }))));
}

export function insertWebhook(db: SqlRunner, row: WebhookRow, kinds: readonly WebhookEventKind[], projectIds: readonly string[]): void {
  db.run(q.insertInto('pm_webhooks').values(row));
  setTargets(db, row.id, kinds, projectIds);
}

/** Writes the webhook as `next` has it (its row, kinds and projects). */
export function updateWebhook(db: SqlRunner, next: Webhook): void {
  const { kinds, projectIds, id, ...row } = next;
  db.run(q.updateTable('pm_webhooks').set(row).where('id', '=', id));
  setTargets(db, id, kinds, projectIds);
}

/** Deletes the webhook with its kinds, projects, deliveries and attempts (ON DELETE CASCADE). */
export function deleteWebhook(db: SqlRunner, id: string): boolean {
  return db.run(q.deleteFrom('pm_webhooks').where('id', '=', id)) > 0;
}
