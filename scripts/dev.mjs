// `npm run dev`: the Tandem server and the Vite dev server together. Open
// Vite's address (http://localhost:5173): it serves the client with hot
// reload and forwards /ws, /api and /healthz to the server.
//
// Each child runs in its own process group, so a Ctrl-C reaches only this
// script, which passes it on once: the server treats a second SIGINT as
// "stop now" and would skip its clean shutdown.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT ?? '8080';
const serverUrl = process.env.TANDEM_SERVER_URL ?? `http://127.0.0.1:${port}`;

const children = [
  {
    name: 'server',
    args: ['--import', 'tsx', 'server/src/main.ts'],
    env: { ...process.env, PORT: port },
  },
  {
    name: 'vite',
    args: [join(repo, 'node_modules', 'vite', 'bin', 'vite.js'), '--config', 'client/vite.config.ts'],
    env: { ...process.env, TANDEM_SERVER_URL: serverUrl },
  },
].map(({ name, args, env }) => {
  // stdin ignored: a child outside the terminal's foreground group that read
  // the terminal would be stopped (SIGTTIN).
  const child = spawn(process.execPath, args, { cwd: repo, env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  return { name, child, exited: false };
});

let stopping = false;
let exitCode = 0;

function stop(signal) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (!c.exited) c.child.kill(signal);
  // A child that ignores the signal is not allowed to keep the terminal.
  setTimeout(() => {
    for (const c of children) if (!c.exited) c.child.kill('SIGKILL');
  }, 10_000).unref();
}

for (const c of children) {
  c.child.on('exit', (code, signal) => {
    c.exited = true;
    if (!stopping) {
      process.stderr.write(`tandem dev: the ${c.name} stopped (${signal ?? `exit ${code}`}); stopping the rest\n`);
      exitCode = code || 1;
      stop('SIGTERM');
    }
    if (children.every((x) => x.exited)) process.exit(exitCode);
  });
  c.child.on('error', (err) => {
    process.stderr.write(`tandem dev: could not start the ${c.name}: ${err.message}\n`);
    c.exited = true;
    exitCode = 1;
    stop('SIGTERM');
    if (children.every((x) => x.exited)) process.exit(exitCode);
  });
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));
// If this script dies some other way, do not leave the children running.
process.on('exit', () => {
  for (const c of children) if (!c.exited) c.child.kill('SIGKILL');
});

process.stdout.write(`tandem dev: server on ${serverUrl}; open the client at the address Vite prints (hot reload)\n`);
