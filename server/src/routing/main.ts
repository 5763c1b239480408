// `npm run placement:sync`: keeps one HAProxy's map of tenants to cells equal
// to the placement hash in Redis (docs/DESIGN.md decision 56). Wiring only.
import { ConfigError } from '../config.ts';
import { makeLogger } from '../log.ts';
import { PlacementSync } from './placement-sync.ts';
import { RuntimeApi } from './runtime-api.ts';
import { loadSyncConfig, type SyncConfig } from './sync-config.ts';

/** How often HAProxy is asked whether it restarted; a restart costs at most this long of a map without run-time entries. */
const CHECK_EVERY_MS = 1000;

let config: SyncConfig;
try {
  config = loadSyncConfig();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`placement:sync: configuration error: ${err.message}\n`);
  process.exit(2);
}
const name = `placement-sync-${process.pid}`;
const log = makeLogger(config.logLevel, { instance: name });
const sync = new PlacementSync({
  name,
  redisUrl: config.redisUrl,
  key: config.placementKey,
  haproxy: new RuntimeApi(config.haproxySocket),
  map: config.haproxyMap,
  log,
  checkEveryMs: CHECK_EVERY_MS,
});
sync.start();
log.info('placement_sync_started', { key: config.placementKey, map: config.haproxyMap });

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    log.info('shutting_down', { signal });
    sync.close().then(() => process.exit(0));
  });
}
