import { describe, expect, it } from 'vitest';
import { DEFAULT_REDACT_PARAMS } from './options.js';
import { REDACTED, redactUrl } from './page-context.js';

describe('redactUrl', () => {
  it('redacts email, token and password-like parameters by default', () => {
    const url =
      'https://shop.example/a?email=x%40y.z&utm_source=news&reset_token=abc&Password=p&userEmail=q#top';
    const out = new URL(redactUrl(url, DEFAULT_REDACT_PARAMS));
    expect(out.searchParams.get('email')).toBe(REDACTED);
    expect(out.searchParams.get('reset_token')).toBe(REDACTED);
    expect(out.searchParams.get('Password')).toBe(REDACTED);
    expect(out.searchParams.get('userEmail')).toBe(REDACTED);
    expect(out.searchParams.get('utm_source')).toBe('news');
    expect(out.hash).toBe('#top');
  });
  it('matches configured names whatever their case (redactParams: ["customerId"])', () => {
    const out = new URL(redactUrl('https://shop.example/a?customerId=42&CUSTOMERID=43', ['customerId']));
    expect(out.searchParams.get('customerId')).toBe(REDACTED);
    expect(out.searchParams.get('CUSTOMERID')).toBe(REDACTED);
  });
  it('leaves URLs without matching parameters untouched', () => {
    const url = 'https://shop.example/a?utm_source=news&q=shoes';
    expect(redactUrl(url, DEFAULT_REDACT_PARAMS)).toBe(url);
    expect(redactUrl('https://shop.example/', DEFAULT_REDACT_PARAMS)).toBe('https://shop.example/');
  });
  it('matches configured names case-insensitively', () => {
    const out = new URL(redactUrl('https://shop.example/?SessionId=s1&q=1', ['sessionId']));
    expect(out.searchParams.get('SessionId')).toBe(REDACTED);
    expect(out.searchParams.get('q')).toBe('1');
  });
  it('redacts parameters in the fragment: OAuth tokens and hash-route queries', () => {
    expect(redactUrl('https://app.example/callback#access_token=abc&state=s1', DEFAULT_REDACT_PARAMS)).toBe(
      'https://app.example/callback#access_token=redacted&state=s1',
    );
    expect(redactUrl('https://app.example/#/reset?token=abc&step=2', DEFAULT_REDACT_PARAMS)).toBe(
      'https://app.example/#/reset?token=redacted&step=2',
    );
    const url = 'https://app.example/#/reset?step=2';
    expect(redactUrl(url, DEFAULT_REDACT_PARAMS)).toBe(url);
  });
  it('redacts a URL it cannot parse too, and keeps the rest as it was', () => {
    expect(redactUrl('not a url?email=a@b', DEFAULT_REDACT_PARAMS)).toBe('not a url?email=redacted');
    expect(redactUrl('/p?flag&ids=1,2&pwd=x&q=a%20b#h', DEFAULT_REDACT_PARAMS)).toBe(
      '/p?flag&ids=1,2&pwd=redacted&q=a%20b#h',
    );
  });
});
