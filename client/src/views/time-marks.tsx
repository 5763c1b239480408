// What a card and the sprint banner say of time: a card its logged time
// against its estimate (an epic's with everything under it on the board),
// the banner the sprint's logged and remaining time. Durations in this
// device's days (store/hours-per-day.ts).
import { Show } from 'solid-js';
import { ItemType, type StatusCategory } from '../../../shared/proto.ts';
import type { BoardSlice } from '../store/board.ts';
import { duration, hoursPerDay } from '../store/hours-per-day.ts';
import type { Card } from '../store/model/items.ts';
import { epicTimes, hasTime, loggedAgainstEstimate, NO_TIME, sprintTime, timeOf, timeSentence, type TimeTotals } from '../store/model/time-totals.ts';
import '../styles/time.css';

/** Once per board change, not once per epic card: every card of a board shares the same items map. */
const epicCache = new WeakMap<ReadonlyMap<string, Card>, ReadonlyMap<string, TimeTotals>>();
export function epicTotals(items: ReadonlyMap<string, Card>): ReadonlyMap<string, TimeTotals> {
  let totals = epicCache.get(items);
  if (!totals) epicCache.set(items, (totals = epicTimes(items)));
  return totals;
}

/** A card's time: an epic's with everything under it. Only an epic reads the board's items, so no other card is rerun by a change elsewhere. */
const cardTime = (card: Card, board: BoardSlice): TimeTotals =>
  card.itemType === ItemType.ITEM_TYPE_EPIC ? epicTotals(board.items()).get(card.id) ?? NO_TIME : timeOf(card);

export const showsCardTime = (card: Card, board: BoardSlice): boolean => hasTime(cardTime(card, board));

export function CardTime(props: { card: Card; board: BoardSlice }) {
  const time = () => cardTime(props.card, props.board);
  return (
    <Show when={hasTime(time())}>
      <span class="card-time" title={timeSentence(time(), hoursPerDay())} data-testid="card-time">
        {loggedAgainstEstimate(time(), hoursPerDay())}
      </span>
    </Show>
  );
}

export function SprintTime(props: { sprintId: string; board: BoardSlice; categoryOf(statusId: string): StatusCategory | undefined }) {
  const time = () => sprintTime(props.sprintId, props.board.items().values(), props.categoryOf);
  return (
    <Show when={time().logged > 0 || time().remaining !== null}>
      <span class="sprint-banner__figures" data-testid="sprint-time">
        {duration(time().logged)} logged
        <Show when={time().remaining !== null}> · {duration(time().remaining ?? 0)} remaining</Show>
      </span>
    </Show>
  );
}
