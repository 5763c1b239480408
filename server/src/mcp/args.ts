// `npm run mcp -- --tenant <id> [--data-dir <dir>] [--time-limit-ms <n>]`:
// which tenant file this MCP server reads, checked before anything is opened.
import { loadConfig } from '../config.ts';
import { isValidTenantId, TENANT_ID_PATTERN } from '../../../shared/domain/tenant-id.ts';

export interface McpOptions {
  tenantId: string;
  dataDir: string;
  /** How long one `query` may run before its process is killed. */
  timeLimitMs: number;
}

const USAGE = 'usage: npm run mcp -- --tenant <id> [--data-dir <dir>] [--time-limit-ms <n>]';

const FLAGS = ['--tenant', '--data-dir', '--time-limit-ms'] as const;
type Flag = (typeof FLAGS)[number];

function flagValues(argv: readonly string[]): Map<Flag, string> {
  const values = new Map<Flag, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = FLAGS.find((f) => f === argv[i]);
    const value = argv[i + 1];
    if (!flag) throw new Error(`unknown argument ${JSON.stringify(argv[i])}\n${USAGE}`);
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
    if (values.has(flag)) throw new Error(`${flag} given twice\n${USAGE}`);
    values.set(flag, value);
  }
  return values;
}

export function parseArgs(argv: readonly string[], env: Record<string, string | undefined>): McpOptions {
  const values = flagValues(argv);
  const tenantId = values.get('--tenant');
  if (tenantId === undefined) throw new Error(`--tenant is required\n${USAGE}`);
  // The server's own check: an id that passes names one folder directly under the data folder, never a path.
  if (!isValidTenantId(tenantId)) {
    throw new Error(`invalid tenant id ${JSON.stringify(tenantId)}: a tenant id matches ${TENANT_ID_PATTERN.source}`);
  }
  const timeLimit = values.get('--time-limit-ms') ?? '5000';
  if (!/^\d+$/.test(timeLimit) || Number(timeLimit) < 100 || Number(timeLimit) > 600_000) {
    throw new Error(`--time-limit-ms must be a whole number from 100 to 600000, got ${JSON.stringify(timeLimit)}`);
  }
  // The server's DATA_DIR rules (default tenants/, relative to the working folder); only it is read from the config.
  const { dataDir } = loadConfig({ DATA_DIR: values.get('--data-dir') ?? env['DATA_DIR'] });
  return { tenantId, dataDir, timeLimitMs: Number(timeLimit) };
}
