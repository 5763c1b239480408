// docs/DESIGN.md decision 56, the parts without I/O: the haproxy.cfg made from
// a list of cells, the default backend's weights, placement:sync's settings,
// and the haproxy:config command line's refusals. haproxy-routing.test.ts
// runs the config in a real HAProxy.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config.ts';
import { ANY_CELL_BACKEND, cellOfServer, haproxyConfig, parseCell, serverName, type HaproxyOptions } from '../src/routing/haproxy-config.ts';
import { RuntimeApi, RuntimeApiError, parseRuntimeAddress } from '../src/routing/runtime-api.ts';
import { signupWeights } from '../src/routing/signup-weights.ts';
import { placeableAccount } from '../src/routing/placement-sync.ts';
import { loadSyncConfig } from '../src/routing/sync-config.ts';

const OPTIONS: HaproxyOptions = {
  listen: ['0.0.0.0:80'],
  cells: [parseCell('cell-a=10.0.0.1:8080,10.0.0.1:8081'), parseCell('cell-b=10.0.0.2:8080')],
  runtimeSocket: '/run/haproxy/admin.sock',
  mapFile: '/etc/haproxy/tenants.map',
  accountMapFile: '/etc/haproxy/accounts.map',
  maxconn: 20000,
};

/** The lines of one section (`backend cell-a`), trimmed. */
function section(config: string, title: string): string[] {
  const lines = config.split('\n');
  const start = lines.indexOf(title);
  expect(start, title).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && l === '');
  return lines.slice(start + 1, end < 0 ? undefined : end).map((l) => l.trim());
}

describe('HAProxy config and weights', () => {
  it('HAPROXY-1 one backend per cell, named after it, with its instances health-checked on /healthz; a round-robin default backend over every instance, tracking their health', () => {
    const config = haproxyConfig(OPTIONS);
    expect(section(config, 'backend cell-a')).toEqual(['server cell-a.1 10.0.0.1:8080 check', 'server cell-a.2 10.0.0.1:8081 check']);
    expect(section(config, 'backend cell-b')).toEqual(['server cell-b.1 10.0.0.2:8080 check']);
    expect(section(config, `backend ${ANY_CELL_BACKEND}`)).toEqual([
      'balance roundrobin',
      'server cell-a.1 10.0.0.1:8080 track cell-a/cell-a.1',
      'server cell-a.2 10.0.0.1:8081 track cell-a/cell-a.2',
      'server cell-b.1 10.0.0.2:8080 track cell-b/cell-b.1',
    ]);
    const defaults = section(config, 'defaults');
    expect(defaults).toEqual(expect.arrayContaining(['balance leastconn', 'option forwardfor', 'timeout tunnel 1h', 'option httpchk', 'http-check send meth GET uri /healthz ver HTTP/1.1 hdr Host tandem', 'http-check expect status 200']));
    expect(section(config, 'global')).toEqual(expect.arrayContaining(['maxconn 20000', 'stats socket /run/haproxy/admin.sock mode 600 level admin']));
  });

  it('HAPROXY-2 the frontend takes the tenant from the bearer subprotocol on a socket, else Authorization, else the session cookie, else a log-in\'s tenantId or a password link\'s token, and picks the backend from the map; a log-in or sign-up naming no tenant goes by its email\'s account map; cell-to-cell routes are not served from outside', () => {
    const frontend = section(haproxyConfig(OPTIONS), 'frontend tandem');
    expect(frontend[0]).toBe('bind 0.0.0.0:80');
    const inOrder = [
      /^http-request set-var\(txn\.token\) 'req\.fhdr\(sec-websocket-protocol\),regsub\(.*bearer.*' if websocket /,
      /^http-request set-var\(txn\.token\) http_auth_bearer if !websocket$/,
      /^http-request set-var\(txn\.token\) req\.cook\(tandem_session\) if !\{ var\(txn\.token\) -m found \}$/,
      /^http-request set-var\(txn\.tenant\) var\(txn\.token\),jwt_payload_query\('\$\.tenant_id'\)$/,
      /^http-request wait-for-body time 1s if login_form account_path \|\| login_form link_path$/,
      /^http-request set-var\(txn\.tenant\) req\.body,json_query\('\$\.tenantId'\) if login_form login_path !\{ var\(txn\.tenant\) -m found \}$/,
      /^http-request set-var\(txn\.tenant\) 'req\.body,json_query\("\$\.token"\),regsub\(.*' if login_form link_path$/,
      /^http-request set-var\(txn\.home\) req\.body,json_query\('\$\.email'\),lower,map\(\/etc\/haproxy\/accounts\.map\) if login_form account_path !\{ var\(txn\.tenant\) -m found \}$/,
      /^use_backend %\[var\(txn\.home\)\] if \{ var\(txn\.home\) -m found \}$/,
      /^use_backend %\[var\(txn\.tenant\),map\(\/etc\/haproxy\/tenants\.map\)\]$/,
      new RegExp(`^default_backend ${ANY_CELL_BACKEND}$`),
    ].map((rule) => frontend.findIndex((line) => rule.test(line)));
    expect(frontend).toContain('http-request deny deny_status 404 if { path_beg /internal/ }');
    expect(frontend).toContain('acl account_path path /api/auth/login /api/auth/signup');
    expect(frontend).toContain('acl link_path path /api/auth/password-reset');
    // The cells learn the client's address from HAProxy alone.
    expect(frontend).toContain('http-request del-header x-forwarded-for');
    expect(inOrder.every((at) => at > 0)).toBe(true);
    expect(inOrder).toEqual([...inOrder].sort((x, y) => x - y));
  });

  it('HAPROXY-3 the runtime API on TCP, or on a unix socket for a user\'s group; bad input refused in words: no address, no cell, a cell twice, a name that is no CELL, an address without a port, a relative map', () => {
    expect(section(haproxyConfig({ ...OPTIONS, runtimeSocket: '127.0.0.1:9999' }), 'global')).toContain('stats socket ipv4@127.0.0.1:9999 level admin');
    // Run as a user of its own, HAProxy lets that user's group (placement:sync's) use the socket.
    expect(section(haproxyConfig({ ...OPTIONS, user: 'haproxy' }), 'global')).toEqual(
      expect.arrayContaining(['user haproxy', 'group haproxy', 'stats socket /run/haproxy/admin.sock user haproxy group haproxy mode 660 level admin']),
    );
    expect(() => haproxyConfig({ ...OPTIONS, user: 'haproxy admin' })).toThrow(/user/);
    expect(() => haproxyConfig({ ...OPTIONS, listen: [] })).toThrow(/listen/);
    expect(() => haproxyConfig({ ...OPTIONS, cells: [] })).toThrow(/at least one cell/);
    expect(() => haproxyConfig({ ...OPTIONS, cells: [OPTIONS.cells[0]!, OPTIONS.cells[0]!] })).toThrow(/cell-a is given twice/);
    expect(() => parseCell('Cell_A=10.0.0.1:8080')).toThrow(/CELL/);
    expect(() => parseCell('cell-a=')).toThrow(/no instance/);
    expect(() => parseCell('cell-a=10.0.0.1')).toThrow(/host:port/);
    expect(() => haproxyConfig({ ...OPTIONS, listen: ['80'] })).toThrow(/host:port/);
    expect(() => haproxyConfig({ ...OPTIONS, mapFile: 'tenants.map' })).toThrow(/absolute path/);
    expect(() => haproxyConfig({ ...OPTIONS, accountMapFile: 'accounts.map' })).toThrow(/absolute path/);
    expect(() => haproxyConfig({ ...OPTIONS, accountMapFile: OPTIONS.mapFile })).toThrow(/two files/);
    expect(() => haproxyConfig({ ...OPTIONS, runtimeSocket: 'admin.sock' })).toThrow(/runtime API/);
    expect(parseRuntimeAddress('haproxy.internal:9999')).toEqual({ host: 'haproxy.internal', port: 9999 });
  });

  it('HAPROXY-4 a server\'s name gives back its cell; names this config did not make give none', () => {
    expect(cellOfServer(serverName('cell-a', 0))).toBe('cell-a');
    expect(cellOfServer('cell-b.12')).toBe('cell-b');
    expect(cellOfServer('web1')).toBeNull();
    expect(cellOfServer('Cell.1')).toBeNull();
  });

  it('HAPROXY-5 new tenants go to the cell with the fewest: its instances weigh 256, the others 0; ties share; a cell with no usable instance is passed over; unknown servers are left out', () => {
    const up = (...names: string[]) => names.map((name) => ({ name, usable: true }));
    const counts = new Map([['cell-a', 10], ['cell-b', 3], ['cell-c', 3]]);
    expect(signupWeights(up('cell-a.1', 'cell-a.2', 'cell-b.1', 'web1'), counts)).toEqual(new Map([['cell-a.1', 0], ['cell-a.2', 0], ['cell-b.1', 256]]));
    expect(signupWeights(up('cell-a.1', 'cell-b.1', 'cell-c.1'), counts)).toEqual(new Map([['cell-a.1', 0], ['cell-b.1', 256], ['cell-c.1', 256]]));
    // A cell nothing is placed on yet holds the fewest.
    expect(signupWeights(up('cell-a.1', 'cell-d.1'), counts)).toEqual(new Map([['cell-a.1', 0], ['cell-d.1', 256]]));
    // cell-b is down: cell-a takes them, though it holds more.
    expect(signupWeights([{ name: 'cell-a.1', usable: true }, { name: 'cell-b.1', usable: false }], counts)).toEqual(new Map([['cell-a.1', 256], ['cell-b.1', 0]]));
    // One instance of cell-b up is enough; none at all: every cell ready for when one comes back.
    expect(signupWeights([{ name: 'cell-a.1', usable: true }, { name: 'cell-b.1', usable: false }, { name: 'cell-b.2', usable: true }], counts).get('cell-b.1')).toBe(256);
    expect(signupWeights([{ name: 'cell-a.1', usable: false }, { name: 'cell-b.1', usable: false }], counts)).toEqual(new Map([['cell-a.1', 0], ['cell-b.1', 256]]));
  });

  it('HAPROXY-6 placement:sync\'s settings: REDIS_URL needed; HAPROXY_SOCKET, HAPROXY_MAP and HAPROXY_ACCOUNT_MAP default to Debian\'s paths; bad values refused naming the variable', () => {
    expect(() => loadSyncConfig({})).toThrow(ConfigError);
    expect(() => loadSyncConfig({})).toThrow(/REDIS_URL/);
    expect(loadSyncConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toEqual({
      redisUrl: 'redis://127.0.0.1:6379', placementKey: 'tandem:placement', haproxySocket: { path: '/run/haproxy/admin.sock' }, haproxyMap: '/etc/haproxy/tenants.map', haproxyAccountMap: '/etc/haproxy/accounts.map', logLevel: 'info',
    });
    expect(loadSyncConfig({ REDIS_URL: 'redis://r:6379', HAPROXY_SOCKET: '127.0.0.1:9999', PLACEMENT_KEY: 'p' })).toMatchObject({ haproxySocket: { host: '127.0.0.1', port: 9999 }, placementKey: 'p' });
    expect(() => loadSyncConfig({ REDIS_URL: 'redis://r:6379', HAPROXY_SOCKET: 'admin.sock' })).toThrow(/HAPROXY_SOCKET/);
    expect(() => loadSyncConfig({ REDIS_URL: 'redis://r:6379', HAPROXY_MAP: 'tenants.map' })).toThrow(/HAPROXY_MAP/);
    expect(() => loadSyncConfig({ REDIS_URL: 'redis://r:6379', HAPROXY_ACCOUNT_MAP: 'accounts.map' })).toThrow(/HAPROXY_ACCOUNT_MAP/);
    expect(() => loadSyncConfig({ REDIS_URL: 'http://r' })).toThrow(/REDIS_URL/);
  });

  it('HAPROXY-7 nothing that would be a second word or command reaches the runtime API, nor an account map key that is no email as accounts keep them', async () => {
    const api = new RuntimeApi({ path: '/nonexistent/admin.sock' });
    for (const bad of ['host-a b', 'host-a;show info', 'x\nshow info', 'a\\b', '<<', '']) {
      await expect(api.setMapEntry('/etc/haproxy/tenants.map', bad, 'cell-a')).rejects.toThrow(RuntimeApiError);
    }
    // The account map's keys are emails as accounts keep them; one that could not go as one word stays out of the map.
    expect(placeableAccount('ada+board@example.com', 'cell-a')).toBe(true);
    for (const bad of ['Ada@example.com', 'a;b@example.com', 'a\\b@example.com', '<<a@example.com', '#a@example.com', 'ada@example', 'ada lovelace@example.com']) {
      expect(placeableAccount(bad, 'cell-a'), bad).toBe(false);
    }
    expect(placeableAccount('ada@example.com', 'Cell A')).toBe(false);
  });

  it('HAPROXY-8 npm run haproxy:config prints the config; a bad cell stops it with exit 2, the reason and the usage', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/haproxy-config.ts', ...args], { encoding: 'utf8' });
    const printed = run('--listen', '127.0.0.1:8080', '--cell', 'cell-a=127.0.0.1:3001');
    expect(printed.status).toBe(0);
    expect(printed.stdout).toBe(haproxyConfig({ ...OPTIONS, listen: ['127.0.0.1:8080'], cells: [parseCell('cell-a=127.0.0.1:3001')] }));
    const refused = run('--listen', '127.0.0.1:8080', '--cell', 'A=127.0.0.1:3001');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/CELL[\s\S]*usage: npm run haproxy:config/);
  });
});
