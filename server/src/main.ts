// The composition root: read config, start, stop on a signal. Wiring only.
import { ConfigError, loadConfig } from './config.ts';
import { makeLogger } from './log.ts';
import { startServer } from './server.ts';

let config;
try {
  config = loadConfig();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`tandem: configuration error: ${err.message}\n`);
  process.exit(2);
}
const log = makeLogger(config.logLevel, { instance: config.instanceName });
const server = await startServer(config, log);
const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
log.info('listening', { port: server.port, data_dir: config.dataDir, redis: config.redisUrl !== null });
process.stdout.write(`\n  Tandem is running: open http://${shown}:${server.port}/\n\n`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    log.info('shutting_down', { signal });
    server.stop().then(() => process.exit(0));
  });
}
