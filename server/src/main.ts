// The composition root: read config, start, stop on a signal. Wiring only.
import { ConfigError, loadConfig } from './config.ts';
import { makeLogger } from './log.ts';
import { startServer, stopWithin, type RunningServer } from './server.ts';

let config;
try {
  config = loadConfig();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`tandem: configuration error: ${err.message}\n`);
  process.exit(2);
}
const log = makeLogger(config.logLevel, { instance: config.instanceName });
let server: RunningServer;
try {
  server = await startServer(config, log);
} catch (err) {
  // The log line keeps the stack; the terminal gets the reason in one sentence.
  log.error('start_failed', {}, err);
  process.stderr.write(`tandem: cannot start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
log.info('listening', { port: server.port, data_dir: config.dataDir, redis: config.redisUrl !== null });
process.stdout.write(`\n  Tandem is running: open http://${shown}:${server.port}/\n\n`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    log.info('shutting_down', { signal });
    stopWithin(server, config.shutdownDeadlineSeconds * 1000, log).then((code) => process.exit(code));
  });
}
