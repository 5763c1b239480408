// The projects slice: the caller's projects (list_projects, archived ones too:
// their boards open read-only), reloaded each time the socket opens, kept
// current by the project changes the open board sees, and create_project.
import { createEffect, createSignal, on, type Accessor } from 'solid-js';
import { ConnectionError, type Connection } from '../../../shared/sdk/index.ts';
import { ProjectTemplate, type IProject } from '../../../shared/proto.ts';
import { plainError } from './model/plain-error.ts';

export interface ProjectsSlice {
  /** null until the first list arrives. */
  list: Accessor<readonly IProject[] | null>;
  /** Why the list could not be loaded ('' when it could). */
  error: Accessor<string>;
  byKey(key: string): IProject | undefined;
  /** The project a key names now or named before a key change (WEB still opens APP). */
  resolve(key: string): IProject | undefined;
  /** A project as an event or a reply brought it; a deleted one leaves the list. */
  learn(project: IProject): void;
  /** Creates a project (blank, or from a template); resolves with it, rejects with the server's refusal (RequestError: show `field`). */
  create(key: string, name: string, template?: ProjectTemplate): Promise<IProject>;
  reload(): void;
}

const byName = (a: IProject, b: IProject) => (a.key ?? '').localeCompare(b.key ?? '');

export function createProjectsSlice(live: { connection: Connection; open: Accessor<boolean> }): ProjectsSlice {
  const [list, setList] = createSignal<readonly IProject[] | null>(null);
  const [error, setError] = createSignal('');

  const load = () => {
    if (!live.open()) return;
    live.connection.request({ listProjects: { includeArchived: true } }).then(
      (result) => {
        setError('');
        setList([...(result.projects?.projects ?? [])].sort(byName));
      },
      (err: unknown) => {
        // A socket that dropped mid-read reloads on the next open; anything else is worth saying.
        if (!(err instanceof ConnectionError)) setError(plainError('load your projects', err));
      },
    );
  };
  // Each open: another tab or person may have added us to a project meanwhile.
  createEffect(on(live.open, (open) => open && load()));

  const upsert = (project: IProject) =>
    setList((l) => [...(l ?? []).filter((p) => p.id !== project.id), project].sort(byName));

  return {
    list,
    error,
    byKey: (key) => list()?.find((p) => p.key === key),
    resolve: (key) => list()?.find((p) => p.key === key) ?? list()?.find((p) => (p.formerKeys ?? []).includes(key)),
    learn(project) {
      if (Number(project.deletedAt ?? 0) > 0) setList((l) => l && l.filter((p) => p.id !== project.id));
      else if (list()?.some((p) => p.id === project.id)) upsert(project);
    },
    async create(key, name, template = ProjectTemplate.PROJECT_TEMPLATE_NONE) {
      const result = await live.connection.request({ createProject: { key, name, description: '', template } });
      const project = result.project;
      if (!project) throw new Error('The server answered without the project');
      upsert(project);
      return project;
    },
    reload: load,
  };
}
