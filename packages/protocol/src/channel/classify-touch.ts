import type { ClickId, Touch, TouchKind } from '../event';
import { CLICK_IDS } from './click-ids';
import { hostOf, sameSite, sourceList } from './host';
import { SEARCH_SOURCES, SHOPPING_SOURCES, SOCIAL_SOURCES, VIDEO_SOURCES } from './sources';

/** What `classifyTouch` reads: a landing URL's campaign (see `parseCampaign`) plus its referrer. */
export interface ClassifyInput {
  source?: string;
  medium?: string;
  campaign?: string;
  term?: string;
  content?: string;
  id?: string;
  clickId?: ClickId;
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
const DISPLAY_MEDIUMS = ['display', 'banner', 'expandable', 'interstitial', 'cpm'];
const SOCIAL_MEDIUMS = ['social', 'social-network', 'social-media', 'sm', 'social network', 'social media'];
const EMAIL_NAMES = ['email', 'e-mail', 'e_mail', 'e mail'];

/**
 * GA4's default channel group rules in their order; the first that matches names the channel. Each rule gets
 * the lower-cased source, medium and campaign. `kind` is the touch kind the channel maps to.
 */
const RULES: ReadonlyArray<
  readonly [channel: string, kind: TouchKind, test: (s: string, m: string, c: string) => unknown]
> = [
  ['Direct', 'direct', (s, m) => s === '(direct)' && (m === '(none)' || m === '(not set)' || !m)],
  ['Cross-network', 'ad', (_s, _m, c) => c.includes('cross-network')],
  ['Paid Shopping', 'ad', (s, m, c) => (isShopping(s) || SHOP_CAMPAIGN.test(c)) && PAID_MEDIUM.test(m)],
  ['Paid Search', 'ad', (s, m) => isSearch(s) && PAID_MEDIUM.test(m)],
  ['Paid Social', 'ad', (s, m) => isSocial(s) && PAID_MEDIUM.test(m)],
  ['Paid Video', 'ad', (s, m) => isVideo(s) && PAID_MEDIUM.test(m)],
  ['Display', 'ad', (_s, m) => DISPLAY_MEDIUMS.includes(m)],
  ['Paid Other', 'ad', (_s, m) => PAID_MEDIUM.test(m)],
  ['Organic Shopping', 'shopping', (s, _m, c) => isShopping(s) || SHOP_CAMPAIGN.test(c)],
  ['Organic Social', 'social', (s, m) => isSocial(s) || SOCIAL_MEDIUMS.includes(m)],
  ['Organic Video', 'video', (s, m) => isVideo(s) || m.includes('video')],
  ['Organic Search', 'search', (s, m) => isSearch(s) || m === 'organic'],
  ['Referral', 'referral', (_s, m) => m === 'referral' || m === 'app' || m === 'link'],
  ['Email', 'email', (s, m) => EMAIL_NAMES.includes(s) || EMAIL_NAMES.includes(m)],
  ['Affiliates', 'affiliate', (_s, m) => m === 'affiliate'],
  ['Audio', 'audio', (_s, m) => m === 'audio'],
  ['SMS', 'sms', (s, m) => s === 'sms' || m === 'sms'],
  [
    'Mobile Push Notifications',
    'push',
    (s, m) => m.endsWith('push') || m.includes('mobile') || m.includes('notification') || s === 'firebase',
  ],
];

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
  const rule = RULES.find((r) => r[2](s, m, c));
  touch.channel = rule ? rule[0] : 'Unassigned';
  touch.kind = rule ? rule[1] : 'other';
  touch.paid = touch.kind === 'ad';
  return touch;
}
