// Once per vitest run that includes the e2e tests (the `e2e` project in
// vitest.config.ts): make sure Debian's Chromium is installed, then build the
// client so the tests drive the real bundle that the real server serves.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH } from './browser.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const DIST = join(REPO, 'client', 'dist');

function run(command: string, args: string[], options: SpawnSyncOptions = {}): number {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function ensureChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  const isRoot = process.getuid?.() === 0;
  const sudo = !isRoot && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  if (!isRoot && !sudo) {
    throw new Error(
      `The e2e tests need Debian's Chromium at ${CHROMIUM_PATH}, and this user cannot install it. ` +
        'Install it with: sudo apt-get update && sudo apt-get install -y chromium',
    );
  }
  const apt = (args: string[]) =>
    sudo ? run('sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args]) : run('apt-get', args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  process.stdout.write(`e2e: ${CHROMIUM_PATH} is missing; installing Debian's chromium package (apt-get)\n`);
  const updated = apt(['update']);
  const installed = updated === 0 ? apt(['install', '-y', 'chromium']) : updated;
  if (installed !== 0 || !existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Installing Chromium failed (apt-get ${updated === 0 ? 'install' : 'update'} exited ${installed}). ` +
        'If another apt-get is running, wait for it and run the tests again; otherwise install it by hand: ' +
        'apt-get update && apt-get install -y chromium',
    );
  }
}

/**
 * Builds into a staging folder, then swaps it in: a server starting in
 * another test run at the same moment reads either the old bundle or the
 * new one, never a half-written folder.
 */
function buildClient(): void {
  const staging = join(REPO, 'client', `.dist-build-${process.pid}`);
  const old = join(REPO, 'client', `.dist-old-${process.pid}`);
  // vitest marks its own process as a test run; the build must not think it is one.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')));
  const vite = join(REPO, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = [vite, 'build', '--config', 'client/vite.config.ts', '--outDir', staging, '--emptyOutDir', '--logLevel', 'warn'];
  try {
    const status = run(process.execPath, args, { cwd: REPO, env });
    if (status !== 0) throw new Error(`Building the client for the e2e tests failed (vite build exited ${status}); see the output above`);
    if (existsSync(DIST)) renameSync(DIST, old);
    renameSync(staging, DIST);
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
}

export default function setup(): void {
  ensureChromium();
  buildClient();
}
