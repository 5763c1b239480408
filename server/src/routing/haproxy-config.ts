// The haproxy.cfg that routes every request to its tenant's cell (docs/DESIGN.md
// decision 56), as text from a list of cells: written for Debian's HAProxy 2.6.
// The tenant is read from the token's `tenant_id` claim without checking its
// signature (the cell checks it, and a wrong claim only reaches a cell that
// refuses it) and looked up in a map file, tenant → cell, that placement:sync
// keeps in step with Redis through the runtime API. Each cell is a backend
// named after it; requests naming no tenant, or one the map does not hold,
// go to ANY_CELL_BACKEND, where sign-ups and a host platform's new tenants
// are spread by the weights placement:sync gives each cell. A log-in or
// sign-up naming no workspace goes by its email instead, through a second
// map, email → the cell that keeps the account (decision 58).
import { CELL_PATTERN } from '../config.ts';
import { SESSION_COOKIE } from '../auth/credentials.ts';
import { parseRuntimeAddress, type RuntimeAddress } from './runtime-api.ts';

/** The default backend: every instance of every cell. A cell cannot be named so (no `_` in cell names). */
export const ANY_CELL_BACKEND = 'any_cell';

export interface Cell {
  /** Its CELL, which is also its backend's name and the map's value for its tenants. */
  name: string;
  /** Its instances, `host:port` each. */
  servers: string[];
}

export interface HaproxyOptions {
  /** Where HAProxy listens, `host:port` each. */
  listen: string[];
  cells: Cell[];
  /** The runtime API: a unix socket's path, or `host:port` (then only reachable by whoever can reach that port). */
  runtimeSocket: string;
  /** The map file, tenant → cell; its path is also the map's name in the runtime API. */
  mapFile: string;
  /** The map file of standalone accounts, email → cell, likewise. */
  accountMapFile: string;
  /** Connections HAProxy takes at once; each proxied socket holds two descriptors. */
  maxconn: number;
  /** The user (and group) HAProxy runs as once it has bound its ports; unset, it stays whoever started it. */
  user?: string;
}

/** An instance's name in its cell's backend and in ANY_CELL_BACKEND: `cell-a.1`. */
export const serverName = (cell: string, index: number): string => `${cell}.${index + 1}`;

/** The cell a server of ANY_CELL_BACKEND belongs to, from its name; null for a name this file did not make. */
export function cellOfServer(server: string): string | null {
  const dot = server.lastIndexOf('.');
  const cell = server.slice(0, dot);
  return dot > 0 && CELL_PATTERN.test(cell) && /^\d+$/.test(server.slice(dot + 1)) ? cell : null;
}

const ADDRESS = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]*|\*):(\d{1,5})$/;

function address(text: string, what: string): string {
  const port = Number(ADDRESS.exec(text)?.[2]);
  if (!(port >= 1 && port <= 65535)) throw new Error(`${what} must be host:port (like 127.0.0.1:3001), got ${JSON.stringify(text)}`);
  return text;
}

/** `cell-a=127.0.0.1:3001,127.0.0.1:3002`: a cell and its instances, as the command line gives them. */
export function parseCell(spec: string): Cell {
  const eq = spec.indexOf('=');
  const name = eq > 0 ? spec.slice(0, eq) : '';
  if (!CELL_PATTERN.test(name)) throw new Error(`a cell is name=host:port[,host:port...] with the name as its CELL (lower-case letters, digits or -), got ${JSON.stringify(spec)}`);
  const servers = spec.slice(eq + 1).split(',').filter(Boolean).map((s) => address(s.trim(), `cell ${name}'s instance`));
  if (servers.length === 0) throw new Error(`cell ${name} has no instance`);
  return { name, servers };
}

function checked(options: HaproxyOptions): RuntimeAddress {
  if (options.listen.length === 0) throw new Error('HAProxy needs at least one address to listen on');
  options.listen.forEach((l) => address(l, 'a listen address'));
  if (options.cells.length === 0) throw new Error('HAProxy needs at least one cell');
  const names = new Set<string>();
  for (const cell of options.cells) {
    if (names.has(cell.name)) throw new Error(`cell ${cell.name} is given twice`);
    names.add(cell.name);
  }
  for (const file of [options.mapFile, options.accountMapFile]) {
    if (!/^\/\S+$/.test(file)) throw new Error(`a map file must be an absolute path without spaces, got ${JSON.stringify(file)}`);
  }
  if (options.mapFile === options.accountMapFile) throw new Error('the tenant map and the account map must be two files');
  if (!(Number.isInteger(options.maxconn) && options.maxconn > 0)) throw new Error(`maxconn must be a whole number above 0, got ${options.maxconn}`);
  if (options.user !== undefined && !/^[a-z_][a-z0-9_-]{0,31}$/.test(options.user)) throw new Error(`the user must be a system user's name, got ${JSON.stringify(options.user)}`);
  return parseRuntimeAddress(options.runtimeSocket);
}

function statsSocket(at: RuntimeAddress, user: string | undefined): string {
  if (!('path' in at)) return `stats socket ipv4@${at.host}:${at.port} level admin`; // anyone who reaches the port
  // A unix socket answers its owner only: root, or with a user, that user's group too (placement:sync's).
  return user === undefined ? `stats socket ${at.path} mode 600 level admin` : `stats socket ${at.path} user ${user} group ${user} mode 660 level admin`;
}

export function haproxyConfig(options: HaproxyOptions): string {
  const runtime = checked(options);
  const map = options.mapFile;
  const lines = [
    '# Generated by `npm run haproxy:config` (Tandem, docs/DESIGN.md decision 56): change the command, not this file.',
    'global',
    `    maxconn ${options.maxconn}`,
    ...(options.user === undefined ? [] : [`    user ${options.user}`, `    group ${options.user}`]),
    `    ${statsSocket(runtime, options.user)}`,
    '    stats timeout 30s',
    '',
    'defaults',
    '    mode http',
    '    timeout connect 5s',
    '    timeout client 60s',
    '    timeout server 60s',
    '    timeout http-request 10s',
    '    timeout http-keep-alive 10s',
    '    timeout queue 10s',
    // An open socket is a tunnel: Tandem pings it and closes it when idle (IDLE_TIMEOUT_SECONDS), so HAProxy waits longer.
    '    timeout tunnel 1h',
    '    timeout client-fin 10s',
    '    retries 2',
    '    option redispatch',
    // The client's address for the cells, whose TRUSTED_PROXIES names this HAProxy (decision 59); what a client sent is dropped first.
    '    option forwardfor',
    // Sockets live for hours: the instance with the fewest (weighed) takes the next one, not the next in turn.
    '    balance leastconn',
    // 503 while an instance stops, so it is taken out before its sockets close. HTTP/1.1 with a Host: uWS answers no 1.0 request.
    '    option httpchk',
    '    http-check send meth GET uri /healthz ver HTTP/1.1 hdr Host tandem',
    '    http-check expect status 200',
    '    default-server inter 2s fall 3 rise 2',
    '',
    'frontend tandem',
    ...options.listen.map((l) => `    bind ${l}`),
    '    acl websocket hdr(upgrade) -i websocket',
    '    acl login_form method POST',
    '    acl login_path path /api/auth/login',
    '    acl account_path path /api/auth/login /api/auth/signup',
    '    acl link_path path /api/auth/password-reset',
    '    http-request del-header x-forwarded-for',
    // Cell-to-cell routes (a move's copy, moves/move-routes.ts) are for the cells' own addresses, never the public one.
    '    http-request deny deny_status 404 if { path_beg /internal/ }',
    // Where the token is, in the order a cell reads it (auth/credentials.ts): the socket's bearer subprotocol, else a
    // route's Authorization header; then the session cookie. The subprotocol entry is found wherever it stands in the list.
    `    http-request set-var(txn.token) 'req.fhdr(sec-websocket-protocol),regsub("^(.*[ ,])?bearer\\.([^ ,]+).*$","\\2")' if websocket { req.fhdr(sec-websocket-protocol) -m reg '(^|[ ,])bearer\\.' }`,
    '    http-request set-var(txn.token) http_auth_bearer if !websocket',
    `    http-request set-var(txn.token) req.cook(${SESSION_COOKIE}) if !{ var(txn.token) -m found }`,
    "    http-request set-var(txn.tenant) var(txn.token),jwt_payload_query('$.tenant_id')",
    // A log-in names its workspace in its body, if at all, a log-in or sign-up its email, and a password link's token
    // starts with its workspace (auth/password-reset-store.ts): only those wait for their body.
    '    http-request wait-for-body time 1s if login_form account_path || login_form link_path',
    "    http-request set-var(txn.tenant) req.body,json_query('$.tenantId') if login_form login_path !{ var(txn.tenant) -m found }",
    `    http-request set-var(txn.tenant) 'req.body,json_query("$.token"),regsub("^([a-z0-9][a-z0-9_-]*)\\..*$","\\1")' if login_form link_path`,
    // Naming no workspace, the email's account is kept by one cell: its log-in is checked there, its sign-up refused there.
    `    http-request set-var(txn.home) req.body,json_query('$.email'),lower,map(${options.accountMapFile}) if login_form account_path !{ var(txn.tenant) -m found }`,
    '    use_backend %[var(txn.home)] if { var(txn.home) -m found }',
    // The map holds only cells; a tenant it does not hold, or a cell without a backend here, falls to the default backend.
    `    use_backend %[var(txn.tenant),map(${map})]`,
    `    default_backend ${ANY_CELL_BACKEND}`,
  ];
  for (const cell of options.cells) {
    lines.push('', `backend ${cell.name}`, ...cell.servers.map((s, i) => `    server ${serverName(cell.name, i)} ${s} check`));
  }
  // The same instances, health taken from their cell's backend. placement:sync weighs the least-loaded cell's at 256 and
  // the others' at 0 (signup-weights.ts); round robin, as an idle leastconn would ignore the weights.
  lines.push('', `backend ${ANY_CELL_BACKEND}`, '    balance roundrobin');
  for (const cell of options.cells) {
    lines.push(...cell.servers.map((s, i) => `    server ${serverName(cell.name, i)} ${s} track ${cell.name}/${serverName(cell.name, i)}`));
  }
  return lines.join('\n') + '\n';
}
