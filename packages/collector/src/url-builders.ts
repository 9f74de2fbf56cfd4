import type { AdInfo, EmailInfo } from '@touchpoint/protocol';
import { signParams, SIGNATURE_PARAM } from './signature.js';
import { checkTarget } from './safe-target.js';

/** Longest recipient id accepted from a pixel or redirect URL (it becomes part of `anonymousId`). */
export const MAX_RECIPIENT_LENGTH = 200;

/** Path of the email-open pixel. */
export const PIXEL_PATH = '/v1/p.gif';
/** Path of the click redirect. */
export const REDIRECT_PATH = '/v1/r';
/** The URL parameter the redirect appends to the target: the click event's id, read by the SDK on landing. */
export const CLICK_PARAM = 'tp_click';

/** Options of {@link redirectUrl}. */
export interface RedirectUrlOptions {
  /** Where the click should land, an absolute http(s) URL. */
  target: string;
  /** The collector's `redirectSecret`. Without it the target host must be on `allowRedirectHosts`. */
  secret?: string;
  /** Email identifiers: the click is recorded as `email_click`. */
  email?: EmailInfo;
  /** Ad identifiers: the click is recorded as `ad_click` (takes precedence over `email`). */
  ad?: AdInfo;
}

/** Options of {@link pixelUrl}. */
export interface PixelUrlOptions extends EmailInfo {
  /** The collector's `redirectSecret`; when the collector has one, only signed pixels are recorded. */
  secret?: string;
}

function base(collectorUrl: string, path: string): URL {
  try {
    return new URL(path, collectorUrl.endsWith('/') ? collectorUrl : collectorUrl + '/');
  } catch (cause) {
    throw new Error(
      `[touchpoint] collector URL "${collectorUrl}" is not absolute; pass e.g. "https://collect.example"`,
      {
        cause,
      },
    );
  }
}

function setEmail(params: URLSearchParams, email: EmailInfo): void {
  if (email.recipient?.includes('@')) {
    throw new Error(
      '[touchpoint] "recipient" must be an opaque id from your email tool, never an email address',
    );
  }
  // The collector would drop it, and the open or click would join no recipient's journey.
  if (email.recipient && email.recipient.length > MAX_RECIPIENT_LENGTH) {
    throw new Error(
      `[touchpoint] "recipient" may be at most ${MAX_RECIPIENT_LENGTH} characters, got ${email.recipient.length}`,
    );
  }
  for (const key of ['campaign', 'message', 'recipient'] as const)
    if (email[key]) params.set(key, email[key]!);
}

function finish(url: URL, endpoint: string, secret: string | undefined): string {
  if (secret) url.searchParams.set(SIGNATURE_PARAM, signParams(endpoint, url.searchParams, secret));
  return url.toString();
}

/**
 * Builds a click-tracking link: `GET /v1/r` records an `email_click` (or `ad_click`) and redirects to
 * `target` with `tp_click=<click id>` appended. Sign it with the collector's secret, or allowlist the host.
 *
 * @example
 * redirectUrl('https://collect.example', {
 *   target: 'https://shop.example/sale',
 *   email: { campaign: 'spring', message: 'm-12', recipient: 'r-8812' },
 *   secret: process.env.TOUCHPOINT_SECRET,
 * });
 * @see https://www.rfc-editor.org/rfc/rfc2104 (HMAC; SHA-256 here)
 */
export function redirectUrl(collectorUrl: string, options: RedirectUrlOptions): string {
  // The collector's own rule, minus the allowlist (this side cannot know it): a target it would refuse
  // fails here, where the link is made, not as a 400 when a recipient clicks it.
  const target = checkTarget(options.target, true, []);
  if (!target.ok)
    throw new Error(`[touchpoint] redirectUrl(): ${target.reason}, got ${JSON.stringify(options.target)}`);
  const url = base(collectorUrl, 'v1/r');
  url.searchParams.set('url', options.target);
  if (options.ad) {
    url.searchParams.set('kind', 'ad');
    const { id, campaign, creative, placement, network } = options.ad;
    url.searchParams.set('ad', id);
    if (campaign) url.searchParams.set('ad_campaign', campaign);
    if (creative) url.searchParams.set('creative', creative);
    if (placement) url.searchParams.set('placement', placement);
    if (network) url.searchParams.set('network', network);
  } else if (options.email) setEmail(url.searchParams, options.email);
  return finish(url, 'r', options.secret);
}

/**
 * Builds an email-open pixel URL for `<img src="..." width="1" height="1" alt="">`.
 *
 * @example
 * pixelUrl('https://collect.example', { campaign: 'spring', message: 'm-12', recipient: 'r-8812', secret });
 * @see redirectUrl for click links
 */
export function pixelUrl(collectorUrl: string, options: PixelUrlOptions): string {
  const url = base(collectorUrl, 'v1/p.gif');
  setEmail(url.searchParams, options);
  return finish(url, 'p.gif', options.secret);
}
