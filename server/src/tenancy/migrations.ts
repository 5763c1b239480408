// Versioned, forward-only migrations keyed on SQLite's user_version.
import type { Database } from 'better-sqlite3';
import { SCHEMA_V1 } from './schema-v1.ts';
import { writeSchemaDocs } from './schema-docs.ts';
import { BACKFILL_V3_SEARCH, SCHEMA_V3_SEARCH } from './schema-v3-search.ts';
import { SCHEMA_V5_VIEWS } from './schema-v5-views.ts';
import { SCHEMA_V6_LINKS_DATES } from './schema-v6-links-dates.ts';
import { SCHEMA_V7_NOTIFICATIONS } from './schema-v7-notifications.ts';
import { SCHEMA_V9_TIME } from './schema-v9-time.ts';
import { SCHEMA_V11_CAPACITY } from './schema-v11-capacity.ts';
import { SCHEMA_V12_PROJECT_SETTINGS } from './schema-v12-project-settings.ts';
import { SCHEMA_V13_WORKFLOW } from './schema-v13-workflow.ts';
import { SCHEMA_V14_CUSTOM_FIELDS } from './schema-v14-custom-fields.ts';
import { SCHEMA_V15_ITEM_TYPES } from './schema-v15-item-types.ts';
import { showOwnTypesInValueViews } from '../storage/custom-fields.ts';
import { SCHEMA_V8_WEBHOOKS } from './schema-v8-webhooks.ts';
import { SCHEMA_V10_ATTACHMENTS } from './schema-v10-attachments.ts';

interface Migration {
  version: number;
  up(db: Database): void;
}

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    up(db) {
      db.exec(SCHEMA_V1);
    },
  },
  {
    // Loading a board joins labels to items by label: without this, a scan per label.
    version: 2,
    up(db) {
      db.exec('CREATE INDEX pm_work_item_labels_by_label ON pm_work_item_labels(label_id)');
    },
  },
  {
    // Search (issue "Insight"): an FTS5 index kept by triggers, filled from what the file holds.
    version: 3,
    up(db) {
      db.exec(SCHEMA_V3_SEARCH);
      db.exec(BACKFILL_V3_SEARCH);
    },
  },
  {
    // Reports read a project's item history in order: without this, a scan of every project's.
    version: 4,
    up(db) {
      db.exec('CREATE INDEX pm_activity_by_project ON pm_activity(project_id, id)');
    },
  },
  {
    // Names instead of ids for readers of the file: the epic of each item, comments, sprints.
    version: 5,
    up(db) {
      db.exec(SCHEMA_V5_VIEWS);
    },
  },
  {
    // Work item depth: start and due dates, and links between items.
    version: 6,
    up(db) {
      db.exec(SCHEMA_V6_LINKS_DATES);
    },
  },
  {
    // The team loop: watchers, notifications and their settings.
    version: 7,
    up(db) {
      db.exec(SCHEMA_V7_NOTIFICATIONS);
    },
  },
  {
    // Outgoing webhooks: registrations, their delivery queue and each attempt.
    version: 8,
    up(db) {
      db.exec(SCHEMA_V8_WEBHOOKS);
    },
  },
  {
    // Time tracking: estimates and the logged total on items, work logs, running timers.
    version: 9,
    up(db) {
      db.exec(SCHEMA_V9_TIME);
    },
  },
  {
    // Attachments: files on work items, stored once per content (their bytes live beside the file).
    version: 10,
    up(db) {
      db.exec(SCHEMA_V10_ATTACHMENTS);
    },
  },
  {
    // Capacity planning: each member's availability per sprint.
    version: 11,
    up(db) {
      db.exec(SCHEMA_V11_CAPACITY);
    },
  },
  {
    // Project settings: archived and deleted projects, deleted sprints, a project's former keys.
    version: 12,
    up(db) {
      db.exec(SCHEMA_V12_PROJECT_SETTINGS);
    },
  },
  {
    // Workflow and pull mode: WIP limits, removed statuses, a project's pull mode.
    version: 13,
    up(db) {
      db.exec(SCHEMA_V13_WORKFLOW);
    },
  },
  {
    // Custom fields: each project's field definitions and its items' values.
    // No project has fields yet, so no per-project view is made here.
    version: 14,
    up(db) {
      db.exec(SCHEMA_V14_CUSTOM_FIELDS);
    },
  },
  {
    // Item types of a project's own (and the RAID log template built on them).
    version: 15,
    up(db) {
      db.exec(SCHEMA_V15_ITEM_TYPES);
      showOwnTypesInValueViews(db);
    },
  },
  {
    // A board's first screen (get_board's first_cards_per_column) reads each column's first cards along this.
    version: 16,
    up(db) {
      db.exec('CREATE INDEX pm_work_items_by_status_rank ON pm_work_items(project_id, status_id, rank, id) WHERE deleted_at_ms IS NULL');
    },
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function migrate(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_SCHEMA_VERSION) {
    throw new Error(`database schema version ${current} is newer than this server (${LATEST_SCHEMA_VERSION})`);
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    // IMMEDIATE: two processes opening a new file at once must not both migrate.
    db.transaction(() => {
      const now = db.pragma('user_version', { simple: true }) as number;
      if (now >= m.version) return;
      m.up(db);
      // The docs describe the schema as it now is, so a reader never meets an undescribed table.
      writeSchemaDocs(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}
