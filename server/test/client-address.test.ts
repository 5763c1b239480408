// docs/DESIGN.md decision 59: behind HAProxy every request comes from the
// proxy's address, so the per-address sign-in limits would count every
// client together. A peer named in TRUSTED_PROXIES is believed about the
// client's address (X-Forwarded-For's last hop); anyone else is not.
// haproxy-routing.test.ts (ROUTE-13) runs it through a real HAProxy.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { TrustedProxies, normalAddress } from '../src/http/client-address.ts';

const proxies = (...list: string[]) => new TrustedProxies(loadConfig({ TRUSTED_PROXIES: list.join(',') }).trustedProxies);

describe('HARD-13 the client\'s address behind a trusted proxy', () => {
  it('HARD-13a a trusted proxy\'s X-Forwarded-For names the client, its last hop; an untrusted peer\'s header is ignored', () => {
    const trusted = proxies('10.0.0.5');
    expect(trusted.clientOf('10.0.0.5', '203.0.113.7')).toBe('203.0.113.7');
    // A client that wrote its own header before the proxy appended the real address gets the real one.
    expect(trusted.clientOf('10.0.0.5', '198.51.100.1, 203.0.113.7')).toBe('203.0.113.7');
    expect(trusted.clientOf('10.0.0.5', '')).toBe('10.0.0.5');
    expect(trusted.clientOf('10.0.0.5', 'not an address')).toBe('10.0.0.5');
    expect(trusted.clientOf('192.0.2.9', '203.0.113.7')).toBe('192.0.2.9');
    expect(new TrustedProxies([]).clientOf('10.0.0.5', '203.0.113.7')).toBe('10.0.0.5');
  });

  it('HARD-13b ranges, chains of trusted proxies, IPv6, and IPv4 clients of a socket listening on ::', () => {
    const trusted = proxies('10.0.0.0/24', 'fd00::/8');
    expect(trusted.clientOf('10.0.0.77', '203.0.113.7, 10.0.0.9')).toBe('203.0.113.7');
    expect(trusted.clientOf('fd00::1', '2001:db8::42')).toBe('2001:db8::42');
    expect(trusted.clientOf('0000:0000:0000:0000:0000:ffff:0a00:0005', '203.0.113.7')).toBe('203.0.113.7');
    expect(normalAddress('0000:0000:0000:0000:0000:ffff:7f00:0001')).toBe('127.0.0.1');
    expect(normalAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normalAddress('::FFFF:7F00:1')).toBe('127.0.0.1');
  });

  it('HARD-13c TRUSTED_PROXIES takes addresses and CIDR ranges, and refuses anything else naming the variable', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.5, 10.1.0.0/16,::1' }).trustedProxies).toEqual([
      { address: '10.0.0.5', prefix: null }, { address: '10.1.0.0', prefix: 16 }, { address: '::1', prefix: null },
    ]);
    for (const bad of ['haproxy.internal', '10.0.0.0/33', '10.0.0.5/8/1', '10.0.0.256', '*']) {
      expect(() => loadConfig({ TRUSTED_PROXIES: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ TRUSTED_PROXIES: bad }), bad).toThrow(/TRUSTED_PROXIES/);
    }
  });
});
