// `npm run mcp -- --tenant <id>`: an MCP server on stdio through which an LLM
// client reads one tenant's file, read-only. Wiring only.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import packageJson from '../../../package.json' with { type: 'json' };
import { parseArgs } from './args.ts';
import { QueryRunner } from './query-runner.ts';
import { registerResources } from './resources.ts';
import { openTenantReadOnly } from './tenant-file.ts';
import { registerTools } from './tools.ts';

/** A start-up step, or its reason on stderr (stdout carries the protocol) and the exit code. */
function orExit<T>(step: () => T, code: number): T {
  try {
    return step();
  } catch (err) {
    process.stderr.write(`tandem-mcp: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(code);
  }
}

const options = orExit(() => parseArgs(process.argv.slice(2), process.env), 2);
const db = orExit(() => openTenantReadOnly(options.dataDir, options.tenantId), 1);
const runner = new QueryRunner(options.dataDir, options.tenantId, options.timeLimitMs);
const server = new McpServer(
  { name: 'tandem', version: packageJson.version },
  {
    instructions:
      `Reads the Tandem workspace (tenant) ${options.tenantId}, read-only: projects, work items, sprints, comments ` +
      'and their history. For questions about progress start with summarize_project or summarize_sprint; for ' +
      'anything else call describe_schema, then query.',
  },
);
registerTools(server, db, runner);
registerResources(server, db);

const stop = () => {
  runner.close();
  db.close();
  process.exit(0);
};
// A client ends the session by closing our stdin (signals come only if we linger).
process.stdin.once('end', stop);
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
await server.connect(new StdioServerTransport());
