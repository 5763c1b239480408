// The tools the model may call. Reads run as the asker through the command
// queue (reads.ts), so a project the asker cannot read is NOT_FOUND here as on
// the socket. There are no write tools: a change is returned as a proposal for
// the browser to show, and only the person's click sends the ordinary writes.
import { ASSISTANT_LIMITS, type AssistantProposal } from '../../../shared/domain/assistant.ts';
import { AppError } from '../../../shared/domain/errors.ts';
import { ErrorCode } from '../../../shared/proto.ts';
import { errorCodeName } from '../../../shared/protocol/error-codes.ts';
import type { Caller } from '../auth/caller.ts';
import { boardSummary, hitFacts, itemWithComments, sprintFacts, type IBoard } from './board-facts.ts';
import type { ReadAs } from './reads.ts';

export interface ToolContext {
  caller: Caller;
  /** The project of the page the question was asked on: the tools' default. */
  projectId: string;
  readAs: ReadAs;
  /** A project key's id, readable or not: the read itself decides what the asker may see. */
  projectIdOfKey(key: string): string | null;
}

export interface ToolOutcome {
  /** What the model is told (JSON). */
  result: string;
  /** What the person is told ran. */
  activity: string;
  proposal?: AssistantProposal;
}

const projectKeyParam = { type: 'string', description: 'A project key such as WEB; leave out for the current project' };
const fn = (name: string, description: string, properties: object, required: string[] = []) => ({
  type: 'function',
  function: { name, description, parameters: { type: 'object', properties, required } },
});

export const TOOL_DEFINITIONS = [
  fn('search_items', 'Find work items whose key, title, description or comments match the words', {
    query: { type: 'string' }, project_key: projectKeyParam,
  }, ['query']),
  fn('get_board_summary', 'The board: its columns with their item counts and the items with status, assignee, points and sprint', {
    project_key: projectKeyParam,
  }),
  fn('get_item', 'One work item by key (WEB-12): its fields, description, sub-tasks and comments', { key: { type: 'string' } }, ['key']),
  fn('list_sprints', 'The sprints (planned, active, completed) with their dates, goals and items', { project_key: projectKeyParam }),
  fn('propose_subtasks', 'Propose splitting a story or task into sub-tasks; the person decides whether to create them', {
    parent_key: { type: 'string' },
    subtasks: {
      type: 'array', maxItems: ASSISTANT_LIMITS.maxSubtasks,
      items: { type: 'object', properties: { title: { type: 'string' }, description: { type: 'string' } }, required: ['title'] },
    },
  }, ['parent_key', 'subtasks']),
  fn('propose_estimate', 'Propose a story point estimate for an item; the person decides whether to set it', {
    key: { type: 'string' }, story_points: { type: 'number' }, reason: { type: 'string' },
  }, ['key', 'story_points']),
] as const;

type Args = Record<string, unknown>;

const text = (args: Args, name: string, max = 500) => {
  const value = args[name];
  if (typeof value !== 'string' || value.trim() === '') throw new AppError(ErrorCode.ERROR_CODE_INVALID_ARGUMENT, `${name} is required`, name);
  return value.trim().slice(0, max);
};

const projectOf = (ctx: ToolContext, args: Args) => {
  const key = args['project_key'];
  if (typeof key !== 'string' || key.trim() === '') return ctx.projectId;
  // An unknown key gets an id no project has, so the read answers NOT_FOUND as it would for one the asker may not read.
  return ctx.projectIdOfKey(key.trim().toUpperCase()) ?? `missing:${key}`;
};

const board = async (ctx: ToolContext, projectId: string): Promise<IBoard> =>
  (await ctx.readAs(ctx.caller, { getBoard: { projectId, omitDescriptions: true } })).board ?? {};

/** The board an item key belongs to, and the item on it. */
async function itemByKey(ctx: ToolContext, key: string) {
  const projectKey = /^([A-Za-z][A-Za-z0-9]*)-\d+$/.exec(key)?.[1];
  if (!projectKey) throw new AppError(ErrorCode.ERROR_CODE_INVALID_ARGUMENT, `${key} is not an item key like WEB-12`, 'key');
  const found = await board(ctx, projectOf(ctx, { project_key: projectKey }));
  const item = found.workItems?.find((i) => i.key === key.toUpperCase());
  if (!item) throw new AppError(ErrorCode.ERROR_CODE_NOT_FOUND, `No item ${key}`, 'key');
  return { board: found, item };
}

async function run(ctx: ToolContext, name: string, args: Args): Promise<ToolOutcome> {
  switch (name) {
    case 'search_items': {
      const query = text(args, 'query', 200);
      const found = await ctx.readAs(ctx.caller, { search: { query, projectId: projectOf(ctx, args), limit: 20 } });
      return { result: JSON.stringify((found.searchResults?.hits ?? []).map(hitFacts)), activity: `Searched for “${query}”` };
    }
    case 'get_board_summary': {
      const summary = boardSummary(await board(ctx, projectOf(ctx, args)));
      return { result: JSON.stringify(summary), activity: `Read the ${summary.project.key} board` };
    }
    case 'list_sprints': {
      const found = await board(ctx, projectOf(ctx, args));
      return { result: JSON.stringify(sprintFacts(found)), activity: `Read the ${found.project?.key} sprints` };
    }
    case 'get_item': {
      const { board: found, item } = await itemByKey(ctx, text(args, 'key', 40));
      const full = (await ctx.readAs(ctx.caller, { getWorkItem: { workItemId: item.id! } })).workItem ?? item;
      const comments = (await ctx.readAs(ctx.caller, { getComments: { workItemId: item.id! } })).comments?.comments ?? [];
      return { result: JSON.stringify(itemWithComments(found, full, comments)), activity: `Read ${item.key}` };
    }
    case 'propose_subtasks': {
      const { item } = await itemByKey(ctx, text(args, 'parent_key', 40));
      const raw = Array.isArray(args['subtasks']) ? (args['subtasks'] as Args[]) : [];
      const subtasks = raw
        .filter((s) => typeof s === 'object' && s !== null && typeof s['title'] === 'string' && s['title'].trim() !== '')
        .slice(0, ASSISTANT_LIMITS.maxSubtasks)
        .map((s) => ({ title: (s['title'] as string).trim().slice(0, 200), description: typeof s['description'] === 'string' ? s['description'].slice(0, 2000) : '' }));
      if (subtasks.length === 0) throw new AppError(ErrorCode.ERROR_CODE_INVALID_ARGUMENT, 'subtasks needs at least one title', 'subtasks');
      const proposal: AssistantProposal = { kind: 'subtasks', parentId: item.id!, parentKey: item.key!, subtasks };
      return { result: JSON.stringify({ proposed: true, note: 'Shown to the person; nothing is created until they accept' }), activity: `Proposed ${subtasks.length} sub-tasks for ${item.key}`, proposal };
    }
    case 'propose_estimate': {
      const { item } = await itemByKey(ctx, text(args, 'key', 40));
      const points = args['story_points'];
      if (typeof points !== 'number' || !Number.isFinite(points) || points < 0 || points > 1000) {
        throw new AppError(ErrorCode.ERROR_CODE_INVALID_ARGUMENT, 'story_points must be a number from 0 to 1000', 'story_points');
      }
      const reason = typeof args['reason'] === 'string' ? args['reason'].slice(0, 1000) : '';
      const proposal: AssistantProposal = { kind: 'estimate', workItemId: item.id!, key: item.key!, storyPoints: points, reason };
      return { result: JSON.stringify({ proposed: true, note: 'Shown to the person; nothing is set until they accept' }), activity: `Suggested ${points} points for ${item.key}`, proposal };
    }
    default:
      throw new AppError(ErrorCode.ERROR_CODE_INVALID_ARGUMENT, `There is no tool ${name}`);
  }
}

/**
 * Runs one tool call. A refusal is the model's to read (it may say so or try
 * again), not the end of the answer; anything else is a bug and goes on up.
 */
export async function runTool(ctx: ToolContext, name: string, rawArgs: string): Promise<ToolOutcome> {
  let args: Args;
  try {
    const parsed: unknown = JSON.parse(rawArgs || '{}');
    args = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Args) : {};
  } catch {
    return { result: JSON.stringify({ error: 'INVALID_ARGUMENT', message: 'The arguments are not JSON' }), activity: `Could not run ${name}` };
  }
  try {
    return await run(ctx, name, args);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { result: JSON.stringify({ error: errorCodeName(err.code), message: err.message }), activity: `${name}: ${err.message}` };
  }
}
