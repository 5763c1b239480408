// Load runs in child processes pinned to the load core, never inside a
// server. Each load script reads one input message and answers with one
// output message over the IPC channel.
import { spawn } from 'node:child_process';
import { LOAD_CORE, pinnedNode } from './servers.ts';

/** A load step that takes longer than this is stuck, not slow. */
const TIMEOUT_MS = 10 * 60 * 1000;

export function runLoad<I, O>(script: string, input: I): Promise<O> {
  const [command, args] = pinnedNode(LOAD_CORE, ['--import', 'tsx', `scripts/bench/load/${script}.ts`]);
  const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let answered = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.once('exit', () => clearTimeout(timer));
    child.once('message', (message: { ok: true; output: O } | { ok: false; error: string }) => {
      answered = true;
      if (message.ok) resolve(message.output);
      else reject(new Error(`load/${script}: ${message.error}`));
    });
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`load/${script} exited with ${code} before answering`));
    });
    child.send(input as object);
  });
}

/** The child's side: run `work` on the input the parent sends, answer, exit. */
export function serveLoad<I, O>(work: (input: I) => Promise<O>): void {
  process.once('message', (input: I) => {
    work(input).then(
      (output) => process.send!({ ok: true, output }, () => process.exit(0)),
      (err: unknown) => process.send!({ ok: false, error: err instanceof Error ? err.stack ?? err.message : String(err) }, () => process.exit(1)),
    );
  });
}
