// How server/src is layered (docs/DESIGN.md): which folder may import which.
// Each row names only rows above it, so folders never form a cycle.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('server/src');

/** Root files anything may import; they import no other server module. */
const UTILITIES = ['config', 'log', 'metrics'];

const LAYERS: Record<string, readonly string[]> = {
  storage: [],
  // Which cell holds each tenant (Redis), and this instance's answer to it: no file, no HTTP, no socket.
  cells: [],
  tenancy: ['storage'],
  auth: ['storage', 'tenancy', 'cells'],
  http: ['auth', 'cells'],
  commands: [],
  // Pure: reports computed from facts handed in, no I/O.
  reports: [],
  handlers: ['commands', 'reports', 'auth', 'storage', 'tenancy'],
  // What a write tells the people it concerns: derived from its events, stored in its transaction.
  notifications: ['storage'],
  // Outgoing webhooks: the outbox a write fills in its transaction, the worker that sends, the admin's routes.
  webhooks: ['http', 'auth', 'storage', 'tenancy'],
  pipeline: ['handlers', 'notifications', 'webhooks', 'commands', 'auth', 'storage', 'tenancy'],
  fanout: ['storage', 'tenancy'],
  transfer: ['http', 'pipeline', 'handlers', 'commands', 'auth', 'storage', 'tenancy'],
  // Files on work items over HTTP: the bytes on disk, the row and its event through the write pipeline.
  attachments: ['http', 'pipeline', 'handlers', 'auth', 'storage', 'tenancy'],
  // The in-app assistant: its tools read through the command queue as the asker; it has no write path at all.
  assistant: ['http', 'pipeline', 'handlers', 'auth', 'storage', 'tenancy'],
  transport: ['pipeline', 'fanout', 'http', 'auth', 'cells'],
  // Tenant moves between cells: the mover, the target's staging, the resolver, their internal routes.
  moves: ['attachments', 'http', 'cells', 'tenancy'],
  server: ['transport', 'transfer', 'attachments', 'assistant', 'webhooks', 'http', 'fanout', 'pipeline', 'handlers', 'auth', 'tenancy', 'cells', 'moves'],
  main: ['server'],
  // A process of its own (npm run mcp) that reads a tenant file: it knows nothing of the server's socket or writes.
  mcp: ['tenancy', 'storage'],
  // placement:sync and the generated haproxy.cfg, in front of the cells: the placement channel's form and the cookie's name, nothing of a file.
  routing: ['auth', 'cells'],
};

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|js)$/.test(name) ? [path] : [];
  });

/** A file's layer: its folder under server/src, or its name for a root file. */
const layerOf = (file: string) => relative(SRC, file).split(sep)[0]!.replace(/\.(ts|js)$/, '');

/** Every module a file names: static and dynamic imports, re-exports, and worker URLs. */
function specifiers(source: string): string[] {
  const found = source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]|new URL\(\s*['"]([^'"]+)['"]/g);
  return [...found].map((m) => (m[1] ?? m[2])!);
}

const sources = files(SRC).map((file) => ({ file, layer: layerOf(file), specifiers: specifiers(readFileSync(file, 'utf8')) }));

describe('LAYER server/src layering', () => {
  it('LAYER-1 every import between folders is one the table allows, and the table has no cycle', () => {
    const order = Object.keys(LAYERS);
    for (const [layer, uses] of Object.entries(LAYERS)) {
      for (const used of uses) expect(order.indexOf(used), `${layer} -> ${used}`).toBeLessThan(order.indexOf(layer));
    }
    const wrong: string[] = [];
    for (const { file, layer, specifiers: names } of sources) {
      for (const name of names.filter((n) => n.startsWith('.'))) {
        const target = resolve(dirname(file), name);
        if (!target.startsWith(SRC + sep)) continue;
        const used = layerOf(target);
        if (used === layer) continue;
        const allowed = UTILITIES.includes(layer) ? false : UTILITIES.includes(used) || (LAYERS[layer] ?? []).includes(used);
        if (!allowed) wrong.push(`${relative(SRC, file)} imports ${name} (${layer} -> ${used})`);
      }
    }
    expect(wrong).toEqual([]);
    expect(sources.map((s) => s.layer).filter((l) => !UTILITIES.includes(l) && !(l in LAYERS))).toEqual([]);
  });

  it('LAYER-2 only transport/ imports uWebSockets.js', () => {
    const users = sources.filter((s) => s.specifiers.includes('uWebSockets.js')).map((s) => s.layer);
    expect([...new Set(users)]).toEqual(['transport']);
  });

  it('LAYER-3 nothing imports the generated code directly: wire types come from shared/proto.ts, commands as parsed', () => {
    expect(sources.filter((s) => s.specifiers.some((n) => n.includes('shared/gen/'))).map((s) => relative(SRC, s.file))).toEqual([]);
  });
});
