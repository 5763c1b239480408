// The board slice for one open project: get_board, then the project's feed
// from board.seq; our writes shown at once as ops over the server's state
// (board-logic.ts) and dropped when their reply comes, which is the rollback
// when the reply is an error. The state is saved on the device as it changes
// (board-snapshots.ts), so a reload without a network shows the saved copy,
// marked as such, and the feed catches up from its seq once the socket is back.
import { batch, createContext, createEffect, createMemo, createSignal, on, onCleanup, useContext, type Accessor } from 'solid-js';
import { atLeast } from '../../../shared/domain/permissions.ts';
import { allowedParentTypes } from '../../../shared/domain/hierarchy.ts';
import { ErrorCode, ItemType, Priority, Role, type IEvent, type ILabel, type IMember, type IProject, type ISprint, type IWorkItem, type IWorkflowStatus } from '../../../shared/proto.ts';
import { randomId } from '../../../shared/sdk/ids.ts';
import type { Reply } from '../../../shared/sdk/index.ts';
import type { BoardSnapshot, IBoard } from '../sync/board-cache.ts';
import { applyItem, applyOps, applyPartialItem, columnCards, fromItems, indexColumns, neighboursAt, plainError, toCard, type Card, type ColumnIndex, type Confirmed, type Op } from './board-logic.ts';
import { saveThrottled } from './board-snapshots.ts';
import { effectivePatch, patchFields, patchToCard, updateCommand, type ItemPatch } from './item-logic.ts';
import { makeEventBatcher } from './event-batch.ts';
import { fromEarlierPage, type Live } from './live.ts';
import { replayedRefusal, type BoardWriteMeta, type Conflict } from './replayed.ts';
import { upsertMember } from './members.ts';
import { applySprint, type SprintsById } from './sprint-logic.ts';

export type UpdateOutcome = 'saved' | 'unchanged' | 'conflict' | 'refused' | 'queued';

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
  /** Every sprint of the project (completed ones too), newest version of each. */
  sprints: Accessor<SprintsById>;
  /**
   * When the board shown was saved on this device (epoch ms), while it is
   * that saved copy and not yet caught up with the server; null when live.
   */
  savedCopyAt: Accessor<number | null>;
  role: Accessor<Role | null>;
  canEdit: Accessor<boolean>;
  /** Moves a card to `index` of the column of `statusId` (index counts the column without the card). */
  move(cardId: string, statusId: string, index: number): void;
  /**
   * Plans an item into a sprint ('' = the backlog) between two items of that
   * list; shown there at `rank` until the server's rank comes back.
   */
  plan(itemId: string, sprintId: string, place: { afterId: string; beforeId: string; rank: string }): void;
  /** Adds a card at the top of a column. */
  /** The card as shown while it is pending, or null when nothing was added. */
  quickAdd(statusId: string, title: string): Card | null;
  /** Every item as shown (server state with our pending writes laid on it), by id. */
  items: Accessor<ReadonlyMap<string, Card>>;
  /** The version an edit starting now is based on: the server's plus one per write of ours still out on the item. */
  baseVersion(itemId: string): number;
  /** Sends the changed fields of an item against `expectedVersion`; shown at once, undone on refusal; CONFLICT opens the dialog. */
  update(itemId: string, patch: ItemPatch, expectedVersion: number, action?: string): Promise<UpdateOutcome>;
  /** claim_work_item: assign to me. */
  claim(itemId: string): void;
  /** A child item (a sub-task, or a story under an epic) at the top of the parent's column. */
  addChild(parentId: string, title: string): void;
  conflicts: Accessor<readonly Conflict[]>;
  /** Keep theirs (an empty patch) or resend `patch` against their version, under a new message id. */
  resolveConflict(conflictId: string, patch: ItemPatch): void;
  /** Every event of this project's feed, after the board has applied it. */
  onEvent(listener: (event: IEvent) => void): () => void;
}

export const BoardContext = createContext<BoardSlice>();

export function useBoard(): BoardSlice {
  const board = useContext(BoardContext);
  if (!board) throw new Error('useBoard needs a <BoardContext.Provider> above it (BoardPage provides one)');
  return board;
}

const LOCAL_PREFIX = 'local-';
/** A card made here and not yet answered: it has no server id to move or edit by. */
export const isLocal = (card: Card) => card.id.startsWith(LOCAL_PREFIX);
const NO_CARDS: readonly Card[] = [];

export function createBoardSlice(live: Live, projectKey: Accessor<string>): BoardSlice {
  const [load, setLoad] = createSignal<BoardLoad>({ state: 'loading' });
  const [project, setProject] = createSignal<IProject | null>(null);
  const [statuses, setStatuses] = createSignal<readonly IWorkflowStatus[]>([]);
  const [members, setMembers] = createSignal<readonly IMember[]>([]);
  const [labels, setLabels] = createSignal<readonly ILabel[]>([]);
  const [sprints, setSprints] = createSignal<SprintsById>(new Map());
  const [savedCopyAt, setSavedCopyAt] = createSignal<number | null>(null);
  /** The project key the device has no saved board for (so offline there is nothing to show). */
  const [noSavedCopy, setNoSavedCopy] = createSignal<string | null>(null);
  /** The seq of the saved copy shown: the feed catches up from there. */
  let savedSeq = 0;
  const [confirmed, setConfirmed] = createSignal<Confirmed>(new Map());
  const [ops, setOps] = createSignal<readonly Op[]>([]);
  const [conflicts, setConflicts] = createSignal<readonly Conflict[]>([]);
  const listeners = new Set<(event: IEvent) => void>();
  let stopWatching: (() => void) | null = null;
  /** Bumped per fetch: a slow get_board for a project we left must not land. */
  let fetchGeneration = 0;

  const projectId = () => project()?.id ?? '';
  const mergeSprints = (list: readonly ISprint[]) => setSprints((known) => list.reduce(applySprint, known));
  const view = createMemo(() => applyOps(confirmed(), ops()));
  const sortedStatuses = createMemo(() =>
    [...statuses()].sort((a, b) => (a.position ?? 0) - (b.position ?? 0)).map((status) => ({ ...status, id: status.id ?? '' })),
  );
  /** Kept between runs: a remote edit re-places the cards it changed instead of sorting every column. */
  let index: ColumnIndex | null = null;
  const columns = createMemo<Column[]>((prev) => {
    index = indexColumns(view(), index);
    const byStatus = index.byStatus;
    const next = sortedStatuses().map((status, i): Column => {
      const cards = (byStatus.get(status.id) ?? NO_CARDS) as Card[];
      const before = prev[i];
      // The same object when nothing in it changed, so its header and cells are left alone.
      return before && before.status === status && before.cards === cards ? before : { status, cards };
    });
    return next.length === prev.length && next.every((c, i) => c === prev[i]) ? prev : next;
  }, []);
  const role = createMemo<Role | null>(() => {
    if (!project()) return null;
    const me = members().find((m) => m.userId === live.session.user.id);
    // Not a member yet able to read the board: a workspace owner or admin, who is admin of every project.
    return me?.role ?? Role.ROLE_ADMIN;
  });

  /** Lays a get_board answer (live, or a saved copy) over the slice. */
  const showBoard = (id: string, board: IBoard) =>
    batch(() => {
      if (board.project) setProject(board.project);
      setStatuses(board.statuses ?? []);
      setMembers(board.members ?? []);
      setLabels(board.labels ?? []);
      setSprints((board.sprints ?? []).reduce(applySprint, new Map() as SprintsById));
      setConfirmed(fromItems(board.workItems ?? []));
      // Writes still in the outbox from before a reload are shown as pending until their replies come.
      setOps((list) => [...list, ...queuedOps(id, list)]);
      setLoad({ state: 'ready' });
    });

  const applyEvent = (event: IEvent) => {
    const itemChange = event.workItem;
    const item = itemChange?.workItem;
    if (item && !itemChange.partial) setConfirmed((c) => applyItem(c, item));
    if (item && itemChange.partial) {
      const next = applyPartialItem(confirmed(), item, itemChange.changedFields ?? []);
      // Only the changed fields, for an item this board cannot lay them on: never guess the rest; fetch the board, as after RESYNC.
      if (next) setConfirmed(next);
      else live.feed.resync(event.projectId ?? '');
    }
    const member = event.member;
    if (member?.member) {
      const m = member.member;
      setMembers((list) => upsertMember(list, m, !!member.removed));
    }
    const changed = event.project?.project;
    if (changed) {
      setProject(changed);
      if (changed.statuses?.length) setStatuses(changed.statuses);
    }
    const sprint = event.sprint?.sprint;
    if (sprint) mergeSprints([sprint]);
  };
  // Events that arrive between two frames are applied together: one recompute and render per frame, not per event.
  const events = makeEventBatcher((list) => {
    batch(() => list.forEach(applyEvent));
    for (const event of list) for (const l of listeners) l(event);
  });
  const onFeedEvent = (event: IEvent) => events.push(event);

  /** Follows the project's events after `seq`; a saved copy counts as live once the server took the subscription. */
  const watchFrom = (id: string, seq: number) => {
    stopWatching?.();
    events.drop();
    stopWatching = live.feed.watch(id, seq, {
      onEvent: onFeedEvent,
      // The log cannot catch us up: the whole board again, then the feed from its seq.
      onResync: () => fetchBoard(id),
      onSubscribed: () => setSavedCopyAt(null),
    });
  };

  const fetchBoard = (id: string) => {
    const generation = ++fetchGeneration;
    live.connection.request({ getBoard: { projectId: id } }).then(
      (result) => {
        if (generation !== fetchGeneration) return;
        const board = result.board;
        if (!board) return setLoad({ state: 'error', message: 'The server answered without the board.' });
        // Events still waiting are older than this board: applied first, so none lands on top of it later.
        events.flush();
        batch(() => {
          showBoard(id, board);
          setSavedCopyAt(null);
        });
        watchFrom(id, Number(board.seq ?? 0));
      },
      (err: unknown) => {
        if (generation !== fetchGeneration) return;
        // A dropped socket: the effect below fetches again on the next open.
        if ((err as Error)?.name === 'ConnectionError') return;
        setLoad({ state: 'error', message: plainError('load the board', err) });
      },
    );
  };

  /** The saved copy of a project, shown while nothing fresher has arrived (offline, or a slow first load). */
  const showSaved = (snapshot: BoardSnapshot) => {
    if (snapshot.projectKey !== projectKey() || load().state !== 'loading') return;
    savedSeq = snapshot.seq;
    batch(() => {
      showBoard(snapshot.projectId, snapshot.board);
      setSavedCopyAt(snapshot.savedAt);
    });
  };
  createEffect(
    on(projectKey, (key) => {
      const shown = project();
      if (shown && shown.key !== key) {
        // Another project in the same page: nothing of the last one may stay on screen (offline, nothing else would clear it).
        stopWatching?.();
        stopWatching = null;
        events.drop();
        fetchGeneration++;
        batch(() => {
          setLoad({ state: 'loading' });
          setSavedCopyAt(null);
          setOps([]);
        });
      }
      setNoSavedCopy(null);
      const noCopy = () => projectKey() === key && setNoSavedCopy(key);
      live.boardCache.load(key).then((snapshot) => (snapshot ? showSaved(snapshot) : noCopy()), noCopy);
    }),
  );
  // Offline with nothing saved: say so rather than load forever. The next open fetches it (a failed load is retried).
  createEffect(() => {
    if (noSavedCopy() !== projectKey() || load().state !== 'loading' || live.status() !== 'offline') return;
    setLoad({ state: 'error', message: 'You are offline, and this board has not been opened on this device before, so there is no saved copy to show. It loads as soon as the connection is back.' });
  });

  // Open a project once the socket is open and the key is known; again when the key changes.
  createEffect(
    on([projectKey, live.open, live.projects.list], ([key, open, list]) => {
      if (!open || !list) return;
      const found = list.find((p) => p.key === key);
      if (!found) {
        // Gone, or no longer ours: its saved copy must not be shown again either.
        live.boardCache.forget(key).catch(() => undefined);
        return batch(() => {
          setSavedCopyAt(null);
          setLoad({ state: 'missing' });
        });
      }
      if (found.id === project()?.id && load().state !== 'missing') {
        // A saved copy catches up from its seq (or the feed asks for a resync when that is too old).
        if (savedCopyAt() !== null && !stopWatching) return watchFrom(found.id ?? '', savedSeq);
        // Same project after a reconnect: the feed catches up by seq; only a failed first load is retried.
        if (load().state === 'error' || (load().state === 'loading' && !stopWatching)) fetchBoard(found.id ?? '');
        return;
      }
      batch(() => {
        setProject(found);
        setLoad({ state: 'loading' });
        setSavedCopyAt(null);
        setOps([]);
      });
      fetchBoard(found.id ?? '');
    }),
  );

  // Results for our own writes carry the item after the change (no event comes
  // for them); replies to writes replayed from an earlier page arrive only here.
  const offReply = live.connection.onReply((reply: Reply) => {
    // Events that came before this reply are applied before it, as they arrived.
    events.flush();
    // A replayed write's op (rebuilt from the outbox) has no promise to drop it.
    if (reply.meta?.['op']) queueMicrotask(() => dropOp(reply.messageId));
    if (reply.ok) {
      const item = reply.result.workItem;
      if (item && item.projectId === projectId()) setConfirmed((c) => applyItem(c, item));
      const sprint = reply.result.sprint;
      if (sprint && sprint.projectId === projectId()) mergeSprints([sprint]);
      const member = reply.result.member;
      if (member && member.projectId === projectId()) setMembers((list) => upsertMember(list, member, false));
      const removed = reply.meta?.['board'] === projectId() ? reply.meta['removesMember'] : undefined;
      if (typeof removed === 'string') setMembers((list) => list.filter((m) => m.userId !== removed));
      return;
    }
    const current = reply.error.current;
    if (current && 'workItem' in current && current.workItem?.projectId === projectId()) {
      const item = current.workItem;
      setConfirmed((c) => applyItem(c, item));
    }
    if (current && 'sprint' in current && current.sprint?.projectId === projectId()) mergeSprints([current.sprint]);
    // A write made on this page is answered to its own promise; one from an earlier page only here.
    const refusal = fromEarlierPage(reply.meta) ? replayedRefusal(reply, projectId()) : null;
    if (refusal?.kind === 'conflict') setConflicts((list) => [...list, refusal.conflict]);
    else if (refusal) live.toasts.show(refusal.message);
  });
  // The first save (encoding every item) waits for the frame that shows the board, rather than delaying it.
  const [painted, setPainted] = createSignal(false);
  createEffect(
    on(
      () => load().state === 'ready',
      (ready) => {
        if (!ready) return setPainted(false);
        let timer: ReturnType<typeof setTimeout> | undefined;
        const frame = requestAnimationFrame(() => (timer = setTimeout(() => setPainted(true))));
        // A hidden tab has no frames: then a moment later instead.
        const fallback = setTimeout(() => setPainted(true), 250);
        onCleanup(() => {
          cancelAnimationFrame(frame);
          clearTimeout(timer);
          clearTimeout(fallback);
        });
      },
    ),
  );
  // The saved seq must not count events still waiting for their frame (the copy would skip them on catch-up).
  const savedFeed: Live['feed'] = { ...live.feed, lastSeq: (id) => events.appliedSeq(live.feed.lastSeq(id)) };
  saveThrottled({ boardCache: live.boardCache, feed: savedFeed }, {
    // The key of the board held, not of the URL: the two differ for a moment when the page moves to another project.
    projectKey: () => project()?.key ?? '',
    projectId,
    live: () => load().state === 'ready' && savedCopyAt() === null && painted(),
    board: () => {
      // Read here so the saver sees every change; the lists are made only when it saves (every event
      // copying 5,000 items into an array nobody reads was a cost of its own).
      const [p, st, m, l, sp, items] = [project(), statuses(), members(), labels(), sprints(), confirmed()];
      return {
        project: p,
        statuses: [...st],
        members: [...m],
        labels: [...l],
        get sprints() {
          return [...sp.values()];
        },
        get workItems() {
          return [...items.values()];
        },
      };
    },
  });
  onCleanup(() => {
    offReply();
    stopWatching?.();
    events.drop();
    fetchGeneration++;
  });

  /** The ops of writes for board `id` that wait in the connection's outbox and are not shown yet. */
  const queuedOps = (id: string, shown: readonly Op[]): Op[] =>
    live.connection
      .pending()
      .filter((e) => e.meta['board'] === id && e.meta['op'] && !shown.some((op) => op.messageId === e.messageId))
      .map((e) => e.meta['op'] as Op);

  // The outbox a previous page left loads asynchronously, and may come after
  // the board (a saved copy shown offline): its writes join the view when it does.
  createEffect(
    on(live.pendingWrites, () => {
      const id = projectId();
      if (!id || load().state !== 'ready') return;
      const more = queuedOps(id, ops());
      if (more.length) setOps((list) => [...list, ...more]);
    }),
  );

  const dropOp = (messageId: string) => setOps((list) => list.filter((op) => op.messageId !== messageId));

  const send = (op: Op, action: string, command: Parameters<Live['connection']['request']>[0]) => {
    setOps((list) => [...list, op]);
    const meta: BoardWriteMeta = { board: projectId(), op, action };
    live.connection.request(command, { messageId: op.messageId, meta }).then(
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

  const queuedOn = (itemId: string) => ops().filter((op) => op.kind !== 'create' && op.itemId === itemId).length;
  const baseVersion = (itemId: string) => Number(confirmed().get(itemId)?.version ?? view().get(itemId)?.version ?? 0) + queuedOn(itemId);

  const update = (itemId: string, patch: ItemPatch, expectedVersion: number, action?: string): Promise<UpdateOutcome> => {
    const card = view().get(itemId);
    if (!card || isLocal(card) || !canEdit()) return Promise.resolve('refused');
    const changes = effectivePatch(card, patch);
    if (patchFields(changes).length === 0) return Promise.resolve('unchanged');
    const messageId = randomId();
    const what = action ?? `save ${card.key ?? 'the item'}`;
    const op: Op = { kind: 'update', messageId, itemId, fields: patchToCard(changes) as Partial<Card> };
    setOps((list) => [...list, op]);
    // Kept with the write: after a reload it shows the edit pending, and a CONFLICT still opens the dialog.
    const meta: BoardWriteMeta = { board: projectId(), op, patch: changes, itemKey: card.key ?? '', action: what };
    return live.connection.request(updateCommand(itemId, expectedVersion, changes), { messageId, meta }).then(
      () => {
        dropOp(messageId);
        return 'saved' as const;
      },
      (err: unknown) => {
        if ((err as Error)?.name === 'ConnectionError') return 'queued' as const;
        dropOp(messageId);
        const e = err as { code?: number; current?: { workItem?: IWorkItem } | null };
        const theirs = e?.current?.workItem;
        if (e?.code === ErrorCode.ERROR_CODE_CONFLICT && theirs) {
          // Nothing is dropped silently: the person chooses in the conflict dialog.
          setConflicts((list) => [...list, { id: messageId, itemId, itemKey: card.key ?? '', patch: changes, theirs }]);
          return 'conflict' as const;
        }
        live.toasts.show(plainError(what, err));
        return 'refused' as const;
      },
    );
  };
  return {
    load,
    project,
    columns,
    members,
    labels,
    sprints,
    savedCopyAt,
    role,
    canEdit,
    items: view,
    baseVersion,
    update,
    conflicts,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    resolveConflict(conflictId, patch) {
      const conflict = conflicts().find((c) => c.id === conflictId);
      setConflicts((list) => list.filter((c) => c.id !== conflictId));
      if (!conflict) return;
      if (patchFields(patch).length === 0) {
        live.toasts.show(`Kept their version of ${conflict.itemKey || 'the item'}; your change was dropped.`, 'info');
        return;
      }
      // Their version is the base now; a new message id, since the first one already has its (CONFLICT) answer.
      const latest = confirmed().get(conflict.itemId);
      const version = Math.max(Number(conflict.theirs.version ?? 0), Number(latest?.version ?? 0));
      void update(conflict.itemId, patch, version, `save ${conflict.itemKey || 'the item'}`);
    },
    claim(itemId) {
      const card = view().get(itemId);
      if (!card || isLocal(card) || !canEdit()) return;
      const messageId = randomId();
      send({ kind: 'update', messageId, itemId, fields: { assigneeId: live.session.user.id } }, `assign ${card.key ?? 'the item'} to you`, {
        claimWorkItem: { workItemId: itemId },
      });
    },
    addChild(parentId, title) {
      const parent = view().get(parentId);
      const trimmed = title.trim();
      if (!parent || isLocal(parent) || !trimmed || !canEdit()) return;
      const itemType = allowedParentTypes(ItemType.ITEM_TYPE_SUBTASK).includes((parent.itemType ?? 0) as ItemType)
        ? ItemType.ITEM_TYPE_SUBTASK
        : ItemType.ITEM_TYPE_STORY;
      const messageId = randomId();
      const first = columnCards(view().values(), parent.statusId)[0];
      const card = toCard({
        id: `${LOCAL_PREFIX}${messageId}`,
        projectId: projectId(),
        key: '',
        title: trimmed,
        statusId: parent.statusId,
        itemType,
        parentId,
        priority: Priority.PRIORITY_NONE,
        labels: [],
        version: 0,
      });
      send({ kind: 'create', messageId, card, afterId: '', beforeId: first?.id ?? '' }, 'add the sub-task', {
        createWorkItem: {
          projectId: projectId(),
          title: trimmed,
          statusId: parent.statusId,
          itemType,
          parentId,
          priority: Priority.PRIORITY_NONE,
          beforeId: first && !isLocal(first) ? first.id : '',
        },
      });
    },
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
    plan(itemId, sprintId, { afterId, beforeId, rank }) {
      const card = view().get(itemId);
      if (!card || isLocal(card) || !canEdit()) return;
      const messageId = randomId();
      // An update op, not a move: the column stays; the sprint and the place in its list change.
      send({ kind: 'update', messageId, itemId, fields: { sprintId, rank } }, `move ${card.key || 'the item'}`, {
        moveWorkItem: { workItemId: itemId, expectedVersion: baseVersion(itemId), statusId: '', afterId, beforeId, sprintId },
      });
    },
    quickAdd(statusId, title) {
      const trimmed = title.trim();
      if (!trimmed || !canEdit()) return null;
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
      return card;
    },
  };
}
