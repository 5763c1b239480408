// The command palette's model (palette.ts).
import { describe, expect, it } from 'vitest';
import type { ISearchHit } from '../../../../shared/proto.ts';
import { answered, itemPath, listProjects, matchesWords, moved, PALETTE_START, paletteEntries, typed } from './palette.ts';

const hit = (key: string): ISearchHit => ({ workItemId: `id-${key}`, key, projectKey: key.split('-')[0], title: key });
const onProject: { projectKey: string | null; projects: { key: string; name: string }[] } = { projectKey: 'WEB', projects: [{ key: 'WEB', name: 'Website' }, { key: 'OPS', name: 'Operations' }] };
const ids = (state = PALETTE_START, context = onProject) => paletteEntries(state, context).map((e) => e.id);

describe('command palette', () => {
  it('PAL-1 empty: the commands, those about a project only on a project page', () => {
    expect(ids()).toEqual(['command:create-item', 'command:go-board', 'command:go-backlog', 'command:switch-project', 'command:toggle-theme']);
    expect(ids(PALETTE_START, { ...onProject, projectKey: null })).toEqual(['command:switch-project', 'command:toggle-theme']);
  });

  it('PAL-2 typed: the items found for exactly that query first, then the commands whose words it starts', () => {
    const state = typed(PALETTE_START, 'go back');
    expect(ids(state)).toEqual(['command:go-backlog']);
    const withHits = answered(typed(PALETTE_START, 'the'), 'the', [hit('WEB-1'), hit('OPS-2')]);
    expect(ids(withHits)).toEqual(['item:id-WEB-1', 'item:id-OPS-2', 'command:toggle-theme']);
    expect(matchesWords('Toggle theme', 'tog th')).toBe(true);
    expect(matchesWords('Toggle theme', 'heme')).toBe(false);
  });

  it('PAL-3 an answer for an older query is dropped; a new query clears the choice', () => {
    const state = typed(PALETTE_START, 'socket');
    expect(answered(state, 'sock', [hit('WEB-1')])).toBe(state);
    const later = typed(answered(state, 'socket', [hit('WEB-1')]), 'socket r');
    expect(ids(later)).toEqual([]);
    expect(later.selected).toBe(0);
  });

  it('PAL-4 arrow keys wrap at both ends', () => {
    expect(moved(PALETTE_START, -1, 5).selected).toBe(4);
    expect(moved(moved(PALETTE_START, 4, 5), 1, 5).selected).toBe(0);
    expect(moved(PALETTE_START, 1, 0)).toBe(PALETTE_START);
  });

  it('PAL-5 "Switch project" lists the projects, filtered by what is typed; an item opens at its own path', () => {
    const projects = listProjects(typed(PALETTE_START, 'switch'));
    expect(ids(projects)).toEqual(['project:WEB', 'project:OPS']);
    expect(ids(typed(projects, 'oper'))).toEqual(['project:OPS']);
    expect(itemPath(hit('WEB-12'))).toBe('/p/WEB/item/12');
  });
});
