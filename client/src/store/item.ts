// One open work item's comments and history. Comments come from get_comments,
// then live from the board's feed (comment events); our own comment writes are
// shown at once, marked pending, and undone with a plain-words toast when the
// server refuses them. History is get_history, fetched again whenever the item
// or its comments change.
import { batch, createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import { ErrorCode, type IActivityEntry, type IComment } from '../../../shared/proto.ts';
import { randomId } from '../../../shared/sdk/ids.ts';
import { plainError } from './board-logic.ts';
import type { BoardSlice } from './board.ts';
import type { Live } from './live.ts';

export type ItemComment = IComment & { id: string; pending?: boolean };

type CommentOp =
  | { kind: 'add'; messageId: string; comment: ItemComment }
  | { kind: 'edit'; messageId: string; id: string; body: string }
  | { kind: 'delete'; messageId: string; id: string };

export type Loading = 'loading' | 'ready' | 'error';

export interface ItemStore {
  comments: Accessor<readonly ItemComment[]>;
  commentsState: Accessor<Loading>;
  history: Accessor<readonly IActivityEntry[]>;
  historyState: Accessor<Loading>;
  addComment(body: string): void;
  editComment(comment: ItemComment, body: string): void;
  deleteComment(comment: ItemComment): void;
}

const isDeleted = (c: IComment) => Number(c.deletedAt ?? 0) > 0;

/** Pure: the comments a person sees, oldest first, with our unanswered writes laid on them. */
export function commentView(confirmed: ReadonlyMap<string, ItemComment>, ops: readonly CommentOp[]): ItemComment[] {
  const view = new Map(confirmed);
  for (const op of ops) {
    if (op.kind === 'add') view.set(op.comment.id, op.comment);
    else if (op.kind === 'edit') {
      const c = view.get(op.id);
      if (c) view.set(op.id, { ...c, body: op.body, pending: true });
    } else view.delete(op.id);
  }
  return [...view.values()].sort((a, b) => Number(a.createdAt ?? 0) - Number(b.createdAt ?? 0) || (a.id < b.id ? -1 : 1));
}

export function createItemStore(live: Live, board: BoardSlice, itemId: Accessor<string>): ItemStore {
  const [confirmed, setConfirmed] = createSignal<ReadonlyMap<string, ItemComment>>(new Map());
  const [ops, setOps] = createSignal<readonly CommentOp[]>([]);
  const [commentsState, setCommentsState] = createSignal<Loading>('loading');
  const [history, setHistory] = createSignal<readonly IActivityEntry[]>([]);
  const [historyState, setHistoryState] = createSignal<Loading>('loading');
  const comments = createMemo(() => commentView(confirmed(), ops()));
  const projectId = () => board.project()?.id ?? '';

  const applyComment = (c: IComment) => {
    if (!c.id || c.workItemId !== itemId()) return;
    setConfirmed((map) => {
      const known = map.get(c.id!);
      if (known && Number(known.version ?? 0) > Number(c.version ?? 0)) return map;
      const next = new Map(map);
      if (isDeleted(c)) next.delete(c.id!);
      else next.set(c.id!, { ...c, id: c.id! });
      return next;
    });
  };

  let historyGen = 0;
  const fetchHistory = () => {
    const id = itemId();
    if (!id || !live.open()) return;
    const gen = ++historyGen;
    live.connection.request({ getHistory: { workItemId: id } }).then(
      (r) => {
        if (gen !== historyGen) return;
        batch(() => {
          setHistory(r.history?.entries ?? []);
          setHistoryState('ready');
        });
      },
      () => gen === historyGen && setHistoryState('error'),
    );
  };
  let historyTimer: ReturnType<typeof setTimeout> | undefined;
  const refreshHistory = () => {
    clearTimeout(historyTimer);
    historyTimer = setTimeout(fetchHistory, 150);
  };

  let commentsGen = 0;
  createEffect(
    on([itemId, live.open], ([id, open]) => {
      if (!id || !open) return;
      const gen = ++commentsGen;
      live.connection.request({ getComments: { workItemId: id } }).then(
        (r) => {
          if (gen !== commentsGen) return;
          batch(() => {
            setConfirmed(new Map((r.comments?.comments ?? []).filter((c) => !isDeleted(c)).map((c) => [c.id ?? '', { ...c, id: c.id ?? '' }])));
            setCommentsState('ready');
          });
        },
        () => gen === commentsGen && setCommentsState('error'),
      );
      fetchHistory();
    }),
  );
  // Another item opened in the same panel: start clean.
  createEffect(
    on(itemId, () => {
      batch(() => {
        setConfirmed(new Map());
        setOps([]);
        setHistory([]);
        setCommentsState('loading');
        setHistoryState('loading');
      });
    }, { defer: true }),
  );

  const offEvent = board.onEvent((event) => {
    const c = event.comment?.comment;
    if (c && c.workItemId === itemId()) {
      applyComment(c);
      refreshHistory();
    }
    if (event.workItem?.workItem?.id === itemId()) refreshHistory();
  });
  const offReply = live.connection.onReply((reply) => {
    if (!reply.ok) return;
    if (reply.result.workItem?.id === itemId() || reply.result.comment?.workItemId === itemId()) refreshHistory();
  });
  onCleanup(() => {
    offEvent();
    offReply();
    clearTimeout(historyTimer);
  });

  const dropOp = (messageId: string) => setOps((list) => list.filter((op) => op.messageId !== messageId));
  const send = (op: CommentOp, action: string, command: Parameters<Live['connection']['request']>[0]) => {
    setOps((list) => [...list, op]);
    live.connection.request(command, { messageId: op.messageId, projectId: projectId(), meta: { board: projectId() } }).then(
      (r) => {
        batch(() => {
          if (r.comment) applyComment(r.comment);
          dropOp(op.messageId);
        });
      },
      (err: unknown) => {
        if ((err as Error)?.name === 'ConnectionError') return;
        const e = err as { code?: number; current?: { comment?: IComment } | null };
        batch(() => {
          if (e?.current?.comment) applyComment(e.current.comment);
          dropOp(op.messageId);
        });
        live.toasts.show(
          e?.code === ErrorCode.ERROR_CODE_CONFLICT
            ? `Could not ${action}: it was changed a moment ago. It now shows the latest version; your text was: “${op.kind === 'edit' ? op.body.slice(0, 80) : ''}”.`
            : plainError(action, err),
        );
      },
    );
  };

  return {
    comments,
    commentsState,
    history,
    historyState,
    addComment(body) {
      if (!body.trim() || !board.canEdit()) return;
      const messageId = randomId();
      const comment: ItemComment = {
        id: `local-${messageId}`,
        workItemId: itemId(),
        authorId: live.session.user.id,
        body,
        createdAt: Date.now(),
        version: 0,
        pending: true,
      };
      send({ kind: 'add', messageId, comment }, 'add the comment', { addComment: { workItemId: itemId(), body } });
    },
    editComment(comment, body) {
      if (!body.trim() || body === comment.body || comment.id.startsWith('local-')) return;
      send({ kind: 'edit', messageId: randomId(), id: comment.id, body }, 'edit the comment', {
        editComment: { commentId: comment.id, expectedVersion: Number(comment.version ?? 0), body },
      });
    },
    deleteComment(comment) {
      if (comment.id.startsWith('local-')) return;
      send({ kind: 'delete', messageId: randomId(), id: comment.id }, 'delete the comment', { deleteComment: { commentId: comment.id } });
    },
  };
}
