// Builds a running server from a config: the composition of transport, auth,
// tenancy, the command pipeline, fan-out and HTTP. main.ts calls this; tests
// call it on port 0.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLOSE } from '../../shared/protocol/close-codes.ts';
import { registerAssistantRoutes } from './assistant/assistant-routes.ts';
import { readsThrough } from './assistant/reads.ts';
import { registerAttachmentRoutes } from './attachments/attachment-routes.ts';
import { BlobStore } from './attachments/blob-store.ts';
import { AccountDirectory } from './auth/account-directory.ts';
import { admitCaller } from './auth/caller.ts';
import { loadOrCreateSigningKeys } from './auth/keys.ts';
import { CommonPasswords } from './auth/common-passwords.ts';
import { MovingAccounts } from './auth/moving-accounts.ts';
import { PasswordChanges } from './auth/password-changes.ts';
import { PasswordResetStore } from './auth/password-reset-store.ts';
import { Sessions, authenticates } from './auth/sessions.ts';
import { SIGN_IN_WINDOW_SECONDS, openSignInThrottle } from './auth/sign-in-throttle.ts';
import { StandaloneAccounts } from './auth/standalone-accounts.ts';
import { TokenService, type HostKeyConfig } from './auth/tokens.ts';
import { WorkspacePeople } from './auth/workspace-people.ts';
import { AccountHomes } from './cells/account-homes.ts';
import { Placement } from './cells/placement.ts';
import { ClusterLink } from './cells/cluster-link.ts';
import { TenantMoving } from './cells/refusals.ts';
import { TenantGate } from './cells/tenant-gate.ts';
import type { Config } from './config.ts';
import { eventLogOf } from './fanout/event-log-source.ts';
import { DEFAULT_TIMINGS, InstanceFanout } from './fanout/instance-fanout.ts';
import { linkInstances } from './fanout/link-instances.ts';
import { checkHandlerKinds } from './handlers/index.ts';
import { registerAuthRoutes } from './http/auth-routes.ts';
import { registerOpsRoutes, type Health } from './http/ops-routes.ts';
import { registerPeopleRoutes } from './http/people-routes.ts';
import { placedRoutes } from './http/placed-routes.ts';
import { TrustedProxies, behindProxies } from './http/client-address.ts';
import { pagePolicy, withSecurityHeaders } from './http/security-headers.ts';
import { registerStaticFiles } from './http/static-files.ts';
import type { LogFields, Logger } from './log.ts';
import { Metrics } from './metrics.ts';
import { startMoves } from './moves/moves.ts';
import { CommandQueue } from './pipeline/command-queue.ts';
import { Checkpointer, DEFAULT_CHECKPOINT_TIMINGS } from './tenancy/checkpointer.ts';
import { HousekeepingSchedule, tidyTenant } from './tenancy/maintenance.ts';
import { TenantDatabases } from './tenancy/tenant-databases.ts';
import { openTenantDb } from './tenancy/tenant-db.ts';
import { registerTransferRoutes } from './transfer/transfer-routes.ts';
import { attachSocketServer } from './transport/socket-server.ts';
import { WebServer, nativeBindingProblem } from './transport/web-server.ts';
import { startWebhooks } from './webhooks/webhooks.ts';

export interface RunningServer {
  port: number;
  /** Stops accepting, closes every socket, closes every database. */
  stop(): Promise<void>;
  /** What stop() has not closed yet: for the log line when it overruns its deadline. */
  stillOpen(): LogFields;
  tokens: TokenService;
  databases: TenantDatabases;
}

const CLIENT_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'client', 'dist');

/** Where other cells reach this one without CELL_URL: the address listened on, loopback for a wildcard. */
function cellUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${reachable}:${port}`;
}

/** Embedded mode: the host platform's key (config.ts checked that issuer and audience come with it). */
function hostKeys(config: Config): HostKeyConfig | null {
  if (!config.jwtPublicKeyFile && !config.jwksFile) return null;
  return { publicKeyFile: config.jwtPublicKeyFile, jwksFile: config.jwksFile, issuer: config.jwtIssuer!, audience: config.jwtAudience! };
}

export async function startServer(config: Config, log: Logger): Promise<RunningServer> {
  // Refused before anything opens: without the native binding this is not the server Tandem is built for.
  const binding = nativeBindingProblem();
  if (binding) throw new Error(binding);
  checkHandlerKinds();
  const checkpointer = new Checkpointer(log, DEFAULT_CHECKPOINT_TIMINGS, config.limits.openDatabases);
  const blobs = new BlobStore(config.dataDir);
  const housekeeping = new HousekeepingSchedule();
  // With CELL, a tenant's file is opened only on the cell Redis places it on (decision 55).
  const placement = config.placement ? new Placement(config.redisUrl!, config.placement.key, config.placement.cell, log) : null;
  const gate = placement ? new TenantGate(placement, log) : null;
  // And a standalone account is kept by one cell's directory, which Redis records too (decision 58).
  const homes = config.placement ? new AccountHomes(config.redisUrl!, config.placement.key, config.placement.cell, log) : null;
  // With CLUSTER_SECRET too, tenants move between cells, read-only meanwhile (decision 57).
  const cluster = placement && config.cluster ? new ClusterLink(config.redisUrl!, config.placement!.key, log) : null;
  const moving = (tenantId: string) => cluster?.readOnly.has(tenantId) ?? false;
  const databases = new TenantDatabases({
    checkpointer,
    dataDir: config.dataDir,
    synchronous: config.sqliteSynchronous,
    maxOpen: config.limits.openDatabases,
    idleMs: config.limits.databaseIdleSeconds * 1000,
    log,
    onOpen: (db) => {
      if (!housekeeping.due(db.tenantId) || moving(db.tenantId)) return;
      tidyTenant(db, config.limits, Date.now(), (sha256) => blobs.remove(db.tenantId, sha256));
      housekeeping.ran(db.tenantId);
    },
    guard: gate ? (tenantId) => gate.check(tenantId) : undefined,
    readOnly: cluster ? moving : undefined,
  });
  const directory = new AccountDirectory(config.dataDir, config.hostTenantPrefix);
  homes?.start();
  void homes?.claimEvery(directory.emails());
  const host = hostKeys(config);
  const tokens = new TokenService(loadOrCreateSigningKeys(config.dataDir), host, config.hostTenantPrefix);
  const sessions = new Sessions(tokens, directory, {
    accessSeconds: config.sessionTtlMinutes * 60,
    refreshSeconds: config.refreshTtlDays * 24 * 3600,
  });
  const metrics = new Metrics(() => databases.size);
  const web = new WebServer();
  // Behind HAProxy, the client's address is the one it forwards (decision 59): the per-address sign-in limits count by it.
  const routes = withSecurityHeaders(config.trustedProxies.length > 0 ? behindProxies(web.routes, new TrustedProxies(config.trustedProxies)) : web.routes);
  let stopping = false;
  /** The step stop() is waiting on, if any. */
  let closing: string | null = null;

  const fanout = new InstanceFanout(web.broadcaster((n) => metrics.framesOut.inc(n)), eventLogOf(databases), {
    ...DEFAULT_TIMINGS,
    presenceTtlMs: config.limits.presenceTtlSeconds * 1000,
    presenceRefreshMs: (config.limits.presenceTtlSeconds * 1000) / 3,
  });
  const bus = config.redisUrl ? linkInstances(config.redisUrl, config.redisChannel, fanout, metrics, log) : null;
  cluster?.readOnly.onChange((tenantId, readOnly) => databases.setReadOnly(tenantId, readOnly));
  const commands = new CommandQueue({
    database: (id) => databases.get(id), log, maxReplyBytes: config.limits.maxReplyBytes,
    writesRefused: (tenantId) => (moving(tenantId) ? new TenantMoving() : null),
  }, (writes) => metrics.writesPerCommit.observe(writes));
  const sockets = attachSocketServer(web, {
    config, sessions, commands, fanout, metrics, log,
    admit: (claims) => admitCaller(databases, claims),
    placement: gate,
  });
  placement?.onChange((tenantId, cell) => {
    // Its sockets here reconnect, and find it on its new cell.
    if (cell !== placement.cell) sockets.closeTenant(tenantId, CLOSE.tryAgainLater.code, 'workspace moved');
  });
  placement?.start();
  cluster?.start();
  // Every route that serves a workspace runs only on its cell; /healthz, /metrics and the client's files on any.
  const tenantRoutes = gate ? placedRoutes(routes, { gate, authenticates: (credential) => authenticates(sessions, credential), log }) : routes;
  const health = (): Health => ({
    // Without Redis the instance still serves its own sockets: degraded, not dead.
    status: stopping ? 'stopping' : bus && !bus.connected ? 'degraded' : 'ok',
    instance: config.instanceName,
    pid: process.pid,
    connections: sockets.count(),
    openTenantDatabases: databases.size,
    embeddedMode: host !== null,
    redis: bus === null ? 'not configured' : bus.connected ? 'connected' : 'disconnected',
  });
  registerOpsRoutes(routes, metrics, health, config.metricsToken);
  const signIn = openSignInThrottle(
    {
      failuresPerAccount: config.limits.loginFailuresPerAccount,
      failuresPerAddress: config.limits.loginFailuresPerAddress,
      signupsPerAddress: config.limits.signupsPerAddress,
      windowSeconds: SIGN_IN_WINDOW_SECONDS,
    },
    config.redisUrl,
    `${config.redisChannel}:sign-in`,
    (err) => log.warn('sign_in_counts_redis_error', { error: err.message }),
  );
  const commonPasswords = new CommonPasswords();
  registerAuthRoutes(tenantRoutes, {
    accounts: new StandaloneAccounts(directory, sessions, databases, signIn.throttle, commonPasswords, gate, homes),
    sessions,
    log,
    signupEnabled: config.signupEnabled,
    cookieSecure: config.cookieSecure,
    allowedOrigins: config.allowedOrigins,
  });
  const passwordLinks = new PasswordResetStore(directory.db);
  registerPeopleRoutes(tenantRoutes, {
    people: new WorkspacePeople(directory, sessions, databases, passwordLinks),
    passwords: new PasswordChanges(directory, sessions, passwordLinks, commonPasswords, signIn.throttle, databases),
    sessions,
    log,
    guard: { allowedOrigins: config.allowedOrigins, secure: config.cookieSecure },
  });
  registerTransferRoutes(tenantRoutes, {
    sessions,
    databases,
    openSnapshot: (tenantId) => openTenantDb(config.dataDir, tenantId, { synchronous: config.sqliteSynchronous, readonly: true }),
    // Published as a socket write's are: to this instance's subscribers and, through Redis, every other's.
    publish: (tenantId, events) => fanout.committed(tenantId, events, null),
    log,
    guard: { allowedOrigins: config.allowedOrigins, secure: config.cookieSecure },
  });
  const webhooks = startWebhooks(tenantRoutes, {
    config,
    databases,
    sessions,
    log,
    guard: { allowedOrigins: config.allowedOrigins, secure: config.cookieSecure },
  });
  registerAttachmentRoutes(tenantRoutes, {
    sessions,
    databases,
    dataDir: config.dataDir,
    limits: config.attachments,
    // As an import's: to this instance's subscribers and, through Redis, every other's.
    publish: (tenantId, events) => fanout.committed(tenantId, events, null),
    log,
    guard: { allowedOrigins: config.allowedOrigins, secure: config.cookieSecure },
  });
  if (config.assistant) {
    const { timeoutSeconds, perMinute, ...endpoint } = config.assistant;
    registerAssistantRoutes(tenantRoutes, {
      endpoint, timeoutSeconds, perMinute, sessions, databases, log,
      readAs: readsThrough(commands),
      guard: { allowedOrigins: config.allowedOrigins, secure: config.cookieSecure },
    });
  }
  registerStaticFiles(routes, CLIENT_DIST, pagePolicy(config.frameAncestors));

  const moves = cluster && config.cluster ? startMoves(routes, {
    cell: placement!.cell, dataDir: config.dataDir, secret: config.cluster.secret,
    leaseSeconds: config.cluster.leaseSeconds, graceSeconds: config.cluster.graceSeconds,
    link: cluster, placement: placement!, databases, secrets: webhooks.moved, accounts: new MovingAccounts(directory, sessions, homes!), log,
  }) : null;
  const port = await web.listen(config.host, config.port);
  cluster?.announce(placement!.cell, config.cluster?.url ?? cellUrl(config.host, port));
  return {
    port,
    tokens,
    databases,
    async stop() {
      if (stopping) return;
      stopping = true;
      web.stopListening();
      // Commands run synchronously, so no write is half done here; the ones
      // waiting for their group commit are applied and answered first.
      sockets.drain();
      sockets.closeAll(CLOSE.goingAway.code, 'server shutting down');
      fanout.stop();
      // Before the webhooks' list closes: a resolver pass may be handing a tenant's webhooks over.
      await moves?.stop();
      closing = 'webhook deliveries';
      // Before the files close: a send cut short gives its delivery back to the queue.
      await webhooks.stop();
      closing = 'redis';
      await bus?.close();
      cluster?.close();
      await placement?.close();
      await homes?.close();
      signIn.close();
      closing = 'common-password worker';
      await commonPasswords.close();
      databases.closeAll();
      closing = 'checkpointer';
      await checkpointer.stop();
      directory.close();
      closing = null;
    },
    stillOpen: () => ({ closing, connections: sockets.count(), open_tenant_databases: databases.size }),
  };
}

/**
 * Stops the server, giving it `deadlineMs`; resolves with the exit code. 0
 * once stop() finished; 1 when it failed, or when it was still waiting at the
 * deadline (a worker or a connection that never lets go), logged with what
 * was still open, so an orchestrator gets an exit and a reason instead of a
 * process it must kill. The timer keeps the process alive meanwhile: were
 * stop() stuck on nothing that holds the event loop, Node would otherwise
 * exit 0 as if all were well.
 */
export async function stopWithin(server: Pick<RunningServer, 'stop' | 'stillOpen'>, deadlineMs: number, log: Logger): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), deadlineMs);
  });
  try {
    if ((await Promise.race([server.stop(), deadline])) !== 'late') return 0;
    log.error('shutdown_deadline_passed', { deadline_ms: deadlineMs, ...server.stillOpen() });
    return 1;
  } catch (err) {
    log.error('shutdown_failed', {}, err);
    return 1;
  } finally {
    clearTimeout(timer);
  }
}
