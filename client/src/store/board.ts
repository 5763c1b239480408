// The board slice for one open project: get_board, then the project's feed
// from board.seq; our writes shown at once as ops over the server's state
// (board-logic.ts) and dropped when their reply comes, which is the rollback
// when the reply is an error.
import { batch, createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import { atLeast } from '../../../shared/domain/permissions.ts';
import { ItemType, Priority, Role, type ILabel, type IMember, type IProject, type IWorkflowStatus } from '../../../shared/proto.ts';
import { randomId } from '../../../shared/sdk/ids.ts';
import type { Reply } from '../../../shared/sdk/index.ts';
import { applyItem, applyOps, columnCards, fromItems, neighboursAt, plainError, toCard, type Card, type Confirmed, type Op } from './board-logic.ts';
import type { Live } from './live.ts';

export interface Column {
  status: IWorkflowStatus & { id: string };
  cards: Card[];
}

export type BoardLoad = { state: 'loading' } | { state: 'ready' } | { state: 'missing' } | { state: 'error'; message: string };

export interface BoardSlice {
  load: Accessor<BoardLoad>;
  project: Accessor<IProject | null>;
  columns: Accessor<Column[]>;
  members: Accessor<readonly IMember[]>;
  labels: Accessor<readonly ILabel[]>;
  role: Accessor<Role | null>;
  canEdit: Accessor<boolean>;
  /** Moves a card to `index` of the column of `statusId` (index counts the column without the card). */
  move(cardId: string, statusId: string, index: number): void;
  /** Adds a card at the top of a column. */
  quickAdd(statusId: string, title: string): void;
}

const LOCAL_PREFIX = 'local-';
/** A card made here and not yet answered: it has no server id to move or edit by. */
export const isLocal = (card: Card) => card.id.startsWith(LOCAL_PREFIX);

export function createBoardSlice(live: Live, projectKey: Accessor<string>): BoardSlice {
  const [load, setLoad] = createSignal<BoardLoad>({ state: 'loading' });
  const [project, setProject] = createSignal<IProject | null>(null);
  const [statuses, setStatuses] = createSignal<readonly IWorkflowStatus[]>([]);
  const [members, setMembers] = createSignal<readonly IMember[]>([]);
  const [labels, setLabels] = createSignal<readonly ILabel[]>([]);
  const [confirmed, setConfirmed] = createSignal<Confirmed>(new Map());
  const [ops, setOps] = createSignal<readonly Op[]>([]);
  let stopWatching: (() => void) | null = null;
  /** Bumped per fetch: a slow get_board for a project we left must not land. */
  let fetchGeneration = 0;

  const projectId = () => project()?.id ?? '';
  const view = createMemo(() => applyOps(confirmed(), ops()));
  const columns = createMemo<Column[]>(() => {
    const cards = [...view().values()];
    return [...statuses()]
      .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
      .map((status) => ({ status: { ...status, id: status.id ?? '' }, cards: columnCards(cards, status.id ?? '') }));
  });
  const role = createMemo<Role | null>(() => {
    if (!project()) return null;
    const me = members().find((m) => m.userId === live.session.user.id);
    // Not a member yet able to read the board: a workspace owner or admin, who is admin of every project.
    return me?.role ?? Role.ROLE_ADMIN;
  });

  const fetchBoard = (id: string) => {
    const generation = ++fetchGeneration;
    live.connection.request({ getBoard: { projectId: id } }).then(
      (result) => {
        if (generation !== fetchGeneration) return;
        const board = result.board;
        if (!board) return setLoad({ state: 'error', message: 'The server answered without the board.' });
        batch(() => {
          if (board.project) setProject(board.project);
          setStatuses(board.statuses ?? []);
          setMembers(board.members ?? []);
          setLabels(board.labels ?? []);
          setConfirmed(fromItems(board.workItems ?? []));
          setLoad({ state: 'ready' });
        });
        stopWatching?.();
        stopWatching = live.feed.watch(id, Number(board.seq ?? 0), {
          onEvent: (event) => {
            const itemChange = event.workItem?.workItem;
            if (itemChange) setConfirmed((c) => applyItem(c, itemChange));
            const member = event.member;
            if (member?.member) {
              const m = member.member;
              setMembers((list) => [...list.filter((x) => x.userId !== m.userId), ...(member.removed ? [] : [m])]);
            }
            const changed = event.project?.project;
            if (changed) {
              setProject(changed);
              if (changed.statuses?.length) setStatuses(changed.statuses);
            }
          },
          // The log cannot catch us up: the whole board again, then the feed from its seq.
          onResync: () => fetchBoard(id),
        });
      },
      (err: unknown) => {
        if (generation !== fetchGeneration) return;
        // A dropped socket: the effect below fetches again on the next open.
        if ((err as Error)?.name === 'ConnectionError') return;
        setLoad({ state: 'error', message: plainError('load the board', err) });
      },
    );
  };

  // Open a project once the socket is open and the key is known; again when the key changes.
  createEffect(
    on([projectKey, live.open, live.projects.list], ([key, open, list]) => {
      if (!open || !list) return;
      const found = list.find((p) => p.key === key);
      if (!found) return setLoad({ state: 'missing' });
      if (found.id === project()?.id && load().state !== 'missing') {
        // Same project after a reconnect: the feed catches up by seq; only a failed first load is retried.
        if (load().state === 'error' || (load().state === 'loading' && !stopWatching)) fetchBoard(found.id ?? '');
        return;
      }
      batch(() => {
        setProject(found);
        setLoad({ state: 'loading' });
        setOps([]);
      });
      fetchBoard(found.id ?? '');
    }),
  );

  // Results for our own writes carry the item after the change (no event comes
  // for them); replies to writes replayed from an earlier page arrive only here.
  const offReply = live.connection.onReply((reply: Reply) => {
    if (reply.ok) {
      const item = reply.result.workItem;
      if (item && item.projectId === projectId()) setConfirmed((c) => applyItem(c, item));
      return;
    }
    const current = reply.error.current;
    if (current && 'workItem' in current && current.workItem?.projectId === projectId()) {
      const item = current.workItem;
      setConfirmed((c) => applyItem(c, item));
    }
  });
  onCleanup(() => {
    offReply();
    stopWatching?.();
    fetchGeneration++;
  });

  const dropOp = (messageId: string) => setOps((list) => list.filter((op) => op.messageId !== messageId));

  const send = (op: Op, action: string, command: Parameters<Live['connection']['request']>[0]) => {
    setOps((list) => [...list, op]);
    live.connection.request(command, { messageId: op.messageId, meta: { board: projectId() } }).then(
      () => dropOp(op.messageId),
      (err: unknown) => {
        // A write survives a closed connection in the outbox; only the server's refusal undoes it.
        if ((err as Error)?.name === 'ConnectionError') return;
        dropOp(op.messageId);
        live.toasts.show(plainError(action, err));
      },
    );
  };

  const canEdit = () => atLeast(role(), Role.ROLE_EDITOR);

  return {
    load,
    project,
    columns,
    members,
    labels,
    role,
    canEdit,
    move(cardId, statusId, index) {
      const card = view().get(cardId);
      if (!card || isLocal(card) || !canEdit()) return;
      const column = columnCards(view().values(), statusId);
      const { afterId, beforeId } = neighboursAt(column, cardId, index);
      // Dropped where it already was: nothing to send.
      if (card.statusId === statusId && column.findIndex((c) => c.id === cardId) === index) return;
      // Each accepted write bumps the version by one: a second move sent before
      // the first is answered expects the version the first will leave.
      const queued = ops().filter((op) => op.kind !== 'create' && op.itemId === cardId).length;
      const expectedVersion = Number(confirmed().get(cardId)?.version ?? card.version ?? 0) + queued;
      const messageId = randomId();
      send({ kind: 'move', messageId, itemId: cardId, statusId, afterId, beforeId }, `move ${card.key ?? 'the card'}`, {
        moveWorkItem: { workItemId: cardId, expectedVersion, statusId, afterId, beforeId },
      });
    },
    quickAdd(statusId, title) {
      const trimmed = title.trim();
      if (!trimmed || !canEdit()) return;
      const messageId = randomId();
      const first = columnCards(view().values(), statusId)[0];
      const beforeId = first && !isLocal(first) ? first.id : '';
      const card = toCard({
        id: `${LOCAL_PREFIX}${messageId}`,
        projectId: projectId(),
        key: '',
        title: trimmed,
        statusId,
        itemType: ItemType.ITEM_TYPE_TASK,
        priority: Priority.PRIORITY_NONE,
        labels: [],
        version: 0,
      });
      send({ kind: 'create', messageId, card, afterId: '', beforeId: first?.id ?? '' }, 'add the card', {
        createWorkItem: {
          projectId: projectId(),
          title: trimmed,
          statusId,
          itemType: ItemType.ITEM_TYPE_TASK,
          priority: Priority.PRIORITY_NONE,
          beforeId,
        },
      });
    },
  };
}
