// Where a new tenant goes (docs/DESIGN.md decision 56): a sign-up, or a host
// platform's tenant at its first socket, names no tenant HAProxy's map holds,
// so it reaches the default backend, and the cell that answers it claims it.
// There the cell holding the fewest tenants takes it: its instances weigh the
// full 256, every other cell's 0 (drained from this backend only; their own
// backends are untouched). Cells with no usable instance are passed over, so
// a down cell never keeps the new tenants. Ties share, weighed equally.
import { cellOfServer } from './haproxy-config.ts';

/** HAProxy's largest weight. */
export const MAX_WEIGHT = 256;

export interface ServerState {
  /** Its name in the default backend, `<cell>.<n>`. */
  name: string;
  /** Up, and neither in maintenance nor draining. */
  usable: boolean;
}

/** Each server's weight in the default backend; servers whose name this config did not make are left out. */
export function signupWeights(servers: readonly ServerState[], tenantsPerCell: ReadonlyMap<string, number>): Map<string, number> {
  const cellOf = new Map<string, string>();
  for (const server of servers) {
    const cell = cellOfServer(server.name);
    if (cell !== null) cellOf.set(server.name, cell);
  }
  const usable = new Set(servers.filter((s) => s.usable && cellOf.has(s.name)).map((s) => cellOf.get(s.name)!));
  // No cell usable: nothing routes anyway, and every cell is ready to take over when one comes back.
  const candidates = usable.size > 0 ? usable : new Set(cellOf.values());
  const count = (cell: string) => tenantsPerCell.get(cell) ?? 0;
  const fewest = Math.min(...[...candidates].map(count));
  return new Map([...cellOf].map(([server, cell]) => [server, candidates.has(cell) && count(cell) === fewest ? MAX_WEIGHT : 0]));
}
