import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientIp, truncateIp } from './client-ip.js';

const request = (remoteAddress: string, forwarded?: string) =>
  ({
    socket: { remoteAddress },
    headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
  }) as unknown as IncomingMessage;

describe('clientIp', () => {
  it('reads X-Forwarded-For only behind a trusted proxy', () => {
    expect(clientIp(request('10.0.0.1', '203.0.113.7'), 'keep', 0)).toBe('10.0.0.1');
    expect(clientIp(request('10.0.0.1', '203.0.113.7'), 'keep', 1)).toBe('203.0.113.7');
    expect(clientIp(request('10.0.0.1', '203.0.113.7'), 'truncate', 1)).toBe('203.0.113.0');
    expect(clientIp(request('10.0.0.1', '203.0.113.7'), 'drop', 1)).toBeUndefined();
  });
  it('takes the entry the proxies appended, not one the client wrote itself', () => {
    // The client sent `X-Forwarded-For: 198.51.100.66`; the site's proxy appended the real address.
    expect(clientIp(request('10.0.0.1', '198.51.100.66, 203.0.113.7'), 'keep', 1)).toBe('203.0.113.7');
    // Two proxies (a CDN before a load balancer): the CDN's entry is the client, the next one the CDN.
    expect(clientIp(request('10.0.0.1', '198.51.100.66, 203.0.113.7, 10.0.0.2'), 'keep', 2)).toBe(
      '203.0.113.7',
    );
    // Fewer entries than proxies (a request that skipped the CDN): the leftmost one.
    expect(clientIp(request('10.0.0.1', '203.0.113.7'), 'keep', 2)).toBe('203.0.113.7');
    // No header behind a proxy: the connection's address.
    expect(clientIp(request('10.0.0.1'), 'keep', 1)).toBe('10.0.0.1');
  });
  it('takes the address from a forwarded "ip:port" (Azure App Service) or "[ipv6]:port"', () => {
    expect(clientIp(request('10.0.0.1', '203.0.113.7:51234'), 'keep', 1)).toBe('203.0.113.7');
    expect(clientIp(request('10.0.0.1', '[2001:db8::7]:443'), 'keep', 1)).toBe('2001:db8::7');
    expect(clientIp(request('10.0.0.1', '[2001:db8:1:2::7]:443'), 'truncate', 1)).toBe('2001:db8:1::');
  });
  it('truncates IPv4 to /24 and IPv6 to /48', () => {
    expect(truncateIp('::ffff:198.51.100.9')).toBe('198.51.100.0');
    expect(truncateIp('2001:0db8:0085:a3::1')).toBe('2001:db8:85::');
  });
});
