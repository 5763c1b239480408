// The per-project event log: seq is gap-free because it is taken from the
// project row inside the same write transaction that stores the event.
import { pb, type IEvent } from '../../../shared/proto.ts';
import { prepared, tenantQueries as q, type SqlRunner } from './sql.ts';
import type { EntityType } from './tables.ts';

export interface AppendedEvent {
  projectId: string;
  seq: number;
  /** The Event as stored and sent. */
  payload: Uint8Array;
}

// A read and a plain UPDATE rather than UPDATE ... RETURNING, which costs
// twice as much here; inside the write transaction nothing else moves the seq.
const lastSeq = prepared((projectId: string) =>
  q.selectFrom('pm_projects').select('last_event_seq').where('id', '=', projectId));
const setSeq = prepared((projectId: string, seq: number) =>
  q.updateTable('pm_projects').set({ last_event_seq: seq }).where('id', '=', projectId));
const insertEvent = prepared(
  (projectId: string, seq: number, kind: EntityType, entityId: string, actorId: string, at: number, fields: string, payload: Uint8Array) =>
    q.insertInto('pm_events').values({
      project_id: projectId, seq, kind, entity_id: entityId, actor_id: actorId, occurred_at_ms: at, changed_fields: fields, payload,
    }),
);
const seqOf = prepared((projectId: string) => q.selectFrom('pm_projects').select('last_event_seq').where('id', '=', projectId));

export function nextSeq(db: SqlRunner, projectId: string): number {
  const row = db.get(lastSeq(projectId));
  if (!row) throw new Error(`project ${projectId} vanished inside a write`);
  const seq = row.last_event_seq + 1;
  db.run(setSeq(projectId, seq));
  return seq;
}

export function appendEvent(
  db: SqlRunner,
  event: IEvent & { projectId: string; seq: number; actorId: string; occurredAtMs: number },
  kind: EntityType,
  entityId: string,
  changedFields: readonly string[],
): AppendedEvent {
  const payload = pb.Event.encode(event).finish();
  db.run(insertEvent(event.projectId, event.seq, kind, entityId, event.actorId, event.occurredAtMs, changedFields.join(','), payload));
  return { projectId: event.projectId, seq: event.seq, payload };
}

export function currentSeq(db: SqlRunner, projectId: string): number {
  return db.get(seqOf(projectId))?.last_event_seq ?? 0;
}

/** The oldest seq still in the log, or null when the log is empty. */
export function oldestSeq(db: SqlRunner, projectId: string): number | null {
  const row = db.get(
    q.selectFrom('pm_events').select('seq').where('project_id', '=', projectId).orderBy('seq', 'asc').limit(1),
  );
  return row?.seq ?? null;
}

/** Stored events with seq in (after, upTo], oldest first. */
export function eventsBetween(
  db: SqlRunner,
  projectId: string,
  after: number,
  upTo: number,
): Array<{ seq: number; payload: Uint8Array }> {
  return db.all(
    q.selectFrom('pm_events')
      .select(['seq', 'payload'])
      .where('project_id', '=', projectId)
      .where('seq', '>', after)
      .where('seq', '<=', upTo)
      .orderBy('seq', 'asc'),
  );
}

/** Keeps the newest `keep` events of each project; older catch-ups get RESYNC_REQUIRED. */
export function trimEventLog(db: SqlRunner, keep: number): number {
  return db.run(
    q.deleteFrom('pm_events').where(({ eb, selectFrom }) =>
      eb(
        'seq',
        '<=',
        selectFrom('pm_projects as p')
          .select((e) => e('p.last_event_seq', '-', keep).as('cutoff'))
          .whereRef('p.id', '=', 'pm_events.project_id'),
      ),
    ),
  );
}
