// `npm run start:cluster`: one server process per core on one port. The
// kernel spreads connections over them (uWS listens with SO_REUSEPORT), so
// no sticky balancer is needed: every process opens the same tenant files and
// Redis links their fan-out. A process that dies is started again.
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const raw = process.env['INSTANCES'];
const instances = raw ? Number(raw) : availableParallelism();
if (!Number.isInteger(instances) || instances < 1 || instances > 256) {
  process.stderr.write(`start:cluster: INSTANCES must be a whole number from 1 to 256, got ${JSON.stringify(raw)}\n`);
  process.exit(2);
}
if (process.env['PORT'] === '0') {
  process.stderr.write('start:cluster: PORT=0 would give every process its own port; choose a port\n');
  process.exit(2);
}
const env = { ...process.env, REDIS_URL: process.env['REDIS_URL'] || 'redis://127.0.0.1:6379' };
if (!process.env['REDIS_URL']) process.stdout.write(`start:cluster: REDIS_URL not set, using ${env.REDIS_URL}\n`);

const children = new Set<ChildProcess>();
let stopping = false;

function launch(slot: number, restarts = 0): void {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/src/main.ts')], {
    env: { ...env, INSTANCE_NAME: `${process.env['INSTANCE_NAME'] ?? 'tandem'}-${slot}` },
    stdio: 'inherit',
  });
  children.add(child);
  child.once('exit', (code, signal) => {
    children.delete(child);
    if (stopping) {
      if (children.size === 0) process.exit(0);
      return;
    }
    const delay = Math.min(1000 * 2 ** restarts, 30_000);
    process.stderr.write(`start:cluster: instance ${slot} exited (${signal ?? code}); starting it again in ${delay} ms\n`);
    setTimeout(() => launch(slot, restarts + 1), delay);
  });
}

for (let slot = 1; slot <= instances; slot++) launch(slot);
process.stdout.write(`start:cluster: ${instances} instances on port ${process.env['PORT'] ?? 8080}\n`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    stopping = true;
    if (children.size === 0) process.exit(0);
    for (const child of children) child.kill('SIGTERM');
  });
}
