// The command palette (Ctrl/Cmd-K): what it lists for what is typed, and
// which entry is chosen. Items come from the server's search and arrive after
// the typing that asked for them, so an answer for an older query is dropped.
// No Solid, no DOM.
import type { ISearchHit } from '../../../../shared/proto.ts';

/** What the palette can do besides opening an item. */
export type PaletteCommand = 'create-item' | 'go-board' | 'go-backlog' | 'switch-project' | 'toggle-theme';

export interface PaletteProject {
  key: string;
  name: string;
}

export type PaletteEntry =
  | { kind: 'item'; id: string; hit: ISearchHit }
  | { kind: 'command'; id: string; command: PaletteCommand; label: string }
  | { kind: 'project'; id: string; project: PaletteProject };

export interface PaletteState {
  /** 'projects' after "Switch project": the list is the projects, filtered by what is typed. */
  mode: 'all' | 'projects';
  query: string;
  /** The search answer for `hitsFor` (the query it was asked with). */
  hits: readonly ISearchHit[];
  hitsFor: string;
  /** Index into the entries. */
  selected: number;
}

export const PALETTE_START: PaletteState = { mode: 'all', query: '', hits: [], hitsFor: '', selected: 0 };

const COMMANDS: ReadonlyArray<{ command: PaletteCommand; label: string; needsProject: boolean }> = [
  { command: 'create-item', label: 'Create item', needsProject: true },
  { command: 'go-board', label: 'Go to board', needsProject: true },
  { command: 'go-backlog', label: 'Go to backlog', needsProject: true },
  { command: 'switch-project', label: 'Switch project', needsProject: false },
  { command: 'toggle-theme', label: 'Toggle theme', needsProject: false },
];

/** Every word typed starts a word of the text ("go back" finds "Go to backlog"). */
export function matchesWords(text: string, query: string): boolean {
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return query.toLowerCase().split(/\s+/).filter(Boolean).every((q) => words.some((w) => w.startsWith(q)));
}

export const typed = (state: PaletteState, query: string): PaletteState => ({ ...state, query, selected: 0 });

/** A search answer: kept only while it answers what is typed now. */
export function answered(state: PaletteState, query: string, hits: readonly ISearchHit[]): PaletteState {
  if (query.trim() !== state.query.trim()) return state;
  return { ...state, hits, hitsFor: query, selected: state.hitsFor === query ? state.selected : 0 };
}

export const listProjects = (state: PaletteState): PaletteState => ({ ...state, mode: 'projects', query: '', selected: 0 });

/** Arrow keys: moves the choice, wrapping at either end. */
export function moved(state: PaletteState, delta: number, count: number): PaletteState {
  if (count === 0) return state;
  return { ...state, selected: (((state.selected + delta) % count) + count) % count };
}

/**
 * What the palette shows: in 'all' mode the items the search found for what
 * is typed (none while it is empty), then the commands that match (those
 * about a project only on a project's page); in 'projects' mode the
 * projects that match.
 */
export function paletteEntries(state: PaletteState, context: { projectKey: string | null; projects: readonly PaletteProject[] }): PaletteEntry[] {
  if (state.mode === 'projects') {
    return context.projects
      .filter((p) => matchesWords(`${p.key} ${p.name}`, state.query))
      .map((project) => ({ kind: 'project', id: `project:${project.key}`, project }));
  }
  const items: PaletteEntry[] = state.query.trim() && state.hitsFor.trim() === state.query.trim()
    ? state.hits.map((hit) => ({ kind: 'item', id: `item:${hit.workItemId}`, hit }))
    : [];
  const commands: PaletteEntry[] = COMMANDS.filter((c) => (!c.needsProject || context.projectKey !== null) && matchesWords(c.label, state.query)).map(
    (c) => ({ kind: 'command', id: `command:${c.command}`, command: c.command, label: c.label }),
  );
  return [...items, ...commands];
}

/** The item's path in the app: its project's board with the item open. */
export function itemPath(hit: ISearchHit): string {
  const number = (hit.key ?? '').split('-').pop();
  return `/p/${hit.projectKey}/item/${number}`;
}
