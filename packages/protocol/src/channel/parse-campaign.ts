import type { Campaign } from '../event.js';
import { CLICK_IDS } from './click-ids.js';

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
  // Lower-cased name → first non-empty value (an empty one is kept only until a value comes).
  const params: Record<string, string> = {};
  try {
    new URL(url, 'http://x').searchParams.forEach((value, name) => {
      params[name.toLowerCase()] ||= value.trim().slice(0, MAX_CAMPAIGN_VALUE_LENGTH);
    });
  } catch {
    // Not a URL: no campaign.
  }
  for (const field of ['source', 'medium', 'campaign', 'term', 'content', 'id'] as const)
    if (params['utm_' + field]) campaign[field] = params['utm_' + field];
  const email = params[EMAIL_PARAM];
  if (email) {
    const [, name, message] = email.match(/([^:]*):?([^]*)/)!;
    campaign.medium ||= 'email';
    if (name) campaign.campaign ||= name;
    if (message) campaign.content ||= message;
  }
  const name = Object.keys(CLICK_IDS).find((id) => params[id]);
  if (name) campaign.clickId = { name, value: params[name]! };
  return campaign;
}
