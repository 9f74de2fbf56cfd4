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
    expect(clientIp(request('10.0.0.1', '203.0.113.7'), 'keep', false)).toBe('10.0.0.1');
    expect(clientIp(request('10.0.0.1', '203.0.113.7, 10.0.0.2'), 'keep', true)).toBe('203.0.113.7');
    expect(clientIp(request('10.0.0.1', '203.0.113.7'), 'truncate', true)).toBe('203.0.113.0');
    expect(clientIp(request('10.0.0.1', '203.0.113.7'), 'drop', true)).toBeUndefined();
  });
  it('takes the address from a forwarded "ip:port" (Azure App Service) or "[ipv6]:port"', () => {
    expect(clientIp(request('10.0.0.1', '203.0.113.7:51234'), 'keep', true)).toBe('203.0.113.7');
    expect(clientIp(request('10.0.0.1', '[2001:db8::7]:443'), 'keep', true)).toBe('2001:db8::7');
    expect(clientIp(request('10.0.0.1', '[2001:db8:1:2::7]:443'), 'truncate', true)).toBe('2001:db8:1::');
  });
  it('truncates IPv4 to /24 and IPv6 to /48', () => {
    expect(truncateIp('::ffff:198.51.100.9')).toBe('198.51.100.0');
    expect(truncateIp('2001:0db8:0085:a3::1')).toBe('2001:db8:85::');
  });
});
