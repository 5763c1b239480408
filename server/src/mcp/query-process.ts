// The query tool's own process. A runaway statement (a recursive CTE that
// never ends) runs inside SQLite's C code, where no timer, interrupt or
// Worker.terminate() reaches it (better-sqlite3 has no interrupt or progress
// handler); killing a process does. query-runner.ts kills this one at the
// time limit and starts another.
import { runQuery, type QueryReply, type QueryRequest } from './run-query.ts';
import { openTenantReadOnly } from './tenant-file.ts';

export type ProcessMessage = { kind: 'ready' } | ({ kind: 'reply' } & QueryReply);

const [dataDir, tenantId] = process.argv.slice(2);
const db = openTenantReadOnly(dataDir!, tenantId!);
const send = (message: ProcessMessage) => process.send!(message);

process.on('message', (request: QueryRequest) => send({ kind: 'reply', ...runQuery(db, request) }));
// The MCP server is gone (even killed): nobody will ask again.
process.on('disconnect', () => process.exit(0));
send({ kind: 'ready' });
