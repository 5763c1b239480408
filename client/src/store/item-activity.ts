// One open work item's comments and history. Comments come from get_comments,
// then live from the board's feed (comment events); our own comment writes go
// through the board's send path (writes.ts): shown at once, marked pending,
// and undone with a plain-words toast when the server refuses them. History
// is get_history, fetched again whenever the item or its comments change.
import { batch, createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import type { IActivityEntry } from '../../../shared/proto.ts';
import { randomId } from '../../../shared/sdk/ids.ts';
import type { BoardSlice } from './board.ts';
import type { Live } from './live.ts';
import { commentsReducer, commentView, fromComments, type CommentOp, type CommentsById, type ItemComment } from './model/comments.ts';
import { isLocal, localId } from './model/local-ids.ts';
import { plainError } from './model/plain-error.ts';
import { createOpList, type Write } from './writes.ts';

export type Loading = 'loading' | 'ready' | 'error';

export interface ItemActivity {
  comments: Accessor<readonly ItemComment[]>;
  commentsState: Accessor<Loading>;
  history: Accessor<readonly IActivityEntry[]>;
  historyState: Accessor<Loading>;
  addComment(body: string): void;
  editComment(comment: ItemComment, body: string): void;
  deleteComment(comment: ItemComment): void;
}

export function createItemActivity(live: Live, board: BoardSlice, itemId: Accessor<string>): ItemActivity {
  const [confirmed, setConfirmed] = createSignal<CommentsById>(new Map());
  const pending = createOpList<CommentOp>();
  const [commentsState, setCommentsState] = createSignal<Loading>('loading');
  const [history, setHistory] = createSignal<readonly IActivityEntry[]>([]);
  const [historyState, setHistoryState] = createSignal<Loading>('loading');
  const comments = createMemo(() => commentView(confirmed(), pending.ops()));

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
            setConfirmed(fromComments(r.comments?.comments ?? []));
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
    on(
      itemId,
      () => {
        batch(() => {
          setConfirmed(new Map());
          pending.clear();
          setHistory([]);
          setCommentsState('loading');
          setHistoryState('loading');
        });
      },
      { defer: true },
    ),
  );

  const offEvent = board.onEvent((event) => {
    const c = event.comment?.comment;
    if (c && c.workItemId === itemId()) {
      setConfirmed((map) => commentsReducer.event(map, event, itemId()));
      refreshHistory();
    }
    if (event.workItem?.workItem?.id === itemId()) refreshHistory();
    if (event.attachment?.attachment?.workItemId === itemId()) refreshHistory();
  });
  // The Result of a comment write of ours carries the comment (no event comes for it); a refusal, the current one.
  const offReply = live.connection.onReply((reply) => {
    setConfirmed((map) => commentsReducer.reply(map, reply, itemId()));
    if (reply.ok && (reply.result.workItem?.id === itemId() || reply.result.comment?.workItemId === itemId())) refreshHistory();
  });
  onCleanup(() => {
    offEvent();
    offReply();
    clearTimeout(historyTimer);
  });

  const send = (write: Write<CommentOp>) => {
    // Comment commands name no project: the write says whose seq it advances.
    void board.send({ ...write, into: pending, projectId: board.project()?.id ?? '' }).then((outcome) => {
      if (outcome.kind === 'conflict') {
        const op = write.op;
        const text = op?.kind === 'edit' ? op.body.slice(0, 80) : '';
        live.toasts.show(`Could not ${write.action}: it was changed a moment ago. It now shows the latest version; your text was: “${text}”.`);
      } else if (outcome.kind === 'refused') live.toasts.show(plainError(write.action, outcome.error));
    });
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
        id: localId(messageId),
        workItemId: itemId(),
        authorId: live.session.user.id,
        body,
        createdAt: Date.now(),
        version: 0,
        pending: true,
      };
      send({ command: { addComment: { workItemId: itemId(), body } }, action: 'add the comment', op: { kind: 'add', messageId, comment } });
    },
    editComment(comment, body) {
      if (!body.trim() || body === comment.body || isLocal(comment)) return;
      send({
        command: { editComment: { commentId: comment.id, expectedVersion: Number(comment.version ?? 0), body } },
        action: 'edit the comment',
        op: { kind: 'edit', messageId: randomId(), id: comment.id, body },
      });
    },
    deleteComment(comment) {
      if (isLocal(comment)) return;
      send({ command: { deleteComment: { commentId: comment.id } }, action: 'delete the comment', op: { kind: 'delete', messageId: randomId(), id: comment.id } });
    },
  };
}
