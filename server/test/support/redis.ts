// Redis for the tests: the one in REDIS_URL or on 127.0.0.1:6379, else one we
// start ourselves. With none to be had, tests fail saying how to get one.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

const INSTALL_HINT =
  'These tests need Redis. Start one (redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no), ' +
  'set REDIS_URL, or install it (apt-get install redis-server).';

async function answers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function hasRedisServer(): boolean {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A redis-server of the test's own on a free port, keeping nothing on disk. */
export class OwnRedis {
  private child: ChildProcess | null = null;

  private constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<OwnRedis> {
    if (!hasRedisServer()) throw new Error(INSTALL_HINT);
    const redis = new OwnRedis(await freePort());
    await redis.resume();
    return redis;
  }

  /** (Re)starts the server on the same port; does nothing while it runs (a second one could not take the port). */
  async resume(): Promise<void> {
    if (this.child && this.child.exitCode === null) return;
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    for (let i = 0; i < 100; i++) {
      if (await answers(this.url)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server on port ${this.port} did not answer`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}

let started: OwnRedis | null = null;

/** A Redis URL to use, found or started; throws with install instructions when there is none. */
export async function findRedis(): Promise<string> {
  for (const url of [process.env['REDIS_URL'], 'redis://127.0.0.1:6379']) {
    if (url && (await answers(url))) return url;
  }
  started ??= await OwnRedis.start();
  return started.url;
}

/** A channel of the test's own, so tests sharing one Redis never hear each other. */
export function uniqueChannel(): string {
  return `tandem-test:${randomUUID()}`;
}
