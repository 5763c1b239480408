// "/my-work": what is the person's across every project they may read: the
// items assigned to them by status (in hand first; due dates marked when past
// or close), the items they created, and the items they watch, latest change
// first. Each opens on its board. Kept live by the projects' feeds
// (store/my-work.ts).
import { A } from '@solidjs/router';
import { For, Match, Show, Switch, createMemo, type JSX } from 'solid-js';
import { isFinished } from '../../../shared/domain/workflow.ts';
import { StatusCategory } from '../../../shared/proto.ts';
import { useLive } from '../store/live.ts';
import { myWorkLists, type MyItem, type MyWorkLists } from '../store/model/my-work.ts';
import { createMyWork } from '../store/my-work.ts';
import { typeInfo } from './board-filter.ts';
import { CardDue } from './card-marks.tsx';
import '../styles/my-work.css';

function ItemRow(props: { mine: MyItem }) {
  const item = () => props.mine.item;
  const type = () => typeInfo(item().itemType);
  return (
    <li>
      <A href={props.mine.href} class="my-work-row" data-testid="my-work-item" data-key={item().key} data-status={props.mine.status?.name}>
        <span class={`type-badge type-badge--${type()?.slug ?? 'task'}`}>{type()?.label ?? 'Item'}</span>
        <span class="my-work-row__key">{item().key}</span>
        <span class="my-work-row__title">{item().title}</span>
        <Show when={item().dueDate}>
          {(due) => <CardDue due={due()} finished={isFinished(props.mine.status?.category ?? StatusCategory.STATUS_CATEGORY_UNSPECIFIED)} />}
        </Show>
        <span class="my-work-row__status">{props.mine.status?.name}</span>
      </A>
    </li>
  );
}

function Section(props: { title: string; testId: string; count: number; empty: string; children: JSX.Element }) {
  return (
    <section class="panel my-work-section" data-testid={props.testId} aria-label={props.title}>
      <h2 class="my-work-section__title">
        {props.title} <span class="my-work__count">{props.count}</span>
      </h2>
      <Show when={props.count > 0} fallback={<p class="my-work__note">{props.empty}</p>}>
        {props.children}
      </Show>
    </section>
  );
}

function Lists(props: { lists: MyWorkLists }) {
  const assignedCount = () => props.lists.assigned.reduce((n, g) => n + g.items.length, 0);
  return (
    <>
      <Section title="Assigned to me" testId="my-work-assigned" count={assignedCount()} empty="Nothing is assigned to you. Claim a card on a board, or ask for one.">
        <For each={props.lists.assigned}>
          {(group) => (
            <div class="my-work-group" data-testid="my-work-group" data-status={group.name}>
              <h3 class="my-work-group__title">
                {group.name} <span class="my-work__count">{group.items.length}</span>
              </h3>
              <ul class="my-work-list">
                <For each={group.items}>{(mine) => <ItemRow mine={mine} />}</For>
              </ul>
            </div>
          )}
        </For>
      </Section>
      <Section title="Created by me" testId="my-work-created" count={props.lists.created.length} empty="No items of yours yet.">
        <ul class="my-work-list">
          <For each={props.lists.created}>{(mine) => <ItemRow mine={mine} />}</For>
        </ul>
      </Section>
      <Section title="Watching" testId="my-work-watching" count={props.lists.watching.length} empty="You watch no one else's items. Watch one from its panel to follow its comments and status.">
        <ul class="my-work-list">
          <For each={props.lists.watching}>{(mine) => <ItemRow mine={mine} />}</For>
        </ul>
      </Section>
    </>
  );
}

export function MyWorkPage() {
  const live = useLive();
  const view = createMyWork(live);
  const lists = createMemo(() => {
    const v = view();
    return v.state === 'ready' ? myWorkLists(v.work) : null;
  });
  const failed = () => {
    const v = view();
    return v.state === 'error' ? v.message : null;
  };
  return (
    <div class="page page--my-work">
      <header class="page__header">
        <div>
          <p class="page__eyebrow">Across your projects</p>
          <h1 class="page__title">My work</h1>
        </div>
      </header>
      <div class="my-work" data-testid="my-work" data-state={view().state} aria-busy={view().state === 'loading'}>
        <Switch>
          <Match when={lists()}>{(ready) => <Lists lists={ready()} />}</Match>
          <Match when={failed()}>
            {(message) => (
              <p class="form-alert" role="alert" data-testid="my-work-alert">
                {message()}
              </p>
            )}
          </Match>
          <Match when={live.status() === 'offline'}>
            <p class="my-work__note" data-testid="my-work-offline">
              My work is read from the server: it shows once Tandem is back online.
            </p>
          </Match>
          <Match when={true}>
            <p class="my-work__note">Reading your work…</p>
          </Match>
        </Switch>
      </div>
    </div>
  );
}
