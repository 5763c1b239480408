// Row types of a tenant database, as kysely sees them (see tenancy/schema-v1.ts).
import type { Generated } from 'kysely';
import type { WebhookEventKind } from '../../../shared/domain/webhook-events.ts';

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  tenant_role: 'owner' | 'admin' | 'member';
  created_at_ms: number;
  last_seen_at_ms: number;
}

export interface ProjectRow {
  id: string;
  key: string;
  name: string;
  description: string;
  version: number;
  last_event_seq: number;
  next_item_number: number;
  created_at_ms: number;
  created_by: string;
  updated_at_ms: number;
  archived_at_ms: number | null;
  deleted_at_ms: number | null;
  /** 0 or 1. */
  pull_mode: number;
}

export interface ProjectFormerKeyRow {
  key: string;
  project_id: string;
  retired_at_ms: number;
}

export type StatusCategoryName = 'BACKLOG' | 'UNSTARTED' | 'STARTED' | 'COMPLETED' | 'CANCELED';

export interface WorkflowStatusRow {
  id: string;
  project_id: string;
  name: string;
  category: StatusCategoryName;
  position: number;
  wip_limit: number;
  removed_at_ms: number | null;
}

export type RoleName = 'VIEWER' | 'EDITOR' | 'ADMIN';

export interface ProjectMemberRow {
  project_id: string;
  user_id: string;
  role: RoleName;
  added_at_ms: number;
  added_by: string;
}

export type SprintStateName = 'PLANNED' | 'ACTIVE' | 'COMPLETED';

export interface SprintRow {
  id: string;
  project_id: string;
  name: string;
  goal: string;
  state: SprintStateName;
  start_date: string;
  end_date: string;
  version: number;
  created_at_ms: number;
  created_by: string;
  updated_at_ms: number;
  started_at_ms: number | null;
  completed_at_ms: number | null;
  deleted_at_ms: number | null;
}

export type ItemTypeName = 'EPIC' | 'STORY' | 'TASK' | 'BUG' | 'SUBTASK';
export type PriorityName = 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH' | 'URGENT';

export interface WorkItemRow {
  id: string;
  project_id: string;
  number: number;
  key: string;
  item_type: ItemTypeName;
  parent_id: string | null;
  title: string;
  description: string;
  status_id: string;
  priority: PriorityName;
  story_points: number | null;
  assignee_id: string | null;
  sprint_id: string | null;
  rank: string;
  version: number;
  created_at_ms: number;
  created_by: string;
  updated_at_ms: number;
  updated_by: string;
  deleted_at_ms: number | null;
  start_date: string | null;
  due_date: string | null;
  original_estimate_minutes: number | null;
  remaining_estimate_minutes: number | null;
  logged_minutes: number;
  /** pm_item_types.id of the project's own type (migration 15); NULL for a built-in type. item_type is then TASK. */
  custom_type_id: string | null;
}

export interface LabelRow {
  id: string;
  project_id: string;
  name: string;
  color: string;
}

export interface WorkItemLabelRow {
  work_item_id: string;
  label_id: string;
}

export interface CommentRow {
  id: string;
  work_item_id: string;
  author_id: string;
  body: string;
  created_at_ms: number;
  edited_at_ms: number | null;
  version: number;
  deleted_at_ms: number | null;
}

export type EntityType = 'project' | 'work_item' | 'comment' | 'sprint' | 'member';

export interface ActivityRow {
  id: Generated<number>;
  project_id: string;
  entity_type: EntityType;
  entity_id: string;
  work_item_id: string | null;
  field: string;
  old_value: string | null;
  new_value: string | null;
  actor_id: string;
  occurred_at_ms: number;
  event_seq: number;
}

export interface EventRow {
  project_id: string;
  seq: number;
  kind: EntityType;
  entity_id: string;
  actor_id: string;
  occurred_at_ms: number;
  changed_fields: string;
  payload: Uint8Array;
}

export interface IdempotencyRow {
  user_id: string;
  message_id: string;
  reply: Uint8Array;
  created_at_ms: number;
}

export interface TenantSchema {
  pm_users: UserRow;
  pm_projects: ProjectRow;
  pm_project_former_keys: ProjectFormerKeyRow;
  pm_workflow_statuses: WorkflowStatusRow;
  pm_project_members: ProjectMemberRow;
  pm_sprints: SprintRow;
  pm_work_items: WorkItemRow;
  pm_labels: LabelRow;
  pm_work_item_labels: WorkItemLabelRow;
  pm_comments: CommentRow;
  pm_activity: ActivityRow;
  pm_events: EventRow;
  pm_idempotency_keys: IdempotencyRow;
  pm_work_item_links: WorkItemLinkRow;
  pm_work_logs: WorkLogRow;
  pm_sprint_capacity: SprintCapacityRow;
  pm_timers: TimerRow;
  pm_attachments: AttachmentRow;
  pm_watchers: WatcherRow;
  pm_notifications: NotificationRow;
  pm_notification_settings: NotificationSettingsRow;
  pm_webhooks: WebhookRow;
  pm_webhook_event_kinds: WebhookEventKindRow;
  pm_webhook_projects: WebhookProjectRow;
  pm_webhook_deliveries: WebhookDeliveryRow;
  pm_webhook_attempts: WebhookAttemptRow;
  pm_search: SearchTextRow;
  pm_search_rows: SearchRowsRow;
  pm_custom_fields: CustomFieldRow;
  pm_work_item_field_values: FieldValueRow;
  pm_item_types: ItemTypeRow;
}

/** A project's own item type (migration 15); a removed one keeps its row for history. */
export interface ItemTypeRow {
  id: string;
  project_id: string;
  name: string;
  icon: string;
  /** #rrggbb. */
  colour: string;
  /** 0 or 1. */
  can_be_parent: number;
  position: number;
  removed_at_ms: number | null;
}

export type CustomFieldKindName = 'TEXT' | 'NUMBER' | 'DATE' | 'SINGLE_SELECT' | 'MULTI_SELECT' | 'PERSON';

/** A project's custom field (migration 14); a removed one keeps its row for history. */
export interface CustomFieldRow {
  id: string;
  project_id: string;
  name: string;
  kind: CustomFieldKindName;
  /** JSON array of option names. */
  options_json: string;
  /** JSON array of ItemType names; [] for every type. */
  item_types_json: string;
  /** 0 or 1. */
  required: number;
  position: number;
  removed_at_ms: number | null;
}

/** One item's value of one field, in the column(s) its kind uses (schema-v14-custom-fields.ts). */
export interface FieldValueRow {
  work_item_id: string;
  field_id: string;
  value_text: string | null;
  value_number: number | null;
  value_json: string | null;
}

/** The FTS5 index of items and comments (migration 3, kept by triggers: never written from here). */
export interface SearchTextRow {
  rowid: number;
  key: string;
  title: string;
  body: string;
}

/** Which item or comment each pm_search row is. */
export interface SearchRowsRow {
  entity_id: string;
  work_item_id: string;
  project_id: string;
  search_rowid: number;
}

export type LinkKindName = 'BLOCKS' | 'RELATES_TO' | 'DUPLICATES';

export interface WorkItemLinkRow {
  id: string;
  from_id: string;
  to_id: string;
  kind: LinkKindName;
  created_at_ms: number;
  created_by: string;
}

export type NotificationKindName = 'MENTIONED' | 'ASSIGNED' | 'COMMENTED' | 'STATUS_CHANGED' | 'SPRINT_STARTED' | 'SPRINT_COMPLETED';

export interface WatcherRow {
  work_item_id: string;
  user_id: string;
  since_ms: number;
}

export interface NotificationRow {
  id: string;
  user_id: string;
  kind: NotificationKindName;
  project_id: string;
  work_item_id: string | null;
  sprint_id: string | null;
  actor_id: string;
  count: number;
  excerpt: string;
  created_at_ms: number;
  updated_at_ms: number;
  read_at_ms: number | null;
}

export interface NotificationSettingsRow {
  user_id: string;
  muted: string;
}

/** Outgoing webhooks (migration 8). */
export interface WebhookRow {
  id: string;
  url: string;
  secret_sealed: string;
  all_projects: 0 | 1;
  created_at_ms: number;
  created_by: string;
  updated_at_ms: number;
}

export interface WebhookEventKindRow {
  webhook_id: string;
  kind: WebhookEventKind;
}

export interface WebhookProjectRow {
  webhook_id: string;
  project_id: string;
}

export type DeliveryState = 'PENDING' | 'DELIVERED' | 'FAILED';

export interface WebhookDeliveryRow {
  id: string;
  webhook_id: string;
  project_id: string;
  event_seq: number;
  kind: WebhookEventKind;
  body: string;
  state: DeliveryState;
  created_at_ms: number;
  next_attempt_at_ms: number;
  give_up_at_ms: number;
  lease_owner: string | null;
  lease_until_ms: number;
  finished_at_ms: number | null;
}

export interface WebhookAttemptRow {
  id: Generated<number>;
  delivery_id: string;
  attempt: number;
  instance: string;
  started_at_ms: number;
  duration_ms: number;
  status_code: number | null;
  error: string | null;
}

export interface WorkLogRow {
  id: string;
  work_item_id: string;
  project_id: string;
  user_id: string;
  started_at_ms: number;
  minutes: number;
  note: string;
  version: number;
  created_at_ms: number;
  updated_at_ms: number;
  deleted_at_ms: number | null;
}

export interface TimerRow {
  user_id: string;
  work_item_id: string;
  started_at_ms: number;
}

/** Files on work items (migration 10); the bytes are stored by sha256 beside the file. */
export interface AttachmentRow {
  id: string;
  work_item_id: string;
  project_id: string;
  sha256: string;
  file_name: string;
  content_type: string;
  size: number;
  uploaded_by: string;
  uploaded_at_ms: number;
  deleted_at_ms: number | null;
}

export interface SprintCapacityRow {
  sprint_id: string;
  user_id: string;
  days_off: number;
  focus_percent: number;
  hours_per_day: number;
}
