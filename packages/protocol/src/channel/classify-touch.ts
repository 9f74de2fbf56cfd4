import type { Campaign, Touch, TouchKind } from '../event';
import { CLICK_IDS } from './click-ids';
import { hostOf, sameSite, sourceList } from './host';
import { SEARCH_SOURCES, SHOPPING_SOURCES, SOCIAL_SOURCES, VIDEO_SOURCES } from './sources';

/** What `classifyTouch` reads: a landing URL's campaign (see `parseCampaign`) plus its referrer. */
export interface ClassifyInput extends Campaign {
  /** `document.referrer`: a URL or a bare host. */
  referrer?: string;
  /** Host of the landing page; a referrer from the same site is not a referral. */
  landingHost?: string;
}

const isSearch = sourceList(SEARCH_SOURCES);
const isSocial = sourceList(SOCIAL_SOURCES);
const isVideo = sourceList(VIDEO_SOURCES);
const isShopping = sourceList(SHOPPING_SOURCES);

/** GA4's paid medium pattern. */
const PAID_MEDIUM = /^(.*cp.*|ppc|retargeting|paid.*)$/;
const SHOP_CAMPAIGN = /^(.*(([^a-df-z]|^)shop|shopping).*)$/;
const DISPLAY_MEDIUM = /^(display|banner|expandable|interstitial|cpm)$/;
const SOCIAL_MEDIUM = /^(social|social-network|social-media|sm|social network|social media)$/;
const EMAIL = /^(email|e-mail|e_mail|e mail)$/;

/**
 * GA4's default channel group rules in their order; the first that matches names the channel. Gets the
 * lower-cased source, medium and campaign. Written as one expression: it ships in the script tag.
 */
function channelOf(s: string, m: string, c: string): string {
  const shopping = !!isShopping(s) || SHOP_CAMPAIGN.test(c);
  const search = isSearch(s);
  const social = isSocial(s);
  const video = isVideo(s);
  if (s === '(direct)' && (m === '(none)' || m === '(not set)' || !m)) return 'Direct';
  if (c.includes('cross-network')) return 'Cross-network';
  if (PAID_MEDIUM.test(m))
    return shopping
      ? 'Paid Shopping'
      : search
        ? 'Paid Search'
        : social
          ? 'Paid Social'
          : video
            ? 'Paid Video'
            : DISPLAY_MEDIUM.test(m)
              ? 'Display'
              : 'Paid Other';
  return DISPLAY_MEDIUM.test(m)
    ? 'Display'
    : shopping
      ? 'Organic Shopping'
      : social || SOCIAL_MEDIUM.test(m)
        ? 'Organic Social'
        : video || m.includes('video')
          ? 'Organic Video'
          : search || m === 'organic'
            ? 'Organic Search'
            : /^(referral|app|link)$/.test(m)
              ? 'Referral'
              : EMAIL.test(s) || EMAIL.test(m)
                ? 'Email'
                : m === 'affiliate'
                  ? 'Affiliates'
                  : m === 'audio'
                    ? 'Audio'
                    : s === 'sms' || m === 'sms'
                      ? 'SMS'
                      : /push$|mobile|notification/.test(m) || s === 'firebase'
                        ? 'Mobile Push Notifications'
                        : 'Unassigned';
}

/** Touch kind of the channels whose kind is not their lower-cased name (paid channels are all `ad`). */
const KINDS: Record<string, TouchKind> = {
  Affiliates: 'affiliate',
  'Mobile Push Notifications': 'push',
  Unassigned: 'other',
};

/**
 * Classifies where a visit came from into a GA4 default channel group (`Paid Search`, `Organic Social`,
 * `Email`, `Direct`, `Referral`, …, else `Unassigned`) and a touch kind (`ad` for every paid channel,
 * `social`, `search`, `email`, `referral`, `direct`, …). Case-insensitive; first matching rule wins.
 *
 * Source and medium come from the campaign; a click id fills whichever is missing (`gclid` → google / cpc,
 * `fbclid` → facebook / paid, see `CLICK_IDS`), so a click id is paid evidence unless a medium says
 * otherwise. Without source and medium they come from the referrer, as GA4 does: a search engine gives
 * `organic`, any other site `referral` (so a social network lands in `Organic Social`); no referrer, or one
 * from the landing site itself, is `(direct)` / `(none)`: Direct unless a campaign name says more.
 *
 * @example classifyTouch({ referrer: 'https://www.google.com/' }) // → { kind: 'search', channel: 'Organic Search', source: 'google', medium: 'organic', … }
 * @see https://support.google.com/analytics/answer/9756891
 */
export function classifyTouch(input: ClassifyInput): Touch {
  const { referrer, landingHost, ...campaign } = input;
  const touch = { ...campaign } as Touch;
  let host = hostOf(referrer);
  const landing = hostOf(landingHost);
  if (host && landing && sameSite(host, landing)) host = undefined;
  if (host) touch.referrerHost = host;
  const implied = campaign.clickId ? (CLICK_IDS[campaign.clickId.name.toLowerCase()] ?? []) : [];
  touch.source ||= implied[0];
  touch.medium ||= implied[1];
  if (!touch.source && !touch.medium) {
    if (!host) {
      // A campaign name alone is not nothing: leave it to the campaign rules (else Unassigned).
      if (!touch.campaign) {
        touch.source = '(direct)';
        touch.medium = '(none)';
      }
    } else {
      const engine = isSearch(host);
      touch.source = engine ?? host;
      touch.medium = engine ? 'organic' : 'referral';
    }
  }
  if (!touch.source) delete touch.source;
  if (!touch.medium) delete touch.medium;
  const s = (touch.source ?? '').trim().toLowerCase();
  const m = (touch.medium ?? '').trim().toLowerCase();
  const c = (touch.campaign ?? '').trim().toLowerCase();
  touch.channel = channelOf(s, m, c);
  // Paid and display channels are ads; `Organic Social` is `social`, `Email` is `email`, and so on.
  touch.paid = /^(Paid|Display|Cross)/.test(touch.channel);
  touch.kind = touch.paid
    ? 'ad'
    : (KINDS[touch.channel] ?? (touch.channel.replace('Organic ', '').toLowerCase() as TouchKind));
  return touch;
}
