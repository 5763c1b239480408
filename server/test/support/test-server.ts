// A real server on port 0 with its own temp data folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { makeLogger } from '../../src/log.ts';
import { startServer, type RunningServer } from '../../src/server.ts';

export interface TestServer {
  server: RunningServer;
  port: number;
  http: string;
  ws: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Every person a test makes comes from 127.0.0.1, where a real server would
 * see one address each: the per-address sign-in limits are lifted unless a
 * test sets them (the per-account limit stays as configured).
 */
const PEOPLE_ON_ONE_ADDRESS = { SIGNUPS_PER_ADDRESS: '1000000', LOGIN_FAILURES_PER_ADDRESS: '1000000' };

export async function startTestServer(env: Record<string, string> = {}, dataDir?: string): Promise<TestServer> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'tandem-test-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, LOG_LEVEL: 'error', ...PEOPLE_ON_ONE_ADDRESS, ...env });
  const server = await startServer(config, makeLogger('error'));
  return {
    server,
    port: server.port,
    http: `http://127.0.0.1:${server.port}`,
    ws: `ws://127.0.0.1:${server.port}/ws`,
    dataDir: dir,
    async stop() {
      await server.stop();
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
