// Who a write notifies, and who starts watching, from what the write emitted
// (its events with their history rows). Lookups (watchers, members, a
// sprint's people) come in, so the rules read as the issue states them:
// - mentioned: named with @ in a new comment, or newly in a description;
// - assigned: made an item's assignee;
// - commented / status changed: on an item the person watches;
// - sprint started / completed: a sprint in which the person has items.
// Creators, assignees and commenters start watching. Never the actor.
import { mentionedIds, type Person } from '../../../shared/domain/mentions.ts';
import { SprintState, type IEvent } from '../../../shared/proto.ts';
import type { FieldChange } from '../storage/activity.ts';
import type { NotificationKindName } from '../storage/tables.ts';

/** One event of the write, as a handler emitted it. */
export interface Emitted {
  projectId: string;
  change: Pick<IEvent, 'workItem' | 'comment' | 'sprint'>;
  changedFields: readonly string[];
  activity: readonly FieldChange[];
}

export interface Draft {
  userId: string;
  kind: NotificationKindName;
  projectId: string;
  workItemId: string | null;
  sprintId: string | null;
  excerpt: string;
}

export interface Lookups {
  watchersOf(workItemId: string): readonly string[];
  peopleOf(projectId: string): readonly Person[];
  statusName(statusId: string): string;
  /** Assignees of the sprint's live items. */
  sprintPeople(sprintId: string): readonly string[];
}

export interface Outcome {
  drafts: Draft[];
  watches: Array<{ workItemId: string; userId: string }>;
}

const EXCERPT = 140;
const excerptOf = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text);
const oldValue = (e: Emitted, field: string) => e.activity.find((a) => a.field === field)?.old ?? '';

export function notificationsFor(actorId: string, emitted: readonly Emitted[], look: Lookups): Outcome {
  const out: Outcome = { drafts: [], watches: [] };
  const add = (userIds: Iterable<string>, draft: Omit<Draft, 'userId'>) => {
    for (const userId of userIds) if (userId && userId !== actorId) out.drafts.push({ ...draft, userId });
  };
  for (const e of emitted) {
    const item = e.change.workItem?.workItem;
    if (item?.id) {
      const about = { projectId: e.projectId, workItemId: item.id, sprintId: null };
      const created = e.changedFields.includes('created');
      if (created) out.watches.push({ workItemId: item.id, userId: actorId });
      if (item.assigneeId && (created || e.changedFields.includes('assignee_id'))) {
        out.watches.push({ workItemId: item.id, userId: item.assigneeId });
        add([item.assigneeId], { ...about, kind: 'ASSIGNED', excerpt: '' });
      }
      if (created || e.changedFields.includes('description')) {
        const people = look.peopleOf(e.projectId);
        const before = mentionedIds(oldValue(e, 'description'), people);
        const now = [...mentionedIds(item.description ?? '', people)].filter((id) => !before.has(id));
        add(now, { ...about, kind: 'MENTIONED', excerpt: excerptOf(item.title ?? '') });
      }
      if (!created && e.changedFields.includes('status_id')) {
        add(look.watchersOf(item.id), { ...about, kind: 'STATUS_CHANGED', excerpt: look.statusName(item.statusId ?? '') });
      }
    }
    const comment = e.change.comment?.comment;
    if (comment?.workItemId && !Number(comment.deletedAt ?? 0) && (e.changedFields.includes('created') || e.changedFields.includes('body'))) {
      const about = { projectId: e.projectId, workItemId: comment.workItemId, sprintId: null };
      const body = comment.body ?? '';
      const people = look.peopleOf(e.projectId);
      const before = e.changedFields.includes('created') ? new Set<string>() : mentionedIds(oldValue(e, 'comment_edited'), people);
      const mentioned = [...mentionedIds(body, people)].filter((id) => !before.has(id));
      add(mentioned, { ...about, kind: 'MENTIONED', excerpt: excerptOf(body) });
      if (e.changedFields.includes('created')) {
        out.watches.push({ workItemId: comment.workItemId, userId: actorId });
        add(look.watchersOf(comment.workItemId).filter((id) => !mentioned.includes(id)), { ...about, kind: 'COMMENTED', excerpt: excerptOf(body) });
      }
    }
    const sprint = e.change.sprint?.sprint;
    if (sprint?.id && e.changedFields.includes('state')) {
      const kind = sprint.state === SprintState.SPRINT_STATE_ACTIVE ? 'SPRINT_STARTED' : sprint.state === SprintState.SPRINT_STATE_COMPLETED ? 'SPRINT_COMPLETED' : null;
      // Completing a sprint moves its unfinished items out in the same write: their people count too.
      const movedOut = emitted.filter((x) => oldValue(x, 'sprint_id') === sprint.id).map((x) => x.change.workItem?.workItem?.assigneeId ?? '');
      const people = new Set([...look.sprintPeople(sprint.id), ...movedOut]);
      if (kind) add(people, { projectId: e.projectId, workItemId: null, sprintId: sprint.id, kind, excerpt: sprint.goal ?? '' });
    }
  }
  return out;
}
