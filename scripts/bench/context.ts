// What every scenario gets: the run's sizes (quick or --full), a scratch
// folder, and the host key both servers trust.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { HostKey } from './auth.ts';

export interface Sizes {
  fanoutSubscribers: number[];
  fanoutSeconds: number;
  /** Latency runs repeated this many times, the median p99 kept. */
  latencyRepeats: number;
  writeTenants: number;
  writeClientsPerTenant: number;
  writeSeconds: number;
  idleSockets: number;
  coldTenants: number;
  coldCommands: number;
  catchUpEvents: number;
  redisSubscribers: number[];
  boardCards: number;
  boardUpdateSeconds: number;
  /** Items in the tenant the search benchmark searches. */
  searchItems: number;
  /** Commands of each kind sent straight to a cell and as many through HAProxy. */
  routingCommands: number;
}

export const QUICK: Sizes = {
  fanoutSubscribers: [100, 1000],
  fanoutSeconds: 3,
  latencyRepeats: 1,
  writeTenants: 32,
  writeClientsPerTenant: 4,
  writeSeconds: 3,
  idleSockets: 2000,
  coldTenants: 300,
  coldCommands: 600,
  catchUpEvents: 10_000,
  redisSubscribers: [100],
  boardCards: 5000,
  boardUpdateSeconds: 3,
  searchItems: 50_000,
  routingCommands: 2000,
};

export const FULL: Sizes = {
  fanoutSubscribers: [100, 1000, 5000],
  fanoutSeconds: 10,
  latencyRepeats: 3,
  writeTenants: 100,
  writeClientsPerTenant: 4,
  writeSeconds: 10,
  idleSockets: 10_000,
  coldTenants: 2000,
  coldCommands: 6000,
  catchUpEvents: 10_000,
  redisSubscribers: [100, 1000],
  boardCards: 5000,
  boardUpdateSeconds: 10,
  searchItems: 50_000,
  routingCommands: 10_000,
};

export interface BenchContext {
  sizes: Sizes;
  workDir: string;
  hostKey: HostKey;
  /** The environment that puts a server in embedded mode with the host key. */
  authEnv: Record<string, string>;
}

let folders = 0;
/** A fresh, empty data folder for one server (or one pair of linked instances). */
export function dataDir(ctx: BenchContext, name: string): string {
  const dir = join(ctx.workDir, `${String(++folders).padStart(2, '0')}-${name}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}
