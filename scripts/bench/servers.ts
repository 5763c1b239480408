// Starting the two servers under test as their own processes, pinned to the
// server core, and reading their memory from /proc.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

export type Target = 'tandem' | 'peer';
export const TARGETS: readonly Target[] = ['tandem', 'peer'];

export const SERVER_CORE = '0';
export const LOAD_CORE = '1';

export const canPin: boolean = spawnSync('taskset', ['-c', '0', 'true']).status === 0;

/** The command line that runs a Node script on one core (or anywhere, without taskset). */
export function pinnedNode(core: string, nodeArgs: string[]): [string, string[]] {
  return canPin ? ['taskset', ['-c', core, process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
}

const ENTRY: Record<Target, string> = {
  tandem: 'scripts/bench/tandem-server.ts',
  peer: 'scripts/bench/peer/server.ts',
};

/**
 * Limits that would otherwise refuse the load itself: Tandem's per-socket
 * rate limit (50/s) and per-tenant socket cap are production guards, not
 * what is being measured. The peer has no such limits.
 */
const TANDEM_ENV: Record<string, string> = {
  RATE_LIMIT_PER_SECOND: '1000000',
  RATE_LIMIT_BURST: '1000000',
  MAX_CONNECTIONS: '1000000',
  MAX_CONNECTIONS_PER_TENANT: '1000000',
  IDLE_TIMEOUT_SECONDS: '960',
  SIGNUP_ENABLED: 'false',
};

export interface ServerOptions {
  dataDir: string;
  /** Extra variables (SQLITE_SYNCHRONOUS, OPEN_DATABASES, REDIS_URL, ...). */
  env?: Record<string, string>;
}

export interface RunningServer {
  target: Target;
  pid: number;
  port: number;
  /** Where a load client connects: the socket URL for Tandem, the origin for Socket.IO. */
  url: string;
  http: string;
  rssBytes(): number;
  stop(): Promise<void>;
}

export async function startServer(target: Target, opts: ServerOptions): Promise<RunningServer> {
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of every server to <dir> when it stops.
  const profileDir = process.env['BENCH_CPU_PROF'];
  const nodeArgs = [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), '--import', 'tsx', ENTRY[target]];
  const [command, args] = pinnedNode(SERVER_CORE, nodeArgs);
  const child = spawn(command, args, {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: opts.dataDir,
      LOG_LEVEL: 'info',
      REDIS_URL: '',
      ...(target === 'tandem' ? TANDEM_ENV : {}),
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await listeningPort(child, target);
  // A server that dies mid-run would otherwise show only as closed sockets in the load.
  let stopping = false;
  let shutdownSignal = '';
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const signal = /"event":"shutting_down".*"signal":"(\w+)"/.exec(line)?.[1];
    if (signal) shutdownSignal = `, after a ${signal} from outside the bench`;
  });
  child.once('exit', (code, signal) => {
    if (!stopping) process.stderr.write(`bench: the ${target} server (pid ${child.pid}) exited during the run: ${signal ?? `code ${code}`}${shutdownSignal}\n`);
  });
  const http = `http://127.0.0.1:${port}`;
  return {
    target,
    pid: child.pid!,
    port,
    url: target === 'tandem' ? `ws://127.0.0.1:${port}/ws` : http,
    http,
    rssBytes: () => rssOf(child.pid!),
    stop: () => {
      stopping = true;
      return stopChild(child);
    },
  };
}

/** Both servers log a JSON line {"event":"listening","port":n} once they accept connections. */
function listeningPort(child: ChildProcess, target: Target): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${target} did not start in 30 s`)), 30_000);
    child.once('exit', (code) => reject(new Error(`${target} exited during start with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const entry = JSON.parse(line) as { event?: string; port?: number };
      if (entry.event !== 'listening' || !entry.port) return;
      clearTimeout(timer);
      resolve(entry.port);
    });
  });
}

export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  if (!kib) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kib) * 1024;
}

const CLOCK_TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK']).stdout?.toString().trim()) || 100;

/** CPU time (user + system) a process has used so far, in seconds, from /proc. */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** Measures how busy some processes (servers) and this one (load) are over a window, in % of one core. */
export function cpuMeter(serverPids: number[]): () => { serverPercent: number; loadPercent: number } {
  const serverBefore = serverPids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0);
  const loadBefore = process.cpuUsage();
  const wallBefore = performance.now();
  return () => {
    const seconds = (performance.now() - wallBefore) / 1000;
    const server = serverPids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0) - serverBefore;
    const load = process.cpuUsage(loadBefore);
    return { serverPercent: (server / seconds) * 100, loadPercent: ((load.user + load.system) / 1e6 / seconds) * 100 };
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
