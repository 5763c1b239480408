// Rows of pm_schema_docs: one per table (column_name '') and per column, so a
// reader who opens the file cold (a person or an LLM tool) learns what each
// thing means without this code. A test checks that nothing is left out.
import type { Database } from 'better-sqlite3';
import { CUSTOM_VALUES_VIEW_PREFIX } from '../storage/custom-fields.ts';

type Docs = Record<string, { about: string; columns: Record<string, string> }>;

const TIME = 'epoch milliseconds (UTC)';

export const SCHEMA_DOCS: Docs = {
  pm_users: {
    about: 'People who have used this workspace (tenant). Ids come from the account directory or the host platform.',
    columns: {
      id: 'User id (JWT sub)',
      email: 'Email address, empty when the host platform did not share it',
      display_name: 'Name shown on the board',
      tenant_role: 'Workspace role: owner, admin (both are admins of every project) or member',
      created_at_ms: `When the user first appeared, ${TIME}`,
      last_seen_at_ms: `When the user last connected, ${TIME}`,
    },
  },
  pm_projects: {
    about: 'Projects (boards). Each has its own workflow, members, work items and event sequence.',
    columns: {
      id: 'Project id',
      key: 'Short upper-case key that prefixes work item keys, e.g. WEB in WEB-12',
      name: 'Project name',
      description: 'Project description (markdown)',
      version: 'Optimistic-concurrency version, +1 on every change',
      last_event_seq: 'The seq of the newest row in pm_events for this project',
      next_item_number: 'The number the next work item of this project gets',
      created_at_ms: `Creation time, ${TIME}`,
      created_by: 'pm_users.id of the creator',
      updated_at_ms: `Last change, ${TIME}`,
      archived_at_ms: `When the project was archived (read-only, hidden from the project list), ${TIME}; NULL while live`,
      deleted_at_ms: `When the project was deleted (gone from every list and read; its rows are kept for 30 days), ${TIME}; NULL otherwise`,
      pull_mode: '1 when people claim work from a pool (nobody assigns anyone else; only the claimer or an admin edits a claimed item), 0 otherwise',
    },
  },
  pm_project_former_keys: {
    about: 'Keys a project had before a key change. They still name it (WEB-12 after WEB became APP) and no other project may take them.',
    columns: {
      key: 'The former key',
      project_id: 'pm_projects.id it names',
      retired_at_ms: `When the project stopped using it, ${TIME}`,
    },
  },
  pm_workflow_statuses: {
    about: 'The ordered statuses (board columns) of each project.',
    columns: {
      id: 'Status id',
      project_id: 'pm_projects.id',
      name: 'Column name, e.g. In Progress',
      category: 'BACKLOG, UNSTARTED, STARTED, COMPLETED or CANCELED: what the status means for reports and sprints',
      position: 'Column order, lowest first; negative for a removed status',
      wip_limit: 'How many items the column should hold at most (the board marks it when over); 0 for no limit',
      removed_at_ms: `When the status was removed from the workflow (its items were moved to another), ${TIME}; NULL while it is a column`,
    },
  },
  pm_project_members: {
    about: 'Who may see and change a project. Workspace owners and admins may act on every project without a row here.',
    columns: {
      project_id: 'pm_projects.id',
      user_id: 'pm_users.id',
      role: 'VIEWER (read only), EDITOR (work items, comments, sprints) or ADMIN (also members and project)',
      added_at_ms: `When the membership was made, ${TIME}`,
      added_by: 'pm_users.id of who added the member',
    },
  },
  pm_sprints: {
    about: 'Sprints (time boxes) of a project. At most one is ACTIVE per project.',
    columns: {
      id: 'Sprint id',
      project_id: 'pm_projects.id',
      name: 'Sprint name',
      goal: 'Sprint goal',
      state: 'PLANNED, ACTIVE or COMPLETED',
      start_date: 'Planned first day, YYYY-MM-DD, or empty',
      end_date: 'Planned last day, YYYY-MM-DD, or empty',
      version: 'Optimistic-concurrency version, +1 on every change',
      created_at_ms: `Creation time, ${TIME}`,
      created_by: 'pm_users.id of the creator',
      updated_at_ms: `Last change, ${TIME}`,
      started_at_ms: `When the sprint was started, ${TIME}, or NULL`,
      completed_at_ms: `When the sprint was completed, ${TIME}, or NULL`,
      deleted_at_ms: `When the sprint was deleted before it started (its items went to the backlog), ${TIME}, or NULL`,
    },
  },
  pm_work_items: {
    about: 'Work items: epics, stories, tasks, bugs and sub-tasks. Deleted items keep their row with deleted_at_ms set.',
    columns: {
      id: 'Work item id',
      project_id: 'pm_projects.id',
      number: 'Number within the project (the 12 of WEB-12)',
      key: 'Human key, project key and number, e.g. WEB-12',
      item_type: 'EPIC, STORY, TASK, BUG or SUBTASK (TASK too for an item of the project\'s own type: custom_type_id)',
      parent_id: 'pm_work_items.id of the parent: an epic for stories/tasks/bugs, a story/task/bug for sub-tasks; NULL for none',
      title: 'One-line title',
      description: 'Description (markdown)',
      status_id: 'pm_workflow_statuses.id: the board column',
      priority: 'NONE, LOW, MEDIUM, HIGH or URGENT',
      story_points: 'Estimate in story points, NULL when not estimated',
      assignee_id: 'pm_users.id of the assignee, NULL when unassigned',
      sprint_id: 'pm_sprints.id, NULL when in the backlog',
      rank: 'Ordering key: items sort by rank (plain string order) in columns and the backlog',
      version: 'Optimistic-concurrency version, +1 on every change',
      created_at_ms: `Creation time, ${TIME}`,
      created_by: 'pm_users.id of the creator',
      updated_at_ms: `Last change, ${TIME}`,
      updated_by: 'pm_users.id of who made the last change',
      deleted_at_ms: `When the item was deleted, ${TIME}; NULL while live`,
      start_date: 'Start date, YYYY-MM-DD, or NULL',
      due_date: 'Due date, YYYY-MM-DD, or NULL',
      original_estimate_minutes: 'Original time estimate in minutes, or NULL',
      remaining_estimate_minutes: 'Remaining time estimate in minutes, or NULL',
      logged_minutes: 'Sum of the minutes of its live pm_work_logs',
      custom_type_id: "pm_item_types.id when the item is of the project's own type (e.g. Risk; item_type is then TASK); NULL for a built-in type",
    },
  },
  pm_labels: {
    about: 'Labels of a project, made the first time an item uses the name.',
    columns: {
      id: 'Label id',
      project_id: 'pm_projects.id',
      name: 'Label text',
      color: 'Display colour, #rrggbb',
    },
  },
  pm_work_item_labels: {
    about: 'Which labels each work item has.',
    columns: { work_item_id: 'pm_work_items.id', label_id: 'pm_labels.id' },
  },
  pm_comments: {
    about: 'Comments on work items. Deleted comments keep their row with deleted_at_ms set.',
    columns: {
      id: 'Comment id',
      work_item_id: 'pm_work_items.id',
      author_id: 'pm_users.id of the author',
      body: 'Comment text (markdown)',
      created_at_ms: `Creation time, ${TIME}`,
      edited_at_ms: `Last edit, ${TIME}, NULL when never edited`,
      version: 'Optimistic-concurrency version, +1 on every change',
      deleted_at_ms: `When the comment was deleted, ${TIME}; NULL while live`,
    },
  },
  pm_activity: {
    about: 'The audit log: one row per changed field of every write, oldest first.',
    columns: {
      id: 'Row id, increasing',
      project_id: 'pm_projects.id',
      entity_type: 'What changed: project, work_item, comment, sprint or member',
      entity_id: 'Id of what changed',
      work_item_id: 'pm_work_items.id the change belongs to (work items and their comments), else NULL',
      field: 'The changed field, or created / deleted / restored for whole-entity changes',
      old_value: 'Value before, as text (JSON for lists), NULL when none',
      new_value: 'Value after, as text (JSON for lists), NULL when none',
      actor_id: 'pm_users.id of who made the change',
      occurred_at_ms: `When, ${TIME}`,
      event_seq: 'pm_events.seq of the event this change was broadcast in',
    },
  },
  pm_events: {
    about: 'Per-project event log with a gap-free seq. Clients that reconnect catch up from it. Old rows may be trimmed.',
    columns: {
      project_id: 'pm_projects.id',
      seq: 'Sequence number within the project, from 1, without gaps',
      kind: 'work_item, comment, sprint, member or project',
      entity_id: 'Id of the changed entity',
      actor_id: 'pm_users.id of who made the change',
      occurred_at_ms: `When, ${TIME}`,
      changed_fields: 'Comma-separated names of the changed fields',
      payload: 'The event as sent on the wire: a protobuf tandem.v1.Event (see proto/tandem.proto)',
    },
  },
  pm_idempotency_keys: {
    about: 'Replies to writes, by (user, message id), so a resent command is answered the same without writing twice. Kept 7 days or more.',
    columns: {
      user_id: 'pm_users.id of the sender',
      message_id: 'The id the client gave the command',
      reply: 'The reply as sent: a protobuf tandem.v1.ServerFrame',
      created_at_ms: `When the command was first answered, ${TIME}`,
    },
  },
  pm_schema_docs: {
    about: 'This table: what every table, view and column means.',
    columns: {
      table_name: 'Table or view name',
      column_name: "Column name, or '' for the table itself",
      description: 'What it means',
    },
  },
  pm_work_items_readable: {
    about: 'View: work items with ids resolved to names (project, status, assignee, sprint, parent, epic, labels). Start here to read a board.',
    columns: {
      id: 'pm_work_items.id',
      key: 'Work item key, e.g. WEB-12',
      project_key: 'Project key',
      project_name: 'Project name',
      item_type: 'EPIC, STORY, TASK, BUG or SUBTASK (TASK too for an item of the project\'s own type: see item_type_name)',
      title: 'Title',
      status: 'Status (column) name',
      status_category: 'Status category',
      priority: 'Priority',
      story_points: 'Story points or NULL',
      assignee: 'Assignee display name or NULL',
      sprint: 'Sprint name or NULL',
      parent_key: 'Key of the parent item or NULL',
      epic_key: 'Key of the epic the item belongs to (its parent, or its parent\'s parent for a sub-task) or NULL',
      epic_title: 'Title of that epic or NULL',
      labels: 'Comma-separated label names or NULL',
      start_date: 'Start date, YYYY-MM-DD, or NULL',
      due_date: 'Due date, YYYY-MM-DD, or NULL',
      description: 'Description (markdown)',
      rank: 'Ordering key',
      version: 'Version',
      created_at_utc: 'Creation time, UTC text',
      updated_at_utc: 'Last change, UTC text',
      is_deleted: '1 when deleted, else 0',
      custom_fields: "The item's custom field values as a JSON object by field name (numbers as numbers, multi selects as arrays, people by name); {} when none. One column per field: the view pm_custom_values_<project key>",
      item_type_name: "The type as people read it: the project's own type's name (e.g. Risk) when it has one, else Epic, Story, Task, Bug or Sub-task",
    },
  },
  pm_item_types: {
    about: "Item types a project's admins added beside the built-in ones (set_item_types; the RAID log template adds Risk, Assumption, Issue, Dependency and Action). An item of one is a TASK naming it in pm_work_items.custom_type_id. A removed type keeps its row so history can name it; no live item is of it.",
    columns: {
      id: 'Item type id',
      project_id: 'pm_projects.id',
      name: 'Type name, unique in the project (case aside) and never a built-in type\'s, e.g. Risk',
      icon: 'An emoji or short symbol shown on cards',
      colour: 'Colour as #rrggbb',
      can_be_parent: '1 when its items may hold sub-tasks, else 0',
      position: 'Order in pickers, lowest first',
      removed_at_ms: `When the type was removed, ${TIME}; NULL while it is a type of the project`,
    },
  },
  pm_custom_fields: {
    about: "Fields a project's admins added to its items (set_custom_fields). A removed field keeps its row so history can name it; its values are gone from the items.",
    columns: {
      id: 'Custom field id',
      project_id: 'pm_projects.id',
      name: 'Field name, unique in the project (case aside), e.g. Severity',
      kind: 'TEXT, NUMBER, DATE (YYYY-MM-DD), SINGLE_SELECT, MULTI_SELECT or PERSON (a pm_users.id): which column of pm_work_item_field_values holds a value',
      options_json: 'The options of a select as a JSON array of names, in the order offered; [] for other kinds',
      item_types_json: 'The item types it applies to as a JSON array of built-in type names and pm_item_types.id of the project\'s own types (e.g. ["BUG"]); [] for every type. An item of its own type counts as that type only, not as TASK',
      required: '1 when a new item of those types needs a value and a value cannot be cleared, else 0',
      position: 'Order in the item panel, lowest first',
      removed_at_ms: `When the field was removed, ${TIME}; NULL while it is a field of the project`,
    },
  },
  pm_work_item_field_values: {
    about: "Each item's value of each custom field (pm_custom_fields) that has one; a field with no value has no row. Easier to read: pm_custom_values_<project key>.",
    columns: {
      work_item_id: 'pm_work_items.id',
      field_id: 'pm_custom_fields.id',
      value_text: 'TEXT: the text; DATE: YYYY-MM-DD; SINGLE_SELECT: the option; MULTI_SELECT: the options joined by ", "; PERSON: the pm_users.id; NULL for NUMBER',
      value_number: 'NUMBER: the number; NULL for other kinds',
      value_json: 'MULTI_SELECT: the options as a JSON array; NULL for other kinds',
    },
  },
  pm_work_item_links: {
    about: 'Links between work items, possibly of different projects. A link whose item is deleted is hidden with it and back on its restore.',
    columns: {
      id: 'Link id',
      from_id: 'pm_work_items.id the link reads from',
      to_id: 'pm_work_items.id the link reads to',
      kind: 'BLOCKS (from blocks to; to is blocked by from), RELATES_TO (no direction) or DUPLICATES (from duplicates to)',
      created_at_ms: `When linked, ${TIME}`,
      created_by: 'pm_users.id of who linked them',
    },
  },
  pm_work_item_links_readable: {
    about: 'View: links with both items by key and title.',
    columns: {
      id: 'pm_work_item_links.id',
      from_key: 'Key of the item the link reads from',
      from_title: 'Its title',
      kind: 'BLOCKS, RELATES_TO or DUPLICATES',
      to_key: 'Key of the item the link reads to',
      to_title: 'Its title',
      created_by: 'Display name of who linked them',
      created_at_utc: 'When linked, UTC text',
      is_hidden: '1 while either item is deleted, else 0',
    },
  },
  pm_attachments: {
    about:
      "Files attached to work items. The bytes are in the tenant's folder at attachments/<first two hex digits of sha256>/<sha256>, stored once however often they are attached. A deleted attachment keeps its row with deleted_at_ms set; a deleted item's attachments stay as they were.",
    columns: {
      id: 'Attachment id',
      work_item_id: 'pm_work_items.id it is attached to',
      project_id: 'pm_projects.id of that item',
      sha256: 'Hex SHA-256 of the bytes, which names the stored file',
      file_name: 'The name it was uploaded with',
      content_type: 'Media type it is served with: image/png, image/jpeg, image/gif or image/webp only when the bytes are that image, else the type the uploader gave (application/octet-stream when none)',
      size: 'Size in bytes',
      uploaded_by: 'pm_users.id of who uploaded it',
      uploaded_at_ms: `When uploaded, ${TIME}`,
      deleted_at_ms: `When deleted, ${TIME}; NULL while live`,
    },
  },
  pm_attachments_readable: {
    about: 'View: attachments with their item key and uploader by name.',
    columns: {
      id: 'pm_attachments.id',
      item_key: 'Key of the work item, e.g. WEB-12',
      file_name: 'File name',
      content_type: 'Media type',
      size: 'Size in bytes',
      uploaded_by: 'Display name of who uploaded it',
      uploaded_at_utc: 'When uploaded, UTC text',
      is_deleted: '1 when deleted, else 0',
    },
  },
  pm_work_logs: {
    about: 'Time spent on work items. A deleted log keeps its row with deleted_at_ms set and no longer counts.',
    columns: {
      id: 'Work log id',
      work_item_id: 'pm_work_items.id',
      project_id: 'pm_projects.id',
      user_id: 'pm_users.id of who did the work',
      started_at_ms: `When the work began, ${TIME}`,
      minutes: 'Minutes spent',
      note: 'What was done',
      version: 'Optimistic-concurrency version, +1 per edit and on delete',
      created_at_ms: `When logged, ${TIME}`,
      updated_at_ms: `Last change, ${TIME}`,
      deleted_at_ms: `When deleted, ${TIME}; NULL while it counts`,
    },
  },
  pm_timers: {
    about: "Each person's running timer (at most one); stopping it logs the time.",
    columns: {
      user_id: 'pm_users.id',
      work_item_id: 'pm_work_items.id it runs on',
      started_at_ms: `When it started, ${TIME}`,
    },
  },
  pm_sprint_capacity: {
    about: "Each member's availability in a sprint; the sprint's capacity in hours and points follows from it and the project's velocity.",
    columns: {
      sprint_id: 'pm_sprints.id',
      user_id: 'pm_users.id of the member',
      days_off: 'Working days of the sprint the member is away',
      focus_percent: "Share of a working day that goes to the sprint's work, 0-100",
      hours_per_day: "Working hours in the member's day",
    },
  },
  pm_watchers: {
    about: 'Who watches which work item: comments on it and changes of its status notify them. The creator, the assignee and commenters watch without asking.',
    columns: {
      work_item_id: 'pm_work_items.id',
      user_id: 'pm_users.id of the watcher',
      since_ms: `Since when, ${TIME}`,
    },
  },
  pm_notifications: {
    about: "Each person's inbox. Changes of one kind to one item (or sprint) while unread are one row: count says how many, actor and excerpt are the latest's.",
    columns: {
      id: 'Notification id',
      user_id: 'pm_users.id of the person notified',
      kind: 'MENTIONED, ASSIGNED, COMMENTED (on a watched item), STATUS_CHANGED (of a watched item), SPRINT_STARTED or SPRINT_COMPLETED',
      project_id: 'pm_projects.id',
      work_item_id: 'pm_work_items.id, or NULL for a sprint',
      sprint_id: 'pm_sprints.id for a sprint notification, else NULL',
      actor_id: 'pm_users.id of who acted last',
      count: 'How many changes this row stands for',
      excerpt: "The latest change's words: a comment's start, a status name",
      created_at_ms: `First change, ${TIME}`,
      updated_at_ms: `Latest change, ${TIME}`,
      read_at_ms: `When marked read, ${TIME}; NULL while unread`,
    },
  },
  pm_notification_settings: {
    about: 'The notification kinds each person turned off.',
    columns: {
      user_id: 'pm_users.id',
      muted: 'Comma-separated kinds not to make, e.g. COMMENTED,STATUS_CHANGED',
    },
  },
  pm_webhooks: {
    about: 'Outgoing webhooks a workspace owner or admin registered: each matching project event is POSTed to the URL as signed JSON (docs/PROTOCOL.md §2.7).',
    columns: {
      id: 'Webhook id',
      url: 'The http(s) URL deliveries are POSTed to',
      secret_sealed: 'The signing secret, encrypted with the server\'s key (DATA_DIR/_keys/webhooks.key): not readable from this file alone',
      all_projects: '1: events of every project, now and later; 0: only the projects in pm_webhook_projects',
      created_at_ms: `Registration time, ${TIME}`,
      created_by: 'pm_users.id of who registered it',
      updated_at_ms: `Last change (URL, kinds, projects, secret), ${TIME}`,
    },
  },
  pm_webhook_event_kinds: {
    about: 'The event kinds each webhook receives.',
    columns: {
      webhook_id: 'pm_webhooks.id',
      kind: 'work_item.created, work_item.changed, work_item.deleted, work_item.restored, comment, sprint, member or link',
    },
  },
  pm_webhook_projects: {
    about: 'The projects a webhook with all_projects = 0 receives events of.',
    columns: {
      webhook_id: 'pm_webhooks.id',
      project_id: 'pm_projects.id',
    },
  },
  pm_webhook_deliveries: {
    about: 'One row per event per matching webhook, written in the transaction that stored the event; sent at least once, retried with backoff until give_up_at_ms.',
    columns: {
      id: 'Delivery id, sent as the Tandem-Delivery-Id header and in the body; the same on every attempt, so a receiver can drop repeats',
      webhook_id: 'pm_webhooks.id',
      project_id: 'pm_projects.id of the event',
      event_seq: 'pm_events.seq of the event',
      kind: 'The event kind (as in pm_webhook_event_kinds)',
      body: 'The JSON body sent, the same on every attempt',
      state: 'PENDING (waiting or being sent), DELIVERED (a 2xx answer) or FAILED (given up)',
      created_at_ms: `When the event was stored, ${TIME}`,
      next_attempt_at_ms: `When a PENDING delivery is next due, ${TIME}`,
      give_up_at_ms: `A failed attempt at or after this time marks the delivery FAILED, ${TIME}`,
      lease_owner: 'Which instance\'s claim is sending it now, or NULL',
      lease_until_ms: `Until when that claim holds; after it another instance may send, ${TIME}`,
      finished_at_ms: `When it became DELIVERED or FAILED, ${TIME}, or NULL`,
    },
  },
  pm_webhook_attempts: {
    about: 'Every attempt to send a delivery, with its outcome.',
    columns: {
      id: 'Attempt id',
      delivery_id: 'pm_webhook_deliveries.id',
      attempt: 'Number of the attempt, from 1',
      instance: 'INSTANCE_NAME of the server that sent it',
      started_at_ms: `When it was sent, ${TIME}`,
      duration_ms: 'How long until the answer or the failure, in milliseconds',
      status_code: 'The HTTP status answered, or NULL when none came',
      error: 'Why it failed (HTTP status, timeout, refused address...), or NULL for a 2xx',
    },
  },
  pm_comments_readable: {
    about: 'View: comments with their item and author by name.',
    columns: {
      id: 'pm_comments.id',
      project_key: 'Project key',
      work_item_key: 'Key of the item the comment is on',
      work_item_title: 'Title of that item',
      author: 'Display name of the author',
      body: 'Comment text (markdown)',
      created_at_utc: 'When written, UTC text',
      edited_at_utc: 'Last edit, UTC text, or NULL',
      is_deleted: '1 when deleted, else 0',
    },
  },
  pm_sprints_readable: {
    about: 'View: sprints with their project key and what they hold now (live items only).',
    columns: {
      id: 'pm_sprints.id',
      project_key: 'Project key',
      name: 'Sprint name',
      goal: 'Sprint goal',
      state: 'PLANNED, ACTIVE or COMPLETED',
      start_date: 'Planned first day, YYYY-MM-DD, or empty',
      end_date: 'Planned last day, YYYY-MM-DD, or empty',
      started_at_utc: 'When started, UTC text, or NULL',
      completed_at_utc: 'When completed, UTC text, or NULL',
      items: 'Live items in the sprint',
      points: 'Sum of their story points',
      items_done: 'Of those, items in a COMPLETED or CANCELED status',
    },
  },
  pm_search: {
    about: 'Full-text index (FTS5) of work items and comments, kept by triggers. Query with MATCH; join pm_search_rows on search_rowid = pm_search.rowid to find the item or comment, and leave out deleted ones (their rows stay for a restore).',
    columns: {
      key: 'Work item key, e.g. WEB-12 (empty for a comment)',
      title: 'Work item title (empty for a comment)',
      body: 'Work item description, or comment body (markdown)',
    },
  },
  pm_search_rows: {
    about: 'Which work item or comment each pm_search row indexes.',
    columns: {
      entity_id: 'pm_work_items.id or pm_comments.id',
      work_item_id: 'pm_work_items.id (the item itself, or the item a comment is on)',
      project_id: 'pm_projects.id',
      search_rowid: 'pm_search.rowid',
    },
  },
  ...ftsShadowTables('pm_search'),
  pm_activity_readable: {
    about: 'View: the audit log with names instead of ids.',
    columns: {
      id: 'pm_activity.id',
      project_key: 'Project key',
      work_item_key: 'Work item key or NULL',
      entity_type: 'What changed',
      field: 'The changed field',
      old_value: 'Value before',
      new_value: 'Value after',
      actor: 'Display name of who made the change',
      occurred_at_utc: 'When, UTC text',
      event_seq: 'Event seq',
    },
  },
};

/** FTS5's own tables behind a full-text index: internal, never to be read or written directly. */
function ftsShadowTables(index: string): Docs {
  const internal = (what: string, columns: string[]): Docs[string] => ({
    about: `Internal to the FTS5 index ${index} (${what}); query ${index} instead.`,
    columns: Object.fromEntries(columns.map((c) => [c, `FTS5 internal (${c})`])),
  });
  return {
    [`${index}_data`]: internal('index segments', ['id', 'block']),
    [`${index}_idx`]: internal('segment directory', ['segid', 'term', 'pgno']),
    [`${index}_content`]: internal('stored text of each row', ['id', 'c0', 'c1', 'c2']),
    [`${index}_docsize`]: internal('token counts per row', ['id', 'sz']),
    [`${index}_config`]: internal('settings', ['k', 'v']),
  };
}

/**
 * Replaces pm_schema_docs with the rows of the tables and views the file has
 * now. The per-project custom field views are described when they are made
 * (storage/custom-fields.ts), so their rows stay.
 */
export function writeSchemaDocs(db: Database): void {
  const present = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").all() as { name: string }[]).map((r) => r.name));
  db.prepare("DELETE FROM pm_schema_docs WHERE substr(table_name, 1, ?) <> ?").run(CUSTOM_VALUES_VIEW_PREFIX.length, CUSTOM_VALUES_VIEW_PREFIX);
  const insert = db.prepare('INSERT INTO pm_schema_docs (table_name, column_name, description) VALUES (?, ?, ?)');
  for (const row of schemaDocRows()) if (present.has(row[0])) insert.run(...row);
}

function schemaDocRows(): Array<[table: string, column: string, description: string]> {
  return Object.entries(SCHEMA_DOCS).flatMap(([table, doc]) => [
    [table, '', doc.about] as [string, string, string],
    ...Object.entries(doc.columns).map(([col, text]) => [table, col, text] as [string, string, string]),
  ]);
}

