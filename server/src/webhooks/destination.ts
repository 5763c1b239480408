// Where a webhook may send (SSRF). A URL an admin types is fetched by the
// server, from inside its network: left open, it could reach the cloud's
// metadata service (169.254.169.254), Redis, or anything else listening on a
// private address. So every address the host name resolves to must be a
// public one, checked at registration and again on each send, on the very
// addresses the connection then uses (a name that resolved to a public
// address once may resolve to 127.0.0.1 the next time: DNS rebinding).
// WEBHOOKS_ALLOW_PRIVATE turns the check off for an operator whose receivers
// live on the private network (and for the tests' receiver on 127.0.0.1).
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, isIPv4, type LookupFunction } from 'node:net';

const NOT_PUBLIC = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 the unspecified address
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, the cloud metadata service
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, 255.255.255.255
] as const) NOT_PUBLIC.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 96], // unspecified, loopback, and the retired IPv4-compatible form
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) NOT_PUBLIC.addSubnet(net, bits, 'ipv6');

/** The 16 bytes of an IPv6 address (a trailing dotted quad allowed). */
function ipv6Bytes(address: string): number[] {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad[1]!.split('.').map(Number) as [number, number, number, number];
    text = text.slice(0, -quad[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const groups = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const front = groups(head);
  const back = groups(tail);
  const all = tail === undefined ? front : [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
  return all.flatMap((g) => [g >> 8, g & 0xff]);
}

/** The IPv4 address an IPv6 one carries: mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::/96) or 6to4 (2002::/16). */
function embeddedIpv4(bytes: number[]): string | null {
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return bytes.slice(12).join('.');
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12)) return bytes.slice(12).join('.');
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return bytes.slice(2, 6).join('.');
  return null;
}

/** False for private, loopback, link-local, unique-local, unspecified, multicast and reserved addresses. */
export function isPublicAddress(address: string): boolean {
  if (isIPv4(address)) return !NOT_PUBLIC.check(address, 'ipv4');
  if (isIP(address) !== 6) return false;
  const v4 = embeddedIpv4(ipv6Bytes(address));
  if (v4 !== null) return !NOT_PUBLIC.check(v4, 'ipv4');
  return !NOT_PUBLIC.check(address, 'ipv6');
}

export class DestinationRefused extends Error {}

/** A URL's host as a resolver or isIP takes it: IPv6 literals lose their brackets. */
const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

const refusedAddress = (host: string, address: string) =>
  new DestinationRefused(
    address === host
      ? `${host} is not a public address (private, loopback, link-local and similar addresses are refused)`
      : `${host} resolves to ${address}, which is not a public address (private, loopback, link-local and similar addresses are refused)`,
  );

/** The refusal of a URL whose host is an IP address that is not public; null for a name or a public address. */
export function refusedLiteral(url: URL): DestinationRefused | null {
  const host = hostOf(url);
  return isIP(host) && !isPublicAddress(host) ? refusedAddress(host, host) : null;
}

const resolveAll = (host: string): Promise<LookupAddress[]> =>
  new Promise((resolve, reject) => dnsLookup(host, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))));

/** Refuses, with the reason, a URL whose host is or resolves to an address that is not public. */
export async function checkDestination(url: URL, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  const host = hostOf(url);
  if (isIP(host)) {
    const refused = refusedLiteral(url);
    if (refused) throw refused;
    return;
  }
  let addresses: LookupAddress[];
  try {
    addresses = await resolveAll(host);
  } catch {
    throw new DestinationRefused(`${host} could not be resolved`);
  }
  const bad = addresses.find((a) => !isPublicAddress(a.address));
  if (bad) throw refusedAddress(host, bad.address);
}

/**
 * A `lookup` for node:http that resolves as usual and fails the connection
 * when any address is not public, so the socket connects only to an address
 * that was checked. (A literal IP in the URL never reaches a lookup: check
 * it with refusedLiteral first.)
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { all: true, verbatim: true, family: options.family ?? 0 }, (err, addresses) => {
    if (err) return callback(err, []);
    const bad = addresses.find((a) => !isPublicAddress(a.address));
    if (bad) return callback(refusedAddress(hostname, bad.address), []);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};
