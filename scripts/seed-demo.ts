// `npm run seed`: fills DATA_DIR with a demo workspace (scripts/lib/demo-data.ts).
// Everything goes through the public HTTP routes and the socket, as a client
// would, so the demo data obeys every rule the server enforces and leaves the
// same events and history a real team would.
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '../server/src/config.ts';
import { makeLogger } from '../server/src/log.ts';
import { startServer } from '../server/src/server.ts';
import { ItemType, Priority, Role, type IProject } from '../shared/proto.ts';
import {
  DEMO_PROJECTS, PEOPLE, WORKSPACE_NAME,
  type DemoItem, type DemoProject, type Person, type SprintSlot, type StatusName,
} from './lib/demo-data.ts';
import { SocketSession } from './lib/socket-session.ts';

interface Grant {
  token: string;
  user: { id: string };
  tenantId: string;
}

interface Team {
  ids: Record<Person, string>;
  /** Who writes: the owner creates everything, the editor also speaks up in comments. */
  sockets: Record<'owner' | 'editor', SocketSession>;
}

interface Tally {
  items: number;
  sprints: number;
  comments: number;
}

function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`the server's reply has no ${what}`);
  return value;
}

async function postJson(url: string, body: unknown, token?: string): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    // No keep-alive: server.stop() leaves idle HTTP connections open, and they
    // would hold this process for fetch's keep-alive time (~4 s) after the work is done.
    headers: {
      'content-type': 'application/json',
      connection: 'close',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const answer = await res.json();
  if (!res.ok) throw new Error(`POST ${new URL(url).pathname}: HTTP ${res.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** YYYY-MM-DD, `days` from today: sprint dates stay around "now" whenever the seeder runs. */
function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const SPRINT_DAYS: Record<SprintSlot, [number, number]> = { past: [-21, -8], current: [-7, 6], next: [7, 20] };

function statusIds(project: IProject): (name: StatusName) => string {
  const byName = new Map((project.statuses ?? []).map((s) => [s.name, s.id]));
  return (name) => required(byName.get(name), `status "${name}" in project ${project.key}`);
}

async function createItem(
  team: Team, projectId: string, spec: DemoItem, parentId: string, sprintIds: Record<SprintSlot, string> | null,
  status: (name: StatusName) => string, tally: Tally,
): Promise<void> {
  const sprintId = spec.sprint && sprintIds ? sprintIds[spec.sprint] : '';
  const created = await team.sockets.owner.request({
    createWorkItem: {
      projectId,
      parentId,
      itemType: ItemType[`ITEM_TYPE_${spec.type}`],
      title: spec.title,
      description: spec.description ?? '',
      statusId: status(spec.status),
      priority: Priority[`PRIORITY_${spec.priority ?? 'NONE'}`],
      storyPoints: spec.points,
      assigneeId: spec.assignee ? team.ids[spec.assignee] : '',
      sprintId,
      labels: spec.labels ?? [],
    },
  });
  const itemId = required(created.workItem?.id, 'work item id');
  tally.items++;
  for (const sub of spec.subtasks ?? []) {
    await team.sockets.owner.request({
      createWorkItem: {
        projectId,
        parentId: itemId,
        itemType: ItemType.ITEM_TYPE_SUBTASK,
        title: sub.title,
        statusId: status(sub.status),
        assigneeId: sub.assignee ? team.ids[sub.assignee] : '',
        // Sub-tasks ride along with their parent's sprint, as on most boards.
        sprintId,
      },
    });
    tally.items++;
  }
  for (const comment of spec.comments ?? []) {
    await team.sockets[comment.by].request({ addComment: { workItemId: itemId, body: comment.body } });
    tally.comments++;
  }
}

async function seedProject(team: Team, spec: DemoProject, tally: Tally): Promise<void> {
  const owner = team.sockets.owner;
  const project = required((await owner.request({ createProject: { key: spec.key, name: spec.name, description: spec.description } })).project, 'project');
  const projectId = required(project.id, 'project id');
  const status = statusIds(project);
  await owner.request({ addMember: { projectId, userId: team.ids.editor, role: Role.ROLE_EDITOR } });
  await owner.request({ addMember: { projectId, userId: team.ids.viewer, role: Role.ROLE_VIEWER } });

  let sprintIds: Record<SprintSlot, string> | null = null;
  if (spec.sprints) {
    const made: Partial<Record<SprintSlot, string>> = {};
    for (const slot of ['past', 'current', 'next'] as const) {
      const [start, end] = SPRINT_DAYS[slot];
      const sprint = await owner.request({
        createSprint: { projectId, ...spec.sprints[slot], startDate: dayFromToday(start), endDate: dayFromToday(end) },
      });
      made[slot] = required(sprint.sprint?.id, 'sprint id');
      tally.sprints++;
    }
    sprintIds = made as Record<SprintSlot, string>;
  }

  for (const epic of spec.epics) {
    const created = await owner.request({
      createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_EPIC, title: epic.title, description: epic.description, statusId: status('In Progress') },
    });
    tally.items++;
    const epicId = required(created.workItem?.id, 'epic id');
    for (const item of epic.items) await createItem(team, projectId, item, epicId, sprintIds, status, tally);
  }
  for (const item of spec.loose) await createItem(team, projectId, item, '', sprintIds, status, tally);

  // Items go in while every sprint is still planned (completed sprints take no
  // new work); then history happens: the past sprint runs and closes, handing
  // its unfinished work to the current one, which is running now.
  if (sprintIds) {
    await owner.request({ startSprint: { sprintId: sprintIds.past } });
    await owner.request({ completeSprint: { sprintId: sprintIds.past, nextSprintId: sprintIds.current } });
    await owner.request({ startSprint: { sprintId: sprintIds.current } });
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const tag = randomBytes(3).toString('hex');
  const password = `demo-${randomBytes(6).toString('hex')}`;
  const email = (who: Person) =>
    who === 'owner' && process.env['SEED_EMAIL'] ? process.env['SEED_EMAIL'] : `${PEOPLE[who].mailbox}+${tag}@tandem.local`;

  // A private instance just for the seeder: loopback on a free port, so it
  // never clashes with a server already running on PORT and is never exposed;
  // sign-up forced on because the seeder needs it even where users may not.
  const server = await startServer(
    { ...config, port: 0, host: '127.0.0.1', logLevel: 'error', signupEnabled: true },
    makeLogger('error'),
  );
  const base = `http://127.0.0.1:${server.port}`;
  const tally: Tally = { items: 0, sprints: 0, comments: 0 };
  let tenantId = '';
  try {
    const owner = (await postJson(`${base}/api/auth/signup`, {
      email: email('owner'), password, displayName: PEOPLE.owner.displayName, workspaceName: WORKSPACE_NAME,
    })) as Grant;
    tenantId = owner.tenantId;
    const invite = async (who: Person) =>
      ((await postJson(`${base}/api/workspace/invitations`, {
        email: email(who), password, displayName: PEOPLE[who].displayName, role: 'member',
      }, owner.token)) as { user: { id: string } }).user.id;
    const ids = { owner: owner.user.id, editor: await invite('editor'), viewer: await invite('viewer') };
    const editor = (await postJson(`${base}/api/auth/login`, { email: email('editor'), password })) as Grant;

    const ws = `ws://127.0.0.1:${server.port}/ws`;
    const team: Team = {
      ids,
      sockets: { owner: await SocketSession.connect(ws, owner.token), editor: await SocketSession.connect(ws, editor.token) },
    };
    try {
      for (const project of DEMO_PROJECTS) await seedProject(team, project, tally);
    } finally {
      await Promise.all([team.sockets.owner.close(), team.sockets.editor.close()]);
    }
  } finally {
    // Closing checkpoints the WAL, so the data is in main.db before anyone copies it.
    await server.stop();
  }

  const dataDirArg = process.env['DATA_DIR'] ? `DATA_DIR=${process.env['DATA_DIR']} ` : '';
  const keys = DEMO_PROJECTS.map((p) => p.key).join(', ');
  const roles = { owner: 'workspace owner (admin of every project)', editor: `EDITOR on ${keys}`, viewer: `VIEWER on ${keys}` };
  const width = Math.max(...(['owner', 'editor', 'viewer'] as const).map((who) => email(who).length));
  process.stdout.write(
    [
      '',
      `Demo workspace "${WORKSPACE_NAME}" is ready in ${config.dataDir}`,
      `  tenant:   ${tenantId}`,
      `  contents: ${DEMO_PROJECTS.length} projects (${keys}), ${tally.items} work items, ${tally.sprints} sprints, ${tally.comments} comments`,
      '',
      `Sign in with one of these (password for all three: ${password})`,
      ...(['owner', 'editor', 'viewer'] as const).map(
        (who) => `  ${email(who).padEnd(width)}  ${PEOPLE[who].displayName}, ${roles[who]}`,
      ),
      '',
      'Start the server and open the board:',
      `  ${dataDirArg}npm start`,
      `  http://localhost:${config.port}`,
      '',
      `Read the file directly:  ${dataDirArg}npm run query -- ${tenantId} "SELECT key, title, status FROM pm_work_items_readable"`,
      '',
    ].join('\n'),
  );
}

main().catch((err: unknown) => {
  const message = err instanceof ConfigError ? `configuration error: ${err.message}` : err instanceof Error ? err.message : String(err);
  process.stderr.write(`seed failed: ${message}\n`);
  process.exit(1);
});
