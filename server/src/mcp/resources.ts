// The schema docs as resources: the whole schema, and one resource per table
// or view, for clients that attach context instead of calling a tool.
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Database } from 'better-sqlite3';
import { describeSchema, describeTable } from './schema.ts';

const JSON_TYPE = 'application/json';
const SCHEMA_URI = 'tandem://schema';

export function registerResources(server: McpServer, db: Database): void {
  server.registerResource(
    'schema',
    SCHEMA_URI,
    {
      title: 'Workspace schema',
      description: 'Every table and view of the workspace file, with its columns and what they mean (pm_schema_docs)',
      mimeType: JSON_TYPE,
    },
    (uri) => ({ contents: [{ uri: uri.href, mimeType: JSON_TYPE, text: JSON.stringify(describeSchema(db)) }] }),
  );

  server.registerResource(
    'table',
    new ResourceTemplate(`${SCHEMA_URI}/{table}`, {
      list: () => ({
        resources: describeSchema(db).map((t) => ({
          uri: `${SCHEMA_URI}/${t.name}`,
          name: t.name,
          description: t.description,
          mimeType: JSON_TYPE,
        })),
      }),
    }),
    { title: 'One table or view', description: 'A table or view with its columns and what they mean', mimeType: JSON_TYPE },
    (uri, { table }) => {
      const doc = describeTable(db, String(table));
      if (!doc) throw new Error(`no table or view named ${JSON.stringify(table)}: read ${SCHEMA_URI} for the list`);
      return { contents: [{ uri: uri.href, mimeType: JSON_TYPE, text: JSON.stringify(doc) }] };
    },
  );
}
