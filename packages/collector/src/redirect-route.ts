import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AdInfo } from '@touchpoint/protocol';
import type { Context } from './context.js';
import { replyError } from './http-reply.js';
import { checkTarget } from './safe-target.js';
import { checkServerEvent, emailFromQuery, serverEnvelope, storeServerEvent } from './server-event.js';
import { verifyParams } from './signature.js';
import { CLICK_PARAM } from './url-builders.js';

function adFromQuery(params: URLSearchParams): AdInfo | undefined {
  const id = params.get('ad');
  if (!id) return undefined;
  const ad: AdInfo = { id };
  const campaign = params.get('ad_campaign');
  if (campaign) ad.campaign = campaign;
  for (const key of ['creative', 'placement', 'network'] as const) {
    const value = params.get(key);
    if (value) ad[key] = value;
  }
  return ad;
}

/** Whether a query pair names the click id as the SDK reads names: decoded, in any case (`TP_CLICK`, `tp%5Fclick`). */
function isClickParam(pair: string): boolean {
  const name = pair.split('=')[0]!.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(name).toLowerCase() === CLICK_PARAM;
  } catch {
    return name.toLowerCase() === CLICK_PARAM;
  }
}

/**
 * The target with `tp_click=<id>` appended (replacing any it held, however spelt), or without any when no id
 * is given. The rest of its query stays byte for byte (`searchParams` would re-encode it: `?flag` →
 * `?flag=`, `~` → `%7E`, `;` → `%3B`), for pages that read it raw; a target with nothing to change is left
 * as it is.
 */
function withClickId(target: URL, id?: string): string {
  const url = new URL(target);
  const pairs = url.search ? url.search.slice(1).split('&') : [];
  const kept = pairs.filter((pair) => !isClickParam(pair));
  if (!id && kept.length === pairs.length) return target.toString();
  const query = [...kept, ...(id ? [`${CLICK_PARAM}=${id}`] : [])].join('&');
  // With its own '?': the setter takes one off, which would drop the second of a target's '??'.
  url.search = query && '?' + query;
  return url.toString();
}

/**
 * `GET /v1/r?url=<target>&...&sig=`: records an `email_click` (or `ad_click` with `kind=ad`), then 302s to
 * the target with `tp_click=<click event id>`. Never an open redirect: the target must be signed with the
 * `redirectSecret` or its host allowlisted; anything else is a 400 without a redirect.
 */
export async function handleRedirect(
  ctx: Context,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const { options, metrics } = ctx;
  const params = url.searchParams;
  const refuse = (reason: string): void => {
    metrics.counters.refusedRedirects++;
    replyError(res, 400, `redirect refused: ${reason}`);
  };
  const keys = [...params.keys()];
  if (new Set(keys).size !== keys.length) return refuse('a parameter appears twice');
  // A signature that does not verify (a rotated secret, a parameter a mail tool appended) makes the link
  // an unsigned one: it still goes to an allowlisted host, like any unsigned link, and nowhere else.
  const signed =
    params.has('sig') && !!options.redirectSecret && verifyParams('r', params, options.redirectSecret);
  const target = checkTarget(params.get('url'), signed, options.allowRedirectHosts);
  if (!target.ok) {
    return refuse(
      params.has('sig') && !signed
        ? 'the signature does not match (the link was changed, or the secret differs)'
        : target.reason,
    );
  }

  const now = options.now();
  const isAd = params.get('kind') === 'ad';
  const ad = isAd ? adFromQuery(params) : undefined;
  if (isAd && !ad) return refuse('an ad click needs an "ad" id');
  const email = emailFromQuery(params);
  const envelope = serverEnvelope(isAd ? undefined : email.recipient, now);
  const event = ad
    ? { ...envelope, type: 'ad_click' as const, ad, target: target.url.toString() }
    : { ...envelope, type: 'email_click' as const, email, target: target.url.toString() };
  const invalid = checkServerEvent(event, options.maxStringLength);
  if (invalid) return refuse(invalid);
  // With a secret, only signed links are recorded (as for pixels): an unsigned one names whatever
  // campaign and recipient its writer chose, and would put forged clicks into anyone's journey. It still
  // redirects when its host is allowlisted, but carries no click id to join (one already in its target,
  // someone else's, is taken out too).
  const record = signed || !options.redirectSecret;
  if (!record) metrics.counters.unsignedClicks++;
  else if (await storeServerEvent(ctx, req, event, now)) metrics.counters.clicks++;
  res.writeHead(302, {
    location: withClickId(target.url, record ? envelope.id : undefined),
    'cache-control': 'no-store',
    // The redirect URL carries campaign and recipient ids: do not leak it to the target.
    'referrer-policy': 'no-referrer',
    'content-length': '0',
  });
  res.end();
}
