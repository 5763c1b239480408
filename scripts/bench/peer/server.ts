// The peer as a process, configured by the same environment variables as Tandem.
import { ConfigError, loadConfig } from '../../../server/src/config.ts';
import { makeLogger } from '../../../server/src/log.ts';
import { startPeer } from './app.ts';

let config;
try {
  config = loadConfig();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`peer: configuration error: ${err.message}\n`);
  process.exit(2);
}
const log = makeLogger(config.logLevel, { instance: 'peer' });
const peer = await startPeer(config, log);
log.info('listening', { port: peer.port });
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => void peer.stop().then(() => process.exit(0)));
}
