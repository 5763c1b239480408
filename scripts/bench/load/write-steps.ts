// What a version-checked write costs, statement by statement, on an open
// file: Tandem's own pipeline (frame decode, the group commit of
// command-queue.ts with four writes per commit as table 2's four clients per
// tenant make, dispatch, the update handler, the stored reply), run here over
// a file a Tandem server wrote, every SQLite call timed (sqlite-calls.ts).
// First, untimed, the pages those commits write, by table (wal-pages.ts).
import { loadConfig } from '../../../server/src/config.ts';
import { makeLogger } from '../../../server/src/log.ts';
import { CommandQueue } from '../../../server/src/pipeline/command-queue.ts';
import { openTenantDb } from '../../../server/src/tenancy/tenant-db.ts';
import { decodeClientFrame } from '../../../server/src/transport/codec.ts';
import { pb } from '../../../shared/proto.ts';
import { serveLoad } from '../load-process.ts';
import { Tally, timeSqliteCalls, type StepsOutput } from './sqlite-calls.ts';
import { framesSince, pagesByTable, walMark, type TablePages } from './wal-pages.ts';

export interface WriteStepsInput {
  dataDir: string;
  tenantId: string;
  userId: string;
  itemId: string;
  version: number;
  writes: number;
}

export interface WriteStepsOutput extends StepsOutput {
  pages: { commits: number; tables: TablePages[] };
}

const PER_COMMIT = 4;
const WARM_UP = 400;
/** Group commits whose pages are counted (before the timed ones). */
const COUNTED_COMMITS = 250;

async function run(input: WriteStepsInput): Promise<WriteStepsOutput> {
  const config = loadConfig({ ...process.env, DATA_DIR: input.dataDir });
  const log = makeLogger('error', { instance: 'write-steps' });
  // As the server opens it: its checkpoints run on a worker thread, never inside a commit.
  const db = openTenantDb(input.dataDir, input.tenantId, { synchronous: config.sqliteSynchronous, autoCheckpoint: false });
  const caller = { tenantId: input.tenantId, userId: input.userId, displayName: input.userId, email: '', tenantRole: 'admin' as const };
  const queue = new CommandQueue({ database: () => db, log, maxReplyBytes: config.limits.maxReplyBytes });
  const tally = new Tally();
  let version = input.version;
  let refused = 0;
  const group = (n: number, timed: boolean) => {
    for (let i = 0; i < PER_COMMIT; i++) {
      const bytes = pb.ClientFrame.encode({ messageId: `write-steps-${n}-${i}`, updateWorkItem: { workItemId: input.itemId, expectedVersion: version + i, title: `title ${n}.${i}` } }).finish();
      const frame = timed ? tally.timed('1 frame decode', () => decodeClientFrame(bytes)) : decodeClientFrame(bytes);
      queue.push({ caller, subscriptions: new Set(), frame, now: Date.now(), deliver: (out) => void (out.errorCode === null || refused++) });
    }
    if (timed) tally.timed(`2 group commit of ${PER_COMMIT} writes`, () => queue.flush());
    else queue.flush();
    version += PER_COMMIT;
  };
  for (let n = 0; n < WARM_UP / PER_COMMIT; n++) group(-n - 1, false);
  const wal = `${db.path}-wal`;
  const mark = walMark(wal);
  for (let n = 0; n < COUNTED_COMMITS; n++) group(-WARM_UP - n - 1, false);
  const pages = pagesByTable(db.sqlite, framesSince(wal, mark, db.sqlite.pragma('page_size', { simple: true }) as number));
  // Before the timing: dbstat's reads are no write's cost.
  timeSqliteCalls(tally);
  const groups = Math.ceil(input.writes / PER_COMMIT);
  for (let n = 0; n < groups; n++) group(n, true);
  if (refused > 0) throw new Error(`${refused} writes were refused`);
  // Summed before the close, whose checkpoint of the whole WAL no write pays in the server.
  const costs = tally.per(groups * PER_COMMIT);
  db.close();
  return { ...costs, pages };
}

serveLoad(run);
