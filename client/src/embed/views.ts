// What an embed opens on (`view`, and `item` for an item alone), as the
// in-embed path its router starts at. DOM-free: the element, mountBoard and
// the example page's checks all read views the same way.

export const EMBED_VIEWS = ['board', 'backlog', 'my-work', 'inbox', 'item'] as const;
export type EmbedView = (typeof EMBED_VIEWS)[number];

/** `board` when absent; anything else unknown is the host's mistake, said in words rather than shown as some other view. */
export function parseEmbedView(value: string | null | undefined): EmbedView {
  if (value === null || value === undefined || value === '') return 'board';
  if ((EMBED_VIEWS as readonly string[]).includes(value)) return value as EmbedView;
  throw new Error(`Unknown view "${value}": use one of ${EMBED_VIEWS.join(', ')}`);
}

/** "WEB-12" as its project key and number. */
export function parseItemKey(key: string): { projectKey: string; number: number } {
  const match = /^([A-Za-z][A-Za-z0-9]*)-(\d+)$/.exec(key.trim());
  if (!match) throw new Error(`"${key}" is not an item key like WEB-12`);
  return { projectKey: match[1]!.toUpperCase(), number: Number(match[2]) };
}

/** The item-alone route: the panel without a board under it. */
export const itemAlonePath = (projectKey: string, itemNumber: number) => `/item/${encodeURIComponent(projectKey)}/${itemNumber}`;

export interface EmbedStart {
  view: EmbedView;
  /** Needed by `board` and `backlog`. */
  projectKey?: string;
  /** Needed by `item`: "WEB-12". */
  item?: string;
}

/** Where the embed's router starts; throws, in words a host developer can act on, when the view lacks what it needs. */
export function startPath(start: EmbedStart): string {
  const project = () => {
    if (!start.projectKey) throw new Error(`The ${start.view} view needs a project key`);
    return `/p/${encodeURIComponent(start.projectKey)}`;
  };
  switch (start.view) {
    case 'board':
      return project();
    case 'backlog':
      return `${project()}/backlog`;
    case 'my-work':
      return '/my-work';
    case 'inbox':
      return '/inbox';
    case 'item': {
      if (!start.item) throw new Error('The item view needs an item key like WEB-12');
      const { projectKey, number } = parseItemKey(start.item);
      return itemAlonePath(projectKey, number);
    }
  }
}
