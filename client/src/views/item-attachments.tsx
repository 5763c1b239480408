// The item panel's attachments: files dropped anywhere on the panel or
// picked, each uploading with its progress, then listed with a thumbnail for
// raster images and a download; editors delete them. The list is live: a
// file attached in another window appears here from its event.
import { createMemo, createSignal, For, Index, onCleanup, onMount, Show } from 'solid-js';
import { isInlineImage, sizeInWords } from '../../../shared/domain/attachments.ts';
import { attachmentUrl } from '../../../shared/protocol/attachment-http.ts';
import type { BoardSlice } from '../store/board.ts';
import { createItemAttachments } from '../store/item-attachments.ts';
import { useLive } from '../store/live.ts';
import type { ItemAttachment } from '../store/model/attachments.ts';
import type { Card } from '../store/model/items.ts';
import '../styles/attachments.css';
import { attachmentBlob, uploadAttachment, type Upload } from './attachments-api.ts';
import { memberName, when } from './item-format.ts';
import { saveFile } from './transfer-api.ts';

interface Sending {
  key: number;
  name: string;
  sent: number;
  total: number;
  upload: Upload | null;
  error: string;
}

const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

/** An image attachment, fetched with the tab's token and shown from a blob: URL it lets go of when it goes. */
function Thumbnail(props: { attachment: ItemAttachment }) {
  const live = useLive();
  const [src, setSrc] = createSignal('');
  let url = '';
  let gone = false;
  void live
    .token()
    .then((token) => attachmentBlob(props.attachment.id, token))
    .then((blob) => {
      if (gone) return;
      url = URL.createObjectURL(blob);
      setSrc(url);
    })
    .catch(() => undefined);
  onCleanup(() => {
    gone = true;
    if (url) URL.revokeObjectURL(url);
  });
  return (
    <Show when={src()} fallback={<span class="attachment__thumb attachment__thumb--loading" aria-hidden="true" />}>
      <img class="attachment__thumb" src={src()} alt={props.attachment.fileName ?? ''} data-testid="attachment-thumb" />
    </Show>
  );
}

/** "PDF", "ZIP": what stands for a file that has no thumbnail. */
const extensionOf = (name: string) => (/\.([a-z0-9]{1,4})$/i.exec(name)?.[1] ?? 'file').toUpperCase();

export function ItemAttachments(props: { board: BoardSlice; item: Card; editable: boolean }) {
  const live = useLive();
  // A memo: the card is a new object at every change of the item, its id is not.
  const itemId = createMemo(() => props.item.id);
  const store = createItemAttachments(live, props.board, itemId);
  const [sending, setSending] = createSignal<readonly Sending[]>([]);
  const [dropping, setDropping] = createSignal(false);
  let section: HTMLElement | undefined;
  let picker: HTMLInputElement | undefined;
  let next = 0;

  const change = (key: number, patch: Partial<Sending>) => setSending((list) => list.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const forget = (key: number) => setSending((list) => list.filter((s) => s.key !== key));
  const cancel = (s: Sending) => {
    forget(s.key);
    s.upload?.cancel();
  };

  const attach = async (files: readonly File[]) => {
    if (!props.editable) return;
    const itemId = props.item.id;
    const token = await live.token();
    for (const file of files) {
      const key = ++next;
      const upload = uploadAttachment(itemId, file, token, (sent, total) => change(key, { sent, total }));
      setSending((list) => [...list, { key, name: file.name, sent: 0, total: file.size, upload, error: '' }]);
      upload.done.then(
        (attachment) => {
          store.added(attachment);
          forget(key);
        },
        (err: Error) => change(key, { error: err.message, upload: null }),
      );
    }
  };

  // The whole panel takes a drop, not just this section: it is where the person is looking.
  onMount(() => {
    const panel = section?.closest<HTMLElement>('[data-testid="item-panel"]');
    if (!panel) return;
    let depth = 0;
    const show = (on: boolean) => {
      setDropping(on);
      if (on) panel.dataset['dropping'] = 'true';
      else delete panel.dataset['dropping'];
    };
    // A file let go anywhere on the panel is taken, a viewer's too (and then ignored):
    // left to the browser, it would open the file in place of the app.
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth += 1;
      show(props.editable);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer!.dropEffect = props.editable ? 'copy' : 'none';
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) show(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      show(false);
      void attach([...e.dataTransfer!.files]);
    };
    panel.addEventListener('dragenter', enter);
    panel.addEventListener('dragover', over);
    panel.addEventListener('dragleave', leave);
    panel.addEventListener('drop', drop);
    onCleanup(() => {
      panel.removeEventListener('dragenter', enter);
      panel.removeEventListener('dragover', over);
      panel.removeEventListener('dragleave', leave);
      panel.removeEventListener('drop', drop);
      show(false);
    });
  });

  const download = (e: MouseEvent, attachment: ItemAttachment) => {
    e.preventDefault();
    void live
      .token()
      .then((token) => attachmentBlob(attachment.id, token))
      .then((blob) => saveFile(blob, attachment.fileName ?? 'attachment'))
      .catch((err: Error) => live.toasts.show(`Could not download ${attachment.fileName}: ${err.message}`));
  };

  const count = () => store.list().length;

  return (
    <section ref={section} class="item-section" aria-labelledby="item-attachments-title" data-testid="item-attachments">
      <div class="item-section__bar">
        <h2 id="item-attachments-title" class="item-section__title">
          Attachments <span class="item-section__count">{count()}</span>
        </h2>
        <Show when={props.editable}>
          <button type="button" class="link-button" data-testid="attach-files" onClick={() => picker?.click()}>
            + Attach files
          </button>
          <input
            ref={picker}
            type="file"
            multiple
            hidden
            data-testid="attachment-picker"
            onChange={(e) => {
              const files = [...(e.currentTarget.files ?? [])];
              e.currentTarget.value = '';
              void attach(files);
            }}
          />
        </Show>
      </div>
      <Show when={props.editable}>
        <p class="attachment-drop" classList={{ 'attachment-drop--active': dropping() }} data-testid="attachment-drop">
          {dropping() ? 'Drop to attach' : 'Drop files anywhere on this panel to attach them'}
        </p>
      </Show>
      <Show when={store.load() === 'error'}>
        <p class="form-alert" role="alert">
          The attachments could not be loaded.
        </p>
      </Show>
      <ul class="attachments">
        {/* Index, not For: each progress event makes a new entry, and its row should stay. */}
        <Index each={sending()}>
          {(s) => (
            <li class="attachment attachment--sending" data-testid="attachment-upload" data-state={s().error ? 'failed' : 'sending'}>
              <span class="attachment__thumb attachment__thumb--file" aria-hidden="true">
                {extensionOf(s().name)}
              </span>
              <span class="attachment__main">
                <span class="attachment__name">{s().name}</span>
                <Show
                  when={!s().error}
                  fallback={
                    <span class="attachment__error" role="alert">
                      {s().error}
                    </span>
                  }
                >
                  <progress class="attachment__progress" max={Math.max(s().total, 1)} value={s().sent} aria-label={`Uploading ${s().name}`} />
                </Show>
              </span>
              <Show
                when={s().error}
                fallback={
                  <button type="button" class="icon-button" aria-label={`Cancel the upload of ${s().name}`} title="Cancel" onClick={() => cancel(s())}>
                    ×
                  </button>
                }
              >
                <button type="button" class="icon-button" aria-label={`Dismiss: ${s().name}`} title="Dismiss" onClick={() => forget(s().key)}>
                  ×
                </button>
              </Show>
            </li>
          )}
        </Index>
        <For each={store.list()}>
          {(attachment) => (
            <li class="attachment" data-testid="attachment" data-name={attachment.fileName}>
              <Show
                when={isInlineImage(attachment.contentType)}
                fallback={
                  <span class="attachment__thumb attachment__thumb--file" aria-hidden="true">
                    {extensionOf(attachment.fileName ?? '')}
                  </span>
                }
              >
                <Thumbnail attachment={attachment} />
              </Show>
              <span class="attachment__main">
                <a class="attachment__name" href={attachmentUrl(attachment.id)} onClick={(e) => download(e, attachment)} data-testid="attachment-download">
                  {attachment.fileName}
                </a>
                <span class="attachment__meta">
                  {sizeInWords(Number(attachment.size ?? 0))} · {memberName(props.board, attachment.uploadedBy, live.session.user.id)} · {when(attachment.uploadedAtMs)}
                </span>
              </span>
              <Show when={props.editable}>
                <button
                  type="button"
                  class="icon-button"
                  aria-label={`Delete ${attachment.fileName}`}
                  title="Delete"
                  data-testid="attachment-delete"
                  onClick={() => store.remove(attachment)}
                >
                  ×
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={store.load() === 'ready' && count() === 0 && sending().length === 0 && !props.editable}>
        <p class="item-muted">No attachments.</p>
      </Show>
    </section>
  );
}
