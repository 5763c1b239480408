// Builds a running server from a config: the composition of transport, auth,
// tenancy, fan-out and HTTP. main.ts calls this; tests call it on port 0.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import uWS from 'uWebSockets.js';
import { AccountDirectory } from './auth/account-directory.ts';
import { loadOrCreateSigningKeys } from './auth/keys.ts';
import { StandaloneAccounts } from './auth/standalone-accounts.ts';
import { TokenService } from './auth/tokens.ts';
import type { Config } from './config.ts';
import { LocalBroadcaster } from './fanout/broadcaster.ts';
import { eventLogOf } from './fanout/event-log-source.ts';
import { DEFAULT_TIMINGS, InstanceFanout } from './fanout/instance-fanout.ts';
import { linkInstances } from './fanout/link-instances.ts';
import { registerAuthRoutes } from './http/auth-routes.ts';
import { registerOpsRoutes, type Health } from './http/ops-routes.ts';
import { registerStaticFiles } from './http/static-files.ts';
import type { Logger } from './log.ts';
import { Metrics } from './metrics.ts';
import { tidyTenant } from './tenancy/maintenance.ts';
import { Checkpointer } from './tenancy/checkpointer.ts';
import { TenantDatabases } from './tenancy/tenant-databases.ts';
import { CLOSE } from '../../shared/protocol/close-codes.ts';
import { checkHandlerKinds } from './handlers/index.ts';
import { attachSocketServer } from './transport/socket-server.ts';

export interface RunningServer {
  port: number;
  /** Stops accepting, closes every socket, closes every database. */
  stop(): Promise<void>;
  tokens: TokenService;
  databases: TenantDatabases;
}

const CLIENT_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'client', 'dist');

export async function startServer(config: Config, log: Logger): Promise<RunningServer> {
  checkHandlerKinds();
  const checkpointer = new Checkpointer(log);
  const databases = new TenantDatabases({
    checkpointer,
    dataDir: config.dataDir,
    synchronous: config.sqliteSynchronous,
    maxOpen: config.limits.openDatabases,
    idleMs: config.limits.databaseIdleSeconds * 1000,
    log,
    onOpen: (db) => tidyTenant(db, config.limits),
  });
  const directory = new AccountDirectory(config.dataDir);
  const host =
    config.jwtPublicKeyFile || config.jwksFile
      ? { publicKeyFile: config.jwtPublicKeyFile, jwksFile: config.jwksFile, issuer: config.jwtIssuer!, audience: config.jwtAudience! }
      : null;
  const tokens = new TokenService(loadOrCreateSigningKeys(config.dataDir), host);
  const metrics = new Metrics(() => databases.size);
  const app = uWS.App();
  let stopping = false;

  const broadcaster = new LocalBroadcaster(app, (n) => metrics.framesOut.inc(n));
  const fanout = new InstanceFanout(broadcaster, (topic) => app.numSubscribers(topic), eventLogOf(databases), {
    ...DEFAULT_TIMINGS,
    presenceTtlMs: config.limits.presenceTtlSeconds * 1000,
    presenceRefreshMs: (config.limits.presenceTtlSeconds * 1000) / 3,
  });
  const bus = config.redisUrl ? linkInstances(config.redisUrl, config.redisChannel, fanout, metrics, log) : null;
  const sockets = attachSocketServer(app, { config, tokens, databases, fanout, metrics, log });
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
  registerOpsRoutes(app, metrics, health);
  registerAuthRoutes(app, {
    accounts: new StandaloneAccounts(directory, tokens, databases),
    tokens,
    log,
    signupEnabled: config.signupEnabled,
    cookieSecure: config.cookieSecure,
  });
  registerStaticFiles(app, CLIENT_DIST);

  const listenSocket = await new Promise<uWS.us_listen_socket>((resolve, reject) => {
    app.listen(config.host, config.port, (socket) => {
      if (socket) resolve(socket);
      else reject(new Error(`could not listen on ${config.host}:${config.port} (in use?)`));
    });
  });
  const port = uWS.us_socket_local_port(listenSocket as unknown as uWS.us_socket);

  return {
    port,
    tokens,
    databases,
    async stop() {
      if (stopping) return;
      stopping = true;
      uWS.us_listen_socket_close(listenSocket);
      // Commands run synchronously, so no write is half done here; the ones
      // waiting for their group commit are applied and answered first.
      sockets.drain();
      sockets.closeAll(CLOSE.goingAway.code, 'server shutting down');
      fanout.stop();
      await bus?.close();
      databases.closeAll();
      await checkpointer.stop();
      directory.close();
    },
  };
}
