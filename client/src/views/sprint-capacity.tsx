// A sprint's capacity while planning: hours (and points when the team has a
// velocity) against what is committed, in total and per person, and a
// warning in words and colour when committed is more. Recomputed from the
// board on every change, so it moves as items are dragged in and out.
import { For, Show } from 'solid-js';
import { hoursWords, overWords, pointsWords, type Committed, type SprintLoad } from '../store/model/capacity.ts';
import '../styles/capacity.css';

const committedWords = (c: Committed, withPoints: boolean) => `${hoursWords(c.minutes / 60)}${withPoints ? ` · ${pointsWords(c.points)}` : ''}`;
const capacityWords = (hours: number, points: number | null) => `${hoursWords(hours)}${points === null ? '' : ` · ${pointsWords(points)}`}`;

export function SprintCapacity(props: { load: SprintLoad; nameOf(userId: string): string }) {
  const withPoints = () => props.load.points !== null;
  return (
    <div class="capacity" classList={{ 'capacity--over': props.load.over }} data-testid="sprint-capacity" data-over={props.load.over ? 'true' : 'false'}>
      <Show
        when={props.load.planned}
        fallback={
          <p class="capacity__total" data-testid="capacity-total">
            No availability set yet · committed {committedWords(props.load.committed, true)}
          </p>
        }
      >
        <p class="capacity__total" data-testid="capacity-total">
          Capacity <strong data-testid="capacity-hours">{capacityWords(props.load.hours, props.load.points)}</strong> · committed{' '}
          <strong data-testid="capacity-committed">{committedWords(props.load.committed, withPoints())}</strong>
          <Show when={!withPoints()}>
            <span class="capacity__note"> (points come with a velocity: complete a sprint first)</span>
          </Show>
        </p>
        {/* A status, not an alert: it changes with every move and should not interrupt. */}
        <p class="capacity__warning" role="status" data-testid="capacity-warning" hidden={!props.load.over}>
          <Show when={props.load.over}>
            <span aria-hidden="true">⚠ </span>Over capacity: {overWords(props.load, props.load.committed)}.
          </Show>
        </p>
        <table class="capacity__people">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Available</th>
              <th scope="col">Assigned</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.load.people}>
              {(p) => (
                <tr classList={{ 'capacity__person--over': p.over }} data-testid="capacity-person" data-user-name={props.nameOf(p.userId)} data-over={p.over ? 'true' : 'false'}>
                  <th scope="row">{props.nameOf(p.userId)}</th>
                  <td data-testid="capacity-person-available">{capacityWords(p.hours, p.points)}</td>
                  <td data-testid="capacity-person-assigned">
                    {committedWords(p.committed, withPoints())}
                    <Show when={p.over}>
                      <span class="capacity__over-mark"> (over)</span>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </div>
  );
}
