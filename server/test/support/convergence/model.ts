// The board a client builds for itself: the get_board it started from, then
// every event its project feed hands on and every Result of its own writes.
// Nothing here talks to the server; the convergence checks compare this
// model with what the server answers at the end.
//
// A Result can arrive before an event with a lower seq that the feed hands on
// later (the Result of our own write overtakes another instance's event on
// its way through Redis), so each entity remembers the seq it was last set
// at and an older change never overwrites a newer one: that is what a real
// client must do too, and all it needs, since each seq stands for exactly one
// entity's state.
import type { tandem } from '../../../../shared/gen/tandem.js';
import { pb, type IComment, type IEvent, type IMember, type IProject, type IResult, type ISprint, type IWorkItem } from '../../../../shared/proto.ts';

type Full<T> = { [K in keyof T]-?: NonNullable<T[K]> };
export type Item = Full<IWorkItem>;
export type Sprint = Full<ISprint>;
export type Comment = Full<IComment>;
export type Member = Full<IMember>;
export type Project = Full<IProject>;
export type Board = tandem.v1.IBoard;

// Every field present, defaults included, int64 as numbers: two states of an
// entity compare equal exactly when their wire forms do.
const opts = { defaults: true, arrays: true } as const;
export const normItem = (x: IWorkItem) => pb.WorkItem.toObject(pb.WorkItem.fromObject(x), opts) as Item;
export const normSprint = (x: ISprint) => pb.Sprint.toObject(pb.Sprint.fromObject(x), opts) as Sprint;
export const normComment = (x: IComment) => pb.Comment.toObject(pb.Comment.fromObject(x), opts) as Comment;
export const normMember = (x: IMember) => pb.Member.toObject(pb.Member.fromObject(x), opts) as Member;
export const normProject = (x: IProject) => pb.Project.toObject(pb.Project.fromObject(x), opts) as Project;

/**
 * What a partial work item (Subscribe.changed_fields_only) carries for each
 * changed_fields name, written out here from the proto's comment rather than
 * taken from the product, so the server's compact form is checked against the
 * contract and not against itself.
 */
const PARTIAL_KEYS: Record<string, readonly (keyof Item)[]> = {
  title: ['title'],
  description: ['description'],
  item_type: ['itemType'],
  parent_id: ['parentId'],
  status_id: ['statusId'],
  priority: ['priority'],
  story_points: ['storyPoints', 'hasStoryPoints'],
  assignee_id: ['assigneeId'],
  sprint_id: ['sprintId'],
  rank: ['rank'],
  labels: ['labels'],
};
const IDENTITY: readonly (keyof Item)[] = ['id', 'projectId', 'key', 'number', 'version', 'updatedAt', 'updatedBy'];

/** The fields a partial item for these changes carries (identity first); null if one of the names cannot be carried. */
export function partialKeys(changedFields: readonly string[]): (keyof Item)[] | null {
  const keys: (keyof Item)[] = [...IDENTITY];
  for (const name of changedFields) {
    const more = PARTIAL_KEYS[name];
    if (!more) return null;
    keys.push(...more);
  }
  return keys;
}

interface Held<T> {
  value: T;
  /** The seq of the change that produced this state. */
  seq: number;
}

export class BoardModel {
  project: Held<Project>;
  private readonly boardSeq: number;
  readonly statuses: { id: string; name: string; category: number }[];
  readonly members = new Map<string, Held<Member>>();
  readonly items = new Map<string, Held<Item>>();
  readonly sprints = new Map<string, Held<Sprint>>();
  readonly comments = new Map<string, Held<Comment>>();
  /**
   * Items whose comments this client follows: those on its starting board
   * (their comments loaded with get_comments, as a page does when it shows
   * them) and those created since. An item deleted before the page started
   * and restored since is not among them: its comments would be loaded when
   * someone opens it.
   */
  readonly commentsKnown = new Set<string>();
  /** Changes this model could not apply: each one is a convergence failure. */
  readonly problems: string[] = [];

  constructor(board: Board, readonly name: string) {
    const seq = Number(board.seq ?? 0);
    this.project = { value: normProject(board.project ?? {}), seq };
    this.statuses = (board.statuses ?? []).map((s) => ({ id: s.id ?? '', name: s.name ?? '', category: s.category ?? 0 }));
    for (const m of board.members ?? []) this.members.set(m.userId ?? '', { value: normMember(m), seq });
    for (const w of board.workItems ?? []) this.items.set(w.id ?? '', { value: normItem(w), seq });
    this.boardSeq = seq;
    for (const s of board.sprints ?? []) this.sprints.set(s.id ?? '', { value: normSprint(s), seq });
  }

  /**
   * get_comments for an item of the starting board, answered some time after
   * the board: counted as of the board's seq, so every later event still
   * applies over it (the feed hands on every seq after the board, in order).
   */
  loadComments(workItemId: string, comments: readonly IComment[]): void {
    this.commentsKnown.add(workItemId);
    for (const c of comments) this.put(this.comments, normComment(c), this.boardSeq, c.id ?? '');
  }

  /** An event the feed handed on (seq > 0). */
  applyEvent(event: IEvent): void {
    const seq = Number(event.seq ?? 0);
    if (event.workItem?.workItem) {
      const change = event.workItem;
      if ((change.changedFields ?? []).includes('created')) this.commentsKnown.add(change.workItem!.id ?? '');
      if (change.partial) this.mergePartial(normItem(change.workItem!), change.changedFields ?? [], seq);
      else this.put(this.items, normItem(change.workItem!), seq, change.workItem!.id ?? '');
    } else if (event.comment?.comment) {
      this.put(this.comments, normComment(event.comment.comment), seq, event.comment.comment.id ?? '');
    } else if (event.sprint?.sprint) {
      this.put(this.sprints, normSprint(event.sprint.sprint), seq, event.sprint.sprint.id ?? '');
    } else if (event.member?.member) {
      const member = normMember(event.member.member);
      if (event.member.removed) this.members.delete(member.userId);
      else this.put(this.members, member, seq, member.userId);
    } else if (event.project?.project) {
      if (seq > this.project.seq) this.project = { value: normProject(event.project.project), seq };
    } else {
      this.problems.push(`${this.name}: seq ${seq} carries no change it understands`);
    }
  }

  /** The Result of one of our own writes: it stands for the write's last event. */
  applyResult(result: IResult): void {
    const seq = Number(result.seq ?? 0);
    if (seq === 0) return; // nothing was written (a drop where the item already was, a repeated claim)
    if (result.workItem && result.workItem.version === 1) this.commentsKnown.add(result.workItem.id ?? '');
    if (result.workItem) this.put(this.items, normItem(result.workItem), seq, result.workItem.id ?? '');
    if (result.comment) this.put(this.comments, normComment(result.comment), seq, result.comment.id ?? '');
    if (result.sprint) this.put(this.sprints, normSprint(result.sprint), seq, result.sprint.id ?? '');
    if (result.member) this.put(this.members, normMember(result.member), seq, result.member.userId ?? '');
  }

  private put<T>(map: Map<string, Held<T>>, value: T, seq: number, key: string): void {
    const held = map.get(key);
    if (held && held.seq >= seq) return;
    map.set(key, { value, seq });
  }

  /** proto: a partial item applies to the item at version - 1; a named field at its default was cleared. */
  private mergePartial(partial: Item, changedFields: readonly string[], seq: number): void {
    const held = this.items.get(partial.id);
    if (held && held.seq >= seq) return;
    if (!held) {
      this.problems.push(`${this.name}: seq ${seq} is a partial item for ${partial.key}, which this client never held`);
      return;
    }
    if (held.value.version + 1 !== partial.version) {
      this.problems.push(
        `${this.name}: seq ${seq} is a partial item for ${partial.key} at version ${partial.version}, ` +
          `but the client holds version ${held.value.version} (from seq ${held.seq})`,
      );
      return;
    }
    const keys = partialKeys(changedFields);
    if (!keys) {
      this.problems.push(`${this.name}: seq ${seq} is a partial item for changes [${changedFields.join(', ')}], which a partial item cannot carry`);
      return;
    }
    const merged: Record<string, unknown> = { ...held.value };
    for (const key of keys) merged[key] = partial[key];
    this.items.set(partial.id, { value: merged as Item, seq });
  }

  // ------------------------------------------------------------ what a UI shows

  liveItems(): Item[] {
    return [...this.items.values()].map((h) => h.value).filter((w) => w.deletedAt === 0);
  }

  deletedItems(): Item[] {
    return [...this.items.values()].map((h) => h.value).filter((w) => w.deletedAt !== 0);
  }

  sprintList(): Sprint[] {
    return [...this.sprints.values()].map((h) => h.value);
  }

  memberList(): Member[] {
    return [...this.members.values()].map((h) => h.value);
  }

  liveComments(workItemId?: string): Comment[] {
    return [...this.comments.values()]
      .map((h) => h.value)
      .filter((c) => c.deletedAt === 0 && (workItemId === undefined || c.workItemId === workItemId));
  }

  /** A column of the board, top to bottom. */
  column(statusId: string): Item[] {
    return this.liveItems()
      .filter((w) => w.statusId === statusId)
      .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id < b.id ? -1 : 1));
  }
}
