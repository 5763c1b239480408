// The MCP server's side of the query process: one statement at a time, each
// with the time limit, and a process killed (SIGKILL: it may be deep in
// SQLite) and replaced when a statement runs past it.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ProcessMessage } from './query-process.ts';
import type { Cell } from './run-query.ts';

export interface QueryResult {
  columns: string[];
  rows: Cell[][];
  /** The statement had rows past maxRows. */
  more: boolean;
}

interface Running {
  child: ChildProcess;
  /** Opening the file is not the statement's time: the limit starts once this resolves. */
  ready: Promise<void>;
}

const PROCESS_FILE = fileURLToPath(new URL('./query-process.ts', import.meta.url));

function stopped(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `signal ${signal}` : `exit code ${code}`;
}

export class QueryRunner {
  private running: Running | null = null;
  private turn: Promise<unknown> = Promise.resolve();
  private nextId = 1;

  constructor(
    private readonly dataDir: string,
    private readonly tenantId: string,
    private readonly timeLimitMs: number,
  ) {}

  /** Statements wait for each other, so each one's time limit counts only its own run. */
  run(sql: string, maxRows: number): Promise<QueryResult> {
    const result = this.turn.then(() => this.runNow(sql, maxRows));
    this.turn = result.catch(() => undefined);
    return result;
  }

  close(): void {
    this.running?.child.kill('SIGKILL');
    this.running = null;
  }

  private start(): Running {
    // stdout is the MCP channel: the child must never write to it.
    const child = fork(PROCESS_FILE, [this.dataDir, this.tenantId], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (message: ProcessMessage) => {
        if (message.kind !== 'ready') return;
        child.off('exit', onExit);
        resolve();
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        child.off('message', onMessage);
        reject(new Error(`the query process could not start (${stopped(code, signal)})`));
      };
      child.once('message', onMessage);
      child.once('exit', onExit);
    });
    const running = { child, ready };
    child.once('exit', () => {
      if (this.running === running) this.running = null;
    });
    return running;
  }

  private async runNow(sql: string, maxRows: number): Promise<QueryResult> {
    const { child, ready } = (this.running ??= this.start());
    await ready;
    const id = this.nextId++;
    return new Promise<QueryResult>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      const onMessage = (message: ProcessMessage) => {
        if (message.kind !== 'reply' || message.id !== id) return;
        done();
        if (message.ok) resolve({ columns: message.columns, rows: message.rows, more: message.more });
        else reject(new Error(message.message));
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        done();
        reject(new Error(`the query process stopped while running the statement (${stopped(code, signal)}); the next query starts a new one`));
      };
      const timer = setTimeout(() => {
        done();
        this.close();
        const seconds = this.timeLimitMs / 1000;
        reject(new Error(
          `the query was stopped at the time limit (${seconds} s): it may never end (a recursive CTE without a stop) ` +
            'or read too much; narrow it with WHERE or LIMIT',
        ));
      }, this.timeLimitMs);
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ id, sql, maxRows });
    });
  }
}
