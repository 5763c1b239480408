// One seeded run: a fresh project on a two-instance cluster, four SDK
// clients (two people, each signed in on both instances; two of the clients
// take changed-fields-only events) and two raw watching sockets, rounds of
// random writes with faults among them, then the checks (checks.ts).
//
// The seed decides every choice this code makes: the plan (when Redis stops
// and starts, whether rounds overlap), the ops (from what each client's board
// shows), and the faults: which socket drops or page reloads when, which
// answered message ids are resent, which writes are sent twice at once. The
// network's timing is not seeded, so a failing seed may need a few runs to
// fail again; the op log it prints says what happened in the failing one.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode, Role, pb, type IComment, type ServerFrame } from '../../../../shared/proto.ts';
import type { CommandName } from '../../../../shared/proto.ts';
import { commandName } from '../../../../shared/sdk/index.ts';
import { invite, signup, type Session } from '../accounts.ts';
import { OwnRedis, uniqueChannel } from '../redis.ts';
import { startTestServer, type TestServer } from '../test-server.ts';
import { TestClient } from '../ws-client.ts';
import { checkLog, checkSeqs, checkSentEvents, compareBoard, readLog, type Acked } from './checks.ts';
import { SdkClient, codeName, type WriteRecord, type WriteReply } from './client.ts';
import { nextOp } from './ops.ts';
import { fork, hex } from '../rng.ts';

const FAST = { RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '100000' };

/** The clients: [person (0 Ada, 1 Bob), instance (0 A, 1 B), changed fields only]. Each person is on both instances. */
const SEATS: readonly (readonly [number, number, boolean])[] = [[0, 0, false], [1, 1, false], [0, 1, true], [1, 0, true]];

export interface Cluster {
  redis: OwnRedis;
  /**
   * Whether our redis-server runs. OwnRedis.resume() starts a new process
   * whatever runs already (the new one cannot bind and exits, and the running
   * one is lost to stop()), so it is called only when this says it is down.
   */
  redisUp: boolean;
  servers: TestServer[];
  dataDir: string;
  /** Ada, the workspace's owner, and Bob, a member: each run makes its own project in their workspace. */
  people: [Session, Session];
  /** Runs so far: numbers each run's project and message ids, so a seed run twice never meets its own ids. */
  runs: number;
}

/** Two instances on one data folder, linked through a Redis of the test's own (so stopping it disturbs nobody). */
export async function startCluster(): Promise<Cluster> {
  const redis = await OwnRedis.start();
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-conv-'));
  const servers: TestServer[] = [];
  try {
    const env = { REDIS_URL: redis.url, REDIS_CHANNEL: uniqueChannel(), ...FAST };
    for (let i = 0; i < 2; i++) servers.push(await startTestServer(env, dataDir));
    for (const s of servers) await waitForHealth(s.http, 'ok');
    const ada = await signup(servers[0]!.http, 'Ada');
    const bob = await invite(servers[0]!.http, ada, 'Bob');
    return { redis, redisUp: true, servers, dataDir, people: [ada, bob], runs: 0 };
  } catch (err) {
    // Nothing of ours may outlive a failed start: a redis-server would stay behind.
    for (const s of servers) await s.stop().catch(() => undefined);
    await redis.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}

/** A project key of the run's own: CVA, CVB, ..., CVBA, ... */
const projectKey = (run: number) => {
  let letters = '';
  for (let n = run; ; n = Math.floor(n / 26) - 1) {
    letters = String.fromCharCode(65 + (n % 26)) + letters;
    if (n < 26) return `CV${letters}`;
  }
};

/** Stops Redis and waits until both instances say they are serving without it. */
async function stopRedis(cluster: Cluster): Promise<void> {
  if (!cluster.redisUp) return;
  await cluster.redis.stop();
  cluster.redisUp = false;
  for (const s of cluster.servers) await waitForHealth(s.http, 'degraded', 5000);
}

async function startRedis(cluster: Cluster): Promise<void> {
  if (cluster.redisUp) return;
  await cluster.redis.resume();
  cluster.redisUp = true;
}

export async function stopCluster(cluster: Cluster | undefined): Promise<void> {
  if (!cluster) return;
  for (const s of cluster.servers) await s.stop();
  await cluster.redis.stop();
  rmSync(cluster.dataDir, { recursive: true, force: true });
}

async function waitForHealth(base: string, status: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const body = (await (await fetch(base + '/healthz')).json()) as { status: string };
    if (body.status === status) return;
    await sleep(50);
  }
  throw new Error(`${base} did not report ${status}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The parts of a run the seed fixes before anything runs. */
export interface Plan {
  rounds: number;
  /** Redis is stopped before this round and started again before `redisUpAt`, or later if it has not been down MIN_OUTAGE_MS (null: it stays up). */
  redisDownAt: number | null;
  redisUpAt: number | null;
  /** A round's writes go out before the round before is answered. */
  overlap: boolean;
}

export function planFor(seed: number, rounds = 60): Plan {
  const rng = fork(seed, 1);
  const overlap = rng.chance(0.5);
  if (!rng.chance(0.75)) return { rounds, redisDownAt: null, redisUpAt: null, overlap };
  const down = rng.int(2, Math.floor(rounds / 3));
  return { rounds, redisDownAt: down, redisUpAt: Math.min(rounds, down + rng.int(8, 20)), overlap };
}

export interface RunReport {
  seed: string;
  plan: Plan;
  writes: number;
  acknowledged: number;
  refused: Record<string, number>;
  /** Per command: acknowledged/sent. */
  byCommand: Record<string, string>;
  drops: number;
  reloads: number;
  resends: number;
  /** Partial items laid over held ones, by the changed-fields-only clients. */
  partials: number;
  writesWhileRedisDown: number;
  lastSeq: number;
  ms: number;
  /** The op log, written when CONVERGENCE_LOG is set. */
  logFile?: string;
}

/** What the op log and the failure message need. */
class OpLog {
  readonly lines: string[] = [];
  private readonly t0 = Date.now();
  add = (line: string) => {
    this.lines.push(`${String(Date.now() - this.t0).padStart(6)}ms ${line}`);
  };
}

const ROUND_TIMEOUT_MS = 15_000;
const MIN_OUTAGE_MS = 500;
const CONVERGE_TIMEOUT_MS = 10_000;

/**
 * Runs one seed and checks every rule; throws one error listing every
 * finding, the seed, how to run it again, and the op log.
 */
export async function runSeed(cluster: Cluster, seed: number, plan = planFor(seed)): Promise<RunReport> {
  const started = Date.now();
  const log = new OpLog();
  const findings: string[] = [];
  const clients: SdkClient[] = [];
  const raw: TestClient[] = [];
  const { servers } = cluster;
  const seedHex = hex(seed);
  let report: RunReport | undefined;
  log.add(`seed ${seedHex}: ${plan.rounds} rounds${plan.overlap ? ' (overlapping)' : ''}, redis ${plan.redisDownAt === null ? 'stays up' : `down at round ${plan.redisDownAt}, up at ${plan.redisUpAt}`}`);
  try {
    // ---------------------------------------------------------------- setup
    const run = cluster.runs++;
    const [ada, bob] = cluster.people;
    // Linked, whatever the run before left: its writes must not be in flight either.
    for (const s of servers) await waitForHealth(s.http, 'ok');
    const rawOf = new Map<string, TestClient[]>();
    for (const session of [ada, bob]) {
      const pair = [await TestClient.connect(servers[0]!.ws, session.token), await TestClient.connect(servers[1]!.ws, session.token)];
      raw.push(...pair);
      rawOf.set(session.user.id, pair);
    }
    const setup: Acked[] = [];
    const setupWrite = async (client: TestClient, userId: string, command: Parameters<TestClient['ok']>[0]) => {
      const result = await ok(client, command);
      setup.push({ ref: `setup:${Object.keys(command)[0]}`, userId, command: Object.keys(command)[0] as CommandName, result });
      return result;
    };
    const adaRaw = rawOf.get(ada.user.id)![0]!;
    const projectId = (await setupWrite(adaRaw, ada.user.id, { createProject: { key: projectKey(run), name: `Convergence ${seedHex}` } })).project!.id!;
    await setupWrite(adaRaw, ada.user.id, { addMember: { projectId, userId: bob.user.id, role: Role.ROLE_EDITOR } });
    const users = [ada.user.id, bob.user.id];

    // Two sockets that only watch, one per instance (B's asks for changed
    // fields only): without the SDK to dedupe or fill gaps, each must still be
    // sent every seq once and in order, Redis or no Redis (README, "Several instances").
    const watchers: { name: string; socket: TestClient; from: number }[] = [];
    for (const [at, compact] of [[0, false], [1, true]] as const) {
      const socket = await TestClient.connect(servers[at]!.ws, cluster.people[at]!.token);
      raw.push(socket);
      const res = await ok(socket, { subscribe: { projects: [{ projectId }], changedFieldsOnly: compact } });
      watchers.push({ name: `watcher on ${'AB'[at]}`, socket, from: Number(res.subscribed!.projects![0]!.sinceSeq) });
    }

    for (const [i, [person, at, compact]] of SEATS.entries()) {
      const session = cluster.people[person]!;
      const name = `c${i}`;
      clients.push(await SdkClient.open({
        name, url: servers[at]!.ws, session, projectId, changedFieldsOnly: compact, idPrefix: `${seedHex}.${run}-${name}`, log: log.add,
      }));
      log.add(`${name} = ${session.user.displayName} on instance ${'AB'[at]}${compact ? ', changed fields only' : ''}`);
    }

    // --------------------------------------------------------------- rounds
    const opsRng = fork(seed, 2);
    const faultRng = fork(seed, 3);
    let drops = 0;
    let reloads = 0;
    let resends = 0;
    let downSince = 0;
    let writesWhileRedisDown = 0;
    const answered = (userId: string) =>
      clients.flatMap((c) => c.writes).filter((w) => w.userId === userId && w.reply && (w.reply.ok || w.reply.code !== ErrorCode.ERROR_CODE_INTERNAL));

    /** In-flight duplicates: the SDK's write and the same frame sent at once on the other instance. */
    const twins: { record: WriteRecord; instance: string; frame: Promise<ServerFrame> }[] = [];
    let previous: Promise<unknown> = Promise.resolve();
    for (let round = 0; round < plan.rounds; round++) {
      if (round === plan.redisDownAt) {
        const t = Date.now();
        await stopRedis(cluster);
        downSince = Date.now();
        log.add(`r${round} REDIS STOPPED (both instances said degraded after ${downSince - t} ms)`);
      }
      // Down for at least MIN_OUTAGE_MS however fast the rounds go, so the
      // instances' log polls and Redis reconnect attempts fall inside it.
      if (!cluster.redisUp && round >= plan.redisUpAt! && Date.now() - downSince >= MIN_OUTAGE_MS) {
        await startRedis(cluster);
        log.add(`r${round} REDIS STARTED after ${Date.now() - downSince} ms`);
      }
      log.add(`r${round}`);
      const pending: Promise<void>[] = [];
      const fired = new Map<SdkClient, WriteRecord[]>();
      for (const client of clients) {
        const n = { none: 0, one: 1, two: 2 }[opsRng.weighted({ none: 1, one: 4, two: 2 })];
        for (let k = 0; k < n; k++) {
          const { record, settled } = client.write(nextOp(opsRng, { model: client.model, me: client.opts.session.user.id, users, projectId }));
          pending.push(settled);
          if (!cluster.redisUp) writesWhileRedisDown++;
          fired.set(client, [...(fired.get(client) ?? []), record]);
        }
      }
      for (const [i, client] of clients.entries()) {
        const twin = faultRng.chance(0.08) ? faultRng.maybe(fired.get(client) ?? []) : undefined;
        if (twin) {
          const other = 1 - SEATS[i]![1];
          const after = faultRng.int(0, 10);
          const userId = client.opts.session.user.id;
          const frame = sleep(after).then(() => rawOf.get(userId)![other]!.request(twin.command, twin.messageId));
          twins.push({ record: twin, instance: 'AB'[other]!, frame });
          pending.push(frame.then(() => undefined));
          log.add(`  ${twin.ref}'s frame sent again at once on ${'AB'[other]} (${after} ms into the round)`);
        }
        if (faultRng.chance(0.04)) {
          const after = faultRng.int(0, 15);
          pending.push(sleep(after).then(async () => {
            const unanswered = await client.reload();
            reloads++;
            log.add(`  ${client.opts.name} page reloaded (${after} ms into the round, ${unanswered} writes unanswered)`);
          }));
        } else if (faultRng.chance(0.1)) {
          const after = faultRng.int(0, 15);
          pending.push(sleep(after).then(() => {
            if (client.drop()) {
              drops++;
              log.add(`  ${client.opts.name} socket dropped (${after} ms into the round)`);
            }
          }));
        }
        if (faultRng.chance(0.1)) {
          const userId = client.opts.session.user.id;
          const old = faultRng.maybe(answered(userId));
          const via = faultRng.int(0, 1);
          const disguised = faultRng.chance(0.3);
          if (old) {
            resends++;
            pending.push(resend(rawOf.get(userId)![via]!, old, disguised, projectId, 'AB'[via]!, log.add).then((f) => void findings.push(...f)));
          }
        }
      }
      // With overlap, a round's writes go out while the round before is still
      // being answered: the boards they are chosen from are staler.
      const waitFor = plan.overlap ? previous : Promise.all(pending);
      previous = Promise.all(pending);
      previous.catch(() => undefined); // awaited next round; this only keeps it from counting as unhandled meanwhile
      await withTimeout(waitFor, ROUND_TIMEOUT_MS, () => {
        const open = clients.flatMap((c) => c.writes).filter((w) => !w.reply).map((w) => w.ref);
        return `round ${round}: no reply within ${ROUND_TIMEOUT_MS} ms to ${open.join(', ') || '(a resend)'}`;
      });
      await sleep(faultRng.int(0, 15));
    }
    await withTimeout(previous, ROUND_TIMEOUT_MS, () => 'the last round was not answered');
    if (!cluster.redisUp) {
      await startRedis(cluster);
      log.add(`REDIS STARTED after ${Date.now() - downSince} ms (end of rounds)`);
    }

    // --------------------------------------------------------------- settle
    // A reloaded page's writes are answered on its next connection, maybe after its round.
    await withTimeout(
      (async () => {
        while (clients.some((c) => c.writes.some((w) => !w.reply))) await sleep(20);
      })(),
      ROUND_TIMEOUT_MS,
      () => `no reply within ${ROUND_TIMEOUT_MS} ms to ${clients.flatMap((c) => c.writes).filter((w) => !w.reply).map((w) => w.ref).join(', ')}`,
    );
    // Every write is answered; now each feed must reach the server's last seq by itself.
    const { board } = await ok(adaRaw, { getBoard: { projectId } });
    const lastSeq = Number(board!.seq);
    log.add(`all writes answered; the server is at seq ${lastSeq}`);
    const until = Date.now() + CONVERGE_TIMEOUT_MS;
    const watcherAt = (w: (typeof watchers)[number]) => Number(w.socket.events.filter((e) => Number(e.seq) > 0).at(-1)?.seq ?? w.from);
    while (Date.now() < until && (clients.some((c) => c.feed.lastSeq(projectId) !== lastSeq) || watchers.some((w) => watcherAt(w) < lastSeq))) {
      await sleep(20);
    }
    for (const c of clients) {
      const at = c.feed.lastSeq(projectId);
      if (at !== lastSeq) {
        findings.push(`CONV-2 ${c.opts.name}: its feed is at seq ${at} ${CONVERGE_TIMEOUT_MS} ms after the last write (server at ${lastSeq}; socket ${c.conn.state.state})`);
      }
    }

    // --------------------------------------------------------------- checks
    const itemIds = new Set<string>((board!.workItems ?? []).map((w) => w.id!));
    for (const c of clients) for (const id of c.model.items.keys()) itemIds.add(id);
    const comments = new Map<string, IComment[]>();
    for (const id of itemIds) comments.set(id, (await ok(adaRaw, { getComments: { workItemId: id } })).comments!.comments ?? []);

    for (const c of clients) {
      findings.push(...c.problems.map((p) => `CONV-2 ${p}`), ...c.model.problems.map((p) => `CONV-1 ${p}`));
      findings.push(...compareBoard(c.model, board!, comments));
      for (const [i, page] of c.pastPages.entries()) findings.push(...checkSeqs(`${c.opts.name} (page ${i + 1}, reloaded)`, page.handed, page.from, page.to, true));
      findings.push(...checkSeqs(c.opts.name, c.handed, c.startSeq, lastSeq));
    }
    for (const w of watchers) {
      const seqs = w.socket.events.map((e) => Number(e.seq)).filter((seq) => seq > 0);
      const unordered = seqs.findIndex((seq, i) => i > 0 && seq <= seqs[i - 1]!);
      if (unordered > 0) findings.push(`CONV-2 ${w.name}: seq ${seqs[unordered]} came after seq ${seqs[unordered - 1]}`);
      findings.push(...checkSeqs(w.name, seqs, w.from, lastSeq));
    }

    const writes = clients.flatMap((c) => c.writes);
    const acked: Acked[] = [...setup];
    const refused: Record<string, number> = {};
    for (const w of writes) {
      if (!w.reply) findings.push(`CONV-3 ${w.ref} (${w.label}) was never answered`);
      else if (w.reply.ok) {
        if (Number(w.reply.result.seq ?? 0) > 0) acked.push({ ref: w.ref, userId: w.userId, command: commandName(w.command), result: w.reply.result });
      } else {
        const code = codeName(w.reply.code);
        refused[code] = (refused[code] ?? 0) + 1;
        if (w.reply.code === ErrorCode.ERROR_CODE_INTERNAL) findings.push(`CONV-3 ${w.ref} (${w.label}) was answered INTERNAL: ${w.reply.message}`);
      }
    }
    for (const t of twins) findings.push(...sameReply(`${t.record.ref}'s frame, sent again at once on ${t.instance},`, await t.frame, t.record.reply));
    const tenantLog = readLog(join(cluster.dataDir, ada.tenantId, 'main.db'), projectId);
    findings.push(...checkLog(tenantLog, acked, lastSeq));
    for (const c of clients) findings.push(...checkSentEvents(c.opts.name, c.received, tenantLog));
    for (const w of watchers) findings.push(...checkSentEvents(w.name, w.socket.events, tenantLog));

    const byCommand: Record<string, string> = {};
    for (const name of new Set(writes.map((w) => commandName(w.command)))) {
      const mine = writes.filter((w) => commandName(w.command) === name);
      byCommand[name] = `${mine.filter((w) => w.reply?.ok).length}/${mine.length}`;
    }
    report = {
      seed: seedHex, plan, writes: writes.length, acknowledged: acked.length - setup.length, refused, byCommand, drops, reloads, resends, partials: clients.reduce((n, c) => n + c.partials, 0), writesWhileRedisDown, lastSeq,
      ms: Date.now() - started,
    };
    log.add(`report ${JSON.stringify(report)}`);
    if (process.env['CONVERGENCE_LOG']) {
      report.logFile = join(tmpdir(), `tandem-convergence-${seedHex}-${Date.now()}.log`);
      writeFileSync(report.logFile, log.lines.join('\n') + '\n');
    }
  } catch (err) {
    findings.push(`the run stopped: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  } finally {
    for (const c of clients) c.close();
    for (const r of raw) r.close();
    // A failed run must not leave the next seed without Redis.
    await startRedis(cluster).catch(() => undefined);
  }
  if (findings.length > 0 || !report) throw new Error(failureMessage(seedHex, findings, log));
  return report;
}

/**
 * CONV-4: a resend of an answered message id, on a socket of its own
 * (maybe on the other instance, maybe carrying another command), gets the
 * first reply again and writes nothing (checkLog finds any event it wrote).
 */
async function resend(
  client: TestClient, old: WriteRecord, disguised: boolean, projectId: string, instance: string, log: (line: string) => void,
): Promise<string[]> {
  const command = disguised
    ? { createWorkItem: { projectId, itemType: pb.ItemType.ITEM_TYPE_TASK, title: `resend of ${old.ref} must not be written` } }
    : old.command;
  const frame = await client.request(command, old.messageId);
  const what = `${old.ref}'s id resent${disguised ? ' with another command' : ''} on ${instance}`;
  const findings = sameReply(what, frame, old.reply);
  log(`  ${what}: ${findings.length ? 'a DIFFERENT reply' : 'same reply'}`);
  return findings;
}

const describeFrame = (frame: ServerFrame) =>
  frame.result ? `ok seq ${frame.result.seq}` : `${codeName(frame.error?.code ?? 0)}: ${frame.error?.message}`;
const describeReply = (reply: WriteReply) => (reply.ok ? `ok seq ${reply.result.seq}` : `${codeName(reply.code)}: ${reply.message}`);

/** CONV-4: a frame with a known message id is answered with the first reply (its Result byte for byte, or the same refusal). */
function sameReply(what: string, frame: ServerFrame, first: WriteReply | undefined): string[] {
  if (!first) return [`CONV-4 ${what}: the write it repeats was never answered`];
  // Not remembered by id, by design: a retry runs the command again.
  const unremembered = (code: number) => code === ErrorCode.ERROR_CODE_INTERNAL || code === ErrorCode.ERROR_CODE_RATE_LIMITED;
  if ((!first.ok && unremembered(first.code)) || (frame.error && unremembered(frame.error.code ?? 0))) return [];
  const same = first.ok
    ? !!frame.result && Buffer.from(pb.Result.encode(frame.result).finish()).equals(Buffer.from(pb.Result.encode(first.result).finish()))
    : !!frame.error && frame.error.code === first.code && frame.error.message === first.message;
  return same ? [] : [`CONV-4 ${what} got ${describeFrame(frame)}, but the first reply was ${describeReply(first)}`];
}

/** TestClient.ok, waiting out RATE_LIMITED as a client would (the limit is per socket, and these sockets are busy). */
async function ok(client: TestClient, command: Parameters<TestClient['ok']>[0]) {
  for (;;) {
    const frame = await client.request(command);
    if (frame.result) return frame.result;
    if (frame.error?.code !== ErrorCode.ERROR_CODE_RATE_LIMITED) throw new Error(`expected a Result, got ${JSON.stringify(frame.error)}`);
    await sleep(Number(frame.error.retryAfterMs ?? 0) + 1);
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, why: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(why())), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const MAX_FINDINGS = 40;
const LOG_TAIL = 120;

function failureMessage(seedHex: string, findings: string[], log: OpLog): string {
  const file = join(tmpdir(), `tandem-convergence-${seedHex}-${Date.now()}.log`);
  writeFileSync(file, [...findings, '', ...log.lines].join('\n') + '\n');
  const shown = findings.slice(0, MAX_FINDINGS);
  return [
    `convergence broken for seed ${seedHex}: ${findings.length} finding(s)`,
    `run it again: CONVERGENCE_SEED=${seedHex} npx vitest run server/test/convergence.test.ts`,
    ...shown.map((f) => `  ${f}`),
    ...(findings.length > shown.length ? [`  ... and ${findings.length - shown.length} more`] : []),
    `op log (${log.lines.length} lines, whole in ${file}), last ${Math.min(LOG_TAIL, log.lines.length)}:`,
    ...log.lines.slice(-LOG_TAIL),
  ].join('\n');
}
