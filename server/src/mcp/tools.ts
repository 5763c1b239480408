// The four tools, with descriptions written for the model that reads them:
// what each returns and how to call it well.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Database } from 'better-sqlite3';
import * as z from 'zod';
import { summarizeProject } from './project-summary.ts';
import type { QueryRunner } from './query-runner.ts';
import { describeSchema } from './schema.ts';
import { summarizeSprint } from './sprint-summary.ts';

export const DEFAULT_ROWS = 100;
export const MAX_ROWS = 1000;

// Compact JSON: the reader is a model, and indentation only costs it tokens.
const asJson = (value: unknown): CallToolResult => ({ content: [{ type: 'text', text: JSON.stringify(value) }] });

const readOnly = { readOnlyHint: true, destructiveHint: false, openWorldHint: false } as const;

const projectKey = z.string().min(1).describe('The project key, e.g. WEB (the prefix of its item keys, WEB-12)');

export function registerTools(server: McpServer, db: Database, runner: QueryRunner): void {
  server.registerTool(
    'describe_schema',
    {
      title: 'Describe the schema',
      description:
        "Every table and view of this Tandem workspace's SQLite file, with each column's type and meaning " +
        '(from pm_schema_docs). Call it before writing SQL for the query tool. Start with the views ' +
        'pm_work_items_readable and pm_activity_readable, which show names instead of ids. A project with ' +
        'custom fields has a view pm_custom_values_<project key in lower case> with one column per field, named as the field is.',
      annotations: readOnly,
    },
    () => asJson(describeSchema(db)),
  );

  server.registerTool(
    'query',
    {
      title: 'Read with SQL',
      description:
        'Runs one read-only SQLite statement on the workspace file and returns {columns, rows}: SELECT, WITH, ' +
        'VALUES, EXPLAIN, or a PRAGMA that only reports (table_info...). Writes, ATTACH, settings, extensions and ' +
        `several statements are refused. At most max_rows rows come back (default ${DEFAULT_ROWS}); a note says ` +
        'when there were more. A statement that runs past the time limit is stopped. Times are epoch ms ' +
        "(datetime(x / 1000, 'unixepoch') gives UTC text); blobs come back as their size.",
      inputSchema: {
        sql: z.string().describe('One SQLite statement, e.g. SELECT key, title, status FROM pm_work_items_readable WHERE is_deleted = 0'),
        max_rows: z.number().int().min(1).max(MAX_ROWS).optional().describe(`Rows to return, 1 to ${MAX_ROWS} (default ${DEFAULT_ROWS})`),
      },
      annotations: readOnly,
    },
    async ({ sql, max_rows }) => {
      const maxRows = max_rows ?? DEFAULT_ROWS;
      const { columns, rows, more } = await runner.run(sql, maxRows);
      const note = more
        ? { note: `stopped at ${maxRows} rows (max_rows): the statement returns more. Add LIMIT and OFFSET, a narrower WHERE, or aggregate` }
        : {};
      return asJson({ columns, rows, row_count: rows.length, ...note });
    },
  );

  server.registerTool(
    'summarize_sprint',
    {
      title: 'Summarize a sprint',
      description:
        "Facts about one sprint to quote: its dates and state, scope (items and story points), done, remaining by " +
        'status, blocked items, who holds what, and the latest changes, with the definitions used. Without a ' +
        "sprint it summarizes the project's active sprint; an unknown name lists the sprints there are.",
      inputSchema: {
        project: projectKey,
        sprint: z.string().min(1).optional().describe('The sprint name or id (default: the active sprint)'),
      },
      annotations: readOnly,
    },
    ({ project, sprint }) => asJson(summarizeSprint(db, project, sprint)),
  );

  server.registerTool(
    'summarize_project',
    {
      title: 'Summarize a project',
      description:
        'Facts about one project to quote: items and story points by type and status, done, remaining, backlog, ' +
        'its sprints (the active one with its progress), blocked items, who holds what, members, and the latest ' +
        'changes, with the definitions used. An unknown key lists the project keys there are.',
      inputSchema: { project: projectKey },
      annotations: readOnly,
    },
    ({ project }) => asJson(summarizeProject(db, project)),
  );
}
