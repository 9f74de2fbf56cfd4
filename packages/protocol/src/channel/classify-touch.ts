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
const DISPLAY_MEDIUM = /^(display|banner|expandable|interstitial|cpm)$/;
const EMAIL = /^(email|e-mail|e_mail|e mail)$/;

const lower = (value: string | undefined): string => (value ?? '').trim().toLowerCase();

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
export function classifyTouch({ referrer, landingHost, ...campaign }: ClassifyInput): Touch {
  const touch = campaign as Touch;
  const landing = hostOf(landingHost);
  let host = hostOf(referrer);
  if (host && landing && sameSite(host, landing)) host = undefined;
  if (host) touch.referrerHost = host;
  // Index access, not destructuring: a name like `constructor` finds no click id and must not throw.
  const implied = CLICK_IDS[touch.clickId?.name.toLowerCase() as string] ?? [];
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
  const s = lower(touch.source);
  const m = lower(touch.medium);
  const c = lower(touch.campaign);
  const paid = PAID_MEDIUM.test(m);
  const shopping = !!isShopping(s) || /^(.*(([^a-df-z]|^)shop|shopping).*)$/.test(c);
  const search = !!isSearch(s);
  const social = !!isSocial(s);
  const video = !!isVideo(s);
  // GA4's default channel groups in their order, each with its touch kind and rule; the first that matches
  // wins. Paid and display channels are ads.
  const rules: [channel: string, kind: TouchKind, rule: boolean][] = [
    ['Direct', 'direct', s === '(direct)' && /^(\(none\)|\(not set\)|)$/.test(m)],
    ['Cross-network', 'ad', c.includes('cross-network')],
    ['Paid Shopping', 'ad', paid && shopping],
    ['Paid Search', 'ad', paid && search],
    ['Paid Social', 'ad', paid && social],
    ['Paid Video', 'ad', paid && video],
    ['Display', 'ad', DISPLAY_MEDIUM.test(m)],
    ['Paid Other', 'ad', paid],
    ['Organic Shopping', 'shopping', shopping],
    [
      'Organic Social',
      'social',
      social || /^(social|social-network|social-media|sm|social network|social media)$/.test(m),
    ],
    ['Organic Video', 'video', video || m.includes('video')],
    ['Organic Search', 'search', search || m === 'organic'],
    ['Referral', 'referral', /^(referral|app|link)$/.test(m)],
    ['Email', 'email', EMAIL.test(s) || EMAIL.test(m)],
    ['Affiliates', 'affiliate', m === 'affiliate'],
    ['Audio', 'audio', m === 'audio'],
    ['SMS', 'sms', s === 'sms' || m === 'sms'],
    ['Mobile Push Notifications', 'push', /push$|mobile|notification/.test(m) || s === 'firebase'],
    ['Unassigned', 'other', true],
  ];
  const [channel, kind] = rules.find((rule) => rule[2])!;
  touch.channel = channel;
  touch.paid = kind === 'ad';
  touch.kind = kind;
  return touch;
}
