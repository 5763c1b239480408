// Debian's HAProxy for the routing tests and the bench: installed with
// apt-get when missing (as the e2e setup installs Chromium), then run as a
// child process in the foreground on a config of the test's own, never as
// the system service.
import { spawn, spawnSync, type ChildProcess, type SpawnSyncOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { RuntimeApi } from '../../src/routing/runtime-api.ts';

export const HAPROXY_PATH = '/usr/sbin/haproxy';

function run(command: string, args: string[], options: SpawnSyncOptions = {}): number {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/** Installs Debian's haproxy package when HAPROXY_PATH is missing; throws saying how to get it when that fails. */
export function ensureHaproxy(): void {
  if (existsSync(HAPROXY_PATH)) return;
  const isRoot = process.getuid?.() === 0;
  const sudo = !isRoot && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  if (!isRoot && !sudo) {
    throw new Error(`The routing tests need Debian's HAProxy at ${HAPROXY_PATH}, and this user cannot install it. Install it with: sudo apt-get update && sudo apt-get install -y haproxy`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args: string[]) => (sudo ? run('sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args]) : run('apt-get', args, { env }));
  process.stdout.write(`routing tests: ${HAPROXY_PATH} is missing; installing Debian's haproxy package (apt-get)\n`);
  const updated = apt(['update']);
  const installed = updated === 0 ? apt(['install', '-y', 'haproxy']) : updated;
  if (installed !== 0 || !existsSync(HAPROXY_PATH)) {
    throw new Error(
      `Installing HAProxy failed (apt-get ${updated === 0 ? 'install' : 'update'} exited ${installed}). ` +
        'If another apt-get is running, wait for it and run the tests again; otherwise install it by hand: apt-get update && apt-get install -y haproxy',
    );
  }
}

/** HAProxy in the foreground (-db) on one config file; its runtime API on a unix socket the config names. */
export class HaproxyProcess {
  private child: ChildProcess | null = null;
  private stderr = '';
  readonly runtime: RuntimeApi;

  private constructor(
    readonly configFile: string,
    runtimeSocket: string,
    /** `taskset -c` CPUs to run on (the bench puts it on the server core); anywhere when unset. */
    private readonly cpus?: string,
  ) {
    this.runtime = new RuntimeApi({ path: runtimeSocket }, 2000);
  }

  static async start(configFile: string, runtimeSocket: string, cpus?: string): Promise<HaproxyProcess> {
    const haproxy = new HaproxyProcess(configFile, runtimeSocket, cpus);
    await haproxy.resume();
    return haproxy;
  }

  /** Starts it (again), and resolves once its runtime API answers. */
  async resume(): Promise<void> {
    const check = spawnSync(HAPROXY_PATH, ['-c', '-q', '-f', this.configFile], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`HAProxy refuses ${this.configFile}:\n${check.stderr}${check.stdout}`);
    this.stderr = '';
    const args = ['-db', '-f', this.configFile];
    const [command, argv] = this.cpus === undefined ? [HAPROXY_PATH, args] : ['taskset', ['-c', this.cpus, HAPROXY_PATH, ...args]];
    const child = spawn(command, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.child = child;
    for (let i = 0; i < 100; i++) {
      if (child.exitCode !== null) throw new Error(`HAProxy exited with ${child.exitCode}:\n${this.stderr}`);
      try {
        await this.runtime.process();
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    throw new Error(`HAProxy's runtime API did not answer within 5 s:\n${this.stderr}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  /** A new process on the same config: what a restart or reload does to the map's run-time entries. */
  async restart(): Promise<void> {
    await this.stop();
    await this.resume();
  }
}
