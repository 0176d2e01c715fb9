import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config.ts';
import { createClientAddressResolver, normaliseAddress, rateLimitKey } from './client-address.ts';

describe('client address for rate limits', () => {
  const resolve = createClientAddressResolver(['10.0.0.0/8', '192.0.2.10', '2001:db8:aaaa::/48']);

  it.each([
    ['an untrusted peer: X-Forwarded-For is ignored', '198.51.100.7', '203.0.113.1', '198.51.100.7'],
    ['no header from a trusted proxy: the proxy', '10.1.1.1', undefined, '10.1.1.1'],
    ['a trusted proxy: the address it saw', '10.1.1.1', '203.0.113.1', '203.0.113.1'],
    ['addresses the client wrote itself are skipped', '10.1.1.1', '1.1.1.1, 203.0.113.1', '203.0.113.1'],
    ['through two of our proxies', '10.1.1.1', '203.0.113.1, 192.0.2.10', '203.0.113.1'],
    ['only our proxies in the chain: the leftmost', '10.1.1.1', '10.2.2.2, 10.3.3.3', '10.2.2.2'],
    ['garbage where our proxy writes: stop at the proxy', '10.1.1.1', '203.0.113.1, nonsense', '10.1.1.1'],
    ['IPv4-mapped IPv6 peer', '::ffff:10.1.1.1', '203.0.113.9', '203.0.113.9'],
    ['IPv6 proxy range', '2001:db8:aaaa:1::5', '2001:db8:1234::1', '2001:db8:1234::1'],
    ['ports and brackets from the proxy', '10.1.1.1', '[2001:db8:1234::1]:443', '2001:db8:1234::1'],
    ['IPv4 with a port', '10.1.1.1', '203.0.113.1:51234', '203.0.113.1'],
    ['an IPv6 peer outside the range', '2001:db8:bbbb::1', '203.0.113.1', '2001:db8:bbbb::1'],
  ])('%s', (_name, peer, forwardedFor, expected) => {
    expect(resolve(peer, forwardedFor)).toBe(expected);
  });

  it('reads a header sent twice as one chain', () => {
    expect(resolve('10.1.1.1', ['203.0.113.1', '10.4.4.4'])).toBe('203.0.113.1');
  });

  it('refuses a setting that is not an address or range', () => {
    for (const entry of ['proxy.example.nl', '10.0.0.0/33', '10.0.0.0/8/1', '2001:db8::/129']) {
      expect(() => createClientAddressResolver([entry])).toThrow(ConfigError);
    }
  });

  it('counts an IPv6 client per /64 and an IPv4 client per address', () => {
    expect(rateLimitKey('2001:db8:1:2:aaaa::1')).toBe('2001:0db8:0001:0002::/64');
    expect(rateLimitKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:0db8:0001:0002::/64');
    expect(rateLimitKey('::1')).toBe('0000:0000:0000:0000::/64');
    expect(rateLimitKey('2001:db8::')).toBe('2001:0db8:0000:0000::/64');
    expect(rateLimitKey('203.0.113.5')).toBe('203.0.113.5');
    expect(normaliseAddress('FE80::1%eth0')).toBe('fe80::1');
  });
});
