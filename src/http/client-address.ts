import { BlockList, isIP } from 'node:net';
import { ConfigError } from '../config.ts';

/**
 * Which address a request comes from, for rate limits. X-Forwarded-For is believed only when the
 * connecting peer is one of our own proxies (TRUSTED_PROXIES); then the chain is read from the right
 * and the first address that is not one of our proxies is the client. Anything further left was
 * written by the client itself and proves nothing (FreeScout CVE-2026-107393 trusted such a header).
 */
export type ClientAddressResolver = (
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
) => string;

/** `::ffff:192.0.2.1` → `192.0.2.1`; ports and brackets from proxies that add them are dropped. */
export function normaliseAddress(raw: string): string | null {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  const zone = value.indexOf('%');
  if (zone >= 0) value = value.slice(0, zone);
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(value);
  if (mapped) value = mapped[1]!;
  const family = isIP(value);
  if (family === 0) return null;
  return family === 6 ? value.toLowerCase() : value;
}

function familyOf(address: string): 'ipv4' | 'ipv6' {
  return isIP(address) === 6 ? 'ipv6' : 'ipv4';
}

export function parseTrustedProxies(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [rawAddress, rawPrefix, ...rest] = entry.trim().split('/');
    const address = rawAddress === undefined ? null : normaliseAddress(rawAddress);
    if (address === null || rest.length > 0) {
      throw new ConfigError(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    }
    const family = familyOf(address);
    if (rawPrefix === undefined) {
      list.addAddress(address, family);
      continue;
    }
    const prefix = Number(rawPrefix);
    if (!/^\d{1,3}$/.test(rawPrefix) || prefix > (family === 'ipv4' ? 32 : 128)) {
      throw new ConfigError(`TRUSTED_PROXIES: "${entry}" has an invalid prefix length`);
    }
    list.addSubnet(address, prefix, family);
  }
  return list;
}

export function createClientAddressResolver(trustedProxies: readonly string[]): ClientAddressResolver {
  const trusted = parseTrustedProxies(trustedProxies);
  const isTrusted = (address: string): boolean => trusted.check(address, familyOf(address));
  return (peer, forwardedFor) => {
    const direct = peer === undefined ? null : normaliseAddress(peer);
    if (direct === null) return 'unknown';
    if (!isTrusted(direct) || forwardedFor === undefined) return direct;
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
      .split(',')
      .map((hop) => hop.trim())
      .filter((hop) => hop !== '');
    let client = direct;
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = normaliseAddress(hops[i]!);
      // Garbage in the part our own proxy wrote means a misconfigured proxy: stop at what we know.
      if (hop === null) return client;
      client = hop;
      if (!isTrusted(hop)) return hop;
    }
    return client;
  };
}

/**
 * The key a rate limit counts on. One IPv6 subscriber usually holds a whole /64, so counting single
 * IPv6 addresses would let one person rotate through billions of them.
 */
export function rateLimitKey(address: string): string {
  if (isIP(address) !== 6) return address;
  return `${expandIpv6(address).slice(0, 4).join(':')}::/64`;
}

function expandIpv6(address: string): string[] {
  let text = address;
  const embedded = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (embedded) {
    const [a, b, c, d] = embedded.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, embedded.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - left.length - right.length;
  const groups =
    tail === undefined ? left : [...left, ...Array<string>(Math.max(missing, 0)).fill('0'), ...right];
  return groups.map((group) => group.padStart(4, '0').toLowerCase());
}
