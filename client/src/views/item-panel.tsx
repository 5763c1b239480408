// One work item in a panel over a project page (the board at
// "/p/:key/item/:number", the backlog at "/p/:key/backlog?item=:number"),
// which stays mounted and live behind it. Editors change every field in place; each
// change goes through the board slice (optimistic, pending until its reply,
// rolled back with a toast on refusal, the conflict dialog on CONFLICT).
// An edit is based on the version the item had when the person started it
// (focus, or opening the description editor), so a change someone else saved
// meanwhile is a CONFLICT to resolve, never silently overwritten. A
// half-written description or comment is kept on this device (drafts.ts)
// until it is saved or discarded, so closing the panel loses nothing.
// Viewers get the same panel as plain text: no inputs at all.
import { useLocation, useNavigate, useParams } from '@solidjs/router';
import { createEffect, createMemo, onCleanup, Show } from 'solid-js';
import type { ICustomFieldValue } from '../../../shared/proto.ts';
import { useBoard, type BoardSlice } from '../store/board.ts';
import { makeDeviceStorage } from '../store/device-storage.ts';
import { makeDraftStore } from '../store/drafts.ts';
import { createItemActivity } from '../store/item-activity.ts';
import { createDescriptionLoad } from '../store/item-description.ts';
import { useLive } from '../store/live.ts';
import type { ItemPatch } from '../store/model/item-patch.ts';
import type { Card } from '../store/model/items.ts';
import { isLocal } from '../store/model/local-ids.ts';
import { setViewing } from '../store/presence.ts';
import '../styles/item.css';
import { DraftInput } from '../ui/draft-input.tsx';
import { ModalDialog } from '../ui/modal-dialog.tsx';
import { ItemComments, ItemHistory } from './item-activity.tsx';
import { ItemChildren } from './item-children.tsx';
import { Description } from './item-description.tsx';
import { ItemTypeBadge } from './item-type-badge.tsx';
import { ItemFields } from './item-fields.tsx';
import { ItemLinks } from './item-links.tsx';
import { ItemAttachments } from './item-attachments.tsx';
import { ItemTime } from './item-time.tsx';
import { DELETE_KEYS, isDeleteKey, isTyping } from './shortcuts.ts';
import { WatchToggle } from './watch-toggle.tsx';

/** Where the panel's links go: another item of the project (a sub-task, say), and back to the page under it. */
export interface ItemPanelNav {
  open(itemNumber: number): void;
  close(): void;
}

function ItemBody(props: { board: BoardSlice; item: Card; nav: ItemPanelNav }) {
  const live = useLive();
  const board = props.board;
  const me = live.session.user.id;
  const drafts = makeDraftStore(makeDeviceStorage(), { tenantId: live.session.tenantId, userId: me });
  const item = () => props.item;
  const editable = () => board.canEdit() && !isLocal(item());
  /** The item's own fields: in pull mode, not of an item someone else claimed (unless an admin). */
  const fieldsEditable = () => editable() && board.canEditItem(item());
  const activity = createItemActivity(live, board, () => item().id);
  const descriptionLoad = createDescriptionLoad(live, () => item().id, () => item().descriptionOmitted === true);
  const save = (patch: ItemPatch, base: number) => void board.update(item().id, patch, base);
  const saveValues = (values: ICustomFieldValue[], base: number) => void board.setValues(item().id, values, base);

  return (
    <>
      <Show when={board.pullRefusal(item())}>
        {(why) => (
          <p class="item-muted item-panel__claimed" data-testid="item-claimed-note">
            {why()}.
          </p>
        )}
      </Show>
      <div class="item-panel__title">
        <Show when={fieldsEditable()} fallback={<h1 class="item-title" data-testid="item-title">{item().title}</h1>}>
          <DraftInput
            value={item().title ?? ''}
            label="Title"
            testId="item-title-input"
            class="item-title item-title--input"
            begin={() => board.baseVersion(item().id)}
            commit={(text, base) => text.trim() && save({ title: text.trim() }, base)}
          />
        </Show>
      </div>
      <ItemFields board={board} item={item()} editable={fieldsEditable()} save={save} saveValues={saveValues} />
      <Description board={board} item={item()} load={descriptionLoad()} editable={fieldsEditable()} drafts={drafts} save={save} />
      <ItemChildren board={board} item={item()} open={props.nav.open} editable={editable()} />
      <ItemLinks board={board} item={item()} open={props.nav.open} editable={editable()} />
      <ItemAttachments board={board} item={item()} editable={editable()} />
      <ItemTime board={board} item={item()} editable={fieldsEditable()} save={save} />
      <ItemComments board={board} activity={activity} me={me} itemId={item().id} drafts={drafts} />
      <ItemHistory board={board} activity={activity} me={me} />
    </>
  );
}

/** "/p/:key/item/:number" over the board; closing it goes back to the board as it was filtered. */
export function ItemPanel() {
  const params = useParams<{ key: string; number: string }>();
  const navigate = useNavigate();
  const location = useLocation();
  const nav: ItemPanelNav = {
    open: (n) => navigate(`/p/${params.key}/item/${n}${location.search}`),
    close: () => navigate(`/p/${params.key}${location.search}`),
  };
  return <ItemPanelView projectKey={params.key} number={params.number} nav={nav} />;
}

/** The item numbered `number` of the board in context (BoardContext), in the panel. */
export function ItemPanelView(props: { projectKey: string; number: string; nav: ItemPanelNav }) {
  const board = useBoard();
  const item = createMemo(() => {
    const n = Number(props.number);
    for (const c of board.items().values()) if (Number(c.number ?? 0) === n && !isLocal(c)) return c;
    return undefined;
  });
  // Keyed by id, not by object: every change makes a new card object, and re-creating
  // the body would drop focus and any draft being typed.
  const itemId = createMemo(() => item()?.id);
  let last: Card | undefined;
  const current = () => (last = item() ?? last)!;
  const close = () => props.nav.close();
  const deletable = () => !!item() && board.canEditItem(item()!) && !isLocal(item()!);
  // The panel closes with its item; the toast on the page below offers Undo.
  const remove = () => {
    const open = item();
    if (!open || !deletable()) return;
    board.remove(open.id);
    close();
  };
  // Others on the board see which item this person has open.
  createEffect(() => {
    const open = item();
    if (open?.id && open.projectId) setViewing(open.projectId, open.id);
  });
  onCleanup(() => {
    const open = last;
    if (open?.projectId) setViewing(open.projectId, '');
  });
  let panel: HTMLElement | undefined;
  // Opened by a link or a typed address, the panel gives the focus to the item's card (or row) when it closes.
  const shownOnPage = () => {
    const id = (item() ?? last)?.id;
    return id ? document.querySelector<HTMLElement>(`[data-opens-item="${CSS.escape(id)}"]`) : null;
  };

  return (
    <ModalDialog
      class="item-overlay"
      aria-label={item() ? `${item()!.key} ${item()!.title}` : 'Work item'}
      onDismiss={close}
      initialFocus={() => panel}
      returnFocus={shownOnPage}
    >
      <div class="item-overlay__backdrop" onClick={close} aria-hidden="true" />
      <aside
        ref={panel}
        onKeyDown={(e) => {
          if (!isDeleteKey(e) || isTyping(e.target)) return;
          e.preventDefault();
          remove();
        }}
        class="item-panel"
        tabIndex={-1}
        data-testid="item-panel"
        data-item-id={item()?.id}
        data-pending={item()?.pending ? 'true' : undefined}
        data-can-edit={board.canEdit() ? 'true' : 'false'}
      >
        <header class="item-panel__head">
          <Show when={item()}>
            {(c) => (
              <>
                <ItemTypeBadge item={c()} project={board.project()} testId="item-type" />
                <span class="item-panel__key" data-testid="item-key">
                  {c().key}
                </span>
                <Show when={c().pending}>
                  <span class="item-panel__pending" data-testid="item-pending">
                    Saving…
                  </span>
                </Show>
                <Show when={!board.canEdit()}>
                  <span class="role-badge" data-testid="item-read-only">
                    Read only
                  </span>
                </Show>
              </>
            )}
          </Show>
          <span class="item-panel__spacer" />
          <Show when={item()}>{(c) => <WatchToggle item={c()} />}</Show>
          <Show when={deletable()}>
            <button type="button" class="button button--ghost item-panel__delete" title={`Delete (${DELETE_KEYS})`} data-testid="item-delete" onClick={remove}>
              Delete
            </button>
          </Show>
          <button type="button" class="icon-button" aria-label="Close" title="Close (Esc)" data-testid="item-close" onClick={close}>
            ×
          </button>
        </header>
        <div class="item-panel__body">
          <Show
            when={itemId()}
            keyed
            fallback={
              <Show when={board.load().state === 'ready'} fallback={<p class="item-muted">Loading…</p>}>
                <div class="empty-state" data-testid="item-missing">
                  <p class="empty-state__title">
                    There is no item {props.projectKey}-{props.number}
                  </p>
                  <p class="empty-state__text">It may have been deleted.</p>
                </div>
              </Show>
            }
          >
            {(_id: string) => <ItemBody board={board} item={current()} nav={props.nav} />}
          </Show>
        </div>
      </aside>
    </ModalDialog>
  );
}
