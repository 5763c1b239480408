// The board slice for one open project, as every project page uses it: the
// project model held in signals (project-state.ts), brought onto the page and
// kept current by the lifecycle (board-lifecycle.ts), with our writes shown
// at once over it (item-commands.ts and item-links.ts, through the one send
// path of writes.ts, which the sprint, member and comment slices use too), and
// the Settings saves the undo history knows (settings-writes.ts).
import { createContext, createMemo, onCleanup, useContext, type Accessor } from 'solid-js';
import type { CustomFieldDef } from '../../../shared/domain/custom-fields.ts';
import { atLeast } from '../../../shared/domain/permissions.ts';
import { Role, type IEvent, type ILabel, type IMember, type IProject, type IWorkflowStatus } from '../../../shared/proto.ts';
import type { Reply } from '../../../shared/sdk/index.ts';
import { createBoardLifecycle, type BoardLoad } from './board-lifecycle.ts';
import { createItemCommands, type ItemCommands } from './item-commands.ts';
import { createLinkCommands, type LinkCommands } from './item-links.ts';
import type { Live } from './live.ts';
import { indexColumns, type ColumnIndex } from './model/columns.ts';
import { fieldsOf } from './model/custom-fields-draft.ts';
import type { Card } from './model/items.ts';
import { applyReply } from './model/project.ts';
import type { SprintsById } from './model/sprints.ts';
import { createProjectState } from './project-state.ts';
import { createSettingsWrites, type SettingsWrites } from './settings-writes.ts';
import { makeSend, type Send } from './writes.ts';

export type { BoardLoad } from './board-lifecycle.ts';

export interface Column {
  status: IWorkflowStatus & { id: string };
  cards: Card[];
}

export interface BoardSlice extends ItemCommands, LinkCommands {
  load: Accessor<BoardLoad>;
  project: Accessor<IProject | null>;
  columns: Accessor<Column[]>;
  members: Accessor<readonly IMember[]>;
  labels: Accessor<readonly ILabel[]>;
  /** The project's custom fields in the panel's order (they come with the project: get_board, ProjectChanged, a settings Result). */
  customFields: Accessor<readonly CustomFieldDef[]>;
  /** Every sprint of the project (completed ones too), newest version of each. */
  sprints: Accessor<SprintsById>;
  /**
   * When the board shown was saved on this device (epoch ms), while it is
   * that saved copy and not yet caught up with the server; null when live.
   */
  savedCopyAt: Accessor<number | null>;
  /** A first screen only (board-lifecycle.ts): a column holding FIRST_CARDS_PER_COLUMN cards may have more, until the whole board lands. */
  partial: Accessor<boolean>;
  role: Accessor<Role | null>;
  /** Archived: read-only for everyone until an admin restores it. */
  archived: Accessor<boolean>;
  canEdit: Accessor<boolean>;
  /** Pull mode: people claim work themselves (store/model/pool.ts). */
  pullMode: Accessor<boolean>;
  /** Whether the person may change this item: canEdit, and in pull mode not an item someone else claimed (unless an admin). */
  canEditItem(card: Card): boolean;
  /** Every event of this project's feed, after the board has applied it. */
  onEvent(listener: (event: IEvent) => void): () => void;
  /** Sends a write of this project (writes.ts): the sprint, member and comment slices write through here. */
  send: Send;
  /** Sends a save of the workflow, item types, custom fields or pull mode, which Undo and Ctrl-Z take back when it lost nothing. */
  saveSettings: SettingsWrites['save'];
}

export const BoardContext = createContext<BoardSlice>();

export function useBoard(): BoardSlice {
  const board = useContext(BoardContext);
  if (!board) throw new Error('useBoard needs a <BoardContext.Provider> above it (BoardPage provides one)');
  return board;
}

const NO_CARDS: readonly Card[] = [];

export function createBoardSlice(live: Live, projectKey: Accessor<string>): BoardSlice {
  const state = createProjectState();
  const projectId = () => state.project()?.id ?? '';
  const send = makeSend(live.connection, projectId);
  const role = createMemo<Role | null>(() => {
    if (!state.project()) return null;
    const me = state.members().find((m) => m.userId === live.session.user.id);
    // Not a member yet able to read the board: a workspace owner or admin, who is admin of every project.
    return me?.role ?? Role.ROLE_ADMIN;
  });
  const archived = () => Number(state.project()?.archivedAt ?? 0) > 0;
  // An archived project takes no writes (the server refuses them): every edit control follows this.
  const canEdit = () => atLeast(role(), Role.ROLE_EDITOR) && !archived();
  const pullMode = () => Boolean(state.project()?.pullMode);
  // The toast's Undo of a settings save goes through the history like Ctrl-Z, so it is the item commands' undo.
  const settingsWrites = createSettingsWrites(live, state, send, (changeId) => writes.commands.undo(changeId), () => lifecycle.partial());
  const writes = createItemCommands(live, state, send, canEdit, () => role() === Role.ROLE_ADMIN, settingsWrites.step);
  const linkWrites = createLinkCommands(live, state, writes.commands.items, send, canEdit);
  const lifecycle = createBoardLifecycle(live, projectKey, state, {
    showQueued(id) {
      writes.pending.showQueued(id);
      linkWrites.pending.showQueued(id);
    },
    clear() {
      writes.pending.clear();
      linkWrites.pending.clear();
    },
  });

  // Results for our own writes carry the entity after the change (no event comes
  // for them); replies to writes replayed from an earlier page arrive only here.
  const offReply = live.connection.onReply((reply: Reply) => {
    // Events that came before this reply are applied before it, as they arrived.
    lifecycle.flushEvents();
    state.set(applyReply(state.model(), reply));
    if (reply.ok && reply.result.project?.id === projectId()) live.projects.learn(reply.result.project);
    writes.replied(reply);
    linkWrites.replied(reply);
  });
  onCleanup(offReply);
  // A rename, key change, archive or delete seen here reaches the project list, and through it the URL.
  onCleanup(lifecycle.onEvent((event) => event.project?.project && live.projects.learn(event.project.project)));

  // The same array while the project's fields read the same: a rename of the project redraws no panel field.
  const customFields = createMemo<readonly CustomFieldDef[]>(() => fieldsOf(state.project()), [], {
    equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });

  const sortedStatuses = createMemo(() =>
    [...state.statuses()].sort((a, b) => (a.position ?? 0) - (b.position ?? 0)).map((status) => ({ ...status, id: status.id ?? '' })),
  );
  /** Kept between runs: a remote edit re-places the cards it changed instead of sorting every column. */
  let index: ColumnIndex | null = null;
  const columns = createMemo<Column[]>((prev) => {
    index = indexColumns(writes.commands.items(), index);
    const byStatus = index.byStatus;
    const next = sortedStatuses().map((status, i): Column => {
      const cards = (byStatus.get(status.id) ?? NO_CARDS) as Card[];
      const before = prev[i];
      // The same object when nothing in it changed, so its header and cells are left alone.
      return before && before.status === status && before.cards === cards ? before : { status, cards };
    });
    return next.length === prev.length && next.every((c, i) => c === prev[i]) ? prev : next;
  }, []);

  return {
    ...writes.commands,
    ...linkWrites.commands,
    load: lifecycle.load,
    project: state.project,
    columns,
    members: state.members,
    labels: state.labels,
    customFields,
    sprints: state.sprints,
    savedCopyAt: lifecycle.savedCopyAt,
    partial: lifecycle.partial,
    role,
    archived,
    canEdit,
    pullMode,
    canEditItem: (card) => canEdit() && writes.commands.pullRefusal(card) === null,
    onEvent: lifecycle.onEvent,
    send,
    saveSettings: settingsWrites.save,
  };
}
