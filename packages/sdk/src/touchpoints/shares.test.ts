import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeHost, type FakeHost } from './fake-host.js';
import { shares, shareTarget as targetOf } from './shares.js';

// shareTarget takes a parsed address (a link element's or a URL's parts).
const shareTarget = (href: string) => targetOf(new URL(href));

let host: FakeHost;
beforeEach(() => {
  host = fakeHost();
  host.start(shares());
});
afterEach(() => host.stop());
const click = (html: string) => {
  document.body.innerHTML = html;
  // Links would navigate in a real browser; the listener runs in the capture phase before that.
  document.body.addEventListener('click', (e) => e.preventDefault(), { once: true });
  (document.querySelector('#t') as HTMLElement).click();
};

describe('shareTarget', () => {
  it('knows the share URLs of the big networks', () => {
    expect(shareTarget('https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fa.example%2Fp')).toEqual({
      network: 'facebook',
      url: 'https://a.example/p',
    });
    expect(shareTarget('https://twitter.com/intent/tweet?url=https://a.example/&text=hi')?.network).toBe('x');
    expect(shareTarget('https://x.com/intent/post?url=u')?.network).toBe('x');
    expect(shareTarget('https://www.linkedin.com/sharing/share-offsite/?url=u')?.network).toBe('linkedin');
    expect(shareTarget('https://pinterest.com/pin/create/button/?url=u')?.network).toBe('pinterest');
    expect(shareTarget('https://www.reddit.com/submit?url=u')?.network).toBe('reddit');
    expect(shareTarget('https://wa.me/?text=u')?.network).toBe('whatsapp');
    expect(shareTarget('https://t.me/share/url?url=u')?.network).toBe('telegram');
    expect(shareTarget('https://bsky.app/intent/compose?text=u')?.network).toBe('bluesky');
    expect(shareTarget('https://www.threads.net/intent/post?text=u')?.network).toBe('threads');
    expect(shareTarget('https://api.whatsapp.com/send?text=u')?.network).toBe('whatsapp');
  });
  it('knows their other common share addresses', () => {
    expect(shareTarget('https://twitter.com/share?url=https%3A%2F%2Fa.example%2F')).toEqual({
      network: 'x',
      url: 'https://a.example/',
    });
    expect(
      shareTarget('https://www.facebook.com/dialog/share?app_id=1&href=https%3A%2F%2Fa.example%2F'),
    ).toEqual({ network: 'facebook', url: 'https://a.example/' });
    expect(shareTarget('https://m.facebook.com/sharer.php?u=u')?.network).toBe('facebook');
    expect(shareTarget('https://mobile.twitter.com/intent/tweet?url=u')?.network).toBe('x');
    expect(shareTarget('https://web.whatsapp.com/send?text=u')?.network).toBe('whatsapp');
    expect(shareTarget('https://telegram.me/share/url?url=u')?.network).toBe('telegram');
    expect(shareTarget('https://www.threads.com/intent/post?text=u')?.network).toBe('threads');
  });
  it('reads the shared address from the message when the network has no url parameter', () => {
    expect(shareTarget('https://wa.me/?text=Look%3A%20https%3A%2F%2Fa.example%2Fp%3Fq%3D1%20now')).toEqual({
      network: 'whatsapp',
      url: 'https://a.example/p?q=1',
    });
    expect(shareTarget('https://x.com/intent/post?text=new%20http%3A%2F%2Fa.example%2F')?.url).toBe(
      'http://a.example/',
    );
    // A url parameter wins; a message without an address shares nothing named (the plugin uses the page).
    expect(
      shareTarget('https://x.com/intent/post?url=https%3A%2F%2Fb.example%2F&text=https%3A%2F%2Fc.example')
        ?.url,
    ).toBe('https://b.example/');
    expect(shareTarget('https://wa.me/?text=hello')?.url).toBeUndefined();
  });
  it('ignores ordinary links', () => {
    expect(shareTarget('https://www.facebook.com/somepage')).toBeUndefined();
    expect(shareTarget('https://shop.example/share')).toBeUndefined();
    expect(shareTarget('https://evilfacebook.com/sharer')).toBeUndefined();
  });
});

describe('shares plugin', () => {
  it('records a click on a known share link', () => {
    click('<a id="t" href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fa.example%2Fp">FB</a>');
    expect(host.of('share')[0]).toMatchObject({ network: 'facebook', url: 'https://a.example/p' });
  });
  it('records data-tp-share elements (buttons too), defaulting the url to this page', () => {
    click('<button data-tp-share="copy-link"><span id="t">Copy</span></button>');
    expect(host.of('share')[0]).toMatchObject({ network: 'copy-link', url: location.href });
    click(
      '<a data-tp-share="email" data-tp-share-url="https://a.example/x" id="t" href="mailto:?body=x">Mail</a>',
    );
    expect(host.of('share')[1]).toMatchObject({ network: 'email', url: 'https://a.example/x' });
  });
  it('ignores a click in an SVG link without throwing into the page (it has no hostname)', () => {
    document.body.innerHTML =
      '<svg><a href="https://x.com/intent/post?url=u"><rect id="r" width="9" height="9"/></a></svg>';
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
    window.addEventListener('error', onError);
    try {
      document.querySelector('#r')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    } catch (error) {
      errors.push(error);
    }
    window.removeEventListener('error', onError);
    expect(errors).toEqual([]);
    expect(host.of('share')).toHaveLength(0);
  });
  it('ignores other clicks, including unmarked mailto links', () => {
    click('<a id="t" href="https://shop.example/p">p</a><a href="mailto:a@b.example">m</a>');
    (document.querySelector('a[href^=mailto]') as HTMLElement).click();
    expect(host.of('share')).toHaveLength(0);
  });
});
