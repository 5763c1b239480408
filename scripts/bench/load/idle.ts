// Idle connections: N authenticated sockets, each subscribed to its
// tenant's board and then silent. Reads the server's RSS (from /proc, same
// host) before and after, so the parent need not coordinate the hold.
import { tokenSigner } from '../auth.ts';
import { serveLoad } from '../load-process.ts';
import { rssOf, type Target } from '../servers.ts';
import { connect, connectMany, eachLimited } from './clients.ts';
import { projectKey, sleep } from './util.ts';

export interface IdleInput {
  target: Target;
  url: string;
  serverPid: number;
  privatePem: string;
  sockets: number;
  tenants: number;
}

export interface IdleOutput {
  rssBeforeBytes: number;
  rssAfterBytes: number;
  sockets: number;
}

/** Long enough for the server to finish the handshakes' garbage and settle. */
const SETTLE_MS = 2000;

async function run(input: IdleInput): Promise<IdleOutput> {
  const sign = tokenSigner(input.privatePem);
  const projects: string[] = [];
  for (let t = 0; t < input.tenants; t++) {
    const owner = await connect(input.target, input.url, sign({ tenantId: `idle-${t}`, userId: 'owner' }));
    projects.push((await owner.createProject(projectKey(), 'Idle')).projectId);
    owner.close();
  }
  await sleep(SETTLE_MS);
  const rssBeforeBytes = rssOf(input.serverPid);
  const tokens = Array.from({ length: input.sockets }, (_, i) => sign({ tenantId: `idle-${i % input.tenants}`, userId: `idler-${i}` }));
  const clients = await connectMany(input.target, input.url, tokens);
  await eachLimited(clients, 64, async (client, i) => void (await client.subscribe(projects[i % input.tenants]!, 0)));
  await sleep(SETTLE_MS);
  const rssAfterBytes = rssOf(input.serverPid);
  for (const client of clients) client.close();
  return { rssBeforeBytes, rssAfterBytes, sockets: clients.length };
}

serveLoad(run);
