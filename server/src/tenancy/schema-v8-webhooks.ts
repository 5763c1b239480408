// Version 8: outgoing webhooks. A delivery row is written in the same
// transaction as the event it carries (webhooks/outbox.ts), so the queue
// survives a restart; instances on one data folder claim rows with a lease.
// Deleting a webhook deletes its deliveries and their attempts.
import { WEBHOOK_EVENT_KIND_NAMES } from '../../../shared/domain/webhook-events.ts';

const kinds = WEBHOOK_EVENT_KIND_NAMES.map((k) => `'${k}'`).join(', ');

export const SCHEMA_V8_WEBHOOKS = `
CREATE TABLE pm_webhooks (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  secret_sealed TEXT NOT NULL,
  all_projects INTEGER NOT NULL CHECK (all_projects IN (0, 1)),
  created_at_ms INTEGER NOT NULL,
  created_by TEXT NOT NULL REFERENCES pm_users(id),
  updated_at_ms INTEGER NOT NULL
);

CREATE TABLE pm_webhook_event_kinds (
  webhook_id TEXT NOT NULL REFERENCES pm_webhooks(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN (${kinds})),
  PRIMARY KEY (webhook_id, kind)
) WITHOUT ROWID;

CREATE TABLE pm_webhook_projects (
  webhook_id TEXT NOT NULL REFERENCES pm_webhooks(id) ON DELETE CASCADE,
  project_id TEXT NOT NULL REFERENCES pm_projects(id),
  PRIMARY KEY (webhook_id, project_id)
) WITHOUT ROWID;

CREATE TABLE pm_webhook_deliveries (
  id TEXT PRIMARY KEY,
  webhook_id TEXT NOT NULL REFERENCES pm_webhooks(id) ON DELETE CASCADE,
  project_id TEXT NOT NULL REFERENCES pm_projects(id),
  event_seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  body TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
  created_at_ms INTEGER NOT NULL,
  next_attempt_at_ms INTEGER NOT NULL,
  give_up_at_ms INTEGER NOT NULL,
  lease_owner TEXT,
  lease_until_ms INTEGER NOT NULL DEFAULT 0,
  finished_at_ms INTEGER
);
CREATE INDEX pm_webhook_deliveries_due ON pm_webhook_deliveries(state, next_attempt_at_ms);
CREATE INDEX pm_webhook_deliveries_by_webhook ON pm_webhook_deliveries(webhook_id, created_at_ms);

CREATE TABLE pm_webhook_attempts (
  id INTEGER PRIMARY KEY,
  delivery_id TEXT NOT NULL REFERENCES pm_webhook_deliveries(id) ON DELETE CASCADE,
  attempt INTEGER NOT NULL,
  instance TEXT NOT NULL,
  started_at_ms INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL,
  status_code INTEGER,
  error TEXT
);
CREATE INDEX pm_webhook_attempts_by_delivery ON pm_webhook_attempts(delivery_id, attempt);
`;
