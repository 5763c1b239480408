// "/p/:key/raid": a RAID log's page (a project made from the RAID log
// template, or any with a Risk type and Probability and Impact fields). The
// 5x5 heat map of the open risks (probability up the side, impact along the
// top; each cell's score band written in it, never colour alone), then the
// log as tables by type (Risk, Assumption, Issue, Dependency, Action), each
// row's key, title, status and owner, risks with probability, impact and
// score, sortable by score. It is all derived from the board slice
// (store/model/raid-view.ts), so another window's change shows at once. A key
// opens the item in the panel over the page (?item=N), as the backlog does.
import { A, useLocation, useParams, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { BoardContext, createBoardSlice } from '../store/board.ts';
import { useLive } from '../store/live.ts';
import { hasRaidView, raidGroups, raidHeatMap, scoreBand, type RaidGroup, type RaidSort } from '../store/model/raid-view.ts';
import { ConflictDialogs } from './conflict-dialog.tsx';
import { ItemPanelView, type ItemPanelNav } from './item-panel.tsx';
import { ItemTypeBadge } from './item-type-badge.tsx';
import { ProjectBody } from './project-load-states.tsx';
import { ProjectPageHeader } from './project-page-header.tsx';
import { useUndoKeys } from './undo-keys.ts';
import '../styles/backlog.css';
import '../styles/raid.css';

const risks = (n: number) => `${n} ${n === 1 ? 'risk' : 'risks'}`;
const entries = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;
const BANDS = [
  { band: 'low', label: 'Low', range: '1–4' },
  { band: 'medium', label: 'Medium', range: '5–9' },
  { band: 'high', label: 'High', range: '10–16' },
  { band: 'critical', label: 'Critical', range: '20–25' },
] as const;

export function RaidPage() {
  const params = useParams<{ key: string }>();
  const location = useLocation();
  const [query, setQuery] = useSearchParams<{ item?: string }>();
  const live = useLive();
  const board = createBoardSlice(live, () => params.key);
  useUndoKeys(board);
  const [sort, setSort] = createSignal<RaidSort>('key');

  const statuses = createMemo(() => board.columns().map((c) => c.status));
  const input = () => ({ items: board.items().values(), project: board.project(), statuses: statuses(), members: board.members() });
  const groups = createMemo(() => raidGroups(input(), sort()));
  const heat = createMemo(() => raidHeatMap(input()));
  const available = () => hasRaidView(board.project());

  const itemHref = (itemNumber: number) => {
    const search = new URLSearchParams(location.search);
    search.set('item', String(itemNumber));
    return `/p/${params.key}/raid?${search}`;
  };
  const nav: ItemPanelNav = {
    open: (itemNumber) => setQuery({ item: String(itemNumber) }),
    close: () => setQuery({ item: undefined }),
  };
  /** A plain click opens the panel in place; a new tab or window keeps the link's own way. */
  const openKey = (e: MouseEvent, itemNumber: number) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    nav.open(itemNumber);
  };
  const KeyLink = (p: { number: number; itemKey: string; title: string }) => (
    <a href={itemHref(p.number)} class="raid-key" data-testid="raid-key" data-key={p.itemKey} title={p.title} onClick={(e) => openKey(e, p.number)}>
      {p.itemKey}
    </a>
  );

  const scoreSort = (): 'descending' | 'ascending' | 'none' => (sort() === 'score-desc' ? 'descending' : sort() === 'score-asc' ? 'ascending' : 'none');

  function GroupTable(props: { group: RaidGroup }) {
    const g = () => props.group;
    return (
      <section class="panel raid-group" data-testid="raid-group" data-type={g().type.name} aria-labelledby={`raid-group-${g().type.id}`}>
        <h2 class="raid-group__title" id={`raid-group-${g().type.id}`}>
          <ItemTypeBadge item={{ customTypeId: g().type.id }} project={board.project()} />
          <span>{g().heading}</span>
          <span class="column__count" data-testid="raid-group-count">
            {g().rows.length}
          </span>
        </h2>
        <Show when={g().rows.length > 0} fallback={<p class="raid-group__empty">No {g().heading.toLowerCase()} yet. Add them on the board.</p>}>
          <div class="raid-table__scroll">
            <table class="raid-table" data-testid="raid-table">
              <caption class="visually-hidden">
                {g().heading}, {entries(g().rows.length)}
                {g().rated ? (sort() === 'key' ? ', in the order raised' : `, by score, ${sort() === 'score-desc' ? 'highest' : 'lowest'} first`) : ''}
              </caption>
              <thead>
                <tr>
                  <th scope="col" aria-sort={g().rated && sort() === 'key' ? 'ascending' : undefined}>
                    <Show when={g().rated} fallback="Key">
                      <button type="button" class="raid-sort" data-testid="raid-sort-key" onClick={() => setSort('key')}>
                        Key
                      </button>
                    </Show>
                  </th>
                  <th scope="col">Title</th>
                  <th scope="col">Status</th>
                  <th scope="col">Owner</th>
                  <Show when={g().rated}>
                    <th scope="col" class="raid-table__num">
                      Probability
                    </th>
                    <th scope="col" class="raid-table__num">
                      Impact
                    </th>
                    <th scope="col" class="raid-table__num" aria-sort={scoreSort()} data-testid="raid-score-header">
                      <button
                        type="button"
                        class="raid-sort"
                        data-testid="raid-sort-score"
                        onClick={() => setSort(sort() === 'score-desc' ? 'score-asc' : 'score-desc')}
                      >
                        Score
                        <span aria-hidden="true" class="raid-sort__arrow">
                          {sort() === 'score-desc' ? '↓' : sort() === 'score-asc' ? '↑' : '↕'}
                        </span>
                        <span class="visually-hidden">{sort() === 'score-desc' ? ', sorted highest first' : sort() === 'score-asc' ? ', sorted lowest first' : ', sort by score'}</span>
                      </button>
                    </th>
                  </Show>
                </tr>
              </thead>
              <tbody>
                <For each={g().rows}>
                  {(row) => (
                    <tr data-testid="raid-row" data-key={row.key} data-item-id={row.id} classList={{ 'raid-row--finished': row.finished }}>
                      <td>
                        <KeyLink number={row.number} itemKey={row.key} title={row.title} />
                      </td>
                      <td class="raid-table__title" data-testid="raid-title">
                        {row.title}
                      </td>
                      <td data-testid="raid-status">{row.status}</td>
                      <td data-testid="raid-owner">{row.owner || <span class="raid-muted">Nobody</span>}</td>
                      <Show when={g().rated}>
                        <td class="raid-table__num" data-testid="raid-probability">
                          {row.rating?.probability ?? '–'}
                        </td>
                        <td class="raid-table__num" data-testid="raid-impact">
                          {row.rating?.impact ?? '–'}
                        </td>
                        <td class="raid-table__num" data-testid="raid-score" data-score={row.rating?.score ?? ''}>
                          <Show when={row.rating} fallback={<span class="raid-muted">Not rated</span>}>
                            {(r) => (
                              <span class={`raid-score raid-band--${scoreBand(r().score).band}`}>
                                {r().score} <span class="raid-score__word">{scoreBand(r().score).label}</span>
                              </span>
                            )}
                          </Show>
                        </td>
                      </Show>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </section>
    );
  }

  return (
    <BoardContext.Provider value={board}>
      <div class="page page--raid">
        <ProjectPageHeader
          projectKey={params.key}
          projectName={board.project()?.name ?? undefined}
          page="RAID"
          readOnly={board.load().state === 'ready' && !board.canEdit() ? (board.archived() ? 'Archived projects are read-only' : 'Viewers can read the RAID log but not change it') : null}
          savedCopyAt={board.savedCopyAt()}
        />
        <section class="raid-page" data-testid="raid-page" data-state={board.load().state} data-raid={available() ? 'true' : 'false'} aria-busy={board.load().state === 'loading'}>
          <ProjectBody load={board.load()} projectKey={params.key} what="RAID log" errorTestId="raid-error" skeleton={<div class="panel plan-group plan-group--skeleton" aria-hidden="true" />}>
            <Show
              when={available()}
              fallback={
                <p class="form-note" data-testid="raid-off">
                  This project keeps no RAID log: that needs a type named Risk and fields named Probability and Impact. A project made with “New project → RAID
                  log” has them. <A href="/">Back to your projects</A>.
                </p>
              }
            >
              <section class="panel raid-heat" aria-labelledby="raid-heat-title" data-testid="raid-heat">
                <h2 class="raid-group__title" id="raid-heat-title">
                  Heat map
                </h2>
                <p class="raid-heat__note">
                  Open risks by {heat().probabilityName.toLowerCase()} and {heat().impactName.toLowerCase()}, 1 to 5 each; the score is one times the other.
                  Mitigated and closed risks leave the map.
                  <Show when={heat().unrated > 0}>
                    {' '}
                    <span data-testid="raid-unrated">{risks(heat().unrated)} without both values {heat().unrated === 1 ? 'is' : 'are'} not on it.</span>
                  </Show>
                </p>
                <div class="raid-heat__scroll">
                  <table class="heat-map" data-testid="raid-heat-map">
                    <caption class="visually-hidden">
                      Open risks: {heat().probabilityName} from 5 down to 1 by row, {heat().impactName} from 1 to 5 by column
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col" class="heat-map__corner">
                          <span class="heat-map__axis">
                            {heat().probabilityName} ↑ {heat().impactName} →
                          </span>
                        </th>
                        <For each={heat().rows[0] ?? []}>
                          {(cell) => (
                            <th scope="col" class="heat-map__head">
                              <span class="visually-hidden">{heat().impactName} </span>
                              {cell.impact}
                            </th>
                          )}
                        </For>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={heat().rows}>
                        {(row) => (
                          <tr>
                            <th scope="row" class="heat-map__head">
                              <span class="visually-hidden">{heat().probabilityName} </span>
                              {row[0]?.probability}
                            </th>
                            <For each={row}>
                              {(cell) => (
                                <td
                                  class={`heat-cell raid-band--${cell.band}`}
                                  data-testid="heat-cell"
                                  data-probability={cell.probability}
                                  data-impact={cell.impact}
                                  data-band={cell.band}
                                  data-count={cell.risks.length}
                                >
                                  <span class="heat-cell__band">
                                    {cell.score} <span class="heat-cell__band-word">{cell.bandLabel}</span>
                                  </span>
                                  <Show when={cell.risks.length > 0} fallback={<span class="visually-hidden">, no risks</span>}>
                                    <span class="heat-cell__count" data-testid="heat-cell-count">
                                      {risks(cell.risks.length)}
                                    </span>
                                    <span class="heat-cell__keys">
                                      <For each={cell.risks}>{(r) => <KeyLink number={r.number} itemKey={r.key} title={r.title} />}</For>
                                    </span>
                                  </Show>
                                </td>
                              )}
                            </For>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
                <ul class="raid-legend" aria-label="Score bands">
                  <For each={BANDS}>
                    {(b) => (
                      <li class="raid-legend__item">
                        <span class={`raid-legend__swatch raid-band--${b.band}`} aria-hidden="true" />
                        {b.label} {b.range}
                      </li>
                    )}
                  </For>
                </ul>
              </section>
              <For each={groups()}>{(group) => <GroupTable group={group} />}</For>
            </Show>
          </ProjectBody>
        </section>
      </div>
      <Show when={query.item}>{(itemNumber) => <ItemPanelView projectKey={params.key} number={itemNumber()} nav={nav} />}</Show>
      <ConflictDialogs board={board} />
    </BoardContext.Provider>
  );
}
