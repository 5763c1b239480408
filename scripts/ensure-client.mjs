// Runs before `npm start`: builds the web client when client/dist is missing,
// so a fresh checkout serves the app rather than the server's placeholder.
// A dist that exists is used as is (`npm run build:client` rebuilds it).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
if (existsSync(join(repo, 'client', 'dist', 'index.html'))) process.exit(0);

process.stdout.write('tandem: client/dist is missing; building the web client (vite build, a few seconds)…\n');
const vite = join(repo, 'node_modules', 'vite', 'bin', 'vite.js');
const result = spawnSync(process.execPath, [vite, 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], {
  cwd: repo,
  stdio: 'inherit',
});
if (result.error || result.status !== 0) {
  process.stderr.write(
    `tandem: building the web client failed (${result.error?.message ?? `exit ${result.status}`}); ` +
      'run `npm run build:client` to see why\n',
  );
  process.exit(1);
}
