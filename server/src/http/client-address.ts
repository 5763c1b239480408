// Which address a request came from, behind HAProxy (docs/DESIGN.md decision
// 59). The per-address sign-in limits count by it; behind a proxy every
// request comes from the proxy's address, so one guesser's failures would
// lock everyone out. A proxy named in TRUSTED_PROXIES puts the client's
// address last in X-Forwarded-For (HAProxy's `option forwardfor`, after it
// dropped whatever the client sent), and only then is that header believed:
// anyone else could write it.
import { BlockList, isIP } from 'node:net';
import type { TrustedProxy } from '../config.ts';
import type { HttpRequest, Router } from './router.ts';

/**
 * An address as uWS or a header gives it, in the form BlockList checks: an
 * IPv4 client of a socket listening on `::` comes as `::ffff:7f00:1`, often
 * written out in full, and is the IPv4 address it maps.
 */
export function normalAddress(text: string): string {
  const address = text.trim().toLowerCase();
  const mapped = /^(?:0{1,4}:){5}ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address) ?? /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (mapped) {
    const [high, low] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
    return [high >> 8, high & 255, low >> 8, low & 255].join('.');
  }
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
}

export class TrustedProxies {
  private readonly list = new BlockList();

  constructor(proxies: readonly TrustedProxy[]) {
    for (const proxy of proxies) {
      const family = isIP(proxy.address) === 4 ? 'ipv4' : 'ipv6';
      if (proxy.prefix === null) this.list.addAddress(proxy.address, family);
      else this.list.addSubnet(proxy.address, proxy.prefix, family);
    }
  }

  has(address: string): boolean {
    const family = isIP(address);
    return family !== 0 && this.list.check(address, family === 4 ? 'ipv4' : 'ipv6');
  }

  /**
   * The client's address: the peer's, unless the peer is a trusted proxy that
   * sent X-Forwarded-For; then the last address there that is not one of the
   * trusted proxies (a chain of them each appends the one before).
   */
  clientOf(peer: string, forwardedFor: string): string {
    let client = normalAddress(peer);
    if (!this.has(client)) return client;
    const hops = forwardedFor.split(',').map(normalAddress).filter((hop) => isIP(hop) !== 0);
    while (hops.length > 0 && this.has(client)) client = hops.pop()!;
    return client;
  }
}

/** The routes with each request's `remoteAddress` the client's, as the trusted proxies tell it. */
export function behindProxies(routes: Router, proxies: TrustedProxies): Router {
  const told = (req: HttpRequest): HttpRequest => ({ ...req, remoteAddress: proxies.clientOf(req.remoteAddress, req.header('x-forwarded-for')) });
  return {
    get: (pattern, route) => routes.get(pattern, (req, res) => route(told(req), res)),
    post: (pattern, route) => routes.post(pattern, (req, res) => route(told(req), res)),
  };
}
