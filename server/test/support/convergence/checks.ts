// The convergence rules, each a function that returns what it found wrong
// (one line per finding, prefixed with its rule id); empty means it holds.
import Database from 'better-sqlite3';
import { pb, type IComment, type IEvent, type IResult } from '../../../../shared/proto.ts';
import type { CommandName } from '../../../../shared/proto.ts';
import {
  normComment, normItem, normMember, normProject, normSprint, partialKeys, type Board, type BoardModel,
} from './model.ts';

// ------------------------------------------------------------------ CONV-1

type Entity = Record<string, unknown>;

function diffEntities(what: string, client: Map<string, Entity>, server: Map<string, Entity>, label: (e: Entity) => string): string[] {
  const out: string[] = [];
  for (const [id, s] of server) {
    const c = client.get(id);
    if (!c) {
      out.push(`${what} ${label(s)} is missing (server has it at version ${String(s['version'] ?? '-')})`);
      continue;
    }
    const fields = Object.keys(s).filter((k) => JSON.stringify(c[k]) !== JSON.stringify(s[k]));
    if (fields.length > 0) {
      out.push(`${what} ${label(s)} differs: ${fields.map((k) => `${k} client=${JSON.stringify(c[k])} server=${JSON.stringify(s[k])}`).join('; ')}`);
    }
  }
  for (const [id, c] of client) if (!server.has(id)) out.push(`${what} ${label(c)} is on the client but not on the server (version ${String(c['version'] ?? '-')})`);
  return out;
}

const byId = <T extends Entity>(list: T[], key = 'id') => new Map(list.map((e) => [String(e[key]), e as Entity]));

/**
 * CONV-1: the board a client built from events and its own Results is the
 * board the server answers now: the same live items, sprints, members and
 * project, field for field, and the same live comments on every item whose
 * comments it follows (deleted items included: get_comments still answers).
 * The project's label list is left out: no event carries it (a client
 * derives it from its items, which are compared).
 */
export function compareBoard(model: BoardModel, board: Board, comments: ReadonlyMap<string, IComment[]>): string[] {
  const items = diffEntities('item', byId(model.liveItems()), byId((board.workItems ?? []).map(normItem)), (e) => String(e['key']));
  const sprints = diffEntities('sprint', byId(model.sprintList()), byId((board.sprints ?? []).map(normSprint)), (e) => `"${String(e['name'])}"`);
  const members = diffEntities('member', byId(model.memberList(), 'userId'), byId((board.members ?? []).map(normMember), 'userId'), (e) => String(e['displayName']));
  const project = diffEntities('project', byId([model.project.value]), byId([normProject(board.project ?? {})]), (e) => String(e['key']));
  const notes: string[] = [];
  for (const [itemId, list] of comments) {
    if (!model.commentsKnown.has(itemId)) continue;
    const key = model.items.get(itemId)?.value.key ?? itemId;
    notes.push(...diffEntities(`comment on ${key}`, byId(model.liveComments(itemId)), byId(list.map(normComment)), (e) => String(e['id']).slice(0, 8)));
  }
  return [...items, ...sprints, ...members, ...project, ...notes].map((line) => `CONV-1 ${model.name}: ${line}`);
}

// ------------------------------------------------------------------ CONV-2

const ranges = (seqs: number[]) => {
  const out: string[] = [];
  for (let i = 0; i < seqs.length; ) {
    let j = i;
    while (j + 1 < seqs.length && seqs[j + 1] === seqs[j]! + 1) j++;
    out.push(i === j ? `${seqs[i]}` : `${seqs[i]}-${seqs[j]}`);
    i = j + 1;
  }
  return out.join(',');
};

/**
 * CONV-2: a client is handed every seq after the board it started from up
 * to the last, each exactly once: as an event from the feed, or as the
 * Result of its own write (the Result stands for the last event of a write;
 * the events before it come to the writer as events). For a page that was
 * reloaded away: every seq up to where its feed got.
 */
export function checkSeqs(name: string, handed: readonly number[], from: number, to: number, pageClosed = false): string[] {
  const count = new Map<number, number>();
  for (const s of handed) count.set(s, (count.get(s) ?? 0) + 1);
  const twice = [...count].filter(([, n]) => n > 1).map(([s]) => s).sort((a, b) => a - b);
  const missing: number[] = [];
  for (let s = from + 1; s <= to; s++) if (!count.has(s)) missing.push(s);
  // A page reloaded away may hold Results of its own writes past the point its
  // feed got to (waiting for the seqs between): those are not out of place.
  const outside = [...count.keys()].filter((s) => s <= from || (s > to && !pageClosed)).sort((a, b) => a - b);
  const out: string[] = [];
  if (twice.length) out.push(`seqs handed on more than once: ${ranges(twice)}`);
  if (missing.length) out.push(`seqs never handed on: ${ranges(missing)} (of ${from + 1}-${to})`);
  if (outside.length) out.push(`seqs outside ${from + 1}-${to}: ${ranges(outside)}`);
  return out.map((line) => `CONV-2 ${name}: ${line}`);
}

// ------------------------------------------------------------------ CONV-3

/** A write the server acknowledged with a Result (whoever sent it). */
export interface Acked {
  ref: string;
  userId: string;
  command: CommandName;
  result: IResult;
}

/** Writes that store one event per entity they change; every other write stores exactly one. */
const MULTI_ENTITY: ReadonlySet<CommandName> = new Set(['deleteWorkItem', 'restoreWorkItem', 'completeSprint']);

/**
 * The history rows one event must have, from what it changed: one per
 * changed field, named as the history names it; a rank and a sprint's
 * timestamps are not history.
 */
export function expectedActivity(kind: string, changed: readonly string[]): string[] {
  switch (kind) {
    case 'work_item':
      if (changed.includes('created')) return ['created'];
      if (changed.includes('deleted')) return ['deleted'];
      return changed.filter((f) => f !== 'rank');
    case 'comment':
      return changed.map((f) => ({ created: 'comment_added', body: 'comment_edited', deleted: 'comment_deleted' })[f] ?? `?${f}`);
    case 'sprint':
      return changed.filter((f) => f !== 'started_at' && f !== 'completed_at');
    case 'member':
      return changed.map((f) => (f === 'created' ? 'member_added' : f));
    default:
      return [...changed];
  }
}

/** The entity a Result carries, in comparable form. */
function resultEntity(r: IResult): string {
  if (r.workItem) return JSON.stringify(normItem(r.workItem));
  if (r.comment) return JSON.stringify(normComment(r.comment));
  if (r.sprint) return JSON.stringify(normSprint(r.sprint));
  if (r.member) return JSON.stringify(normMember(r.member));
  if (r.project) return JSON.stringify(normProject(r.project));
  return '(none)';
}

/** The entity an event carries, in the same form. */
function eventEntity(e: IEvent): string {
  if (e.workItem?.workItem) return JSON.stringify(normItem(e.workItem.workItem));
  if (e.comment?.comment) return JSON.stringify(normComment(e.comment.comment));
  if (e.sprint?.sprint) return JSON.stringify(normSprint(e.sprint.sprint));
  if (e.member?.member) return JSON.stringify(normMember(e.member.member));
  if (e.project?.project) return JSON.stringify(normProject(e.project.project));
  return '(none)';
}

interface EventRow { seq: number; kind: string; entity_id: string; actor_id: string; changed_fields: string; payload: Buffer }
interface ActivityRow { event_seq: number; field: string; entity_id: string; actor_id: string }

/** One project's event log and history rows, read from the tenant's SQLite file (read-only, beside the running servers). */
export interface TenantLog {
  events: EventRow[];
  activity: ActivityRow[];
}

export function readLog(dbPath: string, projectId: string): TenantLog {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return {
      events: db.prepare('SELECT seq, kind, entity_id, actor_id, changed_fields, payload FROM pm_events WHERE project_id = ? ORDER BY seq').all(projectId) as EventRow[],
      activity: db.prepare('SELECT event_seq, field, entity_id, actor_id FROM pm_activity WHERE project_id = ? ORDER BY id').all(projectId) as ActivityRow[],
    };
  } finally {
    db.close();
  }
}

/**
 * CONV-2, what was handed on: each event a client (or socket) was handed
 * is the event the log holds at its seq: the same entity, field for field,
 * and the same changed fields. A partial item (changed fields only) must
 * carry the logged item's identity and the changed fields' values.
 */
export function checkSentEvents(name: string, sent: readonly IEvent[], log: TenantLog): string[] {
  const logged = new Map(log.events.map((e) => [e.seq, e]));
  const out: string[] = [];
  for (const event of sent) {
    const seq = Number(event.seq ?? 0);
    if (seq === 0) continue;
    const row = logged.get(seq);
    if (!row) {
      out.push(`was handed seq ${seq}, which the log does not hold`);
      continue;
    }
    const truth = pb.Event.decode(row.payload);
    const fields = (e: IEvent) => JSON.stringify(e.workItem?.changedFields ?? e.sprint?.changedFields ?? []);
    if (fields(event) !== fields(truth)) out.push(`seq ${seq} came with changed fields ${fields(event)}, the log has ${fields(truth)}`);
    if (event.workItem?.partial) {
      const keys = partialKeys(event.workItem.changedFields ?? []);
      const partial = normItem(event.workItem.workItem ?? {});
      const whole = normItem(truth.workItem?.workItem ?? {});
      const wrong = (keys ?? []).filter((k) => JSON.stringify(partial[k]) !== JSON.stringify(whole[k]));
      if (!keys || wrong.length > 0) {
        out.push(`seq ${seq} came as a partial item that differs from the log in ${keys ? wrong.join(', ') : 'what it may carry'}`);
      }
    } else if (eventEntity(event) !== eventEntity(truth)) {
      out.push(`seq ${seq} came with another entity than the log holds:\n      sent   ${eventEntity(event)}\n      logged ${eventEntity(truth)}`);
    }
  }
  return out.map((line) => `CONV-2 ${name}: ${line}`);
}

/**
 * CONV-3: the tenant's SQLite file accounts for every acknowledged write,
 * once. The project's log is gap-free up to the board's seq; each
 * acknowledged write owns the events from just after the previous
 * acknowledged write's seq up to its own (one event, or one per entity for
 * the writes that change several), all by its user, the last carrying
 * exactly the entity its Result carries; each event has its history rows;
 * and no event belongs to no acknowledged write (a refused write, or a
 * resent one, wrote nothing).
 */
export function checkLog(log: TenantLog, acked: readonly Acked[], lastSeq: number): string[] {
  const out: string[] = [];
  const { events, activity } = log;

  const seqs = events.map((e) => e.seq);
  const gapFree = seqs.length === lastSeq && seqs.every((s, i) => s === i + 1);
  if (!gapFree) out.push(`the event log holds seqs ${ranges(seqs)}, not 1-${lastSeq}`);

  const bySeq = new Map<number, Acked[]>();
  for (const a of acked) {
    const seq = Number(a.result.seq ?? 0);
    bySeq.set(seq, [...(bySeq.get(seq) ?? []), a]);
  }
  for (const [seq, list] of bySeq) {
    if (list.length > 1) out.push(`seq ${seq} was acknowledged to ${list.length} writes (${list.map((a) => a.ref).join(', ')})`);
  }
  const eventAt = new Map(events.map((e) => [e.seq, e]));
  let prev = 0;
  for (const seq of [...bySeq.keys()].sort((a, b) => a - b)) {
    const write = bySeq.get(seq)![0]!;
    const own = events.filter((e) => e.seq > prev && e.seq <= seq);
    prev = seq;
    const last = eventAt.get(seq);
    if (!last) {
      out.push(`${write.ref} (${write.command}) was acknowledged with seq ${seq}, which the log does not hold`);
      continue;
    }
    if (own.length > 1 && !MULTI_ENTITY.has(write.command)) {
      out.push(`seqs ${ranges(own.slice(0, -1).map((e) => e.seq))} belong to no acknowledged write (just before ${write.ref}'s seq ${seq}: a write applied twice, or one applied but refused?)`);
    } else {
      for (const e of own) {
        if (e.actor_id !== write.userId) out.push(`seq ${e.seq}, in ${write.ref}'s span, was written by ${e.actor_id}, not by ${write.userId}`);
      }
    }
    const logged = eventEntity(pb.Event.decode(last.payload));
    const answered = resultEntity(write.result);
    if (logged !== answered) {
      out.push(`${write.ref}'s Result does not carry what its seq ${seq} logged:\n      result ${answered}\n      logged ${logged}`);
    }
  }
  const orphans = events.filter((e) => e.seq > prev).map((e) => e.seq);
  if (orphans.length) out.push(`seqs ${ranges(orphans)} belong to no acknowledged write`);

  const rowsBySeq = new Map<number, ActivityRow[]>();
  for (const row of activity) rowsBySeq.set(row.event_seq, [...(rowsBySeq.get(row.event_seq) ?? []), row]);
  for (const e of events) {
    const rows = rowsBySeq.get(e.seq) ?? [];
    rowsBySeq.delete(e.seq);
    const want = expectedActivity(e.kind, e.changed_fields ? e.changed_fields.split(',') : []).sort();
    const got = rows.map((r) => r.field).sort();
    if (JSON.stringify(want) !== JSON.stringify(got)) {
      out.push(`seq ${e.seq} (${e.kind} ${e.changed_fields}) has history rows [${got.join(', ')}], expected [${want.join(', ')}]`);
    }
    for (const r of rows) {
      if (r.actor_id !== e.actor_id || r.entity_id !== e.entity_id) out.push(`seq ${e.seq}'s history row ${r.field} names another actor or entity than its event`);
    }
  }
  for (const seq of rowsBySeq.keys()) out.push(`history rows point at seq ${seq}, which the log does not hold`);
  return out.map((line) => `CONV-3 ${line}`);
}
