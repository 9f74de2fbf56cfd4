import type { IncomingMessage } from 'node:http';
import { isIPv4, isIPv6 } from 'node:net';
import type { IpPolicy } from './options.js';

/**
 * Zeroes the host part of an address: IPv4 keeps its /24 network (`203.0.113.0`), IPv6 its /48
 * (`2001:db8:85a3::`). Enough for coarse geography, not enough to single out a household.
 */
export function truncateIp(ip: string): string | undefined {
  const mapped = ip.startsWith('::ffff:') && isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
  if (isIPv4(mapped)) return mapped.split('.').slice(0, 3).join('.') + '.0';
  if (!isIPv6(mapped)) return undefined;
  const [head = '', tail = ''] = mapped.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = mapped.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return (
    groups
      .slice(0, 3)
      .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
      .join(':') + '::'
  );
}

/**
 * The client address to store under `policy`, or undefined when none is stored. Behind `proxies` proxies
 * of the site's own, the client is the `X-Forwarded-For` entry that many from the right: each proxy
 * appends the address it was connected from, and everything left of that is what the client sent (a
 * client can claim any address there). Fewer entries than proxies: the leftmost.
 */
export function clientIp(req: IncomingMessage, policy: IpPolicy, proxies: number): string | undefined {
  if (policy === 'drop') return undefined;
  const hops = proxies
    ? String(req.headers['x-forwarded-for'] ?? '')
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean)
    : [];
  const forwarded = hops[Math.max(0, hops.length - proxies)] ?? '';
  // Some proxies (Azure App Service) forward `ip:port`, or `[ipv6]:port`.
  const ip = forwarded.replace(/^\[(.*)\](:\d+)?$|^([\d.]+):\d+$/, '$1$3') || req.socket.remoteAddress || '';
  if (!isIPv4(ip) && !isIPv6(ip)) return undefined;
  return policy === 'keep' ? ip : truncateIp(ip);
}
