// One open work item's attachments: list_attachments when the item opens (and
// after a reconnect), then live from the board's feed, so a file someone
// uploads in another window appears here. A delete goes through the board's
// send path (writes.ts): hidden at once, back with a toast if refused.
// Uploads are HTTP (views/attachments-api.ts); their event brings them here.
import { batch, createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import type { IAttachment } from '../../../shared/proto.ts';
import { randomId } from '../../../shared/sdk/ids.ts';
import type { BoardSlice } from './board.ts';
import type { Live } from './live.ts';
import { applyAttachment, attachmentsReducer, attachmentView, fromAttachments, type AttachmentDeleteOp, type AttachmentsById, type ItemAttachment } from './model/attachments.ts';
import { plainError } from './model/plain-error.ts';
import { createOpList } from './writes.ts';

export type AttachmentsLoad = 'loading' | 'ready' | 'error';

export interface ItemAttachments {
  list: Accessor<readonly ItemAttachment[]>;
  load: Accessor<AttachmentsLoad>;
  /** An upload's answer: shown at once, before (or without) its event. */
  added(attachment: IAttachment): void;
  remove(attachment: ItemAttachment): void;
}

export function createItemAttachments(live: Live, board: BoardSlice, itemId: Accessor<string>): ItemAttachments {
  const [confirmed, setConfirmed] = createSignal<AttachmentsById>(new Map());
  const [load, setLoad] = createSignal<AttachmentsLoad>('loading');
  const deletes = createOpList<AttachmentDeleteOp>();
  const list = createMemo(() => attachmentView(confirmed(), deletes.ops()));

  let gen = 0;
  createEffect(
    on([itemId, live.open], ([id, open]) => {
      if (!id || !open) return;
      const mine = ++gen;
      live.connection.request({ listAttachments: { workItemId: id } }).then(
        (r) => {
          if (mine !== gen) return;
          batch(() => {
            setConfirmed(fromAttachments(r.attachments?.attachments ?? []));
            setLoad('ready');
          });
        },
        () => mine === gen && setLoad('error'),
      );
    }),
  );
  // Another item opened in the same panel: start clean.
  createEffect(
    on(
      itemId,
      () => {
        batch(() => {
          setConfirmed(new Map());
          deletes.clear();
          setLoad('loading');
        });
      },
      { defer: true },
    ),
  );

  const offEvent = board.onEvent((event) => setConfirmed((map) => attachmentsReducer.event(map, event, itemId())));
  const offReply = live.connection.onReply((reply) => setConfirmed((map) => attachmentsReducer.reply(map, reply, itemId())));
  onCleanup(() => {
    offEvent();
    offReply();
  });

  return {
    list,
    load,
    added: (attachment) => setConfirmed((map) => applyAttachment(map, attachment, itemId())),
    remove(attachment) {
      if (!board.canEdit()) return;
      const action = `delete ${attachment.fileName}`;
      void board
        .send({
          command: { deleteAttachment: { attachmentId: attachment.id } },
          action,
          op: { messageId: randomId(), id: attachment.id },
          into: deletes,
        })
        .then((outcome) => {
          if (outcome.kind === 'refused') live.toasts.show(plainError(action, outcome.error));
        });
    },
  };
}
