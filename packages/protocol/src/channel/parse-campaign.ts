import type { Campaign } from '../event';
import { CLICK_IDS } from './click-ids';

/** `utm_*` parameter suffix → `Campaign` field. */
const UTM_FIELDS = {
  source: 'source',
  medium: 'medium',
  campaign: 'campaign',
  term: 'term',
  content: 'content',
  id: 'id',
} as const;

/** Longest parameter value kept; longer ones are cut (campaign values are labels, not payloads). */
export const MAX_CAMPAIGN_VALUE_LENGTH = 500;

/**
 * The email parameter an email tool can append to links instead of (or besides) `utm_*`:
 * `tp_email=spring-sale` or `tp_email=spring-sale:welcome-2` (campaign, then message).
 */
export const EMAIL_PARAM = 'tp_email';

/**
 * Reads the campaign a landing URL carries: `utm_source`, `utm_medium`, `utm_campaign`, `utm_term`,
 * `utm_content`, `utm_id`, the first known click id (see `CLICK_IDS`), and `tp_email`. Parameter names are
 * matched case-insensitively; the first occurrence of a name wins; empty values are ignored.
 *
 * `tp_email=campaign[:message]` sets `medium` to `email` and fills `campaign` and `content` (the message)
 * where the `utm_*` parameters leave them empty. Returns `{}` for a URL without campaign parameters or one
 * that cannot be parsed (a relative URL is read against a dummy origin).
 *
 * @example parseCampaign('https://shop.example/?utm_source=google&utm_medium=cpc&gclid=abc')
 * // → { source: 'google', medium: 'cpc', clickId: { name: 'gclid', value: 'abc' } }
 * @see https://support.google.com/analytics/answer/10917952 (URL builders and utm parameters)
 */
export function parseCampaign(url: string | URL): Campaign {
  const campaign: Campaign = {};
  let params: URLSearchParams;
  try {
    params = new URL(url, 'http://localhost').searchParams;
  } catch {
    return campaign;
  }
  const seen: Record<string, string> = {};
  params.forEach((raw, key) => {
    const value = raw.trim().slice(0, MAX_CAMPAIGN_VALUE_LENGTH);
    key = key.toLowerCase();
    if (value && !(key in seen)) seen[key] = value;
  });
  for (const [suffix, field] of Object.entries(UTM_FIELDS)) {
    const value = seen['utm_' + suffix];
    if (value) campaign[field] = value;
  }
  const email = seen[EMAIL_PARAM];
  if (email) {
    const colon = email.indexOf(':');
    campaign.medium ??= 'email';
    const name = colon < 0 ? email : email.slice(0, colon);
    const message = colon < 0 ? '' : email.slice(colon + 1);
    if (name) campaign.campaign ??= name;
    if (message) campaign.content ??= message;
  }
  for (const name in CLICK_IDS) {
    const value = seen[name];
    if (value) {
      campaign.clickId = { name, value };
      break;
    }
  }
  return campaign;
}
