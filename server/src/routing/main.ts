// `npm run placement:sync`: keeps one HAProxy's map of tenants to cells equal
// to the placement hash in Redis (docs/DESIGN.md decision 56), and its map of
// accounts to cells equal to the account homes' hash (decision 58). Wiring only.
import { ConfigError } from '../config.ts';
import { makeLogger } from '../log.ts';
import { accountHomesKey } from '../cells/account-homes.ts';
import { PlacementSync, placeableAccount, placeableTenant } from './placement-sync.ts';
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
const haproxy = new RuntimeApi(config.haproxySocket);
const syncs = [
  new PlacementSync({
    name, redisUrl: config.redisUrl, haproxy, log, checkEveryMs: CHECK_EVERY_MS,
    key: config.placementKey, map: config.haproxyMap, weighsSignups: true, placeable: placeableTenant, events: '', keysLogged: true,
  }),
  new PlacementSync({
    name, redisUrl: config.redisUrl, haproxy, log, checkEveryMs: CHECK_EVERY_MS,
    key: accountHomesKey(config.placementKey), map: config.haproxyAccountMap, weighsSignups: false, placeable: placeableAccount, events: 'account_', keysLogged: false,
  }),
];
for (const sync of syncs) sync.start();
log.info('placement_sync_started', { key: config.placementKey, map: config.haproxyMap, accountMap: config.haproxyAccountMap });

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    log.info('shutting_down', { signal });
    Promise.all(syncs.map((sync) => sync.close())).then(() => process.exit(0));
  });
}
