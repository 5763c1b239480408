// What a cold open costs, statement by statement: Tandem's own code for a
// command on a closed tenant file (openTenantDb, the update handler through
// dispatch, the housekeeping after an open, the close when the cache evicts
// the file, with the checkpoint thread holding it as the server's does), run
// here over files a Tandem server wrote, with every call better-sqlite3
// makes into SQLite timed by wrapping its prototypes.
import Database from 'better-sqlite3';
import { loadConfig } from '../../../server/src/config.ts';
import { makeLogger } from '../../../server/src/log.ts';
import { dispatch } from '../../../server/src/pipeline/dispatch.ts';
import { Checkpointer } from '../../../server/src/tenancy/checkpointer.ts';
import { tidyTenant } from '../../../server/src/tenancy/maintenance.ts';
import { openTenantDb } from '../../../server/src/tenancy/tenant-db.ts';
import { decodeClientFrame } from '../../../server/src/transport/codec.ts';
import { pb } from '../../../shared/proto.ts';
import { serveLoad } from '../load-process.ts';
import { Tally, timeSqliteCalls, type StepsOutput } from './sqlite-calls.ts';

export interface OpenStepsInput {
  dataDir: string;
  tenantIds: string[];
  userId: string;
  itemId: string;
}

function currentVersion(dataDir: string, tenantId: string, itemId: string): number {
  const peek = new Database(`${dataDir}/${tenantId}/main.db`, { readonly: true });
  try {
    return (peek.prepare('SELECT version FROM pm_work_items WHERE id = ?').get(itemId) as { version: number }).version;
  } finally {
    peek.close();
  }
}

async function run(input: OpenStepsInput): Promise<StepsOutput> {
  const config = loadConfig({ ...process.env, DATA_DIR: input.dataDir });
  const log = makeLogger('error', { instance: 'open-steps' });
  const versions = input.tenantIds.map((id) => currentVersion(input.dataDir, id, input.itemId));
  const checkpointer = new Checkpointer(log);
  const tally = new Tally();
  timeSqliteCalls(tally);
  for (const [n, tenantId] of input.tenantIds.entries()) {
    const db = tally.timed('1 open', () => openTenantDb(input.dataDir, tenantId, { synchronous: config.sqliteSynchronous, autoCheckpoint: false }));
    const frame = decodeClientFrame(pb.ClientFrame.encode({
      messageId: `open-steps-${n}`,
      updateWorkItem: { workItemId: input.itemId, expectedVersion: versions[n]!, title: `open step ${n}` },
    }).finish());
    const caller = { tenantId, userId: input.userId, displayName: input.userId, email: '', tenantRole: 'admin' as const };
    const deps = { database: () => db, log, maxReplyBytes: config.limits.maxReplyBytes };
    const out = tally.timed('2 update_work_item', () => dispatch(deps, caller, new Set(), frame, Date.now()));
    if (out.errorCode !== null) throw new Error(`the update on ${tenantId} was refused (${out.errorCode})`);
    tally.timed('3 housekeeping (first open of a day)', () => tidyTenant(db, config.limits));
    // The server has the thread hold the file right after the command, and evicts it much later.
    checkpointer.opened(db.path);
    checkpointer.wrote(db.path);
    await checkpointer.flush();
    tally.timed('4 close', () => db.close({ checkpoint: false }));
    checkpointer.closed(db.path);
  }
  await checkpointer.stop();
  return tally.per(input.tenantIds.length);
}

serveLoad(run);
