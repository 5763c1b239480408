// An item's work logs, the latest start first: who, when, how long and the
// note. Whoever logged one edits or deletes it, a project admin any (the
// server's rule, PROTOCOL.md §5); an edit is checked against the log's version.
import { createSignal, For, Show } from 'solid-js';
import { atLeast } from '../../../shared/domain/permissions.ts';
import { Role } from '../../../shared/proto.ts';
import type { BoardSlice } from '../store/board.ts';
import { duration, hoursPerDay } from '../store/hours-per-day.ts';
import { isLocal } from '../store/model/local-ids.ts';
import { localDateTime, readLogEdit } from '../store/model/work-log-input.ts';
import type { ItemWorkLog } from '../store/model/work-logs.ts';
import type { ItemWorkLogs } from '../store/work-logs.ts';
import { memberName, when } from './item-format.ts';

function LogEdit(props: { log: ItemWorkLog; logs: ItemWorkLogs; close(): void; say(words: string | null): void }) {
  const [problem, setProblem] = createSignal('');
  const submit = (form: HTMLFormElement) => {
    const text = (name: string) => String(new FormData(form).get(name) ?? '');
    const read = readLogEdit(props.log, { duration: text('duration'), when: text('when'), note: text('note') }, hoursPerDay(), Date.now());
    if (!read.ok) return setProblem(read.problem);
    void props.logs.edit(props.log, read.value).then(props.say);
    props.close();
  };
  return (
    <form
      class="work-log-form"
      aria-label="Change the work log"
      data-testid="work-log-edit-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit(e.currentTarget);
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        props.close();
      }}
    >
      <div class="work-log-form__row">
        <label class="field">
          <span class="field__label">Time spent</span>
          <input class="field__input" name="duration" value={duration(Number(props.log.minutes ?? 0))} data-testid="work-log-edit-duration" />
        </label>
        <label class="field">
          <span class="field__label">Started</span>
          <input class="field__input" type="datetime-local" name="when" value={localDateTime(Number(props.log.startedAt ?? 0))} data-testid="work-log-edit-when" />
        </label>
      </div>
      <label class="field">
        <span class="field__label">Note</span>
        <input class="field__input" name="note" value={props.log.note ?? ''} data-testid="work-log-edit-note" />
      </label>
      <Show when={problem()}>
        <p class="form-alert" role="alert" data-testid="work-log-edit-error">
          {problem()}
        </p>
      </Show>
      <div class="item-actions">
        <button type="submit" class="button button--primary" data-testid="work-log-edit-save">
          Save
        </button>
        <button type="button" class="button" onClick={() => props.close()}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function WorkLogList(props: { board: BoardSlice; logs: ItemWorkLogs; me: string; say(words: string | null): void }) {
  const [editing, setEditing] = createSignal('');
  const mayChange = (log: ItemWorkLog) =>
    !log.pending && !isLocal(log) && props.board.canEdit() && (log.userId === props.me || atLeast(props.board.role(), Role.ROLE_ADMIN));
  return (
    <Show when={props.logs.logs().length > 0} fallback={<Show when={props.logs.state() === 'error'}><p class="item-muted">The work logs could not be read.</p></Show>}>
      <ul class="work-logs" aria-label="Work logs" data-testid="work-logs">
        <For each={props.logs.logs()}>
          {(log) => (
            <li
              class="work-log"
              classList={{ 'work-log--pending': !!log.pending }}
              data-testid="work-log"
              data-minutes={String(log.minutes ?? 0)}
              data-pending={log.pending ? 'true' : undefined}
            >
              <Show
                when={editing() === log.id}
                fallback={
                  <>
                    <div class="work-log__head">
                      <span class="work-log__who">{memberName(props.board, log.userId, props.me)}</span>
                      <span class="work-log__minutes" data-testid="work-log-duration">
                        {duration(Number(log.minutes ?? 0))}
                      </span>
                      <span class="work-log__when">{when(log.startedAt)}</span>
                      <Show when={mayChange(log)}>
                        <span class="comment__tools">
                          <button type="button" class="link-button" data-testid="work-log-edit" onClick={() => setEditing(log.id)}>
                            Edit
                          </button>
                          <button
                            type="button"
                            class="link-button link-button--danger"
                            data-testid="work-log-delete"
                            onClick={() => {
                              if (confirm('Delete this work log?')) void props.logs.remove(log).then(props.say);
                            }}
                          >
                            Delete
                          </button>
                        </span>
                      </Show>
                    </div>
                    <Show when={log.note}>
                      <p class="work-log__note" data-testid="work-log-note">
                        {log.note}
                      </p>
                    </Show>
                  </>
                }
              >
                <LogEdit log={log} logs={props.logs} close={() => setEditing('')} say={props.say} />
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
