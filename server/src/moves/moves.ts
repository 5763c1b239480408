// Tenant moves on this instance (docs/DESIGN.md decision 57): the internal
// routes, as source (the mover) and as target, and the resolver of
// interrupted moves, started by server.ts with CELL and CLUSTER_SECRET.
import type { ClusterLink } from '../cells/cluster-link.ts';
import type { Placement } from '../cells/placement.ts';
import type { Router } from '../http/router.ts';
import type { Logger } from '../log.ts';
import type { TenantDatabases } from '../tenancy/tenant-databases.ts';
import { MoveFiles } from './move-files.ts';
import { MoveResolver } from './move-resolver.ts';
import { registerMoveRoutes } from './move-routes.ts';
import { TenantMover } from './move-steps.ts';
import { MoveTarget } from './move-target.ts';
import type { MovedAccounts } from './moved-accounts.ts';
import type { MovedSecrets } from './moved-secrets.ts';

export interface MovesDeps {
  cell: string;
  dataDir: string;
  secret: string;
  leaseSeconds: number;
  graceSeconds: number;
  link: ClusterLink;
  placement: Placement;
  databases: TenantDatabases;
  secrets: MovedSecrets;
  accounts: MovedAccounts;
  log: Logger;
}

export function startMoves(routes: Router, deps: MovesDeps): { stop(): Promise<void> } {
  const { cell, link, log } = deps;
  const files = new MoveFiles(deps.dataDir);
  const leaseMs = deps.leaseSeconds * 1000;
  const active = new Set<string>();
  const mover = new TenantMover({
    cell, dataDir: deps.dataDir, secret: deps.secret, leaseMs,
    files, book: link.book, directory: link.directory, placement: deps.placement, readOnly: link.readOnly,
    databases: deps.databases, secrets: deps.secrets, accounts: deps.accounts, active, log,
  });
  const resolver = new MoveResolver({ cell, files, book: link.book, databases: deps.databases, secrets: deps.secrets, accounts: deps.accounts, active, leaseMs, graceMs: deps.graceSeconds * 1000, log });
  registerMoveRoutes(routes, { secret: deps.secret, mover, target: new MoveTarget(cell, files, link.book, deps.secrets, deps.accounts, log), resolver, log });
  resolver.start();
  return { stop: () => resolver.stop() };
}
