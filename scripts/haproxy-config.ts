// `npm run haproxy:config -- --listen 0.0.0.0:80 --cell cell-a=10.0.0.1:8080 --cell cell-b=10.0.0.2:8080,10.0.0.2:8081 --out /etc/haproxy/haproxy.cfg`
// prints (or writes) the haproxy.cfg of server/src/routing/haproxy-config.ts.
// With --out, empty map files are made too when there are none: HAProxy
// refuses to start without them, and placement:sync fills them at run time.
import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { haproxyConfig, parseCell } from '../server/src/routing/haproxy-config.ts';

const USAGE = `usage: npm run haproxy:config -- --listen HOST:PORT --cell NAME=HOST:PORT[,HOST:PORT...] [--cell ...]
         [--runtime-socket /run/haproxy/admin.sock | HOST:PORT] [--map /etc/haproxy/tenants.map] [--account-map /etc/haproxy/accounts.map] [--maxconn 20000] [--user haproxy] [--out FILE]`;

try {
  const { values } = parseArgs({
    options: {
      listen: { type: 'string', multiple: true },
      cell: { type: 'string', multiple: true },
      'runtime-socket': { type: 'string', default: '/run/haproxy/admin.sock' },
      map: { type: 'string', default: '/etc/haproxy/tenants.map' },
      'account-map': { type: 'string', default: '/etc/haproxy/accounts.map' },
      maxconn: { type: 'string', default: '20000' },
      user: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const text = haproxyConfig({
    listen: values.listen ?? [],
    cells: (values.cell ?? []).map(parseCell),
    runtimeSocket: values['runtime-socket'],
    mapFile: values.map,
    accountMapFile: values['account-map'],
    maxconn: Number(values.maxconn),
    user: values.user,
  });
  if (values.out) {
    writeFileSync(values.out, text);
    for (const map of [values.map, values['account-map']]) {
      if (existsSync(map)) continue;
      writeFileSync(map, '');
      process.stderr.write(`haproxy:config: made the empty map file ${map}\n`);
    }
  } else {
    process.stdout.write(text);
  }
} catch (err) {
  process.stderr.write(`haproxy:config: ${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
  process.exit(2);
}
