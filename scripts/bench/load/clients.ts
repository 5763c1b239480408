// One small client interface over both wires, so every load script drives
// Tandem (ws + protobuf) and the peer (socket.io-client + JSON) the same way.
import type { Target } from '../servers.ts';
import { PeerClient } from './peer-client.ts';
import { TandemClient } from './tandem-client.ts';

export interface BenchClient {
  /** Ids of the new project, its To Do column and every column in order. */
  createProject(key: string, name: string): Promise<{ projectId: string; todoStatusId: string; statusIds: string[] }>;
  createItem(projectId: string, statusId: string, title: string): Promise<{ itemId: string; version: number }>;
  /** A version-checked title change; rejects with a CommandError on CONFLICT and the like. */
  updateTitle(itemId: string, expectedVersion: number, title: string): Promise<{ version: number; seq: number }>;
  /** Resolves once the reply and every missed event since sinceSeq have arrived; returns the project's seq. */
  subscribe(projectId: string, sinceSeq: number): Promise<{ seq: number; replayed: number }>;
  close(): void;
}

export class CommandError extends Error {
  constructor(readonly code: string, message: string) {
    super(`${code}: ${message}`);
  }
}

export function connect(target: Target, url: string, token: string): Promise<BenchClient> {
  return target === 'tandem' ? TandemClient.connect(url, token) : PeerClient.connect(url, token);
}

/** Opens one client per token, `parallel` handshakes at a time (a burst of thousands would only measure the accept queue). */
export async function connectMany(target: Target, url: string, tokens: string[], parallel = 64): Promise<BenchClient[]> {
  const clients: BenchClient[] = new Array(tokens.length);
  let next = 0;
  const worker = async () => {
    while (next < tokens.length) {
      const i = next++;
      clients[i] = await connect(target, url, tokens[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, tokens.length) }, worker));
  return clients;
}

/** Runs `fn` on every item, `parallel` at a time. */
export async function eachLimited<T>(items: readonly T[], parallel: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
}
