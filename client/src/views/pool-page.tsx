// "/p/:key/pool": a pull-mode project's Pool. The unclaimed items ready to
// pull (in a "To do" column, not epics), in the team's order (rank, then
// priority), each with Claim; beside them each person's claimed unfinished
// work. All of it is derived from the board slice (store/model/pool.ts), so a
// claim made anywhere takes the item out of the pool at once, and ours shows
// before its reply. Outside pull mode the page says what the Pool is for.
import { A, useParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { Role } from '../../../shared/proto.ts';
import { createBoardSlice } from '../store/board.ts';
import { useLive } from '../store/live.ts';
import type { Card } from '../store/model/items.ts';
import { poolOf } from '../store/model/pool.ts';
import { ItemTypeBadge } from './item-type-badge.tsx';
import { PRIORITY_NAMES, statusName } from './item-format.ts';
import { ProjectBody } from './project-load-states.tsx';
import { ProjectPageHeader } from './project-page-header.tsx';
import { useUndoKeys } from './undo-keys.ts';
import '../styles/backlog.css';
import '../styles/trash.css';
import '../styles/workflow.css';

const items = (n: number) => `${n} ${n === 1 ? 'item' : 'items'}`;

export function PoolPage() {
  const params = useParams<{ key: string }>();
  const live = useLive();
  const board = createBoardSlice(live, () => params.key);
  const me = live.session.user.id;
  useUndoKeys(board);
  const pool = createMemo(() =>
    poolOf(
      board.items().values(),
      board.columns().map((c) => c.status),
      board.members(),
      me,
    ),
  );
  const isAdmin = () => board.role() === Role.ROLE_ADMIN;

  function What(props: { card: Card }) {
    const meta = () =>
      [statusName(board, props.card.statusId), PRIORITY_NAMES[props.card.priority ?? 0], props.card.hasStoryPoints ? `${props.card.storyPoints} points` : '']
        .filter(Boolean)
        .join(' · ');
    return (
      <>
        <ItemTypeBadge item={props.card} project={board.project()} />
        <span class="pool-row__what">
          <A href={`/p/${params.key}/item/${Number(props.card.number ?? 0)}`} class="pool-row__title">
            <span class="pool-row__key">{props.card.key}</span> <span data-testid="pool-title">{props.card.title}</span>
          </A>
          <span class="pool-row__meta">{meta()}</span>
        </span>
      </>
    );
  }

  return (
    <div class="page page--pool">
      <ProjectPageHeader
        projectKey={params.key}
        projectName={board.project()?.name ?? undefined}
        page="Pool"
        readOnly={board.load().state === 'ready' && !board.canEdit() ? (board.archived() ? 'Archived projects are read-only' : 'Viewers can see the Pool but not claim from it') : null}
        savedCopyAt={board.savedCopyAt()}
      />
      <section class="pool-page" data-testid="pool-page" data-state={board.load().state} data-pull-mode={board.pullMode() ? 'true' : 'false'}>
        <ProjectBody load={board.load()} projectKey={params.key} what="Pool" errorTestId="pool-error" skeleton={<div class="panel plan-group plan-group--skeleton" aria-hidden="true" />}>
          <Show
            when={board.pullMode()}
            fallback={
              <p class="form-note" data-testid="pool-off">
                This project is not in pull mode, so work is assigned rather than claimed from a pool.{' '}
                <Show when={isAdmin()} fallback="A project admin can turn pull mode on in Settings.">
                  <A href={`/p/${params.key}/settings`}>Turn pull mode on in Settings</A>.
                </Show>
              </p>
            }
          >
            <p class="pool__note">
              Unclaimed items in a to-do column, in the team's order. Claim one to take it: it leaves the pool for everyone at once.
            </p>
            <div class="pool">
              <section class="panel pool__section" aria-labelledby="pool-ready-title" data-testid="pool-ready">
                <h2 class="pool__title" id="pool-ready-title">
                  Ready to pull <span class="column__count" data-testid="pool-count">{pool().ready.length}</span>
                </h2>
                <ul class="pool__list" aria-label="Ready to pull">
                  <For
                    each={pool().ready}
                    fallback={
                      <li class="pool-row pool-row--empty" data-testid="pool-empty">
                        Nothing is waiting. Items moved to a to-do column without anyone on them show here.
                      </li>
                    }
                  >
                    {(card) => (
                      <li class="pool-row" data-testid="pool-item" data-key={card.key} data-item-id={card.id}>
                        <What card={card} />
                        <Show when={board.canEdit()}>
                          <button type="button" class="button" aria-label={`Claim ${card.key}`} data-testid="pool-claim" onClick={() => board.claim(card.id)}>
                            Claim
                          </button>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </section>
              <section class="panel pool__section" aria-labelledby="pool-people-title" data-testid="pool-people">
                <h2 class="pool__title" id="pool-people-title">
                  Claimed work
                </h2>
                <For each={pool().people} fallback={<p class="pool-row pool-row--empty">No one can claim work here yet.</p>}>
                  {(person) => (
                    <div class="pool-person" data-testid="pool-person" data-user-id={person.userId}>
                      <h3 class="pool-person__name">
                        <span>{person.userId === me ? 'You' : person.name}</span>
                        <span class="pool-row__meta">{items(person.items.length)}</span>
                      </h3>
                      <ul class="pool__list" aria-label={`Claimed by ${person.userId === me ? 'you' : person.name}`}>
                        <For each={person.items} fallback={<li class="pool-row pool-row--empty">Nothing claimed.</li>}>
                          {(card) => (
                            <li class="pool-row" data-testid="pool-claimed" data-key={card.key} data-item-id={card.id}>
                              <What card={card} />
                              <Show when={board.canEdit() && (card.assigneeId === me || isAdmin())}>
                                <button
                                  type="button"
                                  class="button button--ghost"
                                  aria-label={`Release ${card.key}`}
                                  data-testid="pool-release"
                                  onClick={() => board.release(card.id)}
                                >
                                  Release
                                </button>
                              </Show>
                            </li>
                          )}
                        </For>
                      </ul>
                    </div>
                  )}
                </For>
              </section>
            </div>
          </Show>
        </ProjectBody>
      </section>
    </div>
  );
}
