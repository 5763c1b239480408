// The detail panel's lower half: comments (add, with what is typed kept as a
// draft on this device until it is posted or discarded; edit and delete your
// own) and the item's history from the activity log, newest first.
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import type { BoardSlice } from '../store/board.ts';
import type { ItemActivity } from '../store/item-activity.ts';
import type { ItemComment } from '../store/model/comments.ts';
import type { DraftStore } from '../store/drafts.ts';
import { isLocal } from '../store/model/local-ids.ts';
import { DraftBadge } from '../ui/draft-badge.tsx';
import { Markdown } from '../ui/markdown-view.tsx';
import { MentionTextarea } from '../ui/mention-textarea.tsx';
import { describeHistory, memberName, mentionable, when } from './item-format.ts';

function CommentView(props: { comment: ItemComment; board: BoardSlice; activity: ItemActivity; me: string }) {
  const [editing, setEditing] = createSignal(false);
  const [draft, setDraft] = createSignal('');
  const mine = () => props.comment.authorId === props.me && props.board.canEdit() && !isLocal(props.comment);
  const save = () => {
    props.activity.editComment(props.comment, draft());
    setEditing(false);
  };
  return (
    <li
      class="comment"
      classList={{ 'comment--pending': !!props.comment.pending }}
      data-testid="comment"
      data-comment-id={props.comment.id}
      data-pending={props.comment.pending ? 'true' : undefined}
    >
      <header class="comment__head">
        <span class="comment__author">{memberName(props.board, props.comment.authorId, props.me)}</span>
        <span class="comment__time">
          {when(props.comment.createdAt)}
          {Number(props.comment.editedAt ?? 0) > 0 ? ' · edited' : ''}
        </span>
        <Show when={mine() && !editing()}>
          <span class="comment__tools">
            <button
              type="button"
              class="link-button"
              data-testid="comment-edit"
              onClick={() => {
                setDraft(props.comment.body ?? '');
                setEditing(true);
              }}
            >
              Edit
            </button>
            <button
              type="button"
              class="link-button link-button--danger"
              data-testid="comment-delete"
              onClick={() => {
                if (confirm('Delete this comment?')) props.activity.deleteComment(props.comment);
              }}
            >
              Delete
            </button>
          </span>
        </Show>
      </header>
      <Show when={editing()} fallback={<Markdown text={props.comment.body ?? ''} people={mentionable(props.board)} testId="comment-body" />}>
        <textarea
          class="field__input item-textarea"
          aria-label="Edit comment"
          value={draft()}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setEditing(false);
            }
          }}
          data-testid="comment-edit-input"
        />
        <div class="item-actions">
          <button type="button" class="button button--primary" data-testid="comment-edit-save" onClick={save}>
            Save
          </button>
          <button type="button" class="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </div>
      </Show>
    </li>
  );
}

export function ItemComments(props: { board: BoardSlice; activity: ItemActivity; me: string; itemId: string; drafts: DraftStore }) {
  // The panel makes this anew for each item it shows, so the draft is read once, here.
  const [draft, setDraft] = createSignal(props.board.canEdit() ? (props.drafts.read(props.itemId, 'comment')?.text ?? '') : '');
  const type = (text: string) => {
    setDraft(text);
    props.drafts.write(props.itemId, 'comment', { text });
  };
  const discard = () => {
    setDraft('');
    props.drafts.discard(props.itemId, 'comment');
  };
  const submit = (e: Event) => {
    e.preventDefault();
    if (!draft().trim()) return;
    props.activity.addComment(draft());
    discard();
  };
  return (
    <section class="item-section" aria-labelledby="item-comments-title">
      <h2 id="item-comments-title" class="item-section__title">
        Comments <span class="item-section__count">{props.activity.comments().length}</span>
      </h2>
      <Switch>
        <Match when={props.activity.commentsState() === 'loading'}>
          <p class="item-muted">Loading comments…</p>
        </Match>
        <Match when={props.activity.commentsState() === 'error'}>
          <p class="item-muted">The comments could not be loaded.</p>
        </Match>
        <Match when={props.activity.comments().length === 0}>
          <p class="item-muted" data-testid="comments-empty">
            No comments yet.
          </p>
        </Match>
      </Switch>
      <ul class="comments" data-testid="comments">
        <For each={props.activity.comments()}>{(c) => <CommentView comment={c} board={props.board} activity={props.activity} me={props.me} />}</For>
      </ul>
      <Show when={props.board.canEdit()}>
        <form class="comment-form" onSubmit={submit}>
          <MentionTextarea
            people={mentionable(props.board)}
            class="field__input item-textarea"
            placeholder="Write a comment… (markdown)"
            aria-label="New comment"
            value={draft()}
            onInput={(e) => type(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) submit(e);
            }}
            data-testid="comment-input"
          />
          <div class="item-actions">
            <button type="submit" class="button button--primary" data-testid="comment-submit" disabled={!draft().trim()}>
              Comment
            </button>
            <Show when={draft().trim()}>
              <DraftBadge testId="comment-draft" />
              <button type="button" class="link-button link-button--danger" data-testid="comment-discard" onClick={discard}>
                Discard draft
              </button>
            </Show>
          </div>
        </form>
      </Show>
    </section>
  );
}

export function ItemHistory(props: { board: BoardSlice; activity: ItemActivity; me: string }) {
  return (
    <section class="item-section" aria-labelledby="item-history-title">
      <h2 id="item-history-title" class="item-section__title">
        History
      </h2>
      <Show when={props.activity.historyState() !== 'loading'} fallback={<p class="item-muted">Loading history…</p>}>
        <ol class="history" data-testid="history">
          <For each={props.activity.history()}>
            {(entry) => {
              const d = () => describeHistory(props.board, entry.field ?? '', entry.oldValue ?? '', entry.newValue ?? '');
              return (
                <li class="history__entry" data-testid="history-entry" data-field={entry.field}>
                  <span class="history__who">{memberName(props.board, entry.actorId, props.me)}</span> {d().what}
                  <Show when={d().from || d().to}>
                    <span class="history__change">
                      <Show when={d().from}>
                        <span class="history__old">{d().from}</span>
                        {' → '}
                      </Show>
                      <span class="history__new">{d().to}</span>
                    </span>
                  </Show>
                  <span class="history__time">{when(entry.occurredAt)}</span>
                </li>
              );
            }}
          </For>
        </ol>
      </Show>
    </section>
  );
}
