// Pull mode on the client: the Pool (the unclaimed items ready to pull, and
// each person's claimed work beside it), what an item write is to pull mode's
// rules (shared/domain/pull-mode.ts, which the server applies too, so the
// client hides or refuses in the server's own words), and what a lost claim
// says. Pure: no Solid, no DOM.
import { atLeast } from '../../../../shared/domain/permissions.ts';
import { isFinished } from '../../../../shared/domain/workflow.ts';
import type { PullSubject, PullWrite } from '../../../../shared/domain/pull-mode.ts';
import { ItemType, Role, StatusCategory, type IMember, type IWorkflowStatus } from '../../../../shared/proto.ts';
import type { Command } from '../../../../shared/protocol/commands.ts';
import { compareCards } from './columns.ts';
import type { Card } from './items.ts';
import { isLocal } from './local-ids.ts';

export interface PoolPerson {
  userId: string;
  name: string;
  /** Their claimed unfinished items, in board order (column, then rank). */
  items: Card[];
}

export interface Pool {
  /** Unclaimed items ready to pull: rank first (the team's order), then priority, then number. */
  ready: Card[];
  /** Everyone who may claim (editors and admins) and anyone holding unfinished work: the person asking first, then by name. */
  people: PoolPerson[];
}

/**
 * Ready to pull: nobody holds it, it sits in a "To do" (UNSTARTED) column,
 * and it is work one person takes (not an epic); a card not yet answered by
 * the server cannot be claimed. Backlog-category items are not ready yet;
 * started and finished ones are past the pool.
 */
export function isReady(card: Card, category: StatusCategory | undefined): boolean {
  return !card.assigneeId && category === StatusCategory.STATUS_CATEGORY_UNSTARTED && card.itemType !== ItemType.ITEM_TYPE_EPIC && !isLocal(card);
}

const byRank = (a: Card, b: Card) => (a.rank === b.rank ? 0 : a.rank < b.rank ? -1 : 1);
/** Urgent first (the enum counts up from none to urgent). */
const byPriority = (a: Card, b: Card) => Number(b.priority ?? 0) - Number(a.priority ?? 0);

export function poolOf(items: Iterable<Card>, statuses: readonly IWorkflowStatus[], members: readonly IMember[], me: string): Pool {
  const statusById = new Map(statuses.map((s) => [s.id ?? '', s]));
  const category = (card: Card) => (statusById.get(card.statusId)?.category ?? undefined) as StatusCategory | undefined;
  const position = (card: Card) => statusById.get(card.statusId)?.position ?? 0;
  const ready: Card[] = [];
  const held = new Map<string, Card[]>();
  for (const card of items) {
    if (isReady(card, category(card))) ready.push(card);
    const c = category(card);
    if (card.assigneeId && c !== undefined && !isFinished(c)) held.set(card.assigneeId, [...(held.get(card.assigneeId) ?? []), card]);
  }
  ready.sort((a, b) => byRank(a, b) || byPriority(a, b) || Number(a.number ?? 0) - Number(b.number ?? 0));

  const nameOf = new Map(members.map((m) => [m.userId ?? '', m.displayName || 'Someone']));
  const ids = new Set([...members.filter((m) => atLeast((m.role ?? null) as Role | null, Role.ROLE_EDITOR)).map((m) => m.userId ?? ''), ...held.keys()]);
  ids.delete('');
  const people = [...ids].map((userId) => ({
    userId,
    name: nameOf.get(userId) ?? 'Someone no longer in the project',
    items: (held.get(userId) ?? []).sort((a, b) => position(a) - position(b) || compareCards(a, b)),
  }));
  people.sort((a, b) => Number(b.userId === me) - Number(a.userId === me) || a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
  return { ready, people };
}

/**
 * What an item command is to pull mode's rules; null for the commands with
 * rules of their own: a claim (first come, first served: the server answers
 * a late one with CONFLICT) and a release (`releaseRefusal`).
 */
export function pullWriteOf(command: Command): PullWrite | null {
  if ('createWorkItem' in command) return { kind: 'create', assigneeId: command.createWorkItem.assigneeId ?? '' };
  if ('updateWorkItem' in command) {
    const u = command.updateWorkItem;
    if (u.clear?.includes('assignee_id')) return { kind: 'edit', assigneeId: '' };
    return u.assigneeId ? { kind: 'edit', assigneeId: u.assigneeId } : { kind: 'edit' };
  }
  if ('moveWorkItem' in command || 'deleteWorkItem' in command || 'restoreWorkItem' in command) return { kind: 'edit' };
  return null;
}

/** The facts the rules need of one item, as the board knows them. */
export function pullSubject(
  project: { pullMode?: boolean | null } | null,
  card: Pick<Card, 'key' | 'assigneeId'> | null,
  caller: { id: string; isAdmin: boolean },
  nameOf: (userId: string) => string,
): PullSubject {
  const assigneeId = card?.assigneeId ?? '';
  return {
    pullMode: Boolean(project?.pullMode),
    callerId: caller.id,
    callerIsAdmin: caller.isAdmin,
    itemKey: card?.key ?? '',
    assigneeId,
    assigneeName: assigneeId ? nameOf(assigneeId) : '',
  };
}

/** What a person whose claim lost the race is told: who has the item now. */
export function claimLostWords(itemKey: string, winnerName: string): string {
  return `${itemKey || 'The item'} was just claimed by ${winnerName || 'someone else'}.`;
}
