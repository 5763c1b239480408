// The peer's write rules over Tandem's own tenant schema, in the plain
// better-sqlite3 style a Node team would write: prepared SQL, one IMMEDIATE
// transaction per write holding the idempotency check, the version check,
// the row, one activity row per changed field, the event with the project's
// next seq, and the stored reply.
import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type {
  CreateProject, CreateWorkItem, PeerError, PeerEvent, PeerProject, PeerReply, PeerWorkItem, Subscribe, UpdateWorkItem,
} from './wire.ts';

export interface PeerCaller {
  tenantId: string;
  userId: string;
  displayName: string;
  tenantRole: 'owner' | 'admin' | 'member';
}

export class PeerFailure extends Error {
  constructor(readonly error: PeerError) {
    super(error.message);
  }
}

const fail = (code: PeerError['code'], message: string, extra: Partial<PeerError> = {}) => new PeerFailure({ code, message, ...extra });

interface ItemRow {
  id: string; project_id: string; number: number; key: string; item_type: string; parent_id: string | null; title: string;
  description: string; status_id: string; priority: string; story_points: number | null; assignee_id: string | null;
  sprint_id: string | null; rank: string; version: number; created_at_ms: number; created_by: string; updated_at_ms: number;
  updated_by: string; deleted_at_ms: number | null;
}

const WORKFLOW: Array<[string, string]> = [
  ['Backlog', 'BACKLOG'], ['To Do', 'UNSTARTED'], ['In Progress', 'STARTED'], ['In Review', 'STARTED'], ['Done', 'COMPLETED'],
];

/** Wire field -> column, for the fields an update may carry. */
const UPDATABLE = { title: 'title', description: 'description', statusId: 'status_id', priority: 'priority' } as const;

export interface WriteOutcome {
  reply: PeerReply;
  /** The event to broadcast; null for a replayed message id or a refusal. */
  event: PeerEvent | null;
}

export class PeerStore {
  private readonly sql: Record<string, Statement>;

  constructor(private readonly db: Database) {
    const prepare = (text: string) => db.prepare(text);
    this.sql = {
      upsertUser: prepare(`INSERT INTO pm_users (id, email, display_name, tenant_role, created_at_ms, last_seen_at_ms) VALUES (?, '', ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, tenant_role = excluded.tenant_role, last_seen_at_ms = excluded.last_seen_at_ms`),
      reply: prepare('SELECT reply FROM pm_idempotency_keys WHERE user_id = ? AND message_id = ?'),
      storeReply: prepare('INSERT INTO pm_idempotency_keys (user_id, message_id, reply, created_at_ms) VALUES (?, ?, ?, ?)'),
      project: prepare('SELECT id, key, name, version, last_event_seq FROM pm_projects WHERE id = ?'),
      projectByKey: prepare('SELECT id FROM pm_projects WHERE key = ?'),
      memberRole: prepare('SELECT role FROM pm_project_members WHERE project_id = ? AND user_id = ?'),
      statuses: prepare('SELECT id, name, category FROM pm_workflow_statuses WHERE project_id = ? ORDER BY position'),
      insertProject: prepare(`INSERT INTO pm_projects (id, key, name, description, version, last_event_seq, next_item_number, created_at_ms, created_by, updated_at_ms)
        VALUES (?, ?, ?, '', 1, 0, 1, ?, ?, ?)`),
      insertStatus: prepare('INSERT INTO pm_workflow_statuses (id, project_id, name, category, position) VALUES (?, ?, ?, ?, ?)'),
      insertMember: prepare(`INSERT INTO pm_project_members (project_id, user_id, role, added_at_ms, added_by) VALUES (?, ?, 'ADMIN', ?, ?)`),
      takeNumber: prepare('UPDATE pm_projects SET next_item_number = next_item_number + 1 WHERE id = ? RETURNING next_item_number - 1 AS number'),
      takeSeq: prepare('UPDATE pm_projects SET last_event_seq = last_event_seq + 1 WHERE id = ? RETURNING last_event_seq AS seq'),
      item: prepare('SELECT * FROM pm_work_items WHERE id = ?'),
      labels: prepare('SELECT l.name FROM pm_work_item_labels wl JOIN pm_labels l ON l.id = wl.label_id WHERE wl.work_item_id = ? ORDER BY l.name'),
      insertItem: prepare(`INSERT INTO pm_work_items (id, project_id, number, key, item_type, parent_id, title, description, status_id, priority,
        story_points, assignee_id, sprint_id, rank, version, created_at_ms, created_by, updated_at_ms, updated_by, deleted_at_ms)
        VALUES (@id, @project_id, @number, @key, @item_type, @parent_id, @title, @description, @status_id, @priority,
        @story_points, @assignee_id, @sprint_id, @rank, @version, @created_at_ms, @created_by, @updated_at_ms, @updated_by, @deleted_at_ms)`),
      insertActivity: prepare(`INSERT INTO pm_activity (project_id, entity_type, entity_id, work_item_id, field, old_value, new_value, actor_id, occurred_at_ms, event_seq)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertEvent: prepare(`INSERT INTO pm_events (project_id, seq, kind, entity_id, actor_id, occurred_at_ms, changed_fields, payload)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      oldestEvent: prepare('SELECT seq FROM pm_events WHERE project_id = ? ORDER BY seq LIMIT 1'),
      eventsAfter: prepare('SELECT payload FROM pm_events WHERE project_id = ? AND seq > ? AND seq <= ? ORDER BY seq'),
    };
  }

  upsertUser(caller: PeerCaller, now: number): void {
    this.sql.upsertUser!.run(caller.userId, caller.displayName, caller.tenantRole, now, now);
  }

  createProject(caller: PeerCaller, cmd: CreateProject, now: number): WriteOutcome {
    return this.write(caller, cmd.messageId, now, () => {
      if (!/^[A-Z]{2,10}$/.test(cmd.key ?? '')) throw fail('INVALID_ARGUMENT', 'The key must be 2-10 capital letters', { field: 'key' });
      if (this.sql.projectByKey!.get(cmd.key)) throw fail('INVALID_ARGUMENT', `A project with key ${cmd.key} already exists`, { field: 'key' });
      const id = randomUUID();
      this.sql.insertProject!.run(id, cmd.key, cmd.name, now, caller.userId, now);
      WORKFLOW.forEach(([name, category], position) => this.sql.insertStatus!.run(randomUUID(), id, name, category, position));
      this.sql.insertMember!.run(id, caller.userId, now, caller.userId);
      const project: PeerProject = { id, key: cmd.key, name: cmd.name, statuses: this.statuses(id), version: 1 };
      const event = this.emit(caller, now, id, 'project', id, null, { project: { project } }, [['created', null, `${cmd.key} ${cmd.name}`]]);
      return { value: { project }, event };
    });
  }

  createWorkItem(caller: PeerCaller, cmd: CreateWorkItem, now: number): WriteOutcome {
    return this.write(caller, cmd.messageId, now, () => {
      const project = this.editableProject(caller, cmd.projectId);
      const title = checkTitle(cmd.title);
      const number = (this.sql.takeNumber!.get(project.id) as { number: number }).number;
      const row: ItemRow = {
        id: randomUUID(), project_id: project.id, number, key: `${project.key}-${number}`, item_type: 'TASK', parent_id: null, title,
        description: cmd.description ?? '', status_id: cmd.statusId, priority: 'MEDIUM', story_points: null, assignee_id: null,
        sprint_id: null, rank: String(number).padStart(12, '0'), version: 1, created_at_ms: now, created_by: caller.userId,
        updated_at_ms: now, updated_by: caller.userId, deleted_at_ms: null,
      };
      this.sql.insertItem!.run(row);
      const workItem = this.itemMessage(row);
      const event = this.emit(caller, now, project.id, 'work_item', row.id, row.id, { workItem: { workItem, changedFields: ['created'] } }, [
        ['created', null, `${row.key} ${row.title}`],
      ]);
      return { value: { workItem }, event };
    });
  }

  updateWorkItem(caller: PeerCaller, cmd: UpdateWorkItem, now: number): WriteOutcome {
    return this.write(caller, cmd.messageId, now, () => {
      const before = this.sql.item!.get(cmd.workItemId) as ItemRow | undefined;
      if (!before || before.deleted_at_ms !== null) throw fail('NOT_FOUND', 'No such work item', { field: 'work_item_id' });
      this.editableProject(caller, before.project_id);
      if (cmd.expectedVersion !== before.version) {
        throw fail('CONFLICT', `${before.key} was changed by someone else (now version ${before.version})`, { current: this.itemMessage(before) });
      }
      if (cmd.title !== undefined) checkTitle(cmd.title);
      const changes: Array<[string, string | null, string | null]> = [];
      const after: ItemRow = { ...before };
      for (const [field, column] of Object.entries(UPDATABLE) as Array<[keyof typeof UPDATABLE, (typeof UPDATABLE)[keyof typeof UPDATABLE]]>) {
        const value = cmd[field];
        if (value === undefined || value === before[column]) continue;
        after[column] = value;
        changes.push([column, before[column], value]);
      }
      if (changes.length === 0) return { value: { workItem: this.itemMessage(before) }, event: null };
      after.version = before.version + 1;
      after.updated_at_ms = now;
      after.updated_by = caller.userId;
      const sets = changes.map(([column]) => `${column} = ?`).join(', ');
      // The SET list depends on which fields changed; better-sqlite3 caches the few shapes there are.
      this.db.prepare(`UPDATE pm_work_items SET ${sets}, version = version + 1, updated_at_ms = ?, updated_by = ? WHERE id = ?`)
        .run(...changes.map(([, , value]) => value), now, caller.userId, before.id);
      const workItem = this.itemMessage(after);
      const fields = changes.map(([column]) => column);
      const event = this.emit(caller, now, before.project_id, 'work_item', before.id, before.id, { workItem: { workItem, changedFields: fields } }, changes);
      return { value: { workItem }, event };
    });
  }

  /** Access, the current seq of each project, and the stored events after each cursor. */
  subscribe(caller: PeerCaller, cmd: Subscribe): { reply: PeerReply; rooms: string[] } {
    try {
      return this.db.transaction(() => {
        const subscribed: Array<{ projectId: string; seq: number }> = [];
        const missed: PeerEvent[] = [];
        for (const cursor of cmd.projects ?? []) {
          const project = this.visibleProject(caller, cursor.projectId);
          const since = cursor.sinceSeq ?? 0;
          if (since > 0 && since < project.last_event_seq) {
            const oldest = (this.sql.oldestEvent!.get(project.id) as { seq: number } | undefined)?.seq;
            if (oldest === undefined || oldest > since + 1) throw fail('RESYNC_REQUIRED', 'Fetch the board again', { field: 'projects' });
            for (const row of this.sql.eventsAfter!.all(project.id, since, project.last_event_seq) as Array<{ payload: string }>) {
              missed.push(JSON.parse(row.payload) as PeerEvent);
            }
          }
          subscribed.push({ projectId: project.id, seq: project.last_event_seq });
        }
        return { reply: { ok: true as const, seq: 0, subscribed, missed }, rooms: subscribed.map((s) => s.projectId) };
      })();
    } catch (err) {
      if (err instanceof PeerFailure) return { reply: { ok: false, error: err.error }, rooms: [] };
      throw err;
    }
  }

  private write(
    caller: PeerCaller,
    messageId: string,
    now: number,
    run: () => { value: Omit<Extract<PeerReply, { ok: true }>, 'ok' | 'seq'>; event: PeerEvent | null },
  ): WriteOutcome {
    if (typeof messageId !== 'string' || messageId.length < 1 || messageId.length > 64) {
      return { reply: { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'messageId must be 1-64 characters', field: 'messageId' } }, event: null };
    }
    try {
      return this.db.transaction((): WriteOutcome => {
        const known = this.sql.reply!.get(caller.userId, messageId) as { reply: string } | undefined;
        if (known) return { reply: JSON.parse(known.reply) as PeerReply, event: null };
        const { value, event } = run();
        const reply: PeerReply = { ok: true, seq: event?.seq ?? 0, ...value };
        this.sql.storeReply!.run(caller.userId, messageId, JSON.stringify(reply), now);
        return { reply, event };
      }).immediate();
    } catch (err) {
      if (!(err instanceof PeerFailure)) throw err;
      const reply: PeerReply = { ok: false, error: err.error };
      // A resend of a refused command gets the same refusal, as in Tandem.
      this.db.transaction(() => {
        if (!this.sql.reply!.get(caller.userId, messageId)) this.sql.storeReply!.run(caller.userId, messageId, JSON.stringify(reply), now);
      }).immediate();
      return { reply, event: null };
    }
  }

  private emit(
    caller: PeerCaller, now: number, projectId: string, kind: 'project' | 'work_item', entityId: string, workItemId: string | null,
    change: Pick<PeerEvent, 'workItem' | 'project'>, activity: Array<[string, string | null, string | null]>,
  ): PeerEvent {
    const seq = (this.sql.takeSeq!.get(projectId) as { seq: number }).seq;
    const event: PeerEvent = { projectId, seq, actorId: caller.userId, occurredAtMs: now, ...change };
    const fields = activity.map(([field]) => field).join(',');
    this.sql.insertEvent!.run(projectId, seq, kind, entityId, caller.userId, now, fields, JSON.stringify(event));
    for (const [field, oldValue, newValue] of activity) {
      this.sql.insertActivity!.run(projectId, kind, entityId, workItemId, field, oldValue, newValue, caller.userId, now, seq);
    }
    return event;
  }

  private visibleProject(caller: PeerCaller, projectId: string): { id: string; key: string; last_event_seq: number; role: string } {
    const project = this.sql.project!.get(projectId) as { id: string; key: string; last_event_seq: number } | undefined;
    const member = project ? (this.sql.memberRole!.get(project.id, caller.userId) as { role: string } | undefined) : undefined;
    const role = caller.tenantRole === 'member' ? member?.role : 'ADMIN';
    if (!project || !role) throw fail('NOT_FOUND', 'No such project', { field: 'project_id' });
    return { ...project, role };
  }

  private editableProject(caller: PeerCaller, projectId: string) {
    const project = this.visibleProject(caller, projectId);
    if (project.role === 'VIEWER') throw fail('PERMISSION_DENIED', 'Viewers cannot change the board');
    return project;
  }

  private statuses(projectId: string) {
    return this.sql.statuses!.all(projectId) as PeerProject['statuses'];
  }

  private itemMessage(row: ItemRow): PeerWorkItem {
    const labels = (this.sql.labels!.all(row.id) as Array<{ name: string }>).map((l) => l.name);
    return {
      id: row.id, projectId: row.project_id, key: row.key, number: row.number, itemType: row.item_type, parentId: row.parent_id ?? '',
      title: row.title, description: row.description, statusId: row.status_id, priority: row.priority, storyPoints: row.story_points,
      assigneeId: row.assignee_id ?? '', sprintId: row.sprint_id ?? '', labels, rank: row.rank, version: row.version,
      createdAtMs: row.created_at_ms, createdBy: row.created_by, updatedAtMs: row.updated_at_ms, updatedBy: row.updated_by,
    };
  }
}

function checkTitle(title: unknown): string {
  if (typeof title !== 'string' || title.trim().length < 1 || title.length > 500) {
    throw fail('INVALID_ARGUMENT', 'A title is 1-500 characters', { field: 'title' });
  }
  return title;
}
