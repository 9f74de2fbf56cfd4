import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startCollector, storedEvents, type Running } from './test-harness.js';
import { pixelUrl, redirectUrl } from './url-builders.js';

const secret = 'a-test-secret-of-enough-length';
let server: Running;
let open: Running;
beforeAll(async () => {
  server = await startCollector({
    redirectSecret: secret,
    allowRedirectHosts: ['shop.example', '*.cdn.example'],
  });
  open = await startCollector({ allowRedirectHosts: ['shop.example'] });
});
afterAll(async () => {
  for (const r of [server, open]) {
    await r.stop();
    await removeDir(r.dataDir);
  }
});

function get(url: string) {
  return fetch(url, { redirect: 'manual' });
}

describe('GET /v1/r', () => {
  it('records a signed email click and redirects with tp_click', async () => {
    const link = redirectUrl(server.baseUrl, {
      target: 'https://anywhere.example/landing?x=1#top',
      email: { campaign: 'spring', message: 'm1', recipient: 'r-42' },
      secret,
    });
    const res = await get(link);
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.origin + location.pathname).toBe('https://anywhere.example/landing');
    expect(location.searchParams.get('x')).toBe('1');
    expect(location.hash).toBe('#top');
    const clickId = location.searchParams.get('tp_click')!;
    const event = (await storedEvents(server.dataDir)).find((e) => e.id === clickId);
    expect(event).toMatchObject({
      type: 'email_click',
      email: { campaign: 'spring', message: 'm1', recipient: 'r-42' },
      anonymousId: 'recipient:r-42',
      sessionId: clickId,
      target: 'https://anywhere.example/landing?x=1#top',
    });
  });

  it('lands on the target exactly as linked, only tp_click appended', async () => {
    // Pages that read their raw query (signed download links, `;` separators, bare flags) must get it as is.
    for (const query of ['?sig=ab~c/d&flag&q=red%20shoes', '?a=1;b=2', '?tp_click=stale&x=1', '']) {
      const target = `https://shop.example/p${query}#top`;
      const res = await get(redirectUrl(server.baseUrl, { target, secret }));
      const location = res.headers.get('location')!;
      const clickId = new URL(location).searchParams.get('tp_click');
      const kept = query.replace(/^\?(tp_click=stale&)?/, '');
      expect(location, target).toBe(
        `https://shop.example/p?${kept ? `${kept}&` : ''}tp_click=${clickId}#top`,
      );
    }
  });

  it('records an ad click', async () => {
    const link = redirectUrl(server.baseUrl, {
      target: 'https://shop.example/p',
      ad: { id: 'ad-1', campaign: 'c', network: 'display' },
      secret,
    });
    const res = await get(link);
    const clickId = new URL(res.headers.get('location')!).searchParams.get('tp_click');
    const event = (await storedEvents(server.dataDir)).find((e) => e.id === clickId);
    expect(event).toMatchObject({ type: 'ad_click', ad: { id: 'ad-1', campaign: 'c', network: 'display' } });
    expect(event!.anonymousId).toBe(`server:${clickId}`);
  });

  it('redirects unsigned targets on the allowlist, including wildcard subdomains', async () => {
    for (const target of ['https://shop.example/a', 'http://img.cdn.example/b', 'HTTPS://SHOP.EXAMPLE/c']) {
      const res = await get(redirectUrl(server.baseUrl, { target }));
      expect(res.status, target).toBe(302);
    }
  });

  it('records no click for an unsigned link when a secret is set: anyone could forge its ids', async () => {
    const before = (await storedEvents(server.dataDir)).length;
    const forged = redirectUrl(server.baseUrl, {
      target: 'https://shop.example/',
      email: { campaign: 'spring', message: 'm-12', recipient: 'r-victim' },
    });
    const res = await get(forged);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://shop.example/');
    // Nor does it pass on a click id it carries: someone else's click would join this visit.
    const carried = await get(
      redirectUrl(server.baseUrl, { target: 'https://shop.example/?a=1&tp_click=someone-elses&b' }),
    );
    expect(carried.headers.get('location')).toBe('https://shop.example/?a=1&b');
    // However the name is spelt, as the SDK reads it decoded and in any case; nothing else changes.
    for (const [query, kept] of [
      ['?a=1&TP_CLICK=x&&b', '?a=1&&b'],
      ['?tp%5Fclick=x&z=%7E', '?z=%7E'],
      ['?a=1&&b=2', '?a=1&&b=2'],
      ['?a=1&', '?a=1&'],
      ['??a=1&tp_click=x', '??a=1'],
    ]) {
      const res = await get(redirectUrl(server.baseUrl, { target: `https://shop.example/${query}` }));
      expect(res.headers.get('location'), query).toBe(`https://shop.example/${kept}`);
    }
    expect(server.collector.metrics().unsignedClicks).toBeGreaterThanOrEqual(2);
    // A signed link with its signature taken off is unsigned too.
    const signed = new URL(
      redirectUrl(server.baseUrl, { target: 'https://shop.example/', email: { recipient: 'r-1' }, secret }),
    );
    signed.searchParams.delete('sig');
    expect((await get(signed.href)).status).toBe(302);
    expect(await storedEvents(server.dataDir)).toHaveLength(before);
    // Without a secret, allowlisted links are all there is, and they are recorded.
    const plain = await get(
      redirectUrl(open.baseUrl, { target: 'https://shop.example/', email: { recipient: 'r-2' } }),
    );
    expect(plain.headers.get('location')).toMatch(/[?&]tp_click=/);
    // A click id of someone else's in the target never comes before the real one.
    const spelt = await get(
      redirectUrl(open.baseUrl, {
        target: 'https://shop.example/?TP_CLICK=victim',
        email: { recipient: 'r-3' },
      }),
    );
    expect(new URL(spelt.headers.get('location')!).search).toMatch(/^\?tp_click=[0-9a-f-]{36}$/);
  });

  it('refuses tampered links', async () => {
    const link = new URL(
      redirectUrl(server.baseUrl, {
        target: 'https://anywhere.example/',
        email: { recipient: 'r1' },
        secret,
      }),
    );
    for (const change of [
      (u: URL) => u.searchParams.set('url', 'https://evil.example/'),
      (u: URL) => u.searchParams.set('recipient', 'r2'),
      (u: URL) => u.searchParams.append('campaign', 'x'),
      (u: URL) => u.searchParams.set('sig', u.searchParams.get('sig')!.slice(0, -2) + 'AA'),
      (u: URL) => u.searchParams.append('url', 'https://evil.example/'),
    ]) {
      const copy = new URL(link);
      change(copy);
      const res = await get(copy.toString());
      expect(res.status, copy.search).toBe(400);
      expect(res.headers.get('location')).toBeNull();
    }
    const wrongSecret = redirectUrl(server.baseUrl, {
      target: 'https://anywhere.example/',
      secret: 'another-secret-1234567',
    });
    expect((await get(wrongSecret)).status).toBe(400);
    // A collector without a secret cannot verify signatures, so signed links to other hosts are refused.
    const elsewhere = redirectUrl(open.baseUrl, { target: 'https://anywhere.example/', secret });
    expect((await get(elsewhere)).status).toBe(400);
  });

  it('takes a link to an allowlisted host whose signature fails as an unsigned one: redirected, no click', async () => {
    // Links already sent in emails were refused (400, no redirect) after a secret rotation, or when a mail
    // tool appended a parameter.
    const before = (await storedEvents(server.dataDir)).length;
    const rotated = redirectUrl(server.baseUrl, {
      target: 'https://shop.example/b?tp_click=old',
      email: { campaign: 'c', recipient: 'r-9' },
      secret: 'the-secret-before-rotation',
    });
    const appended = new URL(
      redirectUrl(server.baseUrl, { target: 'https://shop.example/c', email: { campaign: 'c' }, secret }),
    );
    appended.searchParams.append('utm_id', 'x');
    for (const link of [rotated, appended.href]) {
      const res = await get(link);
      expect(res.status, link).toBe(302);
      expect(res.headers.get('location'), link).not.toMatch(/tp_click/);
    }
    expect(await storedEvents(server.dataDir)).toHaveLength(before);
    // Without a secret there is nothing to verify: the allowlist decides, and the click is recorded.
    const bogus = await get(
      `${open.baseUrl}/v1/r?url=${encodeURIComponent('https://shop.example/a')}&sig=bogus`,
    );
    expect(bogus.status).toBe(302);
    expect(bogus.headers.get('location')).toMatch(/^https:\/\/shop\.example\/a\?tp_click=/);
  });

  it('refuses ids no store can hold (NUL characters) instead of failing the sink', async () => {
    const res = await get(
      `${server.baseUrl}/v1/r?url=${encodeURIComponent('https://shop.example/')}&campaign=a%00b`,
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/NUL/);
  });

  it('is never an open redirect', async () => {
    const attempts = [
      '//evil.example',
      '//evil.example/shop.example',
      'https:evil.example',
      'https:/evil.example',
      'https:\\\\evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      '%2F%2Fevil.example',
      '%2f%2fevil.example',
      'https%3A%2F%2Fevil.example',
      'HtTpS://evil.example',
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'https://shop.example@evil.example/',
      'https://shop.example%40evil.example/',
      'https://user:pw@shop.example/',
      'https://evil.example/https://shop.example',
      'https://evil.example#shop.example',
      'https://evil.example?shop.example',
      'https://shop.example.evil.example/',
      'https://evilshop.example/',
      'https://shop.example.:443/',
      ' https://evil.example',
      'https://evil.example\t',
      'https://shop.example\\@evil.example',
      'ftp://shop.example/',
      '',
    ];
    for (const target of attempts) {
      const res = await get(`${server.baseUrl}/v1/r?url=${encodeURIComponent(target)}`);
      expect(res.status, target).toBe(400);
      expect(res.headers.get('location'), target).toBeNull();
      const raw = await get(`${server.baseUrl}/v1/r?url=${target.replace(/[#&]/g, encodeURIComponent)}`);
      expect(raw.status, `raw ${target}`).toBe(400);
    }
    expect(server.collector.metrics().refusedRedirects).toBeGreaterThanOrEqual(attempts.length * 2);
  });
});

describe('redirectUrl()', () => {
  it('refuses, where the link is made, a target the collector would refuse', () => {
    for (const target of ['javascript:alert(1)', '/landing', '//evil.example/', 'https://u:p@shop.example/'])
      expect(() => redirectUrl('https://collect.example', { target })).toThrow(
        /^\[touchpoint\] redirectUrl\(\): /,
      );
    expect(redirectUrl('https://collect.example', { target: 'https://shop.example/a' })).toContain(
      '/v1/r?url=',
    );
  });
});

describe('GET /v1/p.gif', () => {
  it('records a signed email open and answers an uncacheable GIF', async () => {
    const before = server.collector.metrics().pixelOpens;
    const res = await get(
      pixelUrl(server.baseUrl, { campaign: 'spring', message: 'm1', recipient: 'r-7', secret }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/gif');
    expect(res.headers.get('cache-control')).toMatch(/no-store/);
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 6)
        .toString(),
    ).toBe('GIF89a');
    expect(server.collector.metrics().pixelOpens).toBe(before + 1);
    const event = (await storedEvents(server.dataDir)).find(
      (e) => e.type === 'email_open' && e.anonymousId === 'recipient:r-7',
    );
    expect(event).toMatchObject({ email: { campaign: 'spring', message: 'm1', recipient: 'r-7' } });
  });

  it('still answers the GIF but records nothing for unsigned or tampered pixels when a secret is set', async () => {
    const before = server.collector.metrics().pixelOpens;
    const tampered = pixelUrl(server.baseUrl, { recipient: 'r-8', secret }).replace('r-8', 'r-9');
    for (const url of [`${server.baseUrl}/v1/p.gif?recipient=r-8`, tampered]) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/gif');
    }
    expect(server.collector.metrics().pixelOpens).toBe(before);
  });

  it('never stores an email address as a recipient', async () => {
    await get(`${open.baseUrl}/v1/p.gif?recipient=${encodeURIComponent('someone@example.com')}&campaign=c9`);
    const event = (await storedEvents(open.dataDir)).find(
      (e) => e.type === 'email_open' && (e as any).email.campaign === 'c9',
    );
    expect(JSON.stringify(event)).not.toContain('someone@');
    expect(event!.anonymousId).toMatch(/^server:/);
    expect(() => pixelUrl(open.baseUrl, { recipient: 'a@b.example' })).toThrow(/never an email address/);
    // Nor one the collector would drop for its length: the open would join no recipient's journey.
    expect(() => pixelUrl(open.baseUrl, { recipient: 'r'.repeat(201) })).toThrow(/at most 200 characters/);
    expect(() =>
      redirectUrl(open.baseUrl, { target: 'https://shop.example/', email: { recipient: 'r'.repeat(210) } }),
    ).toThrow(/"recipient" may be at most 200/);
    expect(pixelUrl(open.baseUrl, { recipient: 'r'.repeat(200) })).toContain('r'.repeat(200));
  });
});
